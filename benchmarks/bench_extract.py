"""Extraction speed: articles per second on one core over a make_corpus.py corpus.

usage: python benchmarks/bench_extract.py [N]   (needs ../shared/bench/make_corpus.py)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bot.extract import extract

ROOT = Path(__file__).resolve().parent.parent
MAKE = ROOT.parent / "shared" / "bench" / "make_corpus.py"


def main(n: int = 2000) -> float:
    if not MAKE.exists():
        print(f"skipped: {MAKE} not found")
        return 0.0
    out = subprocess.run([sys.executable, str(MAKE), str(n)], capture_output=True, text=True)
    arts = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    t0 = time.perf_counter()
    quotes = 0
    for a in arts:
        quotes += len(extract(a["text"], a.get("title")).quotes)
    dt = time.perf_counter() - t0
    rate = len(arts) / dt
    print(f"{len(arts)} articles, {quotes} quotes in {dt:.2f}s: {rate:.0f} articles/s")
    return rate


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
