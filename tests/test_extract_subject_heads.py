"""Who a source is: the head of its phrase, and the person its name and title point to."""

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
            "A lawyer representing the family of Tom Reyes",
            "A lawyer representing the family of Tom Reyes said, “We will appeal.”",
        ),
        (
            "One official familiar with the talks",
            "One official familiar with the talks told reporters, “It is over.”",
        ),
        (
            "A woman speaking at the rally in Dayton",
            "A woman speaking at the rally in Dayton said, “I am tired of waiting.”",
        ),
        (
            "A spokesman for the Harbor Authority",
            "A spokesman for the Harbor Authority said, “The port stays open.”",
        ),
        (
            "Another official speaking on condition of anonymity",
            "Another official speaking on condition of anonymity said, “There is no deal.”",
        ),
        (
            "The senator from Oregon",
            "The senator from Oregon later said, “We need the votes.”",
        ),
    ],
)
def test_a_modifier_after_the_head_does_not_become_the_speaker(expected: str, text: str) -> None:
    assert [expected] == speakers(text)


def test_a_title_with_of_still_names_the_person() -> None:
    assert ["Antony Blinken"] == speakers("Secretary of State Antony Blinken said, “Yes.”")


def test_a_clause_after_the_head_keeps_the_old_reading() -> None:
    text = "The council voted 6-1 for the resolution, which said the city “condemns hate.”"
    assert "The council voted" not in (speakers(text)[0] or "")


def test_a_number_opening_a_time_phrase_is_not_a_name() -> None:
    text = (
        "Ray Dunmore spoke to the crowd in Macon.\n\n"
        "Eight years ago, he backed the governor and said, “Never again.”"
    )
    assert ["Ray Dunmore"] == speakers(text)


def test_a_title_of_the_other_gender_names_someone_else_with_that_surname() -> None:
    text = (
        "President Okafor is campaigning for his party. Maria Okafor will speak on Friday.\n\n"
        "“It is about all of us,” Mr. Okafor said on Saturday.\n\n"
        "“We are ready,” Maria Okafor said."
    )
    assert ["Okafor", "Maria Okafor"] == speakers(text)


def test_a_bare_surname_that_is_also_a_first_name_keeps_its_person() -> None:
    text = (
        "Senator Elizabeth Warren questioned the bank's chief.\n\n“You should resign,” Warren said."
    )
    assert ["Elizabeth Warren"] == speakers(text)


def test_a_possessive_opening_the_clause_makes_a_described_speaker() -> None:
    text = (
        "Ray Dunmore spoke to the crowd in Macon.\n\n“We live in hard times,” my father often said."
    )
    assert ["my father"] == speakers(text)


def test_a_possessive_after_a_verb_is_the_object_not_the_speaker() -> None:
    text = "Nina Falk started out their ninth debate saying “of course” she would win."
    assert ["Nina Falk"] == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("New York Times", "“It is dead,” the New York Times said."),
        ("New York Post", "The New York Post reports that aides wanted to “keep it quiet.”"),
        ("CBS News", "According to CBS News, the bill was “never going to pass.”"),
    ],
)
def test_an_outlet_opening_with_a_common_word_keeps_its_whole_name(
    expected: str, text: str
) -> None:
    assert [expected] == speakers(text)


def test_a_fact_checker_ruling_is_a_cue() -> None:
    text = "Politifact then ruled that the senator's statement is “mostly true,” in a review."
    assert ["Politifact"] == speakers(text)


def test_reports_after_of_is_a_noun_not_a_cue() -> None:
    text = "Within an hour of initial reports of the fire, the city opened a “safe room.”"
    assert [None] == [q.cue for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (
            "Ray Dunmore",
            "When Nina Falk noted that he had paid no tax ― as was true for years ― Ray Dunmore "
            "boasted, “That makes me smart.”",
        ),
        (
            "Ray Dunmore",
            "So when the firm signaled that it would sell the mine to Nina Falk, Ray Dunmore "
            "said, “We were floored.”",
        ),
    ],
)
def test_after_a_subordinate_clause_the_main_clause_speaks(expected: str, text: str) -> None:
    assert [expected] == speakers(text)


def test_a_cue_word_after_an_article_and_an_adjective_is_a_noun() -> None:
    text = (
        "Ray Dunmore spoke for an hour. And although he thanked the crowd, he sounded a rare "
        "note of doubt, saying, “I am not sure I deserve it.”"
    )
    assert ["Ray Dunmore"] == speakers(text)


def test_lower_case_short_words_are_no_title_of_a_work() -> None:
    text = "Ray Dunmore tweeted that the rival was “disgusting” and “a con” on Monday."
    assert ["disgusting", "a con"] == [
        q.text for q in extract(text).quotes if q.kind is QuoteKind.DIRECT
    ]


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (
            ["Ray Dunmore"],
            "The fact-checkers seized on Ray Dunmore’s claim that there were “thousands of "
            "jobs” lost in the county.",
        ),
        (["Nina Falk"], "Asked about the merger, Nina Falk’s reply was “never.”"),
    ],
)
def test_the_owner_of_a_claim_speaks_its_quote(expected: list[str], text: str) -> None:
    assert expected == speakers(text)


def test_someone_playing_down_anothers_comments_is_not_quoting_them() -> None:
    text = "Nina Falk, the mayor, played down Ray Dunmore’s comments as “just politics.”"
    assert "Ray Dunmore" not in speakers(text)


def test_a_that_clause_after_a_cue_is_no_inverted_subject() -> None:
    text = (
        "City Attorney Brad Holm said in the letter that the advertisement “wrongfully” "
        "suggests that Phoenix and its officers support the candidate."
    )
    assert ["Brad Holm"] == speakers(text)


def test_a_cue_word_after_an_article_and_a_name_is_a_noun() -> None:
    text = "Nina Falk is describing as “unhinged” a Ray Dunmore tweet about the mayor."
    assert ["Nina Falk"] == speakers(text)


def test_an_introduction_may_run_over_a_comma_between_its_modifiers() -> None:
    text = (
        "Following a swiftly called, late-afternoon meeting, the council issued a statement "
        "calling the launch “a clear threat to peace.”"
    )
    assert ["the council"] == speakers(text)


def test_initials_run_together_stay_in_the_name() -> None:
    text = "“This is a sad day,” said Rep. G.K. Butterworth, head of the caucus."
    assert ["G.K. Butterworth"] == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        ("Ray Dunmore", "Ray Dunmore, a local teacher, later said, “No.”"),
        (
            "Norah Dunne",
            "Co-anchor Norah Dunne, who was off-screen, then loudly asked, “Really?”",
        ),
    ],
)
def test_an_adverb_alone_between_an_apposition_and_the_cue_leaves_the_name(
    expected: str, text: str
) -> None:
    assert [expected] == speakers(text)
