"""Dates as sources write them, turned into timezone-aware UTC datetimes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# US outlets write "2:34 p.m. ET"; these are the abbreviations worth knowing.
_ZONES = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "BST": "Europe/London",
    "GMT": "UTC",
    "UTC": "UTC",
}
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_TIME = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap])\.?\s*m\.?(?:\s+(?P<tz>[A-Z]{2,4})\b)?", re.I
)
_MONTH_DATE = re.compile(r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})")
_SLASH_DATE = re.compile(r"\b(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2}|\d{4})\b")


def zone(name: str | None) -> ZoneInfo | None:
    """An IANA zone or a known abbreviation ("ET"); None when unknown."""
    if not name:
        return None
    try:
        return ZoneInfo(_ZONES.get(name.upper(), name))
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_timestamp(value: object, tz: str | None = None) -> tuple[datetime, bool] | None:
    """ISO 8601 text -> (UTC datetime, whether it was a bare date); None when unparseable.

    A time without an offset is read in `tz` (default UTC).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            stamp, date_only = datetime.combine(day, time()), True
        else:
            stamp, date_only = datetime.fromisoformat(text), False
    except ValueError:
        return None
    return to_utc(stamp, zone(tz)), date_only


def to_utc(stamp: datetime, local: ZoneInfo | None = None) -> datetime:
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=local or UTC)
    return stamp.astimezone(UTC)


@dataclass(frozen=True)
class WrittenTime:
    """A time from a line like "Updated at 2:34 p.m. ET, March 17, 2022"."""

    hour: int
    minute: int
    day: date | None = None
    zone: str | None = None


def parse_written_time(text: str) -> WrittenTime | None:
    match = _TIME.search(text)
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    return WrittenTime(hour, minute, _written_day(text), match["tz"])


def _written_day(text: str) -> date | None:
    try:
        if m := _MONTH_DATE.search(text):
            month = _MONTHS.get(m["mon"].lower())
            return date(int(m["y"]), month, int(m["d"])) if month else None
        if m := _SLASH_DATE.search(text):
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            return date(year, int(m["mo"]), int(m["d"]))
    except ValueError:
        return None
    return None


def combine(
    written: WrittenTime, known_day: date | None, default_zone: str | None
) -> datetime | None:
    """A full UTC timestamp from a written time, its own date or a known one, and a zone."""
    day = written.day or known_day
    if day is None:
        return None
    local = zone(written.zone) or zone(default_zone) or UTC
    return to_utc(datetime.combine(day, time(written.hour, written.minute)), local)
