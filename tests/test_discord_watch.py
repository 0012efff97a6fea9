"""Watch alerts end to end on Discord: the real client against the local fake, the real core."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import limits, notices
from adapters.discord.client import NewsbotClient
from bot import wiring
from bot.contract import Destination
from bot.settings import Settings
from tests.fakes.fake_discord import (
    ADMIN_PERMISSIONS,
    APP_ID,
    MEMBER_PERMISSIONS,
    FakeDiscord,
    Request,
    run_client,
    slash,
)
from tests.fakes.platform_fixtures import (
    CHANNEL,
    CHANNEL_B,
    GUILD,
    GUILD_B,
    interact,
    new_discord_client,
    started_discord,
    two_guilds,
)
from tests.support import Clock
from tests.test_watch_support import burst, ingest, taiwan_story, weather_story

START = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
POSTS = rf"/channels/{CHANNEL}/messages"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(FakeDiscord(guilds=two_guilds())) as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def watch_command(
    kind: str, term: str, permissions: str = ADMIN_PERMISSIONS, name: str = "watch"
) -> dict[str, Any]:
    return slash(name, {"kind": kind, "term": term}, guild_id=GUILD, channel_id=CHANNEL,
                 permissions=permissions)  # fmt: skip


async def invoke(fake: FakeDiscord, payload: dict[str, Any]) -> str:
    """Push one interaction; return the text it answered with (follow-up or direct notice)."""
    callback, followups = await interact(fake, payload)
    if callback.body["type"] != 5:
        return callback.body["data"]["content"]
    (followup,) = followups
    return followup.body["content"]


async def ticks(client: NewsbotClient, count: int = 3) -> None:
    assert client.digests is not None
    await client.digests.wait_ticks(client.digests.ticks + count)


def shown(post: Request) -> str:
    return (
        post.body.get("content", "")
        + "\n"
        + "\n".join(e.get("description", "") for e in post.body.get("embeds") or [])
    )


async def test_an_admin_watches_a_topic_and_each_new_quote_posts_once(
    settings: Settings, clock: Clock, fake: FakeDiscord, tmp_path: Path
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    async with run_client(made, token):
        reply = await invoke(fake, watch_command("topic", "China"))
        assert reply.startswith(f"Watching topic **China** in <#{CHANNEL}>: each new quote")
        await ticks(made)
        assert [] == fake.matching("POST", POSTS)  # the seed article is old news
        ingest(
            newsbot.store, clock.now, taiwan_story(tmp_path / "in"), weather_story(tmp_path / "in")
        )
        (post,) = await fake.wait_count("POST", POSTS)
        await ticks(made)
    assert "2 new quotes about China: Wang Wenbin and Antony Blinken." == post.body["content"]
    (embed,) = post.body["embeds"]
    assert "New quotes about China" == embed["title"]
    link = (
        "[China warns Washington over Taiwan arms sale](https://example.com/news/taiwan-arms-sale)"
    )
    assert (
        "> “The United States should stop arming Taiwan and stop creating new tensions”\n"
        f"— **Wang Wenbin**, spokesman · {link} · *The Hill* · 2022-03-18\n\n"
        "> “Our policy toward China has not changed @\u200beveryone”\n"
        f"— **Antony Blinken**, Secretary of State · {link} · *The Hill* · 2022-03-18"
    ) == embed["description"]
    assert {"parse": []} == post.body["allowed_mentions"]
    assert [] == limits.problems(post.body["content"], post.body["embeds"])

    again, token, _ = new_discord_client(settings, clock)
    async with run_client(again, token):
        await ticks(again)
    assert 1 == len(fake.matching("POST", POSTS))


async def test_a_burst_of_25_quotes_comes_as_three_batched_messages(
    settings: Settings, clock: Clock, fake: FakeDiscord, tmp_path: Path
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    async with run_client(made, token):
        await invoke(fake, watch_command("topic", "China"))
        ingest(newsbot.store, clock.now, *burst(tmp_path / "in", 25))
        await fake.wait_count("POST", POSTS, 1)
        await ticks(made)
        assert 1 == len(fake.matching("POST", POSTS))  # a minute must pass between alerts
        clock.now += timedelta(minutes=1)
        await fake.wait_count("POST", POSTS, 2)
        await ticks(made, 1)  # the post is recorded at the end of its tick, at this clock time
        clock.now += timedelta(minutes=1)
        posts = await fake.wait_count("POST", POSTS, 3)
        clock.now += timedelta(minutes=1)
        await ticks(made)
    assert 3 == len(fake.matching("POST", POSTS))
    assert (
        "10 new quotes about China: Maria Lopez, Tom Lopez, Aisha Lopez and Peter Lopez."
        == posts[0].body["content"]
    )
    texts = [shown(p) for p in posts]
    assert [10, 10, 5] == [t.count("> “China must answer for its record on") for t in texts]
    assert "15 more to follow in the next alert." in texts[0]
    assert "5 more to follow in the next alert." in texts[1]
    assert "**Maria Becker**, Senator" in texts[1]
    assert "**Lena Rahman**, Senator" in texts[2]
    for post in posts:
        assert {"parse": []} == post.body["allowed_mentions"]
        assert [] == limits.problems(post.body["content"], post.body["embeds"])


async def test_members_without_manage_server_are_refused(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    async with run_client(made, token):
        for name in ("watch", "unwatch"):
            refused = await invoke(fake, watch_command("topic", "China", MEMBER_PERMISSIONS, name))
            assert notices.NEED_MANAGE_GUILD == refused
        listing = slash(
            "watches", guild_id=GUILD, channel_id=CHANNEL, permissions=MEMBER_PERMISSIONS
        )
        assert notices.NEED_MANAGE_GUILD == await invoke(fake, listing)
    assert () == newsbot.watches("discord", GUILD)


async def test_list_and_unwatch_stay_within_one_server(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    made, token, newsbot = new_discord_client(settings, clock)
    newsbot.watch(Destination("discord", GUILD_B, CHANNEL_B), "topic", "Ukraine")
    async with run_client(made, token):
        await invoke(fake, watch_command("person", "Jen Psaki"))
        listing = slash(
            "watches", guild_id=GUILD, channel_id=CHANNEL, permissions=ADMIN_PERMISSIONS
        )
        assert f"Watches in this server:\n• <#{CHANNEL}>: person **Jen Psaki**" == await invoke(
            fake, listing
        )
        gone = await invoke(fake, watch_command("topic", "Ukraine", name="unwatch"))
        assert notices.unwatched(False, "topic", "Ukraine") == gone
        stopped = await invoke(fake, watch_command("person", "jen  psaki", name="unwatch"))
        assert "Stopped watching person **jen psaki** in this channel." == stopped
        bad = await invoke(fake, watch_command("topic", "?!"))
        assert "'?!' has no words to look for." == bad
    assert () == newsbot.watches("discord", GUILD)
    assert ["Ukraine"] == [w.term for w in newsbot.watches("discord", GUILD_B)]


async def test_the_watch_commands_are_registered_for_managers_in_servers(
    settings: Settings, clock: Clock, fake: FakeDiscord
) -> None:
    from adapters.discord import sync_commands

    await sync_commands(wiring.build(settings, clock), settings, None)
    (put,) = fake.matching("PUT", rf"/applications/{APP_ID}/commands")
    commands = {c["name"]: c for c in put.body}
    for name in ("watch", "unwatch", "watches"):
        assert 1 << 5 == int(commands[name]["default_member_permissions"])  # manage_guild
        assert [0] == commands[name]["contexts"]  # servers only
    kind, term = commands["watch"]["options"]
    assert ("kind", ["topic", "person"]) == (kind["name"], [c["value"] for c in kind["choices"]])
    assert ("term", 100, True) == (term["name"], term["max_length"], term["autocomplete"])


async def test_without_embed_links_the_alert_is_plain_text(
    settings: Settings, clock: Clock, tmp_path: Path
) -> None:
    plain = FakeDiscord(guilds={GUILD: [CHANNEL]}, no_embeds={CHANNEL})
    await plain.start()
    try:
        settings = replace(settings, discord_api_base=plain.api_base,
                           discord_gateway_url=plain.gateway_url)  # fmt: skip
        made, token, newsbot = new_discord_client(settings, clock)
        newsbot.watch(Destination("discord", GUILD, CHANNEL), "person", "Blinken")
        async with run_client(made, token):
            ingest(newsbot.store, clock.now, taiwan_story(tmp_path / "in"))
            (post,) = await plain.wait_count("POST", POSTS)
    finally:
        await plain.close()
    assert "embeds" not in post.body or not post.body["embeds"]
    assert post.body["content"].startswith(
        "New quotes from Antony Blinken\n2 new quotes from Antony Blinken.\n"
    )
    assert "Antony Blinken" in post.body["content"]
    assert "Our policy toward China has not changed @\u200beveryone" in post.body["content"]
    assert {"parse": []} == post.body["allowed_mentions"]
