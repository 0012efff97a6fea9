"""Extraction speed: articles per second on one core over a make_corpus.py corpus.

usage: python benchmarks/bench_extract.py [N] [REPEATS]   (needs ../shared/bench/make_corpus.py)
Takes the best of REPEATS passes (as timeit does), since other work on the machine only ever
slows a pass down. The rate is per second of this process's CPU time, which is one core's
work however busy the machine is; wall-clock time is printed beside it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.extract import extract  # noqa: E402

MAKE = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def main(n: int = 2000, repeats: int = 3) -> float:
    if not MAKE.exists():
        print(f"skipped: {MAKE} not found")
        return 0.0
    out = subprocess.run([sys.executable, str(MAKE), str(n)], capture_output=True, text=True)
    arts = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    cpu = wall = float("inf")
    quotes = 0
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        quotes = sum(len(extract(a["text"], a.get("title")).quotes) for a in arts)
        cpu = min(cpu, time.process_time() - c0)
        wall = min(wall, time.perf_counter() - w0)
    rate = len(arts) / cpu
    print(f"{len(arts)} articles, {quotes} quotes, best of {repeats}")
    print(f"wall clock {wall:.2f}s ({len(arts) / wall:.0f} articles/s), cpu {cpu:.2f}s")
    print(f"{rate:.0f} articles/s")
    return rate


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
