"""Parse the noun phrase of a source next to a speech cue: name, pronoun, unnamed or org."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import (
    ADVERBS_AUX,
    DETERMINERS,
    FUNCTION_WORDS,
    LEAD_CONJUNCTIONS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    POSSESSIVE_DETERMINERS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TIME_HEADS,
    TITLE_WORDS,
    UNNAMED_HEADS,
    words,
)
from bot.extract.names import FIRST_NAMES, analyse, org_or_place, title_word
from bot.extract.tokens import Tok, is_cap, span_text

_ROLE_STOP = frozenset({"who", "which", "whose", "where", "when", "that", "whom"})
# title words that only join a role's parts ("Secretary of State"): no role on their own
_LINK_WORDS = frozenset({"of", "and", "then", "under"})
_MANNERS = frozenset({"mr", "mrs", "ms", "miss"})  # honorifics that are no role, unlike "King"
_PRONOMINAL = frozenset({"another", "one", "others", "some", "many", "both"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


@dataclass(frozen=True)
class Source:
    """A source as written near a cue; `kind` is name, pronoun, unnamed, org or desc."""

    text: str
    kind: str
    pos: int
    role: str | None = None


def _name_token(w: str) -> bool:
    # short all-capital words are acronyms (CNN, FBI); long ones are transcript names (PSAKI)
    if w.isupper() and len(w) <= 4 and w.isalpha():
        return False
    return w.lower() not in NOT_NAME_WORDS and not _POSSESSIVE.search(w)


def parse_np(text: str, seg: list[Tok], from_end: bool = True) -> Source | None:
    """The source that a segment ends with (subject) or starts with (after an inverted cue)."""
    if not seg:
        return None
    if not from_end:
        seg = _leading_np(seg)
        if not seg:
            return None
    while seg and (seg[-1][0] in ADVERBS_AUX or adverb(seg[-1][0])):
        seg = seg[:-1]  # lower case only: "Will wrote" is George Will
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
    body = _of_name(text, seg, i)
    if body is not None:
        return body
    if len(run) == 1 and run[0][0].lower() in UNNAMED_HEADS and low.endswith("s"):
        run = []  # "Officials said" at a sentence start
    if run and run[-1][0].lower() in ORG_WORDS and len(run) >= 2:
        # "the National Weather Service", "the Federal Aviation Administration": a body whose
        # name opens with a title word is no person's name after a title
        whole = org_or_place(" ".join(t[0] for t in run))
        # "Rep. Ann Street", "Judge Aiyana White": a person's title or first name in it
        named = any(t[0].lower() in FIRST_NAMES or t[0].lower() in PERSON_TITLES for t in run[:-1])
        if whole is not None and whole[1] == "org" and not named:
            k = len(run) - len(whole[0].split())
            return Source(span_text(text, run[k:]), "org", run[k][1])
    if run:
        # the name is the run's tail after its title words: "Secretary of State" + "Antony Blinken"
        j = len(run)
        while j > 0 and _name_token(run[j - 1][0]) and not title_word(run[j - 1][0]):
            j -= 1
        if (
            j == len(run)
            and len(run) >= 2
            and _name_token(run[-1][0])
            and not title_word(run[-2][0])
        ):
            j = len(run) - 2  # a surname that is also a title word: "Steve King"
        if j < len(run) and len(run) - j <= 4:
            if j > 0 and not title_word(run[j - 1][0]):
                # "The New Valley Herald": a capitalised word that is no title opens an org
                org = org_or_place(" ".join(t[0] for t in run))
                if org is not None and org[1] == "org":
                    k = len(run) - len(org[0].split())  # past "The", "As", "But"
                    return Source(span_text(text, run[k:]), "org", run[k][1])
            name = run[j:]
            role = role_before(text, seg[: i + j])
            return Source(span_text(text, name), "name", name[0][1], role)
        # only title words: "the White House", "the President"
        if all(t[0].lower() in NOT_NAME_WORDS for t in run):
            if len(run) == 1 and low in _PRONOMINAL:
                return Source(last, "unnamed", seg[-1][1])  # "Another said": one of a group
            return None  # "What", "When", "In": a capitalised function word names nobody
        k = i
        while k > 0 and seg[k - 1][0].lower() in DETERMINERS:
            k -= 1
        kind = "desc" if run[-1][0].lower() in UNNAMED_HEADS else "org"
        return Source(span_text(text, seg[k:]), kind, seg[k][1])
    if low in _ROLE_STOP or low in DETERMINERS or low in FUNCTION_WORDS:
        return None  # "a statement that declared": the relative clause has no speaker of its own
    short = not from_end and len(seg) <= 4 and seg[0][0].lower() in DETERMINERS
    if (from_end or short) and low not in ADVERBS_AUX and _has_determiner(seg):
        # any "the/a ... noun" subject: "the moderator", "the lawsuit", "one former executive"
        unnamed_head = True
    else:
        unnamed_head = low in UNNAMED_HEADS or low.rstrip("s") in UNNAMED_HEADS
    if unnamed_head and low not in TIME_HEADS:  # "two weeks ago", "the next day": a time
        k = len(seg) - 1
        while k > 0 and seg[k - 1][0].lower() not in _ROLE_STOP and len(seg) - k < 7:
            w = seg[k - 1][0]
            k -= 1
            if w.lower() in DETERMINERS or w in POSSESSIVE_DETERMINERS or _POSSESSIVE.search(w):
                break
        while k > 0 and _POSSESSIVE.search(seg[k][0]) and is_cap(seg[k - 1][0]):
            k -= 1  # the owner's whole name: "Ann Lee’s office"
        phrase = seg[k:]
        kind = "desc" if phrase[0][0].lower() == "the" and not low.endswith("s") else "unnamed"
        return Source(span_text(text, phrase), kind, phrase[0][1])
    return None


def _of_name(text: str, seg: list[Tok], i: int) -> Source | None:
    """ "the Department of Justice", "the Bank of England", "the Secretary of State": a name
    joined by "of" is one body or one office, not its last word; "Tom Baker of Ohio" is Tom
    Baker. Not when the words after "of" hold a person's name ("Secretary of State Ruth
    Okafor")."""
    if not 2 <= i < len(seg) or seg[i - 1][0] != "of" or not is_cap(seg[i - 2][0]):
        return None
    after = seg[i:]
    if len(after) > 3:
        return None
    found = analyse(" ".join(t[0] for t in after))
    if found is not None and found[3]:
        return None  # a person: "… of State Ruth Okafor"
    k = i - 2
    while k > 0 and is_cap(seg[k - 1][0]) and i - k < 5:
        k -= 1
    before = seg[k : i - 1]
    who = analyse(" ".join(t[0] for t in before))
    if who is not None and who[3] and len(who[1]) >= 2:
        # "Tom Baker of Ohio said": the person, not the place
        name = before[len(before) - len(who[1]) :]
        return Source(span_text(text, name), "name", name[0][1])
    if all(title_word(t[0]) for t in before):
        if len(after) >= 2 and org_or_place(" ".join(t[0] for t in after)) is None:
            return None  # "Secretary of Labor Kristi Noem": an office, then its holder
        d = k - 1 if k > 0 and seg[k - 1][0].lower() in DETERMINERS else k
        return Source(span_text(text, seg[d:]), "desc", seg[d][1])  # an office
    org = org_or_place(" ".join(t[0] for t in seg[k:]))
    if org is None or org[1] != "org":
        return None
    return Source(span_text(text, seg[k:]), "org", seg[k][1])


