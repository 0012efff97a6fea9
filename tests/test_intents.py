"""Phrasings -> exact `Query`; time and outlet words; hostile text never raises."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.contract import Intent, Period, Query
from bot.intents import MAX_CHARS, RULES, clean_text, parse

NOW = datetime(2022, 3, 17, 18, 34, tzinfo=UTC)  # a Thursday
OUTLETS = ("The Hill", "Reuters", "CNN", "USA Today", "nytimes.com", "Associated Press")


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=UTC)


TODAY = Period(at(2022, 3, 17), at(2022, 3, 18), "today")
YESTERDAY = Period(at(2022, 3, 16), at(2022, 3, 17), "yesterday")
THIS_WEEK = Period(at(2022, 3, 14), at(2022, 3, 21), "this week")
SINCE_MONDAY = Period(at(2022, 3, 14), None, "since Monday")

QUOTES, SAID, LATEST, WHO = Intent.QUOTES, Intent.SAID, Intent.LATEST, Intent.WHO
DIGEST, SEARCH, HELP = Intent.DIGEST, Intent.SEARCH, Intent.HELP

CASES = [
    # who said what about X
    (Query(QUOTES, topic="China"), "who said what about China"),
    (Query(QUOTES, topic="China"), "Who said what about China?"),
    (Query(QUOTES, topic="China"), "who has said what on China"),
    (Query(QUOTES, topic="Taiwan"), "who said anything about Taiwan"),
    (Query(QUOTES, topic="sanctions"), "who is saying what about sanctions"),
    (Query(QUOTES, topic="Ukraine"), "quotes on Ukraine"),
    (Query(QUOTES, topic="Ukraine"), "quotes about Ukraine"),
    (Query(QUOTES, topic="inflation"), "recent quotes about inflation"),
    (Query(QUOTES, topic="inflation"), "what are people saying about inflation"),
    (Query(QUOTES, topic="NATO"), "what is being said about NATO"),
    (Query(QUOTES, topic="summit"), "reactions to the summit"),
    (Query(QUOTES, topic="Ukraine"), "Ukraine quotes"),
    (Query(QUOTES), "who said what"),
    (Query(QUOTES), "quotes"),
    # what did P say (about X)
    (Query(SAID, speaker="Blinken"), "what did Blinken say"),
    (Query(SAID, speaker="Blinken", topic="Russia"), "what did Blinken say about Russia?"),
    (Query(SAID, speaker="Jen Psaki", topic="Ukraine"), "what has Jen Psaki said on Ukraine"),
    (Query(SAID, speaker="Psaki"), "Psaki quotes"),
    (Query(SAID, speaker="Biden", topic="China"), "Biden's quotes about China"),
    (Query(SAID, speaker="Blinken"), "quotes from Blinken"),
    (Query(SAID, speaker="Blinken", topic="Iran"), "quotes by Blinken on Iran"),
    (Query(SAID, speaker="Blinken", topic="Russia"), "what Blinken said about Russia"),
    (Query(SAID, speaker="Putin", topic="NATO"), "what's Putin been saying about NATO"),
    (Query(SAID, speaker="Macron", topic="Ukraine"), "did Macron say anything about Ukraine"),
    (
        Query(SAID, speaker="president", topic="inflation"),
        "what did the president say about inflation",
    ),
    (Query(SAID, speaker="Jake Sullivan"), "what does Jake Sullivan think"),
    # latest on X
    (Query(LATEST, topic="Ukraine"), "latest on Ukraine"),
    (Query(LATEST, topic="Ukraine"), "what's the latest on Ukraine?"),
    (Query(LATEST, topic="Russia"), "news about Russia"),
    (Query(LATEST, topic="NATO"), "what's new with NATO"),
    (Query(LATEST, topic="Ukraine"), "any news on Ukraine"),
    (Query(LATEST, topic="Ukraine"), "Ukraine"),
    (Query(LATEST, topic="Ukraine"), "Ukraine news"),
    (Query(LATEST, topic="war in Ukraine"), "latest on the war in Ukraine"),
    (Query(LATEST, topic="Biden Putin summit"), "Biden Putin summit"),
    (Query(LATEST, topic="Ukraine"), "what is happening in Ukraine"),
    (Query(LATEST, topic="Ukraine"), "tell me about Ukraine"),  # a place, not a person
    (Query(LATEST, topic="Russia"), "what about Russia"),
    (Query(LATEST, topic="U.S."), "latest on the U.S."),
    (Query(LATEST, topic="WHO"), "WHO"),
    (Query(LATEST), "latest"),
    (Query(LATEST), "news"),
    # who is P
    (Query(WHO, speaker="Jake Sullivan"), "who is Jake Sullivan"),
    (Query(WHO, speaker="Jake Sullivan"), "who's Jake Sullivan?"),
    (Query(WHO, speaker="Jake Sullivan"), "tell me about Jake Sullivan"),
    (Query(WHO, speaker="Jake Sullivan"), "tell me who Jake Sullivan is"),
    (Query(WHO, speaker="Jake Sullivan"), "what is Jake Sullivan's role"),
    (Query(WHO, speaker="Antony Blinken"), "background on Antony Blinken"),
    # digest
    (Query(DIGEST), "digest"),
    (Query(DIGEST), "the daily digest"),
    (Query(DIGEST, topic="Ukraine"), "digest on Ukraine"),
    (Query(DIGEST, period=TODAY), "today's digest"),
    (Query(DIGEST, period=TODAY), "digest for today"),
    # search
    (Query(SEARCH, topic="nuclear weapons"), 'search "nuclear weapons"'),
    (Query(SEARCH, topic="nuclear weapons"), "search for nuclear weapons"),
    (Query(SEARCH, topic="grain corridor"), "find grain corridor"),
    (Query(SEARCH, topic="we will not back down"), 'who said "we will not back down"'),
    # help
    (Query(HELP), "help"),
    (Query(HELP), "?"),
    (Query(HELP), "commands"),
    (Query(HELP), "what can you do"),
    (Query(HELP), ""),
    (Query(HELP), "who is"),
    (Query(HELP), "search"),
    # slash forms typed as text
    (Query(QUOTES, topic="China"), "/ask who said what about China"),
    (Query(QUOTES, topic="China"), "/quotes China"),
    (Query(LATEST, topic="Ukraine"), "/latest Ukraine"),
    (Query(WHO, speaker="Antony Blinken"), "/who Antony Blinken"),
    (Query(DIGEST), "/digest"),
    (Query(DIGEST, topic="Russia"), "/digest Russia"),
    (Query(HELP), "/help"),
    (Query(HELP), "/ask"),
    (Query(HELP), "/frobnicate now"),
    (Query(QUOTES, topic="China", period=TODAY), "/quotes China today"),
    # politeness and addressing
    (
        Query(SAID, speaker="Blinken", topic="Russia"),
        "hey newsbot, what did Blinken say about Russia",
    ),
    (Query(SAID, speaker="Blinken", topic="Russia"), "what did Blinken say about Russia please?"),
    (Query(LATEST, topic="ukraine"), "@newsbot latest on ukraine"),
    (Query(WHO, speaker="Jake Sullivan"), "<@U024BE7LH> who is Jake Sullivan"),
    (
        Query(SAID, speaker="Blinken", topic="Russia"),
        "can you tell me what Blinken said about Russia",
    ),
    (Query(QUOTES, topic="China"), "please show me quotes about China"),
    (Query(LATEST, topic="Ukraine"), "Hi bot: any news on Ukraine, thanks!"),
    (Query(SAID, speaker="Psaki"), "show quotes from Psaki"),
    (Query(LATEST, topic="China"), "get me news about China"),
    (Query(SAID, speaker="Blinken"), "Thanks, what did Blinken say"),
    (Query(HELP), "thank you!"),
    (Query(HELP), "hello"),
    (Query(SAID, speaker="Biden", topic="Xi"), "What did Biden say to Xi?"),
    (Query(SAID, speaker="Mr. Blinken"), "what did Mr. Blinken say"),
    (Query(WHO, speaker="Secretary of State"), "Who is the Secretary of State?"),
    (Query(LATEST, period=TODAY), "What are the headlines today?"),
    (Query(LATEST, outlet="Reuters"), "latest from Reuters"),
    (Query(QUOTES, topic="U.S."), "who said what about the U.S.?"),
    # time words
    (Query(QUOTES, topic="China", period=TODAY), "who said what about China today"),
    (Query(SAID, speaker="Biden", period=SINCE_MONDAY), "what did Biden say since Monday"),
    (
        Query(SAID, speaker="Jen Psaki", topic="Ukraine", period=THIS_WEEK),
        "what has Jen Psaki said on Ukraine this week",
    ),
    (Query(LATEST, period=YESTERDAY), "what happened yesterday"),
    (
        Query(LATEST, period=Period(at(2022, 3, 1), at(2022, 4, 1), "in March 2022")),
        "news in March 2022",
    ),
    (
        Query(LATEST, topic="Ukraine", period=Period(at(2022, 3, 10, 18, 34), None, "last 7 days")),
        "Ukraine news last 7 days",
    ),
    (
        Query(QUOTES, topic="Russia", period=Period(at(2022, 3, 3), None, "since March 3")),
        "quotes about Russia since March 3",
    ),
    (
        Query(LATEST, topic="Iran", period=Period(at(2022, 1, 1), at(2023, 1, 1), "in 2022")),
        "latest on Iran in 2022",
    ),
    (
        Query(
            LATEST, topic="Ukraine", period=Period(at(2022, 3, 16, 18, 34), None, "past 24 hours")
        ),
        "Ukraine past 24 hours",
    ),
    # outlets
    (Query(QUOTES, topic="Russia", outlet="The Hill"), "quotes about Russia from The Hill"),
    (Query(LATEST, topic="Ukraine", outlet="The Hill"), "any news on Ukraine in the Hill"),
    (Query(LATEST, topic="Ukraine", outlet="Reuters"), "latest on Ukraine by Reuters"),
    (Query(LATEST, topic="Ukraine", outlet="Reuters"), "news from Reuter on Ukraine"),  # fuzzy
    (Query(LATEST, topic="China", outlet="nytimes.com"), "news about China from NYTimes"),
    (Query(LATEST, outlet="USA Today"), "news from USA Today"),  # the outlet, not a time
    (Query(QUOTES, topic="China from Xinhua"), "quotes on China from Xinhua"),  # unknown outlet
    (
        Query(SAID, speaker="Blinken", topic="Russia", outlet="CNN", period=YESTERDAY),
        "quotes by Blinken about Russia from CNN yesterday",
    ),
    # paging
    (Query(QUOTES, topic="China", page=2), "quotes about China page 2"),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_phrasing(expected: Query, text: str) -> None:
    assert replace(expected, text=text) == parse(text, NOW, OUTLETS)


def test_without_outlets_an_outlet_stays_in_the_topic() -> None:
    assert Query(LATEST, topic="Ukraine by Reuters", text="latest on Ukraine by Reuters") == parse(
        "latest on Ukraine by Reuters", NOW
    )


def test_outlets_may_be_any_iterable() -> None:
    query = parse("latest on Ukraine by Reuters", NOW, (o for o in OUTLETS))
    assert "Reuters" == query.outlet


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        ("Ukraine", '"Ukraine"'),
        ("Ukraine", "“Ukraine”"),
        ("Ukraine", "'Ukraine'"),
        ("Ukraine Russia", "Ukraine OR Russia"),
        ("Biden", "-Biden"),
        ("Biden Putin", "NEAR(Biden Putin)"),
        ("people's republic", "people's republic"),
        ("al-Assad", "al-Assad"),
        ("Ukraine", "#Ukraine"),
        ("China", "latest on: China"),
        ("Ukraine", "latest on Ukraine..."),
    ],
)
def test_topic_noise_is_stripped(topic: str, text: str) -> None:
    assert topic == parse(text, NOW).topic


def test_text_keeps_the_cleaned_original() -> None:
    query = parse("  hey newsbot,\u200b who said\nwhat about   China? ", NOW)
    assert "hey newsbot, who said what about China?" == query.text
    assert Query(QUOTES, topic="China", text=query.text) == query


def test_curly_apostrophes() -> None:
    assert Query(WHO, speaker="Jake Sullivan", text="who's Jake Sullivan") == parse(
        "who’s Jake Sullivan", NOW
    )


def test_long_text_is_truncated_at_a_word() -> None:
    text = "latest on " + "Ukraine " * 2_000
    query = parse(text, NOW)
    assert LATEST == query.intent
    assert len(query.text) <= MAX_CHARS
    assert query.text.endswith("Ukraine")
    assert len(clean_text("x" * 10_000)) == MAX_CHARS


HOSTILE = [
    "",
    " ",
    "\x00",
    "\x00who is \x00Jake",
    '"',
    '""""',
    "*",
    "NEAR(",
    "OR",
    "AND NOT -",
    ":",
    "^",
    "()",
    "😀",
    "😀😀 who is 😀",
    "🇺🇦",
    "\u200b\u200c\u200d\ufeff",
    "\u202eevil\u202c",
    "مرحبا، من قال ماذا عن الصين؟",
    "שלום",
    "\ud800",
    "who is \udfff",
    "\t\n\r\x0b\x0c",
    "x" * 10_000,
    "who said what about " * 600,
    "since since since in in in from from",
    "from from the the",
    "/",
    "//",
    "/ask /ask /ask",
    "'; DROP TABLE articles; --",
    "Ukraine\x00 OR 1=1",
    "what did say about",
    "who said what about ?",
    "tell me about",
    "page 999999",
    "quotes page 0",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_parses(text: str) -> None:
    query = parse(text, NOW, OUTLETS)
    assert isinstance(query, Query)
    assert len(query.text) <= MAX_CHARS
    assert "\x00" not in query.text
    for value in (query.topic, query.speaker):
        assert value is None or (value.strip() and "\x00" not in value)


