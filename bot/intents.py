"""Free text -> `Query`: tidy the text, lift out outlet and time words, then an ordered table of
patterns decides the intent (first match wins; order is the priority, never pattern length).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process

from bot import topics
from bot.contract import Intent, Query
from bot.timewords import find_period

MAX_CHARS = 500  # a question, not an essay: longer text is cut at a word boundary


@dataclass(frozen=True)
class Rule:
    """One row of the table: an intent, an anchored pattern, an optional extra condition."""

    intent: Intent
    pattern: re.Pattern[str]
    when: Callable[[re.Match[str]], bool] | None = None


def _known_topic(m: re.Match[str]) -> bool:
    return topics.known(m.group("topic"))


_ABOUT = r"(?:about|on|regarding|concerning|over|re|around)"
_TOPIC = rf"(?:\s+{_ABOUT}\s+(?P<topic>.+))?"
_TOPIC_TO = r"(?:\s+(?:about|on|regarding|concerning|over|re|around|to|with)\s+(?P<topic>.+))?"
_PEOPLE = r"(?:people|folks|they|everyone|everybody|others|officials|experts|leaders|politicians)"
_STORIES = r"(?:news|headlines|stories|updates?|developments?|articles?|coverage)"
_IN_ON = r"(?:on|about|with|for|regarding|concerning|in|re|from|around|at)"

_TABLE: tuple[tuple[Intent, str, Callable[[re.Match[str]], bool] | None], ...] = (
    # Help, and the chat slash forms typed as text.
    (Intent.HELP, r"^$", None),
    (
        Intent.HELP,
        r"^(?:/help(?:\s.*)?|help(?:\s+me)?|commands|usage|what\s+can\s+you\s+do|"
        r"how\s+do(?:es)?\s+(?:this|it|you)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it|newsbot))$",
        None,
    ),
    (Intent.QUOTES, r"^/quotes?(?:\s+(?P<topic>.+))?$", None),
    (Intent.LATEST, r"^/(?:latest|news)(?:\s+(?P<topic>.+))?$", None),
    (Intent.WHO, r"^/who(?:is)?(?:\s+(?P<speaker>.+))?$", None),
    (Intent.SAID, rf"^/said(?:\s+(?P<speaker>.+?){_TOPIC})?$", None),
    (Intent.DIGEST, r"^/digest(?:\s+(?P<topic>.+))?$", None),
    (Intent.SEARCH, r"^/(?:search|find)(?:\s+(?P<topic>.+))?$", None),
    (Intent.HELP, r"^/.*$", None),  # an unknown command: show what there is
    # Digest.
    (
        Intent.DIGEST,
        r"^(?:(?:the|my|a|our|daily|news|morning)\s+)*(?:digest|briefing|round-?up|summary)"
        r"(?:\s+(?:on|about|for|of|re|regarding)\s+(?P<topic>.+))?$",
        None,
    ),
    # Search.
    (
        Intent.SEARCH,
        r"^(?:search|find|look\s*up|grep)(?:\s+(?:me|us))?(?:\s+for)?(?:\s+(?P<topic>.+))?$",
        None,
    ),
    (
        Intent.SEARCH,
        r"^(?:articles?|stories|mentions?)\s+(?:mentioning|containing|that\s+mention|of)\s+"
        r"(?P<topic>.+)$",
        None,
    ),
    # Who said what about a topic.
    (
        Intent.QUOTES,
        r"^who(?:'s|\s+has|\s+have|\s+is|\s+are)?\s+(?:been\s+)?(?:said|says|saying|say)\s+"
        rf"(?:what|anything|something|stuff){_TOPIC}$",
        None,
    ),
    (
        Intent.QUOTES,
        r"^who(?:'s|\s+has|\s+is)?\s+(?:been\s+)?(?:said|says|saying|talking|commented|spoken|spoke)"
        rf"\s+{_ABOUT}\s+(?P<topic>.+)$",
        None,
    ),
    (
        Intent.QUOTES,
        rf"^what\s+(?:(?:are|is|were|was|have|has|do|did)\s+)?{_PEOPLE}\s+(?:are\s+|have\s+)?"
        rf"(?:been\s+)?(?:saying|said|say|think){_TOPIC}$",
        None,
    ),
    (Intent.QUOTES, rf"^what(?:'s|\s+is|\s+was|\s+has)\s+(?:being|been)\s+said{_TOPIC}$", None),
    (
        Intent.QUOTES,
        r"^(?:(?:any|some|the|recent|latest|new|top|best|key|notable|more)\s+)*"
        r"(?:quotes?|quotations?|reactions?|statements|comments)"
        rf"(?:\s+(?:{_ABOUT}|for|to|in\s+response\s+to)\s+(?P<topic>.+))?$",
        None,
    ),
    (Intent.QUOTES, r"^(?P<topic>.+?)(?:'s)?\s+(?:quotes?|reactions?)$", _known_topic),
    (Intent.SEARCH, r"^who\s+(?:said|says|wrote)\s+(?P<topic>.+)$", None),  # a remembered line
    # What a person said.
    (
        Intent.SAID,
        r"^what\s+(?:did|does|do|has|have|had|will)\s+(?P<speaker>.+?)\s+(?:say|said|"
        r"been\s+saying|ha(?:ve|s)\s+to\s+say|tell\s+\w+|tweet(?:ed)?|write|wrote|post(?:ed)?|"
        rf"think|claim(?:ed)?){_TOPIC_TO}$",
        None,
    ),
    (
        Intent.SAID,
        rf"^what(?:'s|\s+is|\s+was|\s+has|\s+have)\s+(?P<speaker>.+?)\s+(?:been\s+)?"
        rf"(?:saying|said){_TOPIC}$",
        None,
    ),
    (
        Intent.SAID,
        r"^what\s+(?P<speaker>.+?)\s+(?:said|says|is\s+saying|has\s+said|had\s+to\s+say|thinks)"
        rf"{_TOPIC}$",
        None,
    ),
    (
        Intent.SAID,
        r"^(?:did|has|have|does)\s+(?P<speaker>.+?)\s+(?:say|said|comment(?:ed)?|spoken|spoke|"
        rf"talk(?:ed)?)\s+(?:anything\s+|something\s+)?{_ABOUT}\s+(?P<topic>.+)$",
        None,
    ),
    (
        Intent.SAID,
        r"^(?:(?:any|some|the|recent|latest|new|more)\s+)*"
        r"(?:quotes?|quotations?|statements|comments|remarks)\s+(?:from|by|of)\s+"
        rf"(?P<speaker>.+?){_TOPIC}$",
        None,
    ),
    (
        Intent.SAID,
        r"^(?P<speaker>.+?)(?:'s)?\s+(?:quotes?|quotations?|statements|remarks|comments)"
        rf"{_TOPIC}$",
        None,
    ),
    # Who somebody is ("tell me about Ukraine" is news, not a person).
    (Intent.LATEST, r"^tell\s+me\s+(?:more\s+)?about\s+(?P<topic>.+)$", _known_topic),
    (Intent.WHO, r"^who(?:'s|\s+is|\s+was|\s+are|\s+were)(?:\s+(?P<speaker>.+))?$", None),
    (Intent.WHO, r"^who\s+(?P<speaker>.+?)\s+(?:is|was)$", None),
    (Intent.WHO, r"^tell\s+me\s+(?:more\s+)?about\s+(?P<speaker>.+)$", None),
    (
        Intent.WHO,
        r"^(?:(?:some\s+)?info(?:rmation)?|background|bio(?:graphy)?|profile)\s+"
        r"(?:on|about|of|for)\s+(?P<speaker>.+)$",
        None,
    ),
    (
        Intent.WHO,
        r"^what(?:'s|\s+is|\s+was)\s+(?P<speaker>.+?)(?:'s)?\s+(?:role|job|title|position)$",
        None,
    ),
    # The latest on a topic.
    (
        Intent.LATEST,
        r"^(?:what(?:'s|\s+is|\s+are)\s+)?(?:the\s+)?(?:very\s+)?(?:latest|newest|most\s+recent|"
        rf"recent)(?:\s+{_STORIES})?(?:\s+{_IN_ON}\s+(?P<topic>.+))?$",
        None,
    ),
    (
        Intent.LATEST,
        r"^(?:what(?:'s|\s+is|\s+are)\s+)?"
        r"(?:(?:any|anything|the|some|recent|new|top|today's|latest|breaking|more)\s+)*"
        rf"{_STORIES}(?:\s+{_IN_ON}\s+(?P<topic>.+))?$",
        None,
    ),
    (
        Intent.LATEST,
        r"^what(?:'s|\s+is|\s+are)\s+(?:new|happening|going\s+on|up|the\s+news|the\s+story|"
        rf"the\s+situation)(?:\s+{_IN_ON}\s+(?P<topic>.+))?$",
        None,
    ),
    (
        Intent.LATEST,
        r"^what\s+(?:happened|has\s+happened|is\s+happening|happens)"
        r"(?:\s+(?:with|in|on|to|at|about)\s+(?P<topic>.+))?$",
        None,
    ),
    (
        Intent.LATEST,
        r"^any(?:thing)?\s+new\s+(?:on|about|with|regarding|in)\s+(?P<topic>.+)$",
        None,
    ),
    (
        Intent.LATEST,
        r"^(?:catch\s+me\s+up|update\s+me|fill\s+me\s+in|brief\s+me|keep\s+me\s+posted)"
        r"(?:\s+(?:on|about|with|regarding)\s+(?P<topic>.+))?$",
        None,
    ),
    (Intent.LATEST, r"^(?:how\s+is|how's|how\s+are)\s+(?P<topic>.+?)\s+(?:doing|going)$", None),
    (Intent.LATEST, r"^(?:what|how)\s+about\s+(?P<topic>.+)$", None),
    (Intent.LATEST, rf"^(?P<topic>.+?)\s+(?:{_STORIES}|latest)$", None),
    # A bare topic ("Ukraine"); text with no letter or digit at all gets help.
    (Intent.LATEST, r"^(?P<topic>.*\w.*)$", None),
    (Intent.HELP, r"^.*$", None),
)
RULES: tuple[Rule, ...] = tuple(
    Rule(intent, re.compile(pattern, re.IGNORECASE | re.DOTALL), when)
    for intent, pattern, when in _TABLE
)

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
