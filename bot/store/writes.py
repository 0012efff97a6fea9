"""Idempotent writes of articles with their quotes and entities.

The same canonical URL or the same content is stored once; a changed text under the
same id or URL replaces the old version and its quotes.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from bot import stories
from bot.models import Article, Entity, Extraction
from bot.names import canonical_url, content_hash, norm

MAX_QUOTES_PER_ARTICLE = 255  # a quote key keeps 8 bits for its position in the article
_CONTEXT_CHARS = 300


def article_key(published: datetime, article_id: str) -> int:
    """Time-ordered key: seconds since 1970 in the high bits, a stable tie-breaker below."""
    seconds = max(0, int(published.timestamp()))
    return (seconds << 20) | (zlib.crc32(article_id.encode("utf-8", "surrogatepass")) & 0xFFFFF)


class EntityCache:
    """Maps normalised names to entity ids, so a batch does not query for every mention."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ids: dict[str, int] = {}

    def id_for(self, name: str, kind: str) -> int | None:
        key = norm(name)
        if not key:
            return None
        if key in self.ids:
            return self.ids[key]
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


class Tally:
    """Changes to the running counts, applied once per batch rather than once per row."""

    def __init__(self, last_seq: int) -> None:
        self.seq = last_seq  # arrival order of articles, for "new since" readers such as alerts
        self.quotes_by: Counter[int] = Counter()
        self.articles_by: Counter[int] = Counter()
        self.totals: Counter[str] = Counter()

    def apply(self, db: Database) -> None:
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
    db: Database, cache: EntityCache, batch: Sequence[tuple[Article, Extraction]], now: datetime
) -> list[str]:
    """Store a batch in one transaction; say 'added', 'updated' or 'duplicate' for each."""
    outcomes = []
    last = db.execute("select coalesce(max(seq), 0) from articles").fetchone()[0]
    tally = Tally(last)
    try:
        with db.conn:
            for article, extraction in batch:
                outcomes.append(_save_one(db, cache, tally, article, extraction, now))
            tally.apply(db)
    except BaseException:
        cache.ids.clear()  # ids created in the rolled-back transaction are gone
        raise
    return outcomes


def _save_one(
    db: Database,
    cache: EntityCache,
    tally: Tally,
    article: Article,
    extraction: Extraction,
    now: datetime,
) -> str:
    canon = canonical_url(article.url)
    digest = content_hash(article.text)
    same = db.execute(
        "select key, content_hash from articles"
        " where id = ? or (canonical_url = ? and ? is not null)",
        [article.id, canon, canon],
    ).fetchone()
    if same is not None:
        if same[1] == digest:
            return "duplicate"
        _delete_article(db, tally, same[0])
        _insert(db, cache, tally, article, extraction, canon, digest, now)
        return "updated"
    if db.execute("select 1 from articles where content_hash = ?", [digest]).fetchone():
        return "duplicate"
    _insert(db, cache, tally, article, extraction, canon, digest, now)
    return "added"


def _delete_article(db: Database, tally: Tally, key: int) -> None:
    for (speaker_id,) in db.execute("select speaker_id from quotes where article_key = ?", [key]):
        if speaker_id is not None:
            tally.quotes_by[speaker_id] -= 1
        tally.totals["quotes"] -= 1
    for (entity_id,) in db.execute("select entity_id from mentions where article_key = ?", [key]):
        tally.articles_by[entity_id] -= 1
    tally.totals["articles"] -= 1
    db.execute("delete from story_keys where article_key = ?", [key])
    db.execute("delete from quotes where article_key = ?", [key])
    db.execute("delete from mentions where article_key = ?", [key])
    db.execute("delete from articles where key = ?", [key])


def _free_key(db: Database, key: int) -> int:
    while db.execute("select 1 from articles where key = ?", [key]).fetchone():
        key += 1
    return key


