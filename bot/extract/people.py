"""Who is named where: person clusters by surname, their fullest names, gender and roles.

Mentions are read from the masked text, so a name inside a quote never becomes an antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from bot.extract.lexicon import PRONOUNS_FEMALE, PRONOUNS_MALE
from bot.extract.names import POSS, analyse, honorific_gender, org_or_place, runs
from bot.extract.namesakes import namesakes
from bot.extract.person import Mention, Person, apposition, by_role, in_passing
from bot.extract.phrase import role_before
from bot.extract.tokens import tokens

# each branch opens with its letter and checks the word boundary behind it: the engine then
# skips to candidate letters instead of trying every position (same matches as a leading \b)
_PRONOUN = re.compile(r"(?:[Hh](?<!\w[Hh])(?:e|is|er|im)|[Ss](?<!\w[Ss])he)\b")
# "He"/"She", or "he"/"she" after a comma (the subject after an introductory phrase)
_SUBJECT_PRONOUN = re.compile(r"(?:H(?<!\wH)e|S(?<!\wS)he|h(?<=, h)e|s(?<=, s)he)\b")


# weights of the antecedent ranking, in sentences of distance
W_FIRST = 1.2
W_UNKNOWN = 1.0
W_WEAK = 0.6
W_SPOKE = 0.3
W_AVOID = 1.5


class People:
    """Person clusters of one article and the positions where each is named."""

    def __init__(self, text: str, masked: str, body_start: int) -> None:
        self.text = text
        self.people: list[Person] = []
        self._by_surname: dict[str, Person] = {}
        self._by_first: dict[str, Person] = {}
        self._full: dict[tuple[str, str], Person] = {}
        self.masked = masked  # read by the ranker too
        self.mentions: list[Mention] = []
        self.others: dict[str, str] = {}  # organisations and places named: name -> kind
        self._positions: list[int] = []
        self._spoke: set[int] = set()  # positions where a name or pronoun is a quote's source
        self._looked: dict[str, Person | None] = {}
        self._namesake_at: dict[int, Person] = {}  # mentions of a second person by a surname
        self._weak_at: dict[int, bool] = {}  # ranking asks about the same mentions often
        self._build(masked, body_start)

    def _build(self, masked: str, body_start: int) -> None:
        raw: list[tuple[int, tuple[str, ...], str | None, bool, str | None, bool]] = []
        for start, run in runs(masked, body_start):
            found = analyse(run)
            if found is not None:
                raw.append((start + found[0], *found[1:]))
            elif " " in run:
                other = org_or_place(run)
                if other is not None:
                    self.others.setdefault(other[0], other[1])
        # multi-word names found the clusters; single words join them by surname or first name
        full = self._full
        titled: set[tuple[str, str]] = set()
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
        twins = namesakes(raw, self._by_surname, self.people)
        for pos, words, gender, sure, title, poss in raw:
            if len(words) > 4:
                continue
            key = words[-1].lower()
            if len(words) >= 2:
                p = full.get((words[0].lower(), key))
            else:
                p = self._by_surname.get(key) or self._by_first.get(key)
                twin = twins.get(key)
                said = honorific_gender(title) or (twin.bare if twin else None)
                if twin is not None and said == twin.person.gender:
                    p = self._namesake_at[pos] = twin.person
            if p is None:
                p = Person(" ".join(words), tuple(words), gender, sure=sure)
                self._by_surname[key] = p
                self.people.append(p)
            p.sure = p.sure or sure
            p.gender = p.gender or gender
            form = " ".join(words)
            if form != p.name and form not in p.aliases:
                p.aliases.append(form)
            if title is not None and (title, p.name) not in titled:
                titled.add((title, p.name))  # one look per title and person is enough
                lo = max(0, pos - 60, masked.rfind("\n", 0, pos) + 1)
                role = role_before(self.text, tokens(masked, lo, pos))
                if role and role not in p.roles:
                    p.roles.append(role)
            elif len(words) >= 2 and (form, p.name) not in titled:
                titled.add((form, p.name))
                role = apposition(self.text, masked, pos, pos + len(form))
                if role and role not in p.roles:
                    p.roles.append(role)
            self.mentions.append(Mention(pos, p, poss, pos + len(form)))
        # runs come in reading order, so the mentions are sorted already
        self._positions = [m.pos for m in self.mentions]
        self._voted = False  # pronoun votes for gender are counted when first needed

    def _vote_gender(self, masked: str, body_start: int = 0) -> None:
        if all(p.gender is not None for p in self.people if p.sure or len(p.tokens) > 1):
            return  # nobody who could be an antecedent lacks a gender
        # a pronoun votes for the person named last before it, within 250 characters; only
        # the stretches after a mention of a possible antecedent of unknown gender need reading
        ments = self.mentions
        for i, men in enumerate(ments):
            p = men.person
            if p.gender is not None or men.pos < body_start or not (p.sure or len(p.tokens) > 1):
                continue
            stop = ments[i + 1].pos if i + 1 < len(ments) else len(masked)
            last = men.pos + 250
            for m in _PRONOUN.finditer(masked, men.pos + 1, min(stop, last + 4)):
                if m.start() > last:
                    break
                p.votes[0 if m.group().lower() in PRONOUNS_MALE else 1] += 1
        for p in self.people:
            if p.gender is None and p.votes[0] != p.votes[1]:
                p.gender = "m" if p.votes[0] > p.votes[1] else "f"

    def lookup(self, name: str, pos: int = -1) -> Person | None:
        """The person `name` (written at `pos`, if known) refers to."""
        if pos in self._namesake_at:
            return self._namesake_at[pos]  # "Mr. Haldane" where the article also names Greta
        # the clusters are fixed once built, so each name form is looked up once
        if name in self._looked:
            return self._looked[name]
        words = [POSS.sub("", w).rstrip(".") for w in name.split()]
        p = None
        if words:
            key = words[-1].lower()
            if len(words) >= 2:
                p = self._full.get((words[0].lower(), key))
            if p is None:
                p = self._by_surname.get(key) or (
                    self._by_first.get(key) if len(words) == 1 else None
                )
        self._looked[name] = p
        return p

    def mark_source(self, name: str, pos: int | None = None) -> None:
        p = self.lookup(name, -1 if pos is None else pos)
        if p is not None:
            p.sure = True
            if pos is not None:
                self._spoke.add(pos)

    def mark_pronoun(self, name: str, pos: int) -> None:
        """A pronoun at `pos` resolved to `name`: a mention of its own for later pronouns."""
        p = self.lookup(name)
        if p is None or pos in self._spoke:
            return
        i = bisect_left(self._positions, pos)
        if i < len(self._positions) and self._positions[i] == pos:
            self.mentions[i] = Mention(pos, p)  # an opening pronoun, now resolved by its quote
            self._spoke.add(pos)
            return
        self._positions.insert(i, pos)
        self.mentions.insert(i, Mention(pos, p))
        self._spoke.add(pos)

    def pronoun(
        self,
        word: str,
        pos: int,
        sentence_start: Callable[[int], int],
        limit: int = 2500,
        avoid: str = "",
    ) -> Person | None:
        """The person a pronoun at `pos` refers to, ranked by recency (in sentences), by being
        a sentence's subject or a quote's speaker, and by gender agreement (unknown counts
        as a weak match); speakers seldom name themselves in their own words (`avoid`)."""
        self.prepare(sentence_start)
        return self._rank(word.lower(), pos, sentence_start, limit, avoid)

    def prepare(self, sentence_start: Callable[[int], int]) -> None:
        """Count gender votes and resolve sentence-opening pronouns, once, when first needed."""
        if not self._voted:
            self._voted = True
            self._vote_gender(self.masked)
            self._chain(sentence_start)

    def around(self, lo: int, hi: int) -> tuple[int, int]:
        """Index range of the mentions from `lo` up to `hi`."""
        return bisect_left(self._positions, lo), bisect_left(self._positions, hi)

    def spoke_at(self, pos: int) -> bool:
        return pos in self._spoke

    def _chain(self, sentence_start: Callable[[int], int]) -> None:
        """A sentence that opens with "He" or "She" names its subject as surely as a name does:
        resolve each such pronoun in reading order and count it as a mention of its person, so
        that "Smith … He nodded to Jones. “…,” he said" finds Smith, not Jones."""
        masked = self.masked
        for m in _SUBJECT_PRONOUN.finditer(masked):
            pos = m.start()
            s0 = sentence_start(pos)
            if s0 != pos and not (masked[pos - 2 : pos] == ", " and self._after_intro(s0, pos)):
                continue
            p = self._rank(m.group().lower(), pos, sentence_start, 2500, "")
            if p is not None:
                i = bisect_left(self._positions, pos)
                self._positions.insert(i, pos)
                self.mentions.insert(i, Mention(pos, p))

    def _after_intro(self, s0: int, pos: int) -> bool:
        """ "At 31 years old, she …": the pronoun is the subject after an introductory phrase
        that names nobody."""
        if pos - s0 > 60:
            return False
        i = bisect_left(self._positions, s0)
        return i >= len(self._positions) or self._positions[i] >= pos

    def _rank(
        self, w: str, pos: int, sentence_start: Callable[[int], int], limit: int, avoid: str
    ) -> Person | None:
        want = "m" if w in PRONOUNS_MALE else "f" if w in PRONOUNS_FEMALE else None
        i = bisect_left(self._positions, pos) - 1
        best: Person | None = None
        best_score = -99.0
        sents = 0
        sent = sentence_start(pos)
        while i >= 0 and pos - self.mentions[i].pos < limit:
            m = self.mentions[i]
            i -= 1
            s0 = sentence_start(m.pos)
            if s0 != sent:
                sents += 1 + (self.masked.count("\n", s0, sent) > 0) * 0.5
                sent = s0
                if sents > 6 or W_SPOKE + W_FIRST - sents <= best_score:
                    break  # too far back, or no farther mention can score higher
            p = m.person
            if not (p.sure or len(p.tokens) > 1):
                continue  # "China", "Rome": a lone capitalised word is no antecedent
            if want is not None and p.gender is not None and p.gender != want:
                continue
            score = -float(sents)
            if p.gender is None and want is not None:
                score -= W_UNKNOWN
            weak = self.weak(m)
            if weak:
                score -= W_WEAK
            if m.pos in self._spoke:
                score += W_SPOKE
            if not weak and self._first_strong(i, s0):
                score += W_FIRST  # the first person its sentence names: mostly its subject
            if avoid and p.tokens[-1] in avoid:
                score -= W_AVOID
            if score > best_score:
                best, best_score = p, score
        return best

    def _first_strong(self, i: int, s0: int) -> bool:
        """No mention before index `i + 1` in the sentence from `s0` is a strong one."""
        while i >= 0 and self.mentions[i].pos >= s0:
            m = self.mentions[i]
            if (m.person.sure or len(m.person.tokens) > 1) and not self.weak(m):
                return False
            i -= 1
        return True

    def weak(self, m: Mention) -> bool:
        """ "Biden’s adviser", "with Biden", "Varga consultant Simon Kerr": a poor
        antecedent for "he said"."""
        weak = self._weak_at.get(m.pos)
        if weak is None:
            weak = self._weak_at[m.pos] = in_passing(self.masked, m)
        return weak

    def by_role(self, head: str, pos: int, places: tuple[str, ...] = ()) -> Person | None:
        """The last person before `pos` whose role contains `head` ("the senator"), and the
        place words too if any role names them ("the Florida senator": not Iowa's)."""
        i = bisect_left(self._positions, pos) - 1
        return by_role(self.mentions, i, head, pos, places)

    def first_between(self, lo: int, hi: int) -> Person | None:
        i = bisect_left(self._positions, lo)
        while i < len(self.mentions) and self.mentions[i].pos < hi:
            p = self.mentions[i].person
            if p.sure or len(p.tokens) > 1:
                return p
            i += 1
        return None

    def last_before(self, pos: int) -> Person | None:
        """The last person named before `pos`, passing over lone unsure words ("China")."""
        i = bisect_left(self._positions, pos) - 1
        first = self.mentions[i].person if i >= 0 else None
        while i >= 0:
            p = self.mentions[i].person
            if p.sure or len(p.tokens) > 1:
                return p
            i -= 1
        return first
