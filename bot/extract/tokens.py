"""Tokens of a source's text: words, abbreviations keeping their full stop, punctuation, and
comma-separated segments; each token keeps its character span.
"""

from __future__ import annotations

import re

from bot.extract.lexicon import ABBREVIATIONS

_TOKEN = re.compile(r"[\w][\w'’\-.]*|[^\w\s]")

Tok = tuple[str, int, int]


def tokens(masked: str, lo: int, hi: int) -> list[Tok]:
    # every character that is not white space belongs to a token, so each token is the first
    # match of its text after the previous one: str.find is cheaper than a match object's spans
    out: list[Tok] = []
    pos = lo
    find = masked.find
    for w in _TOKEN.findall(masked, lo, hi):
        start = find(w, pos)
        pos = start + len(w)
        out.append((w, start, pos))
    if masked.find(".", lo, hi) < 0:
        return out  # most stretches have no full stop to split off
    fixed: list[Tok] = []
    for t in out:
        w = t[0]
        if len(w) > 1 and w[-1] == "." and not _keeps_dot(w):
            e = t[2] - 1
            fixed.append((w[:-1], t[1], e))
            fixed.append((".", e, e + 1))
        else:
            fixed.append(t)
    return fixed


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
