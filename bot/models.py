"""Domain records that flow from the readers and the extractor into the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.contract import QuoteKind


@dataclass(frozen=True)
class Article:
    """One article as read from a file, a feed or a page, before it is stored."""

    id: str
    title: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None  # timezone-aware UTC
    tags: tuple[str, ...] = ()  # topic hints, e.g. a "Tags …" line


@dataclass(frozen=True)
class Quote:
    """Something a source said, as found in an article's text.

    `start`/`end` are character offsets in the article text: of the words inside the
    marks for direct quotes, of the reported content for reported speech.
    """

    start: int
    end: int
    text: str
    speaker: str | None  # fullest name form used in the article, or the unnamed source as written
    role: str | None = None  # as written: "White House press secretary"
    cue: str | None = None  # "said", "told reporters", "according to", ":"
    kind: QuoteKind = QuoteKind.DIRECT


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place an article names, with the forms it used."""

    name: str  # canonical, fullest form in the article: "Antony Blinken"
    kind: str  # "person" | "org" | "place" | "unnamed"
    aliases: tuple[
        str, ...
    ] = ()  # other forms seen: "Blinken", "Secretary of State Antony Blinken"
    roles: tuple[str, ...] = ()  # roles as written next to the name


@dataclass(frozen=True)
class Extraction:
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class StoredArticle:
    """An article as read back from the store, for answers."""

    key: int
    id: str
    title: str
    url: str | None
    outlet: str | None
    published: datetime | None
    snippet: str = ""
    story: int | None = None  # near-duplicates across outlets share one
    outlets: tuple[str, ...] = ()  # every outlet carrying the story, when it was asked for


@dataclass(frozen=True)
class StoredQuote:
    key: int
    text: str
    speaker: str | None
    role: str | None
    cue: str | None
    kind: str
    article: StoredArticle


@dataclass(frozen=True)
class Person:
    """An entity with what the store knows of it."""

    id: int
    name: str
    kind: str
    quotes: int = 0
    roles: tuple[tuple[str, datetime | None], ...] = ()  # (role as written, latest date seen)
    articles: int = 0


@dataclass(frozen=True)
class StoreStats:
    articles: int
    quotes: int
    first: datetime | None
    last: datetime | None
