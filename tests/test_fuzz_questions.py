"""Fuzz: hostile questions end to end (parser, FTS builder, store) over a real seeded store.

Unit fuzzing of `intents.parse` and `bot.fts` lives beside their tests; here every case goes
through `NewsBot.ask`, so a phrase that slips past the parser reaches SQLite as it would in
the chat. The answer is an `Answer` or a clear `NewsbotError`, never a traceback or raw SQL.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.contract import Answer, Intent
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.fts import all_words, match_expression
from bot.store import Store
from tests.conftest import SEEDS
from tests.hypothesis_profiles import MARKS, fuzz, fuzz_report, tried

__all__ = ["fuzz_report"]
pytestmark = MARKS

NOW = datetime(2022, 3, 18, 12, tzinfo=UTC)
ONE_MB = 1_000_000

FTS_SQL = [
    'NEAR("a" "b", 2)', "NEAR(", '"', '""', "*", "China*", "OR", "AND", "NOT", "-", "^", ":",
    "{title}:China", "title:China", "(", ")", "+", "'; DROP TABLE articles; --", "1=1 --",
    "%", "_", "\\", "' OR ''='", "\x00", "rowid", "MATCH", "articles_fts",
]  # fmt: skip
UNICODE = [
    "\u202eevil\u202c", "\u200f", "مرحبا، من قال ماذا عن الصين؟", "שלום", "\u200b", "\u200c",
    "\u200d", "\ufeff", "\u2060", "e\u0301", "\u0301\u0301\u0301", "Z\u0338\u0322a\u0334l",
    "\ud800", "\udfff", "🇺🇦", "👩\u200d👩\u200d👧", "\x1b[31m", "\x07", "\r\n", "\t", "İ", "ß",
    "ﬁ", "Ⅻ", "\U000e0041", "\ue000",
]  # fmt: skip
WORDS = [
    "who said what about", "what did", "say about", "latest on", "who is", "quotes on",
    "news about", "search", "digest", "China", "Blinken", "Psaki", "Ukraine", "Jake Sullivan",
    "since Monday", "this week", "in March 2022", "today", "from The Hill", "page 2",
    "page 999999", "/help", "/who", "/quotes", "?",
]  # fmt: skip
ANY_CHAR = st.characters(exclude_categories=())  # controls and lone surrogates included
PIECE = st.one_of(
    st.sampled_from(FTS_SQL), st.sampled_from(UNICODE), st.sampled_from(WORDS),
    st.text(alphabet=ANY_CHAR, max_size=12),
)  # fmt: skip
QUESTIONS = st.tuples(st.lists(PIECE, max_size=24), st.sampled_from([" ", "", "  "])).map(
    lambda parts: parts[1].join(parts[0])
)
RAW_ERROR = re.compile(r"sqlite|fts5|syntax error|no such (column|table)|Traceback", re.I)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewsBot]:
    store = Store.open(tmp_path_factory.mktemp("fuzzq") / "q.db")
    newsbot = NewsBot(store, lambda: NOW, seeds=SEEDS)
    newsbot.ask("help")  # loads the seed article once
    yield newsbot
    store.close()


def strings(answer: Answer) -> list[str]:
    found = [answer.title, answer.summary, *answer.notes, *answer.suggestions]
    for item in answer.items:
        found += [item.text, item.speaker or "", item.role or "", *item.extra]
    return found


def raw_errors(text: str, question: str) -> set[str]:
    """Words of a raw SQL/FTS error in `text` that the question itself did not bring."""
    asked = {m.group(0).casefold() for m in RAW_ERROR.finditer(question)}
    return {m.group(0).casefold() for m in RAW_ERROR.finditer(text)} - asked


def check(bot: NewsBot, question: str) -> Answer | None:
    """Ask; an Answer must be well formed, an error must be a clear message."""
    try:
        answer = bot.ask(question)
    except NewsbotError as error:
        assert set() == raw_errors(error.message, question), error.message
        return None
    assert isinstance(answer.intent, Intent)
    assert 1 <= answer.page <= answer.pages
    for text in strings(answer):
        assert "\x00" not in text
        assert set() == raw_errors(text, question), text
        text.encode("utf-8")  # no lone surrogate can reach an adapter (raises if one did)
    assert len(answer.title) <= 1_000  # a question's echo is bounded however long it was
    return answer


@fuzz(300)
@given(QUESTIONS)
def test_fuzz_any_question_gets_an_answer_or_a_clear_message(bot: NewsBot, question: str) -> None:
    tried("question")
    check(bot, question)


@fuzz(200)
@given(st.lists(st.one_of(PIECE, st.sampled_from(WORDS)), max_size=8))
def test_fuzz_fts_expressions_run_on_the_real_store(bot: NewsBot, phrases: list[str]) -> None:
    """Whatever the builder makes of hostile phrases, the store's FTS5 accepts it."""
    tried("fts")
    for expression in (match_expression(phrases), all_words(" ".join(phrases))):
        if expression is None:
            continue
        bot.store.latest(expression, None, None, 5)
        bot.store.quotes(expression, None, None, None, 5)


def test_a_question_naming_sql_words_is_not_mistaken_for_a_leak(bot: NewsBot) -> None:
    """Found by the long run: "FTS5" is echoed back as the topic, which is fine."""
    tried("question")
    answer = check(bot, "FTS5")
    assert answer is not None and "FTS5" in answer.title


@pytest.mark.parametrize(
    "question",
    [
        "x" * ONE_MB,
        "who said what about " + "China " * (ONE_MB // 6),
        "\u200b" * ONE_MB,
        "e" + "\u0301" * ONE_MB,
        "\u202e" + "عن الصين " * (ONE_MB // 9 + 1),
        '"NEAR(' * (ONE_MB // 6 + 1),
        "\ud800" * ONE_MB,
    ],
    ids=["letters", "repeated-topic", "zero-width", "combining", "rtl", "fts-syntax", "surrogates"],
)
def test_a_one_megabyte_question_is_answered_and_bounded(bot: NewsBot, question: str) -> None:
    tried("one_mb")
    assert len(question) >= ONE_MB
    check(bot, question)


def test_the_store_is_intact_after_hostile_questions(bot: NewsBot) -> None:
    """Runs last in this module: no question changed or damaged anything."""
    answer = bot.ask("who said what about China")
    assert "Jen Psaki" in {item.speaker for item in answer.items}
    conn = bot.store.db.conn
    assert ("ok",) == conn.execute("pragma integrity_check").fetchone()
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"articles", "quotes", "entities"} <= tables
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("select * from no_such_table_made_by_a_question")
