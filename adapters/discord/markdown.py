"""Discord markdown for untrusted text: escaping, masked links, splitting without loss."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_URL = re.compile(r"https?://[^\s<>]+")
# Discord drops a backslash before any punctuation, so escaping is always safe to read.
_SPECIAL = re.compile(r"([\\*_~`|<>\[\]#])")
_LINE_START = re.compile(r"^(\s*)([-+]|\d+\.)(?=\s)", re.MULTILINE)
_BROADCAST = re.compile(r"@(everyone|here)", re.IGNORECASE)


def escape(text: str) -> str:
    """Make article or user text show literally: no formatting, links, mentions or pings."""
    parts: list[str] = []
    last = 0
    for url in _URL.finditer(text):
        parts.append(_escape_plain(text[last : url.start()]))
        parts.append(url.group())  # left whole so Discord still links it
        last = url.end()
    parts.append(_escape_plain(text[last:]))
    return "".join(parts)


def _escape_plain(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    # A zero-width space keeps "@everyone" readable but inert even where mentions parse.
    return _BROADCAST.sub("@\u200b\\1", text)


def one_line(text: str) -> str:
    """Collapse whitespace, so text cannot break out of a block quote or list line."""
    return " ".join(text.split())


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for `[text](url)`, or None when it is not one."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._[]")


def link(title: str, url: str | None) -> str:
    """A masked link when the URL is usable, else the escaped title alone."""
    shown = escape(one_line(title)) or "source"
    target = safe_url(url)
    return f"[{shown}]({target})" if target else shown


def clip(text: str, limit: int) -> str:
    """Shorten to `limit` with a visible ellipsis (for titles whose full text is kept elsewhere)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if cut.endswith("\\"):  # never leave a dangling escape
        cut = cut[:-1]
    return cut + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Split into pieces of at most `limit` characters, at lines, then words, then anywhere."""
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for token in re.split(r"(\n| )", text):
        if len(current) + len(token) <= limit:
            current += token
            continue
        if current.strip():
            pieces.append(current.rstrip())
        current = "" if token in ("\n", " ") else token
        while len(current) > limit:
            cut = limit - 1 if current[limit - 1] == "\\" else limit
            pieces.append(current[:cut])
            current = current[cut:]
    if current.strip():
        pieces.append(current.rstrip())
    return pieces
