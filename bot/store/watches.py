"""Watches, their cursors on arrival order (`articles.seq`), channel state and the delivery log.

A row per channel and item in `watch_deliveries` is what makes an alert item post once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from bot.contract import Alert, Destination, Watch
from bot.models import StoredArticle, StoredQuote
from bot.store.reads import _ARTICLE_COLUMNS, _article
from bot.store.rows import POSITION_BITS, quote_keys
from bot.watch import ChannelState, Tracked

KEEP_LOG = timedelta(days=30)  # a delivered item older than this cannot come round again
_WHERE = "platform = ? and scope = ? and channel = ?"


def _stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds")


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _where(d: Destination) -> list[str]:
    return [d.platform, d.scope, d.channel]


def newest_seq(db: Database) -> int:
    return int(db.execute("select coalesce(max(seq), 0) from articles").fetchone()[0])


def add(db: Database, watch: Watch, key: str, cursor: int, now: datetime) -> Watch:
    """Insert a watch, or return the one already there (its cursor untouched)."""
    d = watch.destination
    with db.atomic():
        db.execute(
            "insert or ignore into watches (platform, scope, channel, kind, term_key, term,"
            " created, cursor) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [*_where(d), watch.kind, key, watch.term, _stamp(watch.created or now), cursor],
        )
    row = db.execute(
        f"select term, created from watches where {_WHERE} and kind = ? and term_key = ?",
        [*_where(d), watch.kind, key],
    ).fetchone()
    return Watch(d, watch.kind, row[0], _when(row[1]))


def remove(db: Database, d: Destination, kind: str, key: str) -> bool:
    with db.atomic():
        cursor = db.execute(
            f"delete from watches where {_WHERE} and kind = ? and term_key = ?",
            [*_where(d), kind, key],
        )
    return cursor.rowcount > 0


def count_others(db: Database, d: Destination, kind: str, key: str) -> int:
    """The channel's watches other than this one (re-adding a watch is never "too many")."""
    row = db.execute(
        f"select count(*) from watches where {_WHERE} and not (kind = ? and term_key = ?)",
        [*_where(d), kind, key],
    ).fetchone()
    return int(row[0])


def many(db: Database, platform: str, scope: str | None) -> tuple[Tracked, ...]:
    """Watches of a platform (one guild or workspace when `scope` is given), with their cursors."""
    sql = (
        "select w.platform, w.scope, w.channel, w.kind, w.term, w.created, w.cursor, c.last_error"
        " from watches w left join watch_channels c on c.platform = w.platform"
        " and c.scope = w.scope and c.channel = w.channel where w.platform = ?"
    )
    params = [platform]
    if scope is not None:
        sql += " and w.scope = ?"
        params.append(scope)
    rows = db.execute(sql + " order by w.scope, w.channel, w.kind, w.term_key", params)
    return tuple(
        Tracked(Watch(Destination(r[0], r[1], r[2]), r[3], r[4], _when(r[5]), r[7]), r[6])
        for r in rows
    )


def channel_states(db: Database, platform: str) -> dict[Destination, ChannelState]:
    rows = db.execute(
        "select scope, channel, last_posted, failures, attempted, last_error from watch_channels"
        " where platform = ?",
        [platform],
    )
    return {
        Destination(platform, r[0], r[1]): ChannelState(_when(r[2]), r[3] or 0, _when(r[4]), r[5])
        for r in rows
    }


def window(db: Database, after: int, limit: int) -> tuple[int, int, int] | None:
    """The arrivals after `after`, at most `limit` of them: (last seq, lowest key, highest key)."""
    row = db.execute(
        "select max(seq), min(key), max(key) from"
        " (select seq, key from articles where seq > ? order by seq limit ?)",
        [after, limit],
    ).fetchone()
    return None if row[0] is None else (int(row[0]), int(row[1]), int(row[2]))


_QUOTE_COLUMNS = f"a.seq, q.key, q.text, q.speaker, q.role, q.cue, q.kind, {_ARTICLE_COLUMNS}"


