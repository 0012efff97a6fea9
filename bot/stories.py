"""Near-duplicate detection for story clustering: bottom-k MinHash sketches of word shingles.

Pure and deterministic (crc32, not Python's salted `hash`). An article's sketch is the k
smallest hashes of its 4-word shingles; two sketches estimate the Jaccard similarity of
the texts, and the few smallest hashes serve as LSH keys to find candidates cheaply.
"""

from __future__ import annotations

import heapq
import re
import struct
import zlib

K = 64  # sketch size: Jaccard estimates within about ±0.06
LSH_KEYS = 4  # the smallest hashes, indexed to find candidates
SHINGLE = 4
SAME_STORY = 0.4  # estimated Jaccard above which two articles tell the same story
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{K}I")


def sketch(text: str) -> tuple[int, ...]:
    """The K smallest shingle hashes of `text` (fewer for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return ()
    # map/zip keep the loop in C: this runs for every article ingested (SHINGLE is 4)
    shingles = map(" ".join, zip(words, words[1:], words[2:], words[3:], strict=False))
    return tuple(sorted(set(map(zlib.crc32, map(str.encode, shingles))))[:K])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches."""
    if not a or not b:
        return 0.0
    union_bottom = heapq.nsmallest(min(K, len(set(a) | set(b))), set(a) | set(b))
    shared = set(a) & set(b)
    return sum(1 for h in union_bottom if h in shared) / len(union_bottom)


def lsh_keys(s: tuple[int, ...]) -> tuple[int, ...]:
    return s[:LSH_KEYS]


def pack(s: tuple[int, ...]) -> bytes:
    return struct.pack(f"<{len(s)}I", *s)


def unpack(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 4}I", blob)