def _insert(
    db: Database,
    cache: EntityCache,
    tally: Tally,
    article: Article,
    extraction: Extraction,
    canon: str | None,
    digest: str,
    now: datetime,
) -> None:
    published = (article.published or now).astimezone(UTC)
    key = _free_key(db, article_key(published, article.id))
    sketch = stories.sketch(article.text)
    db.execute(
        "insert into articles (key, id, url, canonical_url, outlet, title, published, text, tags,"
        " content_hash, ingested, seq, story, sketch)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            key,
            article.id,
            article.url,
            canon,
            article.outlet,
            article.title,
            published.isoformat(timespec="seconds"),
            article.text,
            "\n".join(article.tags),
            digest,
            now.astimezone(UTC).isoformat(timespec="seconds"),
            tally.seq + 1,
            _story(db, key, sketch),
            stories.pack(sketch),
        ],
    )
    tally.seq += 1
    db.conn.executemany(
        "insert or ignore into story_keys (hash, article_key) values (?, ?)",
        [(h, key) for h in stories.lsh_keys(sketch)],
    )
    tally.totals["articles"] += 1
    speakers = _save_entities(db, cache, tally, key, extraction.entities)
    rows = []
    for position, quote in enumerate(extraction.quotes[:MAX_QUOTES_PER_ARTICLE]):
        speaker_id = None
        if quote.speaker:
            speaker_id = speakers.get(norm(quote.speaker)) or cache.id_for(
                quote.speaker, "person" if quote.speaker[:1].isupper() else "unnamed"
            )
        if speaker_id is not None:
            tally.quotes_by[speaker_id] += 1
        rows.append(
            (
                (key << 8) | position,
                key,
                quote.start,
                quote.end,
                quote.text,
                _context(article.text, quote.start, quote.end),
                quote.speaker,
                speaker_id,
                quote.role,
                quote.cue,
                str(quote.kind),
            )
        )
    tally.totals["quotes"] += len(rows)
    db.conn.executemany(
        "insert into quotes (key, article_key, start, end, text, context, speaker, speaker_id,"
        " role, cue, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


STORY_WINDOW = 7 * 86400 << 20  # near-duplicates more than a week apart are new stories
MAX_CANDIDATES = 40


def _story(db: Database, key: int, sketch: tuple[int, ...]) -> int:
    """The story of the most similar recent article sharing an LSH key, else a new one."""
    keys = stories.lsh_keys(sketch)
    if not keys:
        return key
    rows = db.execute(
        "select a.story, a.sketch from articles a where a.key in (select article_key from"
        f" story_keys where hash in ({','.join('?' * len(keys))}))"
        " and a.key between ? and ? limit ?",
        [*keys, key - STORY_WINDOW, key + STORY_WINDOW, MAX_CANDIDATES],
    ).fetchall()
    best, story = stories.SAME_STORY, key
    for candidate_story, blob in rows:
        score = stories.similarity(sketch, stories.unpack(blob))
        if score >= best:
            best, story = score, candidate_story
    return story


def _save_entities(
    db: Database, cache: EntityCache, tally: Tally, key: int, entities: Sequence[Entity]
) -> dict[str, int]:
    by_norm: dict[str, int] = {}
    for entity in entities:
        entity_id = cache.id_for(entity.name, entity.kind)
        if entity_id is None:
            continue
        names = {norm(entity.name), *(norm(a) for a in entity.aliases)} - {""}
        for name in names:
            by_norm[name] = entity_id
        db.conn.executemany(
            "insert or ignore into aliases (alias, entity_id) values (?, ?)",
            [(name, entity_id) for name in names],
        )
        cursor = db.execute(
            "insert or ignore into mentions (entity_id, article_key, role) values (?, ?, ?)",
            [entity_id, key, entity.roles[0] if entity.roles else None],
        )
        tally.articles_by[entity_id] += cursor.rowcount
    return by_norm


def _context(text: str, start: int, end: int) -> str:
    """The sentence or paragraph around a quote, capped, for topic matching."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, max(0, start - 2)))
    right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    left = max(left + 1, start - _CONTEXT_CHARS)
    return text[left : min(right + 1, end + _CONTEXT_CHARS)].strip()
