"""Whether a quoted stretch with no cue is worth reporting: a learned guess (weights in
rank_weights.py) that it is someone's words and that its speaker is the one found."""

from __future__ import annotations

import math
import re

from bot.extract.cues import CUE
from bot.extract.rank import Feats
from bot.extract.rank_weights import KEEP
from bot.extract.text import Layout, Stretch

_WORD = re.compile(r"[\w'’\-]+")
_BEFORE = re.compile(r"(?:\b(the|a|an|of|in|as|for|to|and|or|his|her|their|its)|([,:—–-]))\s*$")
# keep at these odds of a right speaker or better: a quote kept raises who-said-what F1 only
# when its odds pass half the F1 (about 0.8 here), and 0.4 is the best of 0.25 to 0.5 on train
THRESHOLD = 0.4


def features(
    L: Layout,
    s: Stretch,
    mode: str,
    scores: list[float],
    chosen: Feats | None,
    own: bool,
) -> Feats:
    """Signals of the stretch (its length, shape and place) and of how sure the ranker was."""
    inner = L.text[s.start : s.end].rstrip()
    n = len(_WORD.findall(inner))
    f: Feats = {"bias": 1.0, "mode:" + mode: 1.0}
    f[
        "w" + ("1" if n <= 1 else "2" if n == 2 else "5" if n <= 5 else "12" if n <= 12 else "long")
    ] = 1
    f["end_stop"] = float(inner.endswith((".", "!", "?")))
    f["end_comma"] = float(inner.endswith(","))
    f["cap"] = float(inner[:1].isupper())
    f["closed"] = float(s.closed)
    opener = s.start - 1
    f["para_start"] = float(opener == L.paras[s.para][0])
    f["sent_start"] = float(opener == L.sentence_start(opener))
    lo, hi = L.sentence_start(opener), L.sentence_end(s.end)
    f["cue_in_sent"] = float(CUE.search(L.masked, lo, hi) is not None)
    m = _BEFORE.search(L.text, max(0, opener - 12), opener)
    if m:
        f["before:" + ("word" if m.group(1) else "punct")] = 1.0
    f["nobody"] = float(chosen is None)
    if chosen is not None:
        f["best_person"] = chosen.get("sure", 0.0)  # a person named near the quote
        f["best_in_sent"] = chosen.get("in_q_sent", 0.0)  # named in the quote's sentence
    f["own"] = float(own)  # the speaker is the sentence's subject
    if scores:
        top = max(scores)
        f["top"] = 1 / (1 + math.exp(-top))
        second = max((x for x in scores if x < top), default=top - 5.0)
        f["margin"] = min(top - second, 5.0) / 5
    return f


def keep(f: Feats) -> bool:
    z = sum(KEEP.get(k, 0.0) * v for k, v in f.items())
    return 1 / (1 + math.exp(-z)) >= THRESHOLD if KEEP else True
