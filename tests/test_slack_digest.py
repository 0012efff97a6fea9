"""Slack digests: posted once across restarts, failures recorded, the timer never dies."""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from slack_sdk.oauth.installation_store import Installation

from adapters.slack import oauth
from adapters.slack.config import make_client
from adapters.slack.digests import post_due_digests, run_timer
from bot import wiring
from bot.contract import Destination, DigestSubscription
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_slack import BOT_TOKEN, SECRET, TEAM, FakeSlack, free_port
from tests.support import Clock

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SET_AT = datetime(2022, 3, 18, 6, 0, tzinfo=UTC)  # digests are set up early…
NOW = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)  # …and due by now, the morning after the story
NEWS = Destination("slack", TEAM, "C0NEWS")
GONE = Destination("slack", TEAM, "C0GONE")


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    return slack_fake


def build(tmp_path: Path, clock: Clock | None = None) -> NewsBot:
    settings = Settings(db_path=str(tmp_path / "t.db"), seeds_dir=str(SEEDS))
    return wiring.build(settings, clock or Clock(NOW))


def subscribed(tmp_path: Path, *subscriptions: DigestSubscription) -> NewsBot:
    """A bot with these digests set at SET_AT, its clock then moved on to NOW."""
    clock = Clock(SET_AT)
    bot = build(tmp_path, clock)
    for subscription in subscriptions:
        bot.subscribe_digest(subscription)
    clock.now = NOW
    return bot


async def test_digest_is_posted_once_across_a_restart(fake: FakeSlack, tmp_path: Path) -> None:
    client = make_client(fake.api_url, BOT_TOKEN)
    first = subscribed(tmp_path, DigestSubscription(NEWS, "08:00", "Europe/London"))
    assert 1 == await post_due_digests(first, client)
    assert 0 == await post_due_digests(first, client)
    restarted = build(tmp_path)  # same SQLite file, new process state
    assert 0 == await post_due_digests(restarted, client)
    (post,) = fake.calls_to("chat.postMessage")
    assert "C0NEWS" == post.body["channel"]
    assert BOT_TOKEN == post.token
    assert post.body["text"]
    assert post.body["unfurl_links"] is False
    assert "blocks" in post.body
    subscription = restarted.digest_subscription(NEWS)
    assert subscription is not None
    assert subscription.last_error is None


async def test_other_platforms_digests_are_left_alone(fake: FakeSlack, tmp_path: Path) -> None:
    bot = subscribed(
        tmp_path, DigestSubscription(Destination("discord", "G1", "42"), "08:00", "UTC")
    )
    assert 0 == await post_due_digests(bot, make_client(fake.api_url, BOT_TOKEN))
    assert [] == fake.calls_to("chat.postMessage")


async def test_failed_channel_is_recorded_and_others_still_get_theirs(
    fake: FakeSlack, tmp_path: Path
) -> None:
    bot = subscribed(
        tmp_path,
        DigestSubscription(GONE, "07:00", "UTC"),
        DigestSubscription(NEWS, "07:00", "UTC"),
    )
    due_order = [d.subscription.destination.channel for d in bot.due_digests("slack")]
    fake.script("chat.postMessage", body={"ok": False, "error": "channel_not_found"})
    assert 1 == await post_due_digests(bot, make_client(fake.api_url, BOT_TOKEN))
    failed = bot.digest_subscription(Destination("slack", TEAM, due_order[0]))
    delivered = bot.digest_subscription(Destination("slack", TEAM, due_order[1]))
    assert failed is not None and delivered is not None
    assert failed.last_error is not None
    assert failed.last_error.endswith("channel_not_found")
    assert delivered.last_error is None


