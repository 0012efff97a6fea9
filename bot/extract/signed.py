"""Sources written apart from any cue: a line signing the quote above it ("- Jane Roe."), and
the possessor of the words that follow ("Varga’s response was:", "Tate’s claim that “…”")."""

from __future__ import annotations

import re

from bot.extract.lexicon import NOT_NAME_WORDS, SPEECH_NOUNS
from bot.extract.phrase import Source
from bot.extract.subject import object_after
from bot.extract.text import Layout

_SIGNATURE = re.compile(r"\s*[-―—–]{1,2}\s*(?=[A-Z])")
_NOUNS = "|".join(sorted(SPEECH_NOUNS, key=len, reverse=True))
# up to two words, then a speech noun: "… terse response"
_NOUN_AFTER = rf" (?:[\w-]+ ){{0,2}}?(?P<noun>{_NOUNS})\b"
# a name's possessive before it: "Varga’s terse response"
_OWNER = r"(?<![\w’'])([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2})['’]s?" + _NOUN_AFTER
# or a possessive pronoun's: "Her message:", "His reply was “…”"
_PRONOUN_OWNER = r"(?<![\w’'])([Hh]is|[Hh]er|[Tt]heir)" + _NOUN_AFTER
_SUBJECT_OF = {"his": "he", "her": "she", "their": "they"}
_INTRODUCES = r"(?: (?:was|is|read|reads|said|says))?:"
_WORDS_OF = re.compile(_OWNER + _INTRODUCES)
_PRONOUN_WORDS_OF = re.compile(_PRONOUN_OWNER + _INTRODUCES)
# before a quote, only what opens the words may follow the noun: "claim that …", "reply was",
# "words,"; not "played down Tate's comments as": there the words are someone else's
_OPENS = r"(?:\s+that\s[^.;:!?“”\"]{0,80}|\s+(?:was|is|were|are)|,)?\s*$"
_OWNED = re.compile(_OWNER + _OPENS)
_PRONOUN_OWNED = re.compile(_PRONOUN_OWNER + _OPENS)


def signature(L: Layout, para: int) -> tuple[Source, str, bool] | None:
    """A quote that ends its paragraph, signed on the next line: "“…” ¶ - Jane Roe, Ohio."."""
    if para >= len(L.paras):
        return None
    p0, p1 = L.paras[para]
    d = _SIGNATURE.match(L.masked, p0, p1)
    if d is None or L.masked.count(" ", p0, p1) > 12 or L.masked[p0:p1].rstrip(" .")[-1:] in "-–—":
        return None  # "– Eager to grill Haldane –": a heading between dashes
    src = object_after(L.text, L.masked, d.end(), p1)
    return (src, "―", False) if src is not None and src.kind == "name" else None


def words_of(masked: str, lo: int, colon: int) -> Source | None:
    """ "Varga’s response was:", "From Tate's Facebook post:", "Her message:": whose words
    follow."""
    a = max(lo, colon - 80)
    return _owner(_WORDS_OF.search(masked, a, colon + 1)) or _pronoun(
        _PRONOUN_WORDS_OF.search(masked, a, colon + 1)
    )


def owner_before(masked: str, lo: int, opener: int) -> tuple[Source, str] | None:
    """ "Tate’s claim that there were “…”", "Varga’s reply was “…”": whose words the quote
    at `opener` are, and the noun that says so."""
    a = max(lo, opener - 200)
    m = _OWNED.search(masked, a, opener)
    src = _owner(m)
    if src is None:
        m = _PRONOUN_OWNED.search(masked, a, opener)
        src = _pronoun(m)
    return (src, m.group("noun")) if src is not None and m is not None else None


def _pronoun(m: re.Match[str] | None) -> Source | None:
    """ "Her message": the words are hers, as if "she" had said them."""
    if m is None:
        return None
    return Source(_SUBJECT_OF[m.group(1).lower()], "pronoun", m.start(1))


def _owner(m: re.Match[str] | None) -> Source | None:
    if m is None:
        return None
    name, pos = m.group(1), m.start(1)
    while " " in name and name.split(" ", 1)[0].lower() in NOT_NAME_WORDS:
        cut = name.index(" ") + 1  # "From Tate's post": the name starts after "From"
        name, pos = name[cut:], pos + cut
    return Source(name, "name", pos)
