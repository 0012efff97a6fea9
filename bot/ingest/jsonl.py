"""Read JSON Lines articles (id, url, source, title, published, text), one bad line at a time.

Each bad line is its own `Rejected` with its line number; good lines still go in.
Streamed line by line, so a corpus of any size is read in constant memory; a bulk load
may instead read it in publication order (`by_time`), for ~50 bytes a line (50 MB at 1M).
"""

from __future__ import annotations

import codecs
import json
import re
from array import array
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from bot.ingest.ids import article_id
from bot.ingest.report import (
    BAD_DATE,
    BAD_FIELD,
    BINARY,
    EMPTY,
    GAVE_UP,
    MISSING,
    MISSING_TEXT,
    NOT_JSON,
    NOT_OBJECT,
    NOT_UTF8,
    TOO_LARGE,
    UNREADABLE,
    Rejected,
)
from bot.models import Article

MAX_LINE_BYTES = 2 * 1024 * 1024  # one article; a longer line is not one
_GIVE_UP_AFTER = 100  # bad lines before the first good one: this is not JSON Lines at all
_TITLE_FROM_TEXT = 120
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")  # only such lines need the slow check
_SURROGATE = re.compile("[\ud800-\udfff]")
_PUBLISHED = re.compile(rb'"published"\s*:\s*"([^"\\]{1,64})"')
_UNDATED = 1 << 40  # after every real date: undated articles are stored as of ingest time
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # all C0 controls but \t \n \r


def read_jsonl(path: Path, by_time: bool = False) -> Iterator[Article | Rejected]:
    """`by_time`: yield the lines in order of their "published" value (see `_lines_by_time`)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield Rejected(str(path), MISSING)
        return
    except OSError:
        yield Rejected(str(path), UNREADABLE)
        return
    with handle:
        head = handle.read(8192)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield Rejected(str(path), NOT_UTF8)
            return
        if b"\x00" in head:
            yield Rejected(str(path), BINARY)
            return
        handle.seek(0)
        good = bad = 0
        try:
            for number, raw in _lines_by_time(handle) if by_time else _lines(handle):
                if not raw.strip():
                    continue
                item = _line(path, number, raw)
                if isinstance(item, Rejected):
                    bad += 1
                    yield item
                    if not good and bad >= _GIVE_UP_AFTER:
                        yield Rejected(str(path), GAVE_UP)
                        return
                elif isinstance(item, tuple):
                    good += 1
                    yield from item
                else:
                    good += 1
                    yield item
        except OSError:
            yield Rejected(str(path), UNREADABLE)
            return
        if not good and not bad:
            yield Rejected(str(path), EMPTY)


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Numbered lines; an over-long line comes back cut short, never read whole into memory."""
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the remainder of the line
        yield number, raw


def _lines_by_time(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Numbered lines, oldest "published" first; undated and unreadable ones last, in file order.

    Store keys start with the publication time, so an archive read in that order appends
    to the articles', quotes' and full-text B-trees instead of writing pages all over them
    (at a million articles, most of ingest's cost). The first pass keeps only each line's
    offset and date; the second reads the lines again from those offsets.
    """
    offsets = array("q")
    order: list[int] = []  # seconds << 32 | line index: one sortable int a line
    position = handle.tell()
    for number, raw in _lines(handle):
        order.append(_seconds(raw) << 32 | (number - 1))
        offsets.append(position)
        position = handle.tell()
    order.sort()
    for item in order:
        index = item & 0xFFFFFFFF
        handle.seek(offsets[index])
        yield index + 1, handle.readline(MAX_LINE_BYTES + 1)


def _seconds(raw: bytes) -> int:
    found = _PUBLISHED.search(raw)
    stamp = _timestamp(found.group(1).decode("utf-8", "replace")) if found else None
    return max(0, int(stamp.timestamp())) if stamp is not None else _UNDATED


def _line(path: Path, number: int, raw: bytes) -> Article | Rejected | tuple[Article, Rejected]:
    source = f"{path}:{number}"
    if len(raw) > MAX_LINE_BYTES:
        return Rejected(source, TOO_LARGE)
    try:
        record = json.loads(raw)  # from bytes: json decodes UTF-8 itself, BOM included
    except UnicodeDecodeError:
        return Rejected(source, NOT_UTF8)
    except ValueError:
        return Rejected(source, NOT_JSON)
    if not isinstance(record, dict):
        return Rejected(source, NOT_OBJECT)
    if _ESCAPED_SURROGATE.search(raw):
        record = _valid_unicode(record)
    return _article(source, record)


def _valid_unicode(value: Any) -> Any:
    """JSON may escape lone surrogates ("\\ud800"); UTF-8 cannot hold them, so show U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_valid_unicode(v) for v in value]
    if isinstance(value, dict):
        return {_valid_unicode(k): _valid_unicode(v) for k, v in value.items()}
    return value


def _article(source: str, record: dict[str, Any]) -> Article | Rejected | tuple[Article, Rejected]:
    text = record.get("text")
    if isinstance(text, str):
        text = _CONTROLS.sub("", text)  # "\u0000" and friends are not text
    if not isinstance(text, str) or not text.strip():
        return Rejected(source, MISSING_TEXT)
    fields: dict[str, str | None] = {}
    for key in ("id", "url", "source", "outlet", "title"):
        value = record.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            return Rejected(source, BAD_FIELD)
        fields[key] = _CONTROLS.sub("", value).strip() or None if value else None
    text = text.strip()
    raw_date = record.get("published")
    published = _timestamp(raw_date) if raw_date not in (None, "") else None
    tags = record.get("tags")
    article = Article(
        id=article_id(fields["id"], fields["url"], text),
        title=fields["title"] or text.split("\n", 1)[0][:_TITLE_FROM_TEXT],
        text=text,
        url=fields["url"],
        outlet=fields["source"] or fields["outlet"],
        published=published,
        tags=_tags(tags) if tags else (),
    )
    if published is None and raw_date not in (None, ""):
        # a bad date should not cost the article: it goes in undated, and the caller is told
        return article, Rejected(source, BAD_DATE, kept=True)
    return article


def _tags(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(t.strip() for t in value if isinstance(t, str) and t.strip())


def _timestamp(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)
