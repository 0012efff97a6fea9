"""Read a saved web page: main text and metadata through trafilatura, exact times from meta tags."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from bot.ingest.dates import parse_timestamp
from bot.ingest.files import Sidecar
from bot.ingest.furniture import clean
from bot.ingest.report import NO_TEXT, Rejected
from bot.ingest.text import MAX_TITLE, build, normalise, shorten
from bot.models import Article

log = logging.getLogger(__name__)

# htmldate gives the day only; these carry the full time the page was published
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publishdate"'
    ' or @name="parsely-pub-date" or @name="sailthru.date" or @name="dc.date.issued"'
    ' or @property="og:published_time"]/@content'
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)


_CODE = re.compile(
    r"<(script(?![^>]*application/ld\+json)|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)


def parse_html(source: str, markup: str, sidecar: Sidecar | None) -> Article | Rejected:
    side = sidecar or Sidecar()
    tree = load_html(markup)
    if tree is None:
        return Rejected(source, NO_TEXT)
    # Script and style bodies end only at their closing tag (as in HTML5), but broken markup
    # before them can make lxml read them as text: cut them out before extracting the text.
    page = load_html(_CODE.sub(" ", markup)) if _CODE.search(markup) else None
    if page is None:
        page = tree
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=side.url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
        )
    except Exception:  # trafilatura raises ValueError and, on odd markup, worse
        log.debug("trafilatura failed on %s", source, exc_info=True)
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Rejected(source, NO_TEXT)
    page_title = (getattr(doc, "title", None) or "").strip()
    # trafilatura keeps one paragraph per line; blank lines between them match .txt and .jsonl
    cleaned = clean("\n\n".join(normalise(text).split("\n")))
    body = _drop_leading(cleaned.body, page_title)
    title = side.title or page_title or shorten(body.split("\n", 1)[0])
    if not body:
        return Rejected(source, NO_TEXT)
    cleaned = replace(cleaned, body=body)
    return build(
        title[:MAX_TITLE],
        cleaned,
        side,
        url=doc.url,
        outlet=doc.sitename or doc.hostname,
        published=_published(tree, doc.date),
        tags=tuple(t for t in (doc.tags or []) if isinstance(t, str) and t.strip()),
    )


def _drop_leading(body: str, title: str) -> str:
    """trafilatura often repeats the headline as the first paragraph."""
    first, _, rest = body.partition("\n\n")
    if title and first.strip().casefold() == title.casefold():
        return rest.strip()
    return body


def _published(tree: HtmlElement, day: str | None) -> datetime | None:
    for value in [*tree.xpath(_PUBLISHED_XPATH), *_json_ld_dates(tree)]:
        parsed = parse_timestamp(str(value))
        if parsed is not None:
            return parsed[0]
    parsed = parse_timestamp((day or "")[:10])  # htmldate's day, read as midnight UTC
    return parsed[0] if parsed else None


def _json_ld_dates(tree: HtmlElement) -> Iterator[str]:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        yield from _find(data, "datePublished")


def _find(data: object, key: str) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            yield data[key]
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _find(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _find(item, key)
