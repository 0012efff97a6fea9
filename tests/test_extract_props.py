"""extract() on arbitrary text: no exceptions, offsets inside the text, deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract import extract

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        " said ",
        " he said",
        " she said.",
        ", according to ",
        "Mary Jones",
        "Sen. Tom Baker",
        ": ",
        "\n\n",
        ", ",
        ". ",
        "the official",
        "so-called ",
        " ― ",
        "We will win",
        "It’s",
        "U.S.",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_never_raises_and_offsets_hold(text: str) -> None:
    result = extract(text)
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
    assert result == extract(text)


def test_entity_kinds() -> None:
    text = (
        "Secretary of State Antony Blinken met State Department staff in New York. "
        "“We are ready,” a senior official said."
    )
    kinds = {e.name: e.kind for e in extract(text).entities}
    assert "person" == kinds["Antony Blinken"]
    assert "org" == kinds["State Department"]
    assert "place" == kinds["New York"]
    assert "unnamed" == kinds["a senior official"]
