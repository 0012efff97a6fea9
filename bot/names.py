"""Normal forms for names, URLs and article text, used as keys for identity and dedupe."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid)$", re.I)


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """'  The  Senior Administration-Official ' -> 'senior administration official'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _NON_WORD.sub(" ", text.replace("’", "'").replace("'s ", " "))
    return _LEADING_ARTICLE.sub("", _SPACE.sub(" ", text).strip())


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return url.strip()
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    host = parts.hostname.lower() + (f":{parts.port}" if parts.port else "")
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def content_hash(text: str) -> str:
    """Same words, same hash: whitespace and case do not make a new article."""
    folded = " ".join(text.split()).lower()  # as _SPACE.sub(" ", text).strip(), 3x faster
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:32]
