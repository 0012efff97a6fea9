"""Pure scheduling: poll intervals as people write them, and backoff after failures."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from bot.errors import NewsbotError
from bot.feeds.model import Feed

DEFAULT_EVERY = 15 * 60
MIN_EVERY = 60
MAX_EVERY = 7 * 24 * 3600
MAX_BACKOFF = 24 * 3600
FAILING_AFTER = 3  # consecutive failures before a feed is marked failing
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.I)


def parse_every(text: str | None) -> int:
    """'15m' -> 900; bare numbers are minutes. Raise `NewsbotError` when out of range."""
    if text is None or not text.strip():
        return DEFAULT_EVERY
    match = _INTERVAL.match(text)
    if not match:
        raise NewsbotError(f"--every takes a number with s, m, h or d (like 15m), not {text!r}.")
    seconds = int(match[1]) * _UNITS[(match[2] or "m").lower()]
    if not MIN_EVERY <= seconds <= MAX_EVERY:
        raise NewsbotError("--every must be between 1m and 7d.")
    return seconds


def format_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def succeeded(
    feed: Feed, now: datetime, etag: str | None, last_modified: str | None, title: str
) -> Feed:
    return replace(
        feed,
        title=title or feed.title,
        status="ok",
        last_error=None,
        failures=0,
        last_poll=now,
        next_poll=now + timedelta(seconds=feed.every),
        etag=etag,
        last_modified=last_modified,
    )


def failed(feed: Feed, now: datetime, reason: str) -> Feed:
    """Back off exponentially (capped at a day); after a few failures the feed is failing."""
    failures = feed.failures + 1
    delay = min(feed.every * 2 ** (failures - 1), MAX_BACKOFF)
    return replace(
        feed,
        status="failing" if failures >= FAILING_AFTER else feed.status,
        last_error=reason,
        failures=failures,
        last_poll=now,
        next_poll=now + timedelta(seconds=max(delay, MIN_EVERY)),
    )
