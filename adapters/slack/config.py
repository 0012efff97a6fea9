"""Slack settings checks, the Web API client, and start-up token verification.

Every failure is a `NewsbotError` naming the setting to fix; token values never appear
in a message or a log line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from aiohttp import ClientOSError, ServerConnectionError, ServerDisconnectedError
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import NewsbotError
from bot.settings import Settings

DEFAULT_API_URL = "https://slack.com/api/"
TIMEOUT = 30  # seconds for one Web API call before it counts as failed (and is retried)
RETRIES = 2  # after a connection error, a timeout or a 500/503, with a growing wait
SCOPES = ("app_mentions:read", "chat:write", "commands", "im:history", "users:read")


class Mode(StrEnum):
    SOCKET = "socket"
    HTTP = "http"


@dataclass(frozen=True)
class SlackConfig:
    """What `serve` needs, checked: the mode, and whether workspaces install via OAuth."""

    mode: Mode
    oauth: bool
    api_url: str


def check(settings: Settings, http: bool = False) -> SlackConfig:
    """Validate the Slack settings for the chosen mode, before anything connects."""
    oauth = bool(settings.slack_client_id or settings.slack_client_secret)
    if oauth and not (settings.slack_client_id and settings.slack_client_secret):
        missing = "SLACK_CLIENT_SECRET" if settings.slack_client_id else "SLACK_CLIENT_ID"
        raise NewsbotError(
            f"{missing} is not set: multi-workspace installs need both SLACK_CLIENT_ID and "
            "SLACK_CLIENT_SECRET (or neither, for a single workspace).",
            setting=missing,
        )
    # Installing into other workspaces needs the public /slack/install pages: HTTP mode.
    mode = Mode.SOCKET if settings.slack_app_token and not http and not oauth else Mode.HTTP
    if not oauth:
        _require_prefix(settings.slack_bot_token, "SLACK_BOT_TOKEN", "xoxb-", "bot token")
    if mode is Mode.SOCKET:
        _require_prefix(settings.slack_app_token, "SLACK_APP_TOKEN", "xapp-", "app-level token")
    elif not settings.slack_signing_secret:
        raise NewsbotError(
            "SLACK_SIGNING_SECRET is not set: HTTP mode verifies every request with it "
            "(Basic Information → Signing Secret). Or set SLACK_APP_TOKEN for Socket Mode.",
            setting="SLACK_SIGNING_SECRET",
        )
    api_url = settings.slack_api_url or DEFAULT_API_URL
    if not api_url.startswith(("http://", "https://")):
        raise NewsbotError("SLACK_API_URL must be an http(s) URL.", setting="SLACK_API_URL")
    # slack_sdk joins method names with urljoin: without the slash, "/api" is dropped.
    api_url = api_url if api_url.endswith("/") else api_url + "/"
    return SlackConfig(mode=mode, oauth=oauth, api_url=api_url)


def _require_prefix(value: str | None, name: str, prefix: str, what: str) -> None:
    if not value:
        raise NewsbotError(f"{name} is not set: Slack needs the {what} ({prefix}…).", setting=name)
    if not value.startswith(prefix):
        raise NewsbotError(
            f"{name} does not look like a Slack {what}: it should start with {prefix}.",
            setting=name,
        )


def make_client(api_url: str, token: str | None = None) -> AsyncWebClient:
    """A Web API client that rides out short outages: connection errors, timeouts and 500/503
    are retried with exponential backoff (0.5 s, 1 s), and a 429 waits for Retry-After."""
    dropped = [ServerConnectionError, ServerDisconnectedError, ClientOSError, TimeoutError]
    return AsyncWebClient(
        token=token,
        base_url=api_url,
        timeout=TIMEOUT,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=RETRIES, error_types=dropped),
            AsyncServerErrorRetryHandler(max_retry_count=RETRIES),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        ],
    )


async def verify_bot_token(client: AsyncWebClient) -> dict[str, str]:
    """`auth.test` once at start-up, so a bad token fails loudly now, not on the first event."""
    try:
        response = await client.auth_test()
    except SlackApiError as e:
        raise NewsbotError(
            f"Slack rejected SLACK_BOT_TOKEN ({_error_code(e)}): copy the Bot User OAuth "
            "Token from OAuth & Permissions after installing the app.",
            setting="SLACK_BOT_TOKEN",
        ) from None
    except OSError as e:
        raise NewsbotError(
            f"Cannot reach the Slack Web API at {client.base_url} ({type(e).__name__}).",
            setting="SLACK_API_URL",
        ) from None
    return {"team_id": str(response.get("team_id", "")), "user_id": str(response["user_id"])}


async def open_socket_url(client: AsyncWebClient, app_token: str) -> str:
    """`apps.connections.open` once, since the socket client would retry a bad token forever."""
    try:
        response = await client.apps_connections_open(app_token=app_token)
    except SlackApiError as e:
        raise NewsbotError(
            f"Slack rejected SLACK_APP_TOKEN ({_error_code(e)}): create an app-level token "
            "with the connections:write scope under Basic Information, and enable Socket Mode.",
            setting="SLACK_APP_TOKEN",
        ) from None
    except OSError as e:
        raise NewsbotError(
            f"Cannot reach the Slack Web API at {client.base_url} ({type(e).__name__}).",
            setting="SLACK_API_URL",
        ) from None
    return str(response["url"])


def _error_code(error: SlackApiError) -> str:
    try:
        return str(error.response.get("error") or "unknown error")
    except AttributeError:
        return "unknown error"
