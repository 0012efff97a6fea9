"""Run the poller until told to stop: a blocking loop for a thread, and an asyncio wrapper."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.feeds.service import FeedService

log = logging.getLogger(__name__)


def run_poller(service: FeedService, stop: threading.Event, tick: float = 30.0) -> None:
    """Poll due feeds every `tick` seconds until `stop` is set; a failed round is logged."""
    while not stop.is_set():
        _round(service)
        stop.wait(tick)


async def run_poller_async(service: FeedService, stop: asyncio.Event, tick: float = 30.0) -> None:
    """The same loop for an asyncio adapter: each round runs in a worker thread."""
    while not stop.is_set():
        await asyncio.to_thread(_round, service)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=tick)


def _round(service: FeedService) -> None:
    try:
        for result in service.poll_due():
            if result.error:
                log.warning("feed %s failed: %s", result.url, result.error)
            elif result.new:
                log.info("feed %s: %d new", result.url, result.new)
    except Exception:  # the loop must outlive one bad round; the next tick retries
        log.exception("feed poll failed")
