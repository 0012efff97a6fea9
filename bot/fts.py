"""The only place FTS5 MATCH strings are built: user words become quoted strings, never syntax.

Each phrase goes inside "…" (internal quotes doubled), so `*`, `NEAR(`, `OR`, `-`, `:` and `^`
are plain text to the tokenizer; alternatives are joined with OR.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from bot import fts_rows

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


def _alternatives(phrases: Iterable[str]) -> list[str]:
    quoted: dict[str, str] = {}
    for phrase in phrases:
        if not isinstance(phrase, str):
            continue
        q = quote(phrase)
        if q is not None:
            quoted.setdefault(_key(q), q)
        if len(quoted) >= MAX_PHRASES:
            break
    return list(quoted.values())


def match_expression(phrases: Iterable[str]) -> str | None:
    """Phrases as alternatives: `"china" OR "people s republic of china"`; None if nothing is left.

    A phrase matches its words in order and adjacent, in any case and without diacritics.
    """
    return " OR ".join(_alternatives(phrases)) or None


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return 0 < n < len(longer) and any(
        longer[i : i + n] == shorter for i in range(len(longer) - n + 1)
    )


def match_any(phrases: Iterable[str]) -> str | None:
    """`match_expression` without the phrases that hold another one whole: the same rows.

    "people's republic of china" can only match where "china" does, but FTS5 walks every row
    holding all its words ("s", "of", "republic"…) to find its few matches, and an OR waits
    for that walk: without it "who said what about China" stays fast.
    """
    alternatives = _alternatives(phrases)
    tokens = [fts_rows.tokens(q[1:-1]) for q in alternatives]
    lean = [
        q
        for q, mine in zip(alternatives, tokens, strict=True)
        if mine is None or not any(other is not None and _holds(mine, other) for other in tokens)
    ]
    return " OR ".join(lean) or None


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
    within = match_any(phrases)
    return f"({expression}) AND {{{column}}} : ({within})" if within else expression
