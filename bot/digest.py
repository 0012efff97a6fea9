"""Daily digest schedules: checking a subscription and saying which digests are due.

Pure: the time is passed in and the delivery log is read through a callable. Only the
most recent scheduled moment can be due, so after downtime a missed day posts once,
late, and never more than once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.contract import Destination, DigestSubscription, DueDigest
from bot.errors import NewsbotError


@dataclass(frozen=True)
class DeliveryLog:
    """What the log says of a destination's recent days."""

    delivered: frozenset[str] = frozenset()
    failures: Mapping[str, tuple[int, datetime]] = field(default_factory=dict)  # attempts, last


def retry_after(attempts: int) -> timedelta:
    """1, 2, 4 … minutes after each failed attempt, at most 30: a broken channel is not hammered."""
    return min(timedelta(minutes=2 ** max(0, attempts - 1)), MAX_RETRY_WAIT)


_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)
LATE_AFTER = timedelta(hours=1)
MAX_RETRY_WAIT = timedelta(minutes=30)


def parse_time(text: str) -> str:
    """'7', '7:30', '07:30', '7pm' -> 'HH:MM'; a clear error otherwise."""
    match = _TIME.match(text or "")
    if not match:
        raise NewsbotError(f"{text!r} is not a time of day; use HH:MM, e.g. 08:30.")
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            raise NewsbotError(f"{text!r} is not a time of day; use HH:MM, e.g. 08:30.")
        hour = hour % 12 + (12 if match[3].lower() == "pm" else 0)
    if hour > 23 or minute > 59:
        raise NewsbotError(f"{text!r} is not a time of day; use HH:MM, e.g. 08:30.")
    return f"{hour:02d}:{minute:02d}"


def zone(name: str) -> ZoneInfo:
    try:
        if not name or not name.strip() or ".." in name or name.startswith("/"):
            raise ValueError(name)
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise NewsbotError(
            f"{name!r} is not a time zone I know; use an IANA name such as Europe/London,"
            " America/New_York or UTC."
        ) from None


def validate(sub: DigestSubscription, now: datetime) -> DigestSubscription:
    """Normalise the time and zone, tidy topics, and stamp when it was created."""
    zone(sub.timezone)
    topics = tuple(dict.fromkeys(t.strip() for t in sub.topics if t and t.strip()))[:10]
    return DigestSubscription(
        destination=sub.destination,
        time=parse_time(sub.time),
        timezone=sub.timezone.strip(),
        topics=tuple(t[:100] for t in topics),
        created=sub.created or now,
    )


def last_occurrence(sub: DigestSubscription, now: datetime) -> datetime:
    """The most recent scheduled moment at or before `now`, in the subscription's zone."""
    tz = zone(sub.timezone)
    local = now.astimezone(tz)
    hour, minute = (int(p) for p in sub.time.split(":"))
    today = datetime.combine(local.date(), time(hour, minute), tz)
    return today if local >= today else today - timedelta(days=1)


def due(
    subs: tuple[DigestSubscription, ...],
    now: datetime,
    log: Callable[[Destination], DeliveryLog],
) -> tuple[DueDigest, ...]:
    out = []
    for sub in subs:
        try:
            moment = last_occurrence(sub, now)
        except NewsbotError:
            continue  # a zone that vanished from the system: skip rather than stop every digest
        if sub.created is not None and moment < sub.created:
            continue
        day = moment.date().isoformat()
        seen = log(sub.destination)
        if day in seen.delivered:
            continue
        if day in seen.failures:
            attempts, last = seen.failures[day]
            if now - last < retry_after(attempts):
                continue
        out.append(DueDigest(sub, day, late=now - moment > LATE_AFTER))
    return tuple(out)
