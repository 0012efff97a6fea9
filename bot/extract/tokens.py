"""Tokens of a source's text: words, abbreviations keeping their full stop, punctuation, and
comma-separated segments; each token keeps its character span.
"""

from __future__ import annotations

import re

from bot.extract.lexicon import ABBREVIATIONS

_TOKEN = re.compile(r"[\w][\w'’\-.]*|[^\w\s]")

Tok = tuple[str, int, int]


def tokens(masked: str, lo: int, hi: int) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(masked, lo, hi):
        w, s, e = m.group(), m.start(), m.end()
        if len(w) > 1 and w.endswith(".") and not _keeps_dot(w):
            w, e = w[:-1], e - 1
            out.append((w, s, e))
            out.append((".", e, e + 1))
            continue
        out.append((w, s, e))
    return out


def _keeps_dot(w: str) -> bool:
    core = w[:-1].lower()
    return core in ABBREVIATIONS or len(core) == 1 or "." in core


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def split_segments(toks: list[Tok]) -> list[list[Tok]]:
    segs: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        w = t[0]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif w in {",", "—", "–", ";", ":"}:
            segs.append([])
        elif w not in {".", '"', "“", "”"}:
            segs[-1].append(t)
    return segs


def span_text(text: str, toks: list[Tok]) -> str:
    return text[toks[0][1] : toks[-1][2]] if toks else ""
