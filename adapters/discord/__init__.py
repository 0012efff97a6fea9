"""Discord adapter: slash commands, mentions/DMs and scheduled digests over discord.py.

The CLI calls `serve` (run until cancelled) and `sync_commands` (register slash commands).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
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
AUTH_FAILED = 4004  # gateway close code: the token was refused


def build_client(bot: NewsBot, settings: Settings, *, digest_interval: float | None = 30.0,
                 **kwargs: object) -> tuple[NewsbotClient, str]:  # fmt: skip
    """Check the token, point discord.py at the configured endpoints and build the client."""
    token = endpoints.token(settings)
    endpoints.apply(settings)
    return NewsbotClient(bot, digest_interval=digest_interval, **kwargs), token


async def serve(bot: NewsBot, settings: Settings, *, digest_interval: float = 30.0) -> None:
    """Connect and answer until cancelled; start-up problems raise `NewsbotError`."""
    client, token = build_client(bot, settings, digest_interval=digest_interval)
    async with client:
        with _as_newsbot_errors():
            await client.start(token)


async def sync_commands(bot: NewsBot, settings: Settings, guild: str | None) -> int:
    """Register the slash commands; to one guild (instant) or globally. Returns how many.

    `guild` falls back to DISCORD_DEV_GUILD; with neither, the sync is global.
    """
    target = _guild(guild or settings.discord_dev_guild)
    client, token = build_client(bot, settings, digest_interval=None)
    async with client:
        with _as_newsbot_errors(target):
            await client.login(token)
            if target is not None:
                client.tree.copy_global_to(guild=target)
            synced = await client.tree.sync(guild=target)
    return len(synced)


@contextlib.contextmanager
def _as_newsbot_errors(guild: discord.Object | None = None) -> Iterator[None]:
    """Turn discord.py's start-up failures into messages a user can act on (no traceback)."""
    try:
        yield
    except discord.LoginFailure:
        raise endpoints.rejected() from None
    except discord.ConnectionClosed as error:
        if error.code == AUTH_FAILED:
            raise endpoints.rejected() from None
        raise NewsbotError(f"Discord closed the connection (code {error.code}).") from None
    except aiohttp.ClientConnectionError as error:
        raise NewsbotError(
            f"Could not reach Discord at {discord.http.Route.BASE}: {error.__class__.__name__}.",
            setting="DISCORD_API_BASE",
        ) from None
    except discord.Forbidden:
        where = f"server {guild.id}" if guild else "this application"
        raise NewsbotError(
            f"Discord refused to register commands in {where}: invite the bot there with the "
            "'applications.commands' scope first."
        ) from None
    except discord.HTTPException as error:
        raise NewsbotError(f"Discord answered HTTP {error.status}; try again later.") from None


def _guild(value: str | None) -> discord.Object | None:
    if value is None:
        return None
    if not value.strip().isdigit():
        raise NewsbotError(
            f"A server ID is a number (right-click the server, Copy Server ID), not {value!r}.",
            setting="DISCORD_DEV_GUILD",
        )
    return discord.Object(id=int(value.strip()))
