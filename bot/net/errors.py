"""Why a fetch failed, as a short kind ("timeout", "http") and a message fit for a user."""

from __future__ import annotations

from bot.errors import NewsbotError


class FetchError(NewsbotError):
    """`kind` is one of: url, scheme, dns, refused, connect, timeout, tls, http, too large,
    redirects, not a feed. `reason` is the short form `feeds list` shows."""

    def __init__(self, kind: str, message: str, status: int | None = None) -> None:
        super().__init__(message, setting="NEWSBOT_FETCH_ALLOW" if kind == "refused" else None)
        self.kind = kind
        self.status = status

    @property
    def reason(self) -> str:
        if self.kind == "http" and self.status is not None:
            return f"HTTP {self.status}"
        return self.kind if self.kind in {"timeout", "too large", "not a feed"} else self.message
