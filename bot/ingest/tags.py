"""Split a "Tags …" line into topic hints.

Comma or pipe separated lines split on the separator. A bare run of names, as
The Hill writes it ("Antony Blinken Biden China Gina Raimondo …"), is split by
three clues: lower-case words belong to the name before them ("Russian invasion
of Ukraine"), a run that appears in the article is one name ("Jake Sullivan"),
and such lines are sorted alphabetically, which joins names the article never
spells out ("Joe Biden" must be one tag, or "Biden" would break the order).
"""

from __future__ import annotations

import re
from functools import cache

_SEPARATORS = re.compile(r"\s*[,;|•·]\s*")
_CONNECTORS = frozenset({"of", "and", "the", "for", "in", "on", "to", "de", "&"})
_MAX_ATOMS = 80
_MAX_SPAN = 6  # no tag is longer than six names


def split_tags(line: str, context: str = "") -> tuple[str, ...]:
    """Topic hints from the text after "Tags"; `context` is the article's title and body."""
    line = line.strip()
    if not line:
        return ()
    if _SEPARATORS.search(line):
        return _unique(p for p in _SEPARATORS.split(line) if p)
    atoms = _atoms(line.split())
    if len(atoms) > _MAX_ATOMS:
        return (line,)  # too long to split with confidence: keep it as one hint
    return _unique(_segment(atoms, context))


def _atoms(words: list[str]) -> list[str]:
    """Join words that cannot start a tag (lower-case ones, those after "of") to the one before."""
    atoms: list[str] = []
    joined_next = False
    for word in words:
        starts = word[:1].isupper() or word[:1].isdigit()
        if atoms and (joined_next or not starts):
            atoms[-1] += " " + word
        else:
            atoms.append(word)
        joined_next = word.lower() in _CONNECTORS
    return atoms


def _segment(atoms: list[str], context: str) -> list[str]:
    """Fewest-cost split into tags; in alphabetical order when such a split exists."""
    for ordered in (True, False):
        found = _best(tuple(atoms), context, ordered)
        if found is not None:
            return found
    return atoms


def _best(atoms: tuple[str, ...], context: str, ordered: bool) -> list[str] | None:
    n = len(atoms)
    # best[(i, j)]: cheapest split of atoms[:j] whose last tag is atoms[i:j]
    best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
    for j in range(1, min(n, _MAX_SPAN) + 1):
        best[(0, j)] = (_cost(atoms, 0, j, context), None)
    for j in range(1, n):
        for i in range(max(0, j - _MAX_SPAN), j):
            if (i, j) not in best:
                continue
            before = best[(i, j)][0]
            for k in range(j + 1, min(n, j + _MAX_SPAN) + 1):
                if ordered and _key(atoms, j, k) < _key(atoms, i, j):
                    continue
                cost = before + _cost(atoms, j, k, context)
                if (j, k) not in best or cost < best[(j, k)][0]:
                    best[(j, k)] = (cost, (i, j))
    ends = [(best[(i, n)][0], (i, n)) for i in range(max(0, n - _MAX_SPAN), n) if (i, n) in best]
    if not ends:
        return None
    _, span = min(ends)
    tags: list[str] = []
    cursor: tuple[int, int] | None = span
    while cursor is not None:
        tags.append(" ".join(atoms[cursor[0] : cursor[1]]))
        cursor = best[cursor][1]
    return tags[::-1]


def _cost(atoms: tuple[str, ...], i: int, j: int, context: str) -> float:
    if j - i == 1:
        return 1.0
    phrase = " ".join(atoms[i:j])
    if _mentions(context, phrase):
        return 1.0  # the article spells this run out: one name
    return 1.0 + 1.5 * (j - i - 1)  # an unseen run is joined only when the order demands it


def _key(atoms: tuple[str, ...], i: int, j: int) -> str:
    return " ".join(atoms[i:j]).casefold()


@cache
def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _mentions(context: str, phrase: str) -> bool:
    return phrase in context and _pattern(phrase).search(context) is not None


def _unique(items: object) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:  # type: ignore[attr-defined]
        text = str(item).strip()
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())
