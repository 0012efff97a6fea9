"""The only place FTS5 MATCH strings are built: user words become quoted strings, never syntax.

Each phrase goes inside "…" (internal quotes doubled), so `*`, `NEAR(`, `OR`, `-`, `:` and `^`
are plain text to the tokenizer; alternatives are joined with OR.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

MAX_PHRASES = 32  # a topic and its aliases fit easily; more is a runaway caller
MAX_PHRASE_CHARS = 200
MAX_WORDS = 32  # for `all_words`


def _searchable(ch: str) -> bool:
    # unicode61 token characters: letters, numbers, private use; combining marks fold away.
    category = unicodedata.category(ch)
    return category[0] in "LN" or category in {"Co", "Mn"}


def _clean(text: str) -> str:
    """Drop what cannot reach SQLite intact or could end a string early (NUL, surrogates)."""
    kept = (
        " " if (cat := unicodedata.category(ch))[0] == "C" and cat != "Co" else ch
        for ch in text[: MAX_PHRASE_CHARS * 4]
    )
    return " ".join("".join(kept).split())


def quote(phrase: str) -> str | None:
    """One phrase as an FTS5 string, or None when no searchable character is left.

    The text goes in as written (quotes doubled) so the tokenizer splits it exactly as it split
    the stored articles; only NUL, controls and lone surrogates are dropped first.
    """
    text = _clean(phrase)
    if len(text) > MAX_PHRASE_CHARS:
        cut = text[:MAX_PHRASE_CHARS]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    if not any(_searchable(ch) for ch in text):
        return None
    return '"' + text.replace('"', '""') + '"'


def _key(quoted: str) -> str:
    # "China" and "china!" are the same search; compare only the searchable characters.
    return " ".join("".join(ch if _searchable(ch) else " " for ch in quoted.casefold()).split())


def match_expression(phrases: Iterable[str]) -> str | None:
    """Phrases as alternatives: `"china" OR "people s republic of china"`; None if nothing is left.

    A phrase matches its words in order and adjacent, in any case and without diacritics.
    """
    quoted: dict[str, str] = {}
    for phrase in phrases:
        if not isinstance(phrase, str):
            continue
        q = quote(phrase)
        if q is not None:
            quoted.setdefault(_key(q), q)
        if len(quoted) >= MAX_PHRASES:
            break
    return " OR ".join(quoted.values()) or None


def all_words(text: str) -> str | None:
    """Free-text search: every word must occur, anywhere (`"biden" AND "summit"`)."""
    quoted: dict[str, str] = {}
    for word in _clean(text).split()[: MAX_WORDS * 4]:
        q = quote(word)
        if q is not None:
            quoted.setdefault(_key(q), q)
        if len(quoted) >= MAX_WORDS:
            break
    return " AND ".join(quoted.values()) or None


def both(expression: str, column: str, phrases: Iterable[str]) -> str:
    """`expression` and one of `phrases` in `column`: lets FTS5 intersect a rare speaker's
    short list with a common topic's long one instead of walking the long one.

    `column` is ours, never user text; when no phrase is searchable the expression stands.
    """
    within = match_expression(phrases)
    return f"({expression}) AND {{{column}}} : ({within})" if within else expression
