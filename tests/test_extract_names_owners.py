"""Who a name is (namesakes, initials, outlets, titles) and whose words a possessive or a
transcript turn owns. Every sentence here is invented."""

from __future__ import annotations

import pytest

from bot.contract import QuoteKind
from bot.extract import extract


def said(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker, role) of each direct quote."""
    return [(q.speaker, q.role) for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


def speakers(text: str) -> list[str | None]:
    return [s for s, _ in said(text)]


def test_an_honorific_of_the_other_gender_before_the_full_name_is_someone_else() -> None:
    # and the title written for one namesake is not the other's role
    text = (
        "Governor Haldane toured the flooded valley on Friday.\n\n"
        "“It is about all of us,” Mr. Haldane said on Saturday.\n\n"
        "His sister, Greta Haldane, runs the relief fund.\n\n"
        "“We are ready,” Greta Haldane said."
    )
    assert [("Haldane", "Governor"), ("Greta Haldane", None)] == said(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        # a first name whose gender we guess wrong: the honorific comes after the full name
        (
            ["Morgan Hale", "Morgan Hale"],
            "Morgan Hale runs the agency.\n\n“We are done,” Ms. Hale said.\n\n“Goodbye,” Hale "
            "said.",
        ),
        # a job title is no honorific: women chair boards too
        (
            ["Janet Rowe", "Janet Rowe"],
            "Janet Rowe led the meeting.\n\n“Rates stay,” Chairman Rowe said.\n\n“Yes,” Rowe said.",
        ),
        # two full names: each honorific goes to the one of its gender
        (
            ["Anna Varga", "Tom Varga"],
            "Tom Varga joined Anna Varga on stage.\n\n“We will win,” Mrs. Varga said.\n\n“She "
            "will,” Mr. Varga said.",
        ),
        (
            ["Elena Warren"],
            "Senator Elena Warren questioned the bank's chief.\n\n“Resign,” Warren said.",
        ),
    ],
)
def test_one_person_stays_one_person(expected: list[str], text: str) -> None:
    assert expected == speakers(text)


def test_an_honorific_is_no_role() -> None:
    assert [("Jean Dupont", None)] == said(
        "Jean Dupont opened the meeting.\n\n“No,” Mr. Dupont said."
    )


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (["R.J. Okafor"], "“This is a sad day,” said Rep. R.J. Okafor, head of the caucus."),
        (["New Haven Post"], "“It is dead,” the New Haven Post said."),
        (["Times Herald"], "“It is over,” the Times Herald said."),
        (["CBS News"], "According to CBS News, the bill was “never going to pass.”"),
    ],
)
def test_names_keep_their_initials_and_outlets_their_whole_name(
    expected: list[str], text: str
) -> None:
    assert expected == speakers(text)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (["Valley Gazette"], "The Valley Gazette reports that aides wanted to “keep it quiet.”"),
        (["the review board"], "Then the review board ruled that the fine was “excessive.”"),
        # "reports" is a noun or another verb here
        (
            ["Tom Reyes"],
            "Ines Roth spoke. Tom Reyes, who reports to the mayor, said it was “fine.”",
        ),
    ],
)
def test_reports_and_ruled_are_cues_only_before_that_or_a_stop(
    expected: list[str], text: str
) -> None:
    assert expected == speakers(text)


def test_plural_reports_after_of_stay_nouns() -> None:
    text = "Within an hour of initial reports of the fire, the city opened a “safe room.”"
    assert [None] == [q.cue for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (
            ["Tom Reyes"],
            "The auditors seized on Tom Reyes’s false claim that there were “thousands of jobs” "
            "lost.",
        ),
        (["Tom O’Hara"], "The auditors seized on Tom O’Hara’s claim that there were “many.”"),
        (["Ines Roth"], "Asked about the merger, Ines Roth’s lengthy answer was “maybe.”"),
        (["Ines Roth"], "Ines Roth, the mayor, dismissed Tom Reyes’s remarks as “just noise.”"),
    ],
)
def test_the_owner_of_a_claim_speaks_its_quote(expected: list[str], text: str) -> None:
    assert expected == speakers(text)


def test_lower_case_short_words_are_no_title_of_a_work() -> None:
    text = "Tom Reyes wrote that the rival was “spineless” and “a fake” on Monday."
    assert ["spineless", "a fake"] == [
        q.text for q in extract(text).quotes if q.kind is QuoteKind.DIRECT
    ]


def test_a_quote_inside_an_unquoted_transcript_turn_keeps_the_turn() -> None:
    text = (
        "The exchange went like this.\n\n"
        "KOWALSKI: Well, my rival thinks this is an episode of “Dream House.” It is not.\n\n"
        "BRANDT: Governor, voters worry about your temper.\n"
    )
    # the quote in it is the turn's speaker's too
    assert [
        ("Well, my rival thinks this is an episode of “Dream House.” It is not.", "Kowalski"),
        ("Dream House.", "Kowalski"),
        ("Governor, voters worry about your temper.", "Brandt"),
    ] == [(q.text, q.speaker) for q in extract(text).quotes]
