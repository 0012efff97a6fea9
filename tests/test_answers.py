"""Answers over the founding article, through the real store, extractor and parser."""

from __future__ import annotations

import pytest

from bot.contract import Intent, Query
from bot.core import NewsBot
from bot.store import Store
from tests.conftest import SEED_NOW, SEEDS


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> NewsBot:
    path = tmp_path_factory.mktemp("answers") / "seed.db"
    return NewsBot(Store.open(path), lambda: SEED_NOW, seeds=SEEDS)


def speakers(answer) -> list[str]:
    return [item.speaker for item in answer.items]


def test_who_said_what_about_china_lists_the_three_voices_with_roles(bot):
    answer = bot.ask("who said what about China")
    assert Intent.QUOTES == answer.intent
    by_speaker = {(i.speaker, i.role) for i in answer.items if i.kind == "direct"}
    assert ("Jen Psaki", "White House press secretary") in by_speaker
    assert ("Antony Blinken", "Secretary of State") in by_speaker
    assert any(s and "senior administration official" in s for s, _ in by_speaker)
    blinken = [i.text for i in answer.items if i.speaker == "Antony Blinken"]
    assert any(t.startswith("We believe China in particular has a responsibility") for t in blinken)
    assert {"Biden to speak with Xi Jinping on Friday"} == {c.title for c in answer.citations}
    assert "The Hill" == answer.citations[0].outlet


def test_direct_quotes_come_before_reported_speech(bot):
    kinds = [item.kind for item in bot.ask("quotes on China").items]
    assert kinds == sorted(kinds, key=lambda k: k != "direct")


def test_what_did_blinken_say_lists_only_blinken(bot):
    answer = bot.ask("what did Blinken say")
    assert Intent.SAID == answer.intent
    assert {"Antony Blinken"} == set(speakers(answer))
    assert 2 <= len(answer.items)


def test_latest_on_ukraine_gives_the_article(bot):
    answer = bot.ask("latest on Ukraine")
    assert Intent.LATEST == answer.intent
    assert ["Biden to speak with Xi Jinping on Friday"] == [i.link.title for i in answer.items]


def test_who_is_jake_sullivan_says_national_security_adviser(bot):
    answer = bot.ask("who is Jake Sullivan")
    assert Intent.WHO == answer.intent
    assert "national security adviser" in answer.summary


@pytest.mark.parametrize("alias", ["PRC", "Beijing", "Chinese"])
def test_china_matches_its_aliases(bot, alias):
    assert bot.ask(f"who said what about {alias}").items


def test_misspelt_names_get_a_did_you_mean(bot):
    answer = bot.ask("what did Blinkin say")
    assert "Antony Blinken" in answer.suggestions


def test_nothing_found_says_what_the_store_holds(bot):
    answer = bot.ask("who said what about Atlantis")
    assert () == tuple(i for i in answer.items if i.kind in {"direct", "reported"})
    assert any("The store holds 1 article" in note for note in answer.notes)


def test_a_period_without_news_points_to_the_newest(bot):
    answer = bot.ask("latest on Ukraine in March 2021")
    assert any("newest on Ukraine" in note for note in answer.notes)


def test_outlet_filter(bot):
    assert bot.ask("latest on Ukraine from The Hill").items
    answer = bot.answer(Query(Intent.LATEST, topic="Ukraine", outlet="Reuters"))
    assert not [i for i in answer.items if i.link and i.link.outlet == "Reuters"]


HOSTILE = [
    '"',
    "*",
    "NEAR(",
    "OR",
    "-",
    ":",
    "",
    "   ",
    'who said what about "China',
    "latest on NEAR(a b) OR -c:*",
    "x" * 10_000,
    "🇺🇦 latest on 🇨🇳 💥",
    "what did ' OR 1=1; DROP TABLE articles; -- say",
    "\u202ewho is\u200b Blinken\u0000",
    "who is",
    "what did say",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_text_gets_an_answer_never_an_error(bot, text):
    answer = bot.ask(text)
    assert answer.title
    assert answer.summary
    assert "fts5" not in answer.summary.lower()
    assert "syntax" not in " ".join(answer.notes).lower()


def test_help_lists_the_questions(bot):
    answer = bot.ask("help")
    assert Intent.HELP == answer.intent
    assert any("who said what about China" in item.text for item in answer.items)


def test_digest_falls_back_to_the_newest_day(bot):
    answer = bot.digest_now()
    assert Intent.DIGEST == answer.intent
    assert "Digest for 17 Mar 2022" == answer.title
    assert any(i.kind == "story" for i in answer.items)
    assert any(i.speaker == "Antony Blinken" for i in answer.items)


def test_what_p_said_on_a_topic_includes_articles_that_name_only_the_surname(tmp_path):
    from datetime import UTC, datetime

    from bot.extract import extract
    from bot.models import Article

    texts = {
        "full": 'Senator Bernie Sanders said on Monday: "Trade deals have cost this country'
        ' millions of jobs." Sanders spoke in Iowa.',  # the full name owns the surname
        "short": '"We need fair trade, not free trade," Sanders said at a rally in Ohio.',
    }
    store = Store.open(tmp_path / "s.db")
    for day, (name, text) in enumerate(texts.items(), start=1):
        article = Article(name, f"Story {name}", text, published=datetime(2016, 3, day, tzinfo=UTC))
        store.save_articles(
            [(article, extract(text, article.title))], datetime(2016, 3, 9, tzinfo=UTC)
        )
    bot = NewsBot(store, lambda: datetime(2016, 3, 9, tzinfo=UTC))
    answer = bot.ask("what did Bernie Sanders say about trade")
    assert [
        "We need fair trade, not free trade",
        "Trade deals have cost this country millions of jobs.",
    ] == [i.text for i in answer.items]
