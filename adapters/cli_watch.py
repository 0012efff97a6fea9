"""`newsbot watch add|remove|list`: channel watches that the running chat adapters post to."""

from __future__ import annotations

import argparse

from bot.contract import Destination
from bot.core import NewsBot
from bot.settings import Settings


def cmd_watch(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    """Add, remove or list channel watches; the running adapters post the alerts."""
    if args.watch_command == "list":
        platforms = [args.platform] if args.platform else ["discord", "slack"]
        watches = [w for p in platforms for w in bot.watches(p, args.scope)]
        for w in watches:
            d = w.destination
            failed = f"  (last alert failed: {w.last_error})" if w.last_error else ""
            print(f"{d.platform} {d.scope} {d.channel} {w.kind} {w.term}{failed}")
        if not watches:
            print("no watches yet; add one with `newsbot watch add … topic China`")
        return 0
    where = Destination(args.platform, args.scope, args.channel)
    term = " ".join(args.term)
    if args.watch_command == "add":
        watch = bot.watch(where, args.kind, term)
        place = f"{where.platform} {where.scope} {where.channel}"
        print(f"watching {watch.kind} {watch.term!r} in {place}; `newsbot run` posts new matches")
        return 0
    removed = bot.unwatch(where, args.kind, term)
    print(f"{'removed' if removed else 'no such watch:'} {args.kind} {term!r} in {where.channel}")
    return 0 if removed else 1


def add_parsers(sub: argparse._SubParsersAction) -> None:
    watch = sub.add_parser("watch", help="alert a channel to each new quote on a topic or person")
    watch.set_defaults(run=cmd_watch)
    actions = watch.add_subparsers(dest="watch_command", required=True)
    for name, text in (("add", "watch a topic or person"), ("remove", "stop a watch")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--platform", required=True, choices=["discord", "slack"])
        action.add_argument("--scope", required=True, help="Discord server id or Slack team id")
        action.add_argument("--channel", required=True, help="channel id")
        action.add_argument("kind", choices=["topic", "person"])
        action.add_argument("term", nargs="+", help="e.g. China, or Jen Psaki")
    listing = actions.add_parser("list", help="watches with the last failed alert, if any")
    listing.add_argument("--platform", choices=["discord", "slack"])
    listing.add_argument("--scope", help="only this Discord server or Slack team")
