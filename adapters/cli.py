"""The `newsbot` command: the one composition root that reads the environment and builds the bot.

Platform adapters are imported only by the commands that run them, so `ask` and
`chat` start fast and small.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from dotenv import dotenv_values

from adapters import cli_feeds, cli_watch, jsonview, logs, memory, progress, terminal
from adapters.cli_feeds import feed_service, poll_feeds
from bot import plaintext
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.settings import Settings
from bot.wiring import build

log = logging.getLogger("newsbot")


def now() -> datetime:
    return datetime.now(UTC)


def load_settings(args: argparse.Namespace) -> Settings:
    """Environment over `.env` (the real environment wins), then `--db` over both."""
    env_file = Path(args.env_file)
    values: dict[str, str] = {}
    if env_file.is_file():
        try:
            values = {k: v for k, v in dotenv_values(env_file).items() if v is not None}
        except (OSError, UnicodeDecodeError) as error:
            raise NewsbotError(f"Cannot read {env_file}: {error}.") from None
    values.update(os.environ)
    if args.db:
        values["NEWSBOT_DB"] = args.db
    return Settings.from_mapping(values)


def cmd_ask(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    answer = bot.ask(" ".join(args.question))
    if args.json:
        print(json.dumps(jsonview.to_dict(answer), ensure_ascii=False, indent=2))
    else:
        print(plaintext.render(answer))
    return 0


def cmd_chat(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    history = Path.home() / ".newsbot_history"
    return terminal.run(bot, sys.stdin, sys.stdout, sys.stdin.isatty(), history)


def cmd_ingest(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    from bot.ingest import IngestReport, ingest_paths

    urls = [a for a in args.paths if a.lower().startswith(("http://", "https://"))]
    paths = [a for a in args.paths if a not in urls]
    reports: list[IngestReport] = []
    if urls:
        service = feed_service(bot, settings)
        reports.extend(service.ingest_url(url) for url in urls)
    if paths:
        bar = progress.Bar(sys.stderr) if sys.stderr.isatty() else None
        update = bar.update if bar else None
        reports.append(ingest_paths(bot.store, paths, now(), update, workers=args.workers))
        if bar:
            bar.close()
    report = IngestReport.combine(reports)
    for problem in report.rejected:
        print(f"{'warning' if problem.kept else 'rejected'} {problem}", file=sys.stderr)
    print(report.summary_line())
    return 0 if report.ok else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from bot.extract.jsonl import run

    bad_lines = run(sys.stdin, sys.stdout, reported=args.reported)
    return 1 if bad_lines else 0


def cmd_digest(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    print(plaintext.render(bot.digest_now(tuple(args.topics))))
    return 0


def cmd_run(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    memory.fewer_malloc_arenas()  # before the adapters start their worker threads
    platforms = list(dict.fromkeys(args.platforms))
    jobs = []
    for platform in platforms:
        if platform == "discord":
            from adapters import discord as discord_adapter

            jobs.append(discord_adapter.serve(bot, settings))
        else:
            from adapters import slack as slack_adapter

            jobs.append(slack_adapter.serve(bot, settings, http=args.http))

    service = bot.feeds  # built here, once per process, however many adapters run

    async def together() -> None:
        stop = asyncio.Event()
        poller = asyncio.create_task(poll_feeds(service, stop), name="newsbot-feeds")
        try:
            await asyncio.gather(*jobs)
        finally:
            stop.set()
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller

    # Started with `&` from a script, a process inherits SIGINT ignored, and service managers
    # stop with SIGTERM: both should stop the bot the way Ctrl-C does.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(together())
    return 0


def cmd_discord_sync(bot: NewsBot, args: argparse.Namespace, settings: Settings) -> int:
    from adapters import discord as discord_adapter

    count = asyncio.run(discord_adapter.sync_commands(bot, settings, args.guild))
    guild = args.guild or settings.discord_dev_guild
    where = f"guild {guild}" if guild else "all guilds (global; may take up to an hour)"
    print(f"synced {count} commands to {where}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsbot", description="Who said what, from the news.")
    p.add_argument("--db", help="store file (else NEWSBOT_DB, else ./newsbot.db)")
    p.add_argument("--env-file", default=".env", help="settings file (default .env)")
    sub = p.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("--json", action="store_true", help="print the answer as JSON")
    ask.add_argument("question", nargs="*", default=[])
    ask.set_defaults(run=cmd_ask)
    sub.add_parser("chat", help="terminal chat").set_defaults(run=cmd_chat)
    ingest = sub.add_parser("ingest", help="store .txt, .html, .jsonl files or folders, or URLs")
    ingest.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    ingest.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that extract quotes for large inputs (default: cores - 1; 0: none)",
    )
    ingest.set_defaults(run=cmd_ingest)
    cli_feeds.add_parsers(sub)
    cli_watch.add_parsers(sub)
    extract = sub.add_parser("extract", help="JSONL articles on stdin -> quotes as JSONL")
    extract.add_argument(
        "--reported", action="store_true", help="also write reported speech (kind: reported)"
    )
    digest = sub.add_parser("digest", help="print today's digest")
    digest.add_argument("topics", nargs="*")
    digest.set_defaults(run=cmd_digest)
    run = sub.add_parser("run", help="run chat adapters: discord, slack or both")
    run.add_argument("platforms", nargs="+", choices=["discord", "slack"])
    run.add_argument("--http", action="store_true", help="Slack over HTTP instead of Socket Mode")
    run.add_argument("--host", help="HTTP host (NEWSBOT_HOST)")
    run.add_argument("--port", type=int, help="HTTP port (NEWSBOT_PORT)")
    run.set_defaults(run=cmd_run)
    sync = sub.add_parser("discord-sync", help="register the slash commands with Discord")
    sync.add_argument("--guild", help="a guild id for instant sync while developing")
    sync.set_defaults(run=cmd_discord_sync)
    return p


def _overrides(args: argparse.Namespace, settings: Settings) -> Settings:
    from dataclasses import replace

    host, port = getattr(args, "host", None), getattr(args, "port", None)
    return replace(settings, host=host or settings.host, port=port or settings.port)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "extract":
            return cmd_extract(args)
        settings = _overrides(args, load_settings(args))
        logs.setup(settings)
        bot = build(settings, now)
        command: Callable[[NewsBot, argparse.Namespace, Settings], int] = args.run
        return command(bot, args, settings)
    except NewsbotError as error:
        print(f"newsbot: {error.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newsbot ask … | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0
    except Exception as error:  # a user never sees a traceback; the log has the details
        log.debug("unexpected failure", exc_info=True)
        print(
            f"newsbot: unexpected error ({type(error).__name__}); rerun with"
            " NEWSBOT_LOG_LEVEL=DEBUG for details.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
