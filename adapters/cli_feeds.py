"""`newsbot feeds …` and `newsbot poll`, and the feed poller that `newsbot run` keeps going."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from typing import TYPE_CHECKING

from bot.core import NewsBot
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.feeds import FeedService

log = logging.getLogger("newsbot")
POLL_TICK = 30.0  # seconds between looks for due feeds; each feed keeps its own interval


def feed_service(bot: NewsBot, settings: Settings) -> FeedService:
    # The bot's own service (built by bot.wiring from the same settings), not a second one.
    return bot.feeds


async def poll_feeds(service: FeedService, stop: asyncio.Event, tick: float = POLL_TICK) -> None:
    """The poller inside `newsbot run`: due feeds every `tick` s until `stop` is set.

    Whatever goes wrong is logged and the loop starts again after a tick; it never
    raises, so a feed problem cannot take the chat adapters down with it.
    """
    from bot.feeds import run_poller_async

    while not stop.is_set():
        try:
            await run_poller_async(service, stop, tick)
        except Exception:
            log.exception("the feed poller failed; restarting it in %s s", tick)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=tick)


def cmd_feeds(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    from bot.feeds import text

    service = feed_service(bot, settings)
    action = args.feeds_command
    if action == "add":
        feed = service.add(args.url, args.every)
        print(f"added {text.feed_line(feed)}")
    elif action == "list":
        feeds = service.list()
        for feed in feeds:
            print(text.feed_line(feed))
        if not feeds:
            print("no feeds yet; add one with `newsbot feeds add URL`")
    elif action in {"pause", "resume", "remove"}:
        feed = getattr(service, action)(args.url)
        print(f"{action}d {feed.url}" if action != "resume" else f"resumed {feed.url}")
    elif action == "explain":
        for item in service.explain(args.item):
            print(text.explain_line(item))
    return 0


def cmd_poll(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    from bot.feeds import text

    service = feed_service(bot, settings)
    results = service.poll_all() if args.all else service.poll_due()
    for result in results:
        if result.error:
            print(f"failed {result.url}: {result.error}", file=sys.stderr)
    print(text.poll_line(results))
    return 1 if any(r.error for r in results) else 0


def add_parsers(sub: argparse._SubParsersAction) -> None:
    feeds = sub.add_parser("feeds", help="RSS/Atom feeds: add, list, pause, resume, remove…")
    feeds.set_defaults(run=cmd_feeds)
    actions = feeds.add_subparsers(dest="feeds_command", required=True)
    add = actions.add_parser("add", help="subscribe to a feed (checked at once)")
    add.add_argument("url")
    add.add_argument("--every", help="poll interval, e.g. 15m, 2h (default 15m)")
    actions.add_parser("list", help="feeds with status, errors and next poll")
    for name in ("pause", "resume", "remove"):
        actions.add_parser(name, help=f"{name} a feed").add_argument("url")
    explain = actions.add_parser("explain", help="why an item was or was not stored")
    explain.add_argument("item", help="item URL, GUID or article id")
    poll = sub.add_parser("poll", help="poll due feeds once")
    poll.add_argument("--all", action="store_true", help="poll every active feed, due or not")
    poll.set_defaults(run=cmd_poll)
