"""One item's page to an `Article` with its quotes: trafilatura first, the feed's text second.

`build_many` runs in worker processes, so it takes and returns plain picklable values.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.ingest.files import Sidecar
from bot.ingest.html import parse_html
from bot.ingest.ids import article_id
from bot.models import Article, Extraction

log = logging.getLogger(__name__)

MIN_PAGE_CHARS = 200  # a page shorter than this (a paywall stub, a cookie wall) loses to the feed


@dataclass(frozen=True)
class PageJob:
    feed_url: str
    guid: str
    link: str | None
    title: str
    published: datetime | None
    feed_text: str
    outlet: str | None
    markup: str | None = None  # None when the page was not fetched
    page_error: str | None = None


@dataclass(frozen=True)
class Built:
    job: PageJob
    article: Article | None
    extraction: Extraction
    reason: str = ""  # why `article` is None, or a note ("feed text: page HTTP 404")


def build_many(jobs: Sequence[PageJob]) -> list[Built]:
    from bot.extract import extract

    return [build(job, extract) for job in jobs]


def build(job: PageJob, extract: object) -> Built:
    article, note = _article(job)
    if article is None:
        return Built(job, None, Extraction(), note)
    try:
        extraction = extract(article.text, article.title)  # type: ignore[operator]
    except Exception:  # one odd article must not stop a poll; store it without quotes
        log.exception("quote extraction failed for %s", article.id)
        extraction = Extraction()
        note = "quote extraction failed"
    return Built(job, article, extraction, note)


def _article(job: PageJob) -> tuple[Article | None, str]:
    page = _from_page(job) if job.markup else None
    if page is not None and len(page.text) >= min(MIN_PAGE_CHARS, len(job.feed_text) + 1):
        return page, ""
    why = job.page_error or ("no article text on the page" if job.markup else "no page link")
    if job.feed_text.strip():
        return _from_feed(job), f"feed text used ({why})"
    if page is not None:
        return page, ""
    return None, f"no article text ({why}; the feed has none either)"


def _from_page(job: PageJob) -> Article | None:
    side = Sidecar(url=job.link, title=job.title or None, published=job.published)
    try:
        parsed = parse_html(job.link or job.guid, job.markup or "", side)
    except Exception:  # trafilatura and lxml raise odd things on odd markup
        log.debug("page extraction failed for %s", job.link, exc_info=True)
        return None
    if not isinstance(parsed, Article):
        return None
    return Article(
        id=_id(job, parsed.text),
        title=parsed.title,
        text=parsed.text,
        url=job.link,
        outlet=parsed.outlet or job.outlet,
        published=parsed.published,
        tags=parsed.tags,
    )


def _from_feed(job: PageJob) -> Article:
    title = job.title or job.feed_text.split("\n", 1)[0][:100]
    return Article(
        id=_id(job, job.feed_text),
        title=title,
        text=job.feed_text,
        url=job.link,
        outlet=job.outlet,
        published=job.published,
    )


def _id(job: PageJob, text: str) -> str:
    if job.link:
        return article_id(None, job.link, text)
    return hashlib.sha256(f"guid:{job.guid}".encode()).hexdigest()[:16]
