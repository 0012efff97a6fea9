"""Read RSS 0.9x/1.0/2.0 and Atom documents with feedparser into plain `Entry` records."""

from __future__ import annotations

import calendar
import hashlib
import io
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import feedparser

from bot.feeds.htmltext import html_to_text
from bot.net.errors import FetchError

# A date further ahead than this is a broken date, not a scoop from the future.
_FUTURE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Entry:
    guid: str
    link: str | None
    title: str
    published: datetime | None  # None: missing or broken, the poller uses the fetch time
    text: str  # the feed's own content as plain text, the fallback for the page


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[Entry, ...]
    broken: bool  # feedparser had to recover from bad XML


def parse_feed(body: bytes, url: str, headers: Mapping[str, str], now: datetime) -> ParsedFeed:
    """Parse a feed document; raise `FetchError('not a feed')` when it is not one."""
    # A stream, never bytes or str: feedparser would treat those as a path or URL to open.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url, **dict(headers)},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("not a feed", f"{url} is not an RSS or Atom feed")
    title = str(parsed.feed.get("title") or "").strip()
    entries = tuple(_entry(e, now) for e in parsed.entries)
    return ParsedFeed(title, entries, bool(parsed.get("bozo")))


def _entry(raw: Mapping[str, object], now: datetime) -> Entry:
    link = _link(raw)
    title = " ".join(str(raw.get("title") or "").split())
    text = html_to_text(_content_html(raw))
    guid = str(raw.get("id") or "").strip() or link or _hash_guid(title, text)
    return Entry(guid, link, title, _date(raw, now), text)


def _link(raw: Mapping[str, object]) -> str | None:
    link = str(raw.get("link") or "").strip()
    if link.startswith(("http://", "https://")):
        return link
    guid = str(raw.get("id") or "").strip()
    # RSS permalink GUIDs are the article URL when no <link> is given
    return guid if guid.startswith(("http://", "https://")) else None


def _content_html(raw: Mapping[str, object]) -> str:
    contents = raw.get("content")
    if isinstance(contents, list) and contents:
        best = max((str(c.get("value") or "") for c in contents if isinstance(c, dict)), key=len)
        if best.strip():
            return best
    return str(raw.get("summary") or "")


def _date(raw: Mapping[str, object], now: datetime) -> datetime | None:
    # published first: a change to `updated` alone must not move a story
    for key in ("published_parsed", "created_parsed", "updated_parsed"):
        value = dict.get(raw, key)  # type: ignore[arg-type]  # no feedparser key aliasing
        if isinstance(value, time.struct_time):
            try:
                when = datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
            if when <= now + _FUTURE_SLACK and when.year >= 1990:
                return when
    return None


def _hash_guid(title: str, text: str) -> str:
    digest = hashlib.sha256(f"{title}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return "hash:" + digest[:24]
