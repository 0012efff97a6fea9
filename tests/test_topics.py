"""Topic aliases, capitals-only forms and whole-word name matching."""

from __future__ import annotations

import pytest

from bot.topics import TopicTerms, expand, known, mentions, name_matches, terms


def test_china() -> None:
    assert (
        "china",
        "people's republic of china",
        "mainland china",
        "prc",
        "chinese",
        "beijing",
    ) == expand("china")


def test_ukraine() -> None:
    assert ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev") == expand("Ukraine")


def test_russia() -> None:
    assert ("russia", "russian federation", "russian", "russians", "moscow", "kremlin") == expand(
        "russia"
    )


@pytest.mark.parametrize("topic", ["united states", "US", "us", "U.S.", "u.s", "USA", "America"])
def test_united_states_any_spelling(topic: str) -> None:
    found = terms(topic)
    assert ("US",) == found.cased
    assert {"united states", "u.s.", "usa", "american", "americans"} <= set(found.phrases)


def test_us_pronoun_is_never_a_case_insensitive_phrase() -> None:
    assert "us" not in expand("us")
    assert not mentions("Join us tomorrow, let us know", terms("US"))
    assert mentions("The US said on Monday", terms("US"))
    assert mentions("the u.s. said", terms("United States"))
    assert mentions("American officials", terms("US"))


@pytest.mark.parametrize(
    ("topic", "alias"),
    [
        ("china", "PRC"),
        ("United Kingdom", "uk"),
        ("uk", "downing street"),
        ("britain", "british"),
        ("north korea", "dprk"),
        ("DPRK", "pyongyang"),
        ("uae", "emirati"),
        ("European Union", "brussels"),
        ("EU", "european union"),
        ("germany", "berlin"),
        ("france", "french"),
        ("iran", "tehran"),
        ("israel", "israelis"),
        ("Türkiye", "turkey"),
        ("turkey", "ankara"),
        ("Burma", "myanmar"),
        ("Côte d’Ivoire", "ivorian"),
        ("saudi arabia", "riyadh"),
        ("taiwan", "taipei"),
        ("south korea", "seoul"),
        ("india", "new delhi"),
        ("mexico", "mexican"),
        ("nigeria", "abuja"),
        ("NATO", "north atlantic treaty organization"),
    ],
)
def test_country_aliases(topic: str, alias: str) -> None:
    assert alias.lower() in expand(topic)


@pytest.mark.parametrize(
    ("canonical", "word"),
    [("china", "Chinese"), ("ukraine", "ukrainians"), ("china", "prc"), ("russia", "Kremlin")],
)
def test_names_demonyms_and_short_forms_find_the_group(canonical: str, word: str) -> None:
    if word.lower() == "kremlin":
        # A seat of government is an alias of its country, not a way in to the whole group.
        assert ("kremlin",) == expand(word)
    else:
        assert canonical == expand(word)[0]


def test_spelling_variants_only() -> None:
    assert ("kyiv", "kiev") == expand("Kiev")
    assert ("zelenskyy", "zelensky", "zelenskiy") == expand("Zelensky")


def test_unknown_topic_is_itself_tidied() -> None:
    assert ("sanctions",) == expand("  Sanctions! ")
    assert ("climate change",) == expand("Climate   Change")
    assert () == expand("")
    assert () == expand("?!")


def test_capitals_only_forms() -> None:
    assert TopicTerms(phrases=("world health organization",), cased=("WHO",)) == terms("WHO")
    assert not mentions("who said what", terms("WHO"))
    assert mentions("the WHO warned", terms("who"))
    assert "polish" not in expand("poland")
    assert ("Polish", "Pole", "Poles") == terms("poland").cased
    assert not mentions("a fresh polish", terms("Poland"))


def test_mentions_is_whole_word_and_ignores_diacritics() -> None:
    assert mentions("Talks in KYIV resumed", terms("ukraine"))
    assert not mentions("Kyivstar shares fell", terms("ukraine"))
    assert mentions("Beijing’s response", terms("China"))
    assert mentions("in Türkiye today", terms("turkey"))
    assert not mentions("", terms("china"))


def test_known() -> None:
    assert known("Ukraine")
    assert known("the U.S.")
    assert known("chinese")
    assert not known("Jake Sullivan")
    assert not known("")


def test_country_table_is_broad() -> None:
    sample = (
        "afghanistan argentina australia bangladesh brazil canada chile colombia egypt ethiopia "
        "finland ghana greece hungary indonesia iraq ireland italy japan kenya lebanon libya "
        "malaysia morocco netherlands new zealand norway pakistan peru philippines poland "
        "portugal romania serbia singapore somalia south africa spain sudan sweden switzerland "
        "syria thailand tunisia venezuela vietnam yemen zimbabwe"
    )
    words = sample.replace("new zealand", "new_zealand").replace("south africa", "south_africa")
    for country in words.split():
        name = country.replace("_", " ")
        assert known(name), name
        assert name == expand(name)[0]


@pytest.mark.parametrize(
    ("query", "full_name"),
    [
        ("biden", "Joe Biden"),
        ("Biden", "President Joe Biden"),
        ("joe biden", "President Joe Biden"),
        ("President Biden", "Joe Biden"),
        ("Secretary of State Blinken", "Antony Blinken"),
        ("blinken", "Antony J. Blinken"),
        ("antony blinken", "Antony J. Blinken"),
        ("lopez", "Andrés Manuel López Obrador"),
        ("O'Brien", "Robert O’Brien"),
        ("the president", "President Joe Biden"),
        ("PSAKI", "Jen Psaki"),
    ],
)
def test_name_matches(query: str, full_name: str) -> None:
    assert name_matches(query, full_name)


@pytest.mark.parametrize(
    ("query", "full_name"),
    [
        ("bide", "Joe Biden"),  # whole words only
        ("biden joe", "Joe Biden"),  # in order
        ("jill biden", "Joe Biden"),
        ("", "Joe Biden"),
        ("biden", ""),
        ("president", "Joe Biden"),
        ("???", "Joe Biden"),
    ],
)
def test_name_does_not_match(query: str, full_name: str) -> None:
    assert not name_matches(query, full_name)
