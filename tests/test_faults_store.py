"""Store faults through the real `newsbot` command: kill -9, locks, read-only, full disk, damage.

Each test runs the CLI in a child process over a real SQLite file and checks what a user
sees (exit code, one clear line, no traceback) and what the store holds afterwards.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import NewsbotError
from bot.ingest import ingest_paths
from bot.store import Store
from tests.conftest import ROOT, SHARED

CORPUS_SIZE = 1500  # three batches of 500: a kill lands inside one
NOW = datetime(2026, 11, 27, tzinfo=UTC)
STORY = "Mayor opens bridge\n\nThe mayor said “This bridge joins us,” on Monday.\n"


def newsbot_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "adapters.cli", *args]


def child_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "DISCORD_", "SLACK_"))
    }
    env.update(extra)
    return env


def newsbot(*args: str, preexec=None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        newsbot_command(*args), capture_output=True, text=True, cwd=ROOT, env=child_env(**env),
        timeout=300, preexec_fn=preexec,
    )  # fmt: skip


def assert_clear_failure(done: subprocess.CompletedProcess[str], needle: str) -> None:
    assert 2 == done.returncode, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("newsbot: ")
    assert needle in line


def contents(path: Path) -> dict[str, object]:
    """What a store holds, read with plain sqlite3: rows, per-article quotes, running counts."""
    conn = sqlite3.connect(path)
    try:
        ids = [r[0] for r in conn.execute("select id from articles")]
        per_article = dict(
            conn.execute(
                "select a.id, count(q.key) from articles a"
                " left join quotes q on q.article_key = a.key group by a.id"
            )
        )
        return {
            "integrity": conn.execute("pragma integrity_check").fetchone()[0],
            "articles": len(ids),
            "unique_ids": len(set(ids)),
            "quotes": conn.execute("select count(*) from quotes").fetchone()[0],
            "per_article": per_article,
            "counters": dict(conn.execute("select name, value from counters")),
        }
    finally:
        conn.close()


def assert_consistent(found: dict[str, object]) -> None:
    assert "ok" == found["integrity"]
    assert found["articles"] == found["unique_ids"]
    counters = found["counters"]
    assert isinstance(counters, dict)
    assert found["articles"] == counters["articles"]
    assert found["quotes"] == counters["quotes"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    maker = SHARED / "bench" / "make_corpus.py"
    if not maker.is_file() or not (SHARED / "eval").is_dir():
        pytest.skip("../shared/bench is not present")
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(maker), str(CORPUS_SIZE)], stdout=out, check=True)
    return path


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The store after one uninterrupted ingest of the corpus: the reference."""
    path = tmp_path_factory.mktemp("clean") / "clean.db"
    done = newsbot("--db", str(path), "ingest", str(corpus))
    assert 0 == done.returncode, done.stderr
    assert f"added {CORPUS_SIZE}," in done.stdout
    return contents(path)


