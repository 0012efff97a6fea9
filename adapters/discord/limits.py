"""Discord's hard message and embed limits, and a checker the renderer's tests use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

CONTENT = 2000
EMBEDS = 10
TITLE = 256
DESCRIPTION = 4096
FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000  # summed over every embed of one message
CHOICES = 25  # autocomplete results
CHOICE = 100  # autocomplete choice name / value


def embed_size(embed: Mapping[str, Any]) -> int:
    """Characters Discord counts towards the 6000 total for one embed."""
    fields = embed.get("fields") or []
    return (
        len(embed.get("title") or "")
        + len(embed.get("description") or "")
        + len((embed.get("footer") or {}).get("text") or "")
        + len((embed.get("author") or {}).get("name") or "")
        + sum(len(f.get("name") or "") + len(f.get("value") or "") for f in fields)
    )


def problems(content: str, embeds: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every way one message breaks Discord's limits; empty when it would be accepted."""
    found: list[str] = []
    if len(content) > CONTENT:
        found.append(f"content {len(content)} > {CONTENT}")
    if len(embeds) > EMBEDS:
        found.append(f"{len(embeds)} embeds > {EMBEDS}")
    if not content and not embeds:
        found.append("empty message")
    total = 0
    for i, embed in enumerate(embeds):
        checks = [
            ("title", len(embed.get("title") or ""), TITLE),
            ("description", len(embed.get("description") or ""), DESCRIPTION),
            ("footer", len((embed.get("footer") or {}).get("text") or ""), FOOTER),
            ("author", len((embed.get("author") or {}).get("name") or ""), AUTHOR),
            ("fields", len(embed.get("fields") or []), FIELDS),
        ]
        for f in embed.get("fields") or []:
            checks.append(("field name", len(f.get("name") or ""), FIELD_NAME))
            checks.append(("field value", len(f.get("value") or ""), FIELD_VALUE))
        found += [
            f"embed {i} {what} {size} > {limit}" for what, size, limit in checks if size > limit
        ]
        total += embed_size(embed)
    if total > EMBED_TOTAL:
        found.append(f"embed total {total} > {EMBED_TOTAL}")
    return found
