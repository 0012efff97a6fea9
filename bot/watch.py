"""Watch alerts, the pure rules: checking a watch, the per-channel rate limit, batching, wording.

No store and no clock here: the time and what the store found are passed in, so a burst,
a failure or a restart can be replayed exactly in tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot import compose, fts
from bot.contract import Alert, Answer, Destination, Intent, Item, QuoteKind, Watch
from bot.digest import retry_after
from bot.errors import NewsbotError
from bot.names import norm

KINDS = ("topic", "person")
MAX_TERM = 100
MAX_PER_CHANNEL = 20
BATCH = 10  # items per alert message
BURST = 50  # more new matches than this for one watch at once: post a batch and skip the rest
MIN_GAP = timedelta(minutes=1)  # at most one alert message per channel per minute


@dataclass(frozen=True)
class Tracked:
    """A stored watch with its cursor: the arrival number (`articles.seq`) it has looked at."""

    watch: Watch
    cursor: int


@dataclass(frozen=True)
class ChannelState:
    """What a channel's alerts did last: the rate limit and the retry wait read this."""

    last_posted: datetime | None = None
    failures: int = 0  # consecutive
    attempted: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class Found:
    """One new match: when it arrived, what the delivery log calls it, and how it reads."""

    seq: int
    key: str
    item: Item
    position: int = 0  # within its article: quotes in the order written


@dataclass(frozen=True)
class Scan:
    """What one watch found after its cursor, up to `upto` (the newest arrival looked at)."""

    tracked: Tracked
    found: tuple[Found, ...]
    upto: int
    overflow: bool = False  # more than BURST found: post one batch, skip past the rest


def term_key(term: str) -> str:
    """'  Jen  Psaki ' and 'jen psaki' are one watch."""
    return norm(term) or " ".join(term.casefold().split())


def validate(kind: str, term: str, existing: int) -> tuple[str, str]:
    """The kind and tidied term of a new watch, or a clear error.

    `existing` is how many other watches the channel has.
    """
    kind = (kind or "").strip().lower()
    if kind in {"people", "speaker", "who"}:
        kind = "person"
    if kind not in KINDS:
        raise NewsbotError(f"Watch a topic or a person, e.g. `topic China` or `person Jen Psaki`"
                           f" (not {kind!r}).")  # fmt: skip
    term = " ".join((term or "").split())
    if not term:
        raise NewsbotError(f"Say which {kind} to watch, e.g. `{_example(kind)}`.")
    if len(term) > MAX_TERM:
        raise NewsbotError(f"A watched {kind} is at most {MAX_TERM} characters.")
    if fts.quote(term) is None or not term_key(term):
        raise NewsbotError(f"{term!r} has no words to look for.")
    if existing >= MAX_PER_CHANNEL:
        raise NewsbotError(f"This channel already has {MAX_PER_CHANNEL} watches; remove one first.")
    return kind, term


def _example(kind: str) -> str:
    return "person Jen Psaki" if kind == "person" else "topic China"


def may_post(state: ChannelState, now: datetime) -> bool:
    """The per-channel rate limit, and a growing wait after failed posts (as for digests)."""
    if state.last_posted is not None and now - state.last_posted < MIN_GAP:
        return False
    if state.failures and state.attempted is not None:
        return now - state.attempted >= retry_after(state.failures)
    return True


def batch(
    destination: Destination, scans: Sequence[Scan], delivered: Iterable[str]
) -> Alert | None:
    """The next alert for one channel: up to BATCH new items, each at most once, oldest first.

    A watch's cursor moves past everything it found once all of it is posted; otherwise it
    stops just before its first item still waiting, so the next alert picks up from there.
    """
    done = set(delivered)
    pending: dict[str, Found] = {}
    for scan in scans:
        for found in scan.found:
            if found.key not in done:
                pending.setdefault(found.key, found)
    ordered = sorted(pending.values(), key=lambda f: (f.seq, f.position))
    chosen = ordered[:BATCH]
    picked = {f.key for f in chosen}
    cursors, watches, overflow = [], [], []
    for scan in scans:
        waiting = [f.seq for f in scan.found if f.key not in done and f.key not in picked]
        cursor = scan.upto if scan.overflow or not waiting else min(waiting) - 1
        cursor = max(cursor, scan.tracked.cursor)
        watch = scan.tracked.watch
        if cursor != scan.tracked.cursor:
            cursors.append((watch.kind, term_key(watch.term), cursor))
        if scan.overflow or any(f.key in picked for f in scan.found):
            watches.append(watch)
        if scan.overflow:
            overflow.append(watch.term)
    if not chosen and not cursors:
        return None
    return Alert(
        destination=destination,
        watches=tuple(watches),
        items=tuple(f.item for f in chosen),
        keys=tuple(f.key for f in chosen),
        cursors=tuple(cursors),
        more=len(ordered) - len(chosen),
        overflow=tuple(overflow),
    )


def alert_answer(alert: Alert) -> Answer:
    """The alert as an Answer, rendered like any other: "New quotes about China"."""
    quotes = [i for i in alert.items if i.kind in (QuoteKind.DIRECT, QuoteKind.REPORTED)]
    stories = len(alert.items) - len(quotes)
    what = "quotes" if not stories else "stories" if not quotes else "quotes and stories"
    one = alert.watches[0] if len(alert.watches) == 1 else None
    by = "from" if one is not None and one.kind == "person" and not stories else "about"
    about = _join([w.term for w in alert.watches]) or "your watches"
    counts = []
    if quotes:
        counts.append(f"{len(quotes)} new quote{'s' * (len(quotes) != 1)}")
    if stories:
        counts.append(f"{stories} new stor{'ies' if stories != 1 else 'y'}")
    speakers = list(dict.fromkeys(i.speaker for i in quotes if i.speaker))
    if by == "from" and len(speakers) == 1:
        about, speakers = speakers[0], []  # "Blinken" was watched; "Antony Blinken" spoke
    summary = f"{' and '.join(counts)} {by} {about}"
    summary += f": {_join(speakers[:4])}." if speakers else "."
    notes = []
    if alert.more:
        notes.append(f"{alert.more} more to follow in the next alert.")
    for term in alert.overflow:
        notes.append(
            f"More than {BURST} new matches for {term} arrived at once; only these are posted."
            f" Ask “{_question(alert, term)}” to see the rest."
        )
    return Answer(
        intent=Intent.QUOTES if quotes else Intent.LATEST,
        title=f"New {what} {by} {about}",
        summary=summary,
        items=alert.items,
        citations=compose.citations(alert.items),
        topic=one.term if one is not None and one.kind == "topic" else None,
        speaker=one.term if one is not None and one.kind == "person" else None,
        notes=tuple(notes),
    )


def _question(alert: Alert, term: str) -> str:
    kinds = {w.kind for w in alert.watches if w.term == term}
    return f"what did {term} say" if "person" in kinds else f"who said what about {term}"


def _join(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
