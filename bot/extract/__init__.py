"""Who said what: quoted and reported speech in an article, with speakers, roles and entities.

`extract(text, title)` is pure and deterministic; see the modules beside it for each step.
"""

from __future__ import annotations

from bot.contract import QuoteKind
from bot.extract.attribute import find_sources
from bot.extract.entities import entities
from bot.extract.filters import not_speech
from bot.extract.people import People
from bot.extract.reported import reported
from bot.extract.phrase import Source
from bot.extract.resolve import resolve
from bot.extract.text import Layout, Stretch, layout
from bot.models import Extraction, Quote

__all__ = ["extract"]


def extract(text: str, title: str | None = None) -> Extraction:
    """Quotes (direct and reported) and entities found in `text`; `title` is only a hint."""
    if not text or not text.strip():
        return Extraction()
    L = layout(text)
    people = People(text, L.masked, 0)
    found = find_sources(L)
    for f in found:
        if f.source is not None and f.source.kind == "name":
            people.mark_source(f.source.text)
    quotes: list[Quote] = []
    unnamed: dict[str, Source] = {}
    last_group: str | None = None
    last_speaker: str | None = None
    last_para = -1
    for f in found:
        s = f.stretch
        if f.source is None and not_speech(L, s):
            continue
        src = f.source
        if src is None:
            speaker, role, cue = _fallback(people, L, s, last_speaker, last_para)
        else:
            speaker, role = resolve(src, people, L.sentence_start, last_group)
            cue = f.cue
            if src.kind in {"unnamed", "org"}:
                last_group = speaker
                unnamed.setdefault(speaker, src)
        quotes.append(Quote(s.start, s.end, text[s.start : s.end], speaker, role, cue))
        last_speaker, last_para = speaker, s.para
    direct = [(q.start, q.end) for q in quotes]
    for a, b, src, cue in reported(L):
        if any(a <= s0 and e0 <= b for s0, e0 in direct) and src.kind == "pronoun":
            pass  # a report that frames a partial quote still counts as reported speech
        speaker, role = resolve(src, people, L.sentence_start, last_group)
        quotes.append(Quote(a, b, text[a:b], speaker, role, cue, QuoteKind.REPORTED))
    quotes.sort(key=lambda q: (q.start, q.kind))
    return Extraction(tuple(quotes), entities(people, unnamed))


def _fallback(
    people: People, L: Layout, s: Stretch, last_speaker: str | None, last_para: int
) -> tuple[str | None, str | None, str | None]:
    """No cue near the stretch: a person named earlier in its sentence, the previous paragraph's
    speaker, else the last person named."""
    p = people.first_between(L.sentence_start(s.start), s.start)
    if p is not None:
        return p.name, None, None
    if last_speaker is not None and s.para - last_para <= 1:
        return last_speaker, None, None
    p = people.last_before(s.start)
    return (p.name if p is not None else last_speaker), None, None
