"""Admin subcommands: `/news digest-set|digest-off|digest-show`, for workspace admins only."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.commands import Command, Sub, parse_digest_set
from adapters.slack.render import escape
from adapters.slack.send import respond_text
from bot.contract import Destination, DigestSubscription
from bot.errors import NewsbotError

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)

Respond = Callable[..., Awaitable[Any]]
NOT_ADMIN = "Only workspace admins and owners can change or view digests."


async def is_admin(client: AsyncWebClient, user_id: str, admins: frozenset[str]) -> bool:
    """A listed id (SLACK_ADMINS), or a workspace admin/owner according to `users.info`."""
    if user_id in admins:
        return True
    try:
        response = await client.users_info(user=user_id)
    except SlackApiError as e:
        log.warning("users.info failed for an admin check: %s", e.response.get("error"))
        return False
    user = response.get("user") or {}
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


async def admin_or_refuse(
    client: AsyncWebClient,
    command: dict[str, Any],
    admins: frozenset[str],
    respond: Respond,
    refusal: str,
) -> bool:
    """True for an admin caller; otherwise reply `refusal` privately and return False."""
    if await is_admin(client, str(command.get("user_id", "")), admins):
        return True
    await respond_text(respond, refusal)
    return False


async def run(
    bot: NewsBot,
    client: AsyncWebClient,
    command: dict[str, Any],
    parsed: Command,
    admins: frozenset[str],
    respond: Respond,
) -> None:
    """Check the caller, then set, stop or show this channel's digest (privately)."""
    try:
        if not await admin_or_refuse(client, command, admins, respond, NOT_ADMIN):
            return
        destination = Destination("slack", str(command["team_id"]), str(command["channel_id"]))
        if parsed.sub is Sub.DIGEST_SET:
            text = await _set(bot, destination, parsed.rest)
        elif parsed.sub is Sub.DIGEST_OFF:
            removed = await asyncio.to_thread(bot.unsubscribe_digest, destination)
            text = "Daily digest stopped for this channel." if removed else _NONE
        else:
            text = await _show(bot, destination)
        # Every user-supplied part is escaped where the reply is built.
        await respond_text(respond, text, mrkdwn=True)
    except NewsbotError as e:
        await respond_text(respond, e.message)
    except Exception:
        log.exception("admin command failed")
        await respond_text(respond, "Sorry, that did not work. Please try again in a moment.")


_NONE = "This channel has no daily digest. Set one with `/news digest-set 08:00 Europe/London`."


async def _set(bot: NewsBot, destination: Destination, rest: str) -> str:
    args = parse_digest_set(rest)
    wanted = DigestSubscription(destination, args.time, args.timezone, args.topics)
    saved = await asyncio.to_thread(bot.subscribe_digest, wanted)
    return (
        f"Daily digest set for this channel at {describe(saved)}. "
        "Invite me to the channel (`/invite @newsbot`) if I am not in it yet."
    )


async def _show(bot: NewsBot, destination: Destination) -> str:
    here = await asyncio.to_thread(bot.digest_subscription, destination)
    others = await asyncio.to_thread(bot.subscriptions, "slack", destination.scope)
    lines = [f"This channel: {describe(here)}." if here else _NONE]
    if here and here.last_error:
        failed = f"Last delivery failed: {escape(here.last_error)}. {_hint(here.last_error)}"
        lines.append(failed.strip())
    elsewhere = [s for s in others if s.destination.channel != destination.channel]
    if elsewhere:
        lines.append("Other channels in this workspace:")
        lines.extend(f"• <#{s.destination.channel}>: {describe(s)}" for s in elsewhere)
    return "\n".join(lines)


def describe(subscription: DigestSubscription) -> str:
    """`08:00 Europe/London on China, Ukraine`, escaped for mrkdwn."""
    text = f"{subscription.time} {subscription.timezone}"
    if subscription.topics:
        text += " on " + ", ".join(subscription.topics)
    return escape(text)


def _hint(error: str) -> str:
    # The core stores "<when>: <slack error code>".
    if "not_in_channel" in error or "channel_not_found" in error:
        return "Invite me with `/invite @newsbot`, or set the digest in another channel."
    if "is_archived" in error:
        return "The channel is archived: set the digest in another channel."
    if "not_installed" in error:
        return "Reinstall the app in this workspace."
    return ""
