"""Build a `NewsBot` from finished settings: open the store and hand over the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bot.core import NewsBot
from bot.settings import Settings
from bot.store import Store


def build(settings: Settings, clock: Callable[[], datetime]) -> NewsBot:
    seeds = Path(settings.seeds_dir)
    return NewsBot(
        Store.open(settings.db_path),
        clock,
        seeds=seeds if seeds.is_dir() else None,
        page_size=settings.page_size,
    )
