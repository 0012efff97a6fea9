"""Stable article ids: the source's own id, else a hash of the canonical url or the text."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|smid)$", re.I)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def article_id(given: str | None, url: str | None, text: str) -> str:
    """The given id as it is; else 16 hex digits of the canonical url, else of the text."""
    if given and given.strip():
        return given.strip()
    basis = canonical_url(url)
    if basis is None:
        # whitespace-insensitive, so the same story re-wrapped keeps its id
        basis = "text:" + _SPACE.sub(" ", text).strip()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
