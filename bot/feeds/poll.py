"""One poll of many feeds: bounded, polite fetching in threads, extraction in processes.

The main thread owns the store: fetch threads return bytes, worker processes return
articles with quotes, and the main thread triages, saves in batches and logs each item.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.feeds import schedule
from bot.feeds.model import Feed, ItemLog, PollSummary
from bot.feeds.pages import Built, PageJob, build_many
from bot.feeds.parse import parse_feed
from bot.feeds.politeness import HostQueue, host_of
from bot.feeds.triage import Seen, triage
from bot.names import canonical_url, content_hash
from bot.net import FetchError, Guard, Limits, Response, get

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_INLINE_MAX = 24  # fewer pending pages than this: extract in this process, no pool start-up
_CHUNK = 8  # pages per worker call, to amortise pickling


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


class _Run:
    def __init__(self, store: Store, config: PollConfig, now: datetime) -> None:
        self.store, self.config, self.now = store, config, now
        self.queue: HostQueue[_Fetch] = HostQueue(config.per_host, config.gap)
        self.threads = ThreadPoolExecutor(config.threads, thread_name_prefix="newsbot-fetch")
        self.pool: Executor | None = None
        self.fetching: dict[Future[Response], tuple[str, _Fetch]] = {}
        self.building: dict[Future[list[Built]], list[PageJob]] = {}
        self.to_build: list[PageJob] = []
        self.ready: list[Built] = []
        self.states: dict[str, Feed] = {}
        self.counts: dict[str, dict[str, int]] = {}
        self.errors: dict[str, str] = {}
        self.not_modified: set[str] = set()
        self.seen = Seen()

    def go(self, feeds: Sequence[Feed]) -> None:
        for feed in feeds:
            self.states[feed.url] = feed
            self.counts[feed.url] = {"new": 0, "duplicate": 0, "too old": 0, "rejected": 0}
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
                self._flush()
        self._flush()
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
        room = self.config.threads - len(self.fetching)
        for host, item in self.queue.ready(time.monotonic(), room):
            if item.kind == "feed":
                headers = {}
                if item.feed.etag:
                    headers["If-None-Match"] = item.feed.etag
                if item.feed.last_modified:
                    headers["If-Modified-Since"] = item.feed.last_modified
                args = (item.feed.url, self.config.guard, self.config.limits, headers, FEED_ACCEPT)
            else:
                assert item.job is not None and item.job.link is not None
                args = (item.job.link, self.config.guard, self.config.limits, {}, PAGE_ACCEPT)
            self.fetching[self.threads.submit(get, *args)] = (host, item)

    def _fetched(self, future: Future[Response]) -> None:
        host, item = self.fetching.pop(future)
        self.queue.done(host)
        try:
            response: Response | None = future.result()
            error = None
        except FetchError as failure:
            response, error = None, failure
        except Exception as failure:  # a bug in one fetch must not sink the whole poll
            log.exception("fetch of %s failed", item.feed.url)
            response, error = None, FetchError("connect", f"unexpected error: {failure}")
        if item.kind == "feed":
            self._feed_document(item.feed, response, error)
        elif item.job is not None:
            self._page(item.job, response, error)

    def _feed_document(
        self, feed: Feed, response: Response | None, error: FetchError | None
    ) -> None:
        if response is not None and response.status == 304:
            self.not_modified.add(feed.url)
            self.states[feed.url] = schedule.succeeded(
                feed, self.now, feed.etag, feed.last_modified, feed.title
            )
            return
        try:
            if response is None:
                raise error or FetchError("connect", "no response")
            parsed = parse_feed(response.body, response.url, response.headers, self.now)
        except FetchError as failure:
            self.errors[feed.url] = failure.reason
            self.states[feed.url] = schedule.failed(feed, self.now, failure.reason)
            return
        head = response.headers
        self.states[feed.url] = schedule.succeeded(
            feed, self.now, head.get("etag"), head.get("last-modified"), parsed.title
        )
        guids = [e.guid for e in parsed.entries]
        urls = [u for u in (canonical_url(e.link) for e in parsed.entries) if u]
        known = self.store.known_items(guids, urls)
        result = triage(feed.url, parsed.entries, known, self.seen, self.now, self.config.max_age)
        self._log(result.logs)
        outlet = parsed.title or host_of(feed.url)
        for entry in result.new:
            job = PageJob(
                feed.url, entry.guid, entry.link, entry.title, entry.published, entry.text, outlet
            )
            if entry.link:
                self.queue.push(host_of(entry.link), _Fetch("page", feed, job))
            else:
                self.to_build.append(job)

    def _page(self, job: PageJob, response: Response | None, error: FetchError | None) -> None:
        if response is None:
            reason = error.reason if error else "no response"
            self.to_build.append(replace(job, page_error=f"page {reason}"))
        elif response.content_type and "html" not in response.content_type:
            self.to_build.append(replace(job, page_error=f"page is {response.content_type}"))
        else:
            self.to_build.append(replace(job, markup=response.text()))

    # -- extraction -----------------------------------------------------------

    def _dispatch_builds(self) -> None:
        if not self.to_build:
            return
        pending = len(self.to_build) + len(self.queue) + len(self.fetching)
        workers = self.config.workers
        if workers is None:
            workers = os.cpu_count() or 1
        if self.pool is None and (workers == 0 or pending < _INLINE_MAX):
            chunk, self.to_build = self.to_build[:_CHUNK], self.to_build[_CHUNK:]
            self.ready.extend(build_many(chunk))
            return
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: forking a process that runs fetch threads can deadlock
            spawn = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(workers, mp_context=spawn)
        still_fetching = bool(len(self.queue) or self.fetching)
        while self.to_build and len(self.building) < 4 * workers:
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

    def _flush(self) -> None:
        if not self.ready:
            return
        built, self.ready = self.ready, []
        logs: list[ItemLog] = []
        keep = [b for b in built if b.article is not None]
        for b in built:
            if b.article is None:
                logs.append(_log(self.now, b, "rejected", b.reason))
        batch = []
        for b in keep:
            article = b.article
            assert article is not None
            if article.published is None:  # missing or broken dates: the fetch time
                article = replace(article, published=self.now)
            batch.append((article, b.extraction))
        outcomes = self.store.save_articles(batch, self.now) if batch else []
        stored: dict[str, int] = {}
        for b, (article, _), outcome in zip(keep, batch, outcomes, strict=True):
            if outcome in {"added", "updated"}:
                stored[b.job.feed_url] = stored.get(b.job.feed_url, 0) + 1
                self.counts[b.job.feed_url]["new"] += 1
                word = "stored" if outcome == "added" else "updated"
                logs.append(_log(self.now, b, word, b.reason, article_id=article.id))
                continue
            found = self.store.find_article(
                article.id, canonical_url(article.url), content_hash(article.text)
            )
            dup = found[0] if found else None
            logs.append(_log(self.now, b, "duplicate", "same text as a stored article", dup))
        self._log(logs, stored)

    def _log(self, logs: Sequence[ItemLog], stored: dict[str, int] | None = None) -> None:
        for item in logs:
            key = {"stored": "new", "updated": "new"}.get(item.outcome, item.outcome)
            if key != "new":
                self.counts[item.feed_url][key] += 1
        if logs:
            self.store.log_feed_items(logs, stored or {})
        for url, count in (stored or {}).items():
            feed = self.states[url]
            self.states[url] = replace(feed, stored=feed.stored + count)


def _log(
    now: datetime,
    b: Built,
    outcome: str,
    reason: str,
    dup: str | None = None,
    article_id: str | None = None,
) -> ItemLog:
    job = b.job
    return ItemLog(
        feed_url=job.feed_url,
        guid=job.guid,
        url=job.link,
        title=job.title,
        outcome=outcome,
        reason=reason,
        duplicate_of=dup,
        article_id=article_id,
        published=job.published,
        seen=now,
        canonical_url=canonical_url(job.link),
    )
