"""Turn a source as written into a speaker: fullest name, pronoun antecedent, or as written."""

from __future__ import annotations

from collections.abc import Callable

from bot.extract.lexicon import POSSESSIVE_DETERMINERS
from bot.extract.people import People
from bot.extract.phrase import Source
from bot.extract.subject import sentence_subject

BY_ROLE = True
_PLURAL = frozenset({"they", "we"})
_THINGS = frozenset({"it", "its"})  # a company, a statement, an ad: never a person


def resolve(
    src: Source,
    people: People,
    sentence_start: Callable[[int], int],
    last_group: str | None,
    said: str = "",
) -> tuple[str, str | None]:
    """(speaker, role) for a source; `last_group` answers "they"; `said` is the quote, whose
    speaker is seldom someone it names."""
    if src.kind == "name":
        p = people.lookup(src.text, src.pos)
        if p is not None:
            if src.role and src.role not in p.roles:
                p.roles.append(src.role)
            return p.name, src.role or (p.roles[0] if p.roles else None)
        name = src.text[:-2] if src.text.endswith(("’s", "'s")) else src.text
        return name, src.role
    if src.kind == "pronoun":
        w = src.text.lower()
        if w in _THINGS and last_group is None:
            return (_thing(src.pos, people, sentence_start) or src.text), None
        if w in _PLURAL or w == "i" or w in _THINGS:
            return (last_group or src.text), None
        p = people.pronoun(w, src.pos, sentence_start, avoid=said)
        return (p.name if p is not None else src.text), None
    if src.kind == "desc":
        words = src.text.split()
        places = tuple(w for w in words[:-1] if w[:1].isupper() and w.lower() != "the")
        p = people.by_role(words[-1], src.pos, places) if BY_ROLE else None
        if p is not None:
            return p.name, src.text
        return src.text, None
    return src.text, src.role


def _thing(pos: int, people: People, sentence_start: Callable[[int], int]) -> str | None:
    """What "it" stands for: the subject of its own sentence when "it" is not that subject
    ("The agency said …, and it added"), else of the sentence before ("The company issued a
    statement. “…,” it said"), when that subject is no person."""
    s0 = sentence_start(pos)
    spans = [(s0, pos)]
    if s0 > 1:
        spans.append((sentence_start(s0 - 2), s0))
    for lo, hi in spans:
        src = sentence_subject(people.text, people.masked, lo, hi, people_only=False)
        if src is None or src.pos >= pos or src.kind == "pronoun":
            continue
        if src.kind == "name":
            # a body's name is several words ("Harbor Freight Lines"); one word may be a
            # people ("Americans") or a person's surname
            p = people.lookup(src.text, src.pos)
            if (p is not None and p.sure) or " " not in src.text:
                return None
            return p.name if p is not None else src.text
        if src.text.split()[0].lower() in POSSESSIVE_DETERMINERS:
            return None  # "its statement": the owner is the subject, and it is not this
        return src.text
    return None
