"""What story clustering adds to ingest time, on the benchmark corpus.

usage: python benchmarks/bench_clustering.py [N]

Ingests the same N articles (make_corpus.py N) twice in one process, into fresh stores:
once as shipped, once with sketches turned off (no sketch means no LSH keys, no candidate
lookups, no similarity), and prints both rates and the overhead.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import stories  # noqa: E402
from bot.ingest import ingest_paths  # noqa: E402
from bot.store import Store  # noqa: E402


def rate(corpus: Path, folder: Path, name: str) -> float:
    store = Store.open(folder / f"{name}.db")
    started = time.perf_counter()
    report = ingest_paths(store, [corpus], datetime.now(UTC), workers=0)
    took = time.perf_counter() - started
    store.close()
    return report.added / took


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        maker = ROOT.parent / "shared" / "bench" / "make_corpus.py"
        with corpus.open("w") as f:
            subprocess.run([sys.executable, str(maker), str(n)], stdout=f, check=True)
        shipped = rate(corpus, folder, "clustered")
        real_sketch = stories.sketch
        stories.sketch = lambda text: ()  # clustering off: the only switch this run flips
        try:
            plain = rate(corpus, folder, "plain")
        finally:
            stories.sketch = real_sketch
    overhead = (plain / shipped - 1) * 100
    print(f"ingest with clustering: {shipped:.0f} articles/s")
    print(f"ingest without:         {plain:.0f} articles/s")
    print(f"clustering adds {overhead:.1f}% to ingest time")


if __name__ == "__main__":
    main()
