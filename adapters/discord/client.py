"""The discord.py client: default intents, the command tree, mentions and the digest timer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord import commands, conversation, notices, watches
from adapters.discord.admin import DigestAdmin
from adapters.discord.digest_loop import DigestLoop
from adapters.discord.replies import NO_PINGS, notify

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)


class NewsbotTree(app_commands.CommandTree):
    """Turns check failures into private notices and anything else into an apology."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await notify(interaction, notices.NEED_MANAGE_GUILD)
        elif isinstance(error, app_commands.NoPrivateMessage):
            await notify(interaction, notices.GUILD_ONLY)
        else:
            name = interaction.command.qualified_name if interaction.command else "?"
            log.error("Command /%s failed", name, exc_info=error)
            await notify(interaction, notices.APOLOGY)


class NewsbotClient(discord.Client):
    """`digest_interval=None` makes a client that only syncs commands and never posts digests."""

    def __init__(
        self, bot: NewsBot, *, digest_interval: float | None = 30.0, **kwargs: Any
    ) -> None:
        # newsbot never joins voice: skip discord.py's start-up warnings about voice libraries.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        # Default intents only: mentions and DMs carry their content without the privileged intent.
        super().__init__(intents=discord.Intents.default(), allowed_mentions=NO_PINGS, **kwargs)
        self.bot = bot
        self.tree = NewsbotTree(self)
        commands.register(self.tree, bot)
        self.tree.add_command(DigestAdmin(bot))
        watches.register(self.tree, bot)
        self.digests = DigestLoop(self, bot, digest_interval) if digest_interval else None
        self._digest_task: asyncio.Task[None] | None = None

    async def setup_hook(self) -> None:
        if self.digests is not None:
            self._digest_task = asyncio.create_task(self.digests.run(), name="newsbot-digests")

    async def close(self) -> None:
        if self._digest_task is not None:
            self._digest_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._digest_task
            self._digest_task = None
        await super().close()

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s (id %s) in %d servers", self.user, self.application_id,
                 len(self.guilds))  # fmt: skip

    async def on_message(self, message: discord.Message) -> None:
        if self.user is not None:
            await conversation.on_message(message, self.user, self.bot)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        # The default prints a traceback to stderr; log it instead and stay up.
        log.exception("Unhandled error in %s", event_method)
