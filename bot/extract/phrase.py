"""Parse the noun phrase of a source next to a speech cue: name, pronoun, unnamed or org."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import (
    ABBREVIATIONS,
    ADVERBS_AUX,
    DETERMINERS,
    FUNCTION_WORDS,
    INTRO_WORDS,
    NOT_NAME_WORDS,
    SUBJECT_PRONOUNS,
    TIME_WORDS,
    TITLE_WORDS,
    UNNAMED_HEADS,
)

_TOKEN = re.compile(r"[\w][\w'’\-.]*|[^\w\s]")
_ROLE_STOP = frozenset({"who", "which", "whose", "where", "when", "that", "whom"})
_PREPS = frozenset(
    {"in", "on", "at", "to", "during", "after", "before", "with", "by", "for", "from"}
)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


@dataclass(frozen=True)
class Source:
    """A source as written near a cue; `kind` is name, pronoun, unnamed, org or desc."""

    text: str
    kind: str
    pos: int
    role: str | None = None


Tok = tuple[str, int, int]


def tokens(masked: str, lo: int, hi: int) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(masked, lo, hi):
        w, s, e = m.group(), m.start(), m.end()
        if len(w) > 1 and w.endswith(".") and not _keeps_dot(w):
            w, e = w[:-1], e - 1
            out.append((w, s, e))
            out.append((".", e, e + 1))
            continue
        out.append((w, s, e))
    return out


def _keeps_dot(w: str) -> bool:
    core = w[:-1].lower()
    return core in ABBREVIATIONS or len(core) == 1 or "." in core


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def _name_token(w: str) -> bool:
    # short all-capital words are acronyms (CNN, FBI); long ones are transcript names (PSAKI)
    if w.isupper() and len(w) <= 4 and w.isalpha():
        return False
    return w.lower() not in NOT_NAME_WORDS and not _POSSESSIVE.search(w)


def _title(w: str) -> bool:
    return w.lower() in TITLE_WORDS


def _split_segments(toks: list[Tok]) -> list[list[Tok]]:
    segs: list[list[Tok]] = [[]]
    depth = 0
    for t in toks:
        w = t[0]
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif w in {",", "—", "–", ";", ":"}:
            segs.append([])
        elif w not in {".", '"', "“", "”"}:
            segs[-1].append(t)
    return segs


def _text(text: str, toks: list[Tok]) -> str:
    return text[toks[0][1] : toks[-1][2]] if toks else ""


def parse_np(text: str, seg: list[Tok], from_end: bool = True) -> Source | None:
    """The source that a segment ends with (subject) or starts with (after an inverted cue)."""
    if not seg:
        return None
    if not from_end:
        seg = _leading_np(seg)
        if not seg:
            return None
    while seg and seg[-1][0] in ADVERBS_AUX:  # lower case only: "Will wrote" is George Will
        seg = seg[:-1]
    if not seg:
        return None
    last = seg[-1][0]
    low = last.lower()
    if low in SUBJECT_PRONOUNS or last == "I":
        return Source(last, "pronoun", seg[-1][1])
    # a run of capitalised words ending the phrase
    i = len(seg)
    while i > 0 and (is_cap(seg[i - 1][0]) or seg[i - 1][0].lower() in {"de", "van", "von", "bin"}):
        if _POSSESSIVE.search(seg[i - 1][0]):
            break
        i -= 1
    run = seg[i:]
    if len(run) == 1 and run[0][0].lower() in UNNAMED_HEADS and low.endswith("s"):
        run = []  # "Officials said" at a sentence start
    if run:
        # the name is the run's tail after its title words: "Secretary of State" + "Antony Blinken"
        j = len(run)
        while j > 0 and _name_token(run[j - 1][0]) and not _title(run[j - 1][0]):
            j -= 1
        if j == len(run) and len(run) >= 2 and _name_token(run[-1][0]) and not _title(run[-2][0]):
            j = len(run) - 2  # a surname that is also a title word: "Steve King"
        if j < len(run) and len(run) - j <= 4:
            name = run[j:]
            role = role_before(text, seg[: i + j])
            return Source(_text(text, name), "name", name[0][1], role)
        # only title words: "the White House", "the President"
        k = i
        while k > 0 and seg[k - 1][0].lower() in DETERMINERS:
            k -= 1
        kind = "desc" if run[-1][0].lower() in UNNAMED_HEADS else "org"
        return Source(_text(text, seg[k:]), kind, seg[k][1])
    if low in _ROLE_STOP or low in DETERMINERS or low in FUNCTION_WORDS:
        return None  # "a statement that declared": the relative clause has no speaker of its own
    short = not from_end and len(seg) <= 4 and seg[0][0].lower() in DETERMINERS
    if (from_end or short) and low not in ADVERBS_AUX and _has_determiner(seg):
        # any "the/a ... noun" subject: "the moderator", "the lawsuit", "one former executive"
        unnamed_head = True
    else:
        unnamed_head = low in UNNAMED_HEADS or low.rstrip("s") in UNNAMED_HEADS
    if unnamed_head:
        k = len(seg) - 1
        while k > 0 and seg[k - 1][0].lower() not in _ROLE_STOP and len(seg) - k < 7:
            w = seg[k - 1][0]
            k -= 1
            if w.lower() in DETERMINERS or _POSSESSIVE.search(w):
                break
        phrase = seg[k:]
        kind = "desc" if phrase[0][0].lower() == "the" and not low.endswith("s") else "unnamed"
        return Source(_text(text, phrase), kind, phrase[0][1])
    return None


def _has_determiner(seg: list[Tok]) -> bool:
    return seg[-1][0][:1].isalnum() and any(t[0].lower() in DETERMINERS for t in seg[-5:-1])


def _leading_np(seg: list[Tok]) -> list[Tok]:
    """The noun phrase at the start of a segment: up to the first lowercase word after the head."""
    out: list[Tok] = []
    seen_cap = False
    for t in seg:
        w = t[0]
        if not out and w.lower() in SUBJECT_PRONOUNS:
            return [t]  # "She went on", "He said"
        if out and (w.lower() in _ROLE_STOP or (not seen_cap and _verb_like(w, out))):
            break  # "the man who built …", "the justice sounded off …": the head came before
        if not seen_cap and w.lower() in DETERMINERS:
            out.append(t)  # "The email", "A spokesman": not a name for being capitalised
        elif is_cap(w) or w.lower() in {"de", "van", "von", "bin"}:
            seen_cap = True
            out.append(t)
        elif seen_cap and w.lower() in TITLE_WORDS and w.lower() not in {"of", "and"}:
            out.append(t)
        elif seen_cap:
            break
        elif w.lower() in TITLE_WORDS or w.lower() in DETERMINERS or w.lower() in UNNAMED_HEADS:
            out.append(t)
            if w.lower() in UNNAMED_HEADS and w.lower() not in TITLE_WORDS:
                break
        else:
            out.append(t)
            if len(out) > 6:
                return []
    return out


_VERBS_AUX = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "began",
        "did",
        "does",
        "made",
        "went",
        "took",
        "got",
        "gave",
        "came",
        "spoke",
        "wants",
        "says",
    }
)


def _verb_like(w: str, before: list[Tok]) -> bool:
    """A finite verb after a determiner and a noun ("the justice sounded"): "-ed" forms and
    common auxiliaries, once the phrase has a head."""
    if len(before) < 2 or before[0][0].lower() not in DETERMINERS or not w.islower():
        return False
    return w in _VERBS_AUX or (len(w) > 4 and w.endswith("ed"))


def role_before(text: str, seg: list[Tok]) -> str | None:
    k = len(seg)
    while k > 0:
        w = seg[k - 1][0]
        lw = w.lower()
        if _POSSESSIVE.search(w) or lw in DETERMINERS or lw in _ROLE_STOP:
            break
        if not (_title(w) or is_cap(w) or lw.endswith("-elect")):
            break
        k -= 1
    role = seg[k:]
    while role and role[0][0].lower() in {"of", "and", "for", "to", "on"}:
        role = role[1:]
    while role and role[-1][0].lower() in {"of", "and", "for", "to", "on"}:
        role = role[:-1]
    return _text(text, role) or None


def role_phrase(text: str, seg: list[Tok]) -> str | None:
    """An apposition that names a role: "the White House press secretary", "a Republican"."""
    if not seg or len(seg) > 12 or seg[0][0].lower() in _ROLE_STOP:
        return None
    if not any(_title(t[0]) for t in seg):
        return None
    k = 0
    while k < len(seg) and (seg[k][0].lower() in DETERMINERS or _POSSESSIVE.search(seg[k][0])):
        k += 1
    return _text(text, seg[k:]) or None


def subject_before(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source ending right before a cue at `hi`, allowing appositions between commas."""
    segs = _split_segments(tokens(masked, lo, hi))
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
    for seg in _split_segments(tokens(masked, lo, hi))[:4]:
        if not seg:
            continue
        w = seg[0][0].lower()
        if w in INTRO_WORDS or w.endswith("ing") or w.endswith("ly"):
            continue
        src = parse_np(text, seg, from_end=False)
        if src is not None and (src.kind in {"name", "pronoun"} or not people_only):
            return src
        return None
    return None


def object_after(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source right after an inverted cue: "said Jen Psaki, the press secretary"."""
    segs = _split_segments(tokens(masked, lo, hi))
    if not segs or not segs[0] or segs[0][0][0] in _PREPS:
        return None  # "said in a statement", "said on Monday": no source after the cue
    src = parse_np(text, segs[0], from_end=False)
    if src and src.kind == "name" and src.role is None and len(segs) >= 2:
        role = role_phrase(text, segs[1])
        if role:
            src = Source(src.text, src.kind, src.pos, role)
    return src
