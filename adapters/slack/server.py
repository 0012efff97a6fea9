"""The two transports: an aiohttp server for `/slack/events` (HTTP mode) and Socket Mode.

Bolt's own `start()` binds every interface and blocks; this binds exactly `host:port`
inside the running event loop, next to anything else (Discord) sharing it.
"""

from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.app.async_server import AsyncSlackAppServer
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NewsbotError

EVENTS_PATH = "/slack/events"


async def start_http(app: AsyncApp, host: str, port: int) -> web.AppRunner:
    """Serve `/slack/events` (and the OAuth install pages, if enabled) on host:port."""
    server = AsyncSlackAppServer(port=port, path=EVENTS_PATH, app=app, host=host)
    runner = web.AppRunner(server.web_app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as e:
        await runner.cleanup()
        raise NewsbotError(
            f"Cannot listen on {host}:{port} ({e.strerror or e}): pick another NEWSBOT_PORT.",
            setting="NEWSBOT_PORT",
        ) from None
    return runner


def bound_port(runner: web.AppRunner) -> int:
    """The port actually bound (useful with port 0)."""
    return int(runner.addresses[0][1])


async def start_socket(
    app: AsyncApp, app_token: str, client: AsyncWebClient, wss_url: str
) -> AsyncSocketModeHandler:
    """Connect Socket Mode using a URL already issued (and so the token already checked)."""
    handler = AsyncSocketModeHandler(app, app_token=app_token, web_client=client)
    handler.client.wss_uri = wss_url
    await handler.connect_async()
    return handler
