"""Turn a source as written into a speaker: fullest name, pronoun antecedent, or as written."""

from __future__ import annotations

from collections.abc import Callable

from bot.extract.lexicon import POSSESSIVE_DETERMINERS, THING_HEADS
from bot.extract.names import org_or_place
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
        if w in _THINGS:
            group = last_group if last_group and not _plural(last_group) else None
            return (_thing(src.pos, people, sentence_start) or group or src.text), None
        if w in _PLURAL or w == "i":
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


def _plural(phrase: str) -> bool:
    """ "hundreds of supporters", "officials": people, whom "it" never stands for."""
    head = phrase.split()[-1]
    return head.islower() and head.endswith("s") and not head.endswith("ss")


def _thing(pos: int, people: People, sentence_start: Callable[[int], int]) -> str | None:
    """What "it" stands for: the subject of its own sentence when "it" is not that subject
    ("The agency said …, and it added"), else of the sentence before ("The company issued a
    statement. “…,” it said"), when that subject is a body or a made thing."""
    s0 = sentence_start(pos)
    spans = [(s0, pos)]
    if s0 > 1:
        spans.append((sentence_start(s0 - 2), s0))
    for lo, hi in spans:
        src = sentence_subject(people.text, people.masked, lo, hi, people_only=False)
        if src is None or src.pos >= pos or src.kind == "pronoun":
            continue
        if src.kind == "name":
            # a body's name: "Acme Group", "South Korea"; not a person nor a lone word
            p = people.lookup(src.text, src.pos)
            if (p is not None and p.sure) or org_or_place(src.text) is None:
                return None
            return src.text
        words = src.text.lower().split()
        if src.kind == "org" or (
            words[-1] in THING_HEADS and words[0] not in POSSESSIVE_DETERMINERS
        ):
            return src.text  # "The agency", "the paper"; not "its statement", "The mayor"
        return None
    return None
