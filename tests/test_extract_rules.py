"""Attribution rules added for issue 6, one small literal article each."""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract import extract
from bot.models import Quote


def direct(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


def test_opening_pronoun_counts_as_a_mention_of_its_person() -> None:
    text = (
        "Senator Mark Howell spoke to farmers in the morning.\n\n"
        "He later shared a stage with Governor Carl Benson.\n\n"
        "“The harvest will be late,” he said."
    )
    (q,) = direct(text)
    assert "Mark Howell" == q.speaker


def test_quote_filling_the_next_paragraph_keeps_the_speaker() -> None:
    text = (
        "“We expect a close vote,” Anna Weiss said during a visit with Governor Paul Grant."
        "\n\n“Nobody should take the result for granted.”"
    )
    qs = direct(text)
    assert ["Anna Weiss", "Anna Weiss"] == [q.speaker for q in qs]


def test_next_paragraph_does_not_inherit_a_partial_quote() -> None:
    text = (
        "The agency said the plan was “too costly” for the city.\n\n"
        "“We will appeal,” said Tom Reyes, the mayor."
    )
    qs = direct(text)
    assert "Tom Reyes" == qs[-1].speaker


def test_capitalised_function_word_is_no_speaker() -> None:
    text = (
        "Maria Chen spoke for an hour.\n\n"
        "What “go after them and win the fight” means was left unclear."
    )
    (q,) = direct(text)
    assert "Maria Chen" == q.speaker


def test_another_said_is_one_of_a_group() -> None:
    text = "“It was too loud,” one neighbour said. Another said the noise was “unbearable.”"
    qs = direct(text)
    assert "Another" == qs[1].speaker


def test_time_phrase_is_no_speaker() -> None:
    text = "Ruth Adler, the treasurer, met the board. Two weeks ago said “the books are clean.”"
    (q,) = direct(text)
    assert "Two weeks ago" != q.speaker


def test_noun_tweet_is_no_cue() -> None:
    text = (
        "Governor Dan Miller answered critics on Monday. In a subsequent tweet, the state "
        "party called the bill “a disaster for the state.”"
    )
    (q,) = direct(text)
    assert "called" == q.cue
    assert "the state party" == q.speaker


def test_statement_saying_credits_its_issuer() -> None:
    text = "Senator Joan Park issued a statement saying the deal was “a betrayal of workers.”"
    (q,) = direct(text)
    assert "Joan Park" == q.speaker


def test_participle_opening_is_passed_over() -> None:
    text = (
        "Followed at the podium by Mayor Tom Reed, Helen Brooks launched into a complaint about "
        "the “many renters who cannot pay their bills.”"
    )
    (q,) = direct(text)
    assert "Helen Brooks" == q.speaker


def test_report_of_a_report_credits_the_outer_source() -> None:
    text = (
        "Paul Dunn spoke to delegates.\n\n"
        "“Please stay calm on the floor,” Dunn said, according to The Daily Ledger."
    )
    (q,) = direct(text)
    assert "Daily Ledger" in (q.speaker or "")


def test_headline_then_dash_then_author_colon() -> None:
    text = (
        "Sam Ortega wrote about turnout.\n\n"
        "TURNOUT DID NOT RISE IN THE STATE - Lisa M. Hart: “Fewer people voted than in any "
        "year since records began.”"
    )
    (q,) = direct(text)
    assert "Lisa M. Hart" == q.speaker


def test_linking_adverb_opens_no_subject() -> None:
    text = (
        "Likewise, a study from the Harlan Institute had this to say: “The gains go "
        "mostly to the top.”"
    )
    (q,) = direct(text)
    assert "Likewise" != q.speaker


def test_acronym_and_title_are_no_name() -> None:
    text = (
        "Dan Cole met Karen Lowe. That, RNC Chief of Staff Karen Lowe explained, is by "
        "design. “We started early on purpose,” she said."
    )
    (q,) = direct(text)
    assert "Karen Lowe" == q.speaker


def test_description_with_a_place_picks_the_person_whose_role_names_it() -> None:
    text = (
        "Florida Sen. Dale Pruitt spoke first. Sen. Ada Brum (R-Iowa) followed.\n\n"
        "“We will win,” the Florida senator said."
    )
    (q,) = direct(text)
    assert "Dale Pruitt" == q.speaker


def test_new_speech_verbs_are_cues() -> None:
    text = "“This is a disgrace,” Paula Grant fumed. The memo states “no action is needed.”"
    qs = direct(text)
    assert ["fumed", "states"] == [q.cue for q in qs]
    assert "Paula Grant" == qs[0].speaker


def test_text_between_markup_attributes_is_no_quote() -> None:
    text = (
        'Mayor Ann Cole posted a photo.\n\n<tweet tweet-author="@anncole" tweet-date="May 2">'
        "Great turnout tonight in the square<tweet/>.\n\n“We did it,” Cole said."
    )
    qs = direct(text)
    assert ["We did it,"] == [q.text for q in qs]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = (
        "Mayor Ann Cole spoke at length.\n\n"
        "“We have rebuilt the bridge and the school.\n\n"
        "“Next year we will fix the roads,” she said."
    )
    (q,) = direct(text)
    assert q.text.startswith("We have rebuilt") and q.text.endswith("fix the roads,")
    assert "Ann Cole" == q.speaker
    assert "said" == q.cue


def test_paragraph_opening_a_quote_with_a_cue_credits_that_cue() -> None:
    text = (
        "Ann Cole met Governor Paul Grant.\n\n"
        "Cole said: “We have rebuilt the bridge.\n\n"
        "“Next year we will fix the roads.”"
    )
    (q,) = direct(text)
    assert "Ann Cole" == q.speaker
    assert q.text.endswith("fix the roads.")


def test_quote_never_closed_nor_continued_without_cue_is_dropped() -> None:
    text = (
        "Tom Baker spoke first.\n\n"
        "“The plan is sound and the money is there.\n\n"
        "The council votes next week."
    )
    assert [] == direct(text)


def test_cue_ending_an_introductory_clause_gives_way_to_the_main_one() -> None:
    text = (
        "Later in the broadcast, after the interview concluded, Ruth Adler stated that the "
        "report “was not good at all.”"
    )
    (q,) = direct(text)
    assert "Ruth Adler" == q.speaker
    assert "stated" == q.cue


def test_said_then_adding_keeps_the_subject() -> None:
    text = "Ryan and Grant will meet next week, Sean Miles said, adding, “They need to talk.”"
    (q,) = direct(text)
    assert "Sean Miles" == q.speaker