def new_quotes(
    db: Database,
    after: int,
    upto: int,
    keys: tuple[int, int],
    match: str | None,
    speaker_ids: Sequence[int] | None,
    limit: int,
) -> list[tuple[int, StoredQuote]]:
    """Quotes of articles that arrived in (after, upto] with keys in `keys`, in arrival order."""
    where = ["a.seq > ? and a.seq <= ?", "a.key between ? and ?", "q.speaker is not null"]
    params = [after, upto, *keys]
    if speaker_ids is not None:
        where.append(f"q.speaker_id in ({','.join('?' * len(speaker_ids))})")
        params.extend(speaker_ids)
    if match is not None:
        # The key range lets FTS5 seek to the new articles' quotes instead of every match.
        where.append(
            "q.key in (select rowid from quotes_fts where quotes_fts match ?"
            " and rowid between ? and ?)"
        )
        params += [match, *quote_keys(*keys)]
    rows = db.execute(
        f"select {_QUOTE_COLUMNS} from articles a join quotes q"
        f" on q.key between a.key << {POSITION_BITS} and ((a.key + 1) << {POSITION_BITS}) - 1"
        f" where {' and '.join(where)} order by a.seq, q.key limit ?",
        [*params, limit],
    ).fetchall()
    return [(r[0], StoredQuote(r[1], r[2], r[3], r[4], r[5], r[6], _article(r[7:]))) for r in rows]


def new_stories(
    db: Database,
    after: int,
    upto: int,
    keys: tuple[int, int],
    match: str | None,
    entity_ids: Sequence[int] | None,
    limit: int,
) -> list[tuple[int, StoredArticle]]:
    """Articles that arrived in (after, upto] with keys in `keys`, on a topic or naming someone."""
    where, params = ["a.seq > ? and a.seq <= ?", "a.key between ? and ?"], [after, upto, *keys]
    if entity_ids is not None:
        # Correlated, so the (entity_id, article_key) key is probed per new article only.
        where.append(
            "exists (select 1 from mentions m where m.article_key = a.key and m.entity_id in"
            f" ({','.join('?' * len(entity_ids))}))"
        )
        params.extend(entity_ids)
    if match is not None:
        where.append(
            "a.key in (select rowid from articles_fts where articles_fts match ?"
            " and rowid between ? and ?)"
        )
        params += [match, keys[0], keys[1]]
    rows = db.execute(
        f"select a.seq, {_ARTICLE_COLUMNS} from articles a where {' and '.join(where)}"
        " order by a.seq limit ?",
        [*params, limit],
    ).fetchall()
    return [(r[0], _article(r[1:])) for r in rows]


def delivered(db: Database, d: Destination, items: Sequence[str]) -> frozenset[str]:
    """Which of `items` this channel was already sent."""
    found: set[str] = set()
    for start in range(0, len(items), 500):
        chunk = list(items[start : start + 500])
        rows = db.execute(
            f"select item from watch_deliveries where {_WHERE} and item in"
            f" ({','.join('?' * len(chunk))})",
            [*_where(d), *chunk],
        )
        found.update(r[0] for r in rows)
    return frozenset(found)


def advance(db: Database, d: Destination, cursors: Sequence[tuple[str, str, int]]) -> None:
    """Move watch cursors forward (never back); a watch removed meanwhile is simply gone."""
    db.conn.executemany(
        f"update watches set cursor = max(cursor, ?) where {_WHERE} and kind = ? and term_key = ?",
        [(seq, *_where(d), kind, key) for kind, key, seq in cursors],
    )


def record(db: Database, alert: Alert, error: str | None, now: datetime) -> None:
    """After a post: log its items and move cursors on, or keep the error for the retry wait."""
    d = alert.destination
    stamp = _stamp(now)
    with db.atomic():
        if error is not None:
            db.execute(
                "insert into watch_channels (platform, scope, channel, failures, attempted,"
                " last_error) values (?, ?, ?, 1, ?, ?) on conflict (platform, scope, channel)"
                " do update set failures = coalesce(watch_channels.failures, 0) + 1,"
                " attempted = excluded.attempted, last_error = excluded.last_error",
                [*_where(d), stamp, f"{now.astimezone(UTC):%Y-%m-%d %H:%M} UTC: {error}"],
            )
            return
        advance(db, d, alert.cursors)
        if not alert.items:
            return  # only cursors moved: nothing was posted, so the rate limit is untouched
        db.conn.executemany(
            "insert or ignore into watch_deliveries (platform, scope, channel, item, delivered)"
            " values (?, ?, ?, ?, ?)",
            [(*_where(d), key, stamp) for key in alert.keys],
        )
        db.execute(
            "insert into watch_channels (platform, scope, channel, last_posted, failures,"
            " attempted, last_error) values (?, ?, ?, ?, 0, ?, null)"
            " on conflict (platform, scope, channel) do update set"
            " last_posted = excluded.last_posted, failures = 0, attempted = excluded.attempted,"
            " last_error = null",
            [*_where(d), stamp, stamp],
        )
        db.execute(
            f"delete from watch_deliveries where {_WHERE} and delivered < ?",
            [*_where(d), _stamp(now - KEEP_LOG)],
        )
