"""Quote attribution patterns, one small literal article each."""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract import extract
from bot.models import Quote


def direct(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


def reported(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.REPORTED]


def test_offsets_are_the_words_inside_the_marks() -> None:
    text = "“We will win,” Maria Lopez said."
    (q,) = direct(text)
    assert "We will win," == text[q.start : q.end]
    assert "We will win," == q.text


def test_split_quote_gives_both_pieces_the_speaker() -> None:
    text = (
        "Secretary of State Antony Blinken spoke on Monday.\n\n"
        "“We are concerned,” Blinken said. “China must choose.”"
    )
    qs = direct(text)
    assert ["We are concerned,", "China must choose."] == [q.text for q in qs]
    assert ["Antony Blinken", "Antony Blinken"] == [q.speaker for q in qs]
    assert "Secretary of State" == qs[0].role


def test_straight_marks_work_like_curly_ones() -> None:
    qs = direct('"It is over," said Tom Baker. "We lost."')
    assert ["Tom Baker", "Tom Baker"] == [q.speaker for q in qs]
    assert "said" == qs[0].cue


def test_said_x_inversion_with_role_apposition() -> None:
    (q,) = direct("“The talks went well,” said Jen Psaki, the White House press secretary.")
    assert "Jen Psaki" == q.speaker
    assert "White House press secretary" == q.role


def test_role_before_name_is_kept_apart() -> None:
    (q,) = direct("“We are ready,” White House press secretary Jen Psaki said in a statement.")
    assert "Jen Psaki" == q.speaker
    assert "White House press secretary" == q.role
    assert "said in a statement" == q.cue


def test_possessive_apposition_gives_the_role() -> None:
    text = "Biden’s national security adviser, Jake Sullivan, said the talks were “intense.”"
    (q,) = direct(text)
    assert "Jake Sullivan" == q.speaker
    assert "national security adviser" == q.role
    (person,) = [e for e in extract(text).entities if e.name == "Jake Sullivan"]
    assert "national security adviser" in person.roles


def test_colon_introduces_a_quote() -> None:
    (q,) = direct("Mary Jones said: “We are ready for this.”")
    assert "Mary Jones" == q.speaker


def test_colon_at_the_end_of_the_paragraph_before() -> None:
    (q,) = direct("Mary Jones spoke to the crowd. She said:\n\n“We are ready for this.”")
    assert "Mary Jones" == q.speaker


def test_transcript_name_line() -> None:
    (q,) = direct("PSAKI: “We have nothing to announce today.”")
    assert "PSAKI" == q.speaker
    assert ":" == q.cue


def test_vox_pop_line_ending_with_a_dash_and_name() -> None:
    (q,) = direct("“The rent is simply too high.” ― Maria Lopez, 45, teacher")
    assert "Maria Lopez" == q.speaker


def test_multi_paragraph_quote_continues_with_its_speaker() -> None:
    text = (
        "Governor Ann Rivera spoke at length.\n\n"
        "“We began this work years ago,” Rivera said. “It was hard.\n\n"
        "“And it is not finished yet.”"
    )
    qs = direct(text)
    # the open paragraph and the one that goes on with an opening mark are one quotation
    assert ["We began this work years ago,", "It was hard.\n\n“And it is not finished yet."] == [
        q.text for q in qs
    ]
    assert ["Ann Rivera"] * 2 == [q.speaker for q in qs]


def test_pronoun_resolves_to_the_last_person_of_that_gender() -> None:
    text = (
        "Senator Mary Jones met Tom Baker on Monday.\n\n"
        "“The bill is dead,” she said.\n\n"
        "Baker disagreed. “It can pass,” he said."
    )
    assert ["Mary Jones", "Tom Baker"] == [q.speaker for q in direct(text)]


def test_pronoun_skips_names_inside_quotes() -> None:
    text = "Tom Baker spoke first. “I told Mary Jones no,” he said."
    (q,) = direct(text)
    assert "Tom Baker" == q.speaker


def test_surname_resolves_to_the_fullest_name() -> None:
    text = "Antony J. Blinken arrived. Later, “We are done,” Blinken said."
    (q,) = direct(text)
    assert "Antony J. Blinken" == q.speaker


def test_partial_quote_inside_reported_speech_goes_to_the_subject() -> None:
    text = "Psaki said that China would face “significant consequences” if Russia won."
    (q,) = direct(text)
    assert "Psaki" == q.speaker
    (r,) = reported(text)
    assert "Psaki" == r.speaker


def test_nested_report_credits_the_outer_speaker() -> None:
    text = "Sen. John Smith said Mary Jones told him that the plan was “dead on arrival.”"
    (q,) = direct(text)
    assert "John Smith" == q.speaker
    assert "Sen." == q.role


def test_unnamed_source_stays_as_written() -> None:
    (q,) = direct("“We have deep concerns,” a senior administration official told reporters.")
    assert "a senior administration official" == q.speaker
    assert "told reporters" == q.cue
    kinds = {
        e.name: e.kind
        for e in extract(
            q.text and "“We have deep concerns,” a senior administration official told reporters."
        ).entities
    }
    assert "unnamed" == kinds["a senior administration official"]


def test_according_to() -> None:
    (q,) = direct("“Nobody expected it,” according to Tom Baker, a local farmer.")
    assert "Tom Baker" == q.speaker
    assert "according to" == q.cue


def test_titles_of_works_and_scare_quotes_are_not_speech() -> None:
    text = "The show “Saturday Night Live” aired. The so-called “reform” passed on Monday."
    assert [] == direct(text)


def test_label_next_to_a_speaker_and_cue_is_kept() -> None:
    (q,) = direct("Tom Baker called the plan “a total disaster for farmers.”")
    assert "Tom Baker" == q.speaker


def test_reported_speech_forms() -> None:
    assert ["Mary Jones"] == [q.speaker for q in reported("The deal is done, Mary Jones said.")]
    (r,) = reported("According to Mary Jones, the deal is done.")
    assert "the deal is done" == r.text
    (r,) = reported("Mary Jones told reporters that the deal is done.")
    assert ("the deal is done", "told reporters") == (r.text, r.cue)


def test_a_time_phrase_after_the_cue_is_not_reported_content() -> None:
    (r,) = reported("Mayor Ana Ortiz told reporters later Thursday the city is closing two parks.")
    assert "the city is closing two parks" == r.text
    (r,) = reported("Mayor Ana Ortiz said on Monday the city would close three old schools.")
    assert "the city would close three old schools" == r.text
    # unless the time words are what the sentence is about
    (r,) = reported("Mayor Ana Ortiz said Friday was the last day for the new permits.")
    assert "Friday was the last day for the new permits" == r.text
    (r,) = reported("Mayor Ana Ortiz said this week's vote was the closest in a decade.")
    assert "this week's vote was the closest in a decade" == r.text
    (r,) = reported("Mayor Ana Ortiz said this plan would close three old schools.")
    assert "this plan would close three old schools" == r.text


def test_reported_content_starts_after_the_listener_and_the_setting() -> None:
    (r,) = reported(
        "An aide told The Daily Ledger Tuesday morning that the mayor cancelled the visit."
    )
    assert "the mayor cancelled the visit" == r.text
    (r,) = reported("Ortiz told Channel Four the mayor would resign before the summer.")
    assert "the mayor would resign before the summer" == r.text
    (r,) = reported("Ortiz claimed in an interview with a local paper that she backs no candidate.")
    assert "she backs no candidate" == r.text
    (r,) = reported("Asked about the cuts, Ortiz said that was the price of a balanced budget.")
    assert "that was the price of a balanced budget" == r.text


def test_an_aside_attribution_keeps_the_whole_sentence() -> None:
    (r,) = reported("The new bridge, Ortiz said, was never properly costed by the council.")
    assert ("The new bridge, Ortiz said, was never properly costed by the council", "Ortiz") == (
        r.text,
        r.speaker,
    )


def test_a_day_that_is_the_subject_stays_in_the_content() -> None:
    (r,) = reported("The clerk said Friday could be the last day to register without a fee.")
    assert "Friday could be the last day to register without a fee" == r.text
    (r,) = reported("Mayor Ines Calder said Monday marks the start of the new budget year.")
    assert "Monday marks the start of the new budget year" == r.text


def test_more_listeners_settings_and_asides() -> None:
    cases = {
        "Police said about 30 people were hurt when the stand gave way.": (
            "about 30 people were hurt when the stand gave way"
        ),
        "The governor told lawmakers the state could not afford a new bridge.": (
            "the state could not afford a new bridge"
        ),
        "The minister told a committee on Monday that the depot was nearly empty.": (
            "the depot was nearly empty"
        ),
        "Calder said in a letter that was sent to members that the plan was dead.": (
            "the plan was dead"
        ),
        "The pool is closed, Calder said Friday, adding that repairs would take a month.": (
            "The pool is closed"
        ),
        "The vote, the clerk said, will come next week.": (
            "The vote, the clerk said, will come next week"
        ),
    }
    for sentence, content in cases.items():
        assert [content] == [r.text for r in reported(sentence)], sentence


def test_what_is_not_reported_content() -> None:
    # a relative clause, "said of", the setting alone, and the cue of a direct quote
    assert [] == reported("The judge set a fine, which I said was far too low for the harm.")
    assert [] == reported(
        "“What were they thinking?” Ortiz said of the firm in May, when it balked."
    )
    assert [] == reported(
        "“We must win,” Bo Pell, head of the club, tells the Ledger in an interview."
    )
    assert [] == reported("In a 1998 speech, Ortiz declared, “We will build the bridge now.”")
    assert [] == reported("“It helps serious candidates,” Mr. Pell said. “Because they can shine.”")
    assert [] == reported(
        "''It helps serious candidates,'' Mr. Pell said. ''Because they can shine.''"
    )


def test_passive_is_not_a_report() -> None:
    assert [] == reported("Russia is said to have asked China for military help.")


def test_empty_and_odd_input() -> None:
    assert () == extract("").quotes
    assert () == extract("   \n\n ").quotes
    # never closed, never continued and no cue: no telling what it is or where it ends
    assert [] == direct("An unclosed “quote that never ends")
    # with a cue of its own the open piece stays: "“…,” said Tom Baker, “and then"
    qs = direct("“A quote that goes on,” said Tom Baker, “and then never ends")
    assert ["Tom Baker", "Tom Baker"] == [q.speaker for q in qs]


def test_unmarked_transcript_lines_are_direct_speech_of_their_speaker() -> None:
    text = (
        "Dale Pruitt interviewed Governor Irene Voss.\n\n"
        "PRUITT: Do you think he campaigned well?\n\n"
        "VOSS: I guess he is making an effort.\n\n"
        "CORRECTION: An earlier version misspelled a name."
    )
    qs = direct(text)
    assert [
        ("Do you think he campaigned well?", "Dale Pruitt", ":"),
        ("I guess he is making an effort.", "Irene Voss", ":"),
    ] == [(q.text, q.speaker, q.cue) for q in qs]


def test_a_lone_note_line_is_not_a_transcript() -> None:
    assert [] == direct("UPDATE: The vote was moved to Friday.")


def test_introductory_phrase_is_not_the_subject_of_a_participle_cue() -> None:
    text = "Speaking in Salem on Monday, Tom Baker went after the plan, calling it “a total mess.”"
    (q,) = direct(text)
    assert "Tom Baker" == q.speaker


def test_age_and_home_town_between_name_and_cue() -> None:
    (q,) = direct("Cal Banks, 27, of Macon, Ga., said he was “not losing heart.”")
    assert "Cal Banks" == q.speaker


def test_coordinated_cue_takes_the_sentence_subject() -> None:
    text = "Governor Ann Rivera criticized the budget and said it was “a disgrace.”"
    (q,) = direct(text)
    assert "Ann Rivera" == q.speaker


def test_title_inside_a_name_run_is_cut_off() -> None:
    text = "Nevada Gov. Colin Marsh spoke first. “We will win,” Marsh said."
    (q,) = direct(text)
    assert ("Colin Marsh", "Nevada Gov.") == (q.speaker, q.role)


def test_coordinated_reports_each_keep_their_own_speaker() -> None:
    text = "Tom Baker accuses Pell of “dragging her feet” and Mary Jones says he is “losing.”"
    assert ["Tom Baker", "Mary Jones"] == [q.speaker for q in direct(text)]


def test_participle_after_a_quote_keeps_the_sentence_subject() -> None:
    text = "Tom Baker said there is “only one way,” adding that Mary Jones “ignores the facts.”"
    assert ["Tom Baker", "Tom Baker"] == [q.speaker for q in direct(text)]
