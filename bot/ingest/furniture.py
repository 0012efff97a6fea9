"""Tell page furniture ("Load more", "Share this", "Tags …") from the article's paragraphs.

A line is furniture only when it is short and matches a known shape, or when it
sits in the short unpunctuated tail that follows such a line; real paragraphs are
never dropped for being short alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.dates import WrittenTime, parse_written_time

_SHORT_WORDS = 12  # furniture is a label or a button, never a paragraph
_LEGAL_WORDS = 40  # copyright notices run longer
_TERMINAL = tuple('.!?…"”’')

_FURNITURE = re.compile(
    r"""(?:
        advertisement|advertising|ad|sponsored(?:\ content)?|paid\ content
      | (?:see|view|show)\ all\b.*
      | (?:load|show|view|see)\ more(?:\ \w+)?
      | most\ (?:popular|read|viewed|shared|emailed)(?:\ \w+)?
      | (?:related|recommended|trending|latest|up\ next)(?:\ \w+){0,2}:?
      | share(?:\ this)?(?:\ (?:article|story|page|post))?(?:\ (?:on|via)\ .*)?
      | (?:(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|print|pinterest|flipboard
            |copy\ link|share)[\s|·•,/]*)+
      | read\ (?:more|next|also|the\ full\ story)\b.*
      | (?:sign\ up|subscribe|register)\b.*
      | (?:get|download)\ (?:the|our)\ app\b.*
      | follow\ us\b.*
      | (?:skip\ to|jump\ to)\ (?:main\ )?(?:content|navigation)
      | back\ to\ top
      | click\ here\b.*
      | listen\ to\ this\ article\b.*
      | comments?(?:\ \(\d+\))?|\d+\ comments?
      | watch\ (?:live|now|more|the\ video)\b.*
      | more\ (?:from|on)\ [^.!?]*
    )""",
    re.I | re.X,
)
_LEGAL = re.compile(r"(?:copyright\b|©|\(c\)\s*\d{4}|all\ rights\ reserved\b).*", re.I | re.X)
_TAGS = re.compile(r"(?:Tags|TAGS|Tags:|Topics:|Filed under:|Related topics:)\s+(?P<tags>.+)")
_STAMP = re.compile(r"(?:last\ )?(?:updated|published|posted)(?:\ (?:at|on))?\b.*", re.I | re.X)


@dataclass(frozen=True)
class Cleaned:
    """The body without furniture, and the metadata the furniture carried."""

    body: str
    tag_lines: tuple[str, ...] = ()
    times: tuple[WrittenTime, ...] = ()
    dropped: tuple[str, ...] = ()


def is_furniture(line: str) -> bool:
    """A short line that is a page label or button, not article text."""
    words = len(line.split())
    if words <= _SHORT_WORDS and _FURNITURE.fullmatch(line):
        return True
    return words <= _LEGAL_WORDS and bool(_LEGAL.fullmatch(line))


def _written_time(line: str) -> WrittenTime | None:
    if len(line.split()) > _SHORT_WORDS or not _STAMP.fullmatch(line):
        return None
    return parse_written_time(line)


def _tag_line(line: str) -> str | None:
    match = _TAGS.fullmatch(line)
    if not match or line.endswith(_TERMINAL[:4]) or len(line.split()) > 80:
        return None
    return match["tags"].strip()


def _is_real(line: str) -> bool:
    return line.endswith(_TERMINAL) or len(line.split()) >= 10


def clean(text: str) -> Cleaned:
    """Split `text` into blocks (blank-line separated) and lines, drop furniture, keep the rest.

    Block and line breaks of what is kept are preserved, so hard-wrapped text stays whole.
    """
    lines: list[tuple[int, str]] = []  # (block number, stripped line)
    block = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            lines.append((block, line))
        elif lines and lines[-1][0] == block:
            block += 1
    kinds: list[str] = []
    tag_lines: list[str] = []
    times: list[WrittenTime] = []
    for _, line in lines:
        if (tags := _tag_line(line)) is not None:
            tag_lines.append(tags)
            kinds.append("tags")
        elif (written := _written_time(line)) is not None:
            times.append(written)
            kinds.append("meta")
        elif is_furniture(line):
            kinds.append("furniture")
        else:
            kinds.append("body")
    _drop_tail(lines, kinds)
    blocks: dict[int, list[str]] = {}
    for (number, line), kind in zip(lines, kinds, strict=True):
        if kind == "body":
            blocks.setdefault(number, []).append(line)
    body = "\n\n".join("\n".join(kept) for kept in blocks.values())
    dropped = tuple(line for (_, line), kind in zip(lines, kinds, strict=True) if kind != "body")
    return Cleaned(body, tuple(tag_lines), tuple(times), dropped)


def _drop_tail(lines: list[tuple[int, str]], kinds: list[str]) -> None:
    """After the last real paragraph, a short unpunctuated line next to furniture is furniture too.

    E.g. a section name between "Most Popular" and "Load more"; nothing is dropped
    this way unless the tail holds at least one line recognised for certain.
    """
    real = (i for i, kind in enumerate(kinds) if kind == "body" and _is_real(lines[i][1]))
    last_real = max(real, default=-1)
    tail = range(last_real + 1, len(kinds))
    if not any(kinds[i] != "body" for i in tail):
        return
    for i in tail:
        if kinds[i] == "body":
            kinds[i] = "furniture"
