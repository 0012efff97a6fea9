"""Read a plain-text article: the first line is the title, page furniture is set aside."""

from __future__ import annotations

from datetime import datetime

from bot.ingest.dates import combine
from bot.ingest.files import Sidecar
from bot.ingest.furniture import Cleaned, clean, is_furniture
from bot.ingest.ids import article_id
from bot.ingest.report import NO_TEXT, Rejected
from bot.ingest.tags import split_tags
from bot.models import Article

MAX_TITLE = 300


def normalise(text: str) -> str:
    # no-break spaces pad many scraped paragraphs; they are plain spaces to a reader
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def parse_txt(source: str, text: str, sidecar: Sidecar | None) -> Article | Rejected:
    side = sidecar or Sidecar()
    lines = normalise(text).split("\n")
    title, start = _title(lines, side.title)
    cleaned = clean("\n".join(lines[start:]))
    if not cleaned.body or not title:
        return Rejected(source, NO_TEXT)
    return build(title, cleaned, side)


def _title(lines: list[str], known: str | None) -> tuple[str, int]:
    """The title and the index of the first body line."""
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or is_furniture(line):
            continue
        if known and line.casefold() != known.casefold():
            return known, i  # the file starts with body text; the sidecar names it
        if len(line) > MAX_TITLE:
            return shorten(line), i  # a paragraph, not a headline: keep it as body text
        return known or line, i + 1
    return known or "", len(lines)


def shorten(text: str, limit: int = 100) -> str:
    """The start of `text` cut at a word, for a title made from a paragraph."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def build(
    title: str,
    cleaned: Cleaned,
    side: Sidecar,
    url: str | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    tags: tuple[str, ...] = (),
) -> Article:
    """An `Article` from cleaned text, the sidecar winning over what the page itself says."""
    context = title + "\n" + cleaned.body
    found = [tag for line in cleaned.tag_lines for tag in split_tags(line, context)]
    merged = dict.fromkeys([*side.tags, *tags, *found])
    url = side.url or url
    return Article(
        id=article_id(side.id, url, cleaned.body),
        title=title,
        text=cleaned.body,
        url=url,
        outlet=side.outlet or outlet,
        published=_published(side, cleaned, published),
        tags=tuple(merged),
    )


def _published(side: Sidecar, cleaned: Cleaned, page: datetime | None) -> datetime | None:
    """The sidecar's date; a bare date is refined by an "Updated at 2:34 p.m." line."""
    written = cleaned.times[0] if cleaned.times else None
    if side.published is not None:
        if side.day is not None and written is not None:
            return combine(written, side.day, side.timezone) or side.published
        return side.published
    if page is not None:
        return page
    if written is not None and written.day is not None:
        return combine(written, None, side.timezone)
    return None
