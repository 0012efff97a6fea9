"""Whose words a cue introduces: the head of the subject's phrase, the clause that speaks,
and the cue words that are nouns or other verbs. Every sentence here is invented."""

from __future__ import annotations

import pytest

from bot.contract import QuoteKind
from bot.extract import extract


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (
            "An attorney representing the estate of Lena Voss",
            "An attorney representing the estate of Lena Voss said, “We will appeal.”",
        ),
        (
            "One engineer familiar with the design",
            "One engineer familiar with the design told the panel, “It was rushed.”",
        ),
        (
            "A farmer speaking at the fair in Ames",
            "A farmer speaking at the fair in Ames said, “Prices keep falling.”",
        ),
        (
            "A spokeswoman for the Harbor Board",
            "A spokeswoman for the Harbor Board said, “The docks stay open.”",
        ),
        ("The head of the miners' union", "The head of the miners' union says the pit is “safe.”"),
        ("The senator from Utah", "The senator from Utah later said, “We lack the votes.”"),
    ],
)
def test_a_modifier_after_the_head_does_not_become_the_speaker(expected: str, text: str) -> None:
    assert [expected] == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (["Kofi Mensah"], "Transport Minister Kofi Mensah said, “Yes.”"),
        (["Kofi Mensah"], "Secretary of Transport Kofi Mensah said, “Yes.”"),
        # an article closing the phrase: the cue word was read as a noun's adjective before
        (["the accused"], "Ines Roth spoke first. A lawyer for the accused said, “We object.”"),
        # a subordinator or a verb and a name start a clause of their own
        (["Tom Reyes"], "The hall at the fair grew quiet as Tom Reyes said, “We will win.”"),
        (["Tom Reyes"], "The voters at the fair knew Tom Reyes wrote, “We will win.”"),
    ],
)
def test_a_phrase_that_is_a_title_or_a_clause_keeps_the_name(
    expected: list[str], text: str
) -> None:
    assert expected == speakers(text)


def test_a_number_opening_a_time_phrase_is_not_a_name() -> None:
    text = "Ines Roth spoke at the depot.\n\nSix years ago, she ran for mayor and said, “Never.”"
    assert ["Ines Roth"] == speakers(text)


def test_a_possessive_opening_the_clause_makes_a_described_speaker() -> None:
    text = "Ines Roth spoke at the depot.\n\n“Times are hard,” my aunt always said."
    assert ["my aunt"] == speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ines Roth opened her final debate saying “of course” she would win.",
        "Ines Roth and her husband said, “We are grateful.”",
    ],
)
def test_a_possessive_inside_the_clause_is_not_the_speaker(text: str) -> None:
    assert ["Ines Roth"] == speakers(text)


@pytest.mark.parametrize(
    "text",
    [
        "When Ines Roth argued that he owed the city money ― which he denied for years ― Tom "
        "Reyes joked, “Then I am rich.”",
        "But after the board agreed to lease the quarry to Ines Roth, Tom Reyes said, “We were "
        "stunned.”",
    ],
)
def test_after_a_subordinate_clause_the_main_clause_speaks(text: str) -> None:
    assert ["Tom Reyes"] == speakers(text)


def test_an_aside_closed_by_a_dash_is_not_the_main_clause() -> None:
    text = (
        "After Ines Roth said the clerk — Tom Reyes said he was innocent — had been “set up,” "
        "the council met."
    )
    assert ["Ines Roth"] == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (
            ["Tom Reyes"],
            "Tom Reyes spoke for an hour. Although he praised them, he struck a gloomy note, "
            "adding, “The worst is ahead.”",
        ),
        (["Ines Roth"], "Ines Roth is calling “reckless” a Tom Reyes tweet about the budget."),
        # a plural before the word makes it a verb again
        (["the auditors"], "Ines Roth spoke. But the auditors note that the fund is “empty.”"),
    ],
)
def test_a_cue_word_after_an_article_and_a_word_or_two_is_a_noun(
    expected: list[str], text: str
) -> None:
    assert expected == speakers(text)


def test_an_introduction_may_run_over_a_comma_between_its_modifiers() -> None:
    text = (
        "After a short, tense meeting, the board issued a statement calling the merger “a "
        "serious mistake.”"
    )
    assert ["the board"] == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("Tom Reyes", "Tom Reyes, a retired welder, later said, “No.”"),
        ("Lena Voss", "Co-host Lena Voss, who was off camera, then quietly asked, “Why?”"),
    ],
)
def test_an_adverb_alone_after_an_apposition_leaves_the_name(expected: str, text: str) -> None:
    assert [expected] == speakers(text)


def test_a_that_clause_after_a_cue_is_no_inverted_subject() -> None:
    text = (
        "Tom Reyes wrote in the memo that the survey “clearly” shows that Dayton and its "
        "suburbs need more buses."
    )
    assert ["Tom Reyes"] == speakers(text)


def test_someone_shown_speaking_in_footage_speaks() -> None:
    text = (
        "“Why did he not pay?” a narrator in the ad asks. The spot closes with footage of Tom "
        "Reyes saying during a debate, “That makes me smart.”"
    )
    assert ["a narrator in the ad", "Tom Reyes"] == speakers(text)
