"""`/news feed …` end to end: signed HTTP to the real bolt app, a local Web API and feed server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.slack.commands import FEED_USAGE, Command, FeedArgs, Sub, parse_command, parse_feed
from bot import wiring
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.settings import Settings
from tests.fakes.fake_slack import (
    FakeSlack,
    RunningSlack,
    running_slack,
)
from tests.fakes.feed_server import FeedServer
from tests.fakes.platform_fixtures import slack_settings
from tests.support import story_feed

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
GLOBAL = (
    "Feeds are global to this bot: every workspace it is installed in shares them and the"
    " articles they bring."
)
STORY = [
    "White House press secretary Jen Psaki said on Wednesday that the president would speak"
    " with Xi Jinping on Friday about the war in Ukraine and its effect on trade.",
]


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with story_feed(STORY) as server:
        yield server


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    slack_fake.add_user("U0BOSS", admin=True)
    slack_fake.add_user("U0PLAIN")
    return slack_fake


@pytest.fixture
def setup(tmp_path: Path, fake: FakeSlack, feeds: FeedServer) -> tuple[NewsBot, Settings]:
    settings = slack_settings(
        fake,
        tmp_path,
        seeds_dir=str(tmp_path / "no-seeds"),
        slack_admins=("U0LISTED",),
        fetch_allow=(feeds.host,),  # the feed server is on loopback, which is refused otherwise
    )
    return wiring.build(settings, lambda: NOW), settings


async def say(slack: RunningSlack, text: str, user: str = "U0BOSS") -> str:
    """Run `/news TEXT` as `user`; return the private reply's text (acked empty at once)."""
    before = len(slack.fake.calls_to("response"))
    status, ack = await slack.command(text, user_id=user)
    assert (200, None) == (status, ack)  # an empty ack: the reply comes via response_url
    reply = (await slack.fake.calls_after("response", before + 1))[-1]
    assert "ephemeral" == reply.body["response_type"]
    assert "link_names" not in reply.body
    return "\n".join(b["text"]["text"] for b in reply.body["blocks"])


def test_feed_subcommands_parse() -> None:
    assert Command(Sub.FEED, "add https://x.test/rss 1h") == parse_command(
        "feed add <https://x.test/rss> 1h"
    )
    assert FeedArgs("add", "https://x.test/rss", "1h") == parse_feed("add https://x.test/rss 1h")
    every = parse_feed("add https://x.test/rss every 2h")
    assert FeedArgs("add", "https://x.test/rss", "2h") == every
    assert FeedArgs("add", "https://x.test/rss") == parse_feed("ADD https://x.test/rss")
    assert FeedArgs("list") == parse_feed("list")
    assert FeedArgs("pause", "https://x.test/rss") == parse_feed("pause https://x.test/rss")
    for bad in ("", "frobnicate x", "add", "remove", "pause https://x.test/rss 1h", "add u 1h 2h"):
        with pytest.raises(NewsbotError) as refused:
            parse_feed(bad)
        assert FEED_USAGE == refused.value.message


async def test_an_admin_adds_lists_pauses_and_removes_a_feed(
    fake: FakeSlack, feeds: FeedServer, setup: tuple[NewsBot, Settings]
) -> None:
    bot, settings = setup
    url = feeds.url("/rss")
    async with running_slack(fake, bot, settings) as slack:
        added = await say(slack, f"feed add <{url}> 1h")
        listed = await say(slack, "feed list")
        paused = await say(slack, f"feed pause {url}", user="U0LISTED")
        paused_list = await say(slack, "feed list")
        resumed = await say(slack, f"feed resume {url}")
        removed = await say(slack, f"feed remove {url}")
        empty = await say(slack, "feed list")
    line = f"{url}  every 1h  new, next 2026-11-27 09:00 UTC  0 stored — Test Wire"
    assert f"Added {line}\nIt is polled within a minute. {GLOBAL}" == added
    assert f"1 feeds. {GLOBAL}\n• {line}" == listed
    assert f"Paused {url}." == paused
    assert f"• {url}  every 1h  paused  0 stored — Test Wire" in paused_list
    assert f"Resumed {url}; it is polled on the next round." == resumed
    assert f"Removed {url}. Articles it already brought stay in the store." == removed
    assert "No feeds yet. Add one with `/news feed add https://example.com/rss`." == empty
    assert () == bot.feeds.list()


async def test_a_non_admin_is_refused_and_nothing_is_added(
    fake: FakeSlack, feeds: FeedServer, setup: tuple[NewsBot, Settings]
) -> None:
    bot, settings = setup
    async with running_slack(fake, bot, settings) as slack:
        refused = await say(slack, f"feed add {feeds.url('/rss')}", user="U0PLAIN")
        listing = await say(slack, "feed list", user="U0PLAIN")
    assert "Only workspace admins and owners can manage the bot's feeds." == refused
    assert "Only workspace admins and owners can manage the bot's feeds." == listing
    assert () == bot.feeds.list()
    assert [] == feeds.paths()  # the feed was never even fetched


async def test_bad_urls_and_bad_usage_get_a_clear_refusal(
    fake: FakeSlack, feeds: FeedServer, setup: tuple[NewsBot, Settings]
) -> None:
    bot, settings = setup
    async with running_slack(fake, bot, settings) as slack:
        private = await say(slack, "feed add http://10.0.0.1/feed")
        not_feed = await say(slack, f"feed add {feeds.url('/a')}")
        usage = await say(slack, "feed frobnicate")
        unknown = await say(slack, "feed remove https://example.com/<rss>")
    assert (
        "Cannot add http://10.0.0.1/feed: 10.0.0.1 is a private or reserved address (10.0.0.1);"
        " add it to NEWSBOT_FETCH_ALLOW if this is intended."
    ) == private
    assert not_feed.startswith(f"Cannot add {feeds.url('/a')}: ")
    assert "is not an RSS or Atom feed" in not_feed
    assert FEED_USAGE == usage
    assert unknown.startswith("No feed https://example.com/&lt;rss&gt; is subscribed")
    assert () == bot.feeds.list()
