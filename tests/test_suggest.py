""" "Did you mean": close spellings of names and topics, nothing for unrelated words."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.suggest import did_you_mean

VOCABULARY = (
    "Antony Blinken",
    "Jake Sullivan",
    "Joe Biden",
    "Hunter Biden",
    "Jen Psaki",
    "Vladimir Putin",
    "Volodymyr Zelenskyy",
    "Ukraine",
    "Russia",
    "Iraq",
    "China",
)


@pytest.mark.parametrize(
    ("expected", "word"),
    [
        (("Antony Blinken",), "Blinkin"),
        (("Ukraine",), "Ukrane"),
        (("Ukraine",), "ukriane"),
        (("Jake Sullivan",), "Sulivan"),
        (("Jake Sullivan",), "jake sulivan"),
        (("Vladimir Putin",), "Putn"),
        (("Volodymyr Zelenskyy",), "Zelensky"),
        (("Jen Psaki",), "Psacki"),
        (("Joe Biden", "Hunter Biden"), "Bidem"),  # equal scores: shorter first
        (("Joe Biden",), "joe bidem"),
        (("Antony Blinken",), "blinken"),  # a surname suggests the full name
    ],
)
def test_close_spellings(expected: tuple[str, ...], word: str) -> None:
    assert expected == did_you_mean(word, VOCABULARY)


@pytest.mark.parametrize(
    "word", ["pizza", "Iran", "weather", "xyz", "", "  ", "?!", "a", "Ukraine"]
)
def test_nothing_for_unrelated_short_or_exact_words(word: str) -> None:
    assert () == did_you_mean(word, VOCABULARY)


def test_limit() -> None:
    names = ("Ann Smith", "Anne Smith", "Anna Smith", "Annie Smith", "Ana Smith")
    assert 2 == len(did_you_mean("Smyth", names, limit=2))
    assert () == did_you_mean("Smyth", names, limit=0)


def test_duplicates_and_junk_in_the_vocabulary() -> None:
    vocabulary = ["Ukraine", "Ukraine", "", "   ", None, 42]
    assert ("Ukraine",) == did_you_mean("Ukrane", vocabulary)  # type: ignore[arg-type]


def test_a_generator_vocabulary_is_fine() -> None:
    assert ("Russia",) == did_you_mean("Rusia", (name for name in VOCABULARY))


def test_fifty_thousand_names() -> None:
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 9))).title()

    names = [f"{word()} {word()}" for _ in range(50_000)] + list(VOCABULARY)
    assert "Antony Blinken" == did_you_mean("Blinkin", names)[0]


@given(st.text(max_size=200), st.lists(st.text(max_size=30), max_size=20))
def test_any_input_never_raises(word: str, vocabulary: list[str]) -> None:
    found = did_you_mean(word, vocabulary)
    assert len(found) <= 3
    assert set(found) <= set(vocabulary)
