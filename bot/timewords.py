"""Time phrases in a question ("today", "since March 3", "past 24 hours") -> a UTC `Period`.

Pure: every window is computed from the `now` passed in. Calendar words give closed windows
[start, end); "since …" and rolling "past N …" windows are open-ended (`end=None`: up to now).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from bot.contract import Period

Window = tuple[datetime, datetime | None]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "twenty": 20, "thirty": 30, "forty-eight": 48, "couple": 2,
    "couple of": 2, "few": 3, "twenty-four": 24,
}  # fmt: skip

_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Bare weekday names only in full: "Sun" is a newspaper, "Wed" a verb.
_WEEKDAY_FULL = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY = _WEEKDAY_FULL + r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun"
_YEAR = r"(?:19|20)\d\d"
_NUM = r"\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen"
_NUM += r"|twenty-four|twenty|thirty|forty-eight|couple(?: of)?|few"
_UNIT = r"hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?"
# "in the last week" is a rolling 7 days, "last week" the calendar week: only rolling takes "the".
# A preposition (and "the") in front of a time phrase goes with it: "news from yesterday".
_PREP = r"(?:(?:from|for|of|during|over|in|within|on)\s+)?"
_LEAD = _PREP + r"(?:the\s+)?"


def _date_forms(tag: str) -> str:
    """ "March 3rd, 2022" | "3 March 2022" | "2022-03-03", with group names unique per `tag`."""
    return (
        rf"(?P<{tag}m1>{_MONTH})\.?\s+(?P<{tag}d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?\s+(?P<{tag}y1>{_YEAR}))?"
        rf"|(?P<{tag}d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<{tag}m2>{_MONTH})\.?"
        rf"(?:,?\s+(?P<{tag}y2>{_YEAR}))?"
        rf"|(?P<{tag}y3>{_YEAR})-(?P<{tag}m3>\d{{1,2}})-(?P<{tag}d3>\d{{1,2}})"
    )


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):  # clamp 31 March - 1 month to the end of February
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("unreachable")


def _month_window(year: int, month: int) -> Window:
    first = date(year, month, 1)
    return _midnight(first), _midnight(_add_months(first, 1))


def _month_of(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


def _recent_year(today: date, month: int, day: int = 1) -> int:
    """A date named without a year is the latest one not after today."""
    return today.year if (month, day) <= (today.month, today.day) else today.year - 1


def _named_date(m: re.Match[str], tag: str, today: date) -> date | None:
    for i in "123":
        month_text = m.group(f"{tag}m{i}")
        if month_text is None:
            continue
        month = int(month_text) if i == "3" else _month_of(month_text)
        day = int(m.group(f"{tag}d{i}"))
        year_text = m.group(f"{tag}y{i}")
        try:
            year = int(year_text) if year_text else _recent_year(today, month, day)
            return date(year, month, day)
        except ValueError:  # "February 30", month 13: not a date, so not a time phrase
            return None
    return None


def _weekday_before(today: date, word: str) -> date:
    """The latest such weekday strictly before today ("since Thursday" on a Thursday: a week)."""
    back = (today.weekday() - _WEEKDAYS[word.lower()[:3]]) % 7 or 7
    return today - timedelta(days=back)


def _rolling(m: re.Match[str], now: datetime) -> Window:
    raw = (m.group("n") or "1").lower()
    count = int(raw) if raw.isdigit() else _NUMBERS[re.sub(r"\s+", " ", raw)]
    unit = m.group("unit").lower()[0]
    if unit == "h":
        return now - timedelta(hours=count), None
    if unit == "d":
        return now - timedelta(days=count), None
    if unit == "w":
        return now - timedelta(weeks=count), None
    months = count * (12 if unit == "y" else 1)
    start = _add_months(now.date(), -months)
    return datetime.combine(start, now.timetz()), None


def _calendar(m: re.Match[str], today: date) -> Window:
    back = 0 if m.group("which").lower() in {"this", "current"} else 1
    unit = m.group("unit").lower()
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * back)
        return _midnight(monday), _midnight(monday + timedelta(days=7))
    if unit == "month":
        first = _add_months(today.replace(day=1), -back)
        return _month_window(first.year, first.month)
    year = today.year - back
    return _midnight(date(year, 1, 1)), _midnight(date(year + 1, 1, 1))


def _day(day: date) -> Window:
    return _midnight(day), _midnight(day + timedelta(days=1))


Handler = Callable[[re.Match[str], datetime, date], Window | None]


def _since_date(m: re.Match[str], now: datetime, today: date) -> Window | None:
    day = _named_date(m, "s", today)
    return None if day is None else (_midnight(day), None)


def _on_date(m: re.Match[str], now: datetime, today: date) -> Window | None:
    day = _named_date(m, "o", today)
    return None if day is None else _day(day)


def _in_month(m: re.Match[str], now: datetime, today: date) -> Window:
    month = _month_of(m.group("mon"))
    year_text = m.groupdict().get("year")
    year = int(year_text) if year_text else _recent_year(today, month)
    return _month_window(year, month)


def _since_month(m: re.Match[str], now: datetime, today: date) -> Window:
    return _in_month(m, now, today)[0], None


def _in_year(m: re.Match[str], now: datetime, today: date) -> Window:
    year = int(m.group("year"))
    return _midnight(date(year, 1, 1)), _midnight(date(year + 1, 1, 1))


# Ordered: at the same position the longer match wins, then the earlier rule.
_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), handler)
    for pattern, handler in (
        (rf"\bsince\s+(?:{_date_forms('s')})", _since_date),
        (rf"\b(?:on\s+)?(?:{_date_forms('o')})", _on_date),
        (
            rf"\bsince\s+(?:last\s+)?(?P<wd>{_WEEKDAY})\b",
            lambda m, now, today: (_midnight(_weekday_before(today, m.group("wd"))), None),
        ),
        (
            rf"\b(?:(?:on|last)\s+(?P<wd>{_WEEKDAY})|(?P<wf>{_WEEKDAY_FULL}))\b",
            lambda m, now, today: _day(_weekday_before(today, m.group("wd") or m.group("wf"))),
        ),
        (rf"\bsince\s+(?P<mon>{_MONTH})\.?(?:\s+(?P<year>{_YEAR}))?\b(?!\s*\d)", _since_month),
        (
            rf"\b(?:(?:in|during)\s+)?(?P<mon>{_MONTH})\.?(?:,?\s+|\s+of\s+)(?P<year>{_YEAR})\b",
            _in_month,
        ),
        (rf"\b(?:in|during)\s+(?P<mon>{_MONTH})\b(?!\.?\s*\d)", _in_month),
        (
            rf"\bsince\s+(?P<year>{_YEAR})\b",
            lambda m, now, today: (_in_year(m, now, today)[0], None),
        ),
        (rf"\b(?:in|during)\s+(?P<year>{_YEAR})\b", _in_year),
        (rf"\b{_LEAD}(?P<core>today)(?:['’]s)?(?!\w)", lambda m, now, today: _day(today)),
        (
            rf"\b{_LEAD}(?P<core>tonight|this\s+(?:morning|afternoon|evening))\b",
            lambda m, now, today: _day(today),
        ),
        (
            rf"\b{_LEAD}(?P<core>yesterday)(?:['’]s)?(?!\w)",
            lambda m, now, today: _day(today - timedelta(days=1)),
        ),
        (
            rf"\b{_PREP}(?P<core>(?P<which>this|last|previous|current)\s+(?P<unit>week|month|year))"
            r"(?:['’]s)?(?!\w)",
            lambda m, now, today: _calendar(m, today),
        ),
        (
            rf"\b{_PREP}(?P<core>(?:the\s+)?(?:last|past|previous)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT}))\b",
            lambda m, now, today: _rolling(m, now),
        ),
        (
            r"\b(?P<n>\d{1,3})\s+days?\s+ago\b",
            lambda m, now, today: _day(today - timedelta(days=int(m.group("n")))),
        ),
    )
)
_SPACE = re.compile(r"\s+")


def _utc(now: datetime) -> datetime:
    return now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)


def _label(m: re.Match[str]) -> str:
    """The phrase as the user wrote it, without a loose leading "from the"."""
    words = m.group("core") if "core" in m.re.groupindex else m.group(0)
    return _SPACE.sub(" ", words).strip()


def find_period(text: str, now: datetime) -> tuple[Period | None, str]:
    """The first time phrase in `text` as a `Period`, and `text` without it.

    Naive `now` is taken as UTC. Impossible dates ("February 30") are not time phrases.
    """
    now = _utc(now)
    today = now.date()
    best: tuple[int, int, int, re.Match[str], Window] | None = None
    for index, (pattern, handler) in enumerate(_RULES):
        for m in pattern.finditer(text):
            try:
                window = handler(m, now, today)
            except (ValueError, OverflowError):  # "past 9999 years" runs off the calendar
                window = None
            if window is None:
                continue
            key = (m.start(), -(m.end() - m.start()), index)
            if best is None or key < best[:3]:
                best = (*key, m, window)
            break  # later matches of the same rule sit further right
    if best is None:
        return None, text
    m, (start, end) = best[3], best[4]
    rest = _SPACE.sub(" ", text[: m.start()] + " " + text[m.end() :]).strip()
    return Period(start=start, end=end, label=_label(m)), rest
