"""A learned guess at the speaker of a quote with no cue: the people named around it and the
rules' answer, scored by a linear model (rank_weights.py, from benchmarks/train_speakers.py)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.extract.cues import CUE
from bot.extract.people import People
from bot.extract.person import Person
from bot.extract.rank_weights import WEIGHTS
from bot.extract.text import Layout

BACK = 2500  # how far before a quote a person named is still a candidate
Feats = dict[str, float]
_SD = tuple(f"sd{i}" for i in range(5))  # sentences back to the last mention
_PD = tuple(f"pd{i}" for i in range(4))  # paragraphs back
_RANK = tuple(f"rank{i}" for i in range(4))  # persons named since
_OPENS = tuple(f"opens{i}" for i in range(3))
_PREV = tuple(f"prev_para{i}" for i in range(3))
# a lower-case word right after a name, which is no preposition or conjunction: mostly a verb
_VERB_NEXT = re.compile(
    r"(?:,[^,.;\n]{1,30},)? (?!(?:and|or|of|in|on|at|to|for|with|from|by|as|but|who|which)\b)[a-z]"
)


@dataclass(frozen=True)
class Ask:
    """A quoted stretch with no cue: its span, the rules' guess at its speaker and how they
    made it (para: the paragraph before spoke on; subj: the sentence's subject; none: the
    last person named), and the sentence's subject of any kind: name, position, tags."""

    start: int
    end: int
    rule: str | None
    mode: str
    subject: tuple[str, int, tuple[str, ...]] | None = None


def candidates(
    people: People, L: Layout, ask: Ask, said: str, history: list[tuple[int, str | None]]
) -> list[tuple[str | None, Feats]]:
    """(speaker, features) for the rules' answer and each person named near the quote;
    `history` holds (paragraph, speaker) of the quotes before it."""
    people.prepare(L.sentence_start)
    ments = people.mentions
    lo, hi = people.around(ask.start - BACK, ask.start)
    last: dict[int, int] = {}  # person id -> index of its last mention before the quote
    count: dict[int, int] = {}
    for i in range(lo, hi):
        k = id(ments[i].person)
        last[k] = i
        count[k] = count.get(k, 0) + 1
    q_sent, q_para = L.sentence_start(ask.start - 1), L.para_index(ask.start)
    a_lo, a_hi = people.around(ask.end, min(ask.end + 300, L.paras[q_para][1]))
    after: dict[int, int] = {}
    for i in range(a_lo, a_hi):
        after.setdefault(id(ments[i].person), i)
    persons: dict[int, Person] = {}
    for i in (*last.values(), *after.values()):
        p = ments[i].person
        if p.sure or len(p.tokens) > 1:
            persons[id(p)] = p
    rank = {k: r for r, k in enumerate(sorted(last, key=lambda k: -last[k]))}
    prev = history[-1] if history else (-9, None)
    spoke: dict[str | None, int] = {}
    for _, sp in history:
        spoke[sp] = spoke.get(sp, 0) + 1
    a_sent = L.sentence_index(ask.start - 1)
    out: list[tuple[str | None, Feats]] = []
    rule_seen = False
    for key, p in persons.items():
        f: Feats = {"bias": 1.0}
        if p.name == ask.rule:
            rule_seen = True
            f["rule"] = f["rule:" + ask.mode] = 1.0
        i = last.get(key)
        if i is not None:
            m = ments[i]
            s0 = L.sentence_start(m.pos)
            sd = min(a_sent - L.sentence_index(m.pos), 4)
            f[_SD[sd]] = 1.0
            f[_PD[min(q_para - L.para_index(m.pos), 3)]] = 1.0
            f["cd"] = math.log1p(ask.start - m.pos) / 8
            f[_RANK[min(rank[key], 3)]] = 1.0
            f["weak"] = float(people.weak(m))
            f["spoke"] = float(people.spoke_at(m.pos))
            opens = float(m.pos == s0 or m.end == 0)
            f["opens"] = f[_OPENS[min(sd, 2)]] = opens
            if m.end:
                # "Valastro praised …", "Clinton, clearly frustrated, responded": a subject
                f["cue_after"] = float(CUE.search(people.masked, m.end, m.end + 40) is not None)
                f["verb_after"] = float(_VERB_NEXT.match(people.masked, m.end) is not None)
            f["first"] = float(_first_in_sentence(people, i, s0))
            f["poss"] = float(m.possessive)
            f["in_q_sent"] = float(s0 == q_sent)
            f["win"] = math.log1p(count[key])
        else:
            f["no_before"] = 1.0
        j = after.get(key)
        if j is not None:
            f["after"] = 1.0
            f["after_sent"] = float(L.sentence_start(ments[j].pos) == q_sent)
        f["sure"] = float(p.sure)
        f["multi"] = float(len(p.tokens) > 1)
        f["role"] = float(bool(p.roles))
        f["in_quote"] = float(p.tokens[-1] in said)
        f["spoke_n"] = math.log1p(spoke.get(p.name, 0))
        if prev[1] == p.name:
            f["prev"] = 1.0
            f[_PREV[min(q_para - prev[0], 2)]] = 1.0
        out.append((p.name, f))
    if not rule_seen:
        known = ask.rule is not None
        f = {"rule": 1.0, "rule:" + ask.mode: 1.0, "rule_other": float(known)}
        f["rule_none"] = float(not known)
        out.append((ask.rule, f))
    if ask.subject is not None:
        name, pos, tags = ask.subject
        f = next((cf for n, cf in out if n == name), None)
        if f is None:
            f = {"other": 1.0}
            out.append((name, f))
        f["subj"] = 1.0
        for t in tags:
            f["subj:" + t] = 1.0
        # "The two parties met often, culminating in Tate and Pell signing a pact that
        # declared …": far from its subject, with others named in between
        f["subj_far"] = math.log1p(L.text.count(" ", pos, ask.start)) / 4
        s_lo, s_hi = people.around(pos + len(name), ask.start)
        f["subj_others"] = float(any(ments[i].person.name != name for i in range(s_lo, s_hi)))
    return out


