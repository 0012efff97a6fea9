""" "Did you mean …": close spellings of a name or topic from the store's vocabulary (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

MAX_WORD = 100


def _cutoff(length: int) -> float:
    # One typo in a five-letter word scores 80. In four letters a dropped letter scores 89 ("Putn")
    # but a changed one 75, and "Iran" must not suggest "Iraq"; three letters must be exact.
    return 80.0 if length >= 5 else 85.0 if length == 4 else 100.0


def did_you_mean(word: str, vocabulary: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Up to `limit` entries of `vocabulary` close to `word`, best first.

    An entry matches on its whole text or on any one of its words ("Blinkin" -> "Antony
    Blinken"). The word itself (in any case) is never suggested back.
    """
    query = default_process(word[:MAX_WORD]) if isinstance(word, str) else ""
    if limit <= 0 or len(query.replace(" ", "")) < 3:
        return ()
    entries, keys, choices, owners = _index(
        vocabulary if isinstance(vocabulary, tuple) else tuple(vocabulary)
    )
    hits = process.extract(
        query,
        choices,
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=_cutoff(len(query)),
        limit=None,
    )
    best: dict[int, float] = {}
    for _choice, score, position in hits:
        owner = owners[position]
        if keys[owner] != query:
            best[owner] = max(score, best.get(owner, 0.0))
    ranked = sorted(best, key=lambda i: (-best[i], len(entries[i]), entries[i]))
    return tuple(entries[i] for i in ranked[:limit])


@lru_cache(maxsize=4)
def _index(
    vocabulary: tuple[str, ...],
) -> tuple[list[str], list[str], list[str], list[int]]:
    """Entries, their processed keys, and the strings to match with each one's entry:
    built once per vocabulary (the store keeps the same tuple), not on every miss (~7 ms)."""
    entries: list[str] = []
    keys: list[str] = []
    choices: list[str] = []
    owners: list[int] = []
    for entry in dict.fromkeys(v for v in vocabulary if isinstance(v, str) and v.strip()):
        key = default_process(entry)
        index = len(entries)
        entries.append(entry)
        keys.append(key)
        parts = key.split()
        for part in dict.fromkeys([key, *parts] if len(parts) > 1 else [key]):
            if len(part) >= 3:
                choices.append(part)
                owners.append(index)
    return entries, keys, choices, owners
