"""The digest timer: every `interval` seconds, post the digests and watch alerts now due.

The core decides what is due (including a late catch-up after downtime) and remembers
deliveries in SQLite, so a restart never posts the same day twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord

from adapters.discord import alerts, notices, options
from adapters.discord.render import render, render_plain
from adapters.discord.replies import can_embed, post
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
        error: str | None = None
        try:
            answer = await asyncio.to_thread(self.bot.digest_for, due)
            channel_id = int(where.channel)
            channel = self.client.get_channel(channel_id) or self.client.get_partial_messageable(
                channel_id, guild_id=int(where.scope)
            )
            shown = render if can_embed(channel) else render_plain
            once = f"digest:{where.scope}:{where.channel}:{due.day}"  # a retry never posts twice
            await post(channel, shown(answer, lead=notices.digest_lead(due)), once=once)  # type: ignore[arg-type]
        except discord.NotFound:
            error = "the channel was not found (deleted?)"
        except discord.Forbidden:
            error = "newsbot may not post there (needs View Channel, Send Messages, Embed Links)"
        except discord.HTTPException as failure:
            error = f"Discord answered HTTP {failure.status}; will retry"
        except TimeoutError:
            error = "Discord did not answer in time; will retry"
        except Exception:
            log.exception("Digest for %s/%s failed", where.scope, where.channel)
            error = "internal error; see the bot's log"
        if error:
            log.warning("Digest for guild %s channel %s: %s", where.scope, where.channel, error)
        try:
            await asyncio.to_thread(self.bot.record_delivery, due, error)
        except Exception:
            log.exception("Could not record digest delivery")
        return error is None
