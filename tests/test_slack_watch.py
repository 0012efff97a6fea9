"""Watch alerts end to end on Slack: `/news watch` over signed HTTP, alerts to the local Web API."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.slack.commands import Command, Sub, parse_command
from adapters.slack.config import make_client
from adapters.slack.watches import post_due_alerts
from bot import wiring
from bot.contract import Destination
from bot.settings import Settings
from bot.watch import ChannelState
from tests.fakes.fake_slack import (
    BOT_TOKEN,
    TEAM,
    Call,
    FakeSlack,
    running_slack,
)
from tests.fakes.platform_fixtures import slack_settings
from tests.support import Clock
from tests.test_watch_support import burst, ingest, taiwan_story, weather_story, write_article

START = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
NEWS = Destination("slack", TEAM, "C0NEWS")


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    return slack_fake


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def settings_for(fake: FakeSlack, tmp_path: Path, **extra: Any) -> Settings:
    return slack_settings(fake, tmp_path, slack_admins=("U0LISTED",), **extra)


def sections(call: Call) -> list[str]:
    """The mrkdwn of every section and context element, in order."""
    out: list[str] = []
    for block in call.body.get("blocks", []):
        if block["type"] == "section":
            out.append(block["text"]["text"])
        elif block["type"] == "context":
            out.extend(e["text"] for e in block["elements"])
    return out


def reply_text(call: Call) -> str:
    return "\n".join(sections(call))


def headers(call: Call) -> list[str]:
    return [b["text"]["text"] for b in call.body.get("blocks", []) if b["type"] == "header"]


def test_watch_subcommands_parse() -> None:
    assert Command(Sub.WATCH, "topic China") == parse_command("watch topic China")
    assert Command(Sub.UNWATCH, "person Jen Psaki") == parse_command("unwatch person Jen Psaki")
    assert Command(Sub.WATCHES) == parse_command("watches")


async def test_an_admin_watches_a_topic_and_each_new_quote_posts_once(
    fake: FakeSlack, tmp_path: Path, clock: Clock
) -> None:
    settings = settings_for(fake, tmp_path)
    bot = wiring.build(settings, clock)
    fake.add_user("U0BOSS", admin=True)
    async with running_slack(fake, bot, settings, digest_interval=0.01) as slack:
        await slack.command("watch topic China", user_id="U0BOSS")
        (reply,) = await fake.calls_after("response")
        assert "ephemeral" == reply.body["response_type"]
        assert reply_text(reply).startswith("Watching topic *China* in this channel: each new")
        ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"), weather_story(tmp_path / "in"))
        (post,) = await fake.calls_after("chat.postMessage")
        while bot.store.watch_channels("slack").get(NEWS, ChannelState()).last_posted is None:
            await asyncio.sleep(0.01)  # the post is logged once Slack has answered it
    assert "C0NEWS" == post.body["channel"]
    assert "2 new quotes about China: Wang Wenbin and Antony Blinken." == post.body["text"]
    assert ["New quotes about China"] == headers(post)
    text = reply_text(post)
    assert "The United States should stop arming Taiwan and stop creating new tensions" in text
    assert "*Wang Wenbin*" in text and "*Antony Blinken*" in text
    assert "Our policy toward China has not changed @everyone" in text
    assert "<https://example.com/news/taiwan-arms-sale|China warns Washington over Taiwan" in text
    assert "<!everyone>" not in text and "link_names" not in post.body  # no pings
    assert post.body["unfurl_links"] is False

    restarted = wiring.build(settings, clock)  # a new process on the same store
    clock.now += timedelta(minutes=5)
    async with running_slack(fake, restarted, settings, digest_interval=0.01):
        body = "“China is our partner in trade,” said Senator Aisha Rahman."
        sentinel = write_article(tmp_path / "later", "later", "Trade talk", body,
                                 url="https://example.com/later")  # fmt: skip
        ingest(restarted.store, clock.now, sentinel)
        _, later = await fake.calls_after("chat.postMessage", count=2)
    assert "1 new quote about China: Aisha Rahman." == later.body["text"]
    assert 2 == len(fake.calls_to("chat.postMessage"))  # the first alert was not posted again


async def test_a_burst_of_25_quotes_comes_as_three_batched_messages(
    fake: FakeSlack, tmp_path: Path, clock: Clock
) -> None:
    bot = wiring.build(settings_for(fake, tmp_path), clock)
    bot.watch(NEWS, "topic", "China")
    ingest(bot.store, clock.now, *burst(tmp_path / "in", 25))
    client = make_client(fake.api_url, BOT_TOKEN)
    assert 1 == await post_due_alerts(bot, client)
    assert 0 == await post_due_alerts(bot, client)  # one alert per channel per minute
    for _ in range(3):
        clock.now += timedelta(minutes=1)
        await post_due_alerts(bot, client)
    posts = fake.calls_to("chat.postMessage")
    assert [10, 10, 5] == [
        sum("China must answer for its record on" in s for s in sections(p)) for p in posts
    ]
    assert "15 more to follow in the next alert." in reply_text(posts[0])
    assert "5 more to follow in the next alert." in reply_text(posts[1])
    assert "*Lena Rahman*" in reply_text(posts[2])
    assert {"C0NEWS"} == {p.body["channel"] for p in posts}


async def test_a_failed_alert_is_shown_in_the_list_and_retried(
    fake: FakeSlack, tmp_path: Path, clock: Clock
) -> None:
    settings = settings_for(fake, tmp_path)
    bot = wiring.build(settings, clock)
    bot.watch(NEWS, "person", "Blinken")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"))
    client = make_client(fake.api_url, BOT_TOKEN)
    fake.script("chat.postMessage", body={"ok": False, "error": "not_in_channel"})
    assert 0 == await post_due_alerts(bot, client)
    async with running_slack(fake, bot, settings) as slack:
        await slack.command("watches", user_id="U0LISTED")
        (listing,) = await fake.calls_after("response")
    assert (
        "Watches in this workspace:\n• <#C0NEWS>: person *Blinken*\n"
        "Last alert in <#C0NEWS> failed: 2022-03-18 09:00 UTC: not_in_channel"
    ) == reply_text(listing)
    clock.now += timedelta(minutes=1)
    assert 1 == await post_due_alerts(bot, client)
    assert "2 new quotes from Antony Blinken." == fake.calls_to("chat.postMessage")[-1].body["text"]


async def test_members_are_refused_and_admins_can_unwatch(
    fake: FakeSlack, tmp_path: Path, clock: Clock
) -> None:
    settings = settings_for(fake, tmp_path)
    bot = wiring.build(settings, clock)
    fake.add_user("U0ASKER")
    async with running_slack(fake, bot, settings) as slack:
        replies: list[Any] = []
        for n, text in enumerate(["watch topic China", "watches", "unwatch topic China"], 1):
            await slack.command(text, user_id="U0ASKER")
            replies = await fake.calls_after("response", count=n)
        assert 3 * ["Only workspace admins and owners can change or view watches."] == [
            reply_text(r) for r in replies
        ]
        assert () == bot.watches("slack", TEAM)
        # One at a time: each reply is awaited, so the unwatch cannot overtake the watch.
        for n, text in enumerate(
            ["watch topic", "watch person  Jen  Psaki", "unwatch person jen psaki"], 4
        ):
            await slack.command(text, user_id="U0LISTED")
            replies = await fake.calls_after("response", count=n)
        *_, usage, added, removed = replies
    assert reply_text(usage).startswith("Usage: `/news watch topic China`")
    assert reply_text(added).startswith("Watching person *Jen Psaki* in this channel")
    assert "Stopped watching person *jen psaki* in this channel." == reply_text(removed)
    assert () == bot.watches("slack", TEAM)
