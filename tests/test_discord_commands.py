"""Slash commands end to end: the real client against the local Discord, the real core."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import discord
import pytest

from adapters.discord import build_client, limits, notices, sync_commands
from bot import wiring
from bot.contract import Destination, DigestSubscription
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_discord import (
    ADMIN_PERMISSIONS,
    APP_ID,
    FAKE_TOKEN,
    FakeDiscord,
    Request,
    run_client,
    slash,
)
from tests.fakes.platform_fixtures import (
    CHANNEL,
    CHANNEL_B,
    FOLLOWUP,
    GUILD,
    GUILD_B,
    interact,
    started_discord,
    two_guilds,
)

NOW = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(FakeDiscord(guilds=two_guilds())) as server:
        yield server


@pytest.fixture
def newsbot(settings: Settings) -> NewsBot:
    return wiring.build(settings, lambda: NOW)


@pytest.fixture
async def client(newsbot: NewsBot, settings: Settings) -> AsyncIterator[discord.Client]:
    made, token = build_client(newsbot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(made, token):
        yield made


def text_of(requests: list[Request]) -> str:
    parts = []
    for r in requests:
        parts.append(r.body.get("content") or "")
        for embed in r.body.get("embeds") or []:
            parts += [embed.get("title") or "", embed.get("description") or ""]
    return "\n".join(parts)


async def test_login_uses_default_intents_and_does_not_sync(
    client: discord.Client, fake: FakeDiscord
) -> None:
    assert FAKE_TOKEN == fake.identifies[0]["token"]
    assert discord.Intents.default().value == fake.identifies[0]["intents"]
    assert not discord.Intents.default().message_content
    assert [] == [r for r in fake.requests if r.method == "PUT"]


async def test_quotes_defers_first_then_follows_up_with_seed_quotes(
    client: discord.Client, fake: FakeDiscord
) -> None:
    callback, followups = await interact(
        fake, slash("quotes", {"topic": "China"}, guild_id=GUILD, channel_id=CHANNEL)
    )
    assert {"type": 5} == callback.body
    assert fake.requests.index(callback) < fake.requests.index(followups[0])
    text = text_of(followups)
    assert "Jen Psaki" in text
    assert "Antony Blinken" in text
    assert "> “" in text
    for followup in followups:
        assert {"parse": []} == followup.body["allowed_mentions"]
        assert [] == limits.problems(followup.body.get("content") or "", followup.body["embeds"])


async def test_ask_answers_free_text(client: discord.Client, fake: FakeDiscord) -> None:
    question = {"question": "what did Blinken say about China"}
    _, followups = await interact(fake, slash("ask", question, guild_id=GUILD, channel_id=CHANNEL))
    assert "Antony Blinken" in text_of(followups)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("latest", {"topic": "China"}),
        ("who", {"name": "Jen Psaki"}),
        ("digest", {}),
        ("help", {}),
        ("quotes", {"topic": "China", "speaker": "Blinken"}),
        ("quotes", {"topic": "no-such-topic-zzz"}),  # autocomplete is not validation
        ("who", {"name": "Nobody Atall"}),
    ],
)
async def test_every_command_gets_a_real_answer_within_limits(
    client: discord.Client, fake: FakeDiscord, name: str, options: dict[str, str]
) -> None:
    callback, followups = await interact(
        fake, slash(name, options, guild_id=GUILD, channel_id=CHANNEL)
    )
    assert {"type": 5} == callback.body
    assert followups
    assert notices.APOLOGY not in text_of(followups)
    for followup in followups:
        assert [] == limits.problems(
            followup.body.get("content") or "", followup.body.get("embeds") or []
        )


async def test_who_names_the_person(client: discord.Client, fake: FakeDiscord) -> None:
    _, followups = await interact(
        fake, slash("who", {"name": "Jen Psaki"}, guild_id=GUILD, channel_id=CHANNEL)
    )
    assert "Psaki" in text_of(followups)


async def test_a_command_in_a_dm_works(client: discord.Client, fake: FakeDiscord) -> None:
    _, followups = await interact(
        fake, slash("quotes", {"topic": "China"}, guild_id=None, channel_id="3")
    )
    assert "Jen Psaki" in text_of(followups)


async def test_a_guild_synced_copy_runs_the_global_command(
    client: discord.Client, fake: FakeDiscord
) -> None:
    payload = slash("help", guild_id=GUILD, channel_id=CHANNEL, command_guild=GUILD)
    _, followups = await interact(fake, payload)
    assert followups


@pytest.mark.parametrize(("field", "prefix"), [("speaker", "Jen"), ("topic", ""), ("name", "")])
async def test_autocomplete_offers_at_most_25_choices(
    client: discord.Client, fake: FakeDiscord, field: str, prefix: str
) -> None:
    command = {"speaker": "quotes", "topic": "quotes", "name": "who"}[field]
    options = {"topic": "China", field: prefix} if command == "quotes" else {field: prefix}
    payload = slash(command, options, guild_id=GUILD, channel_id=CHANNEL, focused=field)
    callback, followups = await interact(fake, payload)
    assert 8 == callback.body["type"]
    choices = callback.body["data"]["choices"]
    assert len(choices) <= 25
    assert all(1 <= len(c["name"]) <= 100 and c["name"] == c["value"] for c in choices)
    assert [] == followups
    if field == "speaker":
        assert "Jen Psaki" in [c["value"] for c in choices]


async def test_followup_429_is_retried(client: discord.Client, fake: FakeDiscord) -> None:
    limited = {"message": "You are being rate limited.", "retry_after": 0.05, "global": False}
    fake.script("POST", FOLLOWUP, 429, limited, Via="1.1 google")
    token_payload = slash("help", guild_id=GUILD, channel_id=CHANNEL)
    await fake.dispatch("INTERACTION_CREATE", token_payload)
    posts = await fake.wait_count("POST", FOLLOWUP, 2)
    assert posts[0].body == posts[1].body


# -- admin ------------------------------------------------------------------------


def digest_set(guild: str, channel: str, permissions: str, **options: str) -> dict[str, Any]:
    return slash("newsbot", options, subcommand="digest-set", guild_id=guild, channel_id=channel,
                 permissions=permissions)  # fmt: skip


async def test_non_admin_is_refused_and_nothing_changes(
    client: discord.Client, fake: FakeDiscord, newsbot: NewsBot
) -> None:
    payload = slash(
        "newsbot", {"time": "08:00", "timezone": "UTC"}, subcommand="digest-set",
        guild_id=GUILD, channel_id=CHANNEL,
    )  # fmt: skip
    callback, followups = await interact(fake, payload)
    assert 4 == callback.body["type"]
    assert 64 == callback.body["data"]["flags"]
    assert notices.NEED_MANAGE_GUILD == callback.body["data"]["content"]
    assert [] == followups
    assert () == newsbot.subscriptions("discord", GUILD)


async def test_admin_commands_refuse_direct_messages(
    client: discord.Client, fake: FakeDiscord
) -> None:
    payload = slash("newsbot", subcommand="digest-show", guild_id=None, channel_id="3")
    callback, followups = await interact(fake, payload)
    assert {"type": 4, "data": {"tts": False, "content": notices.GUILD_ONLY, "flags": 64,
            "allowed_mentions": {"parse": []}}} == callback.body  # fmt: skip
    assert [] == followups


async def test_admin_sets_shows_and_turns_off_the_digest(
    client: discord.Client, fake: FakeDiscord, newsbot: NewsBot
) -> None:
    here = Destination("discord", GUILD, CHANNEL)
    payload = digest_set(GUILD, CHANNEL, ADMIN_PERMISSIONS, time="8:30", timezone="Europe/London",
                         topics="China, Ukraine, china")  # fmt: skip
    callback, followups = await interact(fake, payload)
    assert {"type": 5} == callback.body
    assert (
        f"Daily digest set for <#{CHANNEL}> at 08:30 (Europe/London), topics: China, Ukraine."
        == followups[0].body["content"]
    )
    assert {"parse": []} == followups[0].body["allowed_mentions"]
    saved = newsbot.digest_subscription(here)
    assert saved is not None
    assert ("China", "Ukraine") == saved.topics

    show = slash("newsbot", subcommand="digest-show", guild_id=GUILD, channel_id=CHANNEL,
                 permissions=ADMIN_PERMISSIONS)  # fmt: skip
    callback, followups = await interact(fake, show)
    assert {"type": 5, "data": {"flags": 64}} == callback.body
    assert f"• <#{CHANNEL}> at 08:30 (Europe/London)" in followups[0].body["content"]

    off = slash("newsbot", subcommand="digest-off", guild_id=GUILD, channel_id=CHANNEL,
                permissions=ADMIN_PERMISSIONS)  # fmt: skip
    _, followups = await interact(fake, off)
    assert notices.unsubscribed(True) == followups[0].body["content"]
    assert None is newsbot.digest_subscription(here)


async def test_a_bad_time_zone_gets_a_clear_message(
    client: discord.Client, fake: FakeDiscord, newsbot: NewsBot
) -> None:
    payload = digest_set(GUILD, CHANNEL, ADMIN_PERMISSIONS, time="08:00", timezone="Mars/Olympus")
    _, followups = await interact(fake, payload)
    assert "Mars/Olympus" in followups[0].body["content"]
    assert "time zone" in followups[0].body["content"]
    assert () == newsbot.subscriptions("discord", GUILD)


async def test_one_guild_cannot_see_or_change_another_guilds_digest(
    client: discord.Client, fake: FakeDiscord, newsbot: NewsBot
) -> None:
    newsbot.subscribe_digest(
        DigestSubscription(Destination("discord", GUILD, CHANNEL), "08:00", "UTC")
    )
    show = slash("newsbot", subcommand="digest-show", guild_id=GUILD_B, channel_id=CHANNEL_B,
                 permissions=ADMIN_PERMISSIONS)  # fmt: skip
    _, followups = await interact(fake, show)
    assert notices.subscriptions(()) == followups[0].body["content"]
    assert CHANNEL not in followups[0].body["content"]
    off = slash("newsbot", subcommand="digest-off", guild_id=GUILD_B, channel_id=CHANNEL_B,
                permissions=ADMIN_PERMISSIONS)  # fmt: skip
    _, followups = await interact(fake, off)
    assert notices.unsubscribed(False) == followups[0].body["content"]
    assert 1 == len(newsbot.subscriptions("discord", GUILD))


async def test_timezone_autocomplete(client: discord.Client, fake: FakeDiscord) -> None:
    payload = slash("newsbot", {"time": "8", "timezone": "europe/lon"}, subcommand="digest-set",
                    guild_id=GUILD, channel_id=CHANNEL, permissions=ADMIN_PERMISSIONS,
                    focused="timezone")  # fmt: skip
    callback, _ = await interact(fake, payload)
    assert [{"name": "Europe/London", "value": "Europe/London"}] == callback.body["data"]["choices"]


# -- sync -------------------------------------------------------------------------


async def test_sync_registers_every_command_globally(
    newsbot: NewsBot, settings: Settings, fake: FakeDiscord
) -> None:
    count = await sync_commands(newsbot, settings, None)
    (put,) = fake.matching("PUT", rf"/applications/{APP_ID}/commands")
    names = sorted(c["name"] for c in put.body)
    expected = ["ask", "digest", "help", "latest", "newsbot", "quotes", "unwatch", "watch"]
    assert [*expected, "watches", "who"] == names
    assert 10 == count
    admin = next(c for c in put.body if c["name"] == "newsbot")
    assert 1 << 5 == int(admin["default_member_permissions"])  # manage_guild
    assert [0] == admin["contexts"]  # servers only
    assert False is admin["dm_permission"]
    digests = ["digest-off", "digest-set", "digest-show"]
    feeds = ["feed-add", "feed-explain", "feed-list", "feed-pause", "feed-remove", "feed-resume"]
    assert [*digests, *feeds] == sorted(o["name"] for o in admin["options"])
    assert all(1 <= len(c["description"]) <= 100 for c in put.body)
    assert [] == fake.identifies  # syncing never opens the gateway


async def test_sync_to_one_guild(newsbot: NewsBot, settings: Settings, fake: FakeDiscord) -> None:
    assert 10 == await sync_commands(newsbot, settings, GUILD)
    assert 1 == len(fake.matching("PUT", rf"/applications/{APP_ID}/guilds/{GUILD}/commands"))
    assert [] == fake.matching("PUT", rf"/applications/{APP_ID}/commands")
