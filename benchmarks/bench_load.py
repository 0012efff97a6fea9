"""Load: 50 concurrent chat questions against the running Slack adapter while a big ingest runs.

usage: python benchmarks/bench_load.py STORE.db [--ingest N] [--seconds S] [--concurrency C]

The real Slack adapter serves HTTP on 127.0.0.1 with the real core over STORE.db; a local
fake Slack (tests/fakes) receives the answers. Meanwhile `newsbot ingest` adds N new
articles (make_corpus.py N --seed 8) to the same store in another process. Each question
is a signed `/news` slash command; its latency runs from sending it to the fake receiving
the answer on its response_url. Reports p50/p95/p99, errors and this process's peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from bot.wiring import build  # noqa: E402
from tests.fakes.fake_slack import (  # noqa: E402
    BOT_TOKEN,
    SECRET,
    FakeSlack,
    free_port,
    running_slack,
    signed_headers,
    slash_body,
)

QUESTIONS = [
    "who said what about {t}",
    "latest on {t}",
    "quotes on {t} this week",
    "what did {p} say",
    "what did {p} say about {t}",
    "who is {p}",
    "search {t}",
]
TOPICS = ["Clinton", "Trump", "China", "Russia", "Iran", "immigration", "economy", "Syria", "FBI"]
PEOPLE = ["Clinton", "Trump", "Obama", "Pence", "Sanders", "Cruz", "Rubio", "Kaine", "Ryan"]


class TimedSlack(FakeSlack):
    """The fake, noting when each response_url answer arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.arrived: dict[str, float] = {}

    def _record(self, call) -> None:  # type: ignore[no-untyped-def]
        if call.method == "response":
            self.arrived.setdefault(call.path, time.perf_counter())
        super()._record(call)


def corpus(n: int) -> Path:
    out = ROOT / "benchmarks" / "out" / f"load-corpus-{n}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    if not out.exists():
        maker = ROOT.parent / "shared" / "bench" / "make_corpus.py"
        with out.open("w") as f:
            subprocess.run(
                [sys.executable, str(maker), str(n), "--seed", "8"], stdout=f, check=True
            )
    return out


async def ask_all(
    fake: TimedSlack, slack, questions: list[str], concurrency: int, until: float
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    rng = random.Random(3)
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        nonlocal errors
        text = rng.choice(questions)
        name = f"q{i}"
        body = slash_body(text, response_url=fake.response_url(name))
        async with gate:
            started = time.perf_counter()
            status, _ = await slack.post(body, signed_headers(body, form=True))
            if status != 200:
                errors += 1
                return
            path = urlsplit(fake.response_url(name)).path
            for _ in range(3000):
                arrived = fake.arrived.get(path)
                if arrived is not None:
                    latencies.append((arrived - started) * 1000)
                    return
                await asyncio.sleep(0.005)
            errors += 1

    while time.perf_counter() < until:
        batch = [asyncio.create_task(one(sent + k)) for k in range(concurrency)]
        sent += concurrency
        await asyncio.gather(*batch)
    return latencies, errors


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    fake = TimedSlack().start()
    settings = Settings(
        db_path=args.store,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        port=free_port(),
    )
    bot = build(settings, lambda: datetime.now(UTC))
    questions = [
        q.format(t=random.Random(i).choice(TOPICS), p=random.Random(i + 1).choice(PEOPLE))
        for i, q in enumerate(QUESTIONS * 20)
    ]
    ingest = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "adapters.cli",
            "--db",
            args.store,
            "ingest",
            str(corpus(args.ingest)),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    started = time.perf_counter()
    try:
        async with running_slack(fake, bot, settings) as slack:
            latencies, errors = await ask_all(
                fake, slack, questions, args.concurrency, started + args.seconds
            )
    finally:
        fake.stop()
    ingest_out = ""
    if ingest.poll() is None:
        ingest_state = "still running when the load ended (as intended)"
        ingest.terminate()
        ingest.wait()
    else:
        ingest_out, _ = ingest.communicate()
        ingest_state = f"finished: {ingest_out.strip()}"
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))], 1)

    return {
        "questions": len(latencies) + errors,
        "answered": len(latencies),
        "errors": errors,
        "concurrency": args.concurrency,
        "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
        "p95_ms": pct(0.95) if ordered else None,
        "p99_ms": pct(0.99) if ordered else None,
        "max_ms": round(ordered[-1], 1) if ordered else None,
        "ingest": ingest_state,
        "bot_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--ingest", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--concurrency", type=int, default=50)
    args = ap.parse_args()
    figures = asyncio.run(main_async(args))
    print(json.dumps(figures, indent=2))
    out = ROOT / "benchmarks" / "out" / "load.json"
    out.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
