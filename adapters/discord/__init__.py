"""Discord adapter: slash commands, mentions/DMs and scheduled digests over discord.py.

The CLI calls `serve` (run until cancelled) and `sync_commands` (register slash commands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import aiohttp
import discord

from adapters.discord import endpoints
from adapters.discord.client import NewsbotClient
from bot.errors import NewsbotError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.core import NewsBot

__all__ = ["NewsbotClient", "build_client", "serve", "sync_commands"]


def build_client(bot: NewsBot, settings: Settings, *, digest_interval: float | None = 30.0,
                 **kwargs: object) -> tuple[NewsbotClient, str]:  # fmt: skip
    """Check the token, point discord.py at the configured endpoints and build the client."""
    token = endpoints.token(settings)
    endpoints.apply(settings)
    return NewsbotClient(bot, digest_interval=digest_interval, **kwargs), token


async def serve(bot: NewsBot, settings: Settings, *, digest_interval: float = 30.0) -> None:
    """Connect and answer until cancelled; token problems raise `NewsbotError`."""
    client, token = build_client(bot, settings, digest_interval=digest_interval)
    async with client:
        try:
            await client.start(token)
        except discord.LoginFailure:
            raise endpoints.rejected() from None
        except aiohttp.ClientConnectionError as error:
            raise _unreachable(error) from None


async def sync_commands(bot: NewsBot, settings: Settings, guild: str | None) -> int:
    """Register the slash commands; to one guild (instant) or globally. Returns how many.

    `guild` falls back to DISCORD_DEV_GUILD; with neither, the sync is global.
    """
    target = _guild(guild or settings.discord_dev_guild)
    client, token = build_client(bot, settings, digest_interval=None)
    async with client:
        try:
            await client.login(token)
            if target is not None:
                client.tree.copy_global_to(guild=target)
            synced = await client.tree.sync(guild=target)
        except discord.LoginFailure:
            raise endpoints.rejected() from None
        except aiohttp.ClientConnectionError as error:
            raise _unreachable(error) from None
        except discord.Forbidden:
            raise NewsbotError(
                f"Discord refused to register commands in server {target.id if target else '?'}: "
                "invite the bot there with the 'applications.commands' scope first."
            ) from None
        except discord.HTTPException as error:
            raise NewsbotError(
                f"Command sync failed: Discord answered HTTP {error.status}."
            ) from None
    return len(synced)


def _guild(value: str | None) -> discord.Object | None:
    if value is None:
        return None
    if not value.strip().isdigit():
        raise NewsbotError(
            f"A server ID is a number (right-click the server, Copy Server ID), not {value!r}.",
            setting="DISCORD_DEV_GUILD",
        )
    return discord.Object(id=int(value.strip()))


def _unreachable(error: Exception) -> NewsbotError:
    return NewsbotError(
        f"Could not reach Discord at {discord.http.Route.BASE}: {error.__class__.__name__}.",
        setting="DISCORD_API_BASE",
    )
