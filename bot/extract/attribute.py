"""Find the cue and source of each quoted stretch: after it, before it, or carried over."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.clauses import (
    after_preposition,
    document,
    new_clause,
    opens_subordinate,
    subordinate,
)
from bot.extract.cues import CUE, cue_text, plural_noun
from bot.extract.lexicon import NOUN_MARKERS, SPEECH_NOUNS, SPEECH_VERBS, words
from bot.extract.phrase import Source
from bot.extract.signed import owner_before, signature, words_of
from bot.extract.subject import object_after, sentence_subject, subject_before
from bot.extract.text import Layout, Stretch
from bot.extract.tokens import tokens

_DASH = re.compile(r"\s*[―—–-]{1,2}\s*(?=[A-Z])")
_PREV_WORD = re.compile(r"(\w+)$")
_SAID_WORD = re.compile(r"\s+(?:yes|no|nothing)\b")
_PER = re.compile(r",?\s+per\s+(?=(?:the|a|an|his|her|their|its)\s|[A-Z])")
# "a sharp note", "a Ray Dunmore tweet": an article and a few words before a cue that is
# also a noun make it one; not after a lower-case plural ("the authors note") nor with a
# past tense ("the members wrote")
_NOUNISH = SPEECH_VERBS & SPEECH_NOUNS
_ARTICLE_ADJ = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)(?:\s+[\w’'-]+){0,2}\s+"
    r"(?:[A-Z][\w’'-]*|[\w’'-]*[^s\W]|[\w-]+['’]s|[\w’'-]*ss)$"
)
_PREPOSITIONS = words(
    """
    after before by for in on since upon when while without
    """
)
_NEW_CLAUSE = re.compile(
    r"[\s,]*(?:and|but|while|whereas|because|although|though|if|when|until|after|before|since"
    r"|unless|once)\s"
)
_OUTER = re.compile(r",?\s+(according to|reports|reported)\s+(?=[A-Z]|the\s[A-Z])")
_PASSIVE_AUX = words("is are was were be been being")
_BY = re.compile(r"\s+by\s+")
_CLAUSE_GOES_ON = re.compile(r"\s+[a-z]")
_OBJECT_PREPS = words("with to for about against at from of like than")
_COORDINATED = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s")
_LEAD_PUNCT = re.compile(r"[\s,.?!;—–-]*$")


@dataclass(frozen=True)
class Found:
    """A stretch with the source found for it and how: tail, head, colon, carry or none."""

    stretch: Stretch
    source: Source | None
    cue: str | None
    how: str


def _at_cue(L: Layout, m: re.Match[str], lo: int, hi: int, sent: int) -> Source | None:
    """The source of a cue: its subject, or what follows an inverted cue or 'according to'."""
    verb = m.group()
    if verb in {"according to", "According to"}:
        return object_after(L.text, L.masked, m.end(), hi)
    if _LEAD_PUNCT.match(L.masked, lo, m.start()) and not verb.endswith("ing"):
        return object_after(L.text, L.masked, m.end(), hi)  # ",” said Jen Psaki"
    before = L.masked[lo : m.start()].rstrip()
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word == "to":
        return None  # "a case to say that …": an infinitive is no speech act of its own
    if prev_word in _PASSIVE_AUX and verb.endswith("ed"):
        # "Brum was asked by the moderator whether …": the agent speaks, else nobody named
        by = _BY.match(L.masked, m.end(), hi)
        return object_after(L.text, L.masked, by.end(), hi) if by else None
    if verb[-1:] not in "sdg" and (
        prev_word in NOUN_MARKERS or (verb in _NOUNISH and _ARTICLE_ADJ.search(before))
    ):
        return None  # "a tweet", "his subsequent post": the cue word is a noun here
    if plural_noun(verb, before):
        return None
    if verb.endswith("ing") and (before.endswith(",") or prev_word in _PREPOSITIONS):
        src = sentence_subject(L.text, L.masked, sent, m.start(), people_only=False)
        if src is not None:
            return src
        if before.endswith(","):
            # "Although she praised them, she struck a gloomy tone, saying …": the subject of
            # the clause the participle closes
            clause = L.masked.rfind(",", sent, lo + len(before) - 1) + 1
            src = sentence_subject(L.text, L.masked, clause, m.start()) if clause > sent else None
            if src is not None:
                return src
    src = subject_before(L.text, L.masked, max(lo, m.start() - 160), m.start())
    if src is not None:
        if (verb.endswith("ing") or verb == "called") and document(src):
            # "Smith issued a statement saying …", "a video called …": the maker speaks
            maker = sentence_subject(L.text, L.masked, sent, src.pos, people_only=False)
            if maker is not None and not document(maker):
                return maker
        if src.kind in {"unnamed", "desc"} and after_preposition(L.masked, lo, src.pos):
            # "Students walking across the campus chanted …": the phrase's object is not
            # the subject, the sentence's is
            subj = sentence_subject(L.text, L.masked, sent, src.pos, people_only=False)
            if subj is not None and subj.pos < src.pos:
                return subj
        return src
    if verb.endswith("ing") or prev_word == "and":
        # "Haldane tweeted Monday, saying …", "Fenn criticized the plan and said …":
        # the subject opens the sentence
        return sentence_subject(L.text, L.masked, sent, m.start())
    if before.endswith(","):
        # "... in the 2012 race, said Lakeview College professor Ann Tillery", but not
        # "Quill, 44, an illustrator, said the festival represented …": a clause follows
        obj = object_after(L.text, L.masked, m.end(), hi)
        if obj is not None and _CLAUSE_GOES_ON.match(L.masked, obj.pos + len(obj.text), hi):
            return None
        return obj
    return None


def _tail(L: Layout, s: Stretch, nxt: int) -> tuple[Source, str, bool] | None:
    """A cue after the closing mark, before the sentence or paragraph ends or the next quote."""
    if not s.closed:
        return None
    lo = s.end + 1
    end = L.sentence_end(lo)
    extended = L.text[s.end - 1 : s.end] in {"?", "!"} and end - lo <= 2
    if extended:
        # “Why?” she asked: the mark need not end the sentence, but a cue before the quote
        # ("She responded: “Why?” Her opponents held it up …") comes first
        end = L.sentence_end(end)
    hi = min(end, nxt, L.paras[s.para][1])
    if s.start - 1 == L.paras[s.para][0] and not L.masked[lo : L.paras[s.para][1]].strip(" .,"):
        return signature(L, s.para + 1)  # a quote that fills its paragraph
    if hi <= lo:
        return None
    if _NEW_CLAUSE.match(L.masked, lo, hi):
        return None  # “…” and Jones says …: the cue opens a clause of its own
    words = L.masked.count  # word counts by spaces: cheap, and exact enough for distances
    for m in CUE.finditer(L.masked, lo, hi):
        if _SAID_WORD.match(L.masked, m.end(), hi):
            continue  # "“…,” Lee said yes": her words are "yes", not the quote's
        if words(" ", lo, m.start()) > 20:
            # far from the quote, only a sentence-final "…, said X." or "…, X said." counts
            comma = L.masked.rfind(",", lo, m.start())
            if comma < 0 or words(" ", comma, m.start()) > 6 or words(" ", m.end(), hi) > 9:
                continue
            src = _at_cue(L, m, comma, hi, lo)
            if src is None and _LEAD_PUNCT.match(L.masked, comma, m.start()):
                # "“…,” Robert Doe, attorney for the groups, said in a statement."
                src = subject_before(L.text, L.masked, lo, m.start())
                if src is not None and src.kind != "name":
                    src = None
            if src is not None:
                return src, cue_text(L.masked, m), False
            continue
        co = _COORDINATED.search(L.masked, max(lo, m.start() - 40), m.start())
        if co is not None and words(" ", co.end(), m.start()) <= 3:
            break  # “…,” for instance, and Haldane vowed …: a clause of its own, someone else's
        src = _at_cue(L, m, lo, hi, lo)
        if src is not None:
            direct = not extended and words(" ", lo, m.start()) <= 5
            outer = _OUTER.search(L.masked, m.end(), hi)
            if outer is not None:
                # "“…,” Fenn said, according to CNN": a report of a report is credited
                # to the outer source, which is the one the article can vouch for
                o = object_after(L.text, L.masked, outer.end(), hi)
                if o is not None and o.kind in {"name", "org"}:
                    return o, outer.group(1), direct
            return src, cue_text(L.masked, m), direct
    per = _PER.match(L.masked, lo, hi)
    if per and (L.text[s.end - 1] == "," or L.masked[lo : lo + 1] == ","):
        # "“…,” per the party’s bylaws": the record quoted speaks; only after a comma, as
        # "a “maintenance fee” per the lease" is a scare quote
        src = object_after(L.text, L.masked, per.end(), hi)
        if src is not None:
            return src, "per", False
    d = _DASH.match(L.masked, lo, hi)
    if d:
        # a vox-pop line: “…” ― Name, 45, a teacher
        src = object_after(L.text, L.masked, d.end(), hi)
        if src is not None and src.kind == "name":
            return src, "―", False  # a cue before the quote, if any, comes first
    return None


def _main_clause(masked: str, after: int, src: Source, m: re.Match[str], opener: int) -> bool:
    """A named subject with a finite cue, set off from the subordinate clause before it by a
    comma or a dash, and not itself an aside closed by another before the quote: the main
    clause."""
    return (
        src.kind in {"name", "pronoun"}
        and not m.group().endswith("ing")
        and any(c in masked[after : src.pos] for c in ",―—")
        and not any(c in masked[m.end() : opener] for c in "―—")
    )


def _shown_speaking(masked: str, src: Source, m: re.Match[str]) -> bool:
    """ "… footage of Tom Reyes saying, “…”": someone shown or heard speaking, whatever the
    sentence's own subject did."""
    prev = _PREV_WORD.search(masked, max(0, src.pos - 12), src.pos - 1)
    return (
        src.kind == "name"
        and m.group().endswith("ing")
        and prev is not None
        and prev.group(1) in {"of", "shows", "showed", "showing", "hear", "heard"}
    )


