"""One poll of many feeds: bounded, polite fetching on threads, extraction in processes.

The loop thread schedules and stores: fetch threads return pages (feeds come back
parsed), worker processes turn chunks of pages into articles with quotes, and the loop
saves them in batches. Measured on 2 cores, this beat both a separate writer thread and
fetching inside the workers (GIL hand-offs and per-task overhead cost more than they won).
A small poll skips the pool and extracts in-line.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.feeds import schedule
from bot.feeds.model import Feed, PollSummary
from bot.feeds.pages import Built, PageJob, build_many
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.politeness import HostQueue, host_of
from bot.feeds.saving import Saved, save_built
from bot.feeds.triage import Seen, triage
from bot.feeds.work import fetch_page
from bot.names import canonical_url
from bot.net import FetchError, Guard, Limits, Response, get

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9"
_INLINE_MAX = 24  # fewer pending pages than this: extract in this process, no pool start-up
_CHUNK = 8  # pages per worker call, to amortise pickling
_BUFFER = 1000  # fetched pages waiting for extraction before fetching pauses


@dataclass(frozen=True)
class PollConfig:
    guard: Guard = field(default_factory=Guard)
    limits: Limits = field(default_factory=Limits)
    threads: int = 16  # concurrent requests overall
    per_host: int = 2  # concurrent requests to one host
    gap: float = 0.2  # seconds between request starts to one host
    workers: int | None = None  # extraction processes; None: one per CPU; 0: in this process
    max_age: timedelta = timedelta(days=30)
    batch: int = 200  # articles per store transaction


@dataclass(frozen=True)
class _Fetch:
    kind: str  # "feed" | "page"
    feed: Feed
    job: PageJob | None = None


Fetched = tuple[Response | None, ParsedFeed | None, FetchError | None]


class Poller:
    def __init__(self, store: Store, config: PollConfig, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.config = config
        self.clock = clock

    def poll(self, feeds: Sequence[Feed]) -> list[PollSummary]:
        run = _Run(self.store, self.config, self.clock())
        try:
            run.go(feeds)
        finally:
            run.close()
        return [run.summary(feed) for feed in feeds]


def _fetch(item: _Fetch, config: PollConfig, now: datetime) -> Fetched:
    """On a fetch thread: GET, and for a feed also parse, so the loop thread stays free."""
    try:
        headers = {}
        if item.feed.etag:
            headers["If-None-Match"] = item.feed.etag
        if item.feed.last_modified:
            headers["If-Modified-Since"] = item.feed.last_modified
        response = get(item.feed.url, config.guard, config.limits, headers, FEED_ACCEPT)
        if response.status == 304:
            return response, None, None
        return response, parse_feed(response.body, response.url, response.headers, now), None
    except FetchError as error:
        return None, None, error
    except Exception as error:  # a bug in one fetch must not sink the whole poll
        log.exception("fetch for %s failed", item.feed.url)
        return None, None, FetchError("connect", f"unexpected error: {error}")


class _Run:
    def __init__(self, store: Store, config: PollConfig, now: datetime) -> None:
        self.store, self.config, self.now = store, config, now
        self.queue: HostQueue[_Fetch] = HostQueue(config.per_host, config.gap)
        self.threads = ThreadPoolExecutor(config.threads, thread_name_prefix="newsbot-fetch")
        self.pool: Executor | None = None
        self.fetching: dict[Future[Fetched] | Future[PageJob], tuple[str, _Fetch]] = {}
        self.building: dict[Future[list[Built]], list[PageJob]] = {}
        self.workers = config.workers if config.workers is not None else (os.cpu_count() or 1)
        self.to_build: list[PageJob] = []
        self.ready: list[Built] = []
        self.states: dict[str, Feed] = {}
        self.counts: dict[str, Counter[str]] = {}
        self.errors: dict[str, str] = {}
        self.not_modified: set[str] = set()
        self.seen = Seen()

    def go(self, feeds: Sequence[Feed]) -> None:
        for feed in feeds:
            self.states[feed.url] = feed
            self.counts[feed.url] = Counter()
            self.queue.push(host_of(feed.url), _Fetch("feed", feed))
        while len(self.queue) or self.fetching or self.to_build or self.building:
            self._dispatch_fetches()
            self._dispatch_builds()
            waiting = [*self.fetching, *self.building]
            hint = self.queue.wait_hint(time.monotonic()) if len(self.queue) else None
            if not waiting:
                time.sleep(hint or 0.01)
                continue
            done, _ = wait(waiting, timeout=hint, return_when=FIRST_COMPLETED)
            for future in done:
                if future in self.fetching:
                    self._fetched(future)  # type: ignore[arg-type]
                else:
                    self._built(future)  # type: ignore[arg-type]
            if len(self.ready) >= self.config.batch:
                self._write()
        self._write()
        for feed in self.states.values():
            self.store.save_feed(feed)

    def close(self) -> None:
        self.threads.shutdown(wait=True, cancel_futures=True)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def summary(self, feed: Feed) -> PollSummary:
        c = self.counts[feed.url]
        error = self.errors.get(feed.url)
        status = "failed" if error else "not modified" if feed.url in self.not_modified else "ok"
        return PollSummary(
            feed.url, status, c["new"], c["duplicate"], c["too old"], c["rejected"], error
        )

    # -- fetching -------------------------------------------------------------

    def _dispatch_fetches(self) -> None:
        """Start what politeness allows, feeds and pages alike, up to the thread count."""
        room = self.config.threads - len(self.fetching)
        if len(self.to_build) > _BUFFER:
            return  # extraction is behind: hold fetched pages in check, not in memory
        guard, limits = self.config.guard, self.config.limits
        for host, item in self.queue.ready(time.monotonic(), room):
            if item.kind == "feed":
                future = self.threads.submit(_fetch, item, self.config, self.now)
            else:
                assert item.job is not None
                future = self.threads.submit(fetch_page, item.job, guard, limits)
            self.fetching[future] = (host, item)

    def _fetched(self, future: Future[Fetched] | Future[PageJob]) -> None:
        host, item = self.fetching.pop(future)
        self.queue.done(host)
        if item.kind == "feed":
            response, parsed, error = future.result()  # type: ignore[misc]
            self._feed_document(item.feed, response, parsed, error)
        else:
            self.to_build.append(future.result())  # type: ignore[arg-type]

    def _feed_document(
        self,
        feed: Feed,
        response: Response | None,
        parsed: ParsedFeed | None,
        error: FetchError | None,
    ) -> None:
        if response is not None and response.status == 304:
            self.not_modified.add(feed.url)
            self.states[feed.url] = schedule.succeeded(
                feed, self.now, feed.etag, feed.last_modified, feed.title
            )
            return
        if response is None or parsed is None:
            reason = error.reason if error else "no response"
            self.errors[feed.url] = reason
            self.states[feed.url] = schedule.failed(feed, self.now, reason)
            return
        head = response.headers
        self.states[feed.url] = schedule.succeeded(
            feed, self.now, head.get("etag"), head.get("last-modified"), parsed.title
        )
        guids = [e.guid for e in parsed.entries]
        urls = [u for u in (canonical_url(e.link) for e in parsed.entries) if u]
        known = self.store.known_items(guids, urls)
        result = triage(feed.url, parsed.entries, known, self.seen, self.now, self.config.max_age)
        if result.logs:
            self.store.log_feed_items(result.logs, {})
            self.counts[feed.url].update(item.outcome for item in result.logs)
        outlet = parsed.title or host_of(feed.url)
        for entry in result.new:
            job = PageJob(
                feed.url, entry.guid, entry.link, entry.title, entry.published, entry.text, outlet
            )
            if entry.link:
                self.queue.push(host_of(entry.link), _Fetch("page", feed, job))
            else:
                self.to_build.append(job)

    # -- extraction -----------------------------------------------------------

    def _dispatch_builds(self) -> None:
        if not self.to_build:
            return
        pending = len(self.to_build) + len(self.queue) + len(self.fetching)
        if self.pool is None and (self.workers == 0 or pending < _INLINE_MAX):
            chunk, self.to_build = self.to_build[:_CHUNK], self.to_build[_CHUNK:]
            self.ready.extend(build_many(chunk))
            return
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: forking a process that runs fetch threads can deadlock
            spawn = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=spawn)
        still_fetching = bool(len(self.queue) or self.fetching)
        # enough chunks queued to keep the workers busy while the loop saves a batch
        while self.to_build and len(self.building) < 8 * self.workers:
            if still_fetching and len(self.to_build) < _CHUNK:
                break  # wait for a full chunk while pages are still coming
            chunk, self.to_build = self.to_build[:_CHUNK], self.to_build[_CHUNK:]
            self.building[self.pool.submit(build_many, chunk)] = chunk

    def _built(self, future: Future[list[Built]]) -> None:
        chunk = self.building.pop(future)
        try:
            self.ready.extend(future.result())
        except BrokenProcessPool:
            log.warning("an extraction worker died; extracting the rest in this process")
            self.ready.extend(build_many(chunk))

    # -- saving ---------------------------------------------------------------

    def _write(self) -> None:
        if self.ready:
            batch, self.ready = self.ready, []
            self._saved(save_built(self.store, batch, self.now))

    def _saved(self, saved: Saved) -> None:
        for url, count in saved.stored.items():
            self.counts[url]["new"] += count
            feed = self.states[url]
            self.states[url] = replace(feed, stored=feed.stored + count)
        for (url, outcome), count in saved.outcomes.items():
            self.counts[url][outcome] += count
