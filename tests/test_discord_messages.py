"""Mentions and DMs end to end: answered when addressed, silent otherwise, errors survived."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import discord
import pytest

from adapters.discord import build_client, limits, options
from adapters.discord.render import render
from bot import wiring
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_discord import (
    BOT_ID,
    BOT_USER,
    FakeDiscord,
    message_create,
    run_client,
    user,
)
from tests.fakes.platform_fixtures import started_discord

NOW = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
GUILD, CHANNEL, DM = "100000000000000001", "200000000000000001", "300000000000000001"
PLAIN = "200000000000000009"  # the bot lacks Embed Links here
POSTS = rf"/channels/({CHANNEL}|{DM})/messages"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(
        FakeDiscord(guilds={GUILD: [CHANNEL, PLAIN]}, no_embeds={PLAIN})
    ) as server:
        yield server


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[discord.Client]:
    newsbot: NewsBot = wiring.build(settings, lambda: NOW)
    made, token = build_client(newsbot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(made, token):
        yield made


def mention(text: str, **kwargs: Any) -> dict[str, Any]:
    return message_create(
        f"<@{BOT_ID}> {text}", guild_id=GUILD, channel_id=CHANNEL, mentions=[BOT_USER], **kwargs
    )


def text_of(body: dict[str, Any]) -> str:
    embeds = body.get("embeds") or []
    return "\n".join([body.get("content") or ""] + [e.get("description") or "" for e in embeds])


async def test_a_mention_is_answered_as_a_reply_without_pings(
    client: discord.Client, fake: FakeDiscord
) -> None:
    event = mention("who said what about China")
    await fake.dispatch("MESSAGE_CREATE", event)
    (reply,) = await fake.wait_count("POST", POSTS)
    typing = fake.matching("POST", rf"/channels/{CHANNEL}/typing")
    assert 1 == len(typing)
    assert fake.requests.index(typing[0]) < fake.requests.index(reply)
    assert {"parse": []} == reply.body["allowed_mentions"]
    assert event["id"] == str(reply.body["message_reference"]["message_id"])
    assert False is reply.body["message_reference"]["fail_if_not_exists"]
    assert "Jen Psaki" in text_of(reply.body)
    assert "<@" not in text_of(reply.body)
    assert [] == limits.problems(reply.body.get("content") or "", reply.body["embeds"])


async def test_only_messages_addressed_to_the_bot_are_answered(
    client: discord.Client, fake: FakeDiscord
) -> None:
    other_bot = user("800000000000000001", "otherbot", bot=True)
    ignored = [
        message_create("who said what about China", guild_id=GUILD, channel_id=CHANNEL),
        # The markup alone is not a mention: Discord lists mentioned users in `mentions`.
        message_create(f"<@{BOT_ID}> latest China", guild_id=GUILD, channel_id=CHANNEL),
        mention("latest China", author=other_bot),
        mention("latest China", author=BOT_USER),
    ]
    for event in ignored:
        await fake.dispatch("MESSAGE_CREATE", event)
    answered = mention("what did Blinken say about China")
    await fake.dispatch("MESSAGE_CREATE", answered)
    # Events are handled in order, so when the real question's reply lands, none came before.
    posts = await fake.wait_count("POST", POSTS)
    assert [answered["id"]] == [str(p.body["message_reference"]["message_id"]) for p in posts]
    assert 1 == len(fake.matching("POST", r"/channels/\d+/typing"))


async def test_a_direct_message_is_answered(client: discord.Client, fake: FakeDiscord) -> None:
    await fake.dispatch(
        "MESSAGE_CREATE", message_create("latest China", guild_id=None, channel_id=DM)
    )
    (reply,) = await fake.wait_count("POST", rf"/channels/{DM}/messages")
    assert {"parse": []} == reply.body["allowed_mentions"]
    assert reply.body.get("embeds")


async def test_a_bare_mention_gets_help(client: discord.Client, fake: FakeDiscord) -> None:
    await fake.dispatch("MESSAGE_CREATE", mention(""))
    (reply,) = await fake.wait_count("POST", POSTS)
    help_answer = client.bot.answer(options.help_query())  # type: ignore[attr-defined]
    assert render(help_answer)[0].embeds[0]["title"] == reply.body["embeds"][0]["title"]


async def test_a_429_is_retried_and_the_reply_arrives(
    client: discord.Client, fake: FakeDiscord
) -> None:
    limited = {"message": "You are being rate limited.", "retry_after": 0.05, "global": False}
    fake.script("POST", POSTS, 429, limited, Via="1.1 google")
    await fake.dispatch("MESSAGE_CREATE", mention("latest China"))
    first, second = await fake.wait_count("POST", POSTS, 2)
    assert first.body["embeds"] == second.body["embeds"]


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (403, {"message": "Missing Permissions", "code": 50013}),
        (404, {"message": "Unknown Channel", "code": 10003}),
        (503, {"message": "Service Unavailable", "code": 0}),
    ],
)
async def test_a_failed_reply_is_survived(
    client: discord.Client, fake: FakeDiscord, status: int, body: dict[str, Any]
) -> None:
    fake.script("POST", POSTS, status, body)
    await fake.dispatch("MESSAGE_CREATE", mention("latest China"))
    await fake.wait_count("POST", POSTS, 1)
    await fake.dispatch("MESSAGE_CREATE", mention("who said what about China"))
    posts = await fake.wait_count("POST", POSTS, 2)
    assert "Jen Psaki" in text_of(posts[1].body)
    assert not client.is_closed()


async def test_without_embed_links_the_answer_comes_as_plain_text(
    client: discord.Client, fake: FakeDiscord
) -> None:
    event = message_create(
        f"<@{BOT_ID}> who said what about China", guild_id=GUILD, channel_id=PLAIN,
        mentions=[BOT_USER],
    )  # fmt: skip
    await fake.dispatch("MESSAGE_CREATE", event)
    replies = await fake.wait_count("POST", rf"/channels/{PLAIN}/messages")
    assert all("embeds" not in r.body or not r.body["embeds"] for r in replies)
    assert "Jen Psaki" in replies[0].body["content"]
    assert all(len(r.body["content"]) <= 2000 for r in replies)
    assert {"parse": []} == replies[0].body["allowed_mentions"]
