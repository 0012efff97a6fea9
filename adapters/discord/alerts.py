"""Watch alerts on the digest timer: post each channel's batched alert, record how it went.

The core decides what is due (new matches, the per-channel rate limit, the retry wait) and
remembers what was posted, so a restart never posts an item twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord

from adapters.discord import options
from adapters.discord.render import render, render_plain
from adapters.discord.replies import can_embed, post
from bot.contract import Alert

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)


async def post_due(client: discord.Client, bot: NewsBot) -> int:
    """Post every due alert once; return how many were posted. Never raises."""
    try:
        due = await asyncio.to_thread(bot.due_alerts, options.PLATFORM)
    except Exception:
        log.exception("Could not read due alerts")
        return 0
    posted = 0
    for alert in due:
        posted += await deliver(client, bot, alert)
    return posted


async def deliver(client: discord.Client, bot: NewsBot, alert: Alert) -> bool:
    where = alert.destination
    error: str | None = None
    try:
        answer = await asyncio.to_thread(bot.alert_answer, alert)
        channel_id = int(where.channel)
        channel = client.get_channel(channel_id) or client.get_partial_messageable(
            channel_id, guild_id=int(where.scope)
        )
        shown = render if can_embed(channel) else render_plain
        await post(channel, shown(answer))  # type: ignore[arg-type]
    except discord.NotFound:
        error = "the channel was not found (deleted?)"
    except discord.Forbidden:
        error = "newsbot may not post there (needs View Channel, Send Messages, Embed Links)"
    except discord.HTTPException as failure:
        error = f"Discord answered HTTP {failure.status}; will retry"
    except Exception:
        log.exception("Alert for %s/%s failed", where.scope, where.channel)
        error = "internal error; see the bot's log"
    if error:
        log.warning("Alert for guild %s channel %s: %s", where.scope, where.channel, error)
    try:
        # Shielded: a shutdown right after a post must still log it, or a restart posts it again.
        await asyncio.shield(asyncio.to_thread(bot.record_alert, alert, error))
    except Exception:
        log.exception("Could not record an alert delivery")
    return error is None