def test_nothing_to_look_up_is_help() -> None:
    assert HELP == parse("😀", NOW).intent
    assert HELP == parse("who is ???", NOW).intent
    assert HELP == parse("\u200b", NOW).intent


def test_table_is_ordered_and_first_match_wins() -> None:
    # "who is saying what about X" also fits "who is P"; the earlier QUOTES row must win.
    first = next(r for r in RULES if r.pattern.match("who is saying what about china"))
    assert QUOTES == first.intent
    assert QUOTES == parse("who is saying what about China", NOW).intent
    assert all(isinstance(r.pattern, re.Pattern) for r in RULES)
    assert HELP == RULES[-1].intent  # a catch-all closes the table


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=600))
def test_fuzz_any_text_parses(text: str) -> None:
    query = parse(text, NOW, OUTLETS)
    assert isinstance(query.intent, Intent)
    assert len(query.text) <= MAX_CHARS
    assert query.page >= 1


VOCABULARY = (
    "who what did say said about on quotes latest news from by in the today since Monday "
    "March 3 2022 last 7 days past hours Reuters Hill China Biden ? , please hey newsbot"
)
WORDS = st.sampled_from(VOCABULARY.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_fuzz_question_shaped_text_parses(words: list[str]) -> None:
    query = parse(" ".join(words), NOW, OUTLETS)
    if query.intent in {SAID, WHO}:
        assert query.speaker
    if query.intent is SEARCH:
        assert query.topic
