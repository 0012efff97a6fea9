"""`newsbot feeds …`, `newsbot poll` and `newsbot ingest URL` in a child process."""

from __future__ import annotations

import pytest

from tests.fakes.feed_server import FakeItem, FeedServer, page, rss
from tests.test_cli import newsbot

PARAGRAPHS = [
    "White House press secretary Jen Psaki said on Wednesday that the president would speak"
    " with Xi Jinping on Friday about the war in Ukraine and its effect on trade.",
    '"We are watching closely," Psaki told reporters, adding that sanctions remained on the'
    " table if Beijing offered material support to Moscow.",
]


@pytest.fixture
def server():
    with FeedServer() as running:
        running.route("/a", page("Psaki on Xi call", [*PARAGRAPHS, "Story a."]))
        running.route("/b", page("Sanctions warning", [*PARAGRAPHS, "Story b."]))
        items = [
            FakeItem("Psaki on Xi call", running.url("/a"), "a"),
            FakeItem("b", running.url("/b"), "b"),
        ]
        running.route("/rss", rss("CLI Wire", items), content_type="application/rss+xml")
        yield running


def run(server, db, *args):
    return newsbot("--db", db, *args, env={"NEWSBOT_FETCH_ALLOW": server.host})


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "feeds-cli.db")


def test_add_list_poll_explain(server, db):
    feed = server.url("/rss")
    added = run(server, db, "feeds", "add", feed, "--every", "1h")
    assert 0 == added.returncode, added.stderr
    assert added.stdout.startswith(f"added {feed}  every 1h  new, next ")
    polled = run(server, db, "poll")
    assert 0 == polled.returncode, polled.stderr
    assert (
        "polled 1 feeds (0 not modified, 0 failed): 2 new, 0 duplicates, 0 too old, 0 rejected\n"
        == polled.stdout
    )
    listed = run(server, db, "feeds", "list")
    assert f"{feed}  every 1h  ok, next " in listed.stdout
    assert "2 stored — CLI Wire" in listed.stdout
    explained = run(server, db, "feeds", "explain", server.url("/a"))
    assert explained.stdout.startswith(f"{server.url('/a')}: stored as article ")
    asked = run(server, db, "ask", "what did Psaki say")
    assert "We are watching closely" in asked.stdout


def test_pause_resume_remove_and_unknown_feed(server, db):
    feed = server.url("/rss")
    run(server, db, "feeds", "add", feed)
    assert f"paused {feed}\n" == run(server, db, "feeds", "pause", feed).stdout
    assert "  paused  " in run(server, db, "feeds", "list").stdout
    assert f"resumed {feed}\n" == run(server, db, "feeds", "resume", feed).stdout
    assert f"removed {feed}\n" == run(server, db, "feeds", "remove", feed).stdout
    gone = run(server, db, "feeds", "remove", feed)
    assert 2 == gone.returncode
    assert f"newsbot: No feed {feed} is subscribed" in gone.stderr


def test_add_refuses_private_addresses_and_non_feeds_with_a_clear_message(server, db):
    private = run(server, db, "feeds", "add", "http://169.254.169.254/latest/")
    assert 2 == private.returncode
    assert (
        "newsbot: Cannot add http://169.254.169.254/latest/: 169.254.169.254 is a private"
        " or reserved address (169.254.169.254); add it to NEWSBOT_FETCH_ALLOW if this is intended."
    ) in private.stderr
    not_feed = run(server, db, "feeds", "add", server.url("/a"))
    assert 2 == not_feed.returncode
    assert "is not an RSS or Atom feed" in not_feed.stderr
    assert "Traceback" not in private.stderr + not_feed.stderr
    assert "no feeds yet" in run(server, db, "feeds", "list").stdout


def test_ingest_url_fetches_a_page_and_refuses_a_private_one(server, db):
    done = run(server, db, "ingest", server.url("/a"))
    assert 0 == done.returncode, done.stderr
    assert "added 1, updated 0, duplicates 0, rejected 0\n" == done.stdout
    refused = run(server, db, "ingest", "http://10.0.0.1/story")
    assert 1 == refused.returncode
    assert "rejected http://10.0.0.1/story: 10.0.0.1 is a private" in refused.stderr
