"""The store's schema as sqlite-utils `Migrations`: each change is a new function, applied once.

Keys are time-ordered on purpose: an article's key is its publication time in seconds
shifted left 20 bits (plus a tie-breaker), and a quote's key is its article's key shifted
left 8 bits plus its position. So "newest first" is a descending walk of a rowid,
which FTS5 does without sorting, and a period is a rowid range.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsbot")

TOKENIZE = "unicode61 remove_diacritics 2"


@migrations()
def m001_articles_quotes_entities(db: Database) -> None:
    db["articles"].create(
        {
            "key": int,
            "id": str,
            "url": str,
            "canonical_url": str,
            "outlet": str,
            "title": str,
            "published": str,  # ISO 8601 UTC, as shown
            "text": str,
            "tags": str,  # topic hints, one per line
            "content_hash": str,
            "ingested": str,
        },
        pk="key",
        not_null={"id", "title", "text", "content_hash"},
    )
    db["articles"].create_index(["id"], unique=True)
    db["articles"].create_index(["canonical_url"])
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["outlet", "key"])
    db["articles"].enable_fts(
        ["title", "text", "tags"], fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True
    )

    db["entities"].create(
        {"id": int, "name": str, "norm": str, "kind": str}, pk="id", not_null={"name", "norm"}
    )
    db["entities"].create_index(["norm"], unique=True)
    db["aliases"].create({"alias": str, "entity_id": int}, pk=("alias", "entity_id"))
    db["mentions"].create(
        {"entity_id": int, "article_key": int, "role": str}, pk=("entity_id", "article_key")
    )
    db["mentions"].create_index(["article_key"])

    db["quotes"].create(
        {
            "key": int,
            "article_key": int,
            "start": int,
            "end": int,
            "text": str,
            "context": str,  # the sentence around the quote, so "about China" finds it
            "speaker": str,
            "speaker_id": int,
            "role": str,
            "cue": str,
            "kind": str,
        },
        pk="key",
    )
    db["quotes"].create_index(["speaker_id", "key"])
    db["quotes"].create_index(["article_key"])
    db["quotes"].enable_fts(
        ["text", "context", "speaker"], fts_version="FTS5", tokenize=TOKENIZE, create_triggers=True
    )


@migrations()
def m002_digests(db: Database) -> None:
    db["digest_subscriptions"].create(
        {
            "platform": str,
            "scope": str,
            "channel": str,
            "time": str,
            "timezone": str,
            "topics": str,
            "created": str,
            "last_error": str,
        },
        pk=("platform", "scope", "channel"),
    )
    # One row per destination and local day: the primary key is what makes a post happen once.
    db["digest_deliveries"].create(
        {
            "platform": str,
            "scope": str,
            "channel": str,
            "day": str,
            "delivered": str,
            "attempts": int,
            "error": str,
        },
        pk=("platform", "scope", "channel", "day"),
    )


@migrations()
def m003_feeds(db: Database) -> None:
    # One row per subscribed feed: schedule, conditional-GET validators and failure state.
    db["feeds"].create(
        {
            "url": str,
            "title": str,
            "every": int,  # seconds between polls
            "paused": int,
            "etag": str,
            "last_modified": str,
            "added": str,
            "last_poll": str,
            "next_poll": str,  # ISO 8601 UTC; due when <= now
            "failures": int,  # consecutive
            "status": str,  # new | ok | failing | paused
            "last_error": str,
            "stored": int,  # articles stored from this feed, all time
        },
        pk="url",
    )
    db["feeds"].create_index(["next_poll"])
    # The per-item log behind `feeds explain`: one row per item the poller decided on.
    db["feed_items"].create(
        {
            "id": int,
            "feed_url": str,
            "guid": str,
            "url": str,
            "canonical_url": str,
            "title": str,
            "published": str,
            "seen": str,
            "outcome": str,  # stored | updated | duplicate | too old | rejected
            "reason": str,
            "duplicate_of": str,
            "article_id": str,
        },
        pk="id",
    )
    db["feed_items"].create_index(["guid"])
    db["feed_items"].create_index(["canonical_url"])
    db["feed_items"].create_index(["article_id"])
    db["feed_items"].create_index(["feed_url", "id"])


@migrations()
def m004_digest_attempts(db: Database) -> None:
    # When the last attempt was made, so a failing channel is retried with backoff, not every tick.
    db["digest_deliveries"].add_column("attempted", str)


@migrations()
def m005_counts(db: Database) -> None:
    # Running counts, so ranking people and "the store holds N articles" never scan a table.
    db["entities"].add_column("quotes", int, not_null_default=0)
    db["entities"].add_column("articles", int, not_null_default=0)
    db.execute(
        "update entities set"
        " quotes = (select count(*) from quotes q where q.speaker_id = entities.id),"
        " articles = (select count(*) from mentions m where m.entity_id = entities.id)"
    )
    db["entities"].create_index(["articles"])
    db["counters"].create({"name": str, "value": int}, pk="name")
    db.execute(
        "insert into counters (name, value) select 'articles', count(*) from articles"
        " union all select 'quotes', count(*) from quotes"
    )


@migrations()
def m006_arrival_order(db: Database) -> None:
    # Keys follow publication time; `seq` follows arrival, so "what is new since" is a range.
    db["articles"].add_column("seq", int)
    db.execute("update articles set seq = key")
    db["articles"].create_index(["seq"])


@migrations()
def m007_stories(db: Database) -> None:
    # Near-duplicate articles share a story id (the key of the story's first article).
    db["articles"].add_column("story", int)
    db["articles"].add_column("sketch", bytes)
    db.execute("update articles set story = key")
    db["articles"].create_index(["story"])
    db.execute(
        "create table story_keys (hash integer not null, article_key integer not null,"
        " primary key (hash, article_key)) without rowid"
    )
    # What each digest destination was sent, so the next digest skips it.
    db["digest_sent"].create(
        {"platform": str, "scope": str, "channel": str, "day": str, "article_id": str, "sent": int},
        pk=("platform", "scope", "channel", "day", "article_id"),
    )


@migrations()
def m008_watches(db: Database) -> None:
    # A channel's watches; `cursor` is the newest `articles.seq` each has looked at.
    db["watches"].create(
        {
            "platform": str,
            "scope": str,
            "channel": str,
            "kind": str,  # topic | person
            "term_key": str,  # normalised term: one watch per kind and term per channel
            "term": str,  # as typed
            "created": str,
            "cursor": int,
        },
        pk=("platform", "scope", "channel", "kind", "term_key"),
    )
    # Per channel: the rate limit and the retry wait after a failed post.
    db["watch_channels"].create(
        {
            "platform": str,
            "scope": str,
            "channel": str,
            "last_posted": str,
            "failures": int,
            "attempted": str,
            "last_error": str,
        },
        pk=("platform", "scope", "channel"),
    )
    # One row per channel and item posted: the primary key is what makes an alert post once.
    db["watch_deliveries"].create(
        {"platform": str, "scope": str, "channel": str, "item": str, "delivered": str},
        pk=("platform", "scope", "channel", "item"),
    )


def _fts_without_sizes(db: Database, table: str, columns: tuple[str, ...], rowid: str) -> None:
    """Rebuild `table`_fts with columnsize=0: we order by time, never by bm25, so the
    per-row size records are pure write cost (about a quarter of ingest time)."""
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        db.execute(f"drop trigger if exists {table}_{suffix}")
    db.execute(f"drop table if exists {fts}")
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    db.execute(
        f"create virtual table {fts} using fts5({cols}, content='{table}',"
        f" content_rowid='{rowid}', tokenize='{TOKENIZE}', columnsize=0)"
    )
    db.execute(
        f"create trigger {table}_ai after insert on {table} begin"
        f" insert into {fts} (rowid, {cols}) values (new.{rowid}, {new}); end"
    )
    db.execute(
        f"create trigger {table}_ad after delete on {table} begin"
        f" insert into {fts} ({fts}, rowid, {cols}) values ('delete', old.{rowid}, {old}); end"
    )
    db.execute(
        f"create trigger {table}_au after update of {cols} on {table} begin"
        f" insert into {fts} ({fts}, rowid, {cols}) values ('delete', old.{rowid}, {old});"
        f" insert into {fts} (rowid, {cols}) values (new.{rowid}, {new}); end"
    )
    db.execute(f"insert into {fts} ({fts}) values ('rebuild')")


@migrations()
def m009_fts_without_sizes(db: Database) -> None:
    _fts_without_sizes(db, "articles", ("title", "text", "tags"), "key")
    _fts_without_sizes(db, "quotes", ("text", "context", "speaker"), "key")


@migrations()
def m010_fts_rows_written_per_batch(db: Database) -> None:
    # SQLite before 3.45 flushes FTS5's pending terms at every trigger's savepoint, so an
    # insert trigger wrote one tiny segment per row and merged them again: about two thirds
    # of ingest time. The store now writes each batch's FTS rows itself, in rowid order.
    # Delete and update triggers stay: they are rare and keep the index exact.
    db.execute("drop trigger if exists articles_ai")
    db.execute("drop trigger if exists quotes_ai")


@migrations()
def m011_quote_index_without_quote_column(db: Database) -> None:
    # A quote's context always holds the quote itself and no query names a column, so
    # indexing `text` as well only wrote every quoted word twice.
    _fts_without_sizes(db, "quotes", ("context", "speaker"), "key")
    db.execute("drop trigger if exists quotes_ai")  # the store writes these rows (m010)


@migrations()
def m012_role_indexes(db: Database) -> None:
    # "who is X" reads the newest mentions and quotes that carry a role; without these, an
    # entity named often but rarely with a role (a network, a building) walks every row it has.
    db.execute(
        "create index if not exists idx_mentions_roles on mentions (entity_id, article_key, role)"
        " where role is not null"
    )
    db.execute(
        "create index if not exists idx_quotes_roles on quotes (speaker_id, key, role)"
        " where role is not null"
    )


@migrations()
def m013_indexes_written_in_time_order(db: Database) -> None:
    # At a million articles every index keyed by something other than time takes one random
    # page write per row: mentions keyed (entity_id, article_key) cost twelve pages per
    # article. Keyed by article first, an article's mentions share a page; "who is X" keeps
    # its partial (entity_id, ...) index of the mentions that carry a role. A quote's key
    # already starts with its article's, so quotes need no article index at all.
    db.execute(
        "create table mentions_by_article (article_key integer not null,"
        " entity_id integer not null, role text, primary key (article_key, entity_id))"
        " without rowid"
    )
    db.execute(
        "insert into mentions_by_article select article_key, entity_id, role from mentions"
        " order by article_key, entity_id"
    )
    db.execute("drop table mentions")
    db.execute("alter table mentions_by_article rename to mentions")
    db.execute(
        "create index idx_mentions_roles on mentions (entity_id, article_key, role)"
        " where role is not null"
    )
    db.execute("drop index if exists idx_quotes_article_key")


# FTS5 keeps a batch's new terms in memory and, past `hashsize` (1 MB by default), writes
# them out as a segment, then merges segments in fours. A bulk batch of 2,000 articles made
# a handful of small segments, and at a million articles merging them again was the
# writer's largest cost. Held to one segment per batch and merged in eights, each posting
# is rewritten about a third less often; queries still meet only a few segments per level.
FTS_HASHSIZE = 64 * 1024 * 1024
FTS_AUTOMERGE = 8


@migrations()
def m014_fts_fewer_merges(db: Database) -> None:
    for fts in ("articles_fts", "quotes_fts"):
        for option, value in (("hashsize", FTS_HASHSIZE), ("automerge", FTS_AUTOMERGE)):
            db.execute(f"insert into {fts} ({fts}, rank) values (?, ?)", [option, value])