_HEAD_REACH = 1000  # characters


def _head(L: Layout, s: Stretch, prev_end: int) -> tuple[Source, str] | None:
    """A cue before the opening mark in the same sentence, after any earlier quote there
    ("Tate accuses Pell of “…” and Haldane says he is “…”": Haldane's)."""
    opener = s.start - 1
    # a cue more than _HEAD_REACH before the quote is not its cue, and reading no further
    # keeps a sentence of many quotes from being read again for each of them
    far = max(0, opener - _HEAD_REACH)
    if far:
        far = L.masked.find(" ", far, opener) + 1 or far  # from a whole word
    sent = max(L.sentence_start(opener), L.paras[s.para][0], far)
    lo = max(sent, prev_end)
    if opener <= lo:
        if s.para == 0 or opener != L.paras[s.para][0]:
            return None
        # "He said:" closing the paragraph before a quote that fills the next one
        p0, p1 = L.paras[s.para - 1]
        end = p0 + len(L.masked[p0:p1].rstrip())
        if L.masked[end - 1 : end] != ":":
            return None
        sent = lo = L.sentence_start(end - 1)
        opener = end
    head = L.masked[lo:opener].rstrip()
    # a quote introduced right after "X said:" belongs to the last cue; a partial quote inside
    # reported speech belongs to the outer (first) speaker
    introduced = head.endswith(":")
    best: tuple[Source, str] | None = None
    weak: tuple[Source, str] | None = None  # a cue in an introductory clause, if nothing else
    best_subordinate, best_end = False, lo
    for m in CUE.finditer(L.masked, lo, opener):
        if m.group() in {"according to", "According to"}:
            hi = L.masked.find(",", m.end(), opener)
            src = object_after(L.text, L.masked, m.end(), hi if hi > 0 else opener)
        else:
            src = _at_cue(L, m, lo, opener, sent)
        if src is not None:
            if not introduced and subordinate(L.masked, lo, m, opener):
                # "After the interview concluded, Maher said …": a verb that ends its own
                # clause introduces nothing; a later cue in the sentence is the quote's
                weak = weak or (src, cue_text(L.masked, m))
                continue
            if (
                not introduced
                and best is not None
                and not new_clause(L.masked, lo, src)
                and not (best_subordinate and _main_clause(L.masked, best_end, src, m, opener))
                and not _shown_speaking(L.masked, src, m)
            ):
                continue  # a partial quote in reported speech is the outer speaker's
            best = (src, cue_text(L.masked, m))
            # "When Falk noted that … ― Reyes boasted, “…”": a later cue is the main clause's
            best_subordinate = opens_subordinate(L.masked, lo, m.start())
            best_end = m.end()
    if best is not None or weak is not None:
        return best or weak
    if head.endswith(":"):
        colon = lo + len(head) - 1
        src = None
        # "HEADLINE OF THE ITEM - Jane Roe:": the source is what follows the last dash
        hyphen, dash = L.masked.rfind(" - ", lo, colon), L.masked.rfind("—", lo, colon)
        start = max(lo, hyphen + 3 if hyphen >= 0 else lo, dash + 1 if dash >= 0 else lo)
        src = words_of(L.masked, start, colon)
        toks = tokens(L.masked, start, colon)
        if toks and toks[0][0] in _OBJECT_PREPS:
            # "… and compared the nominee with Varga:": an object, the subject speaks
            src = src or sentence_subject(L.text, L.masked, sent, colon, people_only=False)
        elif src is None and len(toks) <= 6:
            src = subject_before(L.text, L.masked, start, colon)
        if src is not None and src.kind in {"unnamed", "desc"} and src.pos > start:
            # "Pell delivered a sharp retort:": the object names the words, not the voice
            subj = sentence_subject(L.text, L.masked, sent, src.pos, people_only=False)
            src = subj if subj is not None else src
        if src is None:
            # "She went on:", "Haldane had this to say:": the subject opens the sentence
            src = sentence_subject(L.text, L.masked, lo, colon, people_only=False)
        if src is not None:
            return src, ":"
    return owner_before(L.masked, lo, opener)


