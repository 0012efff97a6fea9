"""The real scorer on the PolNeAR dev split: issue 6's targets where they are met (quote
precision and recall 0.95, who-said-what F1 0.80), and just under the figures reached for the
rest, so that regressions show. Speaker accuracy's target, 0.88, is not met yet (0.8309)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.extract.jsonl import run

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "score_quotes.py").exists(), reason="../shared/eval absent")
def test_who_said_what_f1_on_dev(tmp_path: Path) -> None:
    gold = EVAL / "polnear-dev.jsonl"
    pred = tmp_path / "pred.jsonl"
    out = io.StringIO()
    with gold.open(encoding="utf-8") as lines:
        assert 0 == run(lines, out, io.StringIO())
    pred.write_text(out.getvalue(), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, str(EVAL / "score_quotes.py"), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(res.stdout)
    assert 0 == scores["unreadable_lines"]
    assert scores["who_said_what_f1"] >= 0.80, scores  # the target; reached 0.8080
    assert scores["quote_precision"] >= 0.95, scores  # the target; reached 0.9730
    assert scores["quote_recall"] >= 0.95, scores  # the target; reached 0.9718
    assert scores["speaker_accuracy"] >= 0.825, scores  # reached 0.8309; target 0.88
