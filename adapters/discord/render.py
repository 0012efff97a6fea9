"""Pure rendering of an `Answer` into Discord message payloads that fit every limit.

Each item becomes one markdown block; blocks are packed into embed descriptions, embeds
into messages. Nothing is dropped: an oversized block is split, extra embeds go into
further messages, and a clipped title is repeated in full in the description.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from adapters.discord import limits
from adapters.discord.markdown import clip, escape, link, one_line, split_text
from bot import plaintext
from bot.contract import Answer, Item, Link, QuoteKind

COLOUR = 0x2B6CB0
_GAP = "\n\n"


@dataclass(frozen=True)
class Payload:
    """One Discord message: `content` plus embeds as API dicts."""

    content: str = ""
    embeds: tuple[dict[str, Any], ...] = ()


def render(answer: Answer, *, lead: str = "") -> tuple[Payload, ...]:
    """The messages for `answer`, in reading order; `lead` is trusted text shown first."""
    title = escape(one_line(answer.title))
    blocks = _blocks(answer)
    if len(title) > limits.TITLE:
        blocks.insert(0, f"**{title}**")
    footer = f"Page {answer.page} of {answer.pages}" if answer.pages > 1 else ""
    embeds = _embeds(clip(title, limits.TITLE), blocks, footer)
    summary = escape(one_line(answer.summary))
    content = "\n".join(part for part in (lead, summary) if part)
    return _messages(content, embeds)


def render_text(text: str) -> tuple[Payload, ...]:
    """Plain trusted text (notices, confirmations) as content-only messages."""
    return tuple(Payload(content=piece) for piece in split_text(text, limits.CONTENT))


def render_plain(answer: Answer, *, lead: str = "") -> tuple[Payload, ...]:
    """Text only, for channels where the bot lacks Embed Links (Discord would hide embeds)."""
    text = escape(plaintext.render(answer))
    return render_text("\n".join(part for part in (lead, text) if part))


# -- blocks ----------------------------------------------------------------------


def _blocks(answer: Answer) -> list[str]:
    blocks: list[str] = []
    for n, item in enumerate(answer.items):
        block = _item(item)
        # Runs of one-line bullets (help, facts) read best as one list, not spaced apart.
        if n and block.startswith("• ") and blocks[-1].startswith("• "):
            blocks[-1] += "\n" + block
        else:
            blocks.append(block)
    blocks += [f"*{escape(one_line(note))}*" for note in answer.notes if note.strip()]
    if answer.suggestions:
        shown = ", ".join(escape(one_line(s)) for s in answer.suggestions)
        blocks.append(f"Did you mean: {shown}?")
    cited = [c for c in answer.citations if c not in {i.link for i in answer.items}]
    if cited:
        lines = [f"{n}. {_source(c)}" for n, c in enumerate(cited, 1)]
        blocks.append("**Sources**\n" + "\n".join(lines))
    return [b for b in blocks if b.strip()]


def _item(item: Item) -> str:
    text = escape(one_line(item.text))
    if item.kind in (QuoteKind.DIRECT, QuoteKind.REPORTED):
        said = f"“{text}”" if item.kind == QuoteKind.DIRECT else text
        return f"> {said}\n{_attribution(item)}"
    if item.kind == "story" and item.link is not None:
        head = f"**{link(item.link.title, item.link.url)}**"
        meta = _meta(item.link)
        lines = [head + (f" · {meta}" if meta else "")]
        if text and text != escape(one_line(item.link.title)):
            lines.append(text)
        if item.extra:
            lines.append("Also: " + ", ".join(escape(one_line(e)) for e in item.extra))
        return "\n".join(lines)
    line = f"• {text}" if text else ""
    if item.link is not None:
        line += f" ({_source(item.link)})"
    return line


def _attribution(item: Item) -> str:
    who = f"**{escape(one_line(item.speaker))}**" if item.speaker else "*unattributed*"
    if item.role:
        who += f", {escape(one_line(item.role))}"
    parts = [f"— {who}"]
    if item.link is not None:
        parts.append(_source(item.link))
    return " · ".join(parts)


def _source(source: Link) -> str:
    meta = _meta(source)
    return link(source.title, source.url) + (f" · {meta}" if meta else "")


def _meta(source: Link) -> str:
    parts = []
    if source.outlet:
        parts.append(f"*{escape(one_line(source.outlet))}*")
    if source.published is not None:
        parts.append(source.published.date().isoformat())
    return " · ".join(parts)


# -- packing ---------------------------------------------------------------------


def _embeds(title: str, blocks: list[str], footer: str) -> list[dict[str, Any]]:
    pieces = [p for block in blocks for p in _fit(block, limits.DESCRIPTION)]
    descriptions: list[str] = []
    for piece in pieces:
        if descriptions and len(descriptions[-1]) + len(_GAP) + len(piece) <= limits.DESCRIPTION:
            descriptions[-1] += _GAP + piece
        else:
            descriptions.append(piece)
    # Budget the first description for the title, the last for the footer, within 6000.
    embeds: list[dict[str, Any]] = [{"description": d, "color": COLOUR} for d in descriptions]
    if not embeds:
        embeds = [{"color": COLOUR}]
    if title:
        embeds[0]["title"] = title
    if footer:
        embeds[-1]["footer"] = {"text": footer}
    return [e for e in embeds if len(e) > 1]


def _fit(block: str, limit: int) -> list[str]:
    """A block as pieces of at most `limit`; block-quote lines stay block-quoted."""
    if len(block) <= limit:
        return [block]
    pieces: list[str] = []
    for line in block.split("\n"):
        quoted = line.startswith("> ")
        body = line[2:] if quoted else line
        for part in split_text(body, limit - 2):
            pieces.append(f"> {part}" if quoted else part)
    return pieces


def _messages(content: str, embeds: list[dict[str, Any]]) -> tuple[Payload, ...]:
    texts = split_text(content, limits.CONTENT) if content else []
    groups: list[list[dict[str, Any]]] = []
    total = limits.EMBED_TOTAL + 1
    for embed in embeds:
        size = limits.embed_size(embed)
        if not groups or len(groups[-1]) == limits.EMBEDS or total + size > limits.EMBED_TOTAL:
            groups.append([])
            total = 0
        groups[-1].append(embed)
        total += size
    # Leading text pieces stand alone so the reading order stays content, then embeds.
    messages = [Payload(content=t) for t in texts[:-1]]
    last_text = texts[-1] if texts else ""
    if not groups:
        return (*messages, Payload(content=last_text or "Nothing to show."))
    messages.append(Payload(content=last_text, embeds=tuple(groups[0])))
    messages += [Payload(embeds=tuple(g)) for g in groups[1:]]
    return tuple(messages)
