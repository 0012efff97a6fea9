"""The `newsbot` command end to end, in a child process over a temporary store."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def newsbot(*args: str, stdin: str = "", env: dict[str, str] | None = None, cwd=None):
    full_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "DISCORD_", "SLACK_"))
    }
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "adapters.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


def test_ask_on_an_empty_store_loads_the_seeds_by_itself(db):
    done = newsbot("--db", db, "ask", "who said what about China")
    assert 0 == done.returncode, done.stderr
    assert "Jen Psaki (White House press secretary)" in done.stdout
    assert "Antony Blinken (Secretary of State)" in done.stdout
    assert "Biden to speak with Xi Jinping on Friday (The Hill, 17 Mar 2022)" in done.stdout


def test_ask_json_carries_intent_topic_speaker_and_items(db):
    done = newsbot("--db", db, "ask", "--json", "what did Blinken say about China")
    assert 0 == done.returncode, done.stderr
    answer = json.loads(done.stdout)
    assert "said" == answer["intent"]
    assert "China" == answer["topic"]
    assert "Antony Blinken" == answer["speaker"]
    first = answer["items"][0]
    assert {"speaker", "role", "text", "article"} <= set(first)
    assert "Secretary of State" == first["role"]
    assert {"id", "title", "url", "source", "published"} <= set(first["article"])
    assert "The Hill" == first["article"]["source"]


def test_db_from_the_environment(db):
    done = newsbot("ask", "who is Jake Sullivan", env={"NEWSBOT_DB": db})
    assert 0 == done.returncode, done.stderr
    assert "national security adviser" in done.stdout
    assert os.path.exists(db)


def test_chat_from_a_pipe_answers_each_line(db):
    done = newsbot("--db", db, "chat", stdin="/who Jake Sullivan\n/latest Ukraine\n/help\n")
    assert 0 == done.returncode, done.stderr
    assert "Who is Jake Sullivan" in done.stdout
    assert "Latest on Ukraine" in done.stdout
    assert "newsbot: ask about the news" in done.stdout


def test_ingest_reports_added_duplicates_and_rejects_and_exits_1(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Mayor opens bridge\n\nThe mayor said “This bridge joins us,” on Monday.\n",
        encoding="utf-8",
    )
    (folder / "copy.txt").write_text(
        "Mayor opens bridge\n\nThe mayor said “This bridge joins us,” on Monday.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    done = newsbot("--db", db, "ingest", str(folder))
    assert 1 == done.returncode
    summary = done.stdout.strip().splitlines()[-1]
    assert "added 1" in summary
    assert "duplicates 1" in summary
    assert "rejected 2" in summary
    again = newsbot("--db", db, "ingest", str(folder / "good.txt"))
    assert 0 == again.returncode, again.stderr
    assert "duplicates 1" in again.stdout


def test_extract_writes_one_json_quote_per_line():
    article = {"id": "x1", "title": "T", "text": "T\n\n“We will win,” Senator Jane Doe said."}
    done = newsbot("extract", stdin=json.dumps(article) + "\n")
    assert 0 == done.returncode, done.stderr
    (quote,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert "x1" == quote["article_id"]
    assert "We will win," == article["text"][quote["start"] : quote["end"]]
    assert "Jane Doe" == quote["speaker"]


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"NEWSBOT_PAGE_SIZE": "lots"}, "NEWSBOT_PAGE_SIZE must be a whole number"),
        ({"NEWSBOT_FETCH_ALLOW": "10.0.0.0/99"}, "NEWSBOT_FETCH_ALLOW"),
        ({"NEWSBOT_DB": "/no/such/folder/x.db"}, "does not exist"),
    ],
)
def test_bad_settings_get_a_clear_message_not_a_traceback(env, needle):
    done = newsbot("ask", "help", env=env)
    assert 2 == done.returncode
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_store_is_reported_with_guidance(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    done = newsbot("--db", str(bad), "ask", "latest on Ukraine")
    assert 2 == done.returncode
    assert "damaged" in done.stderr
    assert "Traceback" not in done.stderr


def test_settings_come_from_a_dotenv_file(tmp_path):
    db = tmp_path / "from-env-file.db"
    env_file = tmp_path / "custom.env"
    env_file.write_text(f"NEWSBOT_DB={db}\n", encoding="utf-8")
    done = newsbot("--env-file", str(env_file), "ask", "latest on Ukraine")
    assert 0 == done.returncode, done.stderr
    assert db.exists()
