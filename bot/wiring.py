"""Build a `NewsBot` from finished settings: open the store, hand over the clock and feeds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core import NewsBot
from bot.settings import Settings
from bot.store import Store

if TYPE_CHECKING:
    from bot.feeds import FeedService


def build(settings: Settings, clock: Callable[[], datetime]) -> NewsBot:
    seeds = Path(settings.seeds_dir)
    store = Store.open(settings.db_path, settings.busy_timeout)

    def feeds() -> FeedService:
        from bot.feeds import FeedService  # loaded on first use: `ask` never needs it

        return FeedService.from_settings(store, clock, settings)

    return NewsBot(
        store,
        clock,
        seeds=seeds if seeds.is_dir() else None,
        page_size=settings.page_size,
        feeds=feeds,
    )
