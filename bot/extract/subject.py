"""Find the source around a speech cue: the subject before it, the name after an inverted cue,
or the person a sentence opens with.
"""

from __future__ import annotations

from bot.extract.clauses import document
from bot.extract.lexicon import (
    ADVERBS_AUX,
    DETERMINERS,
    INTRO_WORDS,
    LEAD_CONJUNCTIONS,
    NUMBER_WORDS,
    PLACE_WORDS,
    SUBJECT_PRONOUNS,
    TIME_HEADS,
    TIME_WORDS,
    UNNAMED_HEADS,
    words,
)
from bot.extract.names import org_or_place
from bot.extract.phrase import Source, adverb, parse_np, role_phrase
from bot.extract.tokens import Tok, is_cap, span_text, split_segments, tokens

_PREPS = frozenset(
    {"in", "on", "at", "to", "during", "after", "before", "with", "by", "for", "from"}
)
_ARTICLES = frozenset({"the", "a", "an"})
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where"})
# words opening a phrase of time or place set off by commas between a subject and its cue
_ASIDE_PREPS = frozenset({"during", "at", "in", "on", "after", "before", "speaking"})
_OPEN_ASIDE = _ASIDE_PREPS | _RELATIVES  # asides after which any subject will do


def subject_before(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source ending right before a cue at `hi`, allowing appositions between commas."""
    segs = split_segments(tokens(masked, lo, hi))
    if not segs:
        return None
    last = segs[-1]
    if len(last) == 1 and last[0][0].lower() == "who" and len(segs) >= 2 and segs[-2]:
        # "Nevada Gov. Colin Marsh, who called their son …": the antecedent speaks
        src = parse_np(text, segs[-2][-10:])
        return src if src is not None and src.kind == "name" else None
    if (
        last
        and last[-1][0].lower() == "which"
        and (len(last) >= 2 or len(segs) >= 2)
        and masked[last[-1][1] - 2 : last[-1][1]] not in {"— ", "– ", "--"}
    ):
        # "the county clerk's office, which reported …": the antecedent speaks; not in an
        # aside between dashes ("held up a sign — which read …"), where the sentence goes on
        src = parse_np(text, (last[:-1] or segs[-2])[-10:])
        return None if src is None or src.kind == "pronoun" else src
    last = _untimed(last)
    if (
        len(segs) >= 3
        and (_aside(text, segs[-2]) or _appositive(segs[-2]))
        and all(t[0] in ADVERBS_AUX or t[0] in TIME_WORDS or adverb(t[0]) for t in last)
    ):
        last = []  # "Dunne, a teacher, later said", "…, who was off-screen, then loudly asked"
    if last:
        src = (_modified_head(text, last) if len(last) <= 14 else None) or parse_np(
            text, last[-10:]
        )
        if src and src.kind == "name" and src.role is None and len(segs) >= 2:
            # "Biden's national security adviser, Jake Sullivan said"
            role = role_phrase(text, segs[-2][-8:])
            if role and len(segs[-2]) <= 8:
                src = Source(src.text, src.kind, src.pos, role)
        return src
    # "Dale Pruitt, 27, of Akron, Ohio, said": pass over ages and home towns
    k = len(segs) - 2
    while k >= 1 and (
        _aside(text, segs[k])
        or _place_after(segs, k)
        # "Quill, 44, an illustrator, said": an age, then a role
        or (_appositive(segs[k]) and bool(segs[k - 1]) and segs[k - 1][0][0].isdigit())
    ):
        k -= 1
    if k < len(segs) - 2:
        # past an age or a home town only a name will do; past a phrase of time or place any
        # subject: "An official, speaking on condition of anonymity, said"
        src = parse_np(text, segs[k][-10:])
        if src is not None and src.kind != "name" and segs[k + 1][0][0].lower() not in _OPEN_ASIDE:
            return None
        return src
    if len(segs) >= 3 and segs[-2]:
        a, b = segs[-3][-10:], segs[-2]
        first, second = parse_np(text, a), parse_np(text, b[-10:])
        if second and second.kind == "name" and (not first or first.kind != "name") and len(b) <= 5:
            return Source(second.text, "name", second.pos, second.role or role_phrase(text, a))
        if first:
            role = first.role or (role_phrase(text, b) if first.kind == "name" else None)
            return Source(first.text, first.kind, first.pos, role)
    return None


# words that open a phrase after a source's head and before its cue: "a lawyer representing
# the family said", "one official familiar with the talks told", "a spokesman for the group said"
_POSTMODIFIERS = frozenset({"of", "in", "for", "with", "from", "at", "familiar", "close"})
# words that start a clause of their own inside what looked like a modifier
_CLAUSE_WORDS = frozenset(
    {"and", "but", "or", "which", "who", "that", "as", "when", "while", "because", "if", "since"}
    | {"is", "are", "was", "were", "has", "have", "had", "will", "would"}
)
_HEAD_DETERMINERS = _ARTICLES | {"another", "one"}
_PERSONAL = SUBJECT_PRONOUNS | {"you"}  # a clause's own subject
_NAME_AFTER = _PREPS | _ARTICLES | {"of"}
# past tenses without "-ed" that put a new subject before the cue: "… knew Tom Reyes wrote"
_PAST_IRREGULAR = frozenset(
    {"knew", "saw", "heard", "thought", "felt", "found", "met", "told", "said", "made", "let"}
)


def _modified_head(text: str, seg: list[Tok]) -> Source | None:
    """The person a subject like "an aide speaking to reporters" is about: its head, not the
    last noun before the cue ("reporters"). The head opens the clause; descriptions keep the
    whole phrase."""
    start = 1 if seg and seg[0][0].lower() in LEAD_CONJUNCTIONS else 0
    for m in range(start + 1, min(len(seg) - 1, start + 6)):
        w = seg[m][0]
        participle = len(w) > 5 and w.endswith("ing")
        if not w.islower() or not (w in _POSTMODIFIERS or participle):
            continue
        if w == "of" and seg[start][0].lower() not in DETERMINERS:
            return None  # "Secretary of State Ada Brum": a title; "the head of the union" speaks
        before, tail = seg[m - 1][0], seg[m:]
        # a determiner and one noun ("a woman speaking"), else a known head or a name
        determined = m - start == 2 and seg[start][0].lower() in _HEAD_DETERMINERS
        if not (is_cap(before) or before.lower() in UNNAMED_HEADS or determined) or not _modifier(
            tail
        ):
            return None  # "The council voted for the resolution which said": a clause
        if any(t[0].lower() in _PERSONAL for t in seg[start:m]):
            return None  # "lest you confuse people in …": a clause, not a head
        head = parse_np(text, seg[start:m])
        if head is None or head.pos != seg[start][1] or document(head):
            return None
        if head.kind == "name":
            return head if participle else None
        if head.kind not in {"unnamed", "desc"}:
            return None
        while tail and (tail[-1][0] in ADVERBS_AUX or tail[-1][0].lower() in TIME_WORDS):
            tail = tail[:-1]  # "… for the election later said"
        return Source(text[head.pos : tail[-1][2]], head.kind, head.pos, head.role)
    return None


def _modifier(tail: list[Tok]) -> bool:
    """`tail` reads as one phrase after a head: no clause word, no past tense, not ending in
    an article or preposition ("a lawyer for the"), no new subject named after a verb ("the
    voters at the rally knew Tom Reyes")."""
    words = [t[0] for t in tail]
    if any(w in _CLAUSE_WORDS or (w.islower() and w.endswith("ed")) for w in words):
        return False
    if words[-1].lower() in _NAME_AFTER or words[-1].lower() in DETERMINERS:
        return False
    k = len(words)
    while k > 0 and is_cap(words[k - 1]):
        k -= 1
    return k == len(words) or k == 0 or words[k - 1] not in _PAST_IRREGULAR


def _untimed(seg: list[Tok]) -> list[Tok]:
    """`seg` without a time phrase naming a day at its end ("Tate on Tuesday said",
    "Ostrow later Thursday told"), if a word before it is left."""
    k = len(seg)
    while k > 1 and (seg[k - 1][0].lower() in TIME_WORDS or seg[k - 1][0].isdigit()):
        k -= 1
    day = any(t[0].lower() in TIME_WORDS and t[0][:1].isupper() for t in seg[k:])
    return seg[:k] if k < len(seg) and day else seg


def _aside(text: str, seg: list[Tok]) -> bool:
    """An age, a home town or a state set off by commas after a name, or a phrase of time or
    place ("Quill, during a town hall in Boise, said")."""
    if not seg:
        return False
    first = seg[0][0]
    if first.lower() in _ASIDE_PREPS and len(seg) <= 12:
        return True
    if first.lower() in _RELATIVES and len(seg) <= 25:
        return True  # "Ambler, who is a pastor in Laramie, Wyoming, slammed …"
    if len(seg) > 4:
        return False
    # "Mich.", "Colorado": a state after a town
    state = len(seg) == 1 and (
        text[seg[0][2] - 1 : seg[0][2] + 1].find(".") >= 0 or first.lower() in PLACE_WORDS
    )
    return first.isdigit() or first.lower() in {"of", "from"} or state


def _appositive(seg: list[Tok]) -> bool:
    """ "a Denver freelance illustrator": a role set off by commas."""
    return 0 < len(seg) <= 12 and seg[0][0].lower() in _ARTICLES


def _place_after(segs: list[list[Tok]], k: int) -> bool:
    """ "…, in Macon, Georgia, said": a capitalised word or two after a phrase of place."""
    seg = segs[k]
    return (
        0 < len(seg) <= 2
        and all(t[0][:1].isupper() for t in seg)
        and k >= 2
        and bool(segs[k - 1])
        and segs[k - 1][0][0].lower() in _ASIDE_PREPS
    )


_SUBJECT_REACH = 600  # characters: four segments of any real sentence's opening


def sentence_subject(
    text: str, masked: str, lo: int, hi: int, people_only: bool = True
) -> Source | None:
    """The person or pronoun that a sentence opens with, past introductory phrases
    ("Speaking in Bend, Vasquez …", "Here in Fresno, Fenn …"); any source with
    `people_only=False` ("The letter goes on to say: …")."""
    intro = False
    # the subject opens the sentence: reading a bounded prefix keeps a sentence of many
    # quotes (a list of scare-quoted words) from being read once per quote
    segs = split_segments(tokens(masked, lo, min(hi, lo + _SUBJECT_REACH)))[:4]
    for k, seg in enumerate(segs):
        if not seg:
            continue
        w = seg[0][0].lower()
        if (
            w in INTRO_WORDS
            or w.endswith("ing")
            or w.endswith("ly")
            or _participle(seg)
            or _time_phrase(seg)
        ):
            intro = True
            continue
        if w in _RELATIVES:
            continue  # "…, which is due to hold the primary, Marsh said": a relative clause
        if (
            intro
            and w in _ARTICLES
            and k + 1 < len(segs)
            and segs[k + 1][:1]
            and is_cap(segs[k + 1][0][0])
        ):
            continue  # "Followed by Nina Falk, the treasurer, Haldane …": an apposition
        if _dateline(seg) or (intro and _place(masked, seg)):
            intro = True  # "DENVER, Dec. 8 —", "SPRINGFIELD, Mo. —", "In Bend, Ore., Vasquez"
            continue
        src = parse_np(text, seg, from_end=False)
        if src is not None and (src.kind in {"name", "pronoun"} or not people_only):
            return src
        if src is None and intro and len(seg) <= 4 and seg[0][0].islower():
            continue  # "After a short, tense meeting, …": still the introduction
        return None
    return None


_MONTHS = words(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june
    july august september october november december
    """
)


def _time_phrase(seg: list[Tok]) -> bool:
    """ "Later on Sunday", "Earlier this week", "Six years ago": a time, then the subject."""
    return len(seg) <= 4 and all(
        t[0].lower() in TIME_WORDS
        or t[0].lower() in TIME_HEADS
        or t[0].lower() in _MONTHS
        or t[0].lower() in NUMBER_WORDS
        or t[0].isdigit()
        for t in seg
    )


def _dateline(seg: list[Tok]) -> bool:
    """A dateline's place in capitals ("WASHINGTON") or its date ("Dec. 8")."""
    if all(t[0].isupper() and len(t[0]) > 2 for t in seg):
        return True
    return seg[0][0].rstrip(".").lower() in _MONTHS and any(t[0].isdigit() for t in seg)


def _place(masked: str, seg: list[Tok]) -> bool:
    """A place named on its own: "New Hampshire", "Ohio", "Mich."."""
    if len(seg) > 3 or not all(t[0][:1].isupper() for t in seg):
        return False
    if len(seg) == 1:
        return seg[0][0].lower() in PLACE_WORDS or masked[seg[0][2] : seg[0][2] + 1] == "."
    found = org_or_place(" ".join(t[0] for t in seg))
    return found is not None and found[1] == "place"


def _participle(seg: list[Tok]) -> bool:
    """ "Followed at the podium by …", "Asked about it, …": a past participle opening an
    introductory phrase (a lower-case word follows it, which no name's first word does)."""
    w = seg[0][0]
    return len(seg) > 1 and len(w) > 5 and w.endswith("ed") and seg[1][0].islower()


def object_after(text: str, masked: str, lo: int, hi: int) -> Source | None:
    """The source right after an inverted cue: "said Jen Psaki, the press secretary"."""
    segs = split_segments(tokens(masked, lo, hi))
    if not segs or not segs[0] or segs[0][0][0] in _PREPS or segs[0][0][0] == "that":
        # "said in a statement", "said on Monday": no source after the cue; "shows that
        # Dayton …": a clause, not an inverted subject
        return None
    described = _described(text, segs[0])
    if described is not None:
        named = parse_np(text, segs[1], from_end=False) if len(segs) >= 2 else None
        if named is not None and named.kind == "name":
            # "said a spokesman for the company, John Smith": the name, with the phrase
            return Source(named.text, "name", named.pos, described.text)
        return described
    src = parse_np(text, segs[0], from_end=False)
    if src and src.kind == "name" and src.role is None and len(segs) >= 2:
        role = role_phrase(text, segs[1])
        if role:
            src = Source(src.text, src.kind, src.pos, role)
    return src


_PLAIN_PEOPLE = frozenset({"man", "woman", "men", "women"})


def _described(text: str, seg: list[Tok]) -> Source | None:
    """ "said a spokeswoman for the company", "said one official familiar with the talks":
    an unnamed source with what places it, not the body it works for."""
    if len(seg) < 3 or len(seg) > 12 or seg[0][0].lower() not in _HEAD_DETERMINERS:
        return None
    for k in range(1, min(4, len(seg) - 1)):
        w = seg[k][0]
        if not w.islower():
            return None
        if (w in UNNAMED_HEADS or w in _PLAIN_PEOPLE) and seg[k + 1][0] in _POSTMODIFIERS:
            end = next((j for j in range(k + 2, len(seg)) if _setting_at(seg, j)), len(seg))
            return Source(span_text(text, seg[:end]), "unnamed", seg[0][1])
    return None


_SETTINGS = frozenset({"statement", "interview", "email", "briefing", "conference", "call"})


def _setting_at(seg: list[Tok], j: int) -> bool:
    """ "… in a statement", "… on Tuesday": where or when it was said, not who."""
    if seg[j][0] not in {"in", "on", "during", "at"} or j + 1 >= len(seg):
        return False
    nxt = seg[j + 1][0].lower()
    if nxt in _ARTICLES and j + 2 < len(seg):
        nxt = seg[j + 2][0].lower()
    return nxt in TIME_WORDS or nxt in _SETTINGS
