"""The founding article: every quote with its speaker, role and cue; entities with roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.contract import QuoteKind
from bot.extract import extract

ROOT = Path(__file__).resolve().parent.parent
NAME = "000_fec3eef95c4b2057.txt"
CANDIDATES = [ROOT / "seeds" / NAME, ROOT.parent / "shared" / "seeds" / NAME]


@pytest.fixture(scope="module")
def article() -> str:
    for path in CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("founding article not found")


def test_direct_quotes_and_speakers(article: str) -> None:
    qs = [q for q in extract(article).quotes if q.kind is QuoteKind.DIRECT]
    got = [(q.text[:24], q.speaker, q.role) for q in qs]
    assert [
        ("This is part of our ongo", "Jen Psaki", "White House press secretary"),
        ("The two Leaders will dis", "Jen Psaki", "White House press secretary"),
        ("We believe China in part", "Antony Blinken", "Secretary of State"),
        ("Instead, it appears that", "Antony Blinken", "Secretary of State"),
        ("We do have deep concerns", "a senior administration official", None),
        ("no limits.", "Xi Jinping", None),
        ("significant consequences", "Jen Psaki", "White House press secretary"),
        ("violates sanctions or su", "Jen Psaki", "White House press secretary"),
    ] == got


def test_offsets_point_into_the_text(article: str) -> None:
    for q in extract(article).quotes:
        assert q.text == article[q.start : q.end]


def test_cues(article: str) -> None:
    qs = [q for q in extract(article).quotes if q.kind is QuoteKind.DIRECT]
    assert ["said in a statement", "said in a statement", "said", "said", "told reporters"] == [
        q.cue for q in qs[:5]
    ]


def test_entities_carry_roles_and_aliases(article: str) -> None:
    people = {e.name: e for e in extract(article).entities if e.kind == "person"}
    assert "national security adviser" in people["Jake Sullivan"].roles
    assert "Secretary of State" in people["Antony Blinken"].roles
    assert "Blinken" in people["Antony Blinken"].aliases
    assert "White House press secretary" in people["Jen Psaki"].roles
    assert "Commerce Secretary" in people["Gina Raimondo"].roles
    # the Tags line and page furniture name nobody
    assert not any("Tags" in name or "Popular" in name for name in people)


def test_reported_speech(article: str) -> None:
    rs = {q.speaker: q for q in extract(article).quotes if q.kind is QuoteKind.REPORTED}
    assert "warned" == rs["Gina Raimondo"].cue
    assert rs["Gina Raimondo"].text.startswith("the U.S. would penalize Chinese firms")
    assert rs["Jen Psaki"].text.startswith("China would face “significant consequences”")
    assert rs["Jake Sullivan"].text.startswith("Beijing would face consequences")
    assert "told reporters" == rs["Antony Blinken"].cue
    # the attribution of a direct quote is not also reported speech
    assert 5 == len(rs)
