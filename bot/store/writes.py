"""Idempotent writes of articles with their quotes and entities: SQL only.

The same canonical URL or the same content is stored once; a changed text under the
same id or URL replaces the old version and its quotes. Everything derived is computed
beforehand by `rows.prepare`, so this stays the lean, single-writer part of ingest.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from bot import stories
from bot.models import Article, Extraction
from bot.store.rows import EntityRow, Prepared, prepare, quote_key, quote_keys

STORY_WINDOW = 7 * 86400 << 20  # near-duplicates more than a week apart are new stories
PER_KEY = 10  # candidates read per LSH key: the newest in the window
CACHE_LIMIT = 300_000
DOMINANT = 4  # a full name owns a bare surname when it is named this many times more often


def article_key(published: datetime, article_id: str) -> int:
    """Time-ordered key: seconds since 1970 in the high bits, a stable tie-breaker below."""
    seconds = max(0, int(published.timestamp()))
    return (seconds << 20) | (zlib.crc32(article_id.encode("utf-8", "surrogatepass")) & 0xFFFFF)


class EntityCache:
    """Entity ids and known aliases by normalised name, so a batch does not query for each."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ids: dict[str, int] = {}
        self.aliases: set[tuple[str, int]] = set()

    def clear(self) -> None:
        self.ids.clear()
        self.aliases.clear()

    def id_for(self, name: str, key: str, kind: str) -> int | None:
        if not key:
            return None
        if key in self.ids:
            return self.ids[key]
        if len(self.ids) + len(self.aliases) > CACHE_LIMIT:
            self.clear()  # keep a long ingest's memory flat; the index answers misses
        if kind == "person" and " " not in key:
            known = self._full_name_for(key)
            if known is not None:
                self.ids[key] = known
                return known
        row = self.db.execute("select id from entities where norm = ?", [key]).fetchone()
        if row is None:
            cursor = self.db.execute(
                "insert into entities (name, norm, kind) values (?, ?, ?)", [name, key, kind]
            )
            entity_id = int(cursor.lastrowid or 0)
        else:
            entity_id = int(row[0])
        self.ids[key] = entity_id
        return entity_id

    def _full_name_for(self, surname: str) -> int | None:
        """An article that only says "Biden" means the Biden other articles name in full,
        when one person clearly dominates that surname; "Clinton" between Bill and Hillary
        stays a bare "Clinton" rather than a guess."""
        rows = self.db.execute(
            "select e.id, e.articles from aliases al join entities e on e.id = al.entity_id"
            " where al.alias = ? and e.kind = 'person' and e.norm != ? and instr(e.norm, ' ') > 0"
            " order by e.articles desc limit 2",
            [surname, surname],
        ).fetchall()
        if not rows:
            return None
        if len(rows) == 1 or rows[0][1] >= DOMINANT * max(1, rows[1][1]):
            return int(rows[0][0])
        return None


class Tally:
    """Changes to the running counts and the full-text rows, applied once per batch."""

    def __init__(self, last_seq: int) -> None:
        self.seq = last_seq  # arrival order of articles, for "new since" readers such as alerts
        self.quotes_by: Counter[int] = Counter()
        self.articles_by: Counter[int] = Counter()
        self.totals: Counter[str] = Counter()
        self.article_text: list[tuple[int, str, str, str]] = []
        self.quote_text: list[tuple[int, str, str | None]] = []

    def index_text(self, db: Database) -> None:
        """Write the pending full-text rows in rowid order, so FTS5 builds one segment
        per batch instead of flushing whenever a key is lower than the last."""
        db.conn.executemany(
            "insert into articles_fts (rowid, title, text, tags) values (?, ?, ?, ?)",
            sorted(self.article_text),
        )
        db.conn.executemany(
            "insert into quotes_fts (rowid, context, speaker) values (?, ?, ?)",
            sorted(self.quote_text),
        )
        self.article_text.clear()
        self.quote_text.clear()

    def apply(self, db: Database) -> None:
        self.index_text(db)
        ids = set(self.quotes_by) | set(self.articles_by)
        db.conn.executemany(
            "update entities set quotes = quotes + ?, articles = articles + ? where id = ?",
            [(self.quotes_by[i], self.articles_by[i], i) for i in ids],
        )
        db.conn.executemany(
            "update counters set value = value + ? where name = ?",
            [(delta, name) for name, delta in self.totals.items()],
        )


def save_articles(
    db: Database,
    cache: EntityCache,
    batch: Sequence[Prepared | tuple[Article, Extraction]],
    now: datetime,
) -> list[str]:
    """Store a batch in one transaction; say 'added', 'updated' or 'duplicate' for each."""
    ready = [item if isinstance(item, Prepared) else prepare(*item) for item in batch]
    outcomes = []
    last = db.execute("select coalesce(max(seq), 0) from articles").fetchone()[0]
    tally = Tally(last)
    try:
        with db.atomic():  # not `with db.conn`: sqlite-utils commits a lone write at once
            for item in ready:
                outcomes.append(_save_one(db, cache, tally, item, now))
            tally.apply(db)
    except BaseException:
        cache.clear()  # ids created in the rolled-back transaction are gone
        raise
    return outcomes


def _save_one(db: Database, cache: EntityCache, tally: Tally, item: Prepared, now: datetime) -> str:
    article, canon, digest = item.article, item.canonical_url, item.content_hash
    rows = db.execute(
        "select key, content_hash, id, canonical_url from articles"
        " where id = ? or canonical_url = ? or content_hash = ?",
        [article.id, canon, digest],
    ).fetchall()
    same = [r for r in rows if r[2] == article.id or (canon is not None and r[3] == canon)]
    if same:
        if same[0][1] == digest:
            return "duplicate"
        _delete_article(db, tally, same[0][0])
        _insert(db, cache, tally, item, now)
        return "updated"
    if rows:  # the same words under another id or URL
        return "duplicate"
    _insert(db, cache, tally, item, now)
    return "added"


