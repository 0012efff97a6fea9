"""The ordered pattern table that decides a question's intent: first match wins, so the order
is the priority (never pattern length). `bot.intents` tidies the text and applies it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot import topics
from bot.contract import Intent


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
