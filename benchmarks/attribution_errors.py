"""Error table of who-said-what on a PolNeAR split: each quote and gold quote sorted into one kind.

usage: python benchmarks/attribution_errors.py [SPLIT.jsonl] [--show KIND] [--max N]
(default ../shared/eval/polnear-dev.jsonl; needs ../shared/eval/score_quotes.py for matching)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # also when loaded by a test

from shared_eval import EVAL, scorer  # noqa: E402

from bot.contract import QuoteKind  # noqa: E402
from bot.extract import extract  # noqa: E402
from bot.extract.attribute import find_sources  # noqa: E402
from bot.extract.text import layout  # noqa: E402

KINDS = {
    "correct": "correct",
    "unscoreable": "unscoreable: gold source is a bare pronoun, or there is none",
    "pronoun": "wrong speaker via pronoun resolution",
    "fp-nocue": "false positive, no cue near it",
    "missed": "missed quote",
    "nocue": "wrong speaker, no cue, guessed from context",
    "fp-cue": "false positive with a cue near it",
    "desc": "wrong speaker via a description / organisation / unnamed cue",
    "name": "wrong speaker via a name cue",
    "carry": "wrong speaker carried from a neighbouring quote",
}


def _how(text: str) -> dict[int, tuple[str, str | None]]:
    """Stretch start -> (how its source was found, the source's kind)."""
    return {
        f.stretch.start: (f.how, f.source.kind if f.source else None)
        for f in find_sources(layout(text))
    }


def classify(art: dict[str, object], sq: ModuleType) -> list[tuple[str, str]]:
    """(kind, detail) for each predicted quote and each missed gold quote of an article."""
    text = str(art["text"])
    gold = sq.gold_quotes(art)
    how = _how(text)
    out: list[tuple[str, str]] = []
    used: set[int] = set()
    for q in extract(text, str(art.get("title") or "")).quotes:
        if q.kind is not QuoteKind.DIRECT or text[q.start - 1 : q.start] not in {"“", '"'}:
            continue
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used and sq.overlap(q.start, q.end, g["start"], g["end"])
            ),
            None,
        )
        ctx = text[max(0, q.start - 200) : q.end + 150].replace("\n", " ¶ ")
        if hit is None:
            out.append(("fp-cue" if q.cue else "fp-nocue", f"{q.speaker!r} | {ctx}"))
            continue
        used.add(hit)
        g = gold[hit]
        detail = f"pred={q.speaker!r} gold={g['src']!r}/{g['resolved']!r} | {ctx}"
        if sq.speaker_right(q.speaker, g):
            out.append(("correct", detail))
        elif not (sq.words(g["src"]) | sq.words(g["resolved"])) - sq.PRONOUNS:
            out.append(("unscoreable", detail))
        else:
            h, kind = how.get(q.start, ("none", None))
            if h == "carry":
                out.append(("carry", detail))
            elif kind is None:
                out.append(("nocue", detail))
            elif kind == "pronoun":
                out.append(("pronoun", detail))
            elif kind == "name":
                out.append(("name", detail))
            else:
                out.append(("desc", detail))
    for i, g in enumerate(gold):
        if i not in used:
            ctx = text[max(0, g["start"] - 150) : g["end"] + 100].replace("\n", " ¶ ")
            out.append(("missed", f"gold={g['src']!r} | {ctx}"))
    return out


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv and not argv[0].startswith("--") else EVAL / "polnear-dev.jsonl"
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    most = int(argv[argv.index("--max") + 1]) if "--max" in argv else 50
    if not path.exists() or not (EVAL / "score_quotes.py").exists():
        print(f"skipped: {path} or the scorer not found")
        return
    sq = scorer()
    counts: Counter[str] = Counter()
    shown = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            art = json.loads(line)
            for kind, detail in classify(art, sq):
                counts[kind] += 1
                if kind == show and shown < most:
                    shown += 1
                    print(f"[{art['id']}] {detail}\n")
    print("| count | kind |\n|---|---|")
    for kind, label in KINDS.items():
        print(f"| {counts[kind]} | {label} |")


if __name__ == "__main__":
    main(sys.argv[1:])
