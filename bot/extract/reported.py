"""Reported speech: "X said (that) …", "…, X said.", "according to X, …" outside quotation marks."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from bot.extract.cues import CUE_WORDS, cue_text, listener, plural_noun, trie
from bot.extract.lexicon import TIME_WORDS, words
from bot.extract.phrase import Source
from bot.extract.subject import object_after, subject_before
from bot.extract.text import Layout

# Cues that introduce a clause of content; "called" and "described" take labels, not clauses.
# the present tense a group speaks in: "Critics argue …"; not "I admit", "may argue"
_BASE_FORMS = words(
    """
    argue warn insist contend acknowledge admit explain predict complain deny confirm say
    """
)
_CLAUSE_CUES = _BASE_FORMS | words(
    """
    acknowledged acknowledges added adds admits admitted announced announces argued argues
    asserted asserts claimed claims conceded concedes contended contends declared declares
    emphasized explained explains insisted insists noted notes predicted predicts said say
    says stressed suggested suggests tells told warned warns writes wrote according_to
    reported reports confirmed confirms denied denies promised promises vowed vows pledged
    pledges recalled recalls revealed reveals indicated indicates complained complains
    maintained maintains stated testified testifies tweeted alleged alleges hinted
    """
)
_MODAL = re.compile(r"\b(?:can|could|may|might|must|should|would|will)$")
# only the cues that take a clause are sought: most speech verbs in a text are not
_CLAUSE_CUE = re.compile(trie(_CLAUSE_CUES & CUE_WORDS | {"according to", "According to"}))
# "said (earlier this week) that …": a few words may come between the cue and "that"
_THAT = re.compile(r"\s*(?P<that>(?:[\w’'.-]+\s+){0,4}?that\s+)?")
_CLOSE = re.compile(r"[”\"][^”\"]*$")
# "told a committee on Monday that …", "told lawmakers the state …": a listener in lower case
_WORDS_THAT = re.compile(r"\s*(?:[\w’'.-]+\s+){1,12}?that\s+(?=\w)")
_TOLD_ONE = re.compile(r"\s*[a-z]+\s+(?=(?:the|a|an|he|she|it|they|we|his|her|their|there)\s)")
# "said during a news conference that …", "claimed in an interview with X that …"
_SETTING_THAT = re.compile(
    r"\s*(?:in|during|at|after|before|on)\s+(?:[\w’'.-]+\s+){1,10}?that\s+(?=\w)"
)
# content never opens with these: "which she said was …", "“…,” he said of the plan"
_NOT_OPENERS = {"of", "about", "was", "were", "is", "are", "had", "has", "have", "would", "will"}
_MIN_WORDS = 4
_LONGEST = 2000  # characters of a sentence that can hold reported speech
# "told reporters later Thursday the U.S. …": a time phrase after the cue is not content
_WHEN = (TIME_WORDS | {"early", "late"}) - {"that", "also", "again", "then", "recently"}
_WORD = re.compile(r"\s*([A-Za-z]+)\b")
# after a skipped time phrase the content opens a clause: "said Monday the city …", not
# "said Monday marks the start …", where the day is the subject
_CLAUSE_STARTS = words(
    """
    the a an that he she it they we i you his her its their our there these those
    in at during after before on
    """
)
# "said about 30 people were hurt": "about" before a number opens content after all
_ABOUT_N = re.compile(
    r"\s*about\s+(?:\d|a\s+(?:dozen|third|quarter|half|hundred|thousand)\b|half\b|one\b|two\b|three\b)"
)
# a short aside before its verb: "The vote, she said, will come next week"
_AUX_NEXT = re.compile(
    r"[\s,]*(?:is|are|was|were|will|would|could|can|should|may|might|must|has|have|had)\b"
)
_OPENERS = {"on", "this", "last", "early", "late"}  # "said on behalf of", "said this plan"
# what may follow a trailing attribution: "…, X said, as the talks went on."
_TRAILER = re.compile(
    r"[\s,]*(?:as|while|when|after|before|amid|because|adding|noting|citing|since|though"
    r"|although|but|and|in|on|at|during|referring|according)\b|[\s,]*\w+ing\b"
)
# "… tells the Ledger in a phone interview.": where it was said, not what
# (each word after a space and taken whole, so a failed match cannot split it many ways)
_SETTING_ONLY = re.compile(r"\s*(?:in|during|at|on)(?:\s+[\w’'.-]++){1,5}[\s.!?'’”\"]*$")
_SETTING_QUOTE = re.compile(r"\s*(?:in|during|at|on)(?:\s+[\w’'-]++){1,5}[,:.]\s*(?:[“\"]|''|xxxx)")
_DIRECT: tuple = ()  # the sentence's cue introduces a direct quote: no reported speech in it
_THAT_BEFORE = re.compile(r"\bthat\s+$")
_BARE_THAT = re.compile(r"\s*that\s+")
# a quote mark next, or quoted words as the mask shows them (each character an "x")
_QUOTE_NEXT = re.compile(r"[\s,:]*(?:[“\"]|''|xxxx)")
_NEGATED = re.compile(
    r"(?:not|\bnever|n[’']t|\bneither|\bnor)"
    r"(?:\s+(?:yet|ever|once|publicly|immediately|independently))?$"
)
_WHICH = re.compile(r"\b(?:which|what)$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+$")


def reported(L: Layout) -> Iterator[tuple[int, int, Source, str]]:
    """(start, end, source, cue) of reported content, one per sentence at most."""
    starts = L.sent_starts
    done = -1
    for m in _CLAUSE_CUE.finditer(L.masked):
        cue = m.group().lower()
        if cue not in _CLAUSE_CUES:
            continue
        i = bisect_right(starts, m.start()) - 1
        if i == done:
            continue
        lo = starts[i]
        hi = starts[i + 1] if i + 1 < len(starts) else len(L.text)
        hi = min(hi, L.para_end(lo))
        if hi - lo > _LONGEST:
            done = i  # no prose sentence is this long; each cue in it would read it all
            continue
        body = L.masked[lo:hi].rstrip()
        if len(body) < 20 or body.count("x") * 2 > len(body):
            done = i  # mostly a direct quote: that is handled as one
            continue
        end = lo + len(body)
        if m.start() >= end or _PASSIVE.search(L.masked, max(lo, m.start() - 8), m.start()):
            continue
        found = _one(L, m, lo, end, cue)
        if found is not None:
            done = i
            if found is not _DIRECT:
                yield found


def _one(L: Layout, m: re.Match[str], lo: int, end: int, cue: str) -> tuple | None:
    if cue == "according to":
        comma = L.masked.find(",", m.end(), end)
        src = object_after(L.text, L.masked, m.end(), comma if comma > 0 else end)
        if src is None:
            return None
        if m.start() - lo < 3 and comma > 0:
            return _content(L, comma + 1, end, src, cue)
        return _content(L, lo, L.masked.rfind(",", lo, m.start()), src, cue)
    return _after_subject(L, m, lo, end, cue)


def _after_subject(L: Layout, m: re.Match[str], lo: int, end: int, cue: str) -> tuple | None:
    """ "X said (that) …", "…, X said.", and the asides between."""
    before = L.masked[lo : m.start()].rstrip()
    if plural_noun(cue, before):
        return None
    close = _CLOSE.search(before)
    if close and before.count(" ", close.start()) <= 8:
        return None  # "“…,” Okafor said in a statement": the cue of a direct quote
    if _NEGATED.search(before[-30:]):  # the tail only: a search from every position
        return None  # "did not say whether …", "would neither confirm nor deny": unsaid
    if cue in _BASE_FORMS and (_MODAL.search(before[-7:]) or L.masked[end - 1 : end] == "?"):
        return None  # "critics may argue", "No one can deny", "Why do critics argue …?"
    if _WHICH.search(before[-7:]):
        # "the WTO, which writes the rules …", "what adds up to …": a relative clause's
        # verb names a deed as often as a saying; only a quote after it tells
        return None
    src = subject_before(L.text, L.masked, max(lo, m.start() - 160), m.start())
    if src is None:
        if before.endswith(","):
            # "…, said X." with nothing after the source but the end of the sentence
            src = object_after(L.text, L.masked, m.end(), end)
            if src is not None and len(L.masked[m.end() : end].split()) <= 6:
                return _content(L, lo, lo + len(before) - 1, src, cue)
        return None
    if cue in _BASE_FORMS and cue != "say" and src.text.lower() in {"i", "we", "you"}:
        return None  # "I admit I was wrong": the writer's own words, not a report
    after = _content_start(L.masked, m.end(), end, cue)
    rest = L.masked[after:end]
    if _SETTING_QUOTE.match(rest):
        return _DIRECT  # "X said in a statement, “…”", "said on CNN. ''…''"
    first = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    said = len(rest.split()) >= _MIN_WORDS and not _SETTING_ONLY.match(rest)
    if said and first[:1] not in {",", ".", ";"}:
        if first in _NOT_OPENERS and rest.lstrip()[:1].islower() and not _ABOUT_N.match(rest):
            that = _THAT_BEFORE.search(L.masked, m.end(), after)
            if that is None:
                return None  # the cue sits in a clause of its own: "which I said was …"
            if not L.masked[m.end() : that.start()].strip():
                after = that.start()  # "said that was a mistake": "that" is the subject
            elif again := _WORDS_THAT.match(L.masked, after, end):
                after = again.end()  # "said in a letter that was sent … that …": the second
            else:
                return None
        return _content(L, after, end, src, cue_text(L.masked, m))
    if _QUOTE_NEXT.match(rest) or rest.lstrip().startswith(":"):
        return None  # "In 1963, X said, “…”" or "X said:": the cue of a direct quote
    cue = cue_text(L.masked, m)
    comma = L.masked.rfind(",", lo, src.pos)
    aside = rest.lstrip().startswith(",") and not _TRAILER.match(rest)
    if comma <= lo:
        if aside and after > m.end():
            return _content(L, after + 1, end, src, cue)  # "X said Friday, the plan …"
        return None
    if aside and (len(rest.split()) > 6 or _AUX_NEXT.match(rest)):
        # an aside inside the content: "The plan, she said, was never costed", kept whole
        return _content(L, lo, end, src, cue)
    return _content(L, lo, comma, src, cue)  # a trailing attribution: "…, X said on Monday."


def _content_start(masked: str, i: int, end: int, cue: str) -> int:
    """Where the content begins after the cue ending at `i`: past "that", the person told
    and a time or setting phrase."""
    that = _THAT.match(masked, i, end)  # "said (on Monday) that", "told Tate and Pell that"
    if that.group("that") or cue not in {"told", "tells"}:
        i = that.end()
    else:
        t = (
            listener(masked, i, end)
            or _WORDS_THAT.match(masked, i, end)  # "told a committee on Monday that …"
            or _TOLD_ONE.match(masked, i, end)  # "told lawmakers the state …"
        )
        i = t.end() if t is not None else end
    i = _past_when(masked, i, end)
    setting = _SETTING_THAT.match(masked, i, end)
    if setting is not None:
        return setting.end()
    that = _BARE_THAT.match(masked, i, end)
    return that.end() if that is not None else i


def _past_when(masked: str, i: int, end: int) -> int:
    """Skip a time phrase that opens the content ("later Thursday", "on Monday"), unless
    it is the content's subject: "said Friday was the deadline", "this week's vote"."""
    j, last = i, ""
    while (m := _WORD.match(masked, j, end)) is not None and m.group(1).lower() in _WHEN:
        j, last = m.end(), m.group(1).lower()
    if j == i or last in _OPENERS:
        return i
    if masked[j : j + 1] == ",":
        return j  # "…, X said Friday, adding …": the attribution ends there
    nxt = _WORD.match(masked, j, end)
    if masked[j : j + 1] in {"’", "'"} or nxt is None:
        return i
    word = nxt.group(1)
    return j if word.lower() in _CLAUSE_STARTS or word[:1].isupper() else i


def _content(L: Layout, a: int, b: int, src: Source, cue: str) -> tuple | None:
    while a < b and L.text[a] in " ,:":
        a += 1
    if L.text[a : a + 1] in {"“", '"'} or L.text[a : a + 2] == "''":
        return None  # "X said: “…”" is a direct quote, already taken
    if L.text[a : a + 2] in {"’s", "'s"}:
        return None  # "told ABC’s “…” …": the rest of a listener's name, not content
    if cue != "according to":
        # "he said Beijing would pay, according to officials": who vouches for the report
        # is no part of what was said
        # (only when it closes the sentence: "…, according to an audit, had failed" goes on)
        vouched = L.masked.rfind(", according to ", a, b)
        if (
            vouched >= 0
            and "," not in L.masked[vouched + 1 : b]
            and len(L.text[a:vouched].split()) >= _MIN_WORDS
        ):
            b = vouched
    while b > a and L.text[b - 1] in " ,.;:":
        b -= 1
    if b <= a or len(L.text[a:b].split()) < _MIN_WORDS:
        return None
    return a, b, src, cue
