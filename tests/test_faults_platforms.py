"""Platform outages through the local fakes: 5xx bursts and timeouts are retried with backoff,
the bot answers once the platform recovers, and a digest is never posted twice.

The fakes are extended here, not changed: `OutageDiscord` can hang a route or accept a post
and still answer 5xx, and honours `enforce_nonce` as Discord does; `SlowSlack` can hold a
Web API method past the client's timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from adapters.discord import build_client, replies
from adapters.slack.config import make_client
from adapters.slack.digests import post_due_digests
from bot import wiring
from bot.contract import Destination, DigestSubscription
from bot.settings import Settings
from tests.fakes.fake_discord import (
    BOT_ID,
    BOT_USER,
    FakeDiscord,
    Request,
    message_create,
    run_client,
)
from tests.fakes.fake_slack import (
    BOT_TOKEN,
    TEAM,
    FakeSlack,
    mention_event,
    running_slack,
)
from tests.fakes.platform_fixtures import (
    CHANNEL,
    GUILD,
    new_discord_client,
    slack_settings,
    started_discord,
    started_slack,
)
from tests.support import Clock

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
POSTS = rf"/channels/{CHANNEL}/messages"
SET_AT = datetime(2022, 3, 18, 6, 0, tzinfo=UTC)
DUE_AT = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
DOWN = {"message": "Service Unavailable", "code": 0}


# -- Discord ----------------------------------------------------------------------------


class OutageDiscord(FakeDiscord):
    """The fake Discord, with outages: hung requests, and posts kept but answered with 5xx."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hang: dict[str, int] = defaultdict(int)  # pattern -> requests to hold
        self.kept_then_failed: dict[str, int] = defaultdict(int)  # pattern -> posts to keep, 503
        self.messages: dict[str, list[dict[str, Any]]] = defaultdict(list)  # channel -> created
        self.release = asyncio.Event()

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        for pattern in list(self.hang):
            if self.hang[pattern] and request.method == "POST" and re.fullmatch(pattern, path):
                self.hang[pattern] -= 1
                async with self._changed:  # recorded like any request, then never answered
                    self.requests.append(Request("POST", path, {}, None, dict(request.headers)))
                    self._changed.notify_all()
                with contextlib.suppress(asyncio.CancelledError):
                    await self.release.wait()  # until the test ends or the client gives up
                return web.Response(status=504)
        return await super()._rest(request)

    def _route(self, r: Request) -> web.Response | None:
        match = re.fullmatch(r"/channels/(\d+)/messages", r.path)
        if r.method != "POST" or match is None:
            return super()._route(r)
        channel = match.group(1)
        body = r.body or {}
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            # Discord: the same nonce from the same author within minutes returns that message
            for created in self.messages[channel]:
                if created["nonce"] == nonce:
                    return _json(created)
        response = super()._route(r)
        assert response is not None
        created = {**_parse(response), "nonce": nonce}
        self.messages[channel].append(created)
        for pattern in list(self.kept_then_failed):
            if self.kept_then_failed[pattern] and re.fullmatch(pattern, r.path):
                self.kept_then_failed[pattern] -= 1
                return _json(DOWN, 503)  # the message exists, but the client is told it failed
        return response


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=json.dumps(data).encode(), status=status, content_type="application/json"
    )


def _parse(response: web.Response) -> dict[str, Any]:
    assert isinstance(response.body, bytes)
    return json.loads(response.body)


@pytest.fixture
async def fake() -> AsyncIterator[OutageDiscord]:
    async with started_discord(OutageDiscord(guilds={GUILD: [CHANNEL]})) as server:
        yield server
        server.release.set()  # let any hung request end before the server closes


def mention(text: str) -> dict[str, Any]:
    return message_create(
        f"<@{BOT_ID}> {text}", guild_id=GUILD, channel_id=CHANNEL, mentions=[BOT_USER]
    )


