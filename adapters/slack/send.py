"""Posting rendered answers with `chat.postMessage` / `respond`, with a plain-text fallback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.render import SlackMessage, mrkdwn_message, render, text_message
from bot.contract import Answer, Destination

log = logging.getLogger(__name__)

# Errors that mean "these blocks were refused": resend the same answer as plain text.
BLOCK_ERRORS = frozenset({"invalid_blocks", "invalid_blocks_format", "msg_blocks_too_long"})
MAX_RESPONSES = 5  # a response_url accepts at most five posts


def plain_pages(answer: Answer) -> tuple[SlackMessage, ...]:
    """The shared plain-text rendering, escaped and chunked into messages."""
    from bot import plaintext  # the core's fallback renderer

    return (text_message(plaintext.render(answer)),)


async def post_answer(
    client: AsyncWebClient,
    channel: str,
    answer: Answer,
    *,
    thread_ts: str | None = None,
    token: str | None = None,
) -> None:
    """Post every page of an answer; if Slack refuses the blocks, post plain text instead."""
    try:
        for page in render(answer):
            await post(client, channel, page, thread_ts=thread_ts, token=token)
    except SlackApiError as e:
        if error_code(e) not in BLOCK_ERRORS:
            raise
        log.warning("Slack refused the blocks (%s); sending plain text", error_code(e))
        for page in plain_pages(answer):
            await post(client, channel, SlackMessage(text=page.text), thread_ts=thread_ts)


async def post(
    client: AsyncWebClient,
    channel: str,
    message: SlackMessage,
    *,
    thread_ts: str | None = None,
    token: str | None = None,
) -> None:
    extra: dict[str, Any] = {}
    if thread_ts:
        extra["thread_ts"] = thread_ts
    if token:
        extra["token"] = token
    # No link_names: plain "@here" in article text stays plain text.
    await client.chat_postMessage(
        channel=channel, unfurl_links=False, unfurl_media=False, **message.payload(), **extra
    )


async def respond_answer(
    respond: Callable[..., Awaitable[Any]], answer: Answer, *, public: bool = True
) -> None:
    """Answer a slash command through its response_url (≤ 5 posts, so ≤ 5 pages)."""
    pages = render(answer)
    kind = "in_channel" if public else "ephemeral"
    for page in pages[:MAX_RESPONSES]:
        await respond(**page.payload(), response_type=kind, replace_original=False)
    if len(pages) > MAX_RESPONSES:
        log.info("answer had %d pages; sent the first %d", len(pages), MAX_RESPONSES)


async def respond_text(
    respond: Callable[..., Awaitable[Any]], text: str, *, mrkdwn: bool = False
) -> None:
    """A short private reply to whoever ran the command (`mrkdwn`: `text` is already escaped)."""
    message = mrkdwn_message(text, fallback=text) if mrkdwn else text_message(text)
    await respond(**message.payload(), response_type="ephemeral", replace_original=False)


def error_code(error: SlackApiError) -> str:
    try:
        return str(error.response.get("error") or "unknown_error")
    except AttributeError:
        return "unknown_error"


async def deliver(
    client: AsyncWebClient,
    where: Destination,
    build: Callable[[], Answer],
    what: str,
    token_for: Callable[[str], Awaitable[str | None]] | None = None,
) -> str | None:
    """Build an answer in a worker thread and post it to a channel, for the timers (digests,
    alerts); returns None when posted, else the error to record. Never raises."""
    try:
        token = await token_for(where.scope) if token_for else None
        if token_for and not token:
            return "not_installed"
        answer = await asyncio.to_thread(build)
        await post_answer(client, where.channel, answer, token=token)
    except SlackApiError as e:
        log.warning("%s for %s/%s not posted: %s", what, where.scope, where.channel, error_code(e))
        return error_code(e)
    except Exception as e:
        log.exception("%s for %s/%s failed", what, where.scope, where.channel)
        return f"internal error ({type(e).__name__})"
    return None
