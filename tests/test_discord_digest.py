"""The digest timer end to end: posts once across restarts, catches up late, survives errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.discord import limits
from bot.contract import Destination, DigestSubscription
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_discord import (
    ADMIN_PERMISSIONS,
    APP_ID,
    FakeDiscord,
    run_client,
    slash,
)
from tests.fakes.platform_fixtures import new_discord_client, started_discord
from tests.support import Clock

GUILD = "100000000000000001"
CHANNEL, GONE, LOCKED = "200000000000000001", "200000000000000002", "200000000000000003"
PLAIN = "200000000000000004"  # the bot lacks Embed Links here
START = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(
        FakeDiscord(guilds={GUILD: [CHANNEL, GONE, LOCKED, PLAIN]}, no_embeds={PLAIN})
    ) as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def subscribe(newsbot: NewsBot, channel: str, at: str = "09:30") -> Destination:
    where = Destination("discord", GUILD, channel)
    newsbot.subscribe_digest(DigestSubscription(where, at, "UTC"))
    return where


async def test_the_digest_is_posted_once_across_a_restart(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    subscribe(newsbot, CHANNEL)
    clock.now = START + timedelta(minutes=31)
    async with run_client(made, token):
        assert made.digests is not None
        (post,) = await fake.wait_count("POST", rf"/channels/{CHANNEL}/messages")
        await made.digests.wait_ticks(3)
    assert post.body["content"].startswith("Daily digest for 2022-03-18")
    assert {"parse": []} == post.body["allowed_mentions"]
    assert [] == limits.problems(post.body["content"], post.body.get("embeds") or [])

    again, token, _ = new_discord_client(settings, clock)
    async with run_client(again, token):
        assert again.digests is not None
        await again.digests.wait_ticks(3)
    assert 1 == len(fake.matching("POST", rf"/channels/{CHANNEL}/messages"))


async def test_a_missed_digest_is_posted_late_after_downtime(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    subscribe(newsbot, CHANNEL)
    clock.now = START + timedelta(hours=5)
    async with run_client(made, token):
        (post,) = await fake.wait_count("POST", rf"/channels/{CHANNEL}/messages")
    assert "posted late" in post.body["content"]


async def test_without_embed_links_the_digest_is_plain_text(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    newsbot.digest_now()  # loads the seed article (digest_for alone does not, yet)
    subscribe(newsbot, PLAIN)
    clock.now = START + timedelta(minutes=31)
    async with run_client(made, token):
        posts = await fake.wait_count("POST", rf"/channels/{PLAIN}/messages")
    assert posts[0].body["content"].startswith("Daily digest for 2022-03-18\n")
    assert "Jen Psaki" in "".join(p.body["content"] for p in posts)
    assert [] == [p for p in posts if p.body.get("embeds")]


async def test_a_deleted_or_forbidden_channel_is_recorded_and_the_loop_goes_on(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    fake.missing_channels.add(GONE)
    made, token, newsbot = new_discord_client(settings, clock)
    gone, locked = subscribe(newsbot, GONE), subscribe(newsbot, LOCKED)
    fake.script(
        "POST", rf"/channels/{LOCKED}/messages", 403, {"message": "Missing Access", "code": 50001}
    )
    clock.now = START + timedelta(minutes=31)
    async with run_client(made, token):
        assert made.digests is not None
        await fake.wait_count("POST", rf"/channels/{GONE}/messages")
        await fake.wait_count("POST", rf"/channels/{LOCKED}/messages")
        subscribe(newsbot, CHANNEL, at="09:00")  # made later: due from tomorrow, not now
        clock.now += timedelta(days=1)
        await fake.wait_count("POST", rf"/channels/{CHANNEL}/messages")
        assert not made.is_closed()

        show = slash("newsbot", subcommand="digest-show", guild_id=GUILD, channel_id=CHANNEL,
                     permissions=ADMIN_PERMISSIONS)  # fmt: skip
        await fake.dispatch("INTERACTION_CREATE", show)
        (listing,) = await fake.wait_count("POST", rf"/webhooks/{APP_ID}/[^/]+")
    gone_sub, locked_sub = newsbot.digest_subscription(gone), newsbot.digest_subscription(locked)
    assert gone_sub is not None and locked_sub is not None
    assert "not found" in (gone_sub.last_error or "")
    assert "may not post" in (locked_sub.last_error or "")
    assert f"<#{GONE}> at 09:30 (UTC)\n  last delivery failed: " in listing.body["content"]
    assert "the channel was not found (deleted?)" in listing.body["content"]
