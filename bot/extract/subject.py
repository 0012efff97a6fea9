"""Find the source around a speech cue: the subject before it, the name after an inverted cue,
or the person a sentence opens with.
"""

from __future__ import annotations

from bot.extract.lexicon import INTRO_WORDS, TIME_WORDS
from bot.extract.phrase import Source, parse_np, role_phrase
from bot.extract.tokens import Tok, split_segments, tokens

_PREPS = frozenset(
    {"in", "on", "at", "to", "during", "after", "before", "with", "by", "for", "from"}
)


def subject_before(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source ending right before a cue at `hi`, allowing appositions between commas."""
    segs = split_segments(tokens(masked, lo, hi))
    if not segs:
        return None
    last = segs[-1]
    if len(last) == 1 and last[0][0].lower() == "who" and len(segs) >= 2 and segs[-2]:
        # "Indiana Gov. Mike Pence, who called their son …": the antecedent speaks
        src = parse_np(text, segs[-2][-10:])
        return src if src is not None and src.kind == "name" else None
    last = _untimed(last)
    if last:
        src = parse_np(text, last[-10:])
        if src and src.kind == "name" and src.role is None and len(segs) >= 2:
            # "Biden's national security adviser, Jake Sullivan said"
            role = role_phrase(text, segs[-2][-8:])
            if role and len(segs[-2]) <= 8:
                src = Source(src.text, src.kind, src.pos, role)
        return src
    # "Cory James, 22, of Flint, Mich., said": pass over ages and home towns
    k = len(segs) - 2
    while k >= 1 and _aside(text, segs[k]):
        k -= 1
    if k < len(segs) - 2:
        src = parse_np(text, segs[k][-10:])
        return src if src is not None and src.kind == "name" else None
    if len(segs) >= 3 and segs[-2]:
        a, b = segs[-3][-10:], segs[-2]
        first, second = parse_np(text, a), parse_np(text, b[-10:])
        if second and second.kind == "name" and (not first or first.kind != "name") and len(b) <= 5:
            return Source(second.text, "name", second.pos, second.role or role_phrase(text, a))
        if first:
            role = first.role or (role_phrase(text, b) if first.kind == "name" else None)
            return Source(first.text, first.kind, first.pos, role)
    return None


def _untimed(seg: list[Tok]) -> list[Tok]:
    """`seg` without a time phrase naming a day at its end ("Rubio on Tuesday said",
    "Priebus later Thursday told"), if a word before it is left."""
    k = len(seg)
    while k > 1 and (seg[k - 1][0].lower() in TIME_WORDS or seg[k - 1][0].isdigit()):
        k -= 1
    day = any(t[0].lower() in TIME_WORDS and t[0][:1].isupper() for t in seg[k:])
    return seg[:k] if k < len(seg) and day else seg


def _aside(text: str, seg: list[Tok]) -> bool:
    """An age, a home town or a state set off by commas after a name."""
    if not seg or len(seg) > 4:
        return False
    first = seg[0][0]
    state = len(seg) == 1 and text[seg[0][2] - 1 : seg[0][2] + 1].find(".") >= 0  # "Mich."
    return first.isdigit() or first.lower() in {"of", "from"} or state


def sentence_subject(
    text: str, masked: str, lo: int, hi: int, people_only: bool = True
) -> Source | None:
    """The person or pronoun that a sentence opens with, past introductory phrases
    ("Speaking in Salem, Trump …", "Here in Columbia, Sanders …"); any source with
    `people_only=False` ("The email goes on to say: …")."""
    for seg in split_segments(tokens(masked, lo, hi))[:4]:
        if not seg:
            continue
        w = seg[0][0].lower()
        if w in INTRO_WORDS or w.endswith("ing") or w.endswith("ly") or _participle(seg):
            continue
        src = parse_np(text, seg, from_end=False)
        if src is not None and (src.kind in {"name", "pronoun"} or not people_only):
            return src
        return None
    return None


def _participle(seg: list[Tok]) -> bool:
    """ "Preceded at the lectern by …", "Asked about it, …": a past participle opening an
    introductory phrase (a lower-case word follows it, which no name's first word does)."""
    w = seg[0][0]
    return len(seg) > 1 and len(w) > 5 and w.endswith("ed") and seg[1][0].islower()


def object_after(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source right after an inverted cue: "said Jen Psaki, the press secretary"."""
    segs = split_segments(tokens(masked, lo, hi))
    if not segs or not segs[0] or segs[0][0][0] in _PREPS:
        return None  # "said in a statement", "said on Monday": no source after the cue
    src = parse_np(text, segs[0], from_end=False)
    if src and src.kind == "name" and src.role is None and len(segs) >= 2:
        role = role_phrase(text, segs[1])
        if role:
            src = Source(src.text, src.kind, src.pos, role)
    return src
