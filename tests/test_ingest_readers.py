"""Readers on real files: each format, each kind of bad input, and folder walking."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest import Rejected, read_paths
from bot.models import Article

DATA = Path(__file__).resolve().parent / "data" / "ingest"

BODY = (
    "Senator Jane Roe said on Tuesday that the bill would pass.\n\n"
    "“We have the votes,” Roe told reporters outside the chamber."
)


def read(*paths: Path | str) -> list[Article | Rejected]:
    return list(read_paths(list(paths)))


def only_article(items: list[Article | Rejected]) -> Article:
    assert [] == [i for i in items if isinstance(i, Rejected)]
    assert 1 == len(items)
    assert isinstance(items[0], Article)
    return items[0]


# -- .txt ---------------------------------------------------------------------


def test_txt_title_and_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\n  Roe says bill will pass  \n\n" + BODY + "\n", encoding="utf-8")
    article = only_article(read(path))
    assert "Roe says bill will pass" == article.title
    assert BODY == article.text
    assert article.published is None
    assert article.outlet is None


def test_txt_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"\xef\xbb\xbfRoe says\r\n\r\nShe said it would pass.\r\n")
    article = only_article(read(path))
    assert "Roe says" == article.title
    assert "She said it would pass." == article.text


def test_txt_sidecar_gives_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Roe says bill will pass\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps(
            {
                "outlet": "Example Times",
                "published": "2024-05-01T09:30:00+02:00",
                "url": "https://times.example/roe?utm_source=x",
                "title": "Roe: the bill will pass",
            }
        ),
        encoding="utf-8",
    )
    article = only_article(read(tmp_path))
    assert "Example Times" == article.outlet
    assert datetime(2024, 5, 1, 7, 30, tzinfo=UTC) == article.published
    assert "https://times.example/roe?utm_source=x" == article.url
    # the first line differs from the sidecar's title, so it is kept as body text
    assert "Roe: the bill will pass" == article.title
    assert article.text.startswith("Roe says bill will pass\n\nSenator Jane Roe said")


def test_txt_id_from_url_ignores_tracking(tmp_path: Path) -> None:
    for name, url in (
        ("a", "https://times.example/roe?utm_source=x"),
        ("b", "https://TIMES.example/roe/"),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "s.txt").write_text(f"T {name}\n\nText {name}.", encoding="utf-8")
        (tmp_path / name / "s.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    first, second = read(tmp_path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


def test_txt_bad_sidecar_is_reported_but_article_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    note, article = read(tmp_path)
    assert Rejected(str(tmp_path / "a.meta.json"), "bad sidecar", kept=True) == note
    assert isinstance(article, Article)
    assert "Title" == article.title


def test_txt_short_real_lines_are_kept(tmp_path: Path) -> None:
    text = "Title\n\nThe vote was 51 to 49.\n\nShare this\n\nIt passed.\n\nAdvertisement\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = only_article(read(tmp_path / "a.txt"))
    assert "The vote was 51 to 49.\n\nIt passed." == article.text


def test_txt_updated_line_with_its_own_date(tmp_path: Path) -> None:
    text = "Title\n\n" + BODY + "\n\nUpdated at 9:05 a.m. ET, March 1, 2024\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    article = only_article(read(tmp_path / "a.txt"))
    assert datetime(2024, 3, 1, 14, 5, tzinfo=UTC) == article.published
    assert BODY == article.text


# -- .html --------------------------------------------------------------------


def test_html_page_through_trafilatura() -> None:
    article = only_article(read(DATA / "page.html"))
    assert "Blinken warns China over Russia aid" == article.title
    assert "Example News" == article.outlet
    assert "https://news.example/2022/03/17/blinken-china" == article.url
    assert datetime(2022, 3, 17, 18, 34, tzinfo=UTC) == article.published
    assert ("China",) == article.tags
    paragraphs = article.text.split("\n\n")
    assert 3 == len(paragraphs)
    assert paragraphs[0].startswith("Secretary of State Antony Blinken told reporters")
    assert paragraphs[1].startswith("“We believe China in particular")
    assert paragraphs[2].startswith("White House press secretary Jen Psaki")
    for furniture in ("Advertisement", "Most Popular", "Copyright", "Home"):
        assert furniture not in article.text


def test_html_declared_latin1_charset(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'><title>Caf\xe9 talks</title></head><body>"
        "<article><h1>Caf\xe9 talks</h1><p>"
        + "The minister said the caf\xe9 talks in Paris had gone well for everyone there. " * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "p.html").write_bytes(page.encode("latin-1"))
    article = only_article(read(tmp_path / "p.html"))
    assert "Café talks" == article.title
    assert "the café talks in Paris" in article.text


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    page = "<html><head><title>Menu</title></head><body><script>var a = 1;</script></body></html>"
    (tmp_path / "p.htm").write_text(page, encoding="utf-8")
    assert [Rejected(str(tmp_path / "p.htm"), "no article text")] == read(tmp_path / "p.htm")


# -- .jsonl -------------------------------------------------------------------


def _record(i: int, **changes: object) -> str:
    record = {
        "id": f"bench-7-{i}",
        "url": f"https://wire.example/2026/01/0{i}/story-{i}",
        "source": "wire",
        "title": f"Story {i}",
        "published": f"2026-01-0{i}T10:00:00Z",
        "text": f"Paragraph one of story {i}.\n\nParagraph two.",
    }
    record.update(changes)
    return json.dumps({k: v for k, v in record.items() if v is not ...})


def test_jsonl_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(_record(1) + "\n" + _record(2) + "\n", encoding="utf-8")
    first, second = read(path)
    assert (
        Article(
            id="bench-7-1",
            title="Story 1",
            text="Paragraph one of story 1.\n\nParagraph two.",
            url="https://wire.example/2026/01/01/story-1",
            outlet="wire",
            published=datetime(2026, 1, 1, 10, 0, tzinfo=UTC),
        )
        == first
    )
    assert isinstance(second, Article)
    assert "bench-7-2" == second.id


def test_jsonl_bad_lines_are_each_rejected_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        _record(1),
        "{not json",
        "",
        _record(2, text="   "),
        _record(3, published="last Tuesday"),
        "[1, 2]",
        _record(4, title=7),
        _record(5, id=..., url=...),
        _record(6, published="2026-01-06T10:00:00"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    rejected = [i for i in items if isinstance(i, Rejected)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [
        Rejected(f"{path}:2", "not JSON"),
        Rejected(f"{path}:4", "missing text"),
        Rejected(f"{path}:5", "bad date", kept=True),
        Rejected(f"{path}:6", "not a JSON object"),
        Rejected(f"{path}:7", "bad field"),
    ] == rejected
    assert ["bench-7-1", "bench-7-3", 16, "bench-7-6"] == [
        a.id if a.id.startswith("bench") else len(a.id) for a in articles
    ]
    assert articles[1].published is None  # kept, undated
    assert datetime(2026, 1, 6, 10, 0, tzinfo=UTC) == articles[3].published  # naive = UTC


def test_jsonl_not_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    bad = _record(2, title="Caf\xe9").encode("utf-8").replace(b"\\u00e9", b"\xe9")
    path.write_bytes(_record(1).encode() + b"\n" + bad + b"\n")
    items = read(path)
    assert Rejected(f"{path}:2", "not UTF-8") == items[1]
    assert isinstance(items[0], Article)


def test_jsonl_huge_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    huge = _record(2, text="x" * (3 * 1024 * 1024))
    path.write_text(_record(1) + "\n" + huge + "\n" + _record(3) + "\n", encoding="utf-8")
    items = read(path)
    assert Rejected(f"{path}:2", "too large") == items[1]
    assert ["bench-7-1", "bench-7-3"] == [i.id for i in items if isinstance(i, Article)]


def test_jsonl_that_is_not_jsonl_gives_up_once(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("just words\n" * 500, encoding="utf-8")
    items = read(path)
    assert 101 == len(items)
    assert Rejected(str(path), "too many bad lines") == items[-1]


def test_jsonl_by_time_reads_oldest_first_and_undated_last(tmp_path: Path) -> None:
    """A bulk load's order: by "published" (offsets honoured), then undated and bad lines
    in file order, each still reported with its own line number."""
    path = tmp_path / "c.jsonl"
    lines = [
        _record(5),
        _record(7, published=...),
        "{not json",
        _record(2, published="2026-01-02T12:00:00+02:00"),  # 10:00 UTC, before story 3
        _record(3, published="2026-01-02T11:00:00Z"),
        _record(8, text="x" * (3 * 1024 * 1024)),
        _record(1),
        _record(9, published="last Tuesday"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path], by_time=True))
    assert [
        "bench-7-1",
        "bench-7-2",
        "bench-7-3",
        "bench-7-5",
        Rejected(f"{path}:6", "too large"),  # dated 8 January
        "bench-7-7",
        Rejected(f"{path}:3", "not JSON"),
        "bench-7-9",
        Rejected(f"{path}:8", "bad date", kept=True),
    ] == [i.id if isinstance(i, Article) else i for i in items]
    assert sorted(map(str, read(path))) == sorted(map(str, items))


# -- bad files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"GIF89a\x00\x01\x02\x00", "binary file"),
        ("binary.jsonl", b"\x00\x01{}\n", "binary file"),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n  \n", "empty file"),
        ("blank.html", b"\n\n", "empty file"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("utf16.jsonl", '{"text": "x"}'.encode("utf-16"), "not UTF-8"),
        ("latin1.txt", "Café au lait\n\nIl a dit « non ».".encode("latin-1"), "not UTF-8"),
        ("utf16.txt", "Title\n\nBody.".encode("utf-16"), "not UTF-8"),
        ("furniture.txt", b"Advertisement\n\nLoad more\n", "no article text"),
        ("title-only.txt", b"Just a title\n", "no article text"),
        ("doc.pdf", b"%PDF-1.4", "unknown file type"),
        ("notes", b"plain words", "unknown file type"),
    ],
)
def test_bad_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert [Rejected(str(path), reason)] == read(path)


def test_huge_txt_is_rejected_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Title\n\n")
        handle.write(b"word " * (2 * 1024 * 1024 + 10))  # just over 10 MB
    assert [Rejected(str(path), "too large")] == read(path)


def test_missing_path(tmp_path: Path) -> None:
    assert [Rejected(str(tmp_path / "nope"), "no such file or folder")] == read(tmp_path / "nope")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    try:
        assert [Rejected(str(path), "unreadable")] == read(path)
    finally:
        path.chmod(0o644)


# -- folders --------------------------------------------------------------------


def test_folder_walk_sorted_recursive_skips_hidden_and_sidecars(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/x.txt", "a/.cache/y.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel}\n\nBody of {rel}.", encoding="utf-8")
    (tmp_path / "a" / "c.meta.json").write_text('{"outlet": "X"}', encoding="utf-8")
    items = read(tmp_path)
    assert ["a/c.txt", "a/z.txt", "b.txt"] == [i.title for i in items if isinstance(i, Article)]
    assert "X" == items[0].outlet  # type: ignore[union-attr]


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("One\n\nFirst.", encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"\xff\xfe\xfa")
    (tmp_path / "3.txt").write_text("Three\n\nThird.", encoding="utf-8")
    items = read(tmp_path, tmp_path / "missing")
    assert ["One", Rejected(str(tmp_path / "2.txt"), "not UTF-8"), "Three"] == [
        i.title if isinstance(i, Article) else i for i in items[:3]
    ]
    assert Rejected(str(tmp_path / "missing"), "no such file or folder") == items[3]


def test_directory_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("A\n\nBody.", encoding="utf-8")
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)
    items = read(tmp_path)
    assert [Rejected(str(tmp_path / "sub" / "back"), "directory loop")] == [
        i for i in items if isinstance(i, Rejected)
    ]
    assert ["A"] == [i.title for i in items if isinstance(i, Article)]


def test_self_referencing_symlink(tmp_path: Path) -> None:
    (tmp_path / "me.txt").symlink_to(tmp_path / "me.txt")
    assert [Rejected(str(tmp_path / "me.txt"), "directory loop")] == read(tmp_path)


def test_seed_folder_copy_reads_like_the_seed(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    shutil.copytree(seeds, tmp_path / "seeds")
    article = only_article(read(tmp_path / "seeds"))
    assert "The Hill" == article.outlet


# -- anything at all --------------------------------------------------------------

SUFFIXES = (".txt", ".html", ".jsonl")
TRICKY = st.sampled_from(
    [b"\x00", b"\xff", b"\xef\xbb\xbf", b"\n", b"\r\n", b"{", b'{"text": "x"}', b"<p>", b"Tags ",
     b"Updated at 2:34 p.m.", "é".encode(), b"Advertisement", b" "]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    suffix=st.sampled_from(SUFFIXES),
    content=st.lists(st.one_of(TRICKY, st.binary(max_size=40)), max_size=12).map(b"".join),
)
def test_any_bytes_give_articles_or_rejections_never_an_exception(
    suffix: str, content: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"f{suffix}"
        path.write_bytes(content)
        items = read(path)
    assert items
    for item in items:
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Article):
            assert item.title.strip() and item.text.strip() and item.id


def test_txt_starting_with_a_paragraph_keeps_it(tmp_path: Path) -> None:
    paragraph = "The senator said " + "the bill would pass and " * 20 + "nothing would stop it."
    (tmp_path / "a.txt").write_text(paragraph + "\n\nSecond paragraph.", encoding="utf-8")
    article = only_article(read(tmp_path / "a.txt"))
    assert paragraph + "\n\nSecond paragraph." == article.text
    title = "The senator said" + " the bill would pass and" * 3 + " the bill…"
    assert title == article.title
