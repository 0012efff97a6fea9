"""`newsbot watch add|list|remove`: a thin handler over the core, on a real store file."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.cli import main


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(tmp_path / "t.db"), "--env-file", str(tmp_path / "none"), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = ["--platform", "discord", "--scope", "111", "--channel", "222"]
    code, out, _ = run(tmp_path, capsys, "watch", "add", *where, "topic", "China")
    assert (0, "watching topic 'China' in discord 111 222; `newsbot run` posts new matches\n") == (
        code,
        out,
    )
    slack = ["--platform", "slack", "--scope", "T1", "--channel", "C1"]
    run(tmp_path, capsys, "watch", "add", *slack, "person", "Jen", "Psaki")
    assert (0, "discord 111 222 topic China\nslack T1 C1 person Jen Psaki\n", "") == run(
        tmp_path, capsys, "watch", "list"
    )
    assert (0, "slack T1 C1 person Jen Psaki\n", "") == run(
        tmp_path, capsys, "watch", "list", "--platform", "slack", "--scope", "T1"
    )
    code, out, _ = run(tmp_path, capsys, "watch", "remove", *where, "topic", "china")
    assert (0, "removed topic 'china' in 222\n") == (code, out)
    code, out, _ = run(tmp_path, capsys, "watch", "remove", *where, "topic", "china")
    assert (1, "no such watch: topic 'china' in 222\n") == (code, out)


def test_bad_terms_get_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = ["--platform", "discord", "--scope", "1", "--channel", "2"]
    code, out, err = run(tmp_path, capsys, "watch", "add", *where, "topic", "???")
    assert (2, "", "newsbot: '???' has no words to look for.\n") == (code, out, err)
    code, _, err = run(tmp_path, capsys, "watch", "add", *where, "topic", "x" * 101)
    assert 2 == code
    assert "at most 100 characters" in err
