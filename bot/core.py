"""The NewsBot facade: the one object adapters talk to.

Synchronous by design; async adapters call it from a worker thread. The clock is
passed in at the composition root, so nothing in here reads the time implicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from bot import alerting, answering, compose, digest, intents
from bot import watch as watching  # -- watches --
from bot.contract import (
    Alert,
    Answer,
    Destination,
    DigestSubscription,
    DueDigest,
    Intent,
    Query,
    Watch,
)
from bot.store import Store

if TYPE_CHECKING:
    from bot.feeds import FeedService


class NewsBot:
    """Questions in, `Answer`s out; digest schedules kept in the store."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        seeds: Path | None = None,
        page_size: int = 10,
        feeds: Callable[[], FeedService] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.seeds = seeds
        self.page_size = page_size
        # A factory, not a service: building one loads feedparser and trafilatura, which
        # `newsbot ask` never needs.
        self._make_feeds = feeds
        self._feeds: FeedService | None = None
        self._feeds_lock = Lock()

    @property
    def feeds(self) -> FeedService:
        """Feed admin and polling, one per bot: the CLI, chat admin and the poller share it."""
        with self._feeds_lock:  # adapters reach it from several worker threads
            if self._feeds is None:
                if self._make_feeds is not None:
                    self._feeds = self._make_feeds()
                else:
                    from bot.feeds import FeedService

                    self._feeds = FeedService(self.store, self.clock)
            return self._feeds

    # -- questions ------------------------------------------------------------

    def ask(self, text: str) -> Answer:
        """Answer free text: mentions, DMs, the terminal, `/ask`."""
        self._ensure_seeded()
        query = intents.parse(text, self.clock(), self.store.outlets())
        return self.answer(query)

    def answer(self, query: Query) -> Answer:
        """Answer a parsed query: slash commands with options build one directly."""
        self._ensure_seeded()
        now = self.clock()
        if query.intent is Intent.HELP:
            return compose.help_answer()
        if query.intent is Intent.DIGEST:
            return self.digest_now(topics=(query.topic,) if query.topic else ())
        return answering.answer(self.store, query, now, self.page_size)

    def complete(self, field: str, prefix: str, limit: int = 25) -> tuple[str, ...]:
        """Autocomplete choices for a `topic`, `speaker` or `name` option (≤ `limit`)."""
        self._ensure_seeded()
        return self.store.complete(field, prefix, min(limit, 25))

    # -- digests --------------------------------------------------------------

    def digest_now(self, topics: tuple[str, ...] = ()) -> Answer:
        """The digest as of now: the day's main stories and quotes."""
        self._ensure_seeded()
        return answering.digest(self.store, self.clock(), topics)

    def subscribe_digest(self, subscription: DigestSubscription) -> DigestSubscription:
        """Create or replace the daily digest of a destination; validates time and zone."""
        checked = digest.validate(subscription, self.clock())
        self.store.save_subscription(checked, self.clock())
        return checked

    def unsubscribe_digest(self, destination: Destination) -> bool:
        return self.store.delete_subscription(destination)

    def digest_subscription(self, destination: Destination) -> DigestSubscription | None:
        return self.store.subscription(destination)

    def subscriptions(self, platform: str, scope: str) -> tuple[DigestSubscription, ...]:
        """Every digest of one guild or workspace, never another's."""
        return self.store.subscriptions(platform, scope)

    def due_digests(self, platform: str) -> tuple[DueDigest, ...]:
        """Digests of `platform` due now and not yet delivered (a missed day comes once, late)."""
        now = self.clock()
        subs = self.store.subscriptions(platform, None)
        return digest.due(subs, now, self.store.delivery_log)

    def digest_for(self, due: DueDigest) -> Answer:
        """The digest to post for `due`: it skips stories this destination already got."""
        self._ensure_seeded()
        sent = self.store.sent_stories(due.subscription.destination)
        answer = answering.digest(self.store, self.clock(), due.subscription.topics, sent)
        self.store.offer_digest(due, [link.article_id for link in answer.citations])
        return answer

    def record_delivery(self, due: DueDigest, error: str | None = None) -> None:
        """Log a post: with no error the day is done for good; an error is kept for digest-show."""
        self.store.record_delivery(due, error, self.clock())

    # -- internals ------------------------------------------------------------

    def _ensure_seeded(self) -> None:
        # The first question against an empty store loads the seeds by itself.
        if self.seeds is not None and self.store.is_empty():
            from bot.ingest import ingest_paths

            ingest_paths(self.store, [self.seeds], self.clock())

    # -- watches --------------------------------------------------------------

    def watch(self, destination: Destination, kind: str, term: str) -> Watch:
        """Watch a topic or a person in a channel; only what arrives from now on is alerted."""
        self._ensure_seeded()  # the seeds are old news, never an alert
        kind, term = watching.validate(kind, term, 0)
        key = watching.term_key(term)
        others = self.store.count_watches(destination, kind, key)
        watching.validate(kind, term, others)
        return self.store.add_watch(Watch(destination, kind, term), key, self.clock())

    def unwatch(self, destination: Destination, kind: str, term: str) -> bool:
        kind, term = watching.validate(kind, term, 0)
        return self.store.remove_watch(destination, kind, watching.term_key(term))

    def watches(self, platform: str, scope: str | None) -> tuple[Watch, ...]:
        """Every watch of one guild or workspace, never another's (None: all, for the CLI)."""
        return tuple(t.watch for t in self.store.tracked_watches(platform, scope))

    def due_alerts(self, platform: str) -> tuple[Alert, ...]:
        """One batched alert per channel with new matches and room under its rate limit."""
        return alerting.due(self.store, platform, self.clock())

    def alert_answer(self, alert: Alert) -> Answer:
        return watching.alert_answer(alert)

    def record_alert(self, alert: Alert, error: str | None = None) -> None:
        """Log a post: with no error its items never post again and the cursors move on."""
        self.store.record_alert(alert, error, self.clock())
