"""`/newsbot feed-…` end to end: the real client against the Discord fake and a feed server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import build_client, limits, notices
from bot import wiring
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_discord import (
    ADMIN_PERMISSIONS,
    MEMBER_PERMISSIONS,
    FakeDiscord,
    Request,
    run_client,
    slash,
)
from tests.fakes.feed_server import FakeItem, FeedServer, rss
from tests.fakes.platform_fixtures import (
    CHANNEL,
    FOLLOWUP,
    GUILD,
    discord_settings,
    interact,
    started_discord,
)
from tests.support import story_feed

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
STORY = [
    "White House press secretary Jen Psaki said on Wednesday that the president would speak"
    " with Xi Jinping on Friday about the war in Ukraine and its effect on trade.",
    '"We are watching closely," Psaki told reporters, adding that sanctions remained on the'
    " table if Beijing offered material support to Moscow.",
]


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with story_feed(STORY) as server:
        yield server


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(FakeDiscord(guilds={GUILD: [CHANNEL]})) as server:
        yield server


@pytest.fixture
def newsbot(
    tmp_path: Path, fake: FakeDiscord, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[NewsBot, Settings]]:
    settings = discord_settings(
        tmp_path,
        fake,
        monkeypatch,
        seeds_dir=str(tmp_path / "no-seeds"),
        fetch_allow=(feeds.host,),  # the feed server is on loopback, which is refused otherwise
    )
    yield wiring.build(settings, lambda: NOW), settings


def feed(sub: str, permissions: str = ADMIN_PERMISSIONS, **options: Any) -> dict[str, Any]:
    return slash("newsbot", options, subcommand=sub, guild_id=GUILD, channel_id=CHANNEL,
                 permissions=permissions)  # fmt: skip


async def invoke(fake: FakeDiscord, payload: dict[str, Any]) -> list[Request]:
    """Push one interaction; return the messages it answered with (follow-ups or a notice)."""
    callback, followups = await interact(fake, payload)
    if callback.body["type"] != 5:
        return [callback]
    assert 1 << 6 == callback.body["data"]["flags"]  # deferred privately
    return followups


def text(replies: list[Request]) -> str:
    bodies = [r.body.get("data", r.body) for r in replies]
    for body in bodies:
        assert [] == limits.problems(body["content"], body.get("embeds") or [])
        assert {"parse": []} == body["allowed_mentions"]
    return "\n".join(body["content"] for body in bodies)


async def test_an_admin_adds_lists_pauses_and_removes_a_feed(
    newsbot: tuple[NewsBot, Settings], fake: FakeDiscord, feeds: FeedServer
) -> None:
    bot, settings = newsbot
    url = feeds.url("/rss")
    client, token = build_client(bot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(client, token):
        added = await invoke(fake, feed("feed-add", url=url, every="1h"))
        listed = await invoke(fake, feed("feed-list"))
        paused = await invoke(fake, feed("feed-pause", url=url))
        paused_list = await invoke(fake, feed("feed-list"))
        resumed = await invoke(fake, feed("feed-resume", url=url))
        removed = await invoke(fake, feed("feed-remove", url=url))
        empty = await invoke(fake, feed("feed-list"))
    assert (
        f"Added <{url}>  every 1h  new, next 2026-11-27 09:00 UTC  0 stored — Test Wire\n"
        "It is polled within a minute. Feeds are global to this bot: every server it is in"
        " shares them and the articles they bring."
    ) == text(added)
    assert all(1 << 6 == r.body["flags"] for r in added)  # only the admin sees it
    assert (
        "1 feeds. Feeds are global to this bot: every server it is in shares them and the"
        " articles they bring.\n"
        f"• <{url}>  every 1h  new, next 2026-11-27 09:00 UTC  0 stored — Test Wire"
    ) == text(listed)
    assert f"Paused <{url}>." == text(paused)
    assert f"• <{url}>  every 1h  paused  0 stored — Test Wire" in text(paused_list)
    assert f"Resumed <{url}>; it is polled on the next round." == text(resumed)
    assert f"Removed <{url}>. Articles it already brought stay in the store." == text(removed)
    assert "No feeds yet. Add one with `/newsbot feed-add url:https://example.com/rss`." == text(
        empty
    )
    assert () == bot.feeds.list()


async def test_a_member_without_manage_server_is_refused_and_nothing_is_added(
    newsbot: tuple[NewsBot, Settings], fake: FakeDiscord, feeds: FeedServer
) -> None:
    bot, settings = newsbot
    client, token = build_client(bot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(client, token):
        refused = await invoke(fake, feed("feed-add", MEMBER_PERMISSIONS, url=feeds.url("/rss")))
        listing = await invoke(fake, feed("feed-list", MEMBER_PERMISSIONS))
    assert notices.NEED_MANAGE_GUILD == text(refused)
    assert notices.NEED_MANAGE_GUILD == text(listing)
    assert () == bot.feeds.list()
    assert [] == feeds.paths()  # the feed was never even fetched


async def test_bad_urls_are_refused_with_a_clear_message(
    newsbot: tuple[NewsBot, Settings], fake: FakeDiscord, feeds: FeedServer
) -> None:
    bot, settings = newsbot
    client, token = build_client(bot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(client, token):
        private = await invoke(fake, feed("feed-add", url="http://10.0.0.1/feed"))
        not_feed = await invoke(fake, feed("feed-add", url=feeds.url("/a")))
        every = await invoke(fake, feed("feed-add", url=feeds.url("/rss"), every="soon"))
        unknown = await invoke(fake, feed("feed-remove", url="https://example.com/*rss*"))
    assert (
        "Cannot add <http://10.0.0.1/feed>: 10.0.0.1 is a private or reserved address"
        " (10.0.0.1); add it to NEWSBOT\\_FETCH\\_ALLOW if this is intended."
    ) == text(private)
    assert text(not_feed).startswith(f"Cannot add <{feeds.url('/a')}>: ")
    assert "is not an RSS or Atom feed" in text(not_feed)
    assert "(like 15m), not 'soon'." in text(every)
    assert text(unknown).startswith("No feed <https://example.com/*rss*> is subscribed")
    assert () == bot.feeds.list()


async def test_a_long_feed_list_is_split_into_messages_within_discord_limits(
    newsbot: tuple[NewsBot, Settings], fake: FakeDiscord, feeds: FeedServer
) -> None:
    bot, settings = newsbot
    body = rss("Test Wire", [FakeItem("Psaki on Xi call", feeds.url("/a"), "a")])
    urls = [feeds.route(f"/feeds/{n:02d}/{'x' * 60}.xml", body) for n in range(40)]
    for url in urls:
        bot.feeds.add(url)
    client, token = build_client(bot, settings, digest_interval=None, guild_ready_timeout=0.05)
    async with run_client(client, token):
        payload = feed("feed-list")
        await invoke(fake, payload)

        def every_feed_shown(_: object) -> bool:
            sent = [r for r in fake.matching("POST", FOLLOWUP) if payload["token"] in r.path]
            return f"<{urls[-1]}>" in "\n".join(r.body["content"] for r in sent)

        await fake.wait_for(every_feed_shown)
        replies = [r for r in fake.matching("POST", FOLLOWUP) if payload["token"] in r.path]
    shown = text(replies)  # checks every message against Discord's limits
    assert 1 < len(replies)
    assert [f"<{url}>" for url in urls] == [line.split()[1] for line in shown.splitlines()[1:]]
