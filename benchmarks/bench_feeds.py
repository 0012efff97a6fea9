"""Feed polling speed: 200 feeds x 50 items, pages served locally, first poll and a 304 poll.

usage: python benchmarks/bench_feeds.py [--feeds 200] [--items 50] [--hosts 100] [--db FILE]

Articles come from `../shared/bench/make_corpus.py`; a child process serves the feeds
and pages with aiohttp on 127.0.0.1 under 100 host names (resolved to 127.0.0.1 by
the guard's resolver), with ETags, so politeness applies per host as it would for real
sites. The first poll fetches, extracts and stores every page; the second gets 304s.
Figures go to stdout and to benchmarks/out/feeds.json.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import pickle
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MAKE_CORPUS = ROOT.parent / "shared" / "bench" / "make_corpus.py"
NOW = datetime.now(UTC).replace(microsecond=0)


def host(n: int) -> str:
    return f"outlet-{n}.bench"


def local_resolver(name: str, port: int) -> list[str]:
    """Every outlet is served locally (module-level so worker processes can unpickle it)."""
    return ["127.0.0.1"]


def page_html(article: dict, published: datetime) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in article["text"].split("\n\n"))
    title = html.escape(article["title"])
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{published.isoformat()}">'
        f'<meta property="og:site_name" content="{html.escape(article["source"])}"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/politics'>Politics</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<aside>Most read: <a href='/x'>Another story</a></aside>"
        "<footer>Copyright, all rights reserved.</footer></body></html>"
    )


def build_site(corpus: Path, feeds: int, items: int, hosts: int, port: int) -> dict[str, bytes]:
    """Every path the server answers, keyed by 'host/path'."""
    articles = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    site: dict[str, bytes] = {}
    for f in range(feeds):
        h = host(f % hosts)
        entries = []
        for i in range(items):
            n = f * items + i
            article = articles[n]
            published = NOW - timedelta(minutes=7 * n % (6 * 24 * 60) + 1)
            path = f"/story/{n}"
            site[f"{h}{path}"] = page_html(article, published).encode()
            link = f"http://{h}:{port}{path}"
            entries.append(
                f"<item><title>{html.escape(article['title'])}</title><link>{link}</link>"
                f"<guid>{link}</guid><pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
                f"<description>{html.escape(article['text'][:300])}</description></item>"
            )
        site[f"{h}/feed/{f}.xml"] = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Bench feed {f}</title><link>http://{h}/</link><description>b</description>"
            + "".join(entries)
            + "</channel></rss>"
        ).encode()
    return site


def serve(port: int, port_file: str, site_file: str) -> None:
    """Child process: serve the prebuilt site with ETags until killed."""
    import asyncio
    import hashlib

    from aiohttp import web

    with open(site_file, "rb") as fh:
        site: dict[str, bytes] = pickle.load(fh)
    tags = {k: '"' + hashlib.md5(v).hexdigest() + '"' for k, v in site.items()}

    async def handle(request: web.Request) -> web.Response:
        key = request.host.split(":")[0] + request.path
        body = site.get(key)
        if body is None:
            return web.Response(status=404, text="not found")
        tag = tags[key]
        if request.headers.get("If-None-Match") == tag:
            return web.Response(status=304, headers={"ETag": tag})
        kind = "application/rss+xml" if key.endswith(".xml") else "text/html; charset=utf-8"
        return web.Response(body=body, headers={"ETag": tag, "Content-Type": kind})

    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)

    async def main() -> None:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port, backlog=1024).start()
        Path(port_file).write_text(str(port))
        while True:
            await asyncio.sleep(3600)

    asyncio.run(main())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--hosts", type=int, default=100)
    ap.add_argument("--threads", type=int, default=16, help="concurrent requests")
    ap.add_argument("--gap", type=float, default=0.2, help="seconds between requests to a host")
    ap.add_argument("--db")
    ap.add_argument("--serve", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1], args.serve[2])
        return 0

    from bot.feeds import FeedService, PollConfig
    from bot.net import Guard
    from bot.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    total = args.feeds * args.items
    corpus = tmp / "corpus.jsonl"
    with corpus.open("w") as out:
        subprocess.run([sys.executable, str(MAKE_CORPUS), str(total)], stdout=out, check=True)
    # the links carry the port, so pick a free one first and have the server bind it
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = build_site(corpus, args.feeds, args.items, args.hosts, port)
    site_file = tmp / "site.pickle"
    site_file.write_bytes(pickle.dumps(site))
    port_file = tmp / "port"
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), str(port_file), str(site_file)]
    )
    try:
        deadline = time.time() + 60
        while not port_file.exists() and time.time() < deadline:
            time.sleep(0.1)
        if not port_file.exists():
            raise SystemExit("the bench server did not start")
        guard = Guard.from_entries(["127.0.0.1"], resolver=local_resolver)
        store = Store.open(args.db or tmp / "feeds.db")
        service = FeedService(
            store,
            lambda: datetime.now(UTC),
            PollConfig(guard=guard, threads=args.threads, gap=args.gap),
        )
        for f in range(args.feeds):
            service.add(f"http://{host(f % args.hosts)}:{port}/feed/{f}.xml", "15m")
        started = time.perf_counter()
        first = service.poll_all()
        first_s = time.perf_counter() - started
        stored = sum(r.new for r in first)
        started = time.perf_counter()
        second = service.poll_all()
        second_s = time.perf_counter() - started
        figures = {
            "feeds": args.feeds,
            "items_per_feed": args.items,
            "hosts": args.hosts,
            "cpus": os.cpu_count(),
            "threads": args.threads,
            "gap_s": args.gap,
            "first_poll_s": round(first_s, 2),
            "first_poll_pages_per_s": round(total / first_s, 1),
            "stored": stored,
            "failed_feeds": sum(bool(r.error) for r in first),
            "rejected": sum(r.rejected for r in first),
            "second_poll_s": round(second_s, 2),
            "second_poll_not_modified": sum(r.status == "not modified" for r in second),
            "quotes": store.stats().quotes,
            "poller_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        }
        print(json.dumps(figures, indent=2))
        out = ROOT / "benchmarks" / "out"
        out.mkdir(exist_ok=True)
        (out / "feeds.json").write_text(json.dumps(figures, indent=2) + "\n")
        store.close()
    finally:
        child.terminate()
        child.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
