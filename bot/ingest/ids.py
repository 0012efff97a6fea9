"""Stable article ids: the source's own id, else a hash of the canonical url or the text."""

from __future__ import annotations

import hashlib
import re

from bot.names import canonical_url

_SPACE = re.compile(r"\s+")


def article_id(given: str | None, url: str | None, text: str) -> str:
    """The given id as it is; else 16 hex digits of the canonical url, else of the text."""
    if given and given.strip():
        return given.strip()
    canonical = canonical_url(url)
    # names.canonical_url keeps a non-web URL as written; only web URLs identify an article
    basis = canonical if canonical and canonical.startswith(("http://", "https://")) else None
    if basis is None:
        # whitespace-insensitive, so the same story re-wrapped keeps its id
        basis = "text:" + _SPACE.sub(" ", text).strip()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