async def test_timer_survives_failures_and_posts_once(fake: FakeSlack, tmp_path: Path) -> None:
    bot = subscribed(tmp_path, DigestSubscription(NEWS, "08:00", "UTC"))
    # The first attempt fails with a Slack error; the loop must keep going.
    fake.script("chat.postMessage", body={"ok": False, "error": "fatal_error"})
    client = make_client(fake.api_url, BOT_TOKEN)
    timer = asyncio.create_task(run_timer(bot, client, interval=0.01))
    try:
        await fake.calls_after("chat.postMessage", count=1)
        while bot.digest_subscription(NEWS).last_error is None:  # the failure is recorded
            await asyncio.sleep(0.01)
        bot.clock.now += timedelta(minutes=1)  # the core's retry wait after one failure
        posts = await fake.calls_after("chat.postMessage", count=2)
        # Let the timer tick again: nothing more is due once a day is delivered.
        for _ in range(20):
            await asyncio.sleep(0.01)
            assert not timer.done()
    finally:
        timer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await timer
    delivered = [p for p in fake.calls_to("chat.postMessage") if p is not posts[0]]
    assert 1 == len(delivered)
    subscription = bot.digest_subscription(NEWS)
    assert subscription is not None and subscription.last_error is None


async def test_a_failed_digest_waits_for_its_retry_time(fake: FakeSlack, tmp_path: Path) -> None:
    bot = subscribed(tmp_path, DigestSubscription(NEWS, "08:00", "UTC"))
    client = make_client(fake.api_url, BOT_TOKEN)
    fake.script("chat.postMessage", body={"ok": False, "error": "not_in_channel"})
    assert 0 == await post_due_digests(bot, client)
    assert 0 == await post_due_digests(bot, client)  # held back by the core
    assert 1 == len(fake.calls_to("chat.postMessage"))
    bot.clock.now += timedelta(minutes=1)
    assert 1 == await post_due_digests(bot, client)
    assert 2 == len(fake.calls_to("chat.postMessage"))


async def test_oauth_workspaces_get_their_own_token(fake: FakeSlack, tmp_path: Path) -> None:
    fake.tokens.add("xoxb-installed-team")
    settings = Settings(
        db_path=str(tmp_path / "t.db"),
        seeds_dir=str(SEEDS),
        slack_client_id="111.222",
        slack_client_secret="client-secret",
    )
    oauth_settings = oauth.oauth_settings(settings)
    oauth_settings.installation_store.save(
        Installation(
            app_id="A0TEST",
            team_id=TEAM,
            user_id="U0INSTALLER",
            bot_token="xoxb-installed-team",
            bot_id="B0NEWSBOT",
            bot_user_id="U0NEWSBOT",
            bot_scopes=["chat:write"],
        )
    )
    clock = Clock(SET_AT)
    bot = wiring.build(settings, clock)
    bot.subscribe_digest(DigestSubscription(NEWS, "08:00", "UTC"))
    bot.subscribe_digest(DigestSubscription(Destination("slack", "T0OTHER", "C1"), "08:00", "UTC"))
    clock.now = NOW
    client = make_client(fake.api_url)  # no token of its own
    posted = await post_due_digests(bot, client, oauth.token_lookup(oauth_settings))
    assert 1 == posted
    (post,) = fake.calls_to("chat.postMessage")
    assert "xoxb-installed-team" == post.token
    other = bot.digest_subscription(Destination("slack", "T0OTHER", "C1"))
    assert other is not None and other.last_error is not None
    assert other.last_error.endswith("not_installed")


async def test_oauth_mode_serves_the_install_page(fake: FakeSlack, tmp_path: Path) -> None:
    from adapters.slack import serve

    port = free_port()
    settings = Settings(
        db_path=str(tmp_path / "t.db"),
        seeds_dir=str(SEEDS),
        slack_client_id="111.222",
        slack_client_secret="client-secret",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        port=port,
    )
    task = asyncio.create_task(serve(build(tmp_path), settings, digest_interval=3600))
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(500):
                try:
                    async with session.get(f"http://127.0.0.1:{port}/slack/install") as r:
                        page = await r.text()
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.01)
            else:
                raise AssertionError("serve() never listened")
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert "https://slack.com/oauth/v2/authorize?state=" in page
    assert "client_id=111.222" in page
    assert "app_mentions%3Aread" in page or "app_mentions:read" in page
    assert (tmp_path / "t-slack.db").exists()
    assert "client-secret" not in json.dumps(page)