_LY_NOUNS = frozenset({"family", "rally", "supply", "assembly", "anomaly", "monopoly", "bully"})


def adverb(w: str) -> bool:
    """ "angrily", "quickly": an adverb between a subject and its cue ("she angrily said")."""
    return len(w) > 5 and w.endswith("ly") and w.islower() and w not in _LY_NOUNS


def _has_determiner(seg: list[Tok]) -> bool:
    return seg[-1][0][:1].isalnum() and (
        any(t[0].lower() in DETERMINERS for t in seg[-5:-1])
        or _owner_opens(seg)
        or any(
            seg[i][0] in POSSESSIVE_DETERMINERS
            # opening the clause: "my aunt said", "and his campaign said"; after a verb it
            # opens the object ("started their debate saying")
            and (i == 0 or (i == 1 and seg[0][0].lower() in LEAD_CONJUNCTIONS))
            for i in range(max(0, len(seg) - 3), len(seg) - 1)
        )
    )


def _owner_opens(seg: list[Tok]) -> bool:
    """ "Ann Lee’s office said", "and Acme’s lawyers said": a named owner opens the clause
    and its possessive determines the head after it."""
    start = 1 if seg and seg[0][0].lower() in LEAD_CONJUNCTIONS else 0
    owner = seg[start:-1]
    return (
        0 < len(owner) <= 4
        and seg[-1][0].islower()
        and bool(_POSSESSIVE.search(owner[-1][0]))
        and all(is_cap(t[0]) for t in owner)
    )


