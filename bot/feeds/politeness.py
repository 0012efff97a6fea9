"""Per-host politeness: at most N requests in flight to a host, and a gap between their starts.

Pure bookkeeping with the clock passed in; the poller asks which queued job may start.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar
from urllib.parse import urlsplit

J = TypeVar("J", bound=Hashable)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@dataclass
class HostQueue(Generic[J]):
    per_host: int = 2
    gap: float = 0.2  # seconds between request starts to one host
    _queues: dict[str, deque[J]] = field(default_factory=dict)
    _busy: dict[str, int] = field(default_factory=dict)
    _next: dict[str, float] = field(default_factory=dict)

    def push(self, host: str, job: J) -> None:
        self._queues.setdefault(host, deque()).append(job)

    def __len__(self) -> int:
        return sum(len(q) for q in self._queues.values())

    def ready(self, now: float, limit: int) -> list[tuple[str, J]]:
        """Up to `limit` jobs that may start now, round-robin over hosts."""
        out: list[tuple[str, J]] = []
        progress = True
        while len(out) < limit and progress:
            progress = False
            for host in list(self._queues):
                queue = self._queues[host]
                if len(out) >= limit:
                    break
                if not queue:
                    del self._queues[host]
                    continue
                if self._busy.get(host, 0) >= self.per_host or self._next.get(host, 0) > now:
                    continue
                out.append((host, queue.popleft()))
                self._busy[host] = self._busy.get(host, 0) + 1
                self._next[host] = now + self.gap
                progress = True
        return out

    def done(self, host: str) -> None:
        self._busy[host] = max(0, self._busy.get(host, 0) - 1)

    def wait_hint(self, now: float) -> float | None:
        """Seconds until a queued host's gap ends (None when nothing waits on a gap)."""
        waits = [
            self._next.get(h, 0) - now
            for h, q in self._queues.items()
            if q and self._busy.get(h, 0) < self.per_host
        ]
        return max(0.0, min(waits)) if waits else None
