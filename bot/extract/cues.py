"""Speech cues: the verbs that introduce someone's words, found as whole words, and a cue as
written with its audience or medium ("told reporters", "said in a statement")."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from bot.extract.lexicon import SPEECH_VERBS


def trie(words: frozenset[str]) -> str:
    """Whole words from `words`, as an alternation folded into a trie: the regex engine then
    tries one branch per letter."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return r"(?<![\w-])" + pattern(root) + r"\b"


CUE_WORDS = SPEECH_VERBS | {"according to", "According to"}
# "reports" and "ruled" are nouns or other verbs as often as cues ("who reports to the
# mayor", "several reports"): they are cues only before "that" or closing a sentence
_CONDITIONAL = frozenset({"reports", "ruled"})
_INTRODUCES = re.compile(r" that\b|[.,;:]")
# one trie for all: an alternation beside it would double the cost of every scan
_CUE = re.compile(trie(CUE_WORDS | _CONDITIONAL))


class _Cues:
    """The speech cues in a text, as `re` finds them, less the conditional ones that
    introduce nothing where they stand."""

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        for m in _CUE.finditer(s, pos, endpos):
            if m.group() not in _CONDITIONAL or _INTRODUCES.match(s, m.end()):
                yield m

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(s, pos, endpos), None)


CUE = _Cues()
# "told reporters", "told CNN": the audience is part of the cue as written
_TOLD_OBJ = re.compile(r"\s+(reporters|journalists|the press|[A-Z][\w&]*(?: News)?)\b")
# "told The Daily Ledger on Tuesday that …": a listener's name of several words, known by
# what follows it: a time, a setting, "that" or a lower-case subject ("told CNN Trump
# would …" is not one, and is left to _TOLD_OBJ)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NAME_WORD = rf"(?!(?:{_DAYS})\b)[A-Z][\w&.’'-]*"
_TOLD_NAME = re.compile(
    rf"\s*((?:[Tt]he\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+"
    r"(?=(?:that|the|a|an|he|she|it|they|we|his|her|their|in|during|at)\s"
    rf"|(?:[Ee]arlier|[Ll]ater|[Oo]n|[Tt]his|[Ll]ast|today|yesterday|{_DAYS})\b)"
)
_STATEMENT = re.compile(r"\s+in an? (?:statement|interview|tweet|email|post)\b")


def listener(masked: str, pos: int, end: int = sys.maxsize) -> re.Match[str] | None:
    """Who was told, right after "told" ending at `pos`: "reporters", "CNN", "The Daily
    Ledger"; group 1 is the listener as written."""
    return _TOLD_NAME.match(masked, pos, end) or _TOLD_OBJ.match(masked, pos, end)


def cue_text(masked: str, m: re.Match[str]) -> str:
    cue = m.group()
    if cue in {"told", "tells", "telling"}:
        o = listener(masked, m.end())
        if o:
            return f"{cue} {o.group(1)}"
    s = _STATEMENT.match(masked, m.end())
    return cue + s.group() if s else cue


_OF_NOUN = re.compile(r"\bof(?: (?:the|their|his|her|its|[A-Z]\w*))?$")


def plural_noun(cue: str, before: str) -> bool:
    """ "41% of Republican claims", "one of the calls": the cue word is a plural noun."""
    return cue.endswith("s") and _OF_NOUN.search(before) is not None
