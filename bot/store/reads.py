"""Intent-shaped reads: newest-first walks of time-ordered keys, never a full sort.

An article key is `seconds << 20`, a quote key `article_key << 8`, so a period is a key
range and "newest first" is `order by rowid desc`, which FTS5 serves without sorting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.contract import Period
from bot.models import StoredArticle, StoredQuote, StoreStats
from bot.store import speaker_scan

_MAX_KEY = (1 << 62) - 1
_ARTICLE_COLUMNS = (
    "a.key, a.id, a.title, a.url, a.outlet, a.published, substr(a.text, 1, 320), a.story"
)


def key_range(period: Period | None, shift: int) -> tuple[int, int]:
    """A period as an inclusive key range; shift 20 for articles, 28 for quotes."""
    if period is None:
        return 0, _MAX_KEY
    low = 0 if period.start is None else max(0, int(period.start.timestamp())) << shift
    high = _MAX_KEY if period.end is None else (max(0, int(period.end.timestamp())) << shift) - 1
    return low, high


def key_time(article_key: int) -> datetime:
    """The publication second an article key carries."""
    return datetime.fromtimestamp(article_key >> 20, UTC)


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:
        return None


def _article(row: Sequence) -> StoredArticle:
    snippet = (row[6] or "").split("\n\n", 1)[0].strip()
    return StoredArticle(row[0], row[1], row[2], row[3], row[4], _when(row[5]), snippet, row[7])


def _one_per_story(db: Database, found: list[StoredArticle], limit: int) -> list[StoredArticle]:
    """Keep the newest copy of each story, listing every outlet that carried it."""
    kept: dict[int, StoredArticle] = {}
    for article in found:
        kept.setdefault(article.story if article.story is not None else article.key, article)
        if len(kept) == limit:
            break
    out = []
    for story, article in kept.items():
        rows = db.execute(
            "select distinct outlet from articles where story = ? and outlet is not null limit 20",
            [story],
        ).fetchall()
        outlets = tuple(
            sorted({r[0] for r in rows} | ({article.outlet} if article.outlet else set()))
        )
        out.append(replace(article, outlets=outlets))
    return out


def latest(
    db: Database,
    match: str | None,
    period: Period | None,
    outlet: str | None,
    limit: int,
    offset: int = 0,
) -> list[StoredArticle]:
    low, high = key_range(period, 20)
    where, params = ["a.key between ? and ?"], [low, high]
    if outlet:
        where.append("a.outlet = ? collate nocase")
        params.append(outlet)
    if match is None:
        sql = f"select {_ARTICLE_COLUMNS} from articles a where {' and '.join(where)}"
        sql += " order by a.key desc limit ?"
    else:
        sql = (
            f"select {_ARTICLE_COLUMNS} from articles_fts f join articles a on a.key = f.rowid"
            f" where articles_fts match ? and f.rowid between ? and ? and {' and '.join(where)}"
            " order by f.rowid desc limit ?"
        )
        params = [match, low, high, *params]
    # Copies of one story collapse into one item, so read ahead to fill the page.
    found = [_article(r) for r in db.execute(sql, [*params, (limit + offset) * 3]).fetchall()]
    return _one_per_story(db, found, limit + offset)[offset:]


_QUOTE_COLUMNS = f"q.key, q.text, q.speaker, q.role, q.cue, q.kind, {_ARTICLE_COLUMNS}"


def quotes(
    db: Database,
    match: str | None,
    speaker_ids: Sequence[int] | None,
    period: Period | None,
    outlet: str | None,
    limit: int,
    offset: int = 0,
) -> list[StoredQuote]:
    """Quotes newest first, by an FTS match on quote and context, speakers, period, outlet."""
    low, high = key_range(period, 28)
    where, params = ["q.key between ? and ?"], [low, high]
    if speaker_ids is not None:
        where.append(f"q.speaker_id in ({','.join('?' * len(speaker_ids))})")
        params.extend(speaker_ids)
    else:
        where.append("q.speaker is not null")
    if outlet:
        where.append("a.outlet = ? collate nocase")
        params.append(outlet)
    joins = "join articles a on a.key = q.article_key"
    if match is None and speaker_ids and not outlet:
        # Newest of each speaker from the (speaker_id, key) index, merged: never a sort of
        # everything a much-quoted person ever said.
        each = (
            "select key from (select key from quotes where speaker_id = ? and key between ? and ?"
            " order by key desc limit ?)"
        )
        union = " union all ".join([each] * len(speaker_ids))
        sql = (
            f"select {_QUOTE_COLUMNS} from quotes q {joins} where q.key in ({union})"
            " order by q.key desc limit ? offset ?"
        )
        params = [v for i in speaker_ids for v in (i, low, high, limit + offset)]
    elif match is None:
        sql = f"select {_QUOTE_COLUMNS} from quotes q {joins} where {' and '.join(where)}"
        sql += " order by q.key desc limit ? offset ?"
    else:
        sql = (
            f"select {_QUOTE_COLUMNS} from quotes_fts f join quotes q on q.key = f.rowid {joins}"
            f" where quotes_fts match ? and f.rowid between ? and ? and {' and '.join(where)}"
            " order by f.rowid desc limit ? offset ?"
        )
        params = [match, low, high, *params]
    # The same quote carried by several copies of one story is shown once: read ahead.
    want = (limit + offset) * 2
    rows = None
    if match is not None and speaker_ids:
        rows = speaker_scan.said(db, _QUOTE_COLUMNS, match, speaker_ids, (low, high), outlet, want)
    if rows is None:
        rows = db.execute(sql, [*params, want, 0]).fetchall()
    seen: set[tuple[int | None, str]] = set()
    out = []
    for r in rows:
        quote = StoredQuote(r[0], r[1], r[2], r[3], r[4], r[5], _article(r[6:14]))
        fingerprint = (quote.article.story, " ".join(quote.text.lower().split()))
        if fingerprint not in seen:
            seen.add(fingerprint)
            out.append(quote)
    # Newest article first, and within an article in reading order, before paging.
    out.sort(key=lambda q: (-q.article.key, q.key))
    return out[offset : offset + limit]


def top_stories(
    db: Database,
    match: str | None,
    period: Period | None,
    skip: Sequence[int],
    limit: int,
) -> list[StoredArticle]:
    """The period's biggest stories: carried by the most outlets, then the most copies."""
    low, high = key_range(period, 20)
    where, params = ["a.key between ? and ?"], [low, high]
    if match is not None:
        where.append(
            "a.key in (select rowid from articles_fts where articles_fts match ?"
            " and rowid between ? and ?)"
        )
        params += [match, low, high]
    if skip:
        where.append(f"a.story not in ({','.join('?' * len(skip))})")
        params += list(skip)
    newest = [
        r[0]
        for r in db.execute(
            f"select max(a.key) from articles a where {' and '.join(where)} group by a.story"
            " order by count(distinct a.outlet) desc, count(*) desc, max(a.key) desc limit ?",
            [*params, limit],
        )
    ]
    if not newest:
        return []
    rows = db.execute(
        f"select {_ARTICLE_COLUMNS} from articles a where a.key in ({','.join('?' * len(newest))})",
        newest,
    ).fetchall()
    by_key = {r[0]: _article(r) for r in rows}
    return _one_per_story(db, [by_key[k] for k in newest if k in by_key], limit)


