"""Attribution rules added for issue 6: antecedent ranking, source phrases, fallbacks, cues."""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract import extract
from bot.models import Quote


def direct(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


def test_pronoun_takes_a_subject_of_unknown_gender_over_a_later_man() -> None:
    # "Quill" is in no first-name list: unknown gender still agrees with "he"
    text = (
        "Local developer Quill Marsh doubted that Robert Hale could win the race.\n\n"
        "“It will not happen,” he told the paper."
    )
    (q,) = direct(text)
    assert "Quill Marsh" == q.speaker


def test_pronoun_agrees_in_gender() -> None:
    text = "Anna Berg met Tom Weaver on Monday.\n\n“We agreed on everything,” she said."
    (q,) = direct(text)
    assert "Anna Berg" == q.speaker


def test_pronoun_passes_over_someone_the_quote_names() -> None:
    text = (
        "Tom Weaver, the campaign manager, spoke on Monday. Peter Sand won the vote.\n\n"
        "“Sand proved he could win here,” he said."
    )
    (q,) = direct(text)
    assert "Tom Weaver" == q.speaker


def test_pronoun_passes_over_a_possessive_before_the_subject() -> None:
    text = (
        "Mayor Dan Price’s chief adviser, Luke Stone, met the council.\n\n"
        "“We need the money now,” he said."
    )
    (q,) = direct(text)
    assert "Luke Stone" == q.speaker


def test_a_building_is_nobody_to_refer_to() -> None:
    text = "Ray Cole spoke at Grand Tower on Monday.\n\n“We will win this,” he said."
    (q,) = direct(text)
    assert "Ray Cole" == q.speaker


def test_subject_with_an_apposition_before_said_in_a_statement() -> None:
    text = (
        "“The ruling is fair to every voter in the county,” Dora Linden, lawyer for one of "
        "three unions that sued over the new rule, said in a statement."
    )
    (q,) = direct(text)
    assert "Dora Linden" == q.speaker
    assert "said in a statement" == q.cue


def test_inverted_cue_with_a_description_and_a_relative_clause() -> None:
    text = (
        "“They deserve someone who is with them,” said the woman who built her bakery in the town."
    )
    (q,) = direct(text)
    assert "the woman" == q.speaker


def test_participle_cue_takes_a_description_subject_not_the_object() -> None:
    text = "The veteran senator sounded off on Mark Hale, saying he was “not ready to lead anyone.”"
    (q,) = direct(text)
    assert "The veteran senator" == q.speaker


def test_description_resolves_to_the_person_with_that_role() -> None:
    text = "Sen. Jane Ott spoke first.\n\n“We will fight this bill,” the senator said."
    (q,) = direct(text)
    assert "Jane Ott" == q.speaker
    assert "the senator" == q.role


def test_no_cue_takes_the_subject_of_the_sentence() -> None:
    text = (
        "Several union leaders have long fought the plans as “a threat to public service "
        "and to every worker in the country.”"
    )
    (q,) = direct(text)
    assert "Several union leaders" == q.speaker


def test_no_cue_does_not_take_a_place_as_subject() -> None:
    text = (
        "Nora Vance arrived on Friday.\n\nSpain and Italy have deepened their ties, and "
        "Vance praised a deal that was called “a model for the rest of the region.”"
    )
    (q,) = direct(text)
    assert "Nora Vance" == q.speaker


def test_more_speech_verbs() -> None:
    qs = direct("“Would it be negotiable?” Lena Hart pressed.\n\n“Never,” Omar Dietz snapped.")
    assert ["Lena Hart", "Omar Dietz"] == [q.speaker for q in qs]
    assert ["pressed", "snapped"] == [q.cue for q in qs]


def test_a_day_between_subject_and_verb_is_not_the_speaker() -> None:
    text = "Senator Ida Moss on Tuesday said “the vote will wait until spring.”"
    (q,) = direct(text)
    assert "Ida Moss" == q.speaker
