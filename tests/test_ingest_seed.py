"""The founding article: furniture set aside, every paragraph kept, metadata from its sidecar."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ingest import Rejected, read_paths
from bot.models import Article

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED_SEED = REPO / ".." / "shared" / "seeds" / "000_fec3eef95c4b2057.txt"

PARAGRAPH_STARTS = (
    "President Biden is scheduled to speak with Chinese President Xi Jinping",
    "“This is part of our ongoing efforts",
    "News of the meeting comes days after Biden’s national security adviser",
    "Biden and Xi last spoke during a wide-ranging virtual meeting",
    "Russia is said to have asked for military assistance",
    "Secretary of State Antony Blinken told reporters later Thursday",
    "“We believe China in particular has a responsibility",
    "Administration officials described the face-to-face meeting",
    "“We do have deep concerns about China’s alignment",
    "China and Russia have deepened their ties in recent years",
    "China has tried to appear neutral in the Ukraine conflict",
    "Psaki said earlier this week that China would face",
    "Commerce Secretary Gina Raimondo also recently warned",
)


@pytest.fixture(scope="module")
def seed() -> Article:
    items = list(read_paths([SEEDS]))
    articles = [item for item in items if isinstance(item, Article)]
    assert [] == [item for item in items if isinstance(item, Rejected)]
    assert 1 == len(articles)
    return articles[0]


def test_seed_title_and_metadata(seed: Article) -> None:
    assert "Biden to speak with Xi Jinping on Friday" == seed.title
    assert "The Hill" == seed.outlet
    assert datetime(2022, 3, 17, 18, 34, tzinfo=UTC) == seed.published
    assert seed.url is None


def test_seed_keeps_every_paragraph_in_order(seed: Article) -> None:
    paragraphs = seed.text.split("\n\n")
    assert 13 == len(paragraphs)
    for start, paragraph in zip(PARAGRAPH_STARTS, paragraphs, strict=True):
        assert paragraph.startswith(start)
    assert paragraphs[-1].endswith("preventing them from using American software.")


@pytest.mark.parametrize(
    "furniture",
    ["Updated at", "Tags", "See all Hill.TV", "See all Video", "Most Popular", "Load more"],
)
def test_seed_drops_furniture(seed: Article, furniture: str) -> None:
    assert furniture not in seed.text


def test_seed_tags_are_split_into_names(seed: Article) -> None:
    assert (
        "Antony Blinken",
        "Biden",
        "China",
        "Gina Raimondo",
        "Jake Sullivan",
        "Jen Psaki",
        "Joe Biden",
        "Russia",
        "Russian invasion of Ukraine",
        "United States",
        "US-China relations",
        "Vladimir Putin",
        "Xi Jinping",
    ) == seed.tags


def test_seed_text_has_plain_spaces(seed: Article) -> None:
    assert "\u00a0" not in seed.text
    assert "Russia and have accused Beijing" in seed.text


def test_seed_id_is_stable(seed: Article) -> None:
    again = next(iter(read_paths([SEEDS / "000_fec3eef95c4b2057.txt"])))
    assert isinstance(again, Article)
    assert seed.id == again.id
    assert 16 == len(seed.id)


def test_repo_seed_matches_shared_copy() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("../shared is not present")
    assert SHARED_SEED.read_bytes() == (SEEDS / "000_fec3eef95c4b2057.txt").read_bytes()
