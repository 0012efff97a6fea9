"""`newsbot chat`: the terminal adapter, a REPL over `NewsBot.ask` rendered as plain text.

With a TTY it has line editing and history (readline); from a pipe it answers one
line at a time, for scripts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TextIO

from bot import plaintext
from bot.core import NewsBot
from bot.errors import NewsbotError

log = logging.getLogger(__name__)

GREETING = (
    "newsbot — ask about the news. Try: who said what about China · latest on Ukraine ·"
    " who is Jake Sullivan · /help. Ctrl-D to leave."
)
APOLOGY = "Sorry, something went wrong answering that; it has been logged."
QUIT = {"/quit", "/exit", "quit", "exit"}


def reply(bot: NewsBot, line: str) -> str:
    """One line in, one rendered answer out; never raises."""
    try:
        return plaintext.render(bot.ask(line))
    except NewsbotError as error:
        return error.message
    except Exception:
        log.exception("answering %r failed", line[:200])
        return APOLOGY


def _history(path: Path) -> None:
    try:
        import readline
    except ImportError:  # no readline on this platform: plain input still works
        return
    import atexit
    import contextlib

    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(path)

    atexit.register(save)


def run(bot: NewsBot, stdin: TextIO, stdout: TextIO, interactive: bool, history: Path) -> int:
    if interactive:
        _history(history)
        print(GREETING, file=stdout)
        while True:
            try:
                line = input("newsbot> ")
            except (EOFError, KeyboardInterrupt):
                print(file=stdout)
                return 0
            if line.strip().lower() in QUIT:
                return 0
            if line.strip():
                print(reply(bot, line) + "\n", file=stdout, flush=True)
    for line in stdin:
        if line.strip().lower() in QUIT:
            break
        print(reply(bot, line.rstrip("\n")) + "\n", file=stdout, flush=True)
    return 0
