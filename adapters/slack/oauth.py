"""Multi-workspace installs: bolt's OAuth flow over slack_sdk's SQLite installation store."""

from __future__ import annotations

from pathlib import Path

from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlite3 import SQLite3InstallationStore
from slack_sdk.oauth.state_store.sqlite3 import SQLite3OAuthStateStore

from adapters.slack.config import SCOPES
from adapters.slack.digests import TokenLookup
from bot.settings import Settings


def installs_path(settings: Settings) -> str:
    """Installations live beside the article store, in their own file: `newsbot-slack.db`."""
    db = Path(settings.db_path)
    return str(db.with_name(f"{db.stem}-slack.db"))


def oauth_settings(settings: Settings) -> AsyncOAuthSettings:
    """Serves /slack/install and /slack/oauth_redirect; tokens are kept per workspace."""
    database = installs_path(settings)
    assert settings.slack_client_id and settings.slack_client_secret  # checked by config.check
    store = SQLite3InstallationStore(database=database, client_id=settings.slack_client_id)
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(SCOPES),
        installation_store=store,
        state_store=SQLite3OAuthStateStore(database=database, expiration_seconds=600),
    )


def token_lookup(settings: AsyncOAuthSettings) -> TokenLookup:
    """team id → that workspace's bot token, for digests posted outside any request."""
    store = settings.installation_store

    async def token_for(team_id: str) -> str | None:
        bot = await store.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot else None

    return token_for
