"""A quote whose speaker is named as the owner of the words: "Trump’s claim that there were
“thousands of shootings”", "Warren’s reply was “no.”"."""

from __future__ import annotations

import re

from bot.extract.lexicon import words
from bot.extract.phrase import Source, parse_np
from bot.extract.tokens import tokens

# nouns for something said; a possessive name before one owns the quote that follows
SPEECH_NOUNS = words(
    """
    claim claims statement statements remark remarks comment comments words assertion
    assertions reply response answer answers promise promises pledge vow warning warnings
    message slogan refrain description charge charges suggestion complaint argument
    retort quip boast insistence contention declaration admission prediction verdict
    """
)
_OWNED = re.compile(
    r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s?"
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?P<noun>[a-z]+)\b(?P<rest>[^.;:!?“”\"]{0,80})$"
)


# what may stand between the noun and the quote: "claim that …", "reply was", "words,"; not
# "played down Trump's comments as" or "Clark's comments further": there the words are another's
_OPENS = re.compile(r"\s*(?:that\s.*|(?:was|is|were|are)\s*|,\s*)?$")


def owner_before(text: str, masked: str, lo: int, opener: int) -> tuple[Source, str] | None:
    """The person whose claim, statement or words open the quote at `opener`, if the
    sentence before it names them so."""
    m = _OWNED.search(masked, lo, opener)
    if m is None or m.group("noun") not in SPEECH_NOUNS or not _OPENS.match(m.group("rest")):
        return None
    start = m.start("owner")
    src = parse_np(text, tokens(masked, start, m.end("owner")))
    if src is None or src.kind != "name":
        return None
    return src, m.group("noun")
