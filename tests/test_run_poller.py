"""The feed poller `newsbot run` runs beside the adapters: polls due feeds, survives failures."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.cli import poll_feeds
from bot import wiring
from bot.core import NewsBot
from bot.settings import Settings
from tests.conftest import ROOT
from tests.fakes.fake_slack import BOT_TOKEN, SECRET, FakeSlack, free_port
from tests.fakes.feed_server import FakeItem, FeedServer, page, rss

STORY = [
    "White House press secretary Jen Psaki said on Wednesday that the president would speak"
    " with Xi Jinping on Friday about the war in Ukraine and its effect on trade.",
    '"We are watching closely," Psaki told reporters, adding that sanctions remained on the'
    " table if Beijing offered material support to Moscow.",
]


def now() -> datetime:
    return datetime.now(UTC)


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        server.route("/a", page("Psaki on Xi call", STORY))
        server.route("/b", page("Sanctions warning", [*STORY, "A second story."]))
        items = [
            FakeItem("Psaki on Xi call", server.url("/a"), "a"),
            FakeItem("Sanctions warning", server.url("/b"), "b"),
        ]
        server.route("/rss", rss("Test Wire", items), content_type="application/rss+xml")
        yield server


@pytest.fixture
def bot(tmp_path: Path, feeds: FeedServer) -> NewsBot:
    settings = Settings(
        db_path=str(tmp_path / "t.db"),
        seeds_dir=str(tmp_path / "no-seeds"),
        fetch_allow=(feeds.host,),  # the feed server is on loopback, which is refused otherwise
    )
    return wiring.build(settings, now)


async def until(condition: object, task: asyncio.Task[None]) -> None:
    """Wait (at most 10 s) for `condition()`; fail at once if the poller died meanwhile."""
    async with asyncio.timeout(10):
        while not condition():  # type: ignore[operator]
            assert not task.done(), task
            await asyncio.sleep(0.02)


async def test_the_poller_stores_a_due_feeds_articles_and_stops_when_told(
    bot: NewsBot, feeds: FeedServer
) -> None:
    bot.feeds.add(feeds.url("/rss"))
    stop = asyncio.Event()
    task = asyncio.create_task(poll_feeds(bot.feeds, stop, tick=0.05))
    await until(lambda: bot.feeds.list()[0].stored == 2, task)
    stop.set()
    await asyncio.wait_for(task, 10)
    (feed,) = bot.feeds.list()
    assert "ok" == feed.status
    answer = bot.ask("what did Psaki say")
    assert any("We are watching closely" in item.text for item in answer.items)
    for path in ("/a", "/b"):
        (log,) = bot.feeds.explain(feeds.url(path))
        assert ("stored", feeds.url(path)) == (log.outcome, log.url)


async def test_a_failing_feed_is_logged_and_the_poller_carries_on(
    bot: NewsBot, feeds: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    bot.feeds.add(feeds.url("/rss"))
    feeds.route("/rss", "gone", status=500, content_type="text/plain")  # breaks after the add
    stop = asyncio.Event()
    task = asyncio.create_task(poll_feeds(bot.feeds, stop, tick=0.05))
    with caplog.at_level(logging.WARNING):
        await until(lambda: bot.feeds.list()[0].last_error is not None, task)
        feeds.route("/rss", rss("Test Wire", [FakeItem("Psaki on Xi call", feeds.url("/a"))]),
                    content_type="application/rss+xml")  # fmt: skip
        bot.feeds.resume(feeds.url("/rss"))  # due again at once instead of after the backoff
        await until(lambda: bot.feeds.list()[0].stored == 1, task)
    stop.set()
    await asyncio.wait_for(task, 10)
    failed = [r.getMessage() for r in caplog.records if "failed" in r.getMessage()]
    assert failed and failed[0].startswith(f"feed {feeds.url('/rss')} failed: ")


async def test_a_broken_round_is_logged_and_the_next_tick_tries_again(
    bot: NewsBot, feeds: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    service = bot.feeds
    service.add(feeds.url("/rss"))
    bot.store.close()  # every round now fails inside the store
    stop = asyncio.Event()
    task = asyncio.create_task(poll_feeds(service, stop, tick=0.01))
    with caplog.at_level(logging.ERROR):
        await until(lambda: sum("feed poll failed" in r.getMessage() for r in caplog.records) >= 2,
                    task)  # fmt: skip
    stop.set()
    await asyncio.wait_for(task, 10)
    assert task.exception() is None


def test_newsbot_run_polls_due_feeds_beside_the_adapter(
    bot: NewsBot, feeds: FeedServer, tmp_path: Path
) -> None:
    """The real `newsbot run slack --http` in a child process: the feed is polled once."""
    bot.feeds.add(feeds.url("/rss"))
    slack = FakeSlack().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "SLACK_"))}
    env |= {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.api_url, "NEWSBOT_PORT": str(free_port()),
            "NEWSBOT_FETCH_ALLOW": feeds.host, "NEWSBOT_LOG_LEVEL": "INFO"}  # fmt: skip
    log_file = tmp_path / "run.log"
    try:
        with log_file.open("w") as out:
            child = subprocess.Popen(
                [sys.executable, "-m", "adapters.cli", "--db", str(tmp_path / "t.db"), "run",
                 "slack", "--http"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                deadline = time.monotonic() + 60
                while bot.feeds.list()[0].stored < 2:
                    assert child.poll() is None, log_file.read_text()
                    assert time.monotonic() < deadline, log_file.read_text()
                    time.sleep(0.05)
            finally:
                child.send_signal(signal.SIGINT)
                child.wait(30)
    finally:
        slack.stop()
    output = log_file.read_text()
    assert 0 == child.returncode, output
    assert "Slack: listening on" in output
    assert 1 == output.count(f"feed {feeds.url('/rss')}: 2 new"), output
    assert "Traceback" not in output
