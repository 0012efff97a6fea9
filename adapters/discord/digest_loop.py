"""The digest timer: every `interval` seconds, post the digests and watch alerts now due.

The core decides what is due (including a late catch-up after downtime) and remembers
deliveries in SQLite, so a restart never posts the same day twice.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import TYPE_CHECKING

import discord

from adapters.discord import alerts, notices, options
from adapters.discord.deliver import deliver
from bot.contract import DueDigest

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)


class DigestLoop:
    def __init__(self, client: discord.Client, bot: NewsBot, interval: float = 30.0) -> None:
        self.client = client
        self.bot = bot
        self.interval = interval
        self.ticks = 0
        self._ticked = asyncio.Condition()

    async def run(self) -> None:
        """Tick forever once the client is ready; one bad tick never stops the loop."""
        await self.client.wait_until_ready()
        while True:
            await self.tick()
            await asyncio.sleep(self.interval)

    async def tick(self) -> int:
        """Deliver every due digest and alert once; return how many were posted."""
        posted = 0
        try:
            due = await asyncio.to_thread(self.bot.due_digests, options.PLATFORM)
        except Exception:
            log.exception("Could not read due digests")
            due = ()
        for item in due:
            posted += await self._deliver(item)
        posted += await alerts.post_due(self.client, self.bot)  # watch alerts share the timer
        async with self._ticked:
            self.ticks += 1
            self._ticked.notify_all()
        return posted

    async def wait_ticks(self, count: int) -> None:
        """Wait until at least `count` ticks have finished (for tests and shutdown)."""
        async with self._ticked:
            await self._ticked.wait_for(lambda: self.ticks >= count)

    async def _deliver(self, due: DueDigest) -> bool:
        where = due.subscription.destination
        error = await deliver(
            self.client,
            where,
            partial(self.bot.digest_for, due),
            "Digest",
            lead=notices.digest_lead(due),
            once=f"digest:{where.scope}:{where.channel}:{due.day}",  # a retry never posts twice
        )
        try:
            await asyncio.to_thread(self.bot.record_delivery, due, error)
        except Exception:
            log.exception("Could not record digest delivery")
        return error is None
