"""A person as one article names them, a mention of them, and the role set off beside a name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.extract.lexicon import TITLE_WORDS
from bot.extract.phrase import role_before, role_phrase
from bot.extract.tokens import tokens

_APPOS_AFTER = re.compile(r",\s((?:the|a|an|[A-Z][\w]*['’]s)\s[^,.;:()\n]{3,60})[,.;)]")


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
        if toks and toks[-1][0].lower() in TITLE_WORDS:
            return role_before(text, toks)
    return None
