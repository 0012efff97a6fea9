"""Where the client talks to Discord: the token check and the REST/gateway base URLs."""

from __future__ import annotations

from urllib.parse import urlsplit

import discord
import yarl
from discord.gateway import DiscordWebSocket

from bot.errors import NewsbotError
from bot.settings import Settings

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY = "wss://gateway.discord.gg/"
PORTAL = "https://discord.com/developers/applications"


def token(settings: Settings) -> str:
    """The bot token, or a clear error naming DISCORD_TOKEN (the token itself is never shown)."""
    value = (settings.discord_token or "").strip()
    if not value:
        raise NewsbotError(
            f"DISCORD_TOKEN is not set. Copy the bot token from {PORTAL} (your app, Bot, "
            "Reset Token) into .env as DISCORD_TOKEN=...",
            setting="DISCORD_TOKEN",
        )
    if value.lower().startswith("bot ") or any(c.isspace() for c in value):
        raise NewsbotError(
            "DISCORD_TOKEN must be the bare bot token: no 'Bot ' prefix, quotes or spaces.",
            setting="DISCORD_TOKEN",
        )
    return value


def rejected() -> NewsbotError:
    return NewsbotError(
        f"Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token at {PORTAL} "
        "(your app, Bot) and update .env.",
        setting="DISCORD_TOKEN",
    )


def apply(settings: Settings) -> None:
    """Point discord.py's REST and gateway at the settings (a proxy, a test fake) or Discord.

    These are class attributes in discord.py, so they are set here, at start, never on import.
    """
    api = _checked(
        settings.discord_api_base or DEFAULT_API_BASE, ("http", "https"), "DISCORD_API_BASE"
    )
    gateway = _checked(
        settings.discord_gateway_url or DEFAULT_GATEWAY, ("ws", "wss"), "DISCORD_GATEWAY_URL"
    )
    discord.http.Route.BASE = api.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


def _checked(url: str, schemes: tuple[str, ...], setting: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in schemes or not parts.netloc:
        raise NewsbotError(
            f"{setting} must be a {' or '.join(s + '://' for s in schemes)} URL, not {url!r}.",
            setting=setting,
        )
    return url