def text_of(body: dict[str, Any]) -> str:
    embeds = body.get("embeds") or []
    return "\n".join([body.get("content") or ""] + [e.get("description") or "" for e in embeds])


async def test_discord_5xx_burst_is_retried_with_backoff_and_the_reply_arrives_once(
    settings: Settings, fake: OutageDiscord
) -> None:
    newsbot = wiring.build(settings, lambda: DUE_AT)
    made, token = build_client(newsbot, settings, digest_interval=None, guild_ready_timeout=0.05)
    fake.script("POST", POSTS, 502, {"message": "Bad Gateway", "code": 0})
    fake.script("POST", POSTS, 500, {"message": "Internal Server Error", "code": 0})
    async with run_client(made, token):
        await fake.dispatch("MESSAGE_CREATE", mention("who said what about China"))
        # discord.py waits 1 s, then 3 s, between attempts
        await fake.wait_for(lambda _: len(fake.matching("POST", POSTS)) >= 3, timeout=15)
        attempts = fake.matching("POST", POSTS)
    assert 3 == len(attempts)
    assert 1 == len({a.body["nonce"] for a in attempts})  # one message, retried as itself
    (created,) = fake.messages[CHANNEL]
    assert "Jen Psaki" in text_of(created)


async def test_discord_hung_request_times_out_and_the_bot_answers_the_next_question(
    settings: Settings,
    fake: OutageDiscord,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(replies, "SEND_TIMEOUT", 1.0)  # the hung post never ends
    newsbot = wiring.build(settings, lambda: DUE_AT)
    made, token = build_client(newsbot, settings, digest_interval=None, guild_ready_timeout=0.05)
    fake.hang[POSTS] = 1
    async with run_client(made, token):
        await fake.dispatch("MESSAGE_CREATE", mention("latest on Ukraine"))
        await fake.wait_count("POST", POSTS, 1)
        async with asyncio.timeout(30):  # the bot gives up on the hung post by itself
            while "Discord did not answer in time" not in caplog.text:
                await asyncio.sleep(0.05)
        await fake.dispatch("MESSAGE_CREATE", mention("who said what about China"))
        await fake.wait_for(lambda _: len(fake.messages[CHANNEL]) >= 1, timeout=30)
        assert not made.is_closed()
    (answered,) = fake.messages[CHANNEL]
    assert "Jen Psaki" in text_of(answered)


async def test_discord_digest_that_failed_after_posting_is_retried_and_never_doubled(
    settings: Settings, fake: OutageDiscord
) -> None:
    """The post reached the channel but Discord answered 503: the retry must not post again."""
    clock = Clock(SET_AT)
    made, token, newsbot = new_discord_client(settings, clock)
    where = Destination("discord", GUILD, CHANNEL)
    newsbot.subscribe_digest(DigestSubscription(where, "08:00", "UTC"))
    clock.now = DUE_AT
    fake.kept_then_failed[POSTS] = 1
    async with run_client(made, token):
        assert made.digests is not None
        await fake.wait_count("POST", POSTS, 1)
        await made.digests.wait_ticks(made.digests.ticks + 2)
        failed = newsbot.digest_subscription(where)
        assert failed is not None and "503" in (failed.last_error or "")
        clock.now += timedelta(minutes=1)  # the core's wait after one failure
        await fake.wait_count("POST", POSTS, 2)
        await made.digests.wait_ticks(made.digests.ticks + 3)
    assert 2 == len(fake.matching("POST", POSTS))  # one failed attempt, one retry, no more
    assert 1 == len(fake.messages[CHANNEL])  # and the channel shows the digest once
    done = newsbot.digest_subscription(where)
    assert done is not None and done.last_error is None

    again, token, _ = new_discord_client(settings, clock)  # a restart posts nothing more
    async with run_client(again, token):
        assert again.digests is not None
        await again.digests.wait_ticks(3)
    assert 1 == len(fake.messages[CHANNEL])


# -- Slack ------------------------------------------------------------------------------


class SlowSlack(FakeSlack):
    """The fake Slack, holding chosen Web API calls for a while before answering."""

    def __init__(self) -> None:
        super().__init__()
        self.delays: dict[str, deque[float]] = defaultdict(deque)
        self.arrived: dict[str, int] = defaultdict(int)  # including calls the client gave up on

    async def _api(self, request: web.Request) -> web.Response:
        self.arrived[request.match_info["method"]] += 1
        delays = self.delays[request.match_info["method"]]
        if delays:
            await asyncio.sleep(delays.popleft())
        return await super()._api(request)


@pytest.fixture
def slack() -> Iterator[SlowSlack]:
    with started_slack(SlowSlack()) as server:
        yield server


def slack_posts(fake: FakeSlack, channel: str) -> list[Any]:
    return [c for c in fake.calls_to("chat.postMessage") if c.body.get("channel") == channel]


async def test_slack_5xx_burst_is_retried_and_the_mention_is_answered(
    slack: SlowSlack, tmp_path: Path
) -> None:
    settings = slack_settings(slack, tmp_path)
    bot = wiring.build(settings, lambda: DUE_AT)
    slack.script("chat.postMessage", status=503, body={"ok": False, "error": "service_unavailable"})
    slack.script("chat.postMessage", status=500, body={"ok": False, "error": "internal_error"})
    async with running_slack(slack, bot, settings) as running:
        status, _ = await running.event(mention_event("who said what about China"))
        assert 200 == status
        posts = await slack.calls_after("chat.postMessage", count=3, timeout=15)
    assert "Jen Psaki" in str(posts[-1].body.get("blocks"))
    assert 3 == len(slack.calls_to("chat.postMessage"))


async def test_slack_timeout_is_retried_and_the_mention_is_answered(
    slack: SlowSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adapters.slack.config as slack_config

    monkeypatch.setattr(slack_config, "TIMEOUT", 1)
    settings = slack_settings(slack, tmp_path)
    bot = wiring.build(settings, lambda: DUE_AT)
    async with running_slack(slack, bot, settings) as running:
        slack.delays["chat.postMessage"].append(3.0)  # the first post hangs past the timeout
        status, _ = await running.event(mention_event("who said what about China"))
        assert 200 == status
        (post,) = await slack.calls_after("chat.postMessage", timeout=15)  # the hung one is lost
    assert 2 == slack.arrived["chat.postMessage"]
    assert "Jen Psaki" in str(post.body.get("blocks"))


async def test_slack_digest_during_an_outage_is_retried_then_posted_once(
    slack: SlowSlack, tmp_path: Path
) -> None:
    clock = Clock(SET_AT)
    bot = wiring.build(Settings(db_path=str(tmp_path / "d.db"), seeds_dir=str(SEEDS)), clock)
    where = Destination("slack", TEAM, "C0NEWS")
    bot.subscribe_digest(DigestSubscription(where, "08:00", "UTC"))
    clock.now = DUE_AT
    client = make_client(slack.api_url, BOT_TOKEN)
    for _ in range(3):  # longer than the client's own retries: Slack stays down for a while
        slack.script("chat.postMessage", status=503, body={"ok": False, "error": "unavailable"})
    assert 0 == await post_due_digests(bot, client)
    failed = bot.digest_subscription(where)
    assert failed is not None and failed.last_error is not None
    assert 0 == await post_due_digests(bot, client)  # the core waits before trying again
    clock.now += timedelta(minutes=1)
    assert 1 == await post_due_digests(bot, client)  # Slack is back
    clock.now += timedelta(minutes=30)
    assert 0 == await post_due_digests(bot, client)
    delivered = [c for c in slack_posts(slack, "C0NEWS") if c is not None]
    assert 4 == len(delivered)  # three refused attempts, then exactly one post
    done = bot.digest_subscription(where)
    assert done is not None and done.last_error is None
