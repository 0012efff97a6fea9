"""Pure: `Answer` -> a JSON-ready dict, for `newsbot ask --json` and scripts."""

from __future__ import annotations

from typing import Any

from bot.contract import Answer, Link


def _article(link: Link | None) -> dict[str, Any] | None:
    if link is None:
        return None
    return {
        "id": link.article_id,
        "title": link.title,
        "url": link.url,
        "source": link.outlet,
        "published": link.published.isoformat() if link.published else None,
    }


def to_dict(answer: Answer) -> dict[str, Any]:
    return {
        "intent": str(answer.intent),
        "title": answer.title,
        "summary": answer.summary,
        "topic": answer.topic,
        "speaker": answer.speaker,
        "items": [
            {
                "speaker": item.speaker,
                "role": item.role,
                "text": item.text,
                "kind": item.kind,
                "cue": item.cue,
                "article": _article(item.link),
            }
            for item in answer.items
        ],
        "citations": [_article(link) for link in answer.citations],
        "notes": list(answer.notes),
        "suggestions": list(answer.suggestions),
        "page": answer.page,
        "pages": answer.pages,
    }
