"""Read one file's bytes and decode them, or say plainly why not."""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.ingest.dates import parse_timestamp
from bot.ingest.paths import SIDECAR_SUFFIX
from bot.ingest.report import (
    BAD_SIDECAR,
    BINARY,
    EMPTY,
    MISSING,
    NOT_UTF8,
    TOO_LARGE,
    UNREADABLE,
    Rejected,
)

MAX_FILE_BYTES = 10 * 1024 * 1024  # a news article is kilobytes; more is not an article
MAX_SIDECAR_BYTES = 64 * 1024

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | Rejected:
    """The file's bytes, or a `Rejected` for missing, unreadable, too large or empty files."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # never pull a huge file into memory
    except FileNotFoundError:
        return Rejected(str(path), MISSING)
    except OSError:
        return Rejected(str(path), UNREADABLE)
    if len(data) > limit:
        return Rejected(str(path), TOO_LARGE)
    if not data.strip():
        return Rejected(str(path), EMPTY)
    return data


def decode_text(path: Path, data: bytes, html: bool = False) -> str | Rejected:
    """UTF-8 (with or without a BOM); an HTML page may declare another charset instead."""
    if data.startswith(_UTF16_BOMS):
        return Rejected(str(path), NOT_UTF8)
    if b"\x00" in data:
        return Rejected(str(path), BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _declared(data) if html else None
        if text is None:
            return Rejected(str(path), NOT_UTF8)
    if not text.strip():
        return Rejected(str(path), EMPTY)
    return text


def _declared(data: bytes) -> str | None:
    """Decode with the charset an HTML page declares in its first few kilobytes, if any."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class Sidecar:
    """Known facts about one file, from `NAME.meta.json` beside `NAME.txt`/`NAME.html`."""

    outlet: str | None = None
    published: datetime | None = None
    day: date | None = None  # set when `published` was a bare date: a time in the text refines it
    timezone: str | None = None  # IANA zone of times written in the text, e.g. "America/New_York"
    url: str | None = None
    title: str | None = None
    id: str | None = None
    tags: tuple[str, ...] = ()


def read_sidecar(path: Path) -> Sidecar | Rejected | None:
    """The sidecar of `path`, None when there is none, `Rejected` when it is unusable."""
    side = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not side.is_file():
        return None
    data = read_bytes(side, MAX_SIDECAR_BYTES)
    if isinstance(data, Rejected):
        return Rejected(str(side), BAD_SIDECAR)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return Rejected(str(side), BAD_SIDECAR)
    if not isinstance(raw, dict):
        return Rejected(str(side), BAD_SIDECAR)
    published, day = None, None
    if raw.get("published") is not None:
        stamp = parse_timestamp(raw["published"], _text(raw, "timezone"))
        if stamp is None:
            return Rejected(str(side), BAD_SIDECAR)
        published = stamp[0]
        day = date.fromisoformat(raw["published"].strip()) if stamp[1] else None
    tags = raw.get("tags")
    return Sidecar(
        outlet=_text(raw, "outlet"),
        published=published,
        day=day,
        timezone=_text(raw, "timezone"),
        url=_text(raw, "url"),
        title=_text(raw, "title"),
        id=_text(raw, "id"),
        tags=_tags(tags),
    )


def _text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _tags(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(t).strip() for t in value if str(t).strip())
