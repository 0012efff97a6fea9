"""Two people of one surname told apart by honorifics: "Mr. Haldane" in an article that also
names Greta Haldane, or "Mrs. Varga" beside Tom and Anna Varga."""

from __future__ import annotations

from typing import NamedTuple

from bot.extract.names import Analysed, honorific_gender
from bot.extract.person import Person


class Namesake(NamedTuple):
    """Who an honorific of the other gender names, and the gender that untitled mentions of
    the surname go with."""

    person: Person
    bare: str | None


def namesakes(
    raw: list[Analysed], by_surname: dict[str, Person], people: list[Person]
) -> dict[str, Namesake]:
    """Surnames whose honorifics contradict the gender of the full name they would join.

    A second full name of that gender takes those mentions; failing one, a person of the
    surname alone does, but only if the surname stood alone before the full name came:
    "President Haldane … Mr. Haldane" then "Greta Haldane" is two people, "Morgan Hale …
    Ms. Hale" is one whose first name's gender we guessed wrong."""
    first_full: dict[str, int] = {}
    for pos, words, *_ in raw:
        if 2 <= len(words) <= 4:
            first_full.setdefault(words[-1].lower(), pos)
    tally: dict[str, list[int]] = {}
    first_other: dict[str, int] = {}
    for _pos, words, _gender, _sure, title, _poss in raw:
        key = words[-1].lower()
        p = by_surname.get(key) if len(words) == 1 else None
        said = honorific_gender(title)
        if p is None or said is None or p.gender is None or len(p.tokens) < 2:
            continue
        tally.setdefault(key, [0, 0])[said != p.gender] += 1
    for pos, words, _gender, _sure, title, _poss in raw:
        key = words[-1].lower()
        if len(words) == 1 and key in tally and honorific_gender(title) != by_surname[key].gender:
            first_other.setdefault(key, pos)  # the first mention that may be the other one
    out: dict[str, Namesake] = {}
    for key, (same, other) in tally.items():
        if not other:
            continue
        p = by_surname[key]
        gender = "f" if p.gender == "m" else "m"
        full = (q for q in people if len(q.tokens) > 1 and q.tokens[-1].lower() == key)
        twin = next((q for q in full if q.gender == gender), None)
        if twin is not None:
            out[key] = Namesake(twin, p.gender)  # untitled mentions stay with the first
        elif first_other[key] < first_full[key]:
            alt = Person(p.tokens[-1], (p.tokens[-1],), gender, sure=True)
            people.append(alt)
            out[key] = Namesake(alt, gender if other > same else p.gender)
    return out
