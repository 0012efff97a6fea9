"""Matching in Python agrees with FTS5 (real SQLite tables), and the fast read paths give the
same quotes as the FTS5 ones: lean topic expressions, and a rare speaker's quotes read one by one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import fts, fts_rows
from bot.models import Article, Entity, Extraction, Quote
from bot.schema import TOKENIZE
from bot.store import Store, speaker_scan

COLUMNS = ("text", "context", "speaker")


@pytest.fixture(scope="module")
def table() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(
        f"create virtual table t using fts5(text, context, speaker, tokenize='{TOKENIZE}')"
    )
    yield conn
    conn.close()


def fts_says(conn: sqlite3.Connection, expression: str, row: tuple[str, ...]) -> bool:
    conn.execute("delete from t")
    conn.execute("insert into t (rowid, text, context, speaker) values (1, ?, ?, ?)", row)
    return conn.execute("select count(*) from t where t match ?", [expression]).fetchone()[0] == 1


def test_every_separator_separates_for_sqlite(table: sqlite3.Connection) -> None:
    table.execute("delete from t")
    table.executemany(
        "insert into t (rowid, text) values (?, ?)",
        [(ord(c), f"qa{c}qb") for c in fts_rows.SEPARATORS],
    )
    found = table.execute("""select count(*) from t where t match '"qa qb"'""").fetchone()[0]
    assert len(fts_rows.SEPARATORS) == found


def test_every_fold_and_mark_folds_for_sqlite(table: sqlite3.Connection) -> None:
    table.execute("delete from t")
    rows = [(c, f"zq{chr(c)}qz", f'"zq{base}qz"') for c, base in fts_rows.FOLDS.items()]
    rows += [(0x10000 + m, f"zq{chr(m)}qz", '"zqqz"') for m in fts_rows.MARKS]
    table.executemany("insert into t (rowid, text) values (?, ?)", [r[:2] for r in rows])
    missed = [
        hex(rowid)
        for rowid, _, phrase in rows
        if table.execute(
            "select rowid from t where t match ? and rowid = ?", [phrase, rowid]
        ).fetchone()
        is None
    ]
    assert [] == missed


def test_long_aliases_holding_a_shorter_one_are_dropped() -> None:
    phrases = ["china", "people's republic of china", "mainland china", "chinese", "Beijing"]
    assert '"china" OR "chinese" OR "Beijing"' == fts.match_any(phrases)
    assert '"north korea" OR "dprk"' == fts.match_any(["north korea", "dprk", "north korea’s"])
    assert '"Walsh"' == fts.match_any(["Boston’s Walsh", "Walsh"])
    # Tokens, not characters: "korean" does not hold "korea"; unsure text is kept as it is.
    assert '"korea" OR "korean"' == fts.match_any(["korea", "korean"])
    assert '"Zürich"' == fts.match_any(["Zürich", "zurich airport"])
    assert '"Søren" OR "Søren Kierkegaard"' == fts.match_any(["Søren", "Søren Kierkegaard"])


def test_row_test_reads_our_own_expressions_only() -> None:
    both = fts.both('"north korea" OR "dprk"', "speaker", ["Tiger Woods", "Woods"])
    test = fts_rows.row_test(both, COLUMNS)
    assert test is not None
    assert True is test(("North  Korea’s leader", None, "Tiger Woods"))
    assert False is test(("North Koreans", "", "Woods"))
    assert False is test(("north korea", "", "Woodsy"))
    assert True is test(("Pyöngyang and the DPRK", "", "Mr. Woods"))
    assert None is test(("Søren said DPRK", "", "Woods"))
    assert None is fts_rows.row_test('"a" OR "b" AND "c"', COLUMNS)  # precedence: not ours
    assert None is fts_rows.row_test('"a" NOT "b"', COLUMNS)
    assert None is fts_rows.row_test('{nowhere} : "a"', COLUMNS)


WORDS = ["north", "korea", "korean", "DPRK", "Pyöngyang", "s", "of", "Woods", "we", "’ve"]
# Separators, letters that fold, marks that vanish or stay, and characters newer than SQLite.
ODD = ["—", "’", '"', "-", "é", "e\u0301", "\u0301", "\u0305", "Ø", "ǡ", "ǖ", "\u00ad", "\u20bf"]
PIECES = st.sampled_from([*WORDS, " ", " ", *ODD])
TEXT = st.lists(PIECES, max_size=12).map("".join)
PHRASE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(PHRASE, min_size=1, max_size=4),
    st.lists(PHRASE, max_size=3),
    st.tuples(TEXT, TEXT, TEXT),
)
def test_python_and_fts5_agree(
    table: sqlite3.Connection, topic: list[str], speakers: list[str], row: tuple[str, ...]
) -> None:
    full = fts.match_expression(topic)
    lean = fts.match_any(topic)
    assert full is not None and lean is not None
    assert fts_says(table, full, row) == fts_says(table, lean, row)
    expression = fts.both(lean, "speaker", speakers)
    says = fts_says(table, expression, row)
    test = fts_rows.row_test(expression, COLUMNS)
    verdict = test(row) if test is not None else None
    if verdict is not None:
        assert says == verdict
    loose = fts_rows.loosen(expression)
    if loose is not None and says:
        assert True is fts_says(table, loose, row)  # a superset: it never loses a row


def test_loosening_keeps_one_word_of_each_long_phrase() -> None:
    north = fts.match_any(["north korea", "democratic people's republic of korea", "dprk"])
    assert '"korea" OR "dprk"' == fts_rows.loosen(north or "")
    assert '("health") AND {speaker} : ("kerry")' == fts_rows.loosen(
        fts.both('"health care"', "speaker", ["John Kerry"])
    )
    assert None is fts_rows.loosen('"china" OR "chinese"')


NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "store.db")
    lines = [
        ("Her", "Mexico and her plans, she said, are fine.", "“Mexico is fine,” Her said."),
        ("Her", "Nothing on it.", "“We’ve no news,” Her said."),
        ("Her", "The Pyöngyang talks.", "“North Korea talks,” Her said."),
        ("Ann Her", "In Mexico City today.", "“It is sunny,” Ann Her said."),
        ("Bob Lee", "Mexico again.", "“Mexico,” Bob Lee said."),
    ]
    batch = []
    for n, (speaker, context, text) in enumerate(lines):
        body = f"{context} {text}"
        start, end = body.index("“") + 1, body.index("”")
        quote = Quote(start, end, body[start:end], speaker, None, "said")
        batch.append(
            (
                Article(
                    f"a{n}", f"Story {n}", body, None, "Wire", datetime(2026, 3, n + 1, tzinfo=UTC)
                ),
                Extraction((quote,), (Entity(speaker, "person"),)),
            )
        )
    store.save_articles(batch, NOW)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("expected", "topic"),
    [
        (["Mexico is fine,"], ["mexico"]),
        (["North Korea talks,"], ["north korea", "pyongyang"]),
        (["We’ve no news,", "Mexico is fine,"], ["fine", "news"]),
        (["Mexico is fine,"], ["mexico city", "is fine"]),
    ],
)
def test_reading_a_rare_speaker_one_by_one_gives_what_fts5_gives(
    store: Store, expected: list[str], topic: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    people = store.people("Her")
    ids = [p.id for p in people]
    match = fts.both(fts.match_any(topic) or "", "speaker", [p.name for p in people])
    assert expected == [q.text for q in store.quotes(match, ids, None, None, 10)]
    # Every speaker "too many quotes": FTS5 finds candidates (long phrases cut to one word).
    monkeypatch.setattr(speaker_scan, "SCAN_MAX", -1)
    assert expected == [q.text for q in store.quotes(match, ids, None, None, 10)]
    # And FTS5 alone, with the expression as written, agrees.
    marks = ",".join("?" * len(ids))
    rows = store.db.execute(
        "select q.text from quotes_fts f join quotes q on q.key = f.rowid where quotes_fts"
        f" match ? and q.speaker_id in ({marks}) order by f.rowid desc",
        [match, *ids],
    )
    assert expected == [r[0] for r in rows]
