"""Feed admin and polling behind one small class, for the CLI now and chat admin commands later.

Every method returns plain data (`Feed`, `ItemLog`, `PollSummary`, `IngestReport`) or
raises `NewsbotError` with a message fit to show as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.errors import NewsbotError
from bot.feeds import schedule
from bot.feeds.model import Feed, ItemLog, PollSummary
from bot.feeds.parse import parse_feed
from bot.feeds.poll import FEED_ACCEPT, PollConfig, Poller
from bot.feeds.work import PAGE_ACCEPT
from bot.ingest.report import IngestReport, Rejected
from bot.names import canonical_url
from bot.net import FetchError, Guard, get

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.store import Store


class FeedService:
    def __init__(
        self, store: Store, clock: Callable[[], datetime], config: PollConfig | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        self.config = config or PollConfig()

    @classmethod
    def from_settings(
        cls, store: Store, clock: Callable[[], datetime], settings: Settings
    ) -> FeedService:
        return cls(store, clock, PollConfig(guard=Guard.from_entries(settings.fetch_allow)))

    # -- admin ----------------------------------------------------------------

    def add(self, url: str, every: str | int | None = None) -> Feed:
        """Check the URL at once (scheme, address, reachable, parses as a feed), then subscribe."""
        url = url.strip()
        seconds = every if isinstance(every, int) else schedule.parse_every(every)
        if self.find(url) is not None:
            raise NewsbotError(f"{url} is already subscribed.")
        now = self.clock()
        try:
            response = get(url, self.config.guard, self.config.limits, accept=FEED_ACCEPT)
            parsed = parse_feed(response.body, response.url, response.headers, now)
        except FetchError as error:
            raise NewsbotError(
                f"Cannot add {url}: {error.message}.", setting=error.setting
            ) from None
        # no validators yet: the first poll must fetch the whole feed, not get a 304
        feed = Feed(url, seconds, title=parsed.title, added=now, next_poll=now)
        if not self.store.add_feed(feed):
            raise NewsbotError(f"{url} is already subscribed.")
        return feed

    def list(self) -> tuple[Feed, ...]:
        return self.store.feeds()

    def pause(self, url: str) -> Feed:
        feed = replace(self._get(url), paused=True)
        self.store.save_feed(feed)
        return feed

    def resume(self, url: str) -> Feed:
        feed = replace(self._get(url), paused=False, next_poll=self.clock())
        self.store.save_feed(feed)
        return feed

    def remove(self, url: str) -> Feed:
        feed = self._get(url)
        self.store.remove_feed(feed.url)
        return feed

    def explain(self, key: str) -> tuple[ItemLog, ...]:
        """Why an item (by URL, GUID or article id) was or was not stored, newest first."""
        key = key.strip()
        rows = self.store.explain_item(key, canonical_url(key))
        if not rows:
            raise NewsbotError(f"No feed item matches {key}: the poller has not met it.")
        return rows

    def find(self, url: str) -> Feed | None:
        url = url.strip()
        exact = self.store.feed(url)
        if exact is not None:
            return exact
        canon = canonical_url(url)
        return next((f for f in self.store.feeds() if canonical_url(f.url) == canon), None)

    # -- polling --------------------------------------------------------------

    def poll_due(self) -> list[PollSummary]:
        """Poll every feed that is due (not paused, next poll reached). Blocking."""
        return Poller(self.store, self.config, self.clock).poll(self.store.due_feeds(self.clock()))

    def poll_all(self) -> list[PollSummary]:
        """Poll every feed that is not paused, due or not."""
        feeds = [f for f in self.store.feeds() if not f.paused]
        return Poller(self.store, self.config, self.clock).poll(feeds)

    def ingest_url(self, url: str) -> IngestReport:
        """Fetch one article page and store it, like `ingest` does for a file."""
        from bot.feeds.pages import PageJob, build_many

        now = self.clock()
        try:
            response = get(url, self.config.guard, self.config.limits, accept=PAGE_ACCEPT)
        except FetchError as error:
            return IngestReport(0, 0, 0, (Rejected(url, error.message),))
        if response.content_type and "html" not in response.content_type:
            return IngestReport(
                0, 0, 0, (Rejected(url, f"not an HTML page ({response.content_type})"),)
            )
        job = PageJob("", url, url, "", None, "", None, markup=response.text())
        built = build_many([job])[0]
        if built.article is None:
            return IngestReport(0, 0, 0, (Rejected(url, "no article text"),))
        article = built.article
        if article.published is None:
            article = replace(article, published=now)
        outcome = self.store.save_articles([(article, built.extraction)], now)[0]
        return IngestReport(
            added=int(outcome == "added"),
            updated=int(outcome == "updated"),
            duplicates=int(outcome == "duplicate"),
        )

    def _get(self, url: str) -> Feed:
        feed = self.find(url)
        if feed is None:
            raise NewsbotError(
                f"No feed {url.strip()} is subscribed; `newsbot feeds list` shows them."
            )
        return feed
