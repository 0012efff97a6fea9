"""Train the speaker ranker (bot/extract/rank.py) on the PolNeAR train split; writes its weights.

usage: python benchmarks/train_speakers.py [TRAIN.jsonl] [--dry]
(default ../shared/eval/polnear-train.jsonl). A conditional logit over each no-cue quote's
candidates, labelled by the scorer's own speaker test; --dry prints figures, writes nothing.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))  # also when loaded by a test

from shared_eval import EVAL, scorer  # noqa: E402

from bot.extract import Trace, extract  # noqa: E402
from bot.extract.rank import Feats, choose, expand, use  # noqa: E402
from bot.extract.rank_weights import KEEP  # noqa: E402

OUT = ROOT / "bot" / "extract" / "rank_weights.py"
Group = list[tuple[Feats, bool]]
EPOCHS, RATE, L2 = 40, 0.3, 1e-2


def groups(path: Path, sq: ModuleType) -> tuple[list[Group], list[tuple[Feats, bool]]]:
    """One group per quote with no cue that matches a gold quote, and for each stretch with no
    cue its keep signals with whether it matches a gold quote and its speaker is right."""
    out: list[Group] = []
    kept: list[tuple[Feats, bool]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            art = json.loads(line)
            gold = sq.gold_quotes(art)
            trace: Trace = []
            extract(art["text"], art.get("title"), trace)
            for a, b, mode, cands, kf in trace:
                g = next((g for g in gold if sq.overlap(a, b, g["start"], g["end"])), None)
                best, _ = choose(cands, mode)
                kept.append((kf, g is not None and bool(sq.speaker_right(best, g))))
                if g is not None:
                    out.append([(expand(f, mode), sq.speaker_right(n, g)) for n, f in cands])
    return out, kept


def train_keep(data: list[tuple[Feats, bool]]) -> dict[str, float]:
    """Logistic regression by AdaGrad: the odds that a stretch with no cue scores right."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    for _ in range(EPOCHS):
        for f, y in data:
            z = sum(w.get(k, 0.0) * v for k, v in f.items())
            c = (1.0 if y else 0.0) - 1 / (1 + math.exp(-z))
            for k, v in f.items():
                gk = c * v - L2 * w.get(k, 0.0)
                g2[k] = g2.get(k, 0.0) + gk * gk
                w[k] = w.get(k, 0.0) + RATE * gk / math.sqrt(g2[k] + 1e-8)
    return {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-4}


def _probs(w: dict[str, float], group: Group) -> list[float]:
    s = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f, _ in group]
    top = max(s)
    e = [math.exp(x - top) for x in s]
    z = sum(e)
    return [x / z for x in e]


def train(data: list[Group]) -> dict[str, float]:
    """AdaGrad on the log-likelihood of the right candidates, in file order (deterministic)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    useful = [g for g in data if any(y for _, y in g) and not all(y for _, y in g)]
    for _ in range(EPOCHS):
        for group in useful:
            p = _probs(w, group)
            right = sum(pi for pi, (_, y) in zip(p, group, strict=True) if y)
            grad: dict[str, float] = {}
            for pi, (f, y) in zip(p, group, strict=True):
                # d log(sum of right probs) / d score_i = (y_i * p_i / right) - p_i
                c = (pi / right if y else 0.0) - pi
                for k, v in f.items():
                    grad[k] = grad.get(k, 0.0) + c * v
            for k, gk in grad.items():
                gk -= L2 * w.get(k, 0.0)
                g2[k] = g2.get(k, 0.0) + gk * gk
                w[k] = w.get(k, 0.0) + RATE * gk / math.sqrt(g2[k] + 1e-8)
    return {k: round(v, 4) for k, v in sorted(w.items()) if abs(v) >= 1e-4}


def accuracy(w: dict[str, float], data: list[Group]) -> float:
    """Share of groups whose best-scored candidate is right (the first on a tie)."""
    hits = 0
    for group in data:
        scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f, _ in group]
        hits += group[scores.index(max(scores))][1]
    return hits / len(data) if data else 0.0


def write(w: dict[str, float], keep: dict[str, float]) -> None:
    def body(d: dict[str, float]) -> str:
        return "".join(f"    {json.dumps(k)}: {v},\n" for k, v in d.items())

    OUT.write_text(
        '"""Weights of the speaker ranker (rank.py) and of the keep test (keep.py), written by\n'
        'benchmarks/train_speakers.py from the PolNeAR train split."""\n'
        f"\nWEIGHTS: dict[str, float] = {{\n{body(w)}}}\n"
        f"\nKEEP: dict[str, float] = {{\n{body(keep)}}}\n",
        encoding="utf-8",
    )


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else EVAL / "polnear-train.jsonl"
    if not path.exists() or not (EVAL / "score_quotes.py").exists():
        print(f"skipped: {path} or the scorer not found")
        return
    sq = scorer()
    # the ranker first, from the rules' answers alone; then the keep test, on the stretches as
    # the new ranker credits them (the model modules' dicts are swapped in place)
    rules = {"rule": 1.0}
    use(rules)
    KEEP.clear()
    data, _ = groups(path, sq)
    w = train(data)
    n, base = len(data), accuracy(rules, data)
    print(f"{n} quotes with no cue; right at rank 1: rules {base:.4f}", end="")
    print(f", ranker {accuracy(w, data):.4f}; any candidate right {_reach(data):.4f}")
    use(w)
    _, kept = groups(path, sq)
    k = train_keep(kept)
    right = sum(y for _, y in kept)
    print(f"{len(kept)} stretches with no cue, {right} right")
    if "--dry" not in argv:
        write(w, k)
        print(f"wrote {len(w)} + {len(k)} weights to {OUT.relative_to(ROOT)}")


def _reach(data: list[Group]) -> float:
    return sum(any(y for _, y in g) for g in data) / len(data) if data else 0.0


if __name__ == "__main__":
    main(sys.argv[1:])
