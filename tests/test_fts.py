"""The FTS5 expression builder against a real in-memory FTS5 table: hostile input never raises."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.fts import all_words, match_expression, quote

TOKENIZE = "unicode61 remove_diacritics 2"  # the store's tokenizer (checked below)

DOCS = (
    "The People's Republic of China said on Monday it opposed the sanctions.",
    "Ukrainian officials in Kyiv said talks would resume.",
    "The U.S. Secretary of State spoke with reporters.",
    "Président Macron a parlé à la presse.",
    "NEAR the border, the OR team said NOT now: done*",
    "Zürich und Köln",
)


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute(f"CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='{TOKENIZE}')")
    conn.executemany("INSERT INTO docs(body) VALUES (?)", [(d,) for d in DOCS])
    yield conn
    conn.close()


def search(db: sqlite3.Connection, expression: str) -> list[int]:
    rows = db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid", (expression,))
    return [r[0] for r in rows]


def test_store_uses_the_same_tokenizer() -> None:
    schema = pytest.importorskip("bot.schema")
    assert TOKENIZE == schema.TOKENIZE


def test_phrases_are_quoted_and_joined_with_or() -> None:
    assert '"china" OR "people\'s republic of china"' == match_expression(
        ["china", "people's republic of china"]
    )


def test_internal_quotes_are_doubled() -> None:
    assert '"say ""hi"""' == quote('say "hi"')


def test_nothing_searchable_is_none() -> None:
    assert match_expression([]) is None
    assert match_expression(["", "   ", '"', "*", "(", ")", "-", ":", "^", "😀", "\x00"]) is None
    assert all_words("?! -- ") is None


def test_duplicates_differing_in_case_or_punctuation_are_dropped() -> None:
    assert '"China"' == match_expression(["China", "china", "CHINA!"])


@pytest.mark.parametrize(
    ("expected", "phrases"),
    [
        ([1], ["people's republic of china"]),
        ([1, 2], ["china", "kyiv"]),
        ([2], ["KYIV"]),
        ([3], ["u.s."]),
        ([3], ["U.S. Secretary"]),
        ([4], ["president macron"]),  # diacritics folded both ways
        ([6], ["zurich", "koln"]),
        ([5], ["NEAR"]),
        ([5], ["OR"]),
        ([5], ["NOT"]),
        ([5], ["done*"]),
        ([5], ["said NOT now"]),
        ([], ["republic china"]),  # a phrase is in order and adjacent
    ],
)
def test_expressions_find_the_right_rows(
    db: sqlite3.Connection, expected: list[int], phrases: list[str]
) -> None:
    expression = match_expression(phrases)
    assert expression is not None
    assert expected == search(db, expression)


def test_all_words_needs_every_word(db: sqlite3.Connection) -> None:
    assert [1] == search(db, all_words("China sanctions") or "")
    assert [] == search(db, all_words("China Kyiv") or "")
    assert '"Biden" AND "OR" AND "-NOT"' == all_words("Biden OR -NOT")


HOSTILE = [
    '"',
    '""',
    '"unterminated',
    "*",
    "china*",
    "NEAR(",
    "NEAR(a b, 3)",
    "OR",
    "AND",
    "NOT",
    "a OR b AND NOT c",
    "-",
    "-china",
    ":",
    "body:china",
    "^china",
    "(",
    ")",
    "((a)",
    "{body}: x",
    "😀",
    "🇺🇦 Ukraine",
    "x" * 10_000,
    "word " * 2_000,
    "a\x00b",
    "\x00",
    "\ud800",
    "bad \udfff surrogate",
    "\u200b\u200d\u2060",
    "مرحبا بالعالم",
    "\u202eevil",
    "tab\tnew\nline\r",
    "'; DROP TABLE docs; --",
    "e\u0301",
    "\u0301",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(db: sqlite3.Connection, text: str) -> None:
    for expression in (
        match_expression([text]),
        match_expression([text, "china"]),
        all_words(text),
    ):
        if expression is not None:
            search(db, expression)  # must not raise


def test_huge_input_is_bounded() -> None:
    expression = match_expression(["word " * 5_000] * 100 + [f"w{i}" for i in range(1_000)])
    assert expression is not None
    assert len(expression) < 10_000


def test_non_strings_are_skipped() -> None:
    assert '"ok"' == match_expression([None, 3, "ok"])  # type: ignore[list-item]


ANY_CHAR = st.characters(exclude_categories=())  # surrogates and controls included


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=ANY_CHAR, max_size=60), max_size=6))
def test_fuzz_match_never_raises(db: sqlite3.Connection, phrases: list[str]) -> None:
    for expression in (match_expression(phrases), all_words(" ".join(phrases))):
        if expression is not None:
            search(db, expression)


WORDY = st.text(
    alphabet=st.sampled_from(list("abcxyzABCéüß019 .,'-\"*:^()")), min_size=1, max_size=40
)


@settings(max_examples=200)
@given(WORDY)
def test_fuzz_a_phrase_finds_the_text_it_came_from(phrase: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(body, tokenize='{TOKENIZE}')")
    conn.execute("INSERT INTO t(body) VALUES (?)", (f"before {phrase} after",))
    expression = match_expression([phrase])
    if expression is not None:
        assert [(1,)] == conn.execute(
            "SELECT rowid FROM t WHERE t MATCH ?", (expression,)
        ).fetchall()
    conn.close()