def find_sources(L: Layout) -> list[Found]:
    found: list[Found] = []
    st = L.stretches
    for i, s in enumerate(st):
        nxt = st[i + 1].start - 1 if i + 1 < len(st) else len(L.text)
        tail = _tail(L, s, nxt)
        if tail is not None and tail[2]:
            found.append(Found(s, tail[0], tail[1], "tail"))
            continue
        prev_end = st[i - 1].end + 1 if i > 0 and st[i - 1].closed else 0
        head = _head(L, s, prev_end) if prev_end else None
        if head is None:
            head = _head(L, s, 0)
        if head is not None:
            found.append(Found(s, head[0], head[1], "head" if head[1] != ":" else "colon"))
        elif tail is not None:
            found.append(Found(s, tail[0], tail[1], "tail"))
        else:
            found.append(Found(s, None, None, "none"))
    return _carry(L, found)


def _carry(L: Layout, found: list[Found]) -> list[Found]:
    """Stretches without a cue take the source of the quote they continue, or the next one's."""
    out = list(found)
    for i, f in enumerate(out):
        if f.source is not None or i == 0:
            continue
        prev = out[i - 1]
        same_para = prev.stretch.para == f.stretch.para
        continues = not prev.stretch.closed and prev.stretch.para == f.stretch.para - 1
        if prev.source is not None and (same_para or continues):
            out[i] = Found(f.stretch, prev.source, prev.cue, "carry")
    for i in range(len(out) - 2, -1, -1):
        f, nx = out[i], out[i + 1]
        between = L.masked[f.stretch.end + 1 : nx.stretch.start - 1]
        adjacent = nx.stretch.para == f.stretch.para and not between.strip(" ,.;:—–-")
        if f.source is None and nx.source is not None and adjacent:
            out[i] = Found(f.stretch, nx.source, nx.cue, "carry")
    return out