def count_articles(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def writing(path: Path) -> bool:
    """True while another connection holds the store's write lock (a transaction is open)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("begin immediate")
        conn.execute("rollback")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


# -- kill -9 ----------------------------------------------------------------------------


def test_kill_9_during_ingest_then_rerun_loses_and_doubles_nothing(
    corpus: Path, clean: dict[str, object], tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    child = subprocess.Popen(
        newsbot_command("--db", str(db), "ingest", str(corpus)),
        cwd=ROOT, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        while count_articles(db) < 500 or not writing(db):  # inside a later batch's transaction
            assert child.poll() is None, "ingest ended before it could be killed"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        at_kill = count_articles(db)
    finally:
        child.wait(30)
    assert -signal.SIGKILL == child.returncode
    assert 0 < at_kill < CORPUS_SIZE

    done = newsbot("--db", str(db), "ingest", str(corpus))
    assert 0 == done.returncode, done.stderr
    assert "rejected 0" in done.stdout
    found = contents(db)
    assert_consistent(found)
    assert clean["articles"] == found["articles"]
    assert clean["quotes"] == found["quotes"]
    assert clean["per_article"] == found["per_article"]  # every article has all its quotes


# -- locked store -----------------------------------------------------------------------


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "seeded.db"
    done = newsbot("--db", str(db), "ask", "who is Jake Sullivan")
    assert 0 == done.returncode, done.stderr
    return db


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def writer_lock(seeded: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write transaction on the store."""
    other = sqlite3.connect(seeded, isolation_level=None)
    other.execute("begin exclusive")
    yield other
    other.execute("rollback")
    other.close()


def test_a_locked_store_stops_ingest_with_a_clear_message(
    seeded: Path, story: Path, writer_lock: sqlite3.Connection
) -> None:
    before = contents(seeded)
    done = newsbot("--db", str(seeded), "ingest", str(story), NEWSBOT_BUSY_TIMEOUT="0.2")
    assert_clear_failure(done, "is locked by another program; try again when it is done")
    writer_lock.execute("rollback")
    writer_lock.execute("begin")
    assert before == contents(seeded)


def test_a_locked_store_still_answers_questions(
    seeded: Path, writer_lock: sqlite3.Connection
) -> None:
    """WAL readers never wait for a writer: questions go on while another program writes."""
    done = newsbot("--db", str(seeded), "ask", "latest on Ukraine", NEWSBOT_BUSY_TIMEOUT="0.2")
    assert 0 == done.returncode, done.stderr
    assert "Latest on Ukraine" in done.stdout


def test_an_exclusively_held_store_gives_a_clear_message_to_questions(seeded: Path) -> None:
    other = sqlite3.connect(seeded, isolation_level=None)
    other.execute("pragma locking_mode=exclusive")
    other.execute("begin exclusive")
    other.execute("update counters set value = value where name = 'articles'")
    other.execute("commit")  # the exclusive lock stays with `other` until it closes
    try:
        done = newsbot("--db", str(seeded), "ask", "latest on Ukraine", NEWSBOT_BUSY_TIMEOUT="0.2")
    finally:
        other.close()
    assert_clear_failure(done, "is locked by another program")


@pytest.mark.parametrize("value", ["soon", "-1", "1000"])
def test_a_bad_busy_timeout_is_a_clear_message(value: str, tmp_path: Path) -> None:
    done = newsbot("--db", str(tmp_path / "x.db"), "ask", "help", NEWSBOT_BUSY_TIMEOUT=value)
    assert_clear_failure(done, "NEWSBOT_BUSY_TIMEOUT")


# -- read-only store --------------------------------------------------------------------


def without_root_powers() -> tuple[str, ...]:
    """Root ignores permission bits; `setpriv` drops its capabilities so they count again."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    return (setpriv, "--inh-caps=-all", "--bounding-set=-all")


def test_a_read_only_store_answers_but_refuses_ingest_clearly(
    seeded: Path, story: Path, tmp_path: Path
) -> None:
    before = contents(seeded)
    seeded.chmod(0o444)
    wrapper = without_root_powers()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*wrapper, *newsbot_command("--db", str(seeded), *args)],
                              capture_output=True, text=True, cwd=ROOT, env=child_env(),
                              timeout=120)  # fmt: skip

    refused = run("ingest", str(story))
    assert_clear_failure(refused, "is read-only; check its permissions")
    asked = run("ask", "who is Jake Sullivan")
    assert 0 == asked.returncode, asked.stderr
    assert "national security adviser" in asked.stdout
    seeded.chmod(0o644)
    assert before == contents(seeded)


# -- full disk --------------------------------------------------------------------------


def test_a_full_disk_stops_ingest_cleanly_and_a_rerun_completes(
    corpus: Path, clean: dict[str, object], tmp_path: Path
) -> None:
    """RLIMIT_FSIZE makes the kernel refuse writes past 12 MB, as a full disk does."""
    db = tmp_path / "full.db"

    def small_disk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (12_000_000, 12_000_000))

    done = newsbot("--db", str(db), "ingest", str(corpus), preexec=small_disk)
    assert_clear_failure(done, "the disk may be full or failing; nothing more was written")
    stopped = contents(db)
    assert_consistent(stopped)  # whole batches or nothing: counts match rows
    assert 0 == stopped["articles"] % 500  # type: ignore[operator]
    per_article = clean["per_article"]
    assert isinstance(per_article, dict)
    assert all(per_article[k] == v for k, v in stopped["per_article"].items())  # type: ignore[union-attr]

    again = newsbot("--db", str(db), "ingest", str(corpus))
    assert 0 == again.returncode, again.stderr
    assert per_article == contents(db)["per_article"]
    asked = newsbot("--db", str(db), "ask", "latest")
    assert 0 == asked.returncode, asked.stderr


def test_a_full_database_is_a_clear_error_and_the_batch_is_rolled_back(tmp_path: Path) -> None:
    """SQLite's own "database or disk is full", from a page limit on the connection."""
    store = Store.open(tmp_path / "capped.db")
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:02}.txt").write_text(f"Story {n}\n\n" + f"Word{n} said more. " * 400)
    pages = store.db.execute("pragma page_count").fetchone()[0]
    store.db.execute(f"pragma max_page_count = {pages + 20}")
    with pytest.raises(NewsbotError) as raised:
        ingest_paths(store, [folder], NOW)
    assert raised.value.message.startswith(f"The disk holding {tmp_path / 'capped.db'} is full")
    assert 0 == store.stats().articles  # the one batch was rolled back whole
    store.db.execute("pragma max_page_count = 1073741823")
    assert 40 == ingest_paths(store, [folder], NOW).added
    store.close()
    assert_consistent(contents(tmp_path / "capped.db"))


# -- damaged database -------------------------------------------------------------------


def test_damaged_pages_in_a_valid_file_are_detected_with_guidance(seeded: Path) -> None:
    """The header is fine, so opening works; the damage shows when pages are read."""
    conn = sqlite3.connect(seeded)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    size = seeded.stat().st_size
    with seeded.open("r+b") as raw:
        raw.seek(4096 * 2)
        raw.write(b"\xde\xad\xbe\xef" * ((size - 4096 * 2) // 4))
    done = newsbot("--db", str(seeded), "ask", "who said what about China")
    assert_clear_failure(done, "is damaged")
    assert f"sqlite3 {seeded} .recover" in done.stderr


def test_a_truncated_store_is_detected_with_guidance(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    with seeded.open("r+b") as raw:
        raw.truncate(seeded.stat().st_size // 3)
    done = newsbot("--db", str(seeded), "ask", "who said what about China")
    assert_clear_failure(done, "is damaged")
