"""Feed records as plain frozen dataclasses: what the store keeps and what admin calls return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.names import canonical_url


@dataclass(frozen=True)
class Feed:
    url: str
    every: int  # seconds between polls
    title: str = ""
    paused: bool = False
    status: str = "new"  # new | ok | failing
    last_error: str | None = None
    failures: int = 0  # consecutive
    added: datetime | None = None
    last_poll: datetime | None = None
    next_poll: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    stored: int = 0  # articles stored from this feed


@dataclass(frozen=True)
class ItemLog:
    """Why one feed item was or was not stored; `feeds explain` shows these."""

    feed_url: str
    guid: str
    url: str | None
    title: str
    outcome: str  # stored | updated | duplicate | too old | rejected
    reason: str = ""
    duplicate_of: str | None = None  # article id or URL it duplicates
    article_id: str | None = None
    published: datetime | None = None
    seen: datetime | None = None
    canonical_url: str | None = None


class FeedItem(Protocol):
    """What a feed entry and a page built from it both know about the item."""

    @property
    def guid(self) -> str: ...
    @property
    def link(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> datetime | None: ...


def item_log(
    feed_url: str,
    item: FeedItem,
    now: datetime,
    outcome: str,
    reason: str,
    duplicate_of: str | None = None,
    article_id: str | None = None,
) -> ItemLog:
    return ItemLog(
        feed_url=feed_url,
        guid=item.guid,
        url=item.link,
        title=item.title,
        outcome=outcome,
        reason=reason,
        duplicate_of=duplicate_of,
        article_id=article_id,
        published=item.published,
        seen=now,
        canonical_url=canonical_url(item.link),
    )


@dataclass(frozen=True)
class Known:
    """What the store already holds, for deduplicating a feed's items before fetching them."""

    guids: frozenset[str]
    urls: frozenset[str]  # canonical URLs seen in feed items
    articles: dict[str, str]  # canonical URL -> article id already stored (from any source)


@dataclass(frozen=True)
class PollSummary:
    """One poll of one feed."""

    url: str
    status: str  # ok | not modified | failed | skipped
    new: int = 0
    duplicates: int = 0
    too_old: int = 0
    rejected: int = 0
    error: str | None = None
