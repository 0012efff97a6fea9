"""Hostile articles: one sentence of thousands of quotes, cues without end. Extraction gives
sane results on them (their cost, which must grow with the text and no faster, is measured
by benchmarks/bench_hostile_extract.py)."""

from __future__ import annotations

from bot.extract import extract


def fill(unit: str, size: int = 20_000) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def test_a_sentence_of_thousands_of_quoted_words_holds_no_speech() -> None:
    assert () == extract(fill("“ab” ")).quotes


def test_thousands_of_attributed_quotes_in_one_run_are_each_kept() -> None:
    text = "“We will win,” Ana Ortiz said. " * 600
    quotes = extract(text).quotes
    assert 600 == len(quotes)
    assert {"Ana Ortiz"} == {q.speaker for q in quotes}


def test_cues_and_names_without_a_sentence_end_are_not_speech() -> None:
    for unit in ("said ", "Mr. Ab Cd said ", "he said that ", "according to Ab, ", "AB: "):
        assert [] == [q for q in extract(fill(unit)).quotes if q.kind.value == "direct"], unit
