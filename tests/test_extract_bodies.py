"""Sources named apart from a plain name: bodies, offices, owners, "it", and roles, one
small literal article each."""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract import extract
from bot.models import Quote


def direct(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


def reported(text: str) -> list[Quote]:
    return [q for q in extract(text).quotes if q.kind is QuoteKind.REPORTED]


def test_it_is_the_body_or_document_that_opened_the_sentence_before() -> None:
    text = (
        "Harbor Freight Group issued a statement on Monday about the strike.\n\n"
        "“We regret the disruption,” it said."
    )
    (q,) = direct(text)
    assert "Harbor Freight Group" == q.speaker


def test_it_is_the_subject_of_its_own_sentence() -> None:
    text = "The report lists six failures, and it says the agency “ignored every warning.”"
    (q,) = direct(text)
    assert "The report" == q.speaker


def test_it_never_becomes_a_person_a_people_or_an_event() -> None:
    for text in (
        "Dana Whitfield read the ruling aloud. “Nothing changes,” it says.",
        "Two Canadians were hurt. “Stay indoors,” it warned.",
        "The mayor closed the beaches on Sunday. “Swimming is unsafe today,” it said.",
        "Protesters gathered outside the bank. “We respect the right to protest,” it said.",
        "Kofi Mensah Darko, the founder, left in March. “The board accepts,” it said.",
        "The storm cut power to 9,000 homes. “Crews are on their way,” it said.",
    ):
        assert ["it"] == [q.speaker for q in direct(text)], text


def test_it_never_stands_for_a_crowd_quoted_before() -> None:
    text = (
        "“We want a vote,” chanted hundreds of supporters outside.\n\n"
        "Dana Ruiz lifted a sign of her own. “Still here,” it read."
    )
    assert ["hundreds of supporters", "it"] == [q.speaker for q in direct(text)]


def test_a_speech_verb_ends_a_sentence_subject() -> None:
    text = "The lawsuit contends that the firm hid the losses.\n\nIt adds, “no one was told.”"
    (q,) = direct(text)
    assert "The lawsuit" == q.speaker


def test_per_names_the_record_quoted() -> None:
    text = "Members may not vote by proxy “to fill a vacancy,” per the club’s charter."
    (q,) = direct(text)
    assert ("club’s charter", "per") == (q.speaker, q.cue)


def test_which_gives_the_clause_to_its_antecedent() -> None:
    text = "They turned to the Harbor City Police Department, which reported “412 thefts” in May."
    (q,) = direct(text)
    assert "Harbor City Police Department" == q.speaker


def test_which_in_an_aside_between_dashes_leaves_the_sentence_to_its_subject() -> None:
    text = (
        "Mayor Ines Ward held up a card — which read “Vote for the levy on Tuesday” — and "
        "mouthed “thank you all so much” to the crowd."
    )
    assert "Ines Ward" == direct(text)[-1].speaker  # the mouthed words, not the card's


def test_who_vouches_for_a_report_is_not_part_of_it() -> None:
    text = "Mayor Ines Ward said the depot would reopen in May, according to two aides."
    (r,) = reported(text)
    assert ("Ines Ward", "the depot would reopen in May") == (r.speaker, r.text)
    text = "Ward said the depot, according to a 2019 audit, had failed three inspections."
    (r,) = reported(text)
    assert "the depot, according to a 2019 audit, had failed three inspections" == r.text


def test_a_speech_noun_stays_in_its_phrase() -> None:
    (q,) = direct("“Bring the money to the pier,” said the ransom note.")
    assert "the ransom note" == q.speaker


def test_which_after_a_name_with_of_gives_the_whole_name() -> None:
    text = "The Bank of Harborland, which said “rates must stay high,” meets again in June."
    (q,) = direct(text)
    assert "The Bank of Harborland" == q.speaker


def test_per_after_a_scare_quote_is_no_source() -> None:
    assert [] == direct("Tenants paid a “maintenance fee” per the lease signed in 2019.")


def test_a_relative_clause_verb_is_no_reported_speech() -> None:
    assert [] == reported("Both ports joined the Harbor Trade Council, which writes the rules.")


def test_a_show_named_for_a_host_is_no_person() -> None:
    text = (
        "Senator Ruth Calder spoke on Monday.\n\n"
        "On The Dave Porter Morning Show on Tuesday, Calder criticized officer Jane Brook "
        "for the arrest.\n\n“How many times must we see this?” she said."
    )
    (q,) = direct(text)
    assert "Ruth Calder" == q.speaker


def test_a_name_joined_by_of_is_one_body_or_office() -> None:
    cases = {
        "“We will appeal,” the Department of Justice said on Monday.": (
            "the Department of Justice"
        ),
        "“Rates stay,” said the Bank of Harborland.": "Bank of Harborland",
        "“The levy passed,” the Board of Education announced.": "Board of Education",
        "“We are ready,” said the Secretary of State.": "the Secretary of State",
    }
    for text, speaker in cases.items():
        assert [speaker] == [q.speaker for q in direct(text)], text


def test_a_person_of_a_place_is_the_person() -> None:
    assert ["Tom Baker"] == [q.speaker for q in direct("“It is over,” Tom Baker of Ohio said.")]
    text = "“We are ready,” Secretary of State Ruth Okafor said."
    assert [("Ruth Okafor", "Secretary of State")] == [(q.speaker, q.role) for q in direct(text)]


def test_a_setting_before_a_quote_gives_no_reported_speech() -> None:
    text = "The port authority said in a statement, “We are watching the storm.”"
    assert [] == reported(text)
    assert ["The port authority"] == [q.speaker for q in direct(text)]
    text = "Ann Lee said in an interview that the plan had failed badly."
    assert ["the plan had failed badly"] == [r.text for r in reported(text)]


def test_a_body_named_with_a_title_word_keeps_its_whole_name() -> None:
    cases = {
        "“Stay indoors,” the National Weather Service said.": "National Weather Service",
        "“No flights today,” the Federal Aviation Administration said.": (
            "Federal Aviation Administration"
        ),
        "“We are ready,” Rep. Ann Street said.": "Ann Street",
        "“We are ready,” said Tom Hall.": "Tom Hall",
    }
    for text, speaker in cases.items():
        assert [speaker] == [q.speaker for q in direct(text)], text


def test_an_unnamed_source_after_the_cue_keeps_what_places_it() -> None:
    cases = {
        "“We have no comment,” said a spokeswoman for the company.": (
            "a spokeswoman for the company"
        ),
        "“No comment,” said a spokesman for Harborline Bank.": "a spokesman for Harborline Bank",
        "“It stalled,” said one official familiar with the talks.": (
            "one official familiar with the talks"
        ),
        "“Fine,” said a man in the crowd.": "a man in the crowd",
    }
    for text, speaker in cases.items():
        assert [speaker] == [q.speaker for q in direct(text)], text


def test_a_role_stops_at_another_persons_name() -> None:
    text = "Chancellor Olaf Berg and President Ana Ruiz said “the talks have failed.”"
    assert [("Ana Ruiz", "President")] == [(q.speaker, q.role) for q in direct(text)]


def test_a_named_owners_office_speaks_as_the_office() -> None:
    text = "Ann Lee’s office said “she will not resign before the vote.”"
    assert [("Ann Lee’s office", "said")] == [(q.speaker, q.cue) for q in direct(text)]


def test_a_possessive_pronoun_owns_the_words_it_introduces() -> None:
    text = "Ann Lee was the keynote speaker. Her message: “Vote like your town depends on it.”"
    assert [("Ann Lee", ":")] == [(q.speaker, q.cue) for q in direct(text)]
    text = "Tom Ortiz was asked about the plan. His reply was “We will never agree to this.”"
    assert ["Tom Ortiz"] == [q.speaker for q in direct(text)]


def test_second_reading_of_names_and_roles() -> None:
    cases = {
        # a body's name with "and" stays in the role
        "“Safe,” Food and Drug Administration Commissioner Rhea Calder said.": (
            "Rhea Calder",
            "Food and Drug Administration Commissioner",
        ),
        "“Safe,” Ways and Means Chairman Jason Smith said.": (
            "Jason Smith",
            "Ways and Means Chairman",
        ),
        # a titled person whose surname is an organisation word
        "“Fine,” Gov. Chuy Hall said.": ("Chuy Hall", "Gov."),
        "“Fine,” Judge Aiyana White said.": ("Aiyana White", "Judge"),
        # an office, then its holder
        "“Fine,” Secretary of Labor Kristi Noem said.": ("Kristi Noem", "Secretary of Labor"),
        # a name after the phrase that places it
        "“No comment,” said a spokesman for the company, Jon Reyes.": (
            "Jon Reyes",
            "a spokesman for the company",
        ),
        # where and when it was said is not who said it
        "“No comment,” said a spokeswoman for the company in a statement.": (
            "a spokeswoman for the company",
            None,
        ),
    }
    for text, (speaker, role) in cases.items():
        assert [(speaker, role)] == [(q.speaker, q.role) for q in direct(text)], text


def test_present_tense_reports_of_groups() -> None:
    cases = {
        "Some economists warn that the policy could push prices higher next year.": (
            "Some economists",
            "the policy could push prices higher next year",
        ),
        "Critics argue the measure would hurt small businesses across the state.": (
            "Critics",
            "the measure would hurt small businesses across the state",
        ),
        "Senator Ann Lee has long argued that the tax cut favors the wealthy.": (
            "Ann Lee",
            "the tax cut favors the wealthy",
        ),
    }
    for text, (speaker, said) in cases.items():
        assert [(speaker, said)] == [(r.speaker, r.text) for r in reported(text)], text


def test_nothing_said_is_no_report() -> None:
    for text in (
        "Reid did not say whether Democrats would face a tougher race in the fall.",
        "Lee hasn't said whether she will run for the seat again next year.",
        "Lee never said the plant would close before the end of the year.",
    ):
        assert [] == reported(text), text
    text = "The show has not yet announced a replacement for the lead actor."
    assert [] == reported(text)


def test_said_yes_is_no_cue_of_the_quote_before() -> None:
    text = "As Tom Reyes went on about “a rigged system,” Ann Lee said yes, over and over."
    assert ["Tom Reyes"] == [q.speaker for q in direct(text)]


def test_unsaid_possible_or_own_words_are_no_report() -> None:
    for text in (
        "The White House would neither confirm nor deny that talks had taken place.",
        "The ministry cannot confirm that the hostages are still alive.",
        "Officials could not immediately confirm that the bridge had collapsed.",
        "Critics may argue that the plan is far too costly for the city.",
        "Why do critics argue that the program wastes so much money?",
        "I admit I was wrong about the new mayor and his plans.",
    ):
        assert [] == reported(text), text
