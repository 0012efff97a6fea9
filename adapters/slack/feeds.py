"""`/news feed add|list|pause|resume|remove|explain` for workspace admins.

Feeds are global to the bot (one store serves every workspace it is installed in), so
the same admin check as `digest-set` guards them; replies are private.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.admin import Respond, admin_or_refuse
from adapters.slack.commands import Command, FeedArgs, parse_feed
from adapters.slack.render import escape
from adapters.slack.send import respond_text
from bot.errors import NewsbotError
from bot.feeds import text
from bot.feeds.model import Feed

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)
NOT_ADMIN = "Only workspace admins and owners can manage the bot's feeds."
GLOBAL = (
    "Feeds are global to this bot: every workspace it is installed in shares them and the"
    " articles they bring."
)
NONE_YET = "No feeds yet. Add one with `/news feed add https://example.com/rss`."


async def run(
    bot: NewsBot,
    client: AsyncWebClient,
    command: dict[str, Any],
    parsed: Command,
    admins: frozenset[str],
    respond: Respond,
) -> None:
    """Check the caller, then add, list, pause, resume, remove or explain (privately)."""
    try:
        if not await admin_or_refuse(client, command, admins, respond, NOT_ADMIN):
            return
        args = parse_feed(parsed.rest)
        # The service is reached in the worker thread: adding a feed fetches it.
        reply = await asyncio.to_thread(act, bot, args)
        # Every user-supplied part is escaped where the reply is built.
        await respond_text(respond, reply, mrkdwn=True)
    except NewsbotError as e:
        await respond_text(respond, e.message)
    except Exception:
        log.exception("feed command failed")
        await respond_text(respond, "Sorry, that did not work. Please try again in a moment.")


def act(bot: NewsBot, args: FeedArgs) -> str:
    """Blocking: run one feed action and say what happened, as escaped mrkdwn."""
    service = bot.feeds
    if args.action == "add":
        line = escape(text.feed_line(service.add(args.target, args.every)))
        return f"Added {line}\nIt is polled within a minute. {GLOBAL}"
    if args.action == "list":
        return listing(service.list())
    if args.action == "explain":
        return "\n".join(f"• {escape(text.explain_line(i))}" for i in service.explain(args.target))
    if args.action == "pause":
        return f"Paused {escape(service.pause(args.target).url)}."
    if args.action == "resume":
        return f"Resumed {escape(service.resume(args.target).url)}; it is polled on the next round."
    gone = escape(service.remove(args.target).url)
    return f"Removed {gone}. Articles it already brought stay in the store."


def listing(feeds: tuple[Feed, ...]) -> str:
    if not feeds:
        return NONE_YET
    lines = [f"• {escape(text.feed_line(f))}" for f in feeds]
    return "\n".join([f"{len(feeds)} feeds. {GLOBAL}", *lines])
