"""Builders and fixtures for running the bot against the local Discord and Slack fakes.

Registered from tests/conftest.py. A test module says which Discord server it wants by
defining its own `fake` fixture with `started_discord(...)`; `settings` then points at it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import discord
import pytest
from discord.gateway import DiscordWebSocket

from adapters.discord import build_client
from adapters.discord.client import NewsbotClient
from bot import wiring
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_discord import APP_ID, FAKE_TOKEN, FakeDiscord, Request
from tests.fakes.fake_slack import BOT_TOKEN, SECRET, FakeSlack, free_port

F = TypeVar("F", bound=FakeDiscord)
S = TypeVar("S", bound=FakeSlack)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# -- Discord ----------------------------------------------------------------------------

GUILD, CHANNEL = "100000000000000001", "200000000000000001"  # the usual server and channel
GUILD_B, CHANNEL_B = "100000000000000002", "200000000000000002"  # a second server, kept apart
CALLBACK = r"/interactions/\d+/[^/]+/callback"  # the first answer to an interaction
FOLLOWUP = rf"/webhooks/{APP_ID}/[^/]+"  # the later answers to a deferred one


def two_guilds() -> dict[str, list[str]]:
    """A server layout with two servers of one channel each, for checks that they stay apart."""
    return {GUILD: [CHANNEL], GUILD_B: [CHANNEL_B]}


@contextlib.asynccontextmanager
async def started_discord(server: F) -> AsyncIterator[F]:
    """Run `server` for the block; afterwards, no request may have missed a route."""
    await server.start()
    yield server
    await server.close()
    assert [] == server.unknown


def discord_settings(
    tmp_path: Path, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch, **overrides: Any
) -> Settings:
    """Settings that send the real client to `fake`, on a fresh store under `tmp_path`."""
    # The adapter sets these class attributes at start; monkeypatch restores them afterwards.
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", DiscordWebSocket.DEFAULT_GATEWAY)
    values: dict[str, Any] = {
        "db_path": str(tmp_path / "t.db"),
        "seeds_dir": str(SEEDS),
        "discord_token": FAKE_TOKEN,
        "discord_api_base": fake.api_base,
        "discord_gateway_url": fake.gateway_url,
    }
    return Settings(**(values | overrides))


@pytest.fixture
def settings(tmp_path: Path, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Discord settings for the module's own `fake` server."""
    return discord_settings(tmp_path, fake, monkeypatch)


async def interact(fake: FakeDiscord, payload: dict[str, Any]) -> tuple[Request, list[Request]]:
    """Push one interaction; return its callback and, once the last arrives, its follow-ups."""
    token = payload["token"]
    await fake.dispatch("INTERACTION_CREATE", payload)
    await fake.wait_for(lambda rs: any(token in r.path for r in rs))
    callback = next(r for r in fake.matching("POST", CALLBACK) if token in r.path)
    if callback.body["type"] == 5:  # deferred: the answer comes as follow-ups
        await fake.wait_for(lambda _: any(token in r.path for r in fake.matching("POST", FOLLOWUP)))
    return callback, [r for r in fake.matching("POST", FOLLOWUP) if token in r.path]


def new_discord_client(
    settings: Settings, clock: Callable[[], datetime]
) -> tuple[NewsbotClient, str, NewsBot]:
    """A fresh process: a new core on the same SQLite file, and a new client with a fast timer."""
    newsbot = wiring.build(settings, clock)
    made, token = build_client(newsbot, settings, digest_interval=0.01, guild_ready_timeout=0.05)
    return made, token, newsbot


# -- Slack ------------------------------------------------------------------------------


@contextlib.contextmanager
def started_slack(server: S) -> Iterator[S]:
    """Run `server` for the block; afterwards, no call may have missed a known method."""
    server.start()
    yield server
    server.stop()
    assert [] == server.unknown()


@pytest.fixture
def slack_fake() -> Iterator[FakeSlack]:
    with started_slack(FakeSlack()) as server:
        yield server


def slack_settings(fake: FakeSlack, tmp_path: Path, **overrides: Any) -> Settings:
    """HTTP-mode settings against `fake`, on a fresh store and a free port."""
    values: dict[str, Any] = {
        "db_path": str(tmp_path / "t.db"),
        "seeds_dir": str(SEEDS),
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.api_url,
        "port": free_port(),
    }
    return Settings(**(values | overrides))
