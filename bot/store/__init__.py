"""The article store: the only place that speaks SQL (SQLite through sqlite-utils).

One connection, opened with `check_same_thread=False` so adapters can call in from
worker threads, and a lock around each call. A server database would replace this
package and nothing else: the rest of the core sees only these methods.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from bot.contract import Alert, Destination, DigestSubscription, DueDigest, Period, Watch
from bot.digest import DeliveryLog
from bot.errors import NewsbotError
from bot.feeds.model import Feed, ItemLog, Known  # -- feeds --
from bot.models import Article, Extraction, Person, StoredArticle, StoredQuote, StoreStats
from bot.schema import migrations
from bot.store import digests, people, reads, writes
from bot.store import feeds as feed_rows  # -- feeds --
from bot.store import watches as watch_rows  # -- watches --
from bot.watch import ChannelState, Tracked  # -- watches --

T = TypeVar("T")
BULK_CACHE_KIB = 256 * 1024  # only for a bulk ingest, never the long-running bot


def _explain(error: sqlite3.Error, path: str) -> NewsbotError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return NewsbotError(
            f"The store {path} is locked by another program; try again when it is done.",
            setting="NEWSBOT_DB",
        )
    if "readonly" in text or "read-only" in text:
        return NewsbotError(
            f"The store {path} is read-only; check its permissions or point NEWSBOT_DB elsewhere.",
            setting="NEWSBOT_DB",
        )
    if "disk i/o error" in text:  # e.g. a write past a size limit (EFBIG) or a failing disk
        return NewsbotError(
            f"Could not write to the store {path} (disk I/O error): the disk may be full or"
            " failing; nothing more was written. Free space or check the disk, and rerun.",
            setting="NEWSBOT_DB",
        )
    if "full" in text:
        return NewsbotError(
            f"The disk holding {path} is full; nothing more was written. Free space and rerun.",
            setting="NEWSBOT_DB",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return NewsbotError(
            f"The store {path} is damaged ({error}). Move it aside and re-ingest, or try"
            f" `sqlite3 {path} .recover` to save what is left.",
            setting="NEWSBOT_DB",
        )
    if "unable to open" in text:
        return NewsbotError(
            f"Cannot open the store {path}: check that its folder exists and is writable.",
            setting="NEWSBOT_DB",
        )
    return NewsbotError(f"The store {path} failed: {error}.", setting="NEWSBOT_DB")


class Store:
    def __init__(self, db: Database, label: str) -> None:
        self.db = db
        self.label = label
        self._lock = threading.RLock()
        self._entities = writes.EntityCache(db)
        self._cache: dict[str, tuple[tuple[int, int, int], Any]] = {}

    @classmethod
    def open(cls, path: str | Path, busy_timeout: float = 10.0) -> Store:
        """Open (creating if needed) and migrate the store at `path`; ':memory:' for tests.

        `busy_timeout`: seconds to wait for another program's write lock before failing.
        """
        label = str(path)
        try:
            if label == ":memory:":
                conn = sqlite3.connect(":memory:", check_same_thread=False)
            else:
                folder = Path(label).expanduser().resolve().parent
                if not folder.is_dir():
                    raise NewsbotError(
                        f"The folder for the store {label} does not exist.", setting="NEWSBOT_DB"
                    )
                conn = sqlite3.connect(label, check_same_thread=False, timeout=busy_timeout)
            db = Database(conn)
            db.execute("pragma journal_mode=wal")
            db.execute("pragma synchronous=normal")
            # A bigger page cache: FTS merges during ingest and hot index pages for reads.
            db.execute("pragma cache_size=-32768")
            db.execute("pragma foreign_keys=off")
            migrations.apply(db)
        except sqlite3.Error as error:
            raise _explain(error, label) from None
        return cls(db, label)

    def close(self) -> None:
        with self._lock:
            self.db.conn.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as error:
                raise _explain(error, self.label) from None

    def _run(self, fn: Callable[..., T], *args: object) -> T:
        with self._guard():
            return fn(self.db, *args)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """A bigger page cache while a large ingest runs: at a million articles every batch
        inserts into indexes keyed by hashes, which touch pages all over the file."""
        with self._guard():
            before = self.db.execute("pragma cache_size").fetchone()[0]
            self.db.execute(f"pragma cache_size=-{BULK_CACHE_KIB}")
        try:
            yield
        finally:
            with self._guard():
                self.db.execute(f"pragma cache_size={int(before)}")

    # -- articles -------------------------------------------------------------

    def save_articles(
        self, batch: Sequence[tuple[Article, Extraction]], now: datetime
    ) -> list[str]:
        """Store a batch in one transaction: 'added', 'updated' or 'duplicate' per article."""
        with self._guard():
            return writes.save_articles(self.db, self._entities, batch, now)

    def content_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hash stored under each of `ids` that is stored."""
        return self._run(reads.content_hashes, ids)

    def is_empty(self) -> bool:
        with self._guard():
            return self.db.execute("select 1 from articles limit 1").fetchone() is None

    def latest(
        self,
        match: str | None,
        period: Period | None,
        outlet: str | None,
        limit: int,
        offset: int = 0,
    ) -> list[StoredArticle]:
        return self._run(reads.latest, match, period, outlet, limit, offset)

    def quotes(
        self,
        match: str | None,
        speaker_ids: Sequence[int] | None,
        period: Period | None,
        outlet: str | None,
        limit: int,
        offset: int = 0,
    ) -> list[StoredQuote]:
        return self._run(reads.quotes, match, speaker_ids, period, outlet, limit, offset)

    def top_stories(
        self, match: str | None, period: Period | None, skip: Sequence[int], limit: int
    ) -> list[StoredArticle]:
        return self._run(reads.top_stories, match, period, skip, limit)

    def people(self, name: str, limit: int = 10) -> list[Person]:
        return self._run(people.people, name, limit)

    def complete(self, field: str, prefix: str, limit: int) -> tuple[str, ...]:
        return self._run(people.complete, field, prefix, limit)

    def person(self, entity_id: int) -> Person | None:
        return self._run(people.person, entity_id)

    def vocabulary(self) -> tuple[str, ...]:
        """Names for 'did you mean', cached until the store changes."""
        return self._cached("vocabulary", people.vocabulary)

    def _cached(self, name: str, read: Callable[[Database], T]) -> T:
        # Whole-table reads are kept until a write changes the store's generation.
        with self._guard():
            generation = reads.generation(self.db)
            if name not in self._cache or self._cache[name][0] != generation:
                self._cache[name] = (generation, read(self.db))
            return self._cache[name][1]

    def outlets(self) -> tuple[str, ...]:
        return self._cached("outlets", reads.outlets)

    def stats(self) -> StoreStats:
        return self._run(reads.stats)

    # -- digests --------------------------------------------------------------

    def save_subscription(self, sub: DigestSubscription, now: datetime) -> None:
        self._run(digests.save, sub, now)

    def delete_subscription(self, destination: Destination) -> bool:
        return self._run(digests.delete, destination)

    def subscription(self, destination: Destination) -> DigestSubscription | None:
        return self._run(digests.one, destination)

    def subscriptions(self, platform: str, scope: str | None) -> tuple[DigestSubscription, ...]:
        return self._run(digests.many, platform, scope)

    def sent_stories(self, destination: Destination) -> tuple[int, ...]:
        return self._run(digests.sent_stories, destination)

    def offer_digest(self, due: DueDigest, article_ids: Sequence[str]) -> None:
        self._run(digests.offer, due, article_ids)

    def delivery_log(self, destination: Destination) -> DeliveryLog:
        return self._run(digests.log, destination)

    def record_delivery(self, due: DueDigest, error: str | None, now: datetime) -> None:
        self._run(digests.record, due, error, now)

    # -- feeds ----------------------------------------------------------------
    # Subscriptions and the per-item log for `bot.feeds`; SQL lives in `bot/store/feeds.py`.

    def add_feed(self, feed: Feed) -> bool:
        return self._run(feed_rows.add, feed)

    def save_feed(self, feed: Feed) -> None:
        self._run(feed_rows.save, feed)

    def feed(self, url: str) -> Feed | None:
        return self._run(feed_rows.one, url)

    def feeds(self) -> tuple[Feed, ...]:
        return self._run(feed_rows.many)

    def due_feeds(self, now: datetime) -> tuple[Feed, ...]:
        return self._run(feed_rows.due, now)

    def remove_feed(self, url: str) -> bool:
        return self._run(feed_rows.remove, url)

    def known_items(self, guids: Sequence[str], urls: Sequence[str]) -> Known:
        return self._run(feed_rows.known, guids, urls)

    def log_feed_items(self, items: Sequence[ItemLog], stored: dict[str, int]) -> None:
        self._run(feed_rows.log_items, items, stored)

    def explain_item(self, key: str, canonical: str | None, limit: int = 20) -> tuple[ItemLog, ...]:
        return self._run(feed_rows.explain, key, canonical, limit)

    def find_article(
        self, article_id: str, canonical: str | None, digest: str
    ) -> tuple[str, str | None] | None:
        return self._run(feed_rows.find_article, article_id, canonical, digest)

    # -- watches --------------------------------------------------------------
    # Watch alerts: watches with cursors on arrival order, per-channel state, the delivery log.
    # SQL lives in `bot/store/watches.py`.

    def add_watch(self, watch: Watch, key: str, now: datetime) -> Watch:
        """Add a watch whose cursor starts at the newest arrival, or return the existing one."""
        with self._guard():
            return watch_rows.add(self.db, watch, key, watch_rows.newest_seq(self.db), now)

    def remove_watch(self, destination: Destination, kind: str, key: str) -> bool:
        return self._run(watch_rows.remove, destination, kind, key)

    def count_watches(self, destination: Destination, kind: str, key: str) -> int:
        """The channel's watches other than (kind, key)."""
        return self._run(watch_rows.count_others, destination, kind, key)

    def tracked_watches(self, platform: str, scope: str | None) -> tuple[Tracked, ...]:
        return self._run(watch_rows.many, platform, scope)

    def watch_channels(self, platform: str) -> dict[Destination, ChannelState]:
        return self._run(watch_rows.channel_states, platform)

    def newest_seq(self) -> int:
        return self._run(watch_rows.newest_seq)

    def watch_window(self, after: int, limit: int) -> tuple[int, int, int] | None:
        return self._run(watch_rows.window, after, limit)

    def new_quotes(
        self,
        after: int,
        upto: int,
        keys: tuple[int, int],
        match: str | None,
        speaker_ids: Sequence[int] | None,
        limit: int,
    ) -> list[tuple[int, StoredQuote]]:
        return self._run(watch_rows.new_quotes, after, upto, keys, match, speaker_ids, limit)

    def new_stories(
        self,
        after: int,
        upto: int,
        keys: tuple[int, int],
        match: str | None,
        entity_ids: Sequence[int] | None,
        limit: int,
    ) -> list[tuple[int, StoredArticle]]:
        return self._run(watch_rows.new_stories, after, upto, keys, match, entity_ids, limit)

    def delivered_items(self, destination: Destination, items: Sequence[str]) -> frozenset[str]:
        return self._run(watch_rows.delivered, destination, items)

    def record_alert(self, alert: Alert, error: str | None, now: datetime) -> None:
        self._run(watch_rows.record, alert, error, now)
