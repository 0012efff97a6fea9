"""`python -m bot.extract [--reported] < articles.jsonl > quotes.jsonl`."""

from __future__ import annotations

import sys

from bot.extract.jsonl import run

if __name__ == "__main__":
    sys.exit(1 if run(sys.stdin, sys.stdout, reported="--reported" in sys.argv) else 0)
