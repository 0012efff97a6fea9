"""Attribution rules of the second pass on issue 6, one small literal article each.

Every sentence here is invented: same shape as the case it guards, made-up people and topics.
"""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract import extract


def speaker_of(text: str, opening: str) -> tuple[str | None, str | None]:
    """(speaker, role) of the one direct quote whose words start with `opening`."""
    (q,) = [
        q for q in extract(text).quotes if q.kind is QuoteKind.DIRECT and q.text.startswith(opening)
    ]
    return q.speaker, q.role


def test_reported_speech_source_is_an_antecedent() -> None:
    text = (
        "Rents kept climbing this spring, Okonkwo said at the hearing.\n\n"
        "“It was a hard winter for all of us,” he said."
    )
    assert ("Okonkwo", None) == speaker_of(text, "It was")


def test_phrase_of_time_and_place_between_subject_and_cue() -> None:
    text = (
        "Marta Quill toured the valley. Quill, during a town hall in Boise, Idaho, said "
        "she was “ready to fight for every farmer in this county.”"
    )
    assert ("Marta Quill", None) == speaker_of(text, "ready")


def test_unnamed_subject_before_a_phrase_of_place() -> None:
    text = (
        "A senior official, speaking in Lima, Peru, said the talks were “stuck in the mud for now.”"
    )
    assert ("A senior official", None) == speaker_of(text, "stuck")


def test_dateline_is_not_the_subject() -> None:
    for dateline in ("DENVER —", "SPRINGFIELD, Mo. —"):
        text = (
            f"{dateline} Nora Pell rallied volunteers on Monday, saying: "
            "“We must be ready to outvote them.”"
        )
        assert ("Nora Pell", None) == speaker_of(text, "We must")


def test_place_after_an_introductory_phrase_is_not_the_subject() -> None:
    text = (
        "Speaking at a diner in Bend, Oregon, Vasquez went after Harlow, calling him "
        "“a failure on every single count.”"
    )
    assert ("Vasquez", None) == speaker_of(text, "a failure")


def test_passive_cue_credits_the_agent() -> None:
    text = (
        "Senator Ada Brum was asked by moderator Felix Orr whether the bill risked "
        "“piling another costly program onto the budget.”"
    )
    assert ("Felix Orr", "moderator") == speaker_of(text, "piling")


def test_media_role_word_before_a_name() -> None:
    text = "“We shall see how it goes next month,” said CNN host Dale Pruitt."
    assert ("Dale Pruitt", "CNN host") == speaker_of(text, "We shall")


def test_read_is_a_cue_for_written_words() -> None:
    text = "Kites flew over the fair.\n\n“Anyone but Harlow,” read one banner."
    assert ("one banner", None) == speaker_of(text, "Anyone")


def test_colon_after_an_object_credits_the_subject() -> None:
    text = "Nora Pell delivered a sharp retort: “Nobody is scrapping this. We keep building.”"
    assert ("Nora Pell", None) == speaker_of(text, "Nobody")


def test_pronominal_determiner_is_a_subject() -> None:
    text = (
        "One shopper was upset. Another said he prayed with his “entire soul” that Harlow loses "
        "the vote: “Then I can gloat for months.”"
    )
    assert ("Another", None) == speaker_of(text, "Then I")


def test_as_for_names_the_topic_a_pronoun_refers_to() -> None:
    text = (
        "Owen Tate spoke before Victor Haldane. Tate left early. As for Haldane, he said he was "
        "not nervous. “I have the votes, trust me,” he said."
    )
    assert ("Victor Haldane", None) == speaker_of(text, "I have")


def test_pronoun_after_an_introductory_phrase_is_a_mention() -> None:
    text = (
        "Nina Strand, a 2011 graduate, owes $64,000 in car loans. At 31 years old, she still "
        "sleeps under the same faded surf, skate and rodeo posters.\n\n"
        "“Who wants to share a bunk bed at 31?” she said."
    )
    assert ("Nina Strand", None) == speaker_of(text, "Who wants")


def test_name_modifying_a_role_is_no_antecedent() -> None:
    text = (
        "Walter Fenn left the stage early. Later, Fenn spokesman Carl Ibsen briefed "
        "reporters.\n\n“We will keep going until the primary,” he said."
    )
    assert ("Carl Ibsen", None) == speaker_of(text, "We will")


def test_later_cue_opening_a_clause_of_its_own_wins() -> None:
    text = (
        "Hugo Marsh greeted voters outside. At one point, a man asked for an autograph and "
        "Marsh said, “as long as it does not break any campaign rules.”"
    )
    assert ("Hugo Marsh", None) == speaker_of(text, "as long")
    text = (
        "Simon Kerr tweeted after Linda Varga argued for the third time that “if "
        "everyone had listened to him, we would have lost the harbor.”"
    )
    assert ("Linda Varga", None) == speaker_of(text, "if everyone")


