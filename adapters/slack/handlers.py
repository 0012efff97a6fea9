"""Bolt listeners: `/news`, mentions and DMs. Each one acks, asks the core, renders, sends.

The core is synchronous, so it runs in a worker thread after `ack()`: Slack's 3 s rule
holds however slow the answer is.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import admin, feeds, watches
from adapters.slack.commands import (
    ADMIN,
    USAGE,
    WATCHING,
    Command,
    Sub,
    digest_topics,
    parse_command,
    plain_text,
    question,
)
from adapters.slack.render import text_message
from adapters.slack.send import post, post_answer, respond_answer, respond_text
from bot.contract import Answer, Intent, Query
from bot.errors import NewsbotError
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong while answering. Please try again in a moment."


def build_app(
    bot: NewsBot,
    settings: Settings,
    client: AsyncWebClient,
    oauth_settings: AsyncOAuthSettings | None = None,
) -> AsyncApp:
    """The bolt app with newsbot's listeners, around an injected Web API client."""
    app = AsyncApp(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        oauth_settings=oauth_settings,
        logger=logging.getLogger("adapters.slack.bolt"),
    )
    admins = frozenset(settings.slack_admins)

    @app.command("/news")
    async def on_news(ack: Any, command: dict[str, Any], respond: Any, client: Any) -> None:
        parsed = parse_command(command.get("text", ""))
        if parsed.sub in ADMIN:
            await ack()
            await admin.run(bot, client, command, parsed, admins, respond)
            return
        if parsed.sub in WATCHING:
            await ack()
            await watches.run(bot, client, command, parsed, admins, respond)
            return
        if parsed.sub is Sub.FEED:
            await ack()  # adding a feed fetches it: the reply comes through response_url
            await feeds.run(bot, client, command, parsed, admins, respond)
            return
        if parsed.sub is Sub.HELP or (parsed.sub is not Sub.DIGEST and not question(parsed)):
            await ack(**text_message(USAGE).payload())  # parsing is instant: usage is the ack
            return
        await ack(text="Looking that up…")
        try:
            await respond_answer(respond, await _answer(bot, parsed))
        except NewsbotError as e:
            await respond_text(respond, e.message)
        except Exception:
            log.exception("/news failed")
            await respond_text(respond, SORRY)

    seen = _Seen()

    @app.event("app_mention")
    async def on_mention(event: dict[str, Any], body: dict[str, Any], client: Any) -> None:
        # DMs arrive as message.im; answering the mention too would answer twice.
        if _from_bot(event) or str(event.get("channel", "")).startswith("D"):
            return
        if seen.again(body.get("event_id")):
            return
        thread = event.get("thread_ts") or event.get("ts")
        await _reply(bot, client, event["channel"], event.get("text", ""), thread)

    @app.event("message")
    async def on_message(event: dict[str, Any], body: dict[str, Any], client: Any) -> None:
        # Only direct messages are addressed to the bot; channel chatter never is.
        if event.get("channel_type") != "im" or _from_bot(event):
            return
        if seen.again(body.get("event_id")):
            return
        await _reply(bot, client, event["channel"], event.get("text", ""), event.get("thread_ts"))

    return app


class _Seen:
    """Recent event ids: Slack redelivers an event it thinks was lost; answer it once."""

    def __init__(self, size: int = 1000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def again(self, event_id: str | None) -> bool:
        if not event_id:
            return False
        if event_id in self._ids:
            return True
        self._ids[event_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return False


def _from_bot(event: dict[str, Any]) -> bool:
    # Edits, joins and other subtypes are not questions; bots never get an answer.
    return bool(event.get("bot_id") or event.get("subtype") or not event.get("user"))


async def _answer(bot: NewsBot, command: Command) -> Answer:
    if command.sub is Sub.DIGEST:
        return await asyncio.to_thread(bot.digest_now, digest_topics(command.rest))
    return await asyncio.to_thread(bot.ask, question(command) or "")


async def _reply(
    bot: NewsBot, client: AsyncWebClient, channel: str, raw: str, thread: str | None
) -> None:
    text = plain_text(raw)
    try:
        if not text:
            answer = await asyncio.to_thread(bot.answer, Query(Intent.HELP))
        else:
            answer = await asyncio.to_thread(bot.ask, text)
        await post_answer(client, channel, answer, thread_ts=thread)
    except NewsbotError as e:
        await _try_post(client, channel, e.message, thread)
    except SlackApiError as e:
        log.warning("could not post the answer in %s: %s", channel, e.response.get("error"))
    except Exception:
        log.exception("answering a message failed")
        await _try_post(client, channel, SORRY, thread)


async def _try_post(client: AsyncWebClient, channel: str, text: str, thread: str | None) -> None:
    try:
        await post(client, channel, text_message(text), thread_ts=thread)
    except SlackApiError as e:
        log.warning("could not post in %s: %s", channel, e.response.get("error"))
