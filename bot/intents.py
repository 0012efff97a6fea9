"""Free text -> `Query`: tidy the text, lift out outlet and time words, then the ordered table in
`bot.intent_rules` decides the intent (first match wins; order is the priority).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from rapidfuzz import fuzz, process

from bot.contract import Intent, Query
from bot.intent_rules import RULES
from bot.timewords import find_period

MAX_CHARS = 500  # a question, not an essay: longer text is cut at a word boundary


# -- tidying ------------------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "`": "'", "´": "'"})
_ADDRESS = re.compile(
    r"^(?:<@[!&]?\w+>|@[\w.-]+|/ask\b|news\s?bot\b|"
    r"(?:hey|hi|hello|yo|ok|okay|so|um|oh|dear|good\s+(?:morning|afternoon|evening))\b"
    r"(?:\s+(?:news\s?bot|bot)\b)?)[\s,:;!.-]*",
    re.IGNORECASE,
)
_POLITE = re.compile(
    r"^(?:please|pls|plz|kindly|(?:can|could|would|will)\s+you(?:\s+please)?|"
    r"(?:can|could|may)\s+i\s+(?:get|have|see)|i(?:\s+would|'d)\s+like(?:\s+to\s+know)?|"
    r"i\s+want(?:\s+to\s+know)?|do\s+you\s+know|show\s+me|give\s+me|get\s+me|send\s+me|"
    r"let\s+me\s+know|(?:show|list|display|fetch)(?:\s+me)?|thanks|thank\s+you|thx|"
    r"tell\s+me(?!\s+(?:more\s+)?about\b))\b[\s,:]*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|for\s+me|newsbot|news\s+bot)$",
    re.IGNORECASE,
)
_DANGLING = re.compile(
    r"(?<!going)(?<!\bme)\s+(?:about|on|regarding|for|with|of|in|from|by|to|at|and)$", re.I
)
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")  # "U.S." keeps its last full stop
_PAGE = re.compile(r"[\s,]*\b(?:page|p\.)\s*(?P<page>\d{1,3})$", re.IGNORECASE)


def clean_text(text: str) -> str:
    """Printable, normalised, single-spaced, at most `MAX_CHARS`: what `Query.text` keeps."""
    if not isinstance(text, str):
        return ""
    chars = []
    for ch in text[: MAX_CHARS * 4]:
        category = unicodedata.category(ch)
        if category in {"Cc", "Zl", "Zp"}:
            chars.append(" ")  # newlines and tabs separate words
        elif category not in {"Cf", "Cs", "Cn"}:  # zero-width, bidi marks, lone surrogates
            chars.append(ch)
    cleaned = unicodedata.normalize("NFKC", "".join(chars)).translate(_APOSTROPHES)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > MAX_CHARS:
        cut = cleaned[:MAX_CHARS]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut[-80:] else cut
    return cleaned


def _trim_end(text: str) -> str:
    """Drop trailing punctuation, dangling prepositions and "please", keeping "U.S."."""
    while True:
        before = text
        text = text.rstrip(" ?!,;:…")
        if text.endswith(".") and not _ABBREV_END.search(text):
            text = text.rstrip(".")
        text = _TRAILING.sub("", text)
        text = _DANGLING.sub("", text)
        if text == before:
            return text


def _trim_start(text: str) -> str:
    while True:
        before = text
        text = text.lstrip(" ,.;:!?-")
        text = _ADDRESS.sub("", text, count=1)
        text = _POLITE.sub("", text, count=1)
        if text == before:
            return text


_OPERATORS = frozenset({"OR", "AND", "NOT", "NEAR"})
_NOISE = re.compile(r"[\"“”„‟«»‹›*^(){}\[\]<>|\\~=+#@$%;!?]+")


def _tidy(value: str | None, *, possessive: bool = False) -> str | None:
    """A topic or speaker without quotes, FTS symbols, stray dashes or a leading "the"."""
    if value is None:
        return None
    text = _NOISE.sub(" ", value)
    text = re.sub(r"(?<!\d):|:(?!\d)", " ", text)
    text = re.sub(r"(?<!\w)'+|'+(?!\w)", " ", text)  # quoting apostrophes; "people's" stays
    text = re.sub(r"(?<!\w)-+|-+(?!\w)", " ", text)  # "-Biden", " - "
    words = text.split()
    if any(w not in _OPERATORS for w in words):  # FTS habits: "Ukraine OR Russia" -> both words
        text = " ".join(w for w in words if w not in _OPERATORS)
    text = _trim_end(" ".join(text.split())).strip(" ,/&–—")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    if possessive:
        text = re.sub(r"'s$", "", text, flags=re.IGNORECASE)
    return text if any(ch.isalnum() for ch in text) else None


# -- outlets ------------------------------------------------------------------------------------

_OUTLET_LEAD = re.compile(
    r"(?<!\w)(?:from|by|in|at|on|per|via|according\s+to)\s+(?:the\s+)?", re.IGNORECASE
)
_TLD_WORDS = "com org net gov edu info news io co uk au ca de fr in"
_TLD = frozenset(_TLD_WORDS.split())


def _outlet_key(name: str) -> str:
    """ "The Hill", "thehill.com" and "the Hill's" all become "hill"."""
    text = unicodedata.normalize("NFKD", name).lower().strip()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text)
    if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+/?", text):
        labels = [p for p in text.rstrip("/").split(".") if p]
        while len(labels) > 1 and labels[-1] in _TLD:
            labels.pop()
        text = labels[-1]
    text = re.sub(r"'s\W*$", "", text)
    text = re.sub(r"^the\s+", "", text)
    key = re.sub(r"[\W_]+", "", text)
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def _find_outlet(body: str, outlets: Iterable[str]) -> tuple[str | None, str]:
    """A known outlet named after "from/by/in/at/on" (exact first, then a near spelling)."""
    keys: dict[str, str] = {}
    for outlet in outlets:
        if isinstance(outlet, str) and (key := _outlet_key(outlet)):
            keys.setdefault(key, outlet)
    if not keys:
        return None, body
    spans: list[tuple[int, int, str]] = []  # (start, end, candidate key), longest first per lead
    for lead in _OUTLET_LEAD.finditer(body):
        words = list(re.finditer(r"\S+", body[lead.end() :]))[:5]
        for word in reversed(words):
            end = lead.end() + word.end()
            spans.append((lead.start(), end, _outlet_key(body[lead.end() : end])))
    found = next(((s, e, keys[k]) for s, e, k in spans if k in keys), None)
    if found is None:
        choices = list(keys)
        for start, end, key in spans:
            if len(key) < 5:  # "by AP" must be exact; a near miss of a short name is noise
                continue
            hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=90)
            if hit is not None:
                found = (start, end, keys[hit[0]])
                break
    if found is None:
        return None, body
    start, end, outlet = found
    return outlet, " ".join((body[:start] + " " + body[end:]).split())


# -- parse --------------------------------------------------------------------------------------


def _match(body: str) -> tuple[Intent, str | None, str | None]:
    for rule in RULES:
        m = rule.pattern.match(body)
        if m is None or (rule.when is not None and not rule.when(m)):
            continue
        groups = m.groupdict()
        return rule.intent, groups.get("topic"), groups.get("speaker")
    return Intent.HELP, None, None


def parse(text: str, now: datetime, outlets: Iterable[str] = ()) -> Query:
    """Understand a question. Never raises: unusable text becomes a HELP query."""
    cleaned = clean_text(text)
    body = _trim_end(_trim_start(cleaned))
    outlet, body = _find_outlet(body, outlets)
    period, body = find_period(body, now)
    page = 1
    if (m := _PAGE.search(body)) is not None:
        page, body = max(1, int(m.group("page"))), body[: m.start()]
    body = re.sub(r"(?<!\d):(?!\d)", " ", body)  # "latest on: China", "re: Ukraine"
    intent, topic, speaker = _match(_trim_end(_trim_start(" ".join(body.split()))))
    topic, speaker = _tidy(topic), _tidy(speaker, possessive=True)
    if (intent in {Intent.WHO, Intent.SAID} and speaker is None) or (
        intent is Intent.SEARCH and topic is None
    ):
        intent = Intent.HELP  # "who is ???": nothing to look up
    return Query(
        intent=intent,
        topic=topic,
        speaker=speaker,
        period=period,
        outlet=outlet,
        text=cleaned,
        page=page,
    )
