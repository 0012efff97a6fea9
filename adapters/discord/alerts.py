"""Watch alerts on the digest timer: post each channel's batched alert, record how it went.

The core decides what is due (new matches, the per-channel rate limit, the retry wait) and
remembers what was posted, so a restart never posts an item twice.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING

import discord

from adapters.discord import options
from adapters.discord.deliver import deliver
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
        posted += await deliver_alert(client, bot, alert)
    return posted


async def deliver_alert(client: discord.Client, bot: NewsBot, alert: Alert) -> bool:
    error = await deliver(client, alert.destination, partial(bot.alert_answer, alert), "Alert")
    try:
        # Shielded: a shutdown right after a post must still log it, or a restart posts it again.
        await asyncio.shield(asyncio.to_thread(bot.record_alert, alert, error))
    except Exception:
        log.exception("Could not record an alert delivery")
    return error is None
