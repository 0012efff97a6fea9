"""Boundary types between the core and every adapter: questions in, answers out.

Everything here is a frozen dataclass of plain values, so adapters can render it
without knowing how the core works, and nothing platform-shaped crosses the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Intent(StrEnum):
    """What a question asks for."""

    QUOTES = "quotes"  # who said what about X
    SAID = "said"  # what did P say (about X)
    LATEST = "latest"  # latest on X / news about X / a bare topic
    WHO = "who"  # who is P
    DIGEST = "digest"  # the day's main stories and quotes
    SEARCH = "search"  # full-text search
    HELP = "help"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    REPORTED = "reported"


@dataclass(frozen=True)
class Period:
    """A half-open time window [start, end) in UTC, with the words it came from."""

    start: datetime | None
    end: datetime | None
    label: str


@dataclass(frozen=True)
class Query:
    """A parsed question. Slash commands build one directly from their options."""

    intent: Intent
    topic: str | None = None
    speaker: str | None = None
    period: Period | None = None
    outlet: str | None = None
    text: str = ""
    page: int = 1


@dataclass(frozen=True)
class Link:
    """A citation: where an item comes from."""

    article_id: str
    title: str
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Item:
    """One line of an answer: a quote, a story, a fact about a person."""

    text: str
    speaker: str | None = None
    role: str | None = None
    kind: str | None = None  # QuoteKind value for quotes, "story" for stories, None otherwise
    cue: str | None = None
    link: Link | None = None
    extra: tuple[str, ...] = ()  # e.g. other outlets carrying the same story


@dataclass(frozen=True)
class Answer:
    """A platform-neutral reply: each adapter renders it natively, plain text as fallback."""

    intent: Intent
    title: str
    summary: str  # one line: Discord's notification text, Slack's required `text` fallback
    items: tuple[Item, ...] = ()
    citations: tuple[Link, ...] = ()
    topic: str | None = None
    speaker: str | None = None
    notes: tuple[str, ...] = ()  # "nothing found; the store holds …", period caveats
    suggestions: tuple[str, ...] = ()  # "did you mean …"
    page: int = 1
    pages: int = 1


@dataclass(frozen=True)
class Destination:
    """Where a digest goes. `scope` is the guild or workspace, so settings never leak across."""

    platform: str
    scope: str
    channel: str


@dataclass(frozen=True)
class DigestSubscription:
    destination: Destination
    time: str  # "HH:MM", local to `timezone`
    timezone: str  # IANA name, e.g. "Europe/London"
    topics: tuple[str, ...] = ()
    last_error: str | None = None
    created: datetime | None = None  # days scheduled before this are never due


@dataclass(frozen=True)
class DueDigest:
    """A digest that should be posted now: the subscription and the local day it is for."""

    subscription: DigestSubscription
    day: str  # ISO date in the subscription's time zone
    late: bool = False


@dataclass(frozen=True)
class Watch:
    """A channel's standing request: post each new quote or story on a topic or a person."""

    destination: Destination
    kind: str  # "topic" | "person"
    term: str  # as the user typed it, whitespace tidied
    created: datetime | None = None
    last_error: str | None = None  # the channel's last failed alert, for the list command


@dataclass(frozen=True)
class Alert:
    """New matches for one channel's watches, batched into one message.

    Adapters render `bot.alert_answer(alert)` and hand the alert back to `record_alert`;
    `keys` and `cursors` are the core's bookkeeping, so a post happens once.
    """

    destination: Destination
    watches: tuple[Watch, ...]  # the watches with an item in this alert
    items: tuple[Item, ...]  # quotes and stories, in order of arrival
    keys: tuple[str, ...] = ()  # one per item: what the delivery log records
    cursors: tuple[tuple[str, str, int], ...] = ()  # (kind, term key, seq) saved after a post
    more: int = 0  # matches already waiting for the next alert
    overflow: tuple[str, ...] = ()  # terms with more new matches than one burst may post
