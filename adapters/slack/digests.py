"""The Slack digest timer: post every due Slack digest once, record how each delivery went.

The core decides what is due and remembers delivered days in the store, so a restart
never posts a day twice. A failed post is recorded (digest-show shows it) and never stops
the loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.send import error_code, post_answer
from bot.contract import DueDigest

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)

PLATFORM = "slack"
INTERVAL = 30.0  # seconds; digests are set to the minute
RETRY_AFTER = 600.0  # seconds before a failed digest is tried again (the core keeps it due)

# team id → bot token, for workspaces installed through OAuth (None: use the client's token)
TokenLookup = Callable[[str], Awaitable[str | None]]


class Backoff:
    """Holds back a failed digest for a while: a missing channel is not retried every tick."""

    def __init__(self, retry_after: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.retry_after = retry_after
        self._clock = clock
        self._until: dict[tuple[str, str, str, str], float] = {}

    def ready(self, due: DueDigest) -> bool:
        return self._until.get(_key(due), 0.0) <= self._clock()

    def record(self, due: DueDigest, error: str | None) -> None:
        if error is None:
            self._until.pop(_key(due), None)
        else:
            self._until[_key(due)] = self._clock() + self.retry_after


def _key(due: DueDigest) -> tuple[str, str, str, str]:
    d = due.subscription.destination
    return (d.platform, d.scope, d.channel, due.day)


async def post_due_digests(
    bot: NewsBot,
    client: AsyncWebClient,
    token_for: TokenLookup | None = None,
    backoff: Backoff | None = None,
) -> int:
    """Post the Slack digests due now; returns how many were posted successfully."""
    posted = 0
    for due in await asyncio.to_thread(bot.due_digests, PLATFORM):
        if backoff is not None and not backoff.ready(due):
            continue
        error = await _deliver(bot, client, due, token_for)
        # The core keeps the day as delivered (never posted again) or keeps the error.
        await asyncio.to_thread(bot.record_delivery, due, error)
        if backoff is not None:
            backoff.record(due, error)
        posted += error is None
    return posted


async def _deliver(
    bot: NewsBot, client: AsyncWebClient, due: DueDigest, token_for: TokenLookup | None
) -> str | None:
    where = due.subscription.destination
    try:
        token = await token_for(where.scope) if token_for else None
        if token_for and not token:
            return "not_installed"
        answer = await asyncio.to_thread(bot.digest_for, due)
        await post_answer(client, where.channel, answer, token=token)
    except SlackApiError as e:
        log.warning("digest for %s/%s not posted: %s", where.scope, where.channel, error_code(e))
        return error_code(e)
    except Exception as e:
        log.exception("digest for %s/%s failed", where.scope, where.channel)
        return f"internal error ({type(e).__name__})"
    return None


async def run_timer(
    bot: NewsBot,
    client: AsyncWebClient,
    token_for: TokenLookup | None = None,
    interval: float = INTERVAL,
    retry_after: float = RETRY_AFTER,
) -> None:
    """Check for due digests every `interval` seconds until cancelled."""
    backoff = Backoff(retry_after)
    while True:
        try:
            await post_due_digests(bot, client, token_for, backoff)
        except Exception:
            # A broken store or core must not end the timer: log and try again next tick.
            log.exception("digest timer tick failed")
        await asyncio.sleep(interval)
