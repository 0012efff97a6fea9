"""Feed subscriptions and the per-item log: reads and writes for `bot.feeds`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.feeds.model import Feed, ItemLog, Known

_FEED_COLUMNS = (
    "url, title, every, paused, status, last_error, failures, added, last_poll, next_poll,"
    " etag, last_modified, stored"
)
_ITEM_COLUMNS = (
    "feed_url, guid, url, title, outcome, reason, duplicate_of, article_id, published, seen,"
    " canonical_url"
)
_IN_CHUNK = 400  # stay well below SQLite's bound-parameter limit


def _iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat(timespec="seconds") if when else None


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _feed(row: Sequence[object]) -> Feed:
    (url, title, every, paused, status, error, failures, added, last, nxt, etag, lm, stored) = row
    return Feed(
        url=str(url),
        every=int(every or 0),  # type: ignore[call-overload]
        title=str(title or ""),
        paused=bool(paused),
        status=str(status or "new"),
        last_error=error if isinstance(error, str) else None,
        failures=int(failures or 0),  # type: ignore[call-overload]
        added=_when(added),  # type: ignore[arg-type]
        last_poll=_when(last),  # type: ignore[arg-type]
        next_poll=_when(nxt),  # type: ignore[arg-type]
        etag=etag if isinstance(etag, str) else None,
        last_modified=lm if isinstance(lm, str) else None,
        stored=int(stored or 0),  # type: ignore[call-overload]
    )


def _values(feed: Feed) -> list[object]:
    return [
        feed.url,
        feed.title,
        feed.every,
        int(feed.paused),
        feed.status,
        feed.last_error,
        feed.failures,
        _iso(feed.added),
        _iso(feed.last_poll),
        _iso(feed.next_poll),
        feed.etag,
        feed.last_modified,
        feed.stored,
    ]


def add(db: Database, feed: Feed) -> bool:
    """Insert a new feed; False when that URL is already subscribed."""
    with db.atomic():
        cursor = db.execute(
            f"insert or ignore into feeds ({_FEED_COLUMNS}) values ({', '.join('?' * 13)})",
            _values(feed),
        )
    return cursor.rowcount > 0


def save(db: Database, feed: Feed) -> None:
    """Write back the whole state of an existing feed (after a poll, pause or resume)."""
    with db.atomic():
        db.execute(
            f"update feeds set ({_FEED_COLUMNS}) = ({', '.join('?' * 13)}) where url = ?",
            [*_values(feed), feed.url],
        )


def one(db: Database, url: str) -> Feed | None:
    row = db.execute(f"select {_FEED_COLUMNS} from feeds where url = ?", [url]).fetchone()
    return _feed(row) if row else None


def many(db: Database) -> tuple[Feed, ...]:
    rows = db.execute(f"select {_FEED_COLUMNS} from feeds order by added, url").fetchall()
    return tuple(_feed(r) for r in rows)


def due(db: Database, now: datetime) -> tuple[Feed, ...]:
    rows = db.execute(
        f"select {_FEED_COLUMNS} from feeds where not paused"
        " and (next_poll is null or next_poll <= ?) order by next_poll, url",
        [_iso(now)],
    ).fetchall()
    return tuple(_feed(r) for r in rows)


def remove(db: Database, url: str) -> bool:
    """Forget a feed and its item log; the articles it brought in stay."""
    with db.atomic():
        cursor = db.execute("delete from feeds where url = ?", [url])
        db.execute("delete from feed_items where feed_url = ?", [url])
    return cursor.rowcount > 0


def known(db: Database, guids: Iterable[str], urls: Iterable[str]) -> Known:
    """Which of these GUIDs and canonical URLs were met before, and stored articles by URL."""
    guid_list, url_list = list(dict.fromkeys(guids)), list(dict.fromkeys(urls))
    seen_guids = _present(db, "select guid from feed_items where guid in ({})", guid_list)
    seen_urls = _present(
        db, "select canonical_url from feed_items where canonical_url in ({})", url_list
    )
    articles: dict[str, str] = {}
    for chunk in _chunks(url_list):
        marks = ", ".join("?" * len(chunk))
        for canon, article_id in db.execute(
            f"select canonical_url, id from articles where canonical_url in ({marks})", chunk
        ):
            articles[str(canon)] = str(article_id)
    return Known(frozenset(seen_guids), frozenset(seen_urls), articles)


def _present(db: Database, sql: str, values: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(values):
        rows = db.execute(sql.format(", ".join("?" * len(chunk))), chunk)
        found.update(str(r[0]) for r in rows)
    return found


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _IN_CHUNK):
        yield values[start : start + _IN_CHUNK]


def log_items(db: Database, items: Sequence[ItemLog], stored: dict[str, int]) -> None:
    """Append item decisions, and add `stored[feed_url]` to each feed's stored count."""
    rows = [
        (
            i.feed_url,
            i.guid,
            i.url,
            i.title,
            i.outcome,
            i.reason,
            i.duplicate_of,
            i.article_id,
            _iso(i.published),
            _iso(i.seen),
            i.canonical_url,
        )
        for i in items
    ]
    with db.atomic():
        db.conn.executemany(
            f"insert into feed_items ({_ITEM_COLUMNS}) values ({', '.join('?' * 11)})", rows
        )
        for url, count in stored.items():
            if count:
                db.execute("update feeds set stored = stored + ? where url = ?", [count, url])


def explain(db: Database, key: str, canonical: str | None, limit: int) -> tuple[ItemLog, ...]:
    """Log rows for an item: by URL, canonical URL, GUID or article id, newest first."""
    rows = db.execute(
        f"select {_ITEM_COLUMNS} from feed_items where url = ? or guid = ? or article_id = ?"
        " or canonical_url = ? order by id desc limit ?",
        [key, key, key, canonical, limit],
    ).fetchall()
    return tuple(_item(r) for r in rows)


def _item(row: Sequence[object]) -> ItemLog:
    feed_url, guid, url, title, outcome, reason, dup, article_id, published, seen, canon = row
    return ItemLog(
        feed_url=str(feed_url),
        guid=str(guid),
        url=url if isinstance(url, str) else None,
        title=str(title or ""),
        outcome=str(outcome),
        reason=str(reason or ""),
        duplicate_of=dup if isinstance(dup, str) else None,
        article_id=article_id if isinstance(article_id, str) else None,
        published=_when(published),  # type: ignore[arg-type]
        seen=_when(seen),  # type: ignore[arg-type]
        canonical_url=canon if isinstance(canon, str) else None,
    )


def find_article(
    db: Database, article_id: str, canonical: str | None, digest: str
) -> tuple[str, str | None] | None:
    """The stored article an incoming one duplicates: by id, canonical URL, then content hash."""
    row = db.execute(
        "select id, url from articles where id = ? or (canonical_url = ? and ? is not null)"
        " limit 1",
        [article_id, canonical, canonical],
    ).fetchone()
    if row is None:
        row = db.execute(
            "select id, url from articles where content_hash = ? limit 1", [digest]
        ).fetchone()
    return (str(row[0]), row[1]) if row else None
