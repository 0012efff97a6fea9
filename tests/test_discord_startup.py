"""`serve` and its settings: clear token errors, endpoints, and no token in any log."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime

import discord
import pytest
from discord.gateway import DiscordWebSocket

from adapters.discord import endpoints, serve, sync_commands
from bot import wiring
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.settings import Settings
from tests.fakes.fake_discord import APP_ID, FAKE_TOKEN, FakeDiscord, slash
from tests.fakes.platform_fixtures import CHANNEL, GUILD, started_discord

NOW = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(FakeDiscord(guilds={GUILD: [CHANNEL]})) as server:
        yield server


@pytest.fixture
def newsbot(settings: Settings) -> NewsBot:
    return wiring.build(settings, lambda: NOW)


async def test_serve_answers_until_cancelled_and_never_logs_the_token(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    task = asyncio.create_task(serve(newsbot, settings))
    await fake.wait_identified()
    await fake.dispatch("INTERACTION_CREATE", slash("help", guild_id=GUILD, channel_id=CHANNEL))
    await fake.wait_count("POST", rf"/webhooks/{APP_ID}/[^/]+")
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert [] == [r.getMessage() for r in caplog.records if FAKE_TOKEN in r.getMessage()]
    assert "https://discord.com/api/v10" != discord.http.Route.BASE  # the fake was used


@pytest.mark.parametrize("token", [None, "", "   ", "Bot abc.def.ghi", "abc def"])
async def test_a_missing_or_malformed_token_is_a_clear_error(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord, token: str | None
) -> None:
    with pytest.raises(NewsbotError) as raised:
        await serve(newsbot, replace(settings, discord_token=token))
    assert "DISCORD_TOKEN" == raised.value.setting
    assert "DISCORD_TOKEN" in raised.value.message
    assert [] == fake.requests


async def test_a_rejected_token_is_a_clear_error_without_the_token(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "MTIz.wrong.token-value"
    for run in (serve(newsbot, replace(settings, discord_token=wrong)),
                sync_commands(newsbot, replace(settings, discord_token=wrong), None)):  # fmt: skip
        with pytest.raises(NewsbotError) as raised:
            await run
        assert "DISCORD_TOKEN" == raised.value.setting
        assert "rejected" in raised.value.message
        assert wrong not in raised.value.message
    assert [] == [r.getMessage() for r in caplog.records if wrong in r.getMessage()]
    assert [] == fake.identifies


async def test_an_unreachable_api_is_a_clear_error(newsbot: NewsBot, settings: Settings) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    unreachable = replace(settings, discord_api_base=f"http://127.0.0.1:{port}/api/v10")
    with pytest.raises(NewsbotError) as raised:
        await serve(newsbot, unreachable)
    assert "DISCORD_API_BASE" == raised.value.setting


@pytest.mark.parametrize(
    ("field", "value", "setting"),
    [
        ("discord_api_base", "discord.com/api", "DISCORD_API_BASE"),
        ("discord_gateway_url", "http://127.0.0.1/gateway", "DISCORD_GATEWAY_URL"),
    ],
)
def test_bad_endpoint_settings_are_clear_errors(
    settings: Settings, field: str, value: str, setting: str
) -> None:
    with pytest.raises(NewsbotError) as raised:
        endpoints.apply(replace(settings, **{field: value}))
    assert setting == raised.value.setting


def test_endpoints_default_to_discords_own(settings: Settings) -> None:
    endpoints.apply(replace(settings, discord_api_base=None, discord_gateway_url=None))
    assert "https://discord.com/api/v10" == discord.http.Route.BASE
    assert "wss://gateway.discord.gg/" == str(DiscordWebSocket.DEFAULT_GATEWAY)


async def test_a_non_numeric_guild_is_a_clear_error(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord
) -> None:
    with pytest.raises(NewsbotError) as raised:
        await sync_commands(newsbot, settings, "my-server")
    assert "'my-server'" in raised.value.message
    assert [] == fake.requests


async def test_a_refused_guild_sync_says_what_to_do(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord
) -> None:
    refused = {"message": "Missing Access", "code": 50001}
    fake.script("PUT", rf"/applications/{APP_ID}/guilds/{GUILD}/commands", 403, refused)
    with pytest.raises(NewsbotError) as raised:
        await sync_commands(newsbot, settings, GUILD)
    assert "applications.commands" in raised.value.message


async def test_discord_down_at_login_is_a_clear_error(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord
) -> None:
    fake.script("GET", "/users/@me", 503, {"message": "Service Unavailable", "code": 0})
    with pytest.raises(NewsbotError) as raised:
        await serve(newsbot, settings)
    assert "HTTP 503" in raised.value.message
