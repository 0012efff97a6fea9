"""Quoted stretches that are not speech: titles of works, labels, scare quotes."""

from __future__ import annotations

import re

from bot.extract.lexicon import SMALL_WORDS
from bot.extract.text import Layout, Stretch

_LABEL_BEFORE = re.compile(
    r"(?:so-called|called|dubbed|titled|entitled|named|nicknamed|labeled|labelled|termed|"
    r"the (?:word|words|term|phrase|slogan|hashtag|label|book|film|movie|show|song|headline)s?)"
    r"\s+(?:it\s+|him\s+|her\s+|them\s+|this\s+|that\s+|the\s+|a\s+|an\s+)?[“\"]$"
)
_WORK_BEFORE = re.compile(
    r"(?:\b(?:on|with|told|to|in|of|from|at|via|the|and)|['’]s|[A-Z]{2,})\s+[“\"]$"
)
_WORD = re.compile(r"[\w'’\-]+")


def markup(L: Layout, s: Stretch) -> bool:
    """An attribute value or a link in left-over markup: author="…", href="http…", or the
    text between two attributes' marks: date="…">text<tweet/>."""
    inner = L.text[s.start : s.end]
    if L.text[s.start - 2 : s.start - 1] == "=" or "://" in inner:
        return True
    return inner.startswith(">") or "/>" in inner or "</" in inner


def _title_case(words: list[str]) -> bool:
    # short words may stay lower case in a title, but one word at least is capitalised:
    # "a fake" is no title
    return any(w[:1].isupper() for w in words) and all(
        w[:1].isupper() or len(w) <= 3 or w in SMALL_WORDS for w in words
    )


def title_of_work(L: Layout, s: Stretch) -> bool:
    """A Title Case name right after "on", "told", "’s": a show or a paper, even near a cue."""
    words = _WORD.findall(L.text[s.start : s.end])
    if not words or len(words) > 8 or not _title_case(words):
        return False
    return bool(_WORK_BEFORE.search(L.text, max(0, s.start - 16), s.start))


def not_speech(L: Layout, s: Stretch) -> str | None:
    """Why a stretch with no cue reads as no speech: "label" or "title" for certain, "short"
    for a word or two that may still be a partial quote of the sentence's subject."""
    inner = L.text[s.start : s.end]
    words = _WORD.findall(inner)
    before = L.text[max(0, s.start - 40) : s.start]
    if _LABEL_BEFORE.search(before) and len(words) <= 6:
        return "label"
    title_case = _title_case(words)
    if words and len(words) <= 8 and title_case and (len(words) > 1 or len(words[0]) > 1):
        return "title"  # Title Case: a show, a book, a slogan
    if len(words) <= 2 and not inner.rstrip().endswith((".", "!", "?", ",")):
        return "short"
    return None
