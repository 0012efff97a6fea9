"""Pure translation of Discord input: options to queries, mention markup, topics, choices."""

from __future__ import annotations

import pytest

from adapters.discord import options
from bot.contract import Destination, Intent, Query


def test_quotes_with_and_without_a_speaker() -> None:
    assert Query(Intent.QUOTES, topic="China") == options.quotes_query("  China ")
    assert Query(Intent.SAID, topic="China", speaker="Antony Blinken", page=2) == (
        options.quotes_query("China", " Antony   Blinken ", 2)
    )
    assert Query(Intent.QUOTES, topic="China") == options.quotes_query("China", "   ")


def test_other_commands() -> None:
    assert Query(Intent.LATEST, topic="Ukraine war") == options.latest_query("Ukraine\twar")
    assert Query(Intent.WHO, speaker="Jen Psaki") == options.who_query("Jen Psaki")
    assert Query(Intent.DIGEST) == options.digest_query(None)
    assert Query(Intent.DIGEST, topic="China") == options.digest_query("China")
    assert Query(Intent.HELP) == options.help_query()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<@42> who said what about China", "who said what about China"),
        ("<@!42>   latest   Ukraine", "latest Ukraine"),
        ("what did <@42> Blinken say", "what did Blinken say"),
        ("<@42>", ""),
        ("<@43> is not me", "<@43> is not me"),
    ],
)
def test_question_strips_only_the_bots_mention(content: str, expected: str) -> None:
    assert expected == options.question(content, 42)


def test_topics_are_split_cleaned_and_deduplicated() -> None:
    assert ("China", "Ukraine") == options.topics(" China,, Ukraine , CHINA ,ukraine ")
    assert () == options.topics(None)
    assert () == options.topics(" , ")


def test_choices_stay_within_discords_limits() -> None:
    values = ["Jen Psaki", "jen psaki", "x" * 101, ""] + [f"topic {n}" for n in range(40)]
    pairs = options.choices(values)
    assert 25 == len(pairs)
    assert ("Jen Psaki", "Jen Psaki") == pairs[0]
    assert ("topic 0", "topic 0") == pairs[1]
    assert all(len(name) <= 100 and name == value for name, value in pairs)


def test_timezones_complete_by_prefix_then_substring() -> None:
    assert ["Europe/London"] == options.timezones("europe/lond")
    assert "America/New_York" in options.timezones("new york")
    assert 25 == len(options.timezones(""))


def test_destination_is_built_from_discord_ids() -> None:
    assert Destination("discord", "1", "2") == options.destination(1, 2)
