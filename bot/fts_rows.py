"""The row-side twin of `bot.fts`: does stored text match one of our MATCH strings?

Decided in Python exactly as the store's unicode61 tokenizer would, for text whose only
non-ASCII characters are punctuation, spaces or symbols (always separators); for anything
else the answer is None and the caller asks FTS5 itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

# Non-ASCII punctuation, spaces and symbols news text uses (curly quotes, dashes, no-break
# spaces, bullets, currency, arrows) that SQLite's Unicode tables know as separators; newer
# characters are tokens to it. tests/test_fts_rows.py checks each against the tokenizer.
_BLOCKS = ((0x80, 0x100), (0x2000, 0x2066), (0x20A0, 0x20BA), (0x2190, 0x23F4), (0x3000, 0x3040))
SEPARATORS = "".join(
    chr(c)
    for start, end in _BLOCKS
    for c in range(start, end)
    if unicodedata.category(chr(c))[0] in "PZS" or unicodedata.category(chr(c)) in {"Cc", "Cf"}
)
# remove_diacritics 2 folds a Latin letter with diacritics to its base letter and drops the
# combining marks it knows: "Pyöngyang" is the token "pyongyang". Also checked by the tests.
_MARKS = (*range(0x300, 0x305), *range(0x306, 0x30D), 0x30F, 0x311, 0x31B, *range(0x323, 0x329))
MARKS = frozenset((*_MARKS, 0x32D, 0x32E, 0x330, 0x331))
_LATIN = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))


def _base(c: int) -> str | None:
    base, *marks = unicodedata.normalize("NFD", chr(c))
    if base.isascii() and base.isalpha() and marks and all(ord(m) in MARKS for m in marks):
        return base
    return None


FOLDS = {c: b for c in _LATIN if c not in (0x1E0, 0x1E1) and (b := _base(c)) is not None}
_FOLD = str.maketrans({**FOLDS, **dict.fromkeys(MARKS)})
_UNSURE = re.compile(r"[^\x00-\x7f" + re.escape(SEPARATORS) + "]")
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
# A whole parenthesised (or whole) list of alternatives: `("a" OR "b")`.
_ONE_OF = re.compile(r'(^|\()("(?:[^"]|"")*"(?: OR "(?:[^"]|"")*")*)(?=\)|$)')
_SYNTAX = re.compile(r'\s*(?:("(?:[^"]|"")*")|(\()|(\))|\{(\w+)\}\s*:|(AND|OR)(?=[\s("{]))')

Columns = Sequence[str | None]
RowTest = Callable[[Columns], bool | None]


def _folded(text: str) -> str | None:
    """`text` lower-cased with diacritics folded, or None if it holds what we cannot fold."""
    if not text.isascii() and _UNSURE.search(text):
        text = text.translate(_FOLD)  # slow per character, so only for the few that need it
        if _UNSURE.search(text):
            return None
    return text.lower()


def tokens(text: str) -> tuple[str, ...] | None:
    """The tokens unicode61 makes of `text`, folded; None when we cannot be sure of them."""
    folded = _folded(text)
    return None if folded is None else tuple(_TOKEN.findall(folded))


def _phrase(quoted: str, where: tuple[int, ...]) -> RowTest | None:
    words = tokens(quoted[1:-1].replace('""', '"'))
    if not words:
        return None
    # Adjacent tokens: one or more separators between them, none glued on either side.
    found = re.compile(
        r"(?<![a-z0-9])" + r"[^a-z0-9]+".join(words) + r"(?![a-z0-9])", re.ASCII
    ).search

    def test(row: Columns) -> bool:
        # Rows arrive lower-cased; a substring check of each word rules most of them out.
        for i in where:
            text = row[i]
            if text is None:
                continue
            for word in words:
                if word not in text:
                    break
            else:
                if found(text):
                    return True
        return False

    return test


def _parse(text: str, names: Sequence[str]) -> RowTest | None:
    """Our own grammar only: phrases, parentheses, one operator per level, `{column} :`."""
    pos = 0
    stack: list[tuple[list[RowTest], list[str], tuple[int, ...]]] = [([], [], ())]
    everywhere = tuple(range(len(names)))
    scope: tuple[int, ...] | None = None  # a pending `{column} :` for the next operand
    while pos < len(text.rstrip()):
        m = _SYNTAX.match(text, pos)
        if m is None:
            return None
        pos = m.end()
        quoted, opening, closing, column, op = m.groups()
        items, ops, inherited = stack[-1]
        if column is not None:
            if column not in names or scope is not None or inherited:
                return None  # nested filters intersect in FTS5; we never build them
            scope = (names.index(column),)
        elif op is not None:
            ops.append(op)
        elif quoted is not None:
            test = _phrase(quoted, scope or inherited or everywhere)
            if test is None:
                return None
            items.append(test)
            scope = None
        elif opening is not None:
            stack.append(([], [], scope or inherited))
            scope = None
        elif closing is not None:
            if len(stack) < 2:
                return None
            group = _combine(*stack.pop()[:2])
            if group is None:
                return None
            stack[-1][0].append(group)
    if len(stack) != 1 or scope is not None:
        return None
    return _combine(*stack[0][:2])


def _combine(items: list[RowTest], ops: list[str]) -> RowTest | None:
    if not items or len(ops) != len(items) - 1 or len(set(ops)) > 1:
        return None  # mixed AND/OR would need FTS5's precedence rules: not ours to guess
    if len(items) == 1:
        return items[0]
    want = ops[0] == "OR"  # the verdict that settles it early

    def test(row: Columns) -> bool:
        for item in items:
            if item(row) is want:
                return want
        return not want

    return test


def loosen(expression: str) -> str | None:
    """`expression` with each phrase of several words cut to one of its words: it matches
    every row the original does (and more), and FTS5 finds those rows without walking the
    rows that hold all the phrase's words. None when no phrase can be cut.

    The word kept is one another phrase uses already if there is one ("korea" for "democratic
    people's republic of korea" next to "north korea"), else the longest, the last on a tie.
    """
    found = [tokens(m.group(1).replace('""', '"')) for m in _QUOTED.finditer(expression)]
    first = [w[0] if len(w) == 1 else max(reversed(w), key=len) for w in found if w]
    if all(w is None or len(w) < 2 for w in found):
        return None
    picks = iter(found)

    def one(m: re.Match[str]) -> str:
        words = next(picks)
        if words is None or len(words) < 2:
            return m.group(0)
        longest = max(reversed(words), key=len)
        others = set(first) - {longest}
        return '"' + next((w for w in reversed(words) if w in others), longest) + '"'

    return _ONE_OF.sub(_distinct, _QUOTED.sub(one, expression))


def _distinct(group: re.Match[str]) -> str:
    # "john" OR "john" OR "john": FTS5 would walk the same long list once for each.
    items = dict.fromkeys(m.group(0) for m in _QUOTED.finditer(group.group(2)))
    return group.group(1) + " OR ".join(items)


def row_test(expression: str, names: Sequence[str]) -> RowTest | None:
    """A test of a row's columns (in the order `names`) against `expression`, or None when
    the expression is not one `bot.fts` builds or its words are not plain ASCII.

    The test returns None for a row whose text holds letters or marks beyond ASCII.
    """
    parsed = _parse(expression, names)
    if parsed is None:
        return None

    def test(row: Columns) -> bool | None:
        folded = [_folded(c) if c else None for c in row]
        if any(f is None and c for f, c in zip(folded, row, strict=True)):
            return None
        return parsed(folded)

    return test
