"""The learned steps for quotes with no cue: the speaker ranker, the keep test, their weights
and their trainer (invented sentences; the weights come from the PolNeAR train split)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from bot.extract import Trace, extract
from bot.extract.rank import choose, expand, scores
from bot.extract.rank_weights import KEEP, WEIGHTS

ROOT = Path(__file__).resolve().parent.parent


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_speakers", ROOT / "benchmarks" / "train_speakers.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_quote_after_a_paragraph_goes_to_its_subject_not_the_last_name() -> None:
    text = (
        "Ruth Okafor praised the governor’s plan at a town hall in Bend on Tuesday, along with "
        "Victor Haldane’s record on schools.\n\n"
        "“We need someone who will cut through the noise and bring people together.”"
    )
    assert [
        ("We need someone who will cut through the noise and bring people together.", "Ruth Okafor")
    ] == [(q.text, q.speaker) for q in extract(text).quotes]


def test_scare_quotes_far_from_any_speaker_are_dropped() -> None:
    text = (
        "Victor Haldane spoke in Ames on Tuesday.\n\n"
        "Farm incomes fell by a third last year. Prices for “premium feed” rose, and so did fuel."
    )
    assert () == extract(text).quotes


def test_a_quote_with_no_cue_in_its_speakers_paragraph_is_kept() -> None:
    text = (
        "Victor Haldane spoke for an hour in Ames on Tuesday. The crowd cheered.\n\n"
        "“I will fight for every family in this state, and I will win.”"
    )
    assert ["Victor Haldane"] == [q.speaker for q in extract(text).quotes]


def test_trace_shows_each_stretch_with_no_cue_and_its_candidates() -> None:
    text = (
        "Ruth Okafor praised the plan, along with Victor Haldane’s record.\n\n"
        "“We need someone who will cut through the noise.”\n\n"
        "“It is a good plan,” Okafor said."
    )
    trace: Trace = []
    extract(text, None, trace)
    assert 1 == len(trace)
    start, end, mode, cands, keep = trace[0]
    assert "We need someone who will cut through the noise." == text[start:end]
    assert "none" == mode
    assert {"Ruth Okafor", "Victor Haldane"} == {name for name, _ in cands}
    assert "bias" in keep


def test_mode_table_scores_as_the_expanded_features_do() -> None:
    cands: list[tuple[str | None, dict[str, float]]] = [
        ("A", {"bias": 1.0, "sd0": 1.0, "rule": 1.0, "rule:none": 1.0}),
        ("B", {"bias": 1.0, "sd2": 1.0, "after_sent": 1.0, "cd": 0.5}),
    ]
    by_hand = [sum(WEIGHTS.get(k, 0.0) * v for k, v in expand(f, "none").items()) for _, f in cands]
    assert [round(x, 9) for x in by_hand] == [round(x, 9) for x in scores(cands, "none")]


def test_choose_takes_the_first_on_a_tie_and_nobody_from_no_candidates() -> None:
    same = {"bias": 1.0}
    assert "first" == choose([("first", same), ("second", dict(same))], "none")[0]
    assert None is choose([], "none")[0]


def test_weights_are_keyed_by_general_features_only() -> None:
    # no name, phrase or word from the training articles: lower-case feature names only
    key = re.compile(r"^(?:[a-z]+\|)?[a-z_]+[0-9]*(?::[a-z]+)?$")
    assert [] == [k for k in (*WEIGHTS, *KEEP) if not key.match(k)]


def test_trainer_learns_to_prefer_the_right_candidate() -> None:
    ts = _trainer()
    groups = [[({"near": 1.0}, True), ({"far": 1.0}, False)] for _ in range(20)]
    w = ts.train(groups)
    assert w["near"] > 0 > w["far"]
    assert 1.0 == ts.accuracy(w, groups)
    assert w == ts.train(groups)  # deterministic
