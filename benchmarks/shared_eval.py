"""The shared evaluation files: where they are, and their scorer loaded as a module."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def scorer() -> ModuleType:
    """`score_quotes.py` from ../shared/eval, whose gold_quotes and overlap rules we reuse."""
    spec = importlib.util.spec_from_file_location("score_quotes", EVAL / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
