"""Load: 50 concurrent chat questions against a running `newsbot run slack --http` process
while a big ingest runs; reports latency, errors and the bot process's own peak memory.

usage: python benchmarks/bench_load.py STORE.db [--ingest N] [--seconds S] [--concurrency C]
                                                [--out FILE.json]

The bot is its own process, started as a user starts it (`newsbot run slack --http --host
127.0.0.1 --port P`, settings in the environment, SLACK_API_URL at a local fake Slack from
tests/fakes that lives here with the load generator). A third process, `newsbot ingest`,
adds N new articles (make_corpus.py N --seed 8) to the same store meanwhile. Latency runs
from sending a signed `/news` to the fake receiving the answer on its response_url. Bot
memory: its VmHWM read just before it is stopped, and the max of its RSS (with children)
sampled every 0.5 s. Figures go to --out (benchmarks/out/load.json), the logs beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT))

from benchmarks.procs import RssSampler, spawn, stop, tail, vm_hwm_mb  # noqa: E402
from tests.fakes.fake_slack import (  # noqa: E402
    BOT_TOKEN,
    SECRET,
    Call,
    FakeSlack,
    free_port,
    signed_headers,
    slash_body,
    until_listening,
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
ANSWER_TIMEOUT = 15.0  # seconds from sending a question to its answer before it is an error


class TimedSlack(FakeSlack):
    """The fake, waking the question waiting on each response_url when its first answer lands."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[str, tuple[asyncio.AbstractEventLoop, asyncio.Future]] = {}
        self._lock = threading.Lock()

    def expect(self, path: str) -> asyncio.Future:
        """A future for (arrival time, response_type) of the first post to `path`."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        with self._lock:
            self._waiting[path] = (loop, future)
        return future

    def _record(self, call: Call) -> None:
        if call.method == "response":
            arrived = time.perf_counter()  # here, in the fake's thread, not when the loop wakes
            with self._lock:
                waiter = self._waiting.pop(call.path, None)
            if waiter is not None:
                loop, future = waiter
                kind = str(call.body.get("response_type", ""))
                loop.call_soon_threadsafe(_settle, future, (arrived, kind))
        super()._record(call)


def _settle(future: asyncio.Future, value: tuple[float, str]) -> None:
    if not future.done():
        future.set_result(value)


def bot_env(store: str, api_url: str) -> dict[str, str]:
    """This environment without any newsbot/Slack/Discord settings, plus the bench's own."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "SLACK_", "DISCORD_"))
    }
    env.update(
        NEWSBOT_DB=store,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=api_url,
    )
    return env


async def bot_listening(
    session: aiohttp.ClientSession, url: str, bot: subprocess.Popen, log: Path
) -> None:
    def alive() -> None:
        if bot.poll() is not None:
            raise SystemExit(f"the bot exited ({bot.returncode}) before listening:\n{tail(log)}")

    if not await until_listening(session, url, alive, seconds=60, pause=0.1):
        raise SystemExit(f"nothing listening at {url} after 60 s:\n{tail(log)}")


def corpus(n: int) -> Path:
    out = OUT / f"load-corpus-{n}.jsonl"
    if not out.exists():
        maker = ROOT.parent / "shared" / "bench" / "make_corpus.py"
        with out.open("w") as f:
            subprocess.run(
                [sys.executable, str(maker), str(n), "--seed", "8"], stdout=f, check=True
            )
    return out


async def ask_all(
    fake: TimedSlack,
    session: aiohttp.ClientSession,
    url: str,
    questions: list[str],
    concurrency: int,
    until: float,
) -> tuple[list[float], dict[str, int]]:
    """Waves of `concurrency` questions at once until `until`; latencies and errors by kind."""
    latencies: list[float] = []
    errors = {"http_status": 0, "connection": 0, "no_answer": 0, "error_reply": 0}
    rng = random.Random(3)

    async def one(i: int) -> None:
        response_url = fake.response_url(f"q{i}")
        body = slash_body(rng.choice(questions), response_url=response_url)
        answered = fake.expect(urlsplit(response_url).path)
        started = time.perf_counter()
        try:
            async with session.post(url, data=body, headers=signed_headers(body, form=True)) as r:
                await r.read()
                if r.status != 200:
                    errors["http_status"] += 1
                    return
        except (aiohttp.ClientError, TimeoutError):
            errors["connection"] += 1
            return
        try:
            arrived, kind = await asyncio.wait_for(answered, ANSWER_TIMEOUT)
        except TimeoutError:
            errors["no_answer"] += 1
            return
        if kind != "in_channel":  # answers are public; "Sorry…"/store errors are ephemeral
            errors["error_reply"] += 1
            return
        latencies.append((arrived - started) * 1000)

    sent = 0
    while time.perf_counter() < until:
        await asyncio.gather(*(one(sent + k) for k in range(concurrency)))
        sent += concurrency
    return latencies, errors


