"""How a cue sits in its sentence: in an introductory or a new clause, after a preposition,
or with a document ("a statement saying …") for its grammatical subject."""

from __future__ import annotations

import re

from bot.extract.lexicon import DOCUMENT_HEADS, LEAD_CONJUNCTIONS, TIME_WORDS, words
from bot.extract.phrase import Source

_PREV_WORD = re.compile(r"(\w+)$")
# a comma and more words after a cue: the cue's clause ended without content
_CLAUSE_END = re.compile(r",\s+(?![“\"])\S")
_SUBORDINATORS = words(
    """
    after although as because before if once since though until when whenever while
    """
)
_INTRO_PREPS = words("in on at from with during upon")
_PARTICIPLE = re.compile(r"\s*\w+ing\b")
# words that open a clause with a subject of its own, whose cue then governs what follows
_CLAUSE_OPENERS = words(
    """
    and but after when while whereas because before since until although though with once
    """
)
_PLACE_PREPS = words("through in at on across along around near into from over under")
_WHEN_WORDS = TIME_WORDS | {"early", "late"}


def after_preposition(masked: str, lo: int, pos: int) -> bool:
    """The phrase at `pos` is the object of a preposition: "walking across the campus"."""
    prev = _PREV_WORD.search(masked, max(lo, pos - 12), pos - 1)
    return prev is not None and prev.group(1).lower() in _PLACE_PREPS


def document(src: Source) -> bool:
    """ "a statement", "the new video": something made, not someone."""
    words = src.text.lower().split()
    while len(words) > 1 and words[-1] in _WHEN_WORDS:
        words.pop()  # "a series of tweets late Tuesday"
    return src.kind in {"unnamed", "desc"} and words[-1] in DOCUMENT_HEADS


def subordinate(masked: str, lo: int, m: re.Match[str], opener: int) -> bool:
    """The cue sits in an introductory clause of its own: "After the talks concluded, …",
    "After Dunmore criticized Ostrow during a forum, Irene shot back, …"."""
    comma = masked.find(",", m.end(), opener)
    if comma < 0 or not _CLAUSE_END.match(masked, comma, opener):
        return False
    if _PARTICIPLE.match(masked, comma + 1, opener):
        return False  # "when protesters interrupted her, shouting “…”": theirs all the same
    return opens_subordinate(masked, lo, m.start(), _SUBORDINATORS | _INTRO_PREPS)


def opens_subordinate(
    masked: str, lo: int, cue: int, openers: frozenset[str] = _SUBORDINATORS
) -> bool:
    """The clause holding the cue at `cue` opens with a subordinator: "After the talks
    concluded", "So when the firm agreed", "In a video message posted Monday"."""
    start = max(lo, masked.rfind(",", lo, cue) + 1)
    first = masked[start:cue].split(None, 2)[:2]
    if first and first[0].lower() in LEAD_CONJUNCTIONS:
        first = first[1:]
    return bool(first) and first[0].lower() in openers


def new_clause(masked: str, lo: int, src: Source) -> bool:
    """The source opens a clause of its own: "… and Marsh said", "… with Haldane telling"."""
    # the opener may precede the source's own modifiers: "after CNBC's Dana Pratt said"
    before = masked[max(lo, src.pos - 40) : src.pos].split()[-3:]
    for w in reversed(before):
        if w.lower() in _CLAUSE_OPENERS:
            return True
        if not w[:1].isupper():
            return False
    return False
