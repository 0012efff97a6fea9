"""Who said what: quoted and reported speech in an article, with speakers, roles and entities.

`extract(text, title)` is pure and deterministic; see the modules beside it for each step.
"""

from __future__ import annotations

import re

from bot.contract import QuoteKind
from bot.extract.attribute import Found, find_sources
from bot.extract.entities import entities
from bot.extract.filters import markup, not_speech, title_of_work
from bot.extract.keep import features as keep_features
from bot.extract.keep import keep
from bot.extract.people import People
from bot.extract.phrase import Source
from bot.extract.rank import Ask, Feats, candidates, choose
from bot.extract.reported import reported
from bot.extract.resolve import resolve
from bot.extract.subject import sentence_subject
from bot.extract.text import Layout, Stretch, layout
from bot.extract.transcript import labelled, transcript
from bot.models import Extraction, Quote

__all__ = ["Trace", "extract"]

_AND = re.compile(r",? (?:and|or|&) ")


# each stretch with no cue: its span, mode, ranked candidates and keep signals
Trace = list[tuple[int, int, str, list[tuple[str | None, Feats]], Feats]]


def extract(text: str, title: str | None = None, trace: Trace | None = None) -> Extraction:
    """Quotes (direct and reported) and entities found in `text`; `title` is only a hint.
    `trace`, if given, gets what the learned steps saw of each stretch with no cue."""
    if not text or not text.strip():
        return Extraction()
    L = layout(text)
    people = People(text, L.masked, 0)
    found = find_sources(L)
    for f in found:
        if f.source is not None and f.source.kind == "name":
            people.mark_source(f.source.text, f.source.pos)
    # a name that speaks in reported speech ("…, Okonkwo said.") is surely a person, and so
    # an antecedent for a later "he said"
    said = list(reported(L))
    for _a, _b, src, _cue in said:
        if src.kind == "name":
            people.mark_source(src.text, src.pos)
    unnamed: dict[str, Source] = {}
    lines = list(transcript(L.text, people))
    quotes = _direct(L, people, found, unnamed, lines, trace)
    quotes.extend(_reported(L, people, unnamed, said))
    quotes.extend(_transcript(lines, L))
    quotes.sort(key=lambda q: (q.start, q.kind))
    return Extraction(tuple(quotes), entities(people, unnamed))


def _direct(
    L: Layout,
    people: People,
    found: list[Found],
    unnamed: dict[str, Source],
    lines: list[tuple[int, int, str]],
    trace: Trace | None = None,
) -> list[Quote]:
    items: list[tuple[Stretch, str | None, str | None, str | None, bool]] = []
    # a transcript's turns: whatever is quoted in a turn is its speaker's, titles and all
    turns = {L.para_index(a): (a, speaker) for a, _b, speaker in lines}
    history: list[tuple[int, str | None]] = []  # paragraph and speaker of each quote so far
    last_group: str | None = None  # the last unnamed or organisation source: "they" in a tail
    prev: tuple[int, str | None] = (-9, None)  # paragraph and speaker of the last quote
    for f in found:
        s = f.stretch
        if s.para in turns:
            a, speaker = turns[s.para]
            if s.start < a:  # "“HALE: Well, …": the words start after the name
                s = Stretch(a, s.end, s.para, s.closed)
            items.append((s, speaker, None, ":", True))
            continue
        if markup(L, s) or title_of_work(L, s):
            continue
        src, cue = f.source, f.cue
        subj: Source | None = None  # the sentence's subject, of any kind, for a stretch with no cue
        if src is None:
            why = not_speech(L, s)
            if why == "short":
                # "She calls herself “pro-farmer”": the subject's words, if a person's
                src = subj = sentence_subject(
                    L.text, L.masked, L.sentence_start(s.start), s.start - 1
                )
                if src is None:
                    continue
            elif why is not None:
                continue
        if src is None:
            # no cue: the subject of the sentence the stretch sits in, if it has one
            src = subj = sentence_subject(
                L.text, L.masked, L.sentence_start(s.start), s.start - 1, False
            )
            if src is not None and src.kind == "name" and not _person(people, src):
                src = None  # "China and Russia have …": a place is nobody's voice here
        said = L.text[s.start : s.end]
        if src is None and prev[0] == s.para - 1 and prev[1] and L.paras[s.para][0] == s.start - 1:
            # a quote that fills the paragraph after a quoted speaker goes on in the same voice
            (speaker, role), mode = (prev[1], None), "para"
        elif src is None:
            (speaker, role), mode = (_fallback(people, L, s.start), None), "none"
        else:
            speaker, role = resolve(src, people, L.sentence_start, last_group, said)
            mode = "subj" if f.source is None else ""
            if src.kind in {"unnamed", "org"}:
                last_group = speaker
                unnamed.setdefault(speaker, src)
        if mode:
            # no cue: the rules only guess here, so a learned ranker weighs the people named
            # nearby, and a learned test drops the stretches unlikely to be anyone's words
            ask = Ask(s.start, s.end, speaker, mode, _subject(L, people, subj))
            cands = candidates(people, L, ask, said, history)
            best, scores = choose(cands, mode)
            if best != speaker:
                speaker, role = best, None
            chosen = next((cf for name, cf in cands if name == best), None) if best else None
            # dropped when the odds are that it is nobody's words or not that speaker's
            own = subj is not None and best is not None and _full(people, subj) == best
            kf = keep_features(L, s, mode, scores, chosen, own)
            if trace is not None:
                trace.append((s.start, s.end, mode, cands, kf))
            if not keep(kf):
                continue
        if src is not None and src.kind == "pronoun" and speaker and speaker != src.text:
            people.mark_pronoun(speaker, src.pos)
        history.append((s.para, speaker))
        # only a whole quote with a cue of its own speaks on into the next paragraph
        full = f.source is not None and L.text.count(" ", s.start, s.end) >= 3
        prev = (s.para, speaker if full else None)
        items.append((s, speaker, role, cue, f.how in {"head", "tail", "colon"}))
    return _join(L, items, set(turns))


