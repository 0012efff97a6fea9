"""The store on real SQLite files: idempotent writes, time-ordered reads, clear failures."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from bot.contract import Period, QuoteKind
from bot.errors import NewsbotError
from bot.models import Article, Entity, Extraction, Quote
from bot.schema import migrations
from bot.store import Store

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def article(n: int, text: str | None = None, day: int = 1, url: str | None = None) -> Article:
    return Article(
        id=f"a{n}",
        title=f"Story {n}",
        text=text or f"Body of story {n} about China and trade.",
        url=url or f"https://news.example/{n}",
        outlet="The Hill" if n % 2 else "Reuters",
        published=datetime(2022, 3, day, 12, tzinfo=UTC),
    )


def quoted(text: str, speaker: str, role: str | None = None) -> Extraction:
    start = text.index("“") + 1
    end = text.index("”")
    return Extraction(
        quotes=(Quote(start, end, text[start:end], speaker, role, "said", QuoteKind.DIRECT),),
        entities=(Entity(speaker, "person", (speaker.split()[-1],), (role,) if role else ()),),
    )


@pytest.fixture
def store(tmp_path) -> Store:
    return Store.open(tmp_path / "store.db")


def test_same_url_or_same_content_is_stored_once(store):
    first = article(1)
    assert ["added"] == store.save_articles([(first, Extraction())], NOW)
    assert ["duplicate"] == store.save_articles([(first, Extraction())], NOW)
    moved = Article("other-id", first.title, first.text, "https://elsewhere.example/x")
    assert ["duplicate"] == store.save_articles([(moved, Extraction())], NOW)
    tracked = Article("a1-again", "Story 1", first.text + " More.", first.url + "/?utm_source=x")
    assert ["updated"] == store.save_articles([(tracked, Extraction())], NOW)
    assert 1 == store.stats().articles


def test_changed_text_replaces_the_old_version_and_its_quotes(store):
    text = "Psaki said “the old words” on Thursday."
    store.save_articles([(article(1, text), quoted(text, "Jen Psaki"))], NOW)
    new_text = "Psaki said “the new words” on Friday."
    assert ["updated"] == store.save_articles(
        [(article(1, new_text), quoted(new_text, "Jen Psaki"))], NOW
    )
    assert ["the new words"] == [q.text for q in store.quotes(None, None, None, None, 10)]


def test_latest_is_newest_first_and_filters_by_period_and_outlet(store):
    store.save_articles([(article(n, day=n), Extraction()) for n in range(1, 8)], NOW)
    assert ["a7", "a6", "a5"] == [a.id for a in store.latest('"china"', None, None, 3)]
    window = Period(datetime(2022, 3, 3, tzinfo=UTC), datetime(2022, 3, 5, tzinfo=UTC), "w")
    assert ["a4", "a3"] == [a.id for a in store.latest('"china"', window, None, 10)]
    assert ["a7", "a5", "a3", "a1"] == [a.id for a in store.latest(None, None, "the hill", 10)]
    assert ["a5", "a4"] == [a.id for a in store.latest(None, None, None, 2, offset=2)]


def test_people_resolve_by_surname_and_keep_roles_with_dates(store):
    text = "Secretary of State Antony Blinken said “China has a responsibility.”"
    store.save_articles(
        [(article(1, text), quoted(text, "Antony Blinken", "Secretary of State"))], NOW
    )
    (found,) = store.people("Blinken")
    assert "Antony Blinken" == found.name
    assert 1 == found.quotes
    person = store.person(found.id)
    assert [("Secretary of State", datetime(2022, 3, 1, 12, tzinfo=UTC))] == list(person.roles)
    assert (1, 1) == (person.quotes, person.articles)
    assert ("Antony Blinken",) == store.complete("speaker", "bli", 25)


def test_hostile_match_text_never_reaches_sqlite_as_syntax(store):
    store.save_articles([(article(1), Extraction())], NOW)
    with pytest.raises(NewsbotError) as raised:
        store.latest('NEAR("', None, None, 5)
    assert "failed" in raised.value.message


def test_a_damaged_file_is_detected_with_guidance(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(NewsbotError) as raised:
        Store.open(path)
    assert "damaged" in raised.value.message
    assert "NEWSBOT_DB" == raised.value.setting


def test_a_missing_folder_is_a_clear_message(tmp_path):
    with pytest.raises(NewsbotError, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "x.db")


def test_a_read_only_store_is_a_clear_message(tmp_path):
    path = tmp_path / "ro.db"
    Store.open(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ro = Store(Database(conn), str(path))
    with pytest.raises(NewsbotError, match="read-only"):
        ro.save_articles([(article(1), Extraction())], NOW)


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "m.db"
    Store.open(path).close()
    store = Store.open(path)
    names = [r[0] for r in store.db.execute("select name from _sqlite_migrations")]
    assert ["m001_articles_quotes_entities", "m002_digests"] == names[:2]
    assert len(set(names)) == len(names)
    assert [] == migrations.pending(store.db)


def test_full_text_indexes_flush_a_batch_as_one_segment_and_merge_in_eights(store):
    for fts in ("articles_fts", "quotes_fts"):
        config = dict(store.db.execute(f"select k, v from {fts}_config"))
        assert {"automerge": 8, "hashsize": 64 * 1024 * 1024, "version": 4} == config


def person_article(n: int, name: str, aliases: tuple[str, ...]) -> tuple[Article, Extraction]:
    text = f"{name} said “we will keep going” on day {n}."
    start = text.index("“") + 1
    quote = Quote(start, text.index("”"), "we will keep going", name, None, "said")
    return article(n, text), Extraction((quote,), (Entity(name, "person", aliases),))


def test_a_bare_surname_joins_the_full_name_other_articles_use(store):
    store.save_articles([person_article(1, "Joe Biden", ("Biden", "President Biden"))], NOW)
    store.save_articles([person_article(2, "Biden", ())], NOW)
    (biden,) = store.people("Biden")
    assert ("Joe Biden", 2, 2) == (biden.name, biden.quotes, biden.articles)
    assert [biden.id] == [p.id for p in store.people("President Biden")]


def test_bill_and_hillary_clinton_stay_apart_and_a_bare_clinton_is_not_guessed(store):
    store.save_articles([person_article(1, "Hillary Clinton", ("Clinton",))], NOW)
    store.save_articles([person_article(2, "Bill Clinton", ("Clinton",))], NOW)
    store.save_articles([person_article(3, "Clinton", ())], NOW)
    names = sorted(p.name for p in store.people("Clinton"))
    assert ["Bill Clinton", "Clinton", "Hillary Clinton"] == names


def test_the_full_text_index_matches_the_rows_after_out_of_order_batches_and_updates(tmp_path):
    store = Store.open(tmp_path / "store.db")
    late, early = "Psaki said “tariffs on steel” today.", "Blinken said “sanctions bite” then."
    revised = "Psaki said “tariffs on aluminium” today."
    batch = [
        (article(1, late, day=9), quoted(late, "Jen Psaki")),
        (article(2, early, day=2), quoted(early, "Antony Blinken")),
        (article(1, revised, day=9), quoted(revised, "Jen Psaki")),  # updated in its own batch
    ]
    assert ["added", "added", "updated"] == store.save_articles(batch, NOW)
    store.close()
    db = sqlite3.connect(tmp_path / "store.db")
    for table in ("articles_fts", "quotes_fts"):  # rank 1: also compare with the rows; raises
        db.execute(f"insert into {table} ({table}, rank) values ('integrity-check', 1)")
    db.close()
    store = Store.open(tmp_path / "store.db")
    found = store.quotes("aluminium", None, None, None, 5)
    assert ["tariffs on aluminium"] == [q.text for q in found]
    assert [] == store.quotes("steel", None, None, None, 5)
    assert ["Story 2"] == [a.title for a in store.latest("sanctions", None, None, 5)]
