"""End to end over HTTP: `serve(http=True)` on 127.0.0.1, signed requests, a local Slack Web API.

Nothing is mocked on our side: the real core answers from the seed article.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.slack import render
from bot import wiring
from bot.contract import Destination, DigestSubscription
from bot.core import NewsBot
from bot.settings import Settings
from tests.fakes.fake_slack import (
    BOT_TOKEN,
    SECRET,
    TEAM,
    FakeSlack,
    RunningSlack,
    im_event,
    mention_event,
    running_slack,
    signed_headers,
    slash_body,
    url_verification_body,
)
from tests.fakes.platform_fixtures import slack_settings
from tests.support import Clock

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = datetime(2022, 3, 18, 12, 0, tzinfo=UTC)
CHANNEL = Destination("slack", TEAM, "C0NEWS")


def settings_for(fake: FakeSlack, tmp_path: Path, **extra: Any) -> Settings:
    return slack_settings(fake, tmp_path, slack_admins=("U0LISTED",), **extra)


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    return slack_fake


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def bot(fake: FakeSlack, tmp_path: Path, clock: Clock) -> NewsBot:
    return wiring.build(settings_for(fake, tmp_path), clock)


@pytest.fixture
async def slack(fake: FakeSlack, bot: NewsBot, tmp_path: Path) -> AsyncIterator[RunningSlack]:
    async with running_slack(fake, bot, settings_for(fake, tmp_path)) as running:
        yield running


def check_limits(payload: dict[str, Any]) -> None:
    blocks = payload["blocks"]
    assert len(blocks) <= render.MAX_BLOCKS
    assert len(json.dumps(blocks, ensure_ascii=False)) <= render.MAX_TOTAL
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= render.MAX_SECTION
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= render.MAX_HEADER


def blocks_text(payload: dict[str, Any]) -> str:
    return json.dumps(payload.get("blocks", []), ensure_ascii=False)


# -- signatures -------------------------------------------------------------------


async def test_url_verification_echoes_the_challenge(slack: RunningSlack) -> None:
    body = url_verification_body("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    status, reply = await slack.post(body, signed_headers(body))
    assert 200 == status
    assert {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"} == reply


async def test_bad_and_stale_signatures_are_refused_without_any_slack_call(
    slack: RunningSlack, fake: FakeSlack
) -> None:
    body = slash_body("quotes China", response_url=fake.response_url())
    wrong = signed_headers(body, secret="not-the-secret", form=True)
    stale = signed_headers(body, timestamp=int(time.time()) - 600, form=True)
    unsigned = {"Content-Type": "application/x-www-form-urlencoded"}
    assert 401 == (await slack.post(body, wrong))[0]
    assert 401 == (await slack.post(body, stale))[0]
    assert 401 == (await slack.post(body, unsigned))[0]
    # Changing one byte after signing breaks the signature too.
    tampered = body.replace(b"China", b"Chinb")
    assert 401 == (await slack.post(tampered, signed_headers(body, form=True)))[0]
    assert ["auth.test"] == [c.method for c in fake.calls]  # only serve()'s start-up check


# -- /news ------------------------------------------------------------------------


async def test_quotes_command_acks_then_responds_with_seed_quotes(
    slack: RunningSlack, fake: FakeSlack
) -> None:
    status, ack = await slack.command("quotes China")
    assert 200 == status
    assert "Looking that up…" == ack
    (response,) = await fake.calls_after("response")
    payload = response.body
    assert "in_channel" == payload["response_type"]
    assert payload["replace_original"] is False
    assert payload["text"]  # the summary, as the notification fallback
    check_limits(payload)
    text = blocks_text(payload)
    assert "Jen Psaki" in text
    assert "Antony Blinken" in text
    assert "*Antony Blinken*" in text
    assert "We believe China in particular has a responsibility" in text


async def test_free_text_after_news_is_a_question(slack: RunningSlack, fake: FakeSlack) -> None:
    await slack.command("who said what about China")
    (response,) = await fake.calls_after("response")
    assert "Jen Psaki" in blocks_text(response.body)


async def test_fallback_text_is_the_answers_summary(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    expected = bot.ask("who said what about China").summary
    await slack.command("quotes China")
    (response,) = await fake.calls_after("response")
    assert render.escape(expected) == response.body["text"]


@pytest.mark.parametrize(
    ("text", "title", "content"),
    [
        ("latest China", "Latest on China", "Biden to speak with Xi Jinping on Friday"),
        ("who Jake Sullivan", "Who is Jake Sullivan", "national security adviser"),
        ("digest", "Digest for 18 Mar 2022", "Antony Blinken"),
        ("ask what did Blinken say about China", "", "Antony Blinken"),
        ("quotes China page 2", "Who said what about China", "Page 2 of 2"),
    ],
)
async def test_subcommands_answer_from_the_seed(
    slack: RunningSlack, fake: FakeSlack, text: str, title: str, content: str
) -> None:
    await slack.command(text)
    (response,) = await fake.calls_after("response")
    assert "in_channel" == response.body["response_type"]
    check_limits(response.body)
    assert title in response.body["blocks"][0]["text"]["text"]
    assert content in blocks_text(response.body)


async def test_help_is_the_ack_itself(slack: RunningSlack, fake: FakeSlack) -> None:
    status, ack = await slack.command("help")
    assert 200 == status
    assert "/news quotes China" in blocks_text(ack)
    assert "digest-set" in blocks_text(ack)
    assert [] == fake.calls_to("response")


async def test_missing_topic_gets_usage_as_the_ack(slack: RunningSlack, fake: FakeSlack) -> None:
    status, ack = await slack.command("quotes")
    assert 200 == status
    assert "/news quotes China" in blocks_text(ack)
    assert [] == fake.calls_to("response")


class GatedBot:
    """The real bot, whose questions wait for a gate: shows that the ack never waits for them."""

    def __init__(self, bot: NewsBot, gate: threading.Event) -> None:
        self._bot = bot
        self._gate = gate

    def ask(self, text: str) -> Any:
        assert self._gate.wait(10), "the test never opened the gate"
        return self._bot.ask(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._bot, name)


async def test_ack_arrives_while_the_core_is_still_working(
    fake: FakeSlack, bot: NewsBot, tmp_path: Path
) -> None:
    gate = threading.Event()
    async with running_slack(fake, GatedBot(bot, gate), settings_for(fake, tmp_path)) as slack:
        status, ack = await slack.command("quotes China")
        assert 200 == status
        assert "Looking that up…" == ack
        assert [] == fake.calls_to("response")  # the answer is still being worked out
        gate.set()
        (response,) = await fake.calls_after("response")
        assert "Antony Blinken" in blocks_text(response.body)


# -- mentions and DMs -------------------------------------------------------------


async def test_mention_is_answered_in_a_thread(slack: RunningSlack, fake: FakeSlack) -> None:
    status, _ = await slack.event(mention_event("who said what about China", ts="1700.0001"))
    assert 200 == status
    (post,) = await fake.calls_after("chat.postMessage")
    assert BOT_TOKEN == post.token
    body = post.body
    assert "C0NEWS" == body["channel"]
    assert "1700.0001" == body["thread_ts"]
    assert body["unfurl_links"] is False
    assert "link_names" not in body
    assert body["text"]
    check_limits(body)
    assert "Jen Psaki" in blocks_text(body)
    assert "Antony Blinken" in blocks_text(body)


async def test_mention_payload_is_exactly_the_rendered_answer(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    (page,) = render.render(bot.ask("who said what about China"))
    await slack.event(mention_event("who said what about China", ts="1700.0002"))
    (post,) = await fake.calls_after("chat.postMessage")
    body = {k: v for k, v in post.body.items() if k != "team_id"}  # bolt adds the team
    expected = {
        "channel": "C0NEWS",
        "thread_ts": "1700.0002",
        "unfurl_links": False,
        "unfurl_media": False,
        "text": page.text,
        "blocks": list(page.blocks),
    }
    assert expected == body


async def test_response_payload_is_exactly_the_rendered_answer(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    (page,) = render.render(bot.ask("who said what about China"))
    await slack.command("quotes China")
    (response,) = await fake.calls_after("response")
    expected = {
        "text": page.text,
        "blocks": list(page.blocks),
        "response_type": "in_channel",
        "replace_original": False,
    }
    assert expected == response.body


EVIL = """Mayor warns residents about flooding

