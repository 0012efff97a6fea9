"""Fuzz: hostile `.txt`, `.html` and `.jsonl` files, read and stored in a real store.

Every case goes through `ingest_paths` into SQLite, so a string a reader lets through but the
store cannot hold (a lone surrogate from JSON, say) fails here. Also: scripts never become
article text, and entity bombs (billion laughs) in pages and feeds stay small and fast.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.feeds.parse import parse_feed
from bot.ingest import ingest_paths
from bot.ingest.readers import read_file
from bot.ingest.report import Rejected
from bot.models import Article
from bot.net.errors import FetchError
from bot.store import Store
from tests.hypothesis_profiles import MARKS, fuzz, fuzz_report, tried

__all__ = ["fuzz_report"]
pytestmark = MARKS

NOW = datetime(2022, 3, 18, 12, tzinfo=UTC)
ANY_CHAR = st.characters(exclude_categories=())  # surrogates and controls included
HOSTILE = [
    "\ud800", "\udfff", "\ud83d", "😀", "\u202e", "\u200f", "\u200b\u200d\ufeff", "e\u0301",
    "\u0301" * 5, "مرحبا", "שלום", "\x00", "\x1b[2J", "@everyone", "<@123>", "<!channel>",
    "**bold**", "[click](https://evil.example)", "```", "<script>alert(1)</script>",
    "&amp;", "&lol9;", "\r\n", "\u2028", '"', "\\", "'; DROP TABLE articles; --",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(alphabet=ANY_CHAR, max_size=30)),
                max_size=30).map(" ".join)  # fmt: skip
SENTENCE = "The mayor said “the bridge will open on Monday,” after years of argument and delay."
LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)).replace(
    "&lol0;" * 10, "lol"
)
BILLION_LAUGHS = f'<?xml version="1.0"?><!DOCTYPE lolz [{LAUGHS}]>'


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened = Store.open(tmp_path_factory.mktemp("fuzzr") / "r.db")
    yield opened
    opened.close()


def ingest_one(store: Store, path: Path) -> list[Article | Rejected]:
    """Read `path`, check each result, then store it; return what the reader made of it."""
    items = list(read_file(path))
    for item in items:
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Article):
            assert item.text.strip()
            assert "\x00" not in item.text
    report = ingest_paths(store, [path], NOW)  # must not raise, whatever the reader let by
    articles = sum(isinstance(i, Article) for i in items)
    assert articles == report.added + report.updated + report.duplicates
    return items


def text_of(items: list[Article | Rejected]) -> str:
    return "\n".join(f"{i.title}\n{i.text}" for i in items if isinstance(i, Article))


@fuzz(100)
@given(title=TEXT, body=TEXT)
def test_fuzz_txt(store: Store, tmp_path: Path, title: str, body: str) -> None:
    tried("txt")
    path = tmp_path / "hostile.txt"
    path.write_bytes(f"{title}\n\n{body}\n\n{SENTENCE}\n".encode("utf-8", "surrogatepass"))
    ingest_one(store, path)


@fuzz(100)
@given(records=st.lists(st.dictionaries(
    st.sampled_from(["id", "url", "source", "title", "published", "text", "tags", "x"]),
    st.one_of(TEXT, st.just(SENTENCE), st.integers(), st.none(), st.lists(TEXT, max_size=3)),
    max_size=8), max_size=6))  # fmt: skip
def test_fuzz_jsonl(store: Store, tmp_path: Path, records: list[dict[str, object]]) -> None:
    """Lone surrogates travel as "\\ud800" escapes, as JSON allows; they must not stop ingest."""
    tried("jsonl")
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = ingest_one(store, path)
    assert sorted(map(repr, items)) == sorted(map(repr, read_file(path, by_time=True)))


def test_lone_surrogates_in_json_are_stored_not_fatal(store: Store, tmp_path: Path) -> None:
    tried("jsonl")
    path = tmp_path / "surrogates.jsonl"
    lines = [
        {"id": "s1", "title": "Lone \ud800 high", "text": f"Odd \udfff text. {SENTENCE}"},
        {"id": "s2", "title": "Plain", "text": "A plain article about the harbour and its boats."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    assert "Lone \\ud800 high" in path.read_text(encoding="utf-8")
    report = ingest_paths(store, [path], NOW)
    assert (2, ()) == (report.added, report.rejected)
    (row,) = store.db.execute("select title, text from articles where id = 's1'").fetchall()
    assert "Lone \ufffd high" == row[0]
    assert row[1].startswith("Odd \ufffd text.")


def test_control_characters_in_json_are_not_text(store: Store, tmp_path: Path) -> None:
    """Found by the long run: a text of "\\u0000" alone was stored as an article."""
    tried("jsonl")
    path = tmp_path / "controls.jsonl"
    lines = [{"id": "c1", "text": "\x00"}, {"id": "c2", "title": "T\x1b[2J", "text": SENTENCE}]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    first, second = read_file(path)
    assert isinstance(first, Rejected)
    assert isinstance(second, Article) and "T[2J" == second.title


def test_scripts_after_broken_markup_stay_out_of_the_text(store: Store, tmp_path: Path) -> None:
    """Found by the long run: `<title><A</title>` made lxml read a later script as text."""
    tried("html")
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title><A</title><script>var x = 'MARKER1';</script></head><body>"
        f"<article><h1>T</h1><p>{SENTENCE}</p><script>document.write('MARKER2')</script>"
        "<style>p {content: 'MARKER3'}</style></article></body></html>",
        encoding="utf-8",
    )
    text = text_of(ingest_one(store, path))
    assert "bridge will open on Monday" in text
    assert [] == [m for m in ("MARKER1", "MARKER2", "MARKER3") if m in text]


PAGE = st.tuples(TEXT, TEXT, st.sampled_from(["", BILLION_LAUGHS, "<!DOCTYPE html>"]))


@fuzz(60)
@given(PAGE)
def test_fuzz_html_never_keeps_scripts(store: Store, tmp_path: Path, page: tuple) -> None:
    tried("html")
    title, body, prologue = page
    marker = "SCRIPT_MARKER_7d1"
    markup = (
        f"{prologue}<html><head><title>{title}</title><script>var x = '{marker}';</script>"
        f"<style>.a{{content:'{marker}'}}</style></head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{SENTENCE}</p><script>document.write('{marker}')</script>"
        f"<noscript>shown without JavaScript</noscript><p>&lol9;</p></article></body></html>"
    )
    path = tmp_path / "hostile.html"
    path.write_bytes(markup.encode("utf-8", "surrogatepass"))
    items = ingest_one(store, path)
    assert marker not in text_of(items)


def test_billion_laughs_page_stays_small(store: Store, tmp_path: Path) -> None:
    tried("html")
    path = tmp_path / "lol.html"
    path.write_text(
        f"{BILLION_LAUGHS}<html><head><title>Laughs</title></head><body><article>"
        f"<h1>Laughs</h1><p>&lol9;</p><p>{SENTENCE}</p></article></body></html>",
        encoding="utf-8",
    )
    items = ingest_one(store, path)
    text = text_of(items)
    assert "bridge will open on Monday" in text
    assert "lollol" not in text
    assert len(text) < 10_000


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_billion_laughs_feed_is_not_expanded(kind: str) -> None:
    tried("feed")
    item = "<item><title>Bomb &lol9;</title><link>https://news.example/1</link>" \
        "<description>&lol9; text</description></item>"  # fmt: skip
    body = (
        f"{BILLION_LAUGHS}<rss version='2.0'><channel><title>&lol9;</title>{item}</channel></rss>"
        if kind == "rss"
        else f"{BILLION_LAUGHS}<feed xmlns='http://www.w3.org/2005/Atom'><title>&lol9;</title>"
        "<entry><title>Bomb &lol9;</title><id>urn:1</id><content>&lol9; text</content></entry>"
        "</feed>"
    )
    try:
        parsed = parse_feed(body.encode(), "https://news.example/feed", {}, NOW)
    except FetchError:
        return  # refusing the document is as good as not expanding it
    shown = parsed.title + "".join(e.title + e.text for e in parsed.entries)
    assert "lollollol" not in shown
    assert len(shown) < 10_000


@fuzz(60)
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".jsonl"]))
def test_fuzz_any_bytes(store: Store, tmp_path: Path, data: bytes, suffix: str) -> None:
    tried("bytes")
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(data)
    ingest_one(store, path)


def test_the_store_is_consistent_after_hostile_files(store: Store) -> None:
    """Runs last in this module: running counts still match the rows."""
    conn = store.db.conn
    assert ("ok",) == conn.execute("pragma integrity_check").fetchone()
    articles = conn.execute("select count(*) from articles").fetchone()[0]
    counters = dict(conn.execute("select name, value from counters"))
    assert articles == counters["articles"]
    assert conn.execute("select count(*) from quotes").fetchone()[0] == counters["quotes"]
