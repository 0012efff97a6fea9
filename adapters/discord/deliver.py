"""Post a timer's answer (a digest, an alert) to a channel and say how it went, never raising."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import discord

from adapters.discord.render import render, render_plain
from adapters.discord.replies import can_embed, post
from bot.contract import Answer, Destination

log = logging.getLogger(__name__)


async def deliver(
    client: discord.Client,
    where: Destination,
    answer_for: Callable[[], Answer],
    what: str,
    *,
    lead: str = "",
    once: str | None = None,
) -> str | None:
    """Build the answer in a worker thread and post it; None when posted, else the error
    to record (shown by the admin list commands)."""
    error: str | None = None
    try:
        answer = await asyncio.to_thread(answer_for)
        channel_id = int(where.channel)
        channel = client.get_channel(channel_id) or client.get_partial_messageable(
            channel_id, guild_id=int(where.scope)
        )
        shown = render if can_embed(channel) else render_plain
        await post(channel, shown(answer, lead=lead), once=once)  # type: ignore[arg-type]
    except discord.NotFound:
        error = "the channel was not found (deleted?)"
    except discord.Forbidden:
        error = "newsbot may not post there (needs View Channel, Send Messages, Embed Links)"
    except discord.HTTPException as failure:
        error = f"Discord answered HTTP {failure.status}; will retry"
    except TimeoutError:
        error = "Discord did not answer in time; will retry"
    except Exception:
        log.exception("%s for %s/%s failed", what, where.scope, where.channel)
        error = "internal error; see the bot's log"
    if error:
        log.warning("%s for guild %s channel %s: %s", what, where.scope, where.channel, error)
    return error
