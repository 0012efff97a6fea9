"""Core speed: ingest rate, per-intent latency and `newsbot ask` peak memory on the shared corpus.

usage: python benchmarks/bench_core.py [N] [--corpus FILE] [--db FILE] [--questions K]

Builds a store from `../shared/bench/make_corpus.py N` (default 100000) in one process,
extraction and indexing included, then times at least K questions per intent through
`NewsBot.ask` (parsing included) and runs `newsbot ask` in a child process for its peak RSS.
Figures go to stdout and to benchmarks/out/core-N.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core import NewsBot  # noqa: E402
from bot.ingest import ingest_paths  # noqa: E402
from bot.store import Store  # noqa: E402

TOPICS = [
    "Clinton",
    "Trump",
    "China",
    "Russia",
    "Ukraine",
    "Iran",
    "Obama",
    "immigration",
    "economy",
    "taxes",
    "Syria",
    "ISIS",
    "health care",
    "police",
    "guns",
    "email",
    "debate",
    "Mexico",
    "Congress",
    "Senate",
    "Supreme Court",
    "refugees",
    "trade",
    "jobs",
    "polls",
    "voters",
    "Republicans",
    "Democrats",
    "FBI",
    "Brexit",
    "climate",
    "Israel",
    "North Korea",
    "Germany",
    "Zyzzyvax",
    "Ukrane",
    "Chyna",
]
PERIODS = ["", " this week", " in March 2026", " since Monday", " today", " last month"]


def corpus_file(n: int, given: str | None) -> Path:
    if given:
        return Path(given)
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"corpus-{n}.jsonl"
    if not path.exists():
        maker = ROOT.parent / "shared" / "bench" / "make_corpus.py"
        with path.open("w") as f:
            subprocess.run([sys.executable, str(maker), str(n)], stdout=f, check=True)
    return path


def questions(bot: NewsBot, k: int, rng: random.Random) -> dict[str, list[str]]:
    speakers = list(bot.store.complete("speaker", "", 25))
    for letter in "abcdefghjklmnoprstw":
        speakers += bot.store.complete("speaker", letter, 10)
    speakers = [s for s in dict.fromkeys(speakers) if s] or ["Clinton"]
    surnames = [s.split()[-1] for s in speakers]
    make = {
        "quotes": lambda: f"who said what about {rng.choice(TOPICS)}{rng.choice(PERIODS)}",
        "said": lambda: (
            f"what did {rng.choice(surnames)} say"
            + rng.choice(["", f" about {rng.choice(TOPICS)}"])
        ),
        "latest": lambda: f"latest on {rng.choice(TOPICS)}{rng.choice(PERIODS)}",
        "who": lambda: f"who is {rng.choice(speakers + surnames)}",
        "search": lambda: f"search {rng.choice(TOPICS)} {rng.choice(TOPICS)}",
        "digest": lambda: "digest" + rng.choice(["", f" on {rng.choice(TOPICS)}"]),
    }
    return {intent: [gen() for _ in range(k)] for intent, gen in make.items()}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


# VmHWM belongs to the process's own memory map; ru_maxrss would also count the pages the
# child shared with this (much bigger) benchmark process when it was forked.
ASK = (
    "import os, sys; from adapters.cli import main; from benchmarks.procs import vm_hwm_mb;"
    " main(sys.argv[1:]); print(vm_hwm_mb(os.getpid()), file=sys.stderr)"
)


def ask_rss(db: Path) -> float:
    """Peak RSS in MB of a fresh `newsbot ask` over the built store, as the process reports it
    (RUSAGE_CHILDREN would also count the ingest's worker processes)."""
    done = subprocess.run(
        [sys.executable, "-c", ASK, "--db", str(db), "ask", "who said what about China"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stderr.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("--corpus")
    ap.add_argument("--db")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--workers", type=int, default=None, help="extraction processes (default auto)")
    args = ap.parse_args()
    corpus = corpus_file(args.n, args.corpus)
    db = Path(args.db or ROOT / "benchmarks" / "out" / f"core-{args.n}.db")
    figures: dict[str, object] = {"articles": args.n}
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        store = Store.open(db)
        started = time.perf_counter()
        marks: list[tuple[int, float]] = [(0, started)]

        def progress(done: int, total: int | None) -> None:
            # the rate over each stretch of the ingest, to show how it changes as the store grows
            if done - marks[-1][0] >= args.n // 10 or (done == total and done > marks[-1][0]):
                at, then = marks[-1]
                now_ = time.perf_counter()
                print(
                    f"  {done:>9} articles, {(done - at) / (now_ - then):.0f}/s"
                    f" over the last {done - at}",
                    flush=True,
                )
                marks.append((done, now_))

        report = ingest_paths(store, [corpus], datetime.now(UTC), progress, workers=args.workers)
        took = time.perf_counter() - started
        figures["ingest_stretches"] = [
            {"articles": b[0], "per_second": round((b[0] - a[0]) / (b[1] - a[1]), 1)}
            for a, b in itertools.pairwise(marks)
        ]
        figures["ingest_seconds"] = round(took, 1)
        figures["ingest_per_second"] = round((report.added + report.updated) / took, 1)
        figures["ingest_summary"] = report.summary_line()
        print(f"ingest: {figures['ingest_per_second']} articles/s ({report.summary_line()})")
        store.close()
    figures["store_mb"] = round(db.stat().st_size / 2**20, 1)
    print(f"store: {figures['store_mb']} MB")
    now = datetime(2026, 11, 1, 12, tzinfo=UTC)
    bot = NewsBot(Store.open(db), lambda: now)
    rng = random.Random(7)
    latencies = {}
    for intent, asked in questions(bot, args.questions, rng).items():
        times = []
        for question in asked:
            started = time.perf_counter()
            bot.ask(question)
            times.append((time.perf_counter() - started) * 1000)
        latencies[intent] = {
            "n": len(times),
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(pct(times, 0.95), 2),
            "p99_ms": round(pct(times, 0.99), 2),
            "max_ms": round(max(times), 2),
        }
        print(f"{intent:>8}: {latencies[intent]}")
    figures["latency"] = latencies
    builds = []
    for day in range(20):  # a digest for each of 20 days, as the timer would build them
        moment = now - timedelta(days=day)
        dated = NewsBot(bot.store, lambda moment=moment: moment)
        started = time.perf_counter()
        dated.digest_now()
        builds.append((time.perf_counter() - started) * 1000)
    figures["digest_build_ms"] = {
        "p50": round(statistics.median(builds), 1),
        "max": round(max(builds), 1),
    }
    print(f"digest build: {figures['digest_build_ms']}")
    figures["ask_peak_rss_mb"] = round(ask_rss(db), 1)
    figures["bench_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    print(f"newsbot ask peak RSS: {figures['ask_peak_rss_mb']} MB")
    out = ROOT / "benchmarks" / "out" / f"core-{args.n}.json"
    out.write_text(json.dumps(figures, indent=2))
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
