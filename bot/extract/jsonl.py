"""`newsbot extract`: articles as JSONL in, one JSON line per quote out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.contract import QuoteKind
from bot.extract import extract


def run(
    lines: Iterable[str],
    out: TextIO,
    err: TextIO | None = None,
    reported: bool = False,
) -> int:
    """Write the quotes of each article; report bad lines to `err` and return their count.

    By default only quoted stretches are written; `reported=True` adds reported speech and
    transcript lines, which are speech too but carry no quotation marks.
    """
    err = err if err is not None else sys.stderr
    bad = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            art = json.loads(line)
            aid, text = art["id"], art["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as e:
            bad += 1
            err.write(f"line {n}: skipped, not an article ({type(e).__name__}: {e})\n")
            continue
        title = art.get("title") if isinstance(art.get("title"), str) else None
        for q in extract(text, title).quotes:
            if not (reported or (q.kind is QuoteKind.DIRECT and _marked(text, q.start))):
                continue
            rec = {
                "article_id": aid,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "cue": q.cue,
                "kind": str(q.kind),
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return bad


def _marked(text: str, start: int) -> bool:
    """True when the quote opens right after a quotation mark."""
    return start > 0 and text[start - 1] in '“"'
