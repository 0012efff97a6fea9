"""A small progress bar for long ingests on a terminal."""

from __future__ import annotations

import time
from typing import TextIO


class Bar:
    def __init__(self, out: TextIO, every: float = 0.2) -> None:
        self.out = out
        self.every = every
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, done: int, total: int | None) -> None:
        moment = time.monotonic()
        if moment - self.shown < self.every:
            return
        self.shown = moment
        rate = done / max(moment - self.started, 1e-9)
        if total:
            filled = int(30 * done / total)
            bar = "#" * filled + "-" * (30 - filled)
            self.out.write(f"\r[{bar}] {done}/{total} articles, {rate:.0f}/s ")
        else:
            self.out.write(f"\r{done} articles, {rate:.0f}/s ")
        self.out.flush()

    def close(self) -> None:
        self.out.write("\r" + " " * 70 + "\r")
        self.out.flush()
