"""Pure translation of Discord input (command options, message text) into core terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from zoneinfo import available_timezones

from bot.contract import Destination, Intent, Query

PLATFORM = "discord"
MAX_CHOICES = 25
MAX_CHOICE = 100  # Discord's limit on a choice's name and value


def clean(value: str | None) -> str | None:
    """An option value with whitespace collapsed; None when blank."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def quotes_query(topic: str, speaker: str | None = None, page: int = 1) -> Query:
    """`/quotes topic [speaker]`: who said what, or what one person said, about a topic."""
    who = clean(speaker)
    intent = Intent.SAID if who else Intent.QUOTES
    return Query(intent=intent, topic=clean(topic), speaker=who, page=page)


def latest_query(topic: str, page: int = 1) -> Query:
    return Query(intent=Intent.LATEST, topic=clean(topic), page=page)


def who_query(name: str) -> Query:
    return Query(intent=Intent.WHO, speaker=clean(name))


def digest_query(topic: str | None = None) -> Query:
    return Query(intent=Intent.DIGEST, topic=clean(topic))


def help_query() -> Query:
    return Query(intent=Intent.HELP)


def topics(value: str | None) -> tuple[str, ...]:
    """`digest-set` topics: comma-separated, blanks and repeats dropped, order kept."""
    seen: dict[str, None] = {}
    for part in (value or "").split(","):
        topic = clean(part)
        if topic and topic.casefold() not in {s.casefold() for s in seen}:
            seen[topic] = None
    return tuple(seen)


def question(content: str, bot_id: int) -> str:
    """The words of a mention or DM without the bot's own mention markup."""
    text = re.sub(rf"<@!?{bot_id}>", " ", content)
    return " ".join(text.split())


def destination(guild_id: int, channel_id: int) -> Destination:
    return Destination(PLATFORM, str(guild_id), str(channel_id))


def choices(values: Iterable[str]) -> list[tuple[str, str]]:
    """Autocomplete (name, value) pairs: ≤ 25, unique, each within 100 characters.

    Over-long values are skipped rather than clipped, since a clipped value would not match.
    """
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for value in values:
        value = clean(value) or ""
        if not value or len(value) > MAX_CHOICE or value.casefold() in seen:
            continue
        seen.add(value.casefold())
        out.append((value, value))
        if len(out) == MAX_CHOICES:
            break
    return out


@cache
def _zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def timezones(prefix: str) -> list[str]:
    """IANA zone names for autocomplete: those starting with, then containing, `prefix`."""
    needle = prefix.strip().casefold().replace(" ", "_")
    starts = [z for z in _zones() if z.casefold().startswith(needle)]
    within = [z for z in _zones() if needle in z.casefold() and z not in starts]
    return (starts + within)[:MAX_CHOICES]