def generation(db: Database) -> tuple[int, int, int]:
    """Changes whenever articles or entities change: a cheap key for caches."""
    newest = db.execute("select coalesce(max(key), 0) from articles").fetchone()[0]
    entities = db.execute("select coalesce(max(id), 0) from entities").fetchone()[0]
    stored = db.execute("select coalesce(sum(value), 0) from counters").fetchone()[0]
    return newest, entities, stored


def outlets(db: Database) -> tuple[str, ...]:
    rows = db.execute("select distinct outlet from articles where outlet is not null")
    return tuple(r[0] for r in rows)


def stats(db: Database) -> StoreStats:
    # Two queries: SQLite answers min() and max() from the index only when they are alone.
    first = db.execute("select min(key) from articles").fetchone()[0]
    last = db.execute("select max(key) from articles").fetchone()[0]
    counts = dict(db.execute("select name, value from counters").fetchall())
    articles, quoted = counts.get("articles", 0), counts.get("quotes", 0)
    return StoreStats(
        articles,
        quoted,
        key_time(first) if first is not None else None,
        key_time(last) if last is not None else None,
    )


def content_hashes(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """The stored content hash of each of `ids` that is stored."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), 400):
        part = ids[start : start + 400]
        rows = db.execute(
            f"select id, content_hash from articles where id in ({','.join('?' * len(part))})",
            list(part),
        )
        found.update(rows)
    return found
