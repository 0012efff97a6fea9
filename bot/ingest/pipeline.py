"""`ingest_paths`: read, extract quotes, and store in batches, one transaction per batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.ingest.readers import estimate_total, read_paths
from bot.ingest.report import EXTRACTION_FAILED, IngestReport, Rejected
from bot.models import Article, Extraction

if TYPE_CHECKING:
    from bot.store import Store

log = logging.getLogger(__name__)

BATCH = 500  # big enough to amortise a transaction, small enough for a smooth progress bar
Progress = Callable[[int, int | None], None]
Extractor = Callable[..., Extraction]


class _Saver(Protocol):
    def save_articles(
        self, batch: Sequence[tuple[Article, Extraction]], now: datetime
    ) -> list[str]: ...


def ingest_paths(
    store: Store | _Saver,
    paths: Sequence[str | Path],
    now: datetime,
    progress: Progress | None = None,
) -> IngestReport:
    """Read every article under `paths`, extract its quotes and save it; report what happened.

    Nothing is printed or logged above DEBUG, so the core can load `seeds/` silently.
    """
    extract = _extractor()
    total = estimate_total(paths) if progress is not None else None
    counts = {"added": 0, "updated": 0, "duplicate": 0}
    rejected: list[Rejected] = []
    done = 0
    for batch, problems, seen in _batches(read_paths(paths), extract):
        rejected.extend(problems)
        if batch:
            for outcome in store.save_articles(batch, now):
                counts[outcome] = counts.get(outcome, 0) + 1
        done += seen
        if progress is not None:
            progress(done, max(total, done) if total is not None else None)
    if progress is not None:
        progress(done, done)  # the estimate may count blank lines; finish at 100%
    return IngestReport(
        added=counts["added"],
        updated=counts["updated"],
        duplicates=counts["duplicate"],
        rejected=tuple(rejected),
    )


def _batches(
    items: Iterator[Article | Rejected], extract: Extractor
) -> Iterator[tuple[list[tuple[Article, Extraction]], list[Rejected], int]]:
    batch: list[tuple[Article, Extraction]] = []
    problems: list[Rejected] = []
    seen = 0
    for item in items:
        if isinstance(item, Rejected):
            problems.append(item)
            seen += not item.kept  # a kept article's note is not an item of its own
            continue
        seen += 1
        try:
            extraction = extract(item.text, item.title)
        except Exception:  # one odd article must not stop a corpus; store it without quotes
            log.exception("quote extraction failed for %s", item.id)
            problems.append(Rejected(item.url or item.id, EXTRACTION_FAILED, kept=True))
            extraction = Extraction()
        batch.append((item, extraction))
        if len(batch) >= BATCH:
            yield batch, problems, seen
            batch, problems, seen = [], [], 0
    if batch or problems or seen:
        yield batch, problems, seen


def _no_quotes(text: str, title: str | None = None) -> Extraction:
    return Extraction()


def _extractor() -> Extractor:
    try:
        from bot.extract import extract
    except ModuleNotFoundError as error:
        if error.name not in {"bot.extract", "bot"}:
            raise  # bot.extract exists but one of its own imports is missing: a real bug
        # the extractor is not built yet: articles still go in, without quotes
        return _no_quotes
    return extract
