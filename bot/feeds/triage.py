"""Pure: which entries of a feed are new stories, and why the others are not.

An item met before (same GUID or canonical URL) is skipped silently, so a feed that
only bumps `updated` adds nothing; duplicates and too-old items are logged once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.feeds.model import ItemLog, Known, item_log
from bot.feeds.parse import Entry
from bot.names import canonical_url


@dataclass
class Seen:
    """Items met earlier in this poll, across feeds: GUID or canonical URL -> what to cite."""

    keys: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Triage:
    new: tuple[Entry, ...]
    logs: tuple[ItemLog, ...]


def triage(
    feed_url: str,
    entries: tuple[Entry, ...],
    known: Known,
    seen: Seen,
    now: datetime,
    max_age: timedelta,
) -> Triage:
    new: list[Entry] = []
    logs: list[ItemLog] = []
    for entry in entries:
        canon = canonical_url(entry.link)
        if entry.guid in known.guids or (canon and canon in known.urls):
            continue  # met before: not a new story, whatever `updated` says
        earlier = seen.keys.get(entry.guid) or (seen.keys.get(canon) if canon else None)

        if earlier is not None:
            reason = "same GUID or URL as an earlier item in this poll"
            logs.append(item_log(feed_url, entry, now, "duplicate", reason, earlier))
            continue
        cite = entry.link or entry.guid
        seen.keys[entry.guid] = cite
        if canon:
            seen.keys[canon] = cite
        if canon and canon in known.articles:
            reason = "the store already holds this URL"
            logs.append(item_log(feed_url, entry, now, "duplicate", reason, known.articles[canon]))
        elif entry.published is not None and entry.published < now - max_age:
            days = (now - entry.published).days
            reason = f"published {days} days ago; the limit is {max_age.days} days"
            logs.append(item_log(feed_url, entry, now, "too old", reason))
        else:
            new.append(entry)
    return Triage(tuple(new), tuple(logs))