def percentiles(latencies: list[float]) -> dict[str, float | None]:
    ordered = sorted(latencies)
    if not ordered:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))], 1)

    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(ordered[-1], 1),
    }


def mb(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    # SIGTERM as well as Ctrl-C unwinds through the finally below, which stops the children.
    main_task = asyncio.current_task()
    assert main_task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    OUT.mkdir(parents=True, exist_ok=True)
    questions = [
        q.format(t=random.Random(i).choice(TOPICS), p=random.Random(i + 1).choice(PEOPLE))
        for i, q in enumerate(QUESTIONS * 20)
    ]
    articles = corpus(args.ingest)
    out = Path(args.out)
    bot_log = out.with_name(f"{out.stem}-bot.log")
    ingest_log = out.with_name(f"{out.stem}-ingest.log")
    port = free_port()
    url = f"http://127.0.0.1:{port}/slack/events"
    fake = TimedSlack().start()
    sampler = RssSampler()
    env = bot_env(args.store, fake.api_url)
    figures: dict[str, Any] = {}
    bot: subprocess.Popen | None = None
    ingest: subprocess.Popen | None = None
    with bot_log.open("w") as blog, ingest_log.open("w") as ilog:
        try:
            serve = ["run", "slack", "--http", "--host", "127.0.0.1", "--port", str(port)]
            bot = spawn(serve, env, blog)
            limit = aiohttp.TCPConnector(limit=args.concurrency)
            async with aiohttp.ClientSession(connector=limit) as session:
                await bot_listening(session, url, bot, bot_log)
                sampler.watch("bot", bot.pid)
                figures["bot_rss_listening_mb"] = mb(sampler.peak_mb.get("bot"))
                ingest = spawn(["ingest", str(articles)], env, ilog)
                sampler.watch("ingest", ingest.pid)
                started = time.perf_counter()
                latencies, errors = await ask_all(
                    fake, session, url, questions, args.concurrency, started + args.seconds
                )
                figures["load_seconds"] = round(time.perf_counter() - started, 1)
            sampler.sample()
            figures["bot_peak_rss_mb"] = mb(vm_hwm_mb(bot.pid))  # just before stopping it
            if ingest.poll() is None:
                figures["ingest_vmhwm_mb"] = mb(vm_hwm_mb(ingest.pid))
                figures["ingest"] = "still running when the load ended (as intended)"
            else:
                figures["ingest"] = f"finished ({ingest.returncode}): {tail(ingest_log, 1)}"
        finally:
            sampler.stop()
            if ingest is not None:
                figures["ingest_exit_code"] = stop(ingest)  # 130: stopped by Ctrl-C, as intended
            if bot is not None:
                figures["bot_exit_code"] = stop(bot)
            fake.stop()
    answered = len(latencies)
    return {
        "questions": answered + sum(errors.values()),
        "answered": answered,
        "errors": sum(errors.values()),
        "errors_by_kind": errors,
        "concurrency": args.concurrency,
        "load_seconds": figures.get("load_seconds"),
        **percentiles(latencies),
        # The bot process alone (issue 7: <= 200 MB); the ingest and this process apart.
        "bot_peak_rss_mb": figures.get("bot_peak_rss_mb"),
        "bot_sampled_peak_rss_mb": mb(sampler.peak_mb.get("bot")),
        "bot_rss_listening_mb": figures.get("bot_rss_listening_mb"),
        "bot_exit_code": figures.get("bot_exit_code"),
        "bot_command": "newsbot run slack --http --host 127.0.0.1 --port P",
        "bot_log": str(bot_log),
        "ingest_articles": args.ingest,
        "ingest": figures.get("ingest"),
        "ingest_exit_code": figures.get("ingest_exit_code"),
        "ingest_vmhwm_mb": figures.get("ingest_vmhwm_mb"),
        "ingest_sampled_peak_rss_mb": mb(sampler.peak_mb.get("ingest")),
        "ingest_log": str(ingest_log),
        "loadgen_peak_rss_mb": mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--ingest", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--out", default=str(OUT / "load.json"), help="figures (logs beside it)")
    args = ap.parse_args()
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started with `&` from a script: the children would inherit an ignored Ctrl-C, and
        # then could only be killed, not stopped cleanly.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    try:
        figures = asyncio.run(main_async(args))
    except (KeyboardInterrupt, asyncio.CancelledError):
        sys.exit("bench_load: interrupted; the bot and the ingest were stopped")
    print(json.dumps(figures, indent=2))
    Path(args.out).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
