"""Page furniture, "Updated at" lines, tag splitting and the report's summary line."""

from __future__ import annotations

import pytest

from bot.ingest import IngestReport, Rejected
from bot.ingest.dates import WrittenTime
from bot.ingest.furniture import clean, is_furniture
from bot.ingest.tags import split_tags


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Share this",
        "Share this article on Facebook",
        "Facebook Twitter Email",
        "Read more",
        "Read more: Biden’s trip to Europe",
        "Sign up for our daily newsletter",
        "Subscribe now",
        "Copyright 2022 Nexstar Media Inc. All rights reserved.",
        "© 2024 Example News",
        "See all Hill.TV See all Video",
        "Most Popular",
        "Load more",
        "Related Stories",
        "Skip to main content",
        "12 Comments",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "It passed.",
        "Sign up sheets were handed out at the rally, and thousands of voters added their names.",
        "Read more than 300 pages of the report and you find a different story, Roe said.",
        "Share prices fell sharply on Tuesday after the announcement.",
        "Copyright law was at the heart of the dispute between the two publishers, lawyers said "
        "on Monday, adding that the case could take years to resolve in the courts and would "
        "likely end up before the Supreme Court if neither side backed down before the trial.",
        "Most popular among young voters was the senator from Vermont.",
        "Latest polls show the race tightening in Pennsylvania.",
    ],
)
def test_real_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_clean_keeps_blocks_and_collects_metadata() -> None:
    text = (
        "Advertisement\n\n"
        "First paragraph, line one\nline two of it.\n\n"
        "Second paragraph.\n\n"
        "Updated at 2:34 p.m.\n\n"
        "Tags Foo Bar\nSee all Video\n\nMost Popular\n\nWorld\n\nLoad more\n"
    )
    cleaned = clean(text)
    assert "First paragraph, line one\nline two of it.\n\nSecond paragraph." == cleaned.body
    assert ("Foo Bar",) == cleaned.tag_lines
    assert (WrittenTime(14, 34),) == cleaned.times
    # "World" is a section name in the furniture block after the last paragraph
    assert "World" in cleaned.dropped


def test_clean_keeps_short_unpunctuated_lines_without_furniture_nearby() -> None:
    text = "Para one is here.\n\nA subheading\n\nPara two is here.\n\nSigned off"
    assert (
        "Para one is here.\n\nA subheading\n\nPara two is here.\n\nSigned off" == clean(text).body
    )


def test_updated_mid_sentence_is_body() -> None:
    text = "Updated figures released at 3 p.m. showed the deficit had narrowed, officials said."
    assert text == clean(text).body


def test_split_tags_uses_the_article_and_alphabetical_order() -> None:
    context = "Jake Sullivan met Yang Jiechi in Rome. Gina Raimondo spoke."
    line = "Biden Gina Raimondo Jake Sullivan Joe Biden Russian invasion of Ukraine Yang Jiechi"
    assert (
        "Biden",
        "Gina Raimondo",
        "Jake Sullivan",
        "Joe Biden",
        "Russian invasion of Ukraine",
        "Yang Jiechi",
    ) == split_tags(line, context)


def test_split_tags_with_separators() -> None:
    assert ("China", "Russia", "Ukraine war") == split_tags("China, Russia | Ukraine war, china")


def test_split_tags_keeps_one_hint_when_too_long() -> None:
    line = " ".join(f"Name{i}" for i in range(100))
    assert (line,) == split_tags(line)


def test_summary_line_and_ok() -> None:
    report = IngestReport(
        added=3,
        updated=0,
        duplicates=1,
        rejected=(Rejected("b.txt", "not UTF-8"), Rejected("a.txt", "empty file")),
    )
    assert "added 3, updated 0, duplicates 1, rejected 2 (empty file: 1, not UTF-8: 1)" == (
        report.summary_line()
    )
    assert not report.ok
    assert IngestReport(1, 0, 0).ok
    kept = IngestReport(1, 0, 0, (Rejected("c.jsonl:2", "bad date", kept=True),))
    assert kept.ok  # stored undated: a warning, not a loss
    assert "added 1, updated 0, duplicates 0, rejected 0" == IngestReport(1, 0, 0).summary_line()


def test_summary_line_counts_kept_items_as_warnings() -> None:
    report = IngestReport(2, 0, 0, (Rejected("c.jsonl:3", "bad date", kept=True),))
    assert "added 2, updated 0, duplicates 0, rejected 0, kept with warnings 1 (bad date: 1)" == (
        report.summary_line()
    )
    assert "c.jsonl:3: bad date (kept)" == str(report.rejected[0])
