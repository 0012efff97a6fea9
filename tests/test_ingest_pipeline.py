"""`ingest_paths` into a real store on a temporary file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ingest import IngestReport, Rejected, ingest_paths
from bot.store import Store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "newsbot.db")
    yield opened
    opened.close()


def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = {
                "id": f"c-{i}",
                "url": f"https://wire.example/story-{i}",
                "source": "wire",
                "title": f"Story {i}",
                "published": "2026-10-01T08:00:00Z",
                "text": f"Story number {i} begins here.\n\n“We will act,” Senator Jane Roe said.",
            }
            out.write(json.dumps(record) + "\n")
    return path


def test_seeds_load_silently(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    report = ingest_paths(store, [SEEDS], NOW)
    assert IngestReport(added=1, updated=0, duplicates=0, rejected=()) == report
    assert ("", "") == capsys.readouterr()
    assert not store.is_empty()


def test_second_run_is_all_duplicates(store: Store) -> None:
    ingest_paths(store, [SEEDS], NOW)
    assert IngestReport(0, 0, 1) == ingest_paths(store, [SEEDS], NOW)


def test_batches_progress_and_rejections(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 1203)
    with corpus.open("a", encoding="utf-8") as out:
        out.write("{broken\n")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    calls: list[tuple[int, int | None]] = []
    report = ingest_paths(
        store, [corpus, tmp_path / "empty.txt"], NOW, lambda d, t: calls.append((d, t))
    )
    assert 1203 == report.added
    assert (
        Rejected(f"{corpus}:1204", "not JSON"),
        Rejected(str(tmp_path / "empty.txt"), "empty file"),
    ) == report.rejected
    assert "added 1203, updated 0, duplicates 0, rejected 2 (empty file: 1, not JSON: 1)" == (
        report.summary_line()
    )
    assert [(500, 1205), (1000, 1205), (1205, 1205)] == calls


def test_worker_processes_store_the_same_as_one_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", 2400)
    alone = Store.open(tmp_path / "alone.db")
    pooled = Store.open(tmp_path / "pooled.db")
    assert ingest_paths(alone, [corpus], NOW) == ingest_paths(pooled, [corpus], NOW, workers=2)
    (first,) = pooled.quotes(None, None, None, None, 1)
    assert "Jane Roe" == first.speaker
    assert alone.stats() == pooled.stats()
    assert 2400 == pooled.stats().articles


def test_changed_text_is_an_update(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    (tmp_path / "a.meta.json").write_text('{"url": "https://x.example/a"}', encoding="utf-8")
    path.write_text("Title\n\nFirst version of the story.", encoding="utf-8")
    assert IngestReport(1, 0, 0) == ingest_paths(store, [path], NOW)
    path.write_text("Title\n\nSecond version of the story, with more.", encoding="utf-8")
    assert IngestReport(0, 1, 0) == ingest_paths(store, [path], NOW)


def test_nothing_to_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    calls: list[tuple[int, int | None]] = []
    report = ingest_paths(store, [tmp_path / "empty"], NOW, lambda d, t: calls.append((d, t)))
    assert IngestReport(0, 0, 0) == report
    assert [(0, 0)] == calls


def test_a_pooled_rerun_skips_unchanged_articles_and_updates_changed_ones(tmp_path: Path) -> None:
    """Workers hash fresh articles, the writer hashes stored ones: both must agree."""
    corpus = _corpus(tmp_path / "corpus.jsonl", 2400)
    store = Store.open(tmp_path / "pooled.db")
    assert IngestReport(2400, 0, 0) == ingest_paths(store, [corpus], NOW, workers=2)
    assert IngestReport(0, 0, 2400) == ingest_paths(store, [corpus], NOW, workers=2)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines[7] = lines[7].replace("begins here", "begins over here")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert IngestReport(0, 1, 2399) == ingest_paths(store, [corpus], NOW, workers=2)
    assert IngestReport(0, 0, 2400) == ingest_paths(store, [corpus], NOW, workers=2)
