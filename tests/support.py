"""Small helpers shared by the tests: a settable clock and a feed server carrying one story."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from tests.fakes.feed_server import FakeItem, FeedServer, page, rss


class Clock:
    """A settable clock: a test moves `now` on to make digests, watches and feeds fall due."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@contextlib.contextmanager
def story_feed(paragraphs: list[str]) -> Iterator[FeedServer]:
    """A local feed server: the story "Psaki on Xi call" at /a, and an RSS feed of it at /rss."""
    with FeedServer() as server:
        server.route("/a", page("Psaki on Xi call", paragraphs))
        items = [FakeItem("Psaki on Xi call", server.url("/a"), "a")]
        server.route("/rss", rss("Test Wire", items), content_type="application/rss+xml")
        yield server