def _delete_article(db: Database, tally: Tally, key: int) -> None:
    tally.index_text(db)  # the delete triggers remove index rows, so they must be there
    quotes = quote_keys(key, key)
    for (speaker_id,) in db.execute(
        "select speaker_id from quotes where key between ? and ?", quotes
    ):
        if speaker_id is not None:
            tally.quotes_by[speaker_id] -= 1
        tally.totals["quotes"] -= 1
    for (entity_id,) in db.execute("select entity_id from mentions where article_key = ?", [key]):
        tally.articles_by[entity_id] -= 1
    tally.totals["articles"] -= 1
    (blob,) = db.execute("select sketch from articles where key = ?", [key]).fetchone()
    db.conn.executemany(
        "delete from story_keys where hash = ? and article_key = ?",
        [(h, key) for h in stories.lsh_keys(stories.unpack(blob))],
    )
    db.execute("delete from quotes where key between ? and ?", quotes)
    db.execute("delete from mentions where article_key = ?", [key])
    db.execute("delete from articles where key = ?", [key])


def _insert(db: Database, cache: EntityCache, tally: Tally, item: Prepared, now: datetime) -> None:
    article = item.article
    published = (article.published or now).astimezone(UTC)
    key = article_key(published, article.id)
    row = [
        article.id,
        article.url,
        item.canonical_url,
        article.outlet,
        article.title,
        published.isoformat(timespec="seconds"),
        article.text,
        "\n".join(article.tags),
        item.content_hash,
        now.astimezone(UTC).isoformat(timespec="seconds"),
        tally.seq + 1,
        _story(db, key, item.sketch),
        stories.pack(item.sketch),
    ]
    while True:  # two articles in the same second with the same tie-breaker: take the next key
        try:
            db.execute(
                "insert into articles (key, id, url, canonical_url, outlet, title, published,"
                " text, tags, content_hash, ingested, seq, story, sketch)"
                " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [key, *row],
            )
            break
        except sqlite3.IntegrityError:
            key += 1
    tally.seq += 1
    tally.totals["articles"] += 1
    tally.article_text.append((key, article.title, article.text, row[7]))
    db.conn.executemany(
        "insert or ignore into story_keys (hash, article_key) values (?, ?)",
        [(h, key) for h in stories.lsh_keys(item.sketch)],
    )
    speakers = _save_entities(db, cache, tally, key, item.entities)
    quote_rows = []
    for position, quote in enumerate(item.quotes):
        start, end, text, context, speaker, speaker_key, speaker_kind, role, cue, kind = quote
        speaker_id = None
        if speaker:
            speaker_id = speakers.get(speaker_key) or cache.id_for(
                speaker, speaker_key, speaker_kind
            )
        if speaker_id is not None:
            tally.quotes_by[speaker_id] += 1
        quote_rows.append(
            (
                quote_key(key, position),
                key,
                start,
                end,
                text,
                context,
                speaker,
                speaker_id,
                role,
                cue,
                kind,
            )
        )
    tally.totals["quotes"] += len(quote_rows)
    tally.quote_text.extend((r[0], r[5], r[6]) for r in quote_rows)  # key, context, speaker
    db.conn.executemany(
        "insert into quotes (key, article_key, start, end, text, context, speaker, speaker_id,"
        " role, cue, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quote_rows,
    )


def _story(db: Database, key: int, sketch: tuple[int, ...]) -> int:
    """The story of the most similar recent article sharing an LSH key, else a new one."""
    keys = stories.lsh_keys(sketch)
    if not keys:
        return key
    # Each hash is a range walk of the (hash, article_key) key within the time window, so a
    # hash shared by thousands of articles (boilerplate, a wire paragraph) costs its limit,
    # not a scan that grows with the store.
    each = (
        "select article_key from (select article_key from story_keys where hash = ?"
        " and article_key between ? and ? order by article_key desc limit ?)"
    )
    params = [v for h in keys for v in (h, key - STORY_WINDOW, key + STORY_WINDOW, PER_KEY)]
    rows = db.execute(
        "select a.story, a.sketch from articles a where a.key in"
        f" ({' union '.join([each] * len(keys))})",
        params,
    ).fetchall()
    found = stories.closest(sketch, ((story, stories.unpack(blob)) for story, blob in rows))
    return key if found is None else found


def _save_entities(
    db: Database, cache: EntityCache, tally: Tally, key: int, entities: Sequence[EntityRow]
) -> dict[str, int]:
    by_norm: dict[str, int] = {}
    mentions = []
    new_aliases = []
    for name, kind, norm_name, names, role in entities:
        entity_id = cache.id_for(name, norm_name, kind)
        if entity_id is None:
            continue
        for alias in names:
            by_norm[alias] = entity_id
            if (alias, entity_id) not in cache.aliases:
                cache.aliases.add((alias, entity_id))
                new_aliases.append((alias, entity_id))
        mentions.append((entity_id, key, role))
    db.conn.executemany(
        "insert or ignore into aliases (alias, entity_id) values (?, ?)", new_aliases
    )
    db.conn.executemany(
        "insert or ignore into mentions (entity_id, article_key, role) values (?, ?, ?)", mentions
    )
    for entity_id in {m[0] for m in mentions}:  # named twice in one article still counts once
        tally.articles_by[entity_id] += 1
    return by_norm
