"""Capitalised runs of an article read as name candidates: the name, its gender and title."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extract.lexicon import (
    FEMALE_TITLES,
    HONORIFICS_FEMALE,
    HONORIFICS_MALE,
    INTRO_WORDS,
    MALE_TITLES,
    NOT_NAME_WORDS,
    ORG_PLACE_WORDS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    SMALL_WORDS,
    TITLE_WORDS,
    words,
)
from bot.extract.names_gender import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

# "Sen.", "J." and "Jr." keep their dot; any other word's dot ends the sentence and the run
# ("… spoke before Ann Lund. Tate left": two names, not "Ann Lund Tate")
# the lower-case rest of Sen. Rep. Gov. Gen. Col. Lt. Sgt. Capt. Cmdr. Adm. Dr. Mr. Mrs. Ms.
# St. Prof. Pres. Rev. Hon. Atty. Supt. Maj. Cpl. Pvt. Amb. Sec. Del. Ald. Jr. Sr. Corp. Inc.
# Co. Mt. Ave. Blvd. and state forms (Ala. Cal. Mich. Mass. Conn. Minn. Neb. Tex. Va. Ill. …);
# an initial ("J.") has no rest
_ABBREV = (
    r"(?:(?:en|ep|ov|ol|t|gt|apt|mdr|dm|r|rs|s|rof|res|ev|on|tty|upt|aj|pl|vt|mb|ec|el|ld"
    r"|orp|nc|o|ve|lvd|la|al|ich|ass|onn|inn|eb|ex|a|ll|nd|y|an|kla|enn|is|olo|iss|ont|riz|re)?\.)"
)
# initials run together: "R.J. Okafor", "T.S. Eliot"
_INITIALS = r"(?:\.[A-Z])+\."
_TOK = rf"[A-Z](?:{_INITIALS}|{_ABBREV}|[\w'’\-]*)"
# the first capital comes before its word-boundary check, so the engine can skip ahead to
# capitals instead of trying every position: same matches as a leading \b, faster
_FIRST = rf"[A-Z](?<!\w[A-Z])(?:{_INITIALS}|{_ABBREV}|[\w'’\-]*)"
_RUN = re.compile(rf"{_FIRST}(?: (?:(?:de|van|von|bin|la|al|del|da|der) )?{_TOK})*")
POSS = re.compile(r"(?:['’]s|['’])$")
# a lower-case word that Title Case would have capitalised: the line is prose
_PLAIN_WORD = re.compile(r"(?<![\w'’-])(?!(?:from|into|over|with)\b)[a-z]{4,}")
_ENDS = frozenset('.!?"”’:)')
_PARA = re.compile(r"[^\n]+")
_WORDS = re.compile(r"[A-Za-z][\w'’\-]*")


FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


def runs(masked: str, start: int) -> list[tuple[int, str]]:
    """(offset, run) of capitalised runs, except in Title Case lines (headlines, tag lists,
    page furniture), which say nothing about who is who."""
    skip: list[tuple[int, int]] = []
    for p in _PARA.finditer(masked, start):
        line = p.group().rstrip()
        ends = line[-1:] in _ENDS
        if len(line) < 400 and not (ends and _PLAIN_WORD.search(line)):
            words = _WORDS.findall(line)
            caps = sum(1 for w in words if w[0].isupper() or w in SMALL_WORDS)
            if (len(words) >= 2 and caps == len(words)) or (
                len(words) >= 4 and caps >= 0.6 * len(words) and not ends  # tags, menus
            ):
                skip.append((p.start(), p.end()))
    # one pass over the text: a run never crosses a line, so lines to skip are cut out after
    out = [(m.start(), m.group()) for m in _RUN.finditer(masked, start)]
    if skip:
        out = [r for r in out if not any(a <= r[0] < b for a, b in skip)]
    return out


_SKIP_RUN = NOT_NAME_WORDS | TITLE_WORDS
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

Analysed = tuple[int, tuple[str, ...], str | None, bool, str | None, bool]


@lru_cache(maxsize=65536)
def analyse(run: str) -> Analysed | None:
    """What a capitalised run says about a person: (offset of the name, name words, gender,
    surely a person, title word before it, possessive). Pure, so cached across articles."""
    if " " not in run and run.lower() in _SKIP_RUN:
        return None  # "The", "But", "President": most runs are one such word
    words = run.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()  # "Joseph Q. Ward II", "Samuel T. Grove Jr."
    poss = bool(POSS.search(words[-1]))
    if poss:
        words[-1] = POSS.sub("", words[-1])
    # the name starts after the run's last title word: "Nevada Gov. Colin Marsh"
    title: str | None = None
    k = 0
    for i, w in enumerate(words[:-1]):
        if title_word(w):
            title, k = w.lower(), i + 1
    while k < len(words) and (
        words[k].lower() in NOT_NAME_WORDS or words[k].lower() in INTRO_WORDS
    ):
        k += 1  # "But", "Given", "Outside": a sentence's opening word is not the name's
    if k == len(words) or (len(words) - k == 1 and words[k].lower() in TITLE_WORDS):
        return None
    pos = sum(len(w) + 1 for w in words[:k])  # runs are joined by one space
    # "Sen." loses its dot, an initial ("J.") and initials ("G.K.") keep theirs
    words = [w.rstrip(".") if len(w) > 2 and w[-3:-2] != "." else w for w in words[k:]]
    for k in range(1, len(words) - 1):
        # "Finance Republican Ada Brum": the name starts at its first name
        if words[k].lower() in FIRST_NAMES and words[0].lower() not in FIRST_NAMES:
            pos += sum(len(w) + 1 for w in words[:k])
            words = words[k:]
            break
    if (
        not ORG_PLACE_WORDS.isdisjoint(w.lower() for w in words) and not _placed_surname(words)
    ) or words[-1].isupper():
        return None
    if words[0].isupper() and words[-1].lower() in TITLE_WORDS:
        return None  # "RNC Chief (of Staff …)": an acronym and a title, no name yet
    first = words[0].lower()
    gender = "m" if first in MALE_FIRST_NAMES else "f" if first in FEMALE_FIRST_NAMES else None
    gender = gender or title_gender(title)
    sure = (len(words) >= 2 and gender is not None) or title in PERSON_TITLES
    return pos, tuple(words), gender, sure, title, poss


def title_word(w: str) -> bool:
    """A title, also one joined by a hyphen: "Senator", "Co-anchor", "Ex-governor"."""
    low = w.lower()
    return low in TITLE_WORDS or ("-" in low and low.rsplit("-", 1)[1] in TITLE_WORDS)


def honorific_gender(title: str | None) -> str | None:
    """ "mr" m, "mrs"/"ms" f; job titles ("chairman") say nothing: women hold them too."""
    return "m" if title in HONORIFICS_MALE else "f" if title in HONORIFICS_FEMALE else None


def title_gender(title: str | None) -> str | None:
    """The gender a title or honorific tells: "mr" and "king" m, "mrs" f, "president" none."""
    return honorific_gender(title) or (
        "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else None
    )


def _placed_surname(words: list[str]) -> bool:
    """ "Cornel West", "Booker Washington": a first name, then a surname that names a place."""
    first, last = words[0].lower(), words[-1].lower()
    return (
        len(words) == 2
        and first in FIRST_NAMES
        and first not in ORG_PLACE_WORDS
        and last in PLACE_WORDS
        and last not in ORG_WORDS
        and last not in _PLACE_NOUNS  # "Dallas County", "Virginia Beach": places after all
    )


_PLACE_NOUNS = words(
    """
    bay beach city coast county fort island islands kingdom lake las los mount new park
    republic river san states valley
    """
)


@lru_cache(maxsize=16384)
def org_or_place(run: str) -> tuple[str, str] | None:
    """("State Department", "org") or ("New York", "place") for a run of two words or more."""
    words = run.split()
    while words and words[0].lower() in NOT_NAME_WORDS and words[0].lower() not in ORG_PLACE_WORDS:
        words = words[1:]  # "The", "But"; "New" stays: "New York"
    if len(words) < 2 or len(words) > 5:
        return None
    words = [w.rstrip(".") if len(w) > 2 else w for w in words]
    words[-1] = POSS.sub("", words[-1])
    lows = {w.lower() for w in words}
    if ORG_PLACE_WORDS.isdisjoint(lows):
        return None
    return " ".join(words), "org" if not ORG_WORDS.isdisjoint(lows) else "place"
