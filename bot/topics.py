"""Topic aliases (countries, demonyms, capitals standing for governments, bodies; the table is in
`bot.countries`) and name matching.

General knowledge only. `expand` gives phrases safe to match case-insensitively; `terms` adds the
forms that only count when written in capitals ("US", "WHO"), so "us" the pronoun never matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.countries import COUNTRIES, SPELLING_VARIANTS, TITLE_WORDS

_TITLES = frozenset(TITLE_WORDS.split())


@dataclass(frozen=True)
class TopicTerms:
    """Phrases to look for: `phrases` in any case, `cased` only exactly as written."""

    phrases: tuple[str, ...]
    cased: tuple[str, ...] = ()


def _fold(text: str) -> str:
    """Lower case, no diacritics, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.split())


def _plural(demonym: str) -> tuple[str, ...]:
    # "ukrainian" -> "ukrainians", "israeli" -> "israelis"; "chinese", "british" have none.
    if demonym.endswith(("an", "i")):
        return demonym, demonym + "s"
    return (demonym,)


def _build() -> tuple[dict[str, TopicTerms], dict[str, TopicTerms]]:
    groups: dict[str, TopicTerms] = {}  # any name, short form or demonym -> the whole group
    for line in COUNTRIES.strip().splitlines():
        name, others, short, demonyms, seats = (
            [w.strip() for w in field.split(",") if w.strip()] for field in line.split("|")
        )
        forms = [*name, *others, *short]
        forms += [p for d in demonyms for p in _plural(d)]
        cased = tuple(f[1:] for f in forms if f.startswith("="))
        phrases = tuple(dict.fromkeys(f for f in [*forms, *seats] if not f.startswith("=")))
        terms = TopicTerms(phrases=phrases, cased=cased)
        for form in forms:
            groups.setdefault(_fold(form.lstrip("=")), terms)  # first row wins a shared demonym
    variants: dict[str, TopicTerms] = {}
    for row in SPELLING_VARIANTS:
        for word in row:
            variants[word] = TopicTerms(phrases=row)
    return groups, variants


_GROUPS, _SPELLINGS = _build()
_NOISE = re.compile(r"[^\w\s.'&-]+")


def _key(topic: str) -> str:
    key = " ".join(_NOISE.sub(" ", _fold(topic)).split()).strip(" .-'&")
    key = re.sub(r"^the\s+", "", key)
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]\.?", key) is None:
        return key
    return key if key.endswith(".") else key + "."  # "u.s" -> "u.s."


def known(topic: str) -> bool:
    """Is `topic` a country, region or body in the alias table ("Ukraine", "PRC", "Chinese")?"""
    key = _key(topic)
    return key in _GROUPS or key.replace(".", "") in _GROUPS


def terms(topic: str) -> TopicTerms:
    """The topic's phrases (lower case, any-case matching) and its capitals-only forms."""
    key = _key(topic)
    if not key:
        return TopicTerms(phrases=())
    found = _GROUPS.get(key) or _GROUPS.get(key.replace(".", "")) or _SPELLINGS.get(key)
    return found if found is not None else TopicTerms(phrases=(key,))


def expand(topic: str) -> tuple[str, ...]:
    """The topic and its aliases, lower case, to match in any case.

    "china" -> ("china", "people's republic of china", ..., "chinese", "beijing"). Forms that are
    also common words in lower case ("US", "WHO") are left out here; `terms` returns them.
    """
    return terms(topic).phrases


def _phrase_rx(phrase: str) -> str:
    body = r"\s+".join(re.escape(p) for p in phrase.split())
    return rf"(?<!\w){body}(?!\w)"


def mentions(text: str, topic_terms: TopicTerms) -> bool:
    """Does `text` name the topic: a phrase as whole words in any case, or a cased form exactly?"""
    if topic_terms.phrases:
        folded = _fold(text)
        pattern = "|".join(_phrase_rx(_fold(p)) for p in topic_terms.phrases)
        if re.search(pattern, folded):
            return True
    return any(re.search(_phrase_rx(form), text) for form in topic_terms.cased)


def _name_words(name: str) -> list[str]:
    return re.findall(r"\w+", _fold(name).replace("'", ""))


def name_matches(query: str, full_name: str) -> bool:
    """Does a queried name pick out this stored speaker? Whole words, in order, titles ignored.

    "biden" and "President Biden" match "Joe Biden" and "President Joe Biden"; "bide" does not.
    A query that is nothing but titles ("the president") is matched as written.
    """
    words = [w for w in _name_words(query) if w not in {"the", "of", "a"}]
    core = [w for w in words if w not in _TITLES] or words
    have = iter(_name_words(full_name))
    return bool(core) and all(any(w == h for h in have) for w in core)