def test_cue_inside_an_introductory_clause_gives_way() -> None:
    text = (
        "After former Gov. Ray Dunmore criticized Paul Ostrow during a forum, Irene Ostrow "
        "shot back, “I guess I might have decided to stay home and knit scarves.”"
    )
    assert ("Irene Ostrow", None) == speaker_of(text, "I guess")


def test_participle_after_an_introductory_clause_keeps_its_subject() -> None:
    text = (
        "The second disruption came during a rally, when Tate protesters interrupted her "
        "remarks, shouting “she rises, we fall!”"
    )
    assert ("Tate protesters", None) == speaker_of(text, "she rises")


def test_cue_after_until_opens_a_clause_of_its_own() -> None:
    text = (
        "Dennis Oyelaran says he was “sort of sitting on the wall” until Quill said she was "
        "endorsing the mayor."
    )
    assert ("Dennis Oyelaran", None) == speaker_of(text, "sort of")


def test_yelling_is_a_cue_and_a_clause_is_no_role() -> None:
    text = (
        "At a rally in Tulsa, some of his fans shoved a heckler, with Haldane "
        "reportedly yelling: “Throw him out the door now!”"
    )
    assert ("Haldane", None) == speaker_of(text, "Throw him")


def test_time_phrase_opening_a_sentence_is_not_its_subject() -> None:
    text = (
        "Later on Tuesday, Owen Tate posted a menu for a dinner called “Harvest” on his "
        "blog, writing “Here is the menu for the dinner you say never happened.”"
    )
    assert ("Owen Tate", None) == speaker_of(text, "Here is")


def test_cue_after_a_question_that_ends_the_sentence_yields_to_the_colon() -> None:
    text = (
        "Senator Hal Brody kept pressing her about the delays. Linda Varga, irritated, "
        "famously responded: “Why does that even matter?” Her opponents held it up as proof "
        "of arrogance."
    )
    assert ("Linda Varga", None) == speaker_of(text, "Why does")


def test_cue_in_a_coordinated_clause_after_the_quote_is_not_its() -> None:
    text = (
        "Owen Tate said he would make the river “run backward,” for instance, and Haldane vowed "
        "to dam it."
    )
    assert ("Owen Tate", None) == speaker_of(text, "run backward")


def test_quote_paragraph_signed_on_the_next_line() -> None:
    text = (
        "The forum was noisy.\n\n“Big banks and other lenders pay almost nothing in fees.”"
        "\n\n- Walter Fenn.\n\nThis is a thorny question."
    )
    assert ("Walter Fenn", None) == speaker_of(text, "Big banks")
    text = (
        "Okafor believes in reporting that “asks hard questions.”\n\n"
        "– Eager to grill Haldane –.\n\nHaldane said no."
    )
    assert ("Okafor", None) == speaker_of(text, "asks")


def test_possessor_of_the_words_before_a_colon() -> None:
    text = (
        "Tessa Moore emailed Linda Varga about the opening. Varga’s response was: “Is the "
        "bakery in Dayton or Toledo?” It is a cake shop, according to its flyer."
    )
    assert ("Linda Varga", None) == speaker_of(text, "Is the")


def test_clause_opener_before_a_modified_name() -> None:
    text = (
        "“I never claimed that,” Victor Haldane said, after CNBC’s Dana Pratt said the "
        "front-runner had called Tate the “pet mayor” of a shipping magnate."
    )
    assert ("Dana Pratt", None) == speaker_of(text, "pet mayor")


def test_colon_after_a_prepositional_object_credits_the_subject() -> None:
    text = (
        "Carl Ibsen hammered Haldane and compared the GOP nominee, whom he described as "
        "“erratic,” with Varga: “What I saw while at her side was a calm hand.”"
    )
    assert ("Carl Ibsen", None) == speaker_of(text, "What I saw")


def test_relative_clause_before_the_subject_is_passed_over() -> None:
    text = (
        "Hugo Marsh spoke on Friday. Speaking to NPR’s Morning Edition Friday in South Carolina, "
        "which is due to hold the next primary, Marsh referred to Tate as “a sharp, tireless "
        "organizer.”"
    )
    assert ("Hugo Marsh", None) == speaker_of(text, "a sharp")


def test_apposition_after_an_introductory_phrase_is_not_the_subject() -> None:
    text = (
        "Followed at the podium by Nina Falk, the Ohio treasurer, Victor Haldane launched into "
        "a complaint about the “forgotten workers” who struggle."
    )
    assert ("Victor Haldane", None) == speaker_of(text, "forgotten")


def test_auxiliary_opening_a_headline_is_no_first_name() -> None:
    text = (
        "Is Fenn finally reaching rural voters?\n\n"
        "Walter Fenn spoke in Fresno on Sunday. “We plan to carry this county,” he said."
    )
    assert ("Walter Fenn", None) == speaker_of(text, "We plan")
    assert "Is Fenn" not in {e.name for e in extract(text).entities}


