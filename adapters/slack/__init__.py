"""The Slack adapter: `/news`, mentions and DMs over Socket Mode or HTTP, plus daily digests.

`serve` is the one entry point; it validates settings first and runs until cancelled.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from adapters.slack import config, digests, oauth, server
from adapters.slack.handlers import build_app
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.core import NewsBot

log = logging.getLogger(__name__)

__all__ = ["serve"]


async def serve(
    bot: NewsBot,
    settings: Settings,
    http: bool = False,
    *,
    digest_interval: float = digests.INTERVAL,
) -> None:
    """Run the Slack adapter until cancelled.

    Socket Mode when SLACK_APP_TOKEN is set (and `http` is False), else HTTP on
    settings.host:settings.port at /slack/events. Raises `NewsbotError` naming the
    setting when a token or secret is missing or refused.
    """
    checked = config.check(settings, http)
    client = config.make_client(
        checked.api_url, None if checked.oauth else settings.slack_bot_token
    )
    oauth_settings = oauth.oauth_settings(settings) if checked.oauth else None
    if oauth_settings is None:
        identity = await config.verify_bot_token(client)
        log.info("Slack: bot user %s in workspace %s", identity["user_id"], identity["team_id"])
    app = build_app(bot, settings, client, oauth_settings)
    token_for = oauth.token_lookup(oauth_settings) if oauth_settings else None

    if checked.mode is config.Mode.SOCKET:
        assert settings.slack_app_token  # checked above
        url = await config.open_socket_url(client, settings.slack_app_token)
        handler = await server.start_socket(app, settings.slack_app_token, client, url)
        log.info("Slack: connected over Socket Mode")
        stop = handler.close_async
    else:
        runner = await server.start_http(app, settings.host, settings.port)
        where = f"http://{settings.host}:{server.bound_port(runner)}{server.EVENTS_PATH}"
        log.info("Slack: listening on %s", where)
        stop = runner.cleanup

    timer = asyncio.create_task(digests.run_timer(bot, client, token_for, digest_interval))
    try:
        await asyncio.Event().wait()  # until cancelled
    finally:
        timer.cancel()
        await asyncio.gather(timer, return_exceptions=True)
        await stop()
