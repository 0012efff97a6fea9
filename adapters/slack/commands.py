"""Pure parsing of `/news …` text and of Slack-encoded message text into plain questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.errors import NewsbotError


class Sub(StrEnum):
    ASK = "ask"
    QUOTES = "quotes"
    LATEST = "latest"
    WHO = "who"
    DIGEST = "digest"
    HELP = "help"
    DIGEST_SET = "digest-set"
    DIGEST_OFF = "digest-off"
    DIGEST_SHOW = "digest-show"
    WATCH = "watch"
    UNWATCH = "unwatch"
    WATCHES = "watches"
    FEED = "feed"


ADMIN = frozenset({Sub.DIGEST_SET, Sub.DIGEST_OFF, Sub.DIGEST_SHOW})
WATCHING = frozenset({Sub.WATCH, Sub.UNWATCH, Sub.WATCHES})

USAGE = """\
*newsbot* answers questions about the news, with sources.
• `/news who said what about China` (free text is a question)
• `/news quotes China` (who said what about a topic)
• `/news latest Ukraine` (latest stories on a topic)
• `/news who Jake Sullivan` (who is someone)
• `/news digest [topics]` (today's main stories and quotes)
• `/news help` (this message)
Mention the bot or send it a direct message to ask in plain words.
Workspace admins: `/news digest-set HH:MM Area/City [topic, topic]`, `/news digest-off`, \
`/news digest-show`; `/news watch topic China` or `/news watch person Jen Psaki` (alerts \
here as news arrives), `/news unwatch topic China`, `/news watches`; `/news feed add URL [15m]`, \
`/news feed list`, `/news feed pause|resume|remove|explain URL` (the bot's feeds)."""

_WHO_QUESTION = frozenset({"said", "says", "is", "was", "are", "were", "spoke", "talked"})
_LEADING = re.compile(r"^(?:on|about|is)\s+", re.IGNORECASE)
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_USER = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[CG][A-Z0-9]+(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!([^>|]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>")


@dataclass(frozen=True)
class Command:
    sub: Sub
    rest: str = ""


@dataclass(frozen=True)
class FeedArgs:
    action: str  # add, list, pause, resume, remove, explain
    target: str = ""  # the feed URL (for explain: an item URL, GUID or article id)
    every: str | None = None  # add only, e.g. "15m"


@dataclass(frozen=True)
class DigestArgs:
    time: str  # HH:MM, zero-padded
    timezone: str
    topics: tuple[str, ...] = ()


def parse_command(text: str) -> Command:
    """`/news` text → subcommand and its argument; anything unrecognised is a question."""
    plain = plain_text(text)
    head, _, rest = plain.partition(" ")
    key = head.lower()
    if not plain or key in ("help", "?"):
        return Command(Sub.HELP, rest.strip())
    if key == "who" and rest.split(" ", 1)[0].lower() in _WHO_QUESTION:
        return Command(Sub.ASK, plain)  # "/news who said what about China" is a question
    for sub in Sub:
        if key == sub.value:
            return Command(sub, rest.strip())
    return Command(Sub.ASK, plain)


def question(command: Command) -> str | None:
    """The free-text question a subcommand stands for, or None when its argument is missing."""
    rest = command.rest
    if command.sub is Sub.ASK:
        return rest or None
    if not rest:
        return None
    templates = {
        Sub.QUOTES: "who said what about {}",
        Sub.LATEST: "latest on {}",
        Sub.WHO: "who is {}",
    }
    template = templates.get(command.sub)
    if template is None:
        return None
    # "/news latest on Ukraine" must not become "latest on on Ukraine".
    rest = _LEADING.sub("", rest) or rest
    return template.format(rest)


def digest_topics(rest: str) -> tuple[str, ...]:
    """Topics are comma-separated, so a topic may have several words ("Jake Sullivan")."""
    return tuple(t.strip() for t in rest.split(",") if t.strip())


def parse_digest_set(rest: str) -> DigestArgs:
    """`HH:MM Area/City [topic, topic]`; the core validates the zone itself."""
    parts = rest.split(maxsplit=2)
    usage = "Usage: `/news digest-set HH:MM Area/City [topic, topic]`, e.g. `08:00 Europe/London`."
    if len(parts) < 2:
        raise NewsbotError(usage)
    match = _TIME.match(parts[0])
    if not match:
        raise NewsbotError(f"“{parts[0]}” is not a time of day. {usage}")
    time = f"{int(match.group(1)):02d}:{match.group(2)}"
    topics = digest_topics(parts[2]) if len(parts) > 2 else ()
    return DigestArgs(time=time, timezone=parts[1], topics=topics)


def parse_watch(rest: str) -> tuple[str, str]:
    """`topic China` / `person Jen Psaki` → (kind, term); the core checks both."""
    kind, _, term = rest.strip().partition(" ")
    if not kind or not term.strip():
        raise NewsbotError(
            "Usage: `/news watch topic China` or `/news watch person Jen Psaki`"
            " (and the same after `/news unwatch`)."
        )
    return kind.lower(), term.strip()


FEED_USAGE = (
    "Usage: `/news feed add URL [15m]`, `/news feed list`,"
    " `/news feed pause|resume|remove URL`, `/news feed explain ITEM-URL`."
)
_FEED_ACTIONS = frozenset({"add", "list", "pause", "resume", "remove", "explain"})


def parse_feed(rest: str) -> FeedArgs:
    """`add URL [every]` (also `every 15m` or `--every 15m`), `list`, `pause URL`, …"""
    words = rest.split()
    action = words[0].lower() if words else ""
    if action not in _FEED_ACTIONS:
        raise NewsbotError(FEED_USAGE)
    if action == "list":
        return FeedArgs(action)
    if len(words) < 2:
        raise NewsbotError(FEED_USAGE)
    target, extra = words[1], [w for w in words[2:] if w.lower() not in ("every", "--every")]
    if (action != "add" and extra) or len(extra) > 1:
        raise NewsbotError(FEED_USAGE)
    return FeedArgs(action, target, extra[0] if extra else None)


def plain_text(text: str) -> str:
    """Slack-encoded text → what the user typed: no mentions, links as labels, unescaped."""
    text = _USER.sub(" ", text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(1) or "channel"), text)
    text = _SPECIAL.sub(lambda m: m.group(2) or "", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    # Slack escapes exactly these three; html.unescape would also eat "&copy;" and the like.
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
