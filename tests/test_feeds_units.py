"""Pure parts of feeds: intervals, backoff, per-host politeness, feed parsing, the poller loop."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import NewsbotError
from bot.feeds import FeedService, PollConfig, run_poller
from bot.feeds.htmltext import html_to_text
from bot.feeds.model import Feed
from bot.feeds.parse import parse_feed
from bot.feeds.politeness import HostQueue
from bot.feeds.schedule import failed, format_every, parse_every, succeeded
from bot.net import FetchError
from bot.store import Store
from tests.fakes.feed_server import FakeItem, atom, rss

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "seconds"), [("15m", 900), ("2h", 7200), ("90", 5400), ("1d", 86400)]
)
def test_parse_every(text, seconds):
    assert seconds == parse_every(text)
    assert ("90m" if text == "90" else text) == format_every(seconds)


@pytest.mark.parametrize("text", ["0m", "30s", "8d", "soon"])
def test_parse_every_refuses_odd_intervals(text):
    with pytest.raises(NewsbotError):
        parse_every(text)


def test_backoff_doubles_caps_at_a_day_and_a_success_resets_it():
    feed = Feed("http://a.test/rss", 3600)
    delays = []
    for _ in range(7):
        feed = failed(feed, NOW, "timeout")
        delays.append(int((feed.next_poll - NOW).total_seconds() // 3600))
    assert [1, 2, 4, 8, 16, 24, 24] == delays
    assert ("failing", 7, "timeout") == (feed.status, feed.failures, feed.last_error)
    ok = succeeded(feed, NOW, '"e"', None, "A")
    assert ("ok", 0, None, NOW + timedelta(hours=1)) == (
        ok.status,
        ok.failures,
        ok.last_error,
        ok.next_poll,
    )


def test_host_queue_limits_each_host_and_spaces_requests():
    queue: HostQueue[str] = HostQueue(per_host=2, gap=1.0)
    for n in range(3):
        queue.push("a", f"a{n}")
    queue.push("b", "b0")
    assert [("a", "a0"), ("b", "b0")] == queue.ready(0.0, 10)
    assert [] == queue.ready(0.5, 10)  # a's gap has not passed
    assert 0.5 == queue.wait_hint(0.5)
    assert [("a", "a1")] == queue.ready(1.0, 10)
    assert [] == queue.ready(5.0, 10)  # two in flight to a: wait for one to finish
    queue.done("a")
    assert [("a", "a2")] == queue.ready(5.0, 10)


def test_parse_rss_and_atom_entries():
    items = [
        FakeItem(
            "One",
            "http://a.test/1",
            "g1",
            "Thu, 19 Nov 2026 10:00:00 GMT",
            summary="<p>Hi <b>there</b></p><p>Two</p>",
        )
    ]
    [entry] = parse_feed(rss("R", items).encode(), "http://a.test/rss", {}, NOW).entries
    assert ("g1", "http://a.test/1", "One", "Hi there\n\nTwo") == (
        entry.guid,
        entry.link,
        entry.title,
        entry.text,
    )
    assert datetime(2026, 11, 19, 10, tzinfo=UTC) == entry.published
    items = [FakeItem("One", "http://a.test/1", "urn:g1", "2026-11-19T10:00:00Z")]
    [entry] = parse_feed(atom("A", items).encode(), "http://a.test/atom", {}, NOW).entries
    assert ("urn:g1", datetime(2026, 11, 19, 10, tzinfo=UTC)) == (entry.guid, entry.published)


def test_a_future_date_is_a_broken_date():
    items = [FakeItem("Soon", "http://a.test/1", "g1", "Thu, 19 Nov 2099 10:00:00 GMT")]
    [entry] = parse_feed(rss("R", items).encode(), "http://a.test/rss", {}, NOW).entries
    assert entry.published is None


def test_guid_falls_back_to_the_link_then_to_a_hash():
    items = [FakeItem("Linked", "http://a.test/1"), FakeItem("Bare", None, summary="text")]
    linked, bare = parse_feed(rss("R", items).encode(), "http://a.test/rss", {}, NOW).entries
    assert "http://a.test/1" == linked.guid
    assert bare.guid.startswith("hash:")


def test_html_and_file_paths_are_not_feeds():
    with pytest.raises(FetchError) as caught:
        parse_feed(b"<html><body>hi</body></html>", "http://a.test/", {}, NOW)
    assert "not a feed" == caught.value.reason
    with pytest.raises(FetchError):
        parse_feed(b"/etc/passwd", "http://a.test/", {}, NOW)  # never opened as a path


def test_html_to_text_drops_scripts_and_keeps_paragraphs():
    markup = "<div><p>First  para</p><script>x()</script><p>Second<br>line</p></div>"
    assert "First para\n\nSecond\n\nline" == html_to_text(markup)


def test_run_poller_polls_until_stopped(tmp_path):
    store = Store.open(tmp_path / "p.db")
    rounds = []

    class Counting(FeedService):
        def poll_due(self):
            rounds.append(1)
            if len(rounds) == 2:
                stop.set()
            return []

    stop = threading.Event()
    run_poller(Counting(store, lambda: NOW, PollConfig()), stop, tick=0.01)
    assert 2 == len(rounds)
