"""Smoke test: `serve()` in Socket Mode (the self-hosting default) against a local websocket."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.slack import serve
from bot import wiring
from bot.settings import Settings
from tests.fakes.fake_slack import (
    APP_TOKEN,
    BOT_TOKEN,
    FakeSlack,
    command_payload,
    event_payload,
    mention_event,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = datetime(2022, 3, 18, 12, 0, tzinfo=UTC)


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    return slack_fake


async def test_socket_mode_answers_a_command_and_a_mention(
    fake: FakeSlack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = Settings(
        db_path=str(tmp_path / "t.db"),
        seeds_dir=str(SEEDS),
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_api_url=fake.api_url.rstrip("/"),  # serve() adds the slash slack_sdk needs
    )
    bot = wiring.build(settings, lambda: NOW)
    task = asyncio.create_task(serve(bot, settings, digest_interval=3600))
    try:
        await fake.calls_after("socket.connect")
        (opened,) = fake.calls_to("apps.connections.open")
        assert APP_TOKEN == opened.token

        payload = command_payload("quotes China", response_url=fake.response_url())
        envelope = {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "payload": payload,
            "accepts_response_payload": True,
        }
        fake.send_socket(envelope)
        (ack,) = await fake.calls_after("socket.ack")
        assert {"envelope_id": "env-1", "payload": {"text": "Looking that up…"}} == ack.body
        (response,) = await fake.calls_after("response")
        assert "Jen Psaki" in json.dumps(response.body["blocks"], ensure_ascii=False)

        fake.send_socket(
            {
                "envelope_id": "env-2",
                "type": "events_api",
                "payload": event_payload(mention_event("who said what about China")),
                "accepts_response_payload": False,
            }
        )
        (post,) = await fake.calls_after("chat.postMessage")
        assert BOT_TOKEN == post.token
        assert "Antony Blinken" in json.dumps(post.body["blocks"], ensure_ascii=False)
        acks = [c.body for c in await fake.calls_after("socket.ack", count=2)]
        assert {"envelope_id": "env-2"} == acks[1]
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert "apps.connections.open" in caplog.text
    assert APP_TOKEN not in caplog.text
    assert BOT_TOKEN not in caplog.text
