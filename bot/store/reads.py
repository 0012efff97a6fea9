"""Intent-shaped reads: newest-first walks of time-ordered keys, never a full sort.

An article key is `seconds << 20`, a quote key `article_key << 8`, so a period is a key
range and "newest first" is `order by rowid desc`, which FTS5 serves without sorting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.contract import Period
from bot.models import Person, StoredArticle, StoredQuote, StoreStats
from bot.names import norm

_MAX_KEY = (1 << 62) - 1
_ARTICLE_COLUMNS = "a.key, a.id, a.title, a.url, a.outlet, a.published, substr(a.text, 1, 320)"


def key_range(period: Period | None, shift: int) -> tuple[int, int]:
    """A period as an inclusive key range; shift 20 for articles, 28 for quotes."""
    if period is None:
        return 0, _MAX_KEY
    low = 0 if period.start is None else max(0, int(period.start.timestamp())) << shift
    high = _MAX_KEY if period.end is None else (max(0, int(period.end.timestamp())) << shift) - 1
    return low, high


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).astimezone(UTC)
    except ValueError:
        return None


def _article(row: Sequence) -> StoredArticle:
    snippet = (row[6] or "").split("\n\n", 1)[0].strip()
    return StoredArticle(row[0], row[1], row[2], row[3], row[4], _when(row[5]), snippet)


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
        sql += " order by a.key desc limit ? offset ?"
    else:
        sql = (
            f"select {_ARTICLE_COLUMNS} from articles_fts f join articles a on a.key = f.rowid"
            f" where articles_fts match ? and f.rowid between ? and ? and {' and '.join(where)}"
            " order by f.rowid desc limit ? offset ?"
        )
        params = [match, low, high, *params]
    return [_article(r) for r in db.execute(sql, [*params, limit, offset]).fetchall()]


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
    if match is None:
        sql = f"select {_QUOTE_COLUMNS} from quotes q {joins} where {' and '.join(where)}"
        sql += " order by q.key desc limit ? offset ?"
    else:
        sql = (
            f"select {_QUOTE_COLUMNS} from quotes_fts f join quotes q on q.key = f.rowid {joins}"
            f" where quotes_fts match ? and f.rowid between ? and ? and {' and '.join(where)}"
            " order by f.rowid desc limit ? offset ?"
        )
        params = [match, low, high, *params]
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    return [StoredQuote(r[0], r[1], r[2], r[3], r[4], r[5], _article(r[6:])) for r in rows]


def people(db: Database, name: str, limit: int = 10) -> list[Person]:
    """Entities whose name or alias is `name`, or holds all its words, most quoted first."""
    key = norm(name)
    if not key:
        return []
    ids = [r[0] for r in db.execute("select entity_id from aliases where alias = ?", [key])]
    if not ids:
        words = key.split()
        like = " and ".join("(' ' || norm || ' ') like ?" for _ in words)
        ids = [
            r[0]
            for r in db.execute(
                f"select id from entities where {like} limit 50", [f"% {w} %" for w in words]
            )
        ]
    found = [person(db, i) for i in dict.fromkeys(ids)]
    found = [p for p in found if p is not None]
    return sorted(found, key=lambda p: (-p.quotes, -p.articles, p.name))[:limit]


def person(db: Database, entity_id: int) -> Person | None:
    row = db.execute("select id, name, kind from entities where id = ?", [entity_id]).fetchone()
    if row is None:
        return None
    quoted = db.execute("select count(*) from quotes where speaker_id = ?", [entity_id]).fetchone()
    roles: dict[str, tuple[str, int, int]] = {}
    role_rows = db.execute(
        "select role, article_key from mentions where entity_id = ? and role is not null"
        " union all select role, article_key from quotes where speaker_id = ? and role is not null",
        [entity_id, entity_id],
    )
    for role, key in role_rows:
        folded = norm(role)
        _, count, latest_key = roles.get(folded, (role, 0, 0))
        roles[folded] = (role, count + 1, max(latest_key, key))
    ranked = sorted(roles.values(), key=lambda r: (-r[1], -r[2]))
    articles = db.execute(
        "select count(*) from mentions where entity_id = ?", [entity_id]
    ).fetchone()
    return Person(
        id=row[0],
        name=row[1],
        kind=row[2],
        quotes=quoted[0],
        roles=tuple((role, _key_time(key)) for role, _, key in ranked),
        articles=articles[0],
    )


def _key_time(article_key: int) -> datetime:
    return datetime.fromtimestamp(article_key >> 20, UTC)


def complete(db: Database, field: str, prefix: str, limit: int) -> tuple[str, ...]:
    """Names starting with `prefix` (any word of them), speakers for `speaker`/`name`."""
    key = norm(prefix)
    speakers_only = field in {"speaker", "name"}
    quoted = (
        "and exists (select 1 from quotes q where q.speaker_id = e.id)" if speakers_only else ""
    )
    if not key:
        rows = db.execute(
            f"select e.name from entities e where e.kind != 'unnamed' {quoted}"
            " order by e.id desc limit ?",
            [limit],
        )
    else:
        rows = db.execute(
            "select e.name from aliases al join entities e on e.id = al.entity_id"
            f" where al.alias >= ? and al.alias < ? {quoted} group by e.id"
            " order by e.kind != 'unnamed' desc, length(e.name) limit ?",
            [key, key + "\uffff", limit],
        )
    return tuple(dict.fromkeys(r[0] for r in rows))


def vocabulary(db: Database, limit: int = 50000) -> tuple[str, ...]:
    """Names to suggest from for 'did you mean', most recently seen first."""
    rows = db.execute(
        "select name from entities where kind != 'unnamed' order by id desc limit ?", [limit]
    )
    return tuple(r[0] for r in rows)


def outlets(db: Database) -> tuple[str, ...]:
    rows = db.execute("select distinct outlet from articles where outlet is not null")
    return tuple(r[0] for r in rows)


def stats(db: Database) -> StoreStats:
    first, last = db.execute("select min(key), max(key) from articles").fetchone()
    articles = db.execute("select count(*) from articles").fetchone()[0]
    quoted = db.execute("select count(*) from quotes").fetchone()[0]
    return StoreStats(
        articles,
        quoted,
        _key_time(first) if first is not None else None,
        _key_time(last) if last is not None else None,
    )
