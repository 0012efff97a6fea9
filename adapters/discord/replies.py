"""Run the core off the event loop, and send rendered payloads with no pings, ever."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import discord

from adapters.discord import notices
from adapters.discord.render import Payload, render_text
from bot.errors import NewsbotError

log = logging.getLogger(__name__)
NO_PINGS = discord.AllowedMentions.none()
# discord.py retries 5xx itself but sets no timeout: a hung request would hold the channel's
# rate-limit bucket for minutes. Past this many seconds a send fails with TimeoutError.
SEND_TIMEOUT = 30.0
T = TypeVar("T")


async def produce(
    work: Callable[..., T], *args: Any, render: Callable[[T], tuple[Payload, ...]]
) -> tuple[Payload, ...]:
    """Call the synchronous core in a worker thread and render its result.

    A `NewsbotError` is shown as it is; anything else is logged and becomes an apology.
    """
    try:
        result = await asyncio.to_thread(work, *args)
    except NewsbotError as error:
        return render_text(error.message)
    except Exception:
        log.exception("The core failed on %s", getattr(work, "__name__", work))
        return render_text(notices.APOLOGY)
    return render(result)


def can_embed(channel: object) -> bool:
    """False only when the bot is known to lack Embed Links in this server channel."""
    if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
        return True  # DMs, and channels not in the cache: embeds are allowed or unknowable
    me = channel.guild.me
    return me is None or channel.permissions_for(me).embed_links


def _kwargs(payload: Payload) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if payload.content:
        kwargs["content"] = payload.content
    if payload.embeds:
        kwargs["embeds"] = [discord.Embed.from_dict(e) for e in payload.embeds]
    return kwargs


async def defer(interaction: discord.Interaction, *, ephemeral: bool = False) -> bool:
    """Acknowledge at once (type 5, "thinking…"); False when the interaction is gone."""
    try:
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)
    except discord.HTTPException as error:
        log.warning("Could not defer interaction: HTTP %s (code %s)", error.status, error.code)
        return False
    return True


async def follow_up(
    interaction: discord.Interaction, payloads: tuple[Payload, ...], *, ephemeral: bool = False
) -> None:
    """Send each payload as a follow-up; failures are logged, never raised."""
    try:
        for payload in payloads:
            await interaction.followup.send(**_kwargs(payload), ephemeral=ephemeral)
    except discord.HTTPException as error:
        log.warning("Follow-up failed: HTTP %s (code %s)", error.status, error.code)


async def respond(
    interaction: discord.Interaction,
    work: Callable[..., T],
    *args: Any,
    render: Callable[[T], tuple[Payload, ...]],
    ephemeral: bool = False,
) -> None:
    """The whole life of a command: defer, run the core in a thread, follow up."""
    if not await defer(interaction, ephemeral=ephemeral):
        return
    payloads = await produce(work, *args, render=render)
    await follow_up(interaction, payloads, ephemeral=ephemeral)


async def notify(interaction: discord.Interaction, text: str) -> None:
    """A short private notice, whether or not the interaction was answered yet."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    except discord.HTTPException as error:
        log.warning("Notice failed: HTTP %s (code %s)", error.status, error.code)


async def post(
    channel: discord.abc.Messageable,
    payloads: tuple[Payload, ...],
    reference: discord.Message | None = None,
    once: str | None = None,
) -> None:
    """Post payloads to a channel, the first as a reply to `reference`.

    Raises on HTTP errors, and `TimeoutError` after SEND_TIMEOUT seconds. With `once` (a key
    such as a digest's channel and day) each message gets a nonce derived from it, so a retry
    of a post that Discord did receive returns that message instead of posting it again.
    """
    for n, payload in enumerate(payloads):
        kwargs = _kwargs(payload)
        if reference is not None and n == 0:
            kwargs["reference"] = reference.to_reference(fail_if_not_exists=False)
        if once is not None:
            kwargs["nonce"] = nonce(f"{once}#{n}")
        # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancel (the client closing)
        async with asyncio.timeout(SEND_TIMEOUT):
            await channel.send(**kwargs)


def nonce(key: str) -> int:
    """A stable 63-bit nonce for `key` (Discord allows 25 characters; this needs at most 19)."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") >> 1
