"""Near-duplicate detection for story clustering: bottom-k MinHash sketches of word shingles.

Pure and deterministic (crc32, not Python's salted `hash`). An article's sketch is the k
smallest hashes of its 4-word shingles; two sketches estimate the Jaccard similarity of
the texts, and the few smallest hashes serve as LSH keys to find candidates cheaply.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from typing import TypeVar

K = 64  # sketch size: Jaccard estimates within about ±0.06
LSH_KEYS = 4  # the smallest hashes, indexed to find candidates
SHINGLE = 4
SAME_STORY = 0.4  # estimated Jaccard above which two articles tell the same story
_WORD = re.compile(r"\w+")
T = TypeVar("T")


def sketch(text: str) -> tuple[int, ...]:
    """The K smallest shingle hashes of `text` (fewer for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return ()
    # map/zip keep the loop in C: this runs for every article ingested (SHINGLE is 4)
    shingles = map(" ".join, zip(words, words[1:], words[2:], words[3:], strict=False))
    return tuple(sorted(set(map(zlib.crc32, map(str.encode, shingles))))[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches: the share of the
    K smallest hashes of their union that both hold."""
    if not a or not b:
        return 0.0
    mine = set(a)
    return _estimate(mine, b, mine.intersection(b))


def closest(s: tuple[int, ...], candidates: Iterable[tuple[T, tuple[int, ...]]]) -> T | None:
    """The label of the candidate most similar to `s`, if one tells the same story.

    At a million articles each new one meets dozens of candidates through its LSH keys,
    so most are ruled out by counting shared hashes before any sorting: with full
    sketches the estimate can be at most shared / K.
    """
    if not s:
        return None
    mine = set(s)
    best, label = SAME_STORY, None
    for candidate, other in candidates:
        if not other:
            continue
        shared = mine.intersection(other)
        if len(s) == K and len(other) == K and len(shared) < best * K:
            continue
        score = _estimate(mine, other, shared)
        if score >= best:
            best, label = score, candidate
    return label


def _estimate(mine: set[int], other: tuple[int, ...], shared: set[int]) -> float:
    union = sorted(mine.union(other))[:K]
    return len(shared.intersection(union)) / len(union)


def lsh_keys(s: tuple[int, ...]) -> tuple[int, ...]:
    return s[:LSH_KEYS]


def pack(s: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(s)}I", *s)


def unpack(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 4}I", blob)
