"""Who is named where: person clusters by surname, their fullest names, gender and roles.

Mentions are read from the masked text, so a name inside a quote never becomes an antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from bot.extract.lexicon import (
    HONORIFICS_FEMALE,
    HONORIFICS_MALE,
    NOT_NAME_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    TITLE_WORDS,
)
from bot.extract.names_gender import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from bot.extract.phrase import _role_before, role_phrase, tokens

# "Sen.", "J." and "Jr." keep their dot; a longer word's dot ends the sentence and the run
_TOK = r"[A-Z](?:[a-z]{0,3}\.|[\w'’\-]*)"
_RUN = re.compile(rf"\b{_TOK}(?: (?:(?:de|van|von|bin|la|al|del|da|der) )?{_TOK})*")
_PRONOUN = re.compile(r"\b(?:[Hh](?:e|is|er|im)|[Ss]he)\b")
_POSS = re.compile(r"(?:['’]s|['’])$")
# Words that make a capitalised run an organisation or a place rather than a person.
ORG_PLACE_WORDS = frozenset(
    """
    state states department house party news university college committee republicans democrats
    america american united city county court senate congress times post street journal
    fox cnn msnbc nbc abc cbs npr reuters associated press union council agency service
    institute center centre foundation group company corp inc bank fund association
    islamic kingdom republic york washington california texas florida iowa ohio
    administration campaign office ministry pentagon kremlin government police army navy
    church school network bureau commission federal national international club board
    white north south east west new los san las fort mount lake river
    """.split()
)
_FEMALE_TITLES = frozenset({"congresswoman", "chairwoman", "spokeswoman", "councilwoman", "first"})
_MALE_TITLES = frozenset({"congressman", "chairman", "spokesman", "councilman"})
_PERSON_TITLES = frozenset(
    """president sen. sen senator rep. rep representative gov. gov governor mayor secretary
    minister chancellor premier judge justice ambassador speaker leader director chairman
    chairwoman congressman congresswoman dr. dr mr. mr mrs. mrs ms. ms gen. general adviser
    advisor spokesman spokeswoman aide nominee candidate attorney commissioner sheriff
    professor prof. rev. pope king queen prince princess lt. col. sgt. capt. adm.""".split()
)


_PARA = re.compile(r"[^\n]+")
_WORDS = re.compile(r"[A-Za-z][\w'’\-]*")


def _runs(masked: str, start: int) -> Iterator[re.Match[str]]:
    """Capitalised runs, except in Title Case lines (headlines, tag lists, page furniture),
    which say nothing about who is who."""
    for p in _PARA.finditer(masked, start):
        line = p.group()
        if len(line) < 200:
            words = _WORDS.findall(line)
            if len(words) >= 2 and sum(1 for w in words if w[0].isupper()) >= 0.7 * len(words):
                continue
        yield from _RUN.finditer(masked, p.start(), p.end())


_APPOS_AFTER = re.compile(r",\s((?:the|a|an|[A-Z][\w]*['’]s)\s[^,.;:()\n]{3,60})[,.;)]")


def _apposition(text: str, masked: str, start: int, end: int) -> str | None:
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
            return _role_before(text, toks)
    return None


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    gender: str | None = None  # "m" | "f"
    votes: list[int] = field(default_factory=lambda: [0, 0])
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sure: bool = False  # has a first name, a title or an honorific: certainly a person


@dataclass(frozen=True)
class Mention:
    pos: int
    person: Person
    possessive: bool = False  # "Biden’s adviser": a poor antecedent for "he said"


class People:
    """Person clusters of one article and the positions where each is named."""

    def __init__(self, text: str, masked: str, body_start: int) -> None:
        self.text = text
        self.people: list[Person] = []
        self._by_surname: dict[str, Person] = {}
        self._by_first: dict[str, Person] = {}
        self.mentions: list[Mention] = []
        self._positions: list[int] = []
        self._build(masked, body_start)

    def _build(self, masked: str, body_start: int) -> None:
        raw: list[tuple[int, list[str], str | None, bool, str | None, bool]] = []
        for m in _runs(masked, body_start):
            words = m.group().split()
            pos = m.start()
            title: str | None = None
            k = 0
            while k < len(words):
                low = words[k].lower()
                if low in TITLE_WORDS:
                    title = low
                elif low not in NOT_NAME_WORDS:
                    break
                pos += len(words[k]) + 1  # runs are joined by one space
                k += 1
            if k == len(words):
                continue
            words = words[k:]
            poss = bool(_POSS.search(words[-1]))
            if poss:
                words[-1] = _POSS.sub("", words[-1])
            words = [w.rstrip(".") if len(w) > 2 else w for w in words]
            if any(w.lower() in ORG_PLACE_WORDS for w in words) or words[-1].isupper():
                continue
            first = words[0].lower()
            gender = "m" if first in MALE_FIRST_NAMES else "f" if first in FEMALE_FIRST_NAMES else None
            if title in HONORIFICS_MALE or title in _MALE_TITLES:
                gender = gender or "m"
            elif title in HONORIFICS_FEMALE or title in _FEMALE_TITLES:
                gender = gender or "f"
            sure = (len(words) >= 2 and gender is not None) or title in _PERSON_TITLES
            raw.append((pos, words, gender, sure, title, poss))
        # multi-word names found the clusters; single words join them by surname or first name
        full: dict[tuple[str, str], Person] = {}
        for _pos, words, gender, sure, _, _poss in raw:
            if 2 <= len(words) <= 4:
                key = (words[0].lower(), words[-1].lower())
                p = full.get(key)
                if p is None:
                    p = full[key] = Person(" ".join(words), tuple(words), gender, sure=sure)
                    self._by_surname.setdefault(key[1], p)
                    self._by_first.setdefault(key[0], p)
                    self.people.append(p)
                elif len(words) > len(p.tokens):
                    p.aliases.append(p.name)
                    p.name, p.tokens = " ".join(words), tuple(words)
                p.gender = p.gender or gender
                p.sure = p.sure or sure
        for pos, words, gender, sure, title, poss in raw:
            if len(words) > 4:
                continue
            key = words[-1].lower()
            if len(words) >= 2:
                p = full.get((words[0].lower(), key))
            else:
                p = self._by_surname.get(key) or self._by_first.get(key)
            if p is None:
                p = Person(" ".join(words), tuple(words), gender, sure=sure)
                self._by_surname[key] = p
                self.people.append(p)
            p.sure = p.sure or sure
            p.gender = p.gender or gender
            form = " ".join(words)
            if form != p.name and form not in p.aliases:
                p.aliases.append(form)
            if title is not None:
                lo = max(0, pos - 60, masked.rfind("\n", 0, pos) + 1)
                role = _role_before(self.text, tokens(masked, lo, pos))
                if role and role not in p.roles:
                    p.roles.append(role)
            elif len(words) >= 2:
                role = _apposition(self.text, masked, pos, pos + len(form))
                if role and role not in p.roles:
                    p.roles.append(role)
            self.mentions.append(Mention(pos, p, poss))
        self.mentions.sort(key=lambda m: m.pos)
        self._positions = [m.pos for m in self.mentions]
        self._vote_gender(masked, body_start)

    def _vote_gender(self, masked: str, body_start: int) -> None:
        for m in _PRONOUN.finditer(masked, body_start):
            i = bisect_left(self._positions, m.start()) - 1
            if i < 0 or m.start() - self.mentions[i].pos > 250:
                continue
            p = self.mentions[i].person
            w = m.group().lower()
            p.votes[0 if w in PRONOUNS_MALE else 1] += 1
        for p in self.people:
            if p.gender is None and p.votes[0] != p.votes[1]:
                p.gender = "m" if p.votes[0] > p.votes[1] else "f"

    def lookup(self, name: str) -> Person | None:
        words = [_POSS.sub("", w).rstrip(".") for w in name.split()]
        if not words:
            return None
        key = words[-1].lower()
        if len(words) >= 2:
            for p in self.people:
                if len(p.tokens) > 1 and p.tokens[0].lower() == words[0].lower():
                    if p.tokens[-1].lower() == key:
                        return p
        return self._by_surname.get(key) or (self._by_first.get(key) if len(words) == 1 else None)

    def mark_source(self, name: str) -> None:
        p = self.lookup(name)
        if p is not None:
            p.sure = True

    def add_role(self, name: str, role: str | None) -> None:
        p = self.lookup(name)
        if p is not None and role and role not in p.roles:
            p.roles.append(role)

    def pronoun(
        self, word: str, pos: int, sentence_start: Callable[[int], int], limit: int = 2500
    ) -> Person | None:
        """The person a pronoun at `pos` refers to: in the nearest sentence before it that names
        someone of the right gender, the first such person named (subjects come first)."""
        w = word.lower()
        want = "m" if w in PRONOUNS_MALE else "f" if w in PRONOUNS_FEMALE else None
        i = bisect_left(self._positions, pos) - 1
        fallback: Person | None = None
        best: Person | None = None
        best_poss = False
        best_sent = -1
        while i >= 0 and pos - self.mentions[i].pos < limit:
            m = self.mentions[i]
            i -= 1
            p = m.person
            if not (p.sure or len(p.tokens) > 1):
                continue  # "China", "Rome": a lone capitalised word is no antecedent
            if want is None or p.gender == want:
                sent = sentence_start(m.pos)
                if best is None:
                    best, best_sent, best_poss = p, sent, m.possessive
                elif sent == best_sent:
                    if best_poss or not m.possessive:
                        best, best_poss = p, m.possessive
                else:
                    break
            elif p.gender is None and fallback is None:
                fallback = p
        return best or fallback

    def by_role(self, head: str, pos: int) -> Person | None:
        """The last person before `pos` whose role contains `head` ("the senator")."""
        i = bisect_left(self._positions, pos) - 1
        h = head.lower()
        stem = h[:5]
        while i >= 0 and pos - self.mentions[i].pos < 4000:
            p = self.mentions[i].person
            if any(stem in r.lower() for r in p.roles):
                return p
            i -= 1
        return None

    def first_between(self, lo: int, hi: int) -> Person | None:
        i = bisect_left(self._positions, lo)
        while i < len(self.mentions) and self.mentions[i].pos < hi:
            p = self.mentions[i].person
            if p.sure or len(p.tokens) > 1:
                return p
            i += 1
        return None

    def last_before(self, pos: int) -> Person | None:
        i = bisect_left(self._positions, pos) - 1
        return self.mentions[i].person if i >= 0 else None