def test_first_name_with_a_surname_that_names_a_place() -> None:
    text = (
        "Author Gary North took the stage. Standing in for Fenn at the gala, North landed a "
        "sharp jab at “my dear friend Linda Varga.”"
    )
    assert ("Gary North", None) == speaker_of(text, "my dear")


def test_age_and_role_between_a_name_and_its_cue() -> None:
    text = (
        "Marta Quill, 44, a Denver freelance illustrator, said the festival represented "
        "the “ideal moment” to draw attention to housing."
    )
    assert ("Marta Quill", None) == speaker_of(text, "ideal")


def test_object_of_a_cue_that_a_clause_goes_on_from_is_no_source() -> None:
    text = (
        "Tom Ridley, a veteran Spokane party strategist who played a key role in Anna Berg’s "
        "narrow Washington win in 2012 and is now running the mail-ballot push in the state, said "
        "the phone bank is a “central piece of our plan.”"
    )
    assert ("Tom Ridley", None) == speaker_of(text, "central")


def test_clause_opened_by_while_is_not_an_aside() -> None:
    text = (
        "Nevada Gov. Colin Marsh on Tuesday signed an order to close the parks, while Peter "
        "Lusk, the former Vermont governor, proposed we “roll up our sleeves” this "
        "month."
    )
    assert ("Peter Lusk", "former Vermont governor") == speaker_of(text, "roll up")


def test_cue_inside_an_introductory_prepositional_phrase_gives_way() -> None:
    text = (
        "In a video message posted Monday, Owen Tate said he had “serious doubts about parts” "
        "of the budget."
    )
    assert ("Owen Tate", None) == speaker_of(text, "serious")


def test_document_followed_by_a_time_is_still_its_makers() -> None:
    text = (
        "Victor Haldane is not backing off.\n\nHaldane posted a series of tweets late Tuesday "
        "saying that his opponent had shown “poor sense” again."
    )
    assert ("Victor Haldane", None) == speaker_of(text, "poor sense")


def test_object_of_a_preposition_before_a_cue_is_not_the_subject() -> None:
    text = "Students walking across the campus chanted “What deadline?” and kept walking."
    assert ("Students", None) == speaker_of(text, "What deadline")
    text = (
        "Hal Brody, who has previously described Haldane as “a reckless, vain "
        "showman,” spoke on Monday."
    )
    assert ("Hal Brody", None) == speaker_of(text, "a reckless")


def test_plural_cue_word_after_of_is_a_noun() -> None:
    text = (
        "FactWatch rated 41% of Republican claims as “misleading or worse,” compared to 17% of "
        "Democratic claims, the group found."
    )
    assert {"FactWatch"} == {q.speaker for q in extract(text).quotes}


def test_object_of_a_verb_of_address_is_no_antecedent() -> None:
    text = (
        "Victor Haldane spoke for an hour in Iowa. At the end he thanked Hal Brody. “We will take "
        "this state, trust me,” he said."
    )
    assert ("Victor Haldane", None) == speaker_of(text, "We will take")
    text = (
        "Victor Haldane spoke for an hour in Iowa. Asked who runs the caucus he said Hal Brody. "
        "“I would say Hal for the moment,” he said."
    )
    assert ("Victor Haldane", None) == speaker_of(text, "I would say")


def test_it_is_never_resolved_to_a_person() -> None:
    text = (
        "Gus Farley listed the painting for sale last month. The auction site took down the "
        "listing on Friday. It added, “We want nothing to do with the sale or any of the "
        "attention.”"
    )
    assert ("The auction site", None) == speaker_of(text, "We want")


def test_mentioned_is_a_cue() -> None:
    text = "“We will review the request very soon,” Harlow mentioned on Monday."
    assert ("Harlow", None) == speaker_of(text, "We will review")


def test_relative_clause_and_state_between_a_name_and_its_cue() -> None:
    text = (
        "Pastor Dwight Ambler has a podcast. Ambler, who leads the Grace Chapel "
        "of Laramie, Wyoming, slammed the club for promoting “gambling and "
        "drinking” on Monday."
    )
    assert "Dwight Ambler" == speaker_of(text, "gambling")[0]
    text = (
        "A Varga adviser, who asked not to be named because the plan is not final, said the "
        "senator was “weighing every option.”"
    )
    assert ("A Varga adviser", None) == speaker_of(text, "weighing")


def test_sentence_adverb_more_is_no_name() -> None:
    text = (
        "Fenn has not ignored radio. More importantly, his campaign paid to air a "
        "short ad called “Main Street” on local stations."
    )
    assert "More" not in {q.speaker for q in extract(text).quotes}


def test_a_short_surname_before_a_full_stop_ends_the_name() -> None:
    text = 'Owen Tate spoke before Victor Lund. Tate left early. "We will win," he said.'
    names = [e.name for e in extract(text, None).entities]
    assert ["Owen Tate", "Victor Lund"] == names
    text = 'Lt. Gen. Ada Moss and Sen. Bo Rand met. "We agree," Moss said.'
    assert ["Ada Moss"] == [q.speaker for q in extract(text, None).quotes]
