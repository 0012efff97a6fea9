"""A person as one article names them, a mention of them (and whether in passing), the role set
off beside a name, and the person a role refers back to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.extract.lexicon import TITLE_WORDS, UNNAMED_HEADS
from bot.extract.phrase import role_before, role_phrase
from bot.extract.tokens import Tok, tokens

_APPOS_AFTER = re.compile(r",\s((?:the|a|an|[A-Z][\w]*['’]s)\s[^,.;:()\n]{3,60})[,.;)]")
_OBLIQUE = re.compile(
    r"(?<![Aa]s )\b(?:in|with|to|for|from|by|at|of|on|about|against|than|like|over|toward"
    r"|towards|told|asked|thanked|urged|accused|blamed|criticized|praised|attacked|called"
    r"|(?:he|she|they) (?:said|says))\s+"
    r"(?:the\s+)?$"
)


_ROLE_NOUNS = frozenset(
    w for w in TITLE_WORDS | UNNAMED_HEADS if w.isalpha() and w.islower() and w not in {"and", "of"}
)
_NEXT_WORDS = re.compile(r"(?: ([a-z]+))?(?: ([a-z]+))? [A-Z]")


def _modifier(masked: str, end: int) -> bool:
    """ "Varga consultant Simon Kerr", "Haldane campaign spokesman Carl Ibsen": the name
    ending at `end` modifies a role noun that another name follows."""
    if masked[end : end + 1] != " ":
        return False
    # most names are followed by a verb: one word looked up settles it
    j = masked.find(" ", end + 1, end + 20)
    if j < 0 or masked[end + 1 : j] not in _ROLE_NOUNS:
        return False
    m = _NEXT_WORDS.match(masked, j)
    return m is not None and all(w in _ROLE_NOUNS for w in m.groups()[:2] if w)


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    gender: str | None = None  # "m" | "f"
    votes: list[int] = field(default_factory=lambda: [0, 0])
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sure: bool = False  # has a first name, a title or an honorific: certainly a person


class Mention(NamedTuple):
    """A person named (or a pronoun resolved to one) at `pos`; a tuple, as there are many."""

    pos: int
    person: Person
    possessive: bool = False
    end: int = 0  # where the name ends; 0 for a pronoun


def apposition(text: str, masked: str, start: int, end: int) -> str | None:
    """A role set off by commas next to a full name: "Biden's adviser, Jake Sullivan," or
    "Jake Sullivan, the national security adviser,"."""
    m = _APPOS_AFTER.match(masked, end)
    if m:
        role = role_phrase(text, tokens(masked, m.start(1), m.end(1)))
        if role:
            return role
    if masked[start - 2 : start] == ", ":
        toks = tokens(masked, max(0, start - 60, masked.rfind("\n", 0, start) + 1), start - 2)
        if toks and toks[-1][0].lower() in TITLE_WORDS and not _appositive_of_another(toks):
            return role_before(text, toks)
    return None


def _appositive_of_another(toks: list[Tok]) -> bool:
    """ "by Nina Falk, the Ohio treasurer, Victor Haldane …": the role after a comma and an
    article belongs to the name before it, not to the name after."""
    k = len(toks) - 1
    while k > 0 and toks[k][0] != ",":
        k -= 1
    return (
        0 < k < len(toks) - 1
        and toks[k + 1][0].lower() in {"the", "a", "an"}
        and toks[k - 1][0][:1].isupper()
    )


def in_passing(masked: str, m: Mention) -> bool:
    """The person is named in passing, seldom a later pronoun's antecedent: a possessive
    ("Biden’s adviser"), an object ("with Biden", "told Biden"), a modifier ("Varga consultant
    Simon Kerr")."""
    return (
        m.possessive
        or bool(_OBLIQUE.search(masked, max(0, m.pos - 17), m.pos))
        or (m.end > 0 and _modifier(masked, m.end))
    )


ROLE_SPAN = 1500  # how far back "the senator" looks for a senator named


def _role_word(w: str, head: str) -> bool:
    """A role word naming `head`: "senator" or its abbreviation "Sen."."""
    w = w.rstrip(".")
    return w == head or (len(w) >= 3 and head.startswith(w))


def by_role(
    mentions: list[Mention], i: int, head: str, pos: int, places: tuple[str, ...]
) -> Person | None:
    """The person of the last mention from index `i` back whose role contains `head`, and the
    place words too if any role names them."""
    h = head.lower()
    first: Person | None = None
    while i >= 0 and pos - mentions[i].pos < ROLE_SPAN:
        p = mentions[i].person
        i -= 1
        if not any(_role_word(w, h) for r in p.roles for w in r.lower().split()):
            continue
        if not places or all(any(w in r for r in p.roles) for w in places):
            return p
        first = first or p
    return first
