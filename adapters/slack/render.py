"""Pure rendering of an `Answer` into Slack Block Kit messages that respect Slack's limits.

Long answers become several pages (messages) rather than being cut; every page carries a
plain `text` fallback equal to the answer's summary. All article text is escaped, so it
can never ping (`<!channel>`, `<!here>`, `<@U…>`) or forge links.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.contract import Answer, Item, Link

MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_SECTION = 3000
MAX_CONTEXT_ELEMENTS = 10
# Slack rejects messages with `msg_blocks_too_long` at about 13k characters across all
# blocks (slackapi/bolt-js#2509), far below the documented caps; stay well under it.
MAX_TOTAL = 12_000
MAX_TEXT = 3_000  # plain-text fallback per message; Slack truncates beyond 40k, clients ~4k

Block = dict[str, Any]


@dataclass(frozen=True)
class SlackMessage:
    """One message: the notification `text` and its blocks (may be empty for plain text)."""

    text: str
    blocks: tuple[Block, ...] = ()

    def payload(self) -> dict[str, Any]:
        """Keyword arguments for `chat.postMessage` / `respond` (never `link_names`)."""
        body: dict[str, Any] = {"text": self.text}
        if self.blocks:
            body["blocks"] = list(self.blocks)
        return body


def escape(text: str) -> str:
    """Slack's three control characters; with `<` escaped, nothing can become a ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, title: str) -> str:
    """`<url|title>` for http(s) URLs; anything else is shown as plain escaped text."""
    label = escape(title.replace("\n", " ").strip()) or "source"
    if not url or not url.lower().startswith(("http://", "https://")) or len(url) > 1000:
        return label
    safe = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"<{safe}|{label.replace('|', '¦')}>"


def text_message(text: str) -> SlackMessage:
    """A plain reply (status, usage, errors): escaped, as one mrkdwn section per chunk."""
    return mrkdwn_message(escape(text), fallback=text)


def mrkdwn_message(mrkdwn: str, fallback: str) -> SlackMessage:
    """A reply already in (escaped) mrkdwn, e.g. with `<#C…>` channel links."""
    chunks = split_text(mrkdwn, MAX_SECTION)
    blocks = tuple(_section(c) for c in chunks[: MAX_BLOCKS - 1])
    return SlackMessage(text=_fallback(fallback), blocks=blocks)


def render(answer: Answer) -> tuple[SlackMessage, ...]:
    """Render an answer as one or more messages, each within every Slack limit."""
    body: list[Block] = []
    for item in answer.items:
        body.extend(_section(c) for c in split_text(_item_text(item), MAX_SECTION))
    # Notes ("nothing found…", "more on page 2") read best after whatever was found.
    for note in answer.notes:
        body.extend(_section(c) for c in split_text(escape(note), MAX_SECTION))
    tail = _citation_blocks(answer) + _footer_blocks(answer)
    if not body and not tail:
        body.append(_section(escape(answer.summary or answer.title or "Nothing to show.")))
    return _paginate(answer, body + tail)


def _paginate(answer: Answer, blocks: list[Block]) -> tuple[SlackMessage, ...]:
    pages: list[list[Block]] = []
    current: list[Block] = []
    for block in blocks:
        candidate = [*current, block]
        # One block is reserved for the header every page starts with.
        if current and (len(candidate) + 1 > MAX_BLOCKS or _size(candidate) > _budget()):
            pages.append(current)
            current = [block]
        else:
            current = candidate
    pages.append(current)
    text = _fallback(answer.summary or answer.title)
    total = len(pages)
    messages = []
    for number, page in enumerate(pages, start=1):
        title = answer.title if total == 1 else f"{answer.title} ({number}/{total})"
        messages.append(SlackMessage(text=text, blocks=(_header(title), *page)))
    return tuple(messages)


def _budget() -> int:
    # Leave room for the header block (≤ 150 chars plus its JSON framing).
    return MAX_TOTAL - 300


def _size(blocks: list[Block]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def _header(title: str) -> Block:
    # plain_text never parses mentions or links, so the title needs no escaping.
    text = " ".join(title.split()) or "newsbot"
    if len(text) > MAX_HEADER:
        text = text[: MAX_HEADER - 1].rstrip() + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": False}}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def _context(texts: list[str]) -> list[Block]:
    blocks = []
    for start in range(0, len(texts), MAX_CONTEXT_ELEMENTS):
        chunk = texts[start : start + MAX_CONTEXT_ELEMENTS]
        elements = [{"type": "mrkdwn", "text": t[:MAX_SECTION], "verbatim": True} for t in chunk]
        blocks.append({"type": "context", "elements": elements})
    return blocks


def _item_text(item: Item) -> str:
    lines: list[str] = []
    body = escape(item.text.strip())
    if item.kind in ("direct", "reported"):
        quoted = f"“{body}”" if item.kind == "direct" else body
        lines.append("\n".join(f">{line}" for line in quoted.splitlines() or [""]))
    else:
        lines.append(body)
    if item.speaker:
        who = f"— *{escape(item.speaker)}*"
        if item.role:
            who += f", {escape(item.role)}"
        lines.append(who)
    if item.link:
        lines.append(_source_line(item.link))
    if item.extra:
        lines.append("_Also: " + ", ".join(escape(e) for e in item.extra) + "_")
    return "\n".join(lines)


def _source_line(source: Link) -> str:
    parts = [link(source.url, source.title)]
    if source.outlet:
        parts.append(escape(source.outlet))
    if source.published:
        parts.append(format_date(source.published))
    return " · ".join(parts)


def format_date(when: datetime) -> str:
    return f"{when.day} {when:%b %Y}"


def _citation_blocks(answer: Answer) -> list[Block]:
    linked = {i.link.article_id for i in answer.items if i.link}
    extra = [c for c in answer.citations if c.article_id not in linked]
    if not extra:
        return []
    return _context(["*Sources:*"] + [_source_line(c) for c in extra[: 5 * MAX_CONTEXT_ELEMENTS]])


def _footer_blocks(answer: Answer) -> list[Block]:
    texts = []
    if answer.suggestions:
        texts.append("Did you mean: " + ", ".join(escape(s) for s in answer.suggestions))
    if answer.pages > 1:
        more = f" · add “page {answer.page + 1}” to see more" if answer.page < answer.pages else ""
        texts.append(f"Page {answer.page} of {answer.pages}{more}")
    return _context(texts) if texts else []


def _fallback(text: str) -> str:
    flat = escape(" ".join(text.split()))
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1] + "…"


def split_text(text: str, limit: int) -> list[str]:
    """Split on paragraph, then line, then word boundaries so no chunk exceeds `limit`."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut < limit // 2:
            cut = limit
        cut = _not_inside_entity(rest, cut)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _not_inside_entity(text: str, cut: int) -> int:
    # Never split "&amp;" or a "<url|title>" link in two; back off to before it.
    amp = text.rfind("&", max(0, cut - 5), cut)
    if amp != -1 and ";" not in text[amp:cut]:
        cut = amp
    opening = text.rfind("<", 0, cut)
    if opening != -1 and ">" not in text[opening:cut] and opening > 0:
        cut = opening
    return cut