def _leading_np(seg: list[Tok]) -> list[Tok]:
    """The noun phrase at the start of a segment: up to the first lowercase word after the head."""
    out: list[Tok] = []
    seen_cap = False
    for n, t in enumerate(seg):
        w = t[0]
        if (
            w == "of"
            and out
            and n + 1 < len(seg)
            and (
                (title_word(out[-1][0]) and title_word(seg[n + 1][0]))
                or (out[-1][0].lower() in ORG_WORDS and is_cap(seg[n + 1][0]))
            )
        ):
            out.append(t)  # "Former US secretary of state Ruth Okafor", "the Bank of England"
            continue
        if not out and w.lower() in SUBJECT_PRONOUNS:
            return [t]  # "She went on", "He said"
        if out and (w.lower() in _ROLE_STOP or (not seen_cap and _verb_like(w, out))):
            break  # "the woman who built …", "the judge sounded off …": the head came before
        if len(out) == 1 and out[0][0].lower() in _PRONOMINAL and w in SPEECH_VERBS:
            break  # "Another said …", "One wrote …": the determiner stands for a person
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


# speech verbs that are no nouns: "the meeting notes", "the storm warning" keep their noun
_NOUNS_TOO = (
    SPEECH_NOUNS
    | {w + "s" for w in SPEECH_NOUNS}
    | words(
        """
        notes protest protests call calls report reports cry cries shout shouts question
        questions request requests demand demands plea pleas
        """
    )
)
_VERB_ONLY = SPEECH_VERBS - _NOUNS_TOO


def _verb_like(w: str, before: list[Tok]) -> bool:
    """A finite verb after a determiner and a noun ("the judge sounded", "the lawsuit
    contends"): "-ed" forms, speech verbs and common auxiliaries, once the phrase has a head."""
    if len(before) < 2 or before[0][0].lower() not in DETERMINERS or not w.islower():
        return False
    return w in _VERBS_AUX or w in _VERB_ONLY or (len(w) > 4 and w.endswith("ed"))


def role_before(text: str, seg: list[Tok]) -> str | None:
    k = len(seg)
    while k > 0:
        w = seg[k - 1][0]
        lw = w.lower()
        if _POSSESSIVE.search(w) or lw in DETERMINERS or lw in _ROLE_STOP:
            break
        if not (title_word(w) or is_cap(w) or lw.endswith("-elect")):
            break
        if lw == "and" and (k == len(seg) or _name_ends(seg, k - 1) or _person_starts(seg, k)):
            # "German Chancellor Olaf Scholz and French President …", "Cruz and Trump":
            # another's name
            break
        k -= 1
    role = seg[k:]
    while role and role[0][0].lower().rstrip(".") in _MANNERS:
        role = role[1:]  # "Mr." and "Ms." are manners, not roles
    while role and role[0][0].lower() in {"of", "and", "for", "to", "on"}:
        role = role[1:]
    while role and role[-1][0].lower() in {"of", "and", "for", "to", "on"}:
        role = role[:-1]
    return span_text(text, role) or None


def _name_ends(seg: list[Tok], i: int) -> bool:
    """A person's full name ends right before `seg[i]` ("Olaf Scholz and"), not a body's
    ("Food and Drug Administration", "Procter and Gamble")."""
    j = i
    while j > 0 and is_cap(seg[j - 1][0]) and i - j < 4:
        j -= 1
    who = analyse(" ".join(t[0] for t in seg[j:i])) if j < i else None
    return who is not None and who[3] and len(who[1]) >= 2


def _person_starts(seg: list[Tok], i: int) -> bool:
    """A second person opens at `seg[i]`, after "and": "Trump and Sen. …", "Christie and Ohio
    Gov. …", "Cruz and Donald …"; not a body's second word ("Ways and Means", "Food and Drug
    Administration")."""
    if i >= 2 and seg[i - 2][0].lower() in SUBJECT_PRONOUNS:
        return True  # "He and House Judiciary Committee Chairman …"
    if i < len(seg) and seg[i][0].lower() in PLACE_WORDS:
        i += 1  # "Ohio Gov."
    return i < len(seg) and (seg[i][0].lower() in PERSON_TITLES or seg[i][0].lower() in FIRST_NAMES)


def role_phrase(text: str, seg: list[Tok]) -> str | None:
    """An apposition that names a role: "the White House press secretary", "a Republican"."""
    if not seg or len(seg) > 12 or seg[0][0].lower() in _ROLE_STOP | _LINK_WORDS:
        return None  # "of his supporters kicked a protester": a phrase, not a role
    if not any(title_word(t[0]) and t[0].lower() not in _LINK_WORDS for t in seg):
        return None
    k = 0
    while k < len(seg) and (seg[k][0].lower() in DETERMINERS or _POSSESSIVE.search(seg[k][0])):
        k += 1
    return span_text(text, seg[k:]) or None
