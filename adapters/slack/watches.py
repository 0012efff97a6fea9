"""Watches on Slack: `/news watch|unwatch|watches` for admins, and posting due alerts.

The core decides what is due (new matches, the per-channel rate limit, the retry wait) and
remembers what was posted, so a restart never posts an item twice.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.admin import Respond, admin_or_refuse
from adapters.slack.commands import Command, Sub, parse_watch
from adapters.slack.digests import PLATFORM, TokenLookup
from adapters.slack.render import escape
from adapters.slack.send import deliver, respond_text
from bot.contract import Destination, Watch
from bot.errors import NewsbotError

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)
NOT_ADMIN = "Only workspace admins and owners can change or view watches."


async def run(
    bot: NewsBot,
    client: AsyncWebClient,
    command: dict[str, Any],
    parsed: Command,
    admins: frozenset[str],
    respond: Respond,
) -> None:
    """Check the caller, then add, remove or list watches (privately)."""
    try:
        if not await admin_or_refuse(client, command, admins, respond, NOT_ADMIN):
            return
        here = Destination(PLATFORM, str(command["team_id"]), str(command["channel_id"]))
        if parsed.sub is Sub.WATCHES:
            watches = await asyncio.to_thread(bot.watches, PLATFORM, here.scope)
            text = listing(watches)
        else:
            kind, term = parse_watch(parsed.rest)
            if parsed.sub is Sub.WATCH:
                text = watching(await asyncio.to_thread(bot.watch, here, kind, term))
            else:
                removed = await asyncio.to_thread(bot.unwatch, here, kind, term)
                text = unwatched(removed, kind, term)
        # Every user-supplied part is escaped where the reply is built.
        await respond_text(respond, text, mrkdwn=True)
    except NewsbotError as e:
        await respond_text(respond, e.message)
    except Exception:
        log.exception("watch command failed")
        await respond_text(respond, "Sorry, that did not work. Please try again in a moment.")


def watching(watch: Watch) -> str:
    return (
        f"Watching {watch.kind} *{escape(watch.term)}* in this channel: each new quote or story"
        " is posted here once, as it arrives (several at once come together, at most one alert"
        " a minute). Invite me to the channel (`/invite @newsbot`) if I am not in it yet."
    )


def unwatched(removed: bool, kind: str, term: str) -> str:
    shown = f"{escape(kind)} *{escape(' '.join(term.split()))}*"
    if removed:
        return f"Stopped watching {shown} in this channel."
    return f"This channel was not watching {shown}; nothing changed. `/news watches` lists them."


def listing(watches: tuple[Watch, ...]) -> str:
    """Every watch of this workspace, by channel, with the last failed alert if any."""
    if not watches:
        return "Nothing is watched in this workspace. Use `/news watch topic China` in a channel."
    lines = ["Watches in this workspace:"]
    errors: dict[str, str] = {}
    for w in watches:
        lines.append(f"• <#{w.destination.channel}>: {escape(w.kind)} *{escape(w.term)}*")
        if w.last_error:
            errors[w.destination.channel] = w.last_error
    lines += [f"Last alert in <#{c}> failed: {escape(e)}" for c, e in errors.items()]
    return "\n".join(lines)


async def post_due_alerts(
    bot: NewsBot, client: AsyncWebClient, token_for: TokenLookup | None = None
) -> int:
    """Post the Slack alerts due now; returns how many were posted successfully."""
    posted = 0
    for alert in await asyncio.to_thread(bot.due_alerts, PLATFORM):
        error = await deliver(
            client, alert.destination, partial(bot.alert_answer, alert), "alert", token_for
        )
        # Shielded: a shutdown right after a post must still log it, or a restart posts it again.
        await asyncio.shield(asyncio.to_thread(bot.record_alert, alert, error))
        posted += error is None
    return posted
