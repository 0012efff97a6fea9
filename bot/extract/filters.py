"""Quoted stretches that are not speech: titles of works, labels, scare quotes."""

from __future__ import annotations

import re

from bot.extract.text import Layout, Stretch

_LABEL_BEFORE = re.compile(
    r"(?:so-called|called|dubbed|titled|entitled|named|nicknamed|labeled|labelled|termed|"
    r"the (?:word|words|term|phrase|slogan|hashtag|label|book|film|movie|show|song|headline)s?)"
    r"\s+(?:it\s+|him\s+|her\s+|them\s+|this\s+|that\s+|the\s+|a\s+|an\s+)?[“\"]$"
)
_WORD = re.compile(r"[\w'’\-]+")


def not_speech(L: Layout, s: Stretch) -> bool:
    """True for a stretch with no cue that reads as a label or a title, not as speech."""
    inner = L.text[s.start : s.end]
    words = _WORD.findall(inner)
    before = L.text[max(0, s.start - 40) : s.start]
    if _LABEL_BEFORE.search(before) and len(words) <= 6:
        return True
    if len(words) <= 8 and words and all(w[:1].isupper() or len(w) <= 3 for w in words):
        return len(words) > 1 or len(words[0]) > 1  # Title Case: a show, a book, a slogan
    return len(words) <= 2 and not inner.rstrip().endswith((".", "!", "?", ","))
