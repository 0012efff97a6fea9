"""`ingest_paths`: read, extract and prepare, and store in batches, one transaction per batch.

Extraction and preparation are CPU-bound and pure, so with `workers` they run in worker
processes while this process, the single SQLite writer, only writes. The order is fixed
(a bulk load's JSON Lines by publication time, else as read), so a rerun after a crash
meets the same articles in the same order and skips what is stored.
"""

from __future__ import annotations

import gc
import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.extract import extract
from bot.ingest.readers import estimate_total, read_paths
from bot.ingest.report import EXTRACTION_FAILED, IngestReport, Rejected
from bot.models import Article, Extraction
from bot.names import content_hash
from bot.store.rows import Prepared, plain, prepare

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)

BATCH = 500  # big enough to amortise a transaction, small enough for a smooth progress bar
# A large input is written in bigger batches: fewer, larger FTS5 segments to merge later.
POOL_BATCH = 2000
CHUNK = 100  # articles per task sent to a worker process
# Chunks queued ahead of the writer: enough for workers to keep busy through a whole
# batch's write (a smaller window left them idle while the writer committed).
IN_FLIGHT = 2 * POOL_BATCH // CHUNK
PARALLEL_FROM = 2000  # below this many items a process pool costs more than it saves
# Ingest makes millions of short-lived objects, few of them in cycles; at the default
# threshold the cyclic collector ran so often that unpickling workers' results took 4x longer.
_GC_THRESHOLD = (10_000, 50, 50)
Progress = Callable[[int, int | None], None]
Chunk = tuple[list[Article], list[Rejected], int]
# Articles with their content hashes when computed already (to skip stored ones).
Hashed = tuple[list[tuple[Article, str | None]], list[Rejected], int]


def default_workers() -> int:
    """One per core: the writer spends part of each batch waiting on SQLite's commit and
    the workers, so a worker per core keeps every core busy (2 cores: 721 vs 605/s)."""
    return max(1, os.cpu_count() or 2)


def ingest_paths(
    store: Store,
    paths: Sequence[str | Path],
    now: datetime,
    progress: Progress | None = None,
    workers: int | None = 0,
) -> IngestReport:
    """Read every article under `paths`, extract its quotes and save it; report what happened.

    `workers` > 0 prepares articles in that many processes when the input is large;
    None picks one per spare core.
    Nothing is printed or logged above DEBUG, so the core can load `seeds/` silently.
    """
    with _fewer_collections():
        return _ingest(
            store, paths, now, progress, default_workers() if workers is None else workers
        )


@contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _ingest(
    store: Store,
    paths: Sequence[str | Path],
    now: datetime,
    progress: Progress | None,
    workers: int,
) -> IngestReport:
    workers = max(0, workers)
    total = estimate_total(paths) if progress is not None or workers else None
    counts = {"added": 0, "updated": 0, "duplicate": 0}
    rejected: list[Rejected] = []
    done = 0
    pending: list[Prepared] = []
    pool = workers > 0 and total is not None and total >= PARALLEL_FROM
    # A bulk load reads archives oldest first: the store's keys are time-ordered, so its
    # B-trees then append rather than take random writes. The order is the same on a rerun.
    chunks = _unseen(store, _chunks(read_paths(paths, by_time=pool)), counts)
    prepared = _in_pool(chunks, workers) if pool else (_prepare_chunk(c) for c in chunks)
    batch = POOL_BATCH if pool else BATCH
    with store.bulk_load() if pool else nullcontext():
        for ready, problems, seen in prepared:
            rejected.extend(problems)
            pending.extend(ready)
            done += seen
            if len(pending) >= batch:
                _save(store, pending, now, counts)
                pending = []
                if progress is not None:
                    progress(done, max(total or 0, done) if total is not None else None)
        if pending:
            _save(store, pending, now, counts)
    if progress is not None:
        progress(done, done)  # the estimate may count blank lines; finish at 100%
    return IngestReport(
        added=counts["added"],
        updated=counts["updated"],
        duplicates=counts["duplicate"],
        rejected=tuple(rejected),
    )


def _save(store: Store, batch: list[Prepared], now: datetime, counts: dict[str, int]) -> None:
    for outcome in store.save_articles(batch, now):
        counts[outcome] = counts.get(outcome, 0) + 1


def _chunks(items: Iterator[Article | Rejected]) -> Iterator[Chunk]:
    articles: list[Article] = []
    problems: list[Rejected] = []
    seen = 0
    for item in items:
        if isinstance(item, Rejected):
            problems.append(item)
            seen += not item.kept  # a kept article's note is not an item of its own
            continue
        seen += 1
        articles.append(item)
        if len(articles) >= CHUNK:
            yield articles, problems, seen
            articles, problems, seen = [], [], 0
    if articles or problems or seen:
        yield articles, problems, seen


def _unseen(store: Store, chunks: Iterator[Chunk], counts: dict[str, int]) -> Iterator[Hashed]:
    """Drop articles stored before under the same id with the same text, before extraction:
    a rerun after a crash, or a feed dump ingested again, costs a lookup, not a re-parse.
    Only articles whose id is stored are hashed here; the others are hashed with the rest
    of their preparation, off the writer's core."""
    for articles, problems, seen in chunks:
        stored = store.content_hashes([a.id for a in articles])
        fresh: list[tuple[Article, str | None]] = []
        for article in articles:
            digest = content_hash(article.text) if article.id in stored else None
            if digest is not None and digest == stored[article.id]:
                counts["duplicate"] += 1
            else:
                fresh.append((article, digest))
        yield fresh, problems, seen


def _prepare_chunk(chunk: Hashed) -> tuple[list[Prepared], list[Rejected], int]:
    articles, problems, seen = chunk
    ready = []
    for article, digest in articles:
        try:
            extraction = extract(article.text, article.title)
        except Exception:  # one odd article must not stop a corpus; store it without quotes
            log.exception("quote extraction failed for %s", article.id)
            problems.append(Rejected(article.url or article.id, EXTRACTION_FAILED, kept=True))
            extraction = Extraction()
        ready.append(plain(prepare(article, extraction, digest)))
    return ready, problems, seen


def _in_pool(
    chunks: Iterator[Hashed], workers: int
) -> Iterator[tuple[list[Prepared], list[Rejected], int]]:
    """Prepare chunks in worker processes, in order, with a bounded number in flight."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future] = deque()
        for chunk in chunks:
            window.append(pool.submit(_prepare_chunk, chunk))
            if len(window) > IN_FLIGHT:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
