"""Article layout: paragraphs, quoted stretches (curly and straight marks) and sentence bounds."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.extract.lexicon import ABBREVIATIONS

_PARA = re.compile(r"[^\n]+")
_MARK = re.compile(r"[\"“”]")
# A sentence ends at . ! ? (maybe followed by a closing mark or bracket) and white space.
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z0-9“\"‘(])")
_LAST_WORD = re.compile(r"[\w.]+$")


@dataclass(frozen=True)
class Stretch:
    """Words inside one pair of quotation marks; `closed` is False when the paragraph ends first."""

    start: int
    end: int
    para: int
    closed: bool


@dataclass(frozen=True)
class Layout:
    text: str
    masked: str  # text with every quoted stretch blanked, so cues are sought outside quotes
    paras: tuple[tuple[int, int], ...]
    stretches: tuple[Stretch, ...]
    sent_starts: tuple[int, ...]  # sorted sentence start offsets (paragraph starts included)

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self.sent_starts, pos) - 1
        return self.sent_starts[i] if i >= 0 else 0

    def sentence_index(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def sentence_end(self, pos: int) -> int:
        i = bisect_right(self.sent_starts, pos)
        return self.sent_starts[i] if i < len(self.sent_starts) else len(self.text)

    def para_index(self, pos: int) -> int:
        """Index of the paragraph holding `pos` (or the last one before it)."""
        return max(0, bisect_right(self.paras, (pos, len(self.text) + 1)) - 1)

    def para_end(self, pos: int) -> int:
        """End of the paragraph holding `pos` (paragraph starts are sentence starts too)."""
        i = bisect_right(self.paras, (pos, len(self.text) + 1)) - 1
        return self.paras[i][1] if i >= 0 else len(self.text)


def _scan(text: str, para: int, p0: int, p1: int, out: list[Stretch]) -> None:
    opened = -1
    for m in _MARK.finditer(text, p0, p1):
        ch, i = m.group(), m.start()
        if ch == "“":
            opened = i  # a second opener without a closer restarts: the first was a typo
        elif opened < 0:
            if ch == '"':
                opened = i
        else:
            if i - opened > 2:
                out.append(Stretch(opened + 1, i, para, True))
            opened = -1
    if opened >= 0 and p1 - opened > 3:
        end = p1
        while end > opened + 1 and text[end - 1].isspace():
            end -= 1
        out.append(Stretch(opened + 1, end, para, False))


def _is_abbreviation(masked: str, dot: int) -> bool:
    lo = max(0, dot - 12)
    sp = masked.rfind(" ", lo, dot)  # the word before the dot starts after the last space
    m = _LAST_WORD.search(masked, sp + 1 if sp >= 0 else lo, dot)
    if not m:
        return False
    word = m.group().lower()
    return word in ABBREVIATIONS or len(word) == 1 or "." in word


def layout(text: str) -> Layout:
    paras = tuple((m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip())
    stretches: list[Stretch] = []
    for i, (p0, p1) in enumerate(paras):
        _scan(text, i, p0, p1, stretches)
    parts: list[str] = []
    last = 0
    for s in stretches:
        parts.append(text[last : s.start])
        # keep a closing . ! ? visible so that the quote can end its sentence
        keep = 1 if s.end > s.start and text[s.end - 1] in ".!?" else 0
        parts.append("x" * (s.end - s.start - keep))
        last = s.end - keep
    parts.append(text[last:])
    masked = "".join(parts)
    starts: list[int] = []
    for p0, p1 in paras:
        starts.append(p0)
        for m in _SENT_END.finditer(masked, p0, p1):
            if m.end() < p1 and not (
                masked[m.start()] == "." and _is_abbreviation(masked, m.start())
            ):
                starts.append(m.end())
    return Layout(text, masked, paras, tuple(stretches), tuple(starts))
