"""Reported speech: "X said (that) …", "…, X said.", "according to X, …" outside quotation marks."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from bot.extract.cues import CUE_WORDS, cue_text, plural_noun, trie
from bot.extract.lexicon import ADVERBS_AUX, TIME_WORDS, words
from bot.extract.phrase import Source
from bot.extract.subject import object_after, subject_before
from bot.extract.text import Layout

# Cues that introduce a clause of content; "called" and "described" take labels, not clauses.
_CLAUSE_CUES = words(
    """
    acknowledged acknowledges added adds admits admitted announced announces argued argues
    asserted asserts claimed claims conceded concedes contended contends declared declares
    emphasized explained explains insisted insists noted notes predicted predicts said say
    says stressed suggested suggests tells told warned warns writes wrote according_to
    reported reports confirmed confirms denied denies promised promises vowed vows pledged
    pledges recalled recalls revealed reveals indicated indicates complained complains
    maintained maintains stated testified testifies tweeted alleged alleges hinted
    """
)
# only the cues that take a clause are sought: most speech verbs in a text are not
_CLAUSE_CUE = re.compile(trie(_CLAUSE_CUES & CUE_WORDS | {"according to", "According to"}))
# "said (earlier this week) that …": a few words may come between the cue and "that"
_THAT = re.compile(r"\s*(?:(?:[\w’'.-]+\s+){0,4}?that\s+)?")
_CLOSE = re.compile(r"[”\"][^”\"]*$")
_TOLD_OBJ = re.compile(
    r"\s*(?:(?:[\w’'.-]+\s+){0,3}?that\s+|(?:reporters|journalists|the press|[A-Z][\w&]*)\s+)"
)
_MIN_WORDS = 4
# "told reporters later Thursday the U.S. …": a time phrase after the cue is not content
_WHEN = (TIME_WORDS | {"early", "late"}) - {"that", "also", "again", "then", "recently"}
_WORD = re.compile(r"\s*([A-Za-z]+)\b,?")
_OPENERS = {"on", "this", "last", "early", "late"}  # "said on behalf of", "said this plan"
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+$")


def reported(L: Layout) -> Iterator[tuple[int, int, Source, str]]:
    """(start, end, source, cue) of reported content, one per sentence at most."""
    starts = L.sent_starts
    done = -1
    for m in _CLAUSE_CUE.finditer(L.masked):
        cue = m.group().lower()
        if cue not in _CLAUSE_CUES:
            continue
        i = bisect_right(starts, m.start()) - 1
        if i == done:
            continue
        lo = starts[i]
        hi = starts[i + 1] if i + 1 < len(starts) else len(L.text)
        hi = min(hi, L.para_end(lo))
        body = L.masked[lo:hi].rstrip()
        if len(body) < 20 or body.count("x") * 2 > len(body):
            done = i  # mostly a direct quote: that is handled as one
            continue
        end = lo + len(body)
        if m.start() >= end or _PASSIVE.search(L.masked, max(lo, m.start() - 8), m.start()):
            continue
        found = _one(L, m, lo, end, cue)
        if found is not None:
            done = i
            yield found


def _one(L: Layout, m: re.Match[str], lo: int, end: int, cue: str) -> tuple | None:
    if cue == "according to":
        comma = L.masked.find(",", m.end(), end)
        src = object_after(L.text, L.masked, m.end(), comma if comma > 0 else end)
        if src is None:
            return None
        if m.start() - lo < 3 and comma > 0:
            return _content(L, comma + 1, end, src, cue)
        return _content(L, lo, L.masked.rfind(",", lo, m.start()), src, cue)
    before = L.masked[lo : m.start()].rstrip()
    if plural_noun(cue, before):
        return None
    close = _CLOSE.search(before)
    if close and before.count(" ", close.start()) <= 8:
        return None  # "“…,” Okafor said in a statement": the cue of a direct quote
    src = subject_before(L.text, L.masked, max(lo, m.start() - 160), m.start())
    if src is None:
        if before.endswith(","):
            # "…, said X." with nothing after the source but the end of the sentence
            src = object_after(L.text, L.masked, m.end(), end)
            if src is not None and len(L.masked[m.end() : end].split()) <= 6:
                return _content(L, lo, lo + len(before) - 1, src, cue)
        return None
    after = m.end()
    if cue in {"told", "tells"}:
        t = _TOLD_OBJ.match(L.masked, after, end)
        after = t.end() if t is not None else end
    else:
        after = _THAT.match(L.masked, after, end).end()
    after = _past_when(L.masked, after, end)
    rest = L.masked[after:end]
    if len(rest.split()) >= _MIN_WORDS and not rest.startswith(","):
        return _content(L, after, end, src, cue_text(L.masked, m))
    # a trailing attribution: "…, X said on Monday."
    comma = L.masked.rfind(",", lo, src.pos)
    if comma > lo:
        return _content(L, lo, comma, src, cue)
    return None


def _past_when(masked: str, i: int, end: int) -> int:
    """Skip a time phrase that opens the content ("later Thursday", "on Monday"), unless
    it is the content's subject: "said Friday was the deadline", "this week's vote"."""
    j, last = i, ""
    while (m := _WORD.match(masked, j, end)) is not None and m.group(1).lower() in _WHEN:
        j, last = m.end(), m.group(1).lower()
    if j == i or last in _OPENERS:
        return i
    nxt = _WORD.match(masked, j, end)
    if masked[j : j + 1] in {"’", "'"} or nxt is None or nxt.group(1).lower() in ADVERBS_AUX:
        return i
    return j


def _content(L: Layout, a: int, b: int, src: Source, cue: str) -> tuple | None:
    while a < b and L.text[a] in " ,:":
        a += 1
    if L.text[a : a + 1] in {"“", '"'}:
        return None  # "X said: “…”" is a direct quote, already taken
    while b > a and L.text[b - 1] in " ,.;:":
        b -= 1
    if b <= a or len(L.text[a:b].split()) < _MIN_WORDS:
        return None
    return a, b, src, cue
