"""RSS/Atom feeds: subscriptions, polite polling, page extraction, and the per-item log.

Names load lazily: the store imports `bot.feeds.model`, and that must not pull in
trafilatura and feedparser for every `newsbot ask`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.feeds.model import Feed, ItemLog, PollSummary
    from bot.feeds.poll import PollConfig
    from bot.feeds.runner import run_poller, run_poller_async
    from bot.feeds.service import FeedService

_WHERE = {
    "Feed": "bot.feeds.model",
    "ItemLog": "bot.feeds.model",
    "PollSummary": "bot.feeds.model",
    "PollConfig": "bot.feeds.poll",
    "run_poller": "bot.feeds.runner",
    "run_poller_async": "bot.feeds.runner",
    "FeedService": "bot.feeds.service",
}

__all__ = [
    "Feed",
    "FeedService",
    "ItemLog",
    "PollConfig",
    "PollSummary",
    "run_poller",
    "run_poller_async",
]


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'bot.feeds' has no attribute {name!r}")