def _join(
    L: Layout,
    items: list[tuple[Stretch, str | None, str | None, str | None, bool]],
    turns: set[int],
) -> list[Quote]:
    """One quote per quotation: a paragraph that opens a quote and leaves it open goes on in
    the next paragraph's opening mark, so the pieces are one quote, credited to the first
    piece with a cue of its own ("He said: “… ¶ “…”" or "“… ¶ “…,” he said")."""
    quotes: list[Quote] = []
    i = 0
    while i < len(items):
        j = i
        while (
            j + 1 < len(items)
            # in a transcript a paragraph that opens with a name ("VIDEO: …", too) is a new turn
            and not (turns and labelled(L.text, L.paras[items[j + 1][0].para][0]))
            and _continues(L, items[j][0], items[j + 1][0])
        ):
            j += 1
        group = items[i : j + 1]
        i = j + 1
        if len(group) == 1 and not group[0][0].closed and not group[0][4]:
            continue  # opened, never closed nor continued, and no cue: no telling what it is
        _, speaker, role, cue, _ = next((it for it in group if it[4]), group[0])
        a, b = group[0][0].start, group[-1][0].end
        quotes.append(Quote(a, b, L.text[a:b], speaker, role, cue))
    return quotes


def _continues(L: Layout, s: Stretch, nxt: Stretch) -> bool:
    return not s.closed and nxt.para == s.para + 1 and nxt.start - 1 == L.paras[nxt.para][0]


def _reported(
    L: Layout, people: People, unnamed: dict[str, Source], said: list[tuple[int, int, Source, str]]
) -> list[Quote]:
    quotes: list[Quote] = []
    for a, b, src, cue in said:
        speaker, role = resolve(src, people, L.sentence_start, None)
        if src.kind in {"unnamed", "org"}:
            unnamed.setdefault(speaker, src)
        quotes.append(Quote(a, b, L.text[a:b], speaker, role, cue, QuoteKind.REPORTED))
    return quotes


def _transcript(lines: list[tuple[int, int, str]], L: Layout) -> list[Quote]:
    """Each turn of a transcript as its speaker's words, unless its paragraph is quoted
    whole: then that quote is the turn, and is in already."""
    out: list[Quote] = []
    for a, b, speaker in lines:
        if L.text[L.paras[L.para_index(a)][0]] not in '"“':
            out.append(Quote(a, b, L.text[a:b], speaker, None, ":"))
    return out


def _subject(
    L: Layout, people: People, src: Source | None
) -> tuple[str, int, tuple[str, ...]] | None:
    """A sentence's subject as the ranker sees it: its fullest name, position, and tags for its
    kind, for being one of several ("X and Y") and for a name not surely a person's."""
    if src is None:
        return None
    tags = [src.kind]
    if _AND.match(L.masked, src.pos + len(src.text)):
        tags.append("and")
    if src.kind == "name" and not _person(people, src):
        if "and" in tags:
            return None  # "China and Russia have …": places together are nobody's voice
        tags.append("unsure")  # "Japan branded it …": a country or a body may speak
    return _full(people, src), src.pos, tuple(tags)


def _full(people: People, src: Source) -> str:
    """A source's name as the article gives it in full, or its words as written."""
    p = people.lookup(src.text, src.pos) if src.kind == "name" else None
    return p.name if p is not None else src.text


def _person(people: People, src: Source) -> bool:
    """The name is surely a person's: a first name, a title, or two words or more."""
    p = people.lookup(src.text, src.pos)
    return p is not None and (p.sure or len(p.tokens) > 1)


def _fallback(people: People, L: Layout, pos: int) -> str | None:
    """No cue near the stretch: a person named earlier in its sentence, else the last person
    named before it (a previous quote's speaker proved a worse guess)."""
    p = people.first_between(L.sentence_start(pos), pos) or people.last_before(pos)
    return p.name if p is not None else None
