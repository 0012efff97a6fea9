"""The Slack digest timer: post every due Slack digest once, record how each delivery went.

The core decides what is due and remembers delivered days in the store, so a restart
never posts a day twice. A failed post is recorded (digest-show shows it) and never stops
the loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.send import deliver

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)

PLATFORM = "slack"
INTERVAL = 30.0  # seconds; digests are set to the minute
# team id → bot token, for workspaces installed through OAuth (None: use the client's token)
TokenLookup = Callable[[str], Awaitable[str | None]]


async def post_due_digests(
    bot: NewsBot,
    client: AsyncWebClient,
    token_for: TokenLookup | None = None,
) -> int:
    """Post the Slack digests due now; returns how many were posted successfully."""
    posted = 0
    for due in await asyncio.to_thread(bot.due_digests, PLATFORM):
        where = due.subscription.destination
        error = await deliver(client, where, partial(bot.digest_for, due), "digest", token_for)
        # The core keeps the day as delivered (never posted again) or keeps the error and
        # decides when to try again.
        await asyncio.to_thread(bot.record_delivery, due, error)
        posted += error is None
    return posted


async def run_timer(
    bot: NewsBot,
    client: AsyncWebClient,
    token_for: TokenLookup | None = None,
    interval: float = INTERVAL,
) -> None:
    """Check for due digests and watch alerts every `interval` seconds until cancelled."""
    from adapters.slack.watches import post_due_alerts  # watch alerts share this timer

    while True:
        try:
            await post_due_digests(bot, client, token_for)
        except Exception:
            # A broken store or core must not end the timer: log and try again next tick.
            log.exception("digest timer tick failed")
        try:
            await post_due_alerts(bot, client, token_for)
        except Exception:
            log.exception("alert timer tick failed")
        await asyncio.sleep(interval)