The river rose overnight, officials said.

“Everyone <!channel> should leave the riverside now & stay safe, <@U0BOSS> included,” \
Mayor Jane Doe said on Monday. <!here>

Tags flooding
"""


async def test_article_text_never_pings_anyone(fake: FakeSlack, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in SEEDS.iterdir():
        (seeds / seed.name).write_bytes(seed.read_bytes())
    (seeds / "999_flood.txt").write_text(EVIL)
    settings = replace(settings_for(fake, tmp_path), seeds_dir=str(seeds))
    async with running_slack(fake, wiring.build(settings, lambda: NOW), settings) as slack:
        await slack.event(im_event("what did Jane Doe say"))
        (post,) = await fake.calls_after("chat.postMessage")
    sent = json.dumps(post.body, ensure_ascii=False)
    assert "Jane Doe" in sent
    assert "Everyone &lt;!channel&gt; should leave the riverside now &amp; stay safe" in sent
    for ping in ("<!channel>", "<!here>", "<@U0BOSS>", "<!"):
        assert ping not in sent


async def test_direct_message_is_answered_in_the_dm(slack: RunningSlack, fake: FakeSlack) -> None:
    await slack.event(im_event("what did Blinken say about China"))
    (post,) = await fake.calls_after("chat.postMessage")
    assert "D0DIRECT" == post.body["channel"]
    assert "thread_ts" not in post.body
    assert "Antony Blinken" in blocks_text(post.body)


async def test_other_messages_and_bots_are_never_answered(
    slack: RunningSlack, fake: FakeSlack
) -> None:
    channel_chatter = {**im_event("who said what about China"), "channel_type": "channel"}
    channel_chatter["channel"] = "C0NEWS"
    from_bot = {**im_event("who said what about China"), "bot_id": "B0OTHER"}
    edited = {**im_event("who said what about China"), "subtype": "message_changed"}
    mention_by_bot = {**mention_event("who said what about China"), "bot_id": "B0OTHER"}
    for n, event in enumerate([channel_chatter, from_bot, edited, mention_by_bot]):
        assert 200 == (await slack.event(event, event_id=f"Ev{n}"))[0]
    # A real question last: once it is answered, the earlier ones would have been too.
    await slack.event(im_event("who said what about China", channel="D0SENTINEL"), "Ev9")
    posts = await fake.calls_after("chat.postMessage")
    assert ["D0SENTINEL"] == [p.body["channel"] for p in posts]


async def test_a_redelivered_event_is_answered_once(slack: RunningSlack, fake: FakeSlack) -> None:
    event = im_event("who said what about China")
    await slack.event(event, event_id="Ev42")
    await slack.event(event, event_id="Ev42")  # Slack's retry of the same event
    await slack.event(im_event("who said what about China", channel="D0SENTINEL"), "Ev43")
    posts = await fake.calls_after("chat.postMessage", count=2)
    assert ["D0DIRECT", "D0SENTINEL"] == sorted(p.body["channel"] for p in posts)


async def test_a_429_is_retried_after_retry_after(slack: RunningSlack, fake: FakeSlack) -> None:
    fake.script(
        "chat.postMessage",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "0"},
    )
    await slack.event(im_event("who said what about China"))
    first, second = await fake.calls_after("chat.postMessage", count=2)
    assert first.body == second.body
    assert "Jen Psaki" in blocks_text(second.body)


async def test_refused_blocks_fall_back_to_plain_text(slack: RunningSlack, fake: FakeSlack) -> None:
    fake.script("chat.postMessage", body={"ok": False, "error": "invalid_blocks"})
    await slack.event(im_event("who said what about China"))
    _, plain = await fake.calls_after("chat.postMessage", count=2)
    assert "blocks" not in plain.body
    assert "Jen Psaki" in plain.body["text"]


async def test_tokens_and_secret_never_reach_the_logs(
    fake: FakeSlack, bot: NewsBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with running_slack(fake, bot, settings_for(fake, tmp_path)) as slack:
        await slack.command("quotes China")
        await slack.event(mention_event("who said what about China"))
        await fake.calls_after("response")
        await fake.calls_after("chat.postMessage")
    assert "chat.postMessage" in caplog.text  # debug logging of Web API calls was on
    assert BOT_TOKEN not in caplog.text
    assert SECRET not in caplog.text


# -- admin subcommands ----------------------------------------------------------------


async def test_digest_set_is_refused_for_ordinary_members(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    fake.add_user("U0ASKER")
    await slack.command("digest-set 08:00 Europe/London China")
    (response,) = await fake.calls_after("response")
    assert "ephemeral" == response.body["response_type"]
    assert "Only workspace admins and owners" in blocks_text(response.body)
    (lookup,) = fake.calls_to("users.info")
    assert "U0ASKER" == lookup.body["user"]
    assert bot.digest_subscription(CHANNEL) is None


async def test_workspace_admin_sets_shows_and_stops_a_digest(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    fake.add_user("U0BOSS", admin=True)
    await slack.command("digest-set 8:00 Europe/London China, Jake Sullivan", user_id="U0BOSS")
    (set_reply,) = await fake.calls_after("response")
    assert "Daily digest set for this channel at 08:00 Europe/London on China, Jake Sullivan" in (
        blocks_text(set_reply.body)
    )
    saved = bot.digest_subscription(CHANNEL)
    assert saved is not None
    assert ("08:00", "Europe/London", ("China", "Jake Sullivan")) == (
        saved.time,
        saved.timezone,
        saved.topics,
    )
    await slack.command("digest-show", user_id="U0BOSS")
    _, show = await fake.calls_after("response", count=2)
    assert "This channel: 08:00 Europe/London on China, Jake Sullivan." in blocks_text(show.body)
    await slack.command("digest-off", user_id="U0BOSS")
    *_, off = await fake.calls_after("response", count=3)
    assert "Daily digest stopped for this channel." in blocks_text(off.body)
    assert bot.digest_subscription(CHANNEL) is None


async def test_owner_counts_as_admin(slack: RunningSlack, fake: FakeSlack, bot: NewsBot) -> None:
    fake.add_user("U0OWNER", owner=True)
    await slack.command("digest-set 07:30 UTC", user_id="U0OWNER")
    await fake.calls_after("response")
    assert bot.digest_subscription(CHANNEL) is not None


async def test_listed_admin_needs_no_users_info(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    await slack.command("digest-set 07:30 UTC", user_id="U0LISTED")
    await fake.calls_after("response")
    assert bot.digest_subscription(CHANNEL) is not None
    assert [] == fake.calls_to("users.info")


async def test_unknown_user_is_not_an_admin(slack: RunningSlack, fake: FakeSlack) -> None:
    await slack.command("digest-show", user_id="U0GHOST")  # users.info: user_not_found
    (response,) = await fake.calls_after("response")
    assert "Only workspace admins and owners" in blocks_text(response.body)


async def test_bad_time_zone_is_explained_and_nothing_saved(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot
) -> None:
    await slack.command("digest-set 08:00 Mars/Olympus", user_id="U0LISTED")
    (response,) = await fake.calls_after("response")
    assert "Mars/Olympus" in blocks_text(response.body)
    assert "Traceback" not in blocks_text(response.body)
    assert bot.digest_subscription(CHANNEL) is None


async def test_digest_show_reports_a_failed_delivery(
    slack: RunningSlack, fake: FakeSlack, bot: NewsBot, clock: Clock
) -> None:
    from adapters.slack.config import make_client
    from adapters.slack.digests import post_due_digests

    bot.subscribe_digest(DigestSubscription(CHANNEL, "08:00", "UTC"))
    clock.now = NOW + timedelta(days=1)  # the next morning: the digest is due
    fake.script("chat.postMessage", body={"ok": False, "error": "not_in_channel"})
    assert 0 == await post_due_digests(bot, make_client(fake.api_url, BOT_TOKEN))
    await slack.command("digest-show", user_id="U0LISTED")
    (response,) = await fake.calls_after("response")
    text = blocks_text(response.body)
    assert "Last delivery failed: " in text
    assert "not_in_channel" in text
    assert "/invite @newsbot" in text
