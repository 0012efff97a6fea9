"""Pure: `Answer` -> plain text. The terminal's output and every platform's fallback."""

from __future__ import annotations

from bot.compose import day
from bot.contract import Answer, Item, Link


def cite(link: Link) -> str:
    """'Title (The Hill, 17 Mar 2022) — https://…'"""
    where = ", ".join(
        p for p in (link.outlet, day(link.published) if link.published else None) if p
    )
    text = f"{link.title} ({where})" if where else link.title
    return f"{text} — {link.url}" if link.url else text


def item_line(item: Item) -> str:
    if item.kind in {"direct", "reported"}:
        who = item.speaker or "unattributed"
        if item.role:
            who += f" ({item.role})"
        words = f"“{item.text}”" if item.kind == "direct" else f"[reported] {item.text}"
        line = f"{who}: {words}"
    else:
        line = item.text
    if item.extra:
        line += f"\n    Also in: {', '.join(item.extra)}"
    if item.link is not None:
        line += f"\n    {cite(item.link)}"
    return line


def render(answer: Answer) -> str:
    lines = [answer.title, answer.summary]
    lines += [f"{n}. {item_line(item)}" for n, item in enumerate(answer.items, 1)]
    lines += answer.notes
    return "\n".join(line for line in lines if line)
