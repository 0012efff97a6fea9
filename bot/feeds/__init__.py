"""RSS/Atom feeds: subscriptions, polite polling, page extraction, and the per-item log."""

from bot.feeds.model import Feed, ItemLog, PollSummary
from bot.feeds.poll import PollConfig
from bot.feeds.runner import run_poller, run_poller_async
from bot.feeds.service import FeedService

__all__ = [
    "Feed",
    "FeedService",
    "ItemLog",
    "PollConfig",
    "PollSummary",
    "run_poller",
    "run_poller_async",
]
