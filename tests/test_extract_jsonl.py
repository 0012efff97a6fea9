"""`bot.extract.jsonl.run`: JSONL articles in, one JSON line per quote out, bad lines reported."""

from __future__ import annotations

import io
import json

from bot.extract.jsonl import run

GOOD = json.dumps(
    {
        "id": "a1",
        "title": "T",
        "text": "“We will win,” Maria Lopez said. She said the vote is close.",
    }
)


def test_writes_direct_quotes_only_by_default() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert 0 == run([GOOD], out, err)
    (line,) = out.getvalue().splitlines()
    rec = json.loads(line)
    assert {
        "article_id": "a1",
        "start": 1,
        "end": 13,
        "text": "We will win,",
        "speaker": "Maria Lopez",
        "role": None,
        "cue": "said",
        "kind": "direct",
    } == rec
    assert "" == err.getvalue()


def test_reported_on_request() -> None:
    out = io.StringIO()
    run([GOOD], out, io.StringIO(), reported=True)
    kinds = [json.loads(line)["kind"] for line in out.getvalue().splitlines()]
    assert ["direct", "reported"] == kinds


def test_bad_lines_are_counted_and_reported_never_raised() -> None:
    lines = [
        "not json",
        json.dumps({"id": "x"}),
        json.dumps({"id": "y", "text": 5}),
        "",
        "[1]",
        GOOD,
    ]
    out, err = io.StringIO(), io.StringIO()
    assert 4 == run(lines, out, err)
    assert 1 == len(out.getvalue().splitlines())
    assert "line 1:" in err.getvalue()
    assert "line 5:" in err.getvalue()


def test_unmarked_transcript_lines_only_on_request() -> None:
    art = json.dumps(
        {"id": "t1", "text": "TAPPER: Are you running?\n\nFALLIN: “No,” she said. I am not."}
    )
    plain, full = io.StringIO(), io.StringIO()
    run([art], plain, io.StringIO())
    run([art], full, io.StringIO(), reported=True)
    assert ["No,"] == [json.loads(line)["text"] for line in plain.getvalue().splitlines()]
    assert "Are you running?" in [json.loads(line)["text"] for line in full.getvalue().splitlines()]
