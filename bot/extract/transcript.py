"""Transcript lines without quotation marks: "PRUITT: Do you think …" as direct speech."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.extract.people import People

# an upper-case name of one to three words opening a paragraph (maybe after the quotation mark
# of a transcript quoted whole: "HALE: Well, …), then a colon and the words
_LINE = re.compile(
    r"^[ \t]*[\"“]?([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):[ \t\xa0]+(\S[^\n]*)", re.M
)

_CANDIDATE = re.compile(r"[A-Z][A-Z'’.\-]+:[ \t\xa0]")

# editorial labels that look like a speaker's name
_NOTES = frozenset(
    {
        "correction",
        "update",
        "updated",
        "editor's note",
        "editor’s note",
        "note",
        "previously",
        "breaking",
        "watch",
        "read",
        "related",
        "clarification",
        "disclosure",
        "photos",
        "video",
        "see also",
        "source",
        "sources",
        "credit",
        "warning",
        "spoiler",
        "q",
        "a",
    }
)


def transcript(text: str, people: People) -> Iterator[tuple[int, int, str]]:
    """(start, end, speaker) of each transcript line, when the article reads as a transcript:
    two or more people speak in turns, or the speaker is someone the article names."""
    if not _CANDIDATE.search(text):
        return  # most articles have no "NAME: " line; a scan for one is cheap
    lines = [m for m in _LINE.finditer(text) if m.group(1).lower() not in _NOTES]
    if not lines:
        return
    speakers = {m.group(1) for m in lines}
    for m in lines:
        name = m.group(1).title()
        p = people.lookup(name)
        if p is None and len(speakers) < 2:
            continue  # "CORRECTION: …", "UPDATE: …" are notes, not speech
        start, end = m.start(2), m.end(2)
        while end > start and text[end - 1].isspace():
            end -= 1
        yield start, end, p.name if p is not None else name


def labelled(text: str, start: int) -> bool:
    """The paragraph at `start` opens with an upper-case name and a colon, as a turn does."""
    return _LINE.match(text, start) is not None