def expand(f: Feats, mode: str) -> Feats:
    """The features as the model sees them: each mode weighs the same signals its own way,
    so each also comes keyed by the mode."""
    return f | {mode + "|" + k: v for k, v in f.items()}


def _first_in_sentence(people: People, i: int, s0: int) -> bool:
    """No strong mention of another person opens the sentence before mention `i`."""
    k = i - 1
    while k >= 0 and people.mentions[k].pos >= s0:
        p = people.mentions[k].person
        if (p.sure or len(p.tokens) > 1) and not people.weak(people.mentions[k]):
            return False
        k -= 1
    return True


# mode -> each feature's weight plus its mode-keyed weight, so that scoring needs no `expand`;
# derived from the constant weights only, so the cache changes no answer
_TABLES: dict[str, dict[str, float]] = {}


def use(weights: dict[str, float]) -> None:
    """Swap in other weights (for training)."""
    WEIGHTS.clear()
    WEIGHTS.update(weights)
    _TABLES.clear()


def _table(mode: str) -> dict[str, float]:
    t = _TABLES.get(mode)
    if t is None:
        t = _TABLES[mode] = dict(WEIGHTS)
        pre = mode + "|"
        for k, v in WEIGHTS.items():
            if k.startswith(pre):
                base = k[len(pre) :]
                t[base] = t.get(base, 0.0) + v
    return t


def scores(cands: list[tuple[str | None, Feats]], mode: str) -> list[float]:
    t = _table(mode)
    return [sum(t.get(k, 0.0) * v for k, v in f.items()) for _, f in cands]


def choose(cands: list[tuple[str | None, Feats]], mode: str) -> tuple[str | None, list[float]]:
    """The best-scored candidate (the first, as built, on a tie) and every candidate's score."""
    sc = scores(cands, mode)
    best = max(range(len(sc)), key=sc.__getitem__) if sc else -1
    return (cands[best][0] if best >= 0 else None), sc
