"""Settings built from a mapping (the environment merged with `.env`), validated once.

Only the composition root calls `Settings.from_mapping`; everything else is handed
the finished object. Secrets are kept out of `repr` so they never reach a log.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import NewsbotError

DEFAULT_DB = "newsbot.db"
# The seeds ship with the code, so a default that does not depend on the working directory.
DEFAULT_SEEDS = str(Path(__file__).resolve().parents[1] / "seeds")


def _secret(default: str | None = None) -> str | None:
    return field(default=default, repr=False)


@dataclass(frozen=True)
class Settings:
    db_path: str = DEFAULT_DB
    seeds_dir: str = DEFAULT_SEEDS
    page_size: int = 10
    busy_timeout: float = 10.0  # seconds to wait for another program's write lock on the store
    # Discord
    discord_token: str | None = _secret()
    discord_api_base: str | None = None  # e.g. a rate-limit proxy; default is Discord's own
    discord_gateway_url: str | None = None
    discord_dev_guild: str | None = None  # sync commands to this guild instantly while developing
    # Slack
    slack_bot_token: str | None = _secret()
    slack_app_token: str | None = _secret()  # xapp-…: Socket Mode when set
    slack_signing_secret: str | None = _secret()
    slack_api_url: str | None = None  # Web API base, for proxies and tests
    slack_client_id: str | None = None
    slack_client_secret: str | None = _secret()
    slack_admins: tuple[str, ...] = ()  # user ids allowed to run admin subcommands
    host: str = "127.0.0.1"
    port: int = 3000
    # Fetching
    fetch_allow: tuple[str, ...] = ()  # hosts or CIDRs exempt from the private-address guard
    log_level: str = "INFO"

    @classmethod
    def from_mapping(cls, env: Mapping[str, str]) -> Settings:
        """Read `NEWSBOT_*`, `DISCORD_*` and `SLACK_*` names; raise `NewsbotError` on bad values."""

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value and value.strip() else None

        def integer(name: str, default: int, low: int, high: int) -> int:
            raw = get(name)
            if raw is None:
                return default
            try:
                value = int(raw)
            except ValueError:
                raise NewsbotError(
                    f"{name} must be a whole number, not {raw!r}.", setting=name
                ) from None
            if not low <= value <= high:
                raise NewsbotError(f"{name} must be between {low} and {high}.", setting=name)
            return value

        def items(name: str) -> tuple[str, ...]:
            return tuple(p.strip() for p in (get(name) or "").split(",") if p.strip())

        def seconds(name: str, default: float, high: float) -> float:
            raw = get(name)
            if raw is None:
                return default
            try:
                value = float(raw)
            except ValueError:
                raise NewsbotError(
                    f"{name} must be a number of seconds, not {raw!r}.", setting=name
                ) from None
            if not 0 <= value <= high:
                raise NewsbotError(f"{name} must be between 0 and {high:g} seconds.", setting=name)
            return value

        allow = items("NEWSBOT_FETCH_ALLOW")
        for entry in allow:
            _check_allow_entry(entry)
        level = (get("NEWSBOT_LOG_LEVEL") or "INFO").upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise NewsbotError(
                "NEWSBOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR.",
                setting="NEWSBOT_LOG_LEVEL",
            )
        return cls(
            db_path=get("NEWSBOT_DB") or DEFAULT_DB,
            seeds_dir=get("NEWSBOT_SEEDS") or DEFAULT_SEEDS,
            page_size=integer("NEWSBOT_PAGE_SIZE", 10, 1, 25),
            busy_timeout=seconds("NEWSBOT_BUSY_TIMEOUT", 10.0, 600.0),
            discord_token=get("DISCORD_TOKEN"),
            discord_api_base=get("DISCORD_API_BASE"),
            discord_gateway_url=get("DISCORD_GATEWAY_URL"),
            discord_dev_guild=get("DISCORD_DEV_GUILD"),
            slack_bot_token=get("SLACK_BOT_TOKEN"),
            slack_app_token=get("SLACK_APP_TOKEN"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_api_url=get("SLACK_API_URL"),
            slack_client_id=get("SLACK_CLIENT_ID"),
            slack_client_secret=get("SLACK_CLIENT_SECRET"),
            slack_admins=items("SLACK_ADMINS"),
            host=get("NEWSBOT_HOST") or "127.0.0.1",
            port=integer("NEWSBOT_PORT", 3000, 1, 65535),
            fetch_allow=allow,
            log_level=level,
        )

    def seeds_path(self) -> Path:
        return Path(self.seeds_dir)


def _check_allow_entry(entry: str) -> None:
    if "/" in entry:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise NewsbotError(
                f"NEWSBOT_FETCH_ALLOW entry {entry!r} is not a valid CIDR.",
                setting="NEWSBOT_FETCH_ALLOW",
            ) from None
