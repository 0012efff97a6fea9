"""Which quoted stretches count as someone's words (issue 6): quotes in transcripts.

Every sentence here is invented: same shape as the case it guards, made-up people and topics.
"""

from __future__ import annotations

import io
import json

from bot.contract import QuoteKind
from bot.extract import extract
from bot.extract.jsonl import run


def direct(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker) of each direct quote, in order."""
    return [(q.text, q.speaker) for q in extract(text).quotes if q.kind is QuoteKind.DIRECT]


TRANSCRIPT = (
    "The station aired the exchange on Sunday.\n\n"
    "The exchange, in part:\n\n"
    '"KOWALSKI: Well, look, my rival thinks this is an episode of “Dream House.” '
    "But this is serious business.\n\n"
    '"BRANDT: But, Governor, as “The Daily Ledger” wrote, voters are worried about your temper.\n\n'
    '"KOWALSKI: They should be worried about the schools.\n\n'
    '"BRANDT: Thank you, Governor.\n'
)


def test_quotes_inside_a_transcript_turn_are_the_turns_speakers() -> None:
    # the title of a show quoted in a turn is what that speaker said, whatever its case
    quotes = direct(TRANSCRIPT)
    assert ("Dream House.", "Kowalski") == quotes[0]
    assert ("The Daily Ledger", "Brandt") == quotes[1]


def test_turns_quoted_whole_are_one_quote_each_without_the_name() -> None:
    # each turn is its own speaker's, not one quote running on over the paragraphs
    assert [
        ("They should be worried about the schools.", "Kowalski"),
        ("Thank you, Governor.", "Brandt"),
    ] == direct(TRANSCRIPT)[2:]


def test_turns_quoted_whole_are_written_as_transcript_lines() -> None:
    # like unquoted transcript lines, a turn's words follow a name, not a quotation mark, so
    # only `reported=True` writes them; the quotes inside a turn are written always
    out = io.StringIO()
    run([json.dumps({"id": "a1", "text": TRANSCRIPT})], out)
    written = [json.loads(line)["text"] for line in out.getvalue().splitlines()]
    assert ["Dream House.", "The Daily Ledger"] == written
    out = io.StringIO()
    run([json.dumps({"id": "a1", "text": TRANSCRIPT})], out, reported=True)
    written = [json.loads(line)["text"] for line in out.getvalue().splitlines()]
    assert "Thank you, Governor." in written


def test_a_turn_goes_on_in_an_unnamed_paragraph_but_not_into_a_note() -> None:
    text = (
        "The exchange, in part:\n\n"
        '"HALVORSEN: We will fix the bridge first.\n\n'
        '"And then we will fix the road.\n\n'
        '"VIDEO: A voice from a crowd shouts at the mayor.\n\n'
        '"PELLETIER: Will you fix the school too?\n'
    )
    quotes = [(q.text, q.speaker) for q in extract(text).quotes if q.speaker == "Halvorsen"]
    assert [
        ('We will fix the bridge first.\n\n"And then we will fix the road.', "Halvorsen")
    ] == quotes
