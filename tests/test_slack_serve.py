"""`serve()` start-up: settings checked first, refused tokens named, the manifest in step."""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from adapters.slack import config, serve
from bot import wiring
from bot.errors import NewsbotError
from bot.settings import Settings
from tests.fakes.fake_slack import APP_TOKEN, BOT_TOKEN, SECRET, FakeSlack

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2022, 3, 18, 12, 0, tzinfo=UTC)


@pytest.fixture
def fake(slack_fake: FakeSlack) -> FakeSlack:
    return slack_fake


def settings(**values: Any) -> Settings:
    return Settings(**values)


@pytest.mark.parametrize(
    ("values", "http", "setting"),
    [
        ({"slack_signing_secret": SECRET}, True, "SLACK_BOT_TOKEN"),
        (
            {"slack_bot_token": "xoxp-user-token", "slack_signing_secret": SECRET},
            True,
            "SLACK_BOT_TOKEN",
        ),
        ({"slack_bot_token": BOT_TOKEN}, True, "SLACK_SIGNING_SECRET"),
        ({"slack_bot_token": BOT_TOKEN}, False, "SLACK_SIGNING_SECRET"),
        ({"slack_bot_token": BOT_TOKEN, "slack_app_token": "xoxb-wrong"}, False, "SLACK_APP_TOKEN"),
        (
            {"slack_client_id": "123.456", "slack_signing_secret": SECRET},
            True,
            "SLACK_CLIENT_SECRET",
        ),
        (
            {
                "slack_bot_token": BOT_TOKEN,
                "slack_signing_secret": SECRET,
                "slack_api_url": "ftp://x",
            },
            True,
            "SLACK_API_URL",
        ),
    ],
)
def test_bad_settings_name_the_setting(values: dict[str, Any], http: bool, setting: str) -> None:
    with pytest.raises(NewsbotError) as info:
        config.check(settings(**values), http)
    assert setting == info.value.setting
    assert setting in info.value.message
    for secret in values.values():
        if str(secret).startswith(("xox", "xapp")):
            assert str(secret) not in info.value.message


def test_mode_choice() -> None:
    both = settings(
        slack_bot_token=BOT_TOKEN, slack_app_token=APP_TOKEN, slack_signing_secret=SECRET
    )
    assert config.Mode.SOCKET == config.check(both).mode
    assert config.Mode.HTTP == config.check(both, http=True).mode
    oauth = settings(slack_client_id="1.2", slack_client_secret="s", slack_signing_secret=SECRET)
    checked = config.check(oauth)
    assert (config.Mode.HTTP, True) == (checked.mode, checked.oauth)
    assert "https://slack.com/api/" == checked.api_url
    local = settings(
        slack_bot_token=BOT_TOKEN, slack_app_token=APP_TOKEN, slack_api_url="http://h/api"
    )
    assert "http://h/api/" == config.check(local).api_url


async def test_refused_bot_token_is_named_and_not_shown(fake: FakeSlack, tmp_path: Path) -> None:
    values = Settings(
        db_path=str(tmp_path / "t.db"),
        slack_bot_token="xoxb-revoked-token",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
    )
    with pytest.raises(NewsbotError) as info:
        await serve(wiring.build(values, lambda: NOW), values, http=True)
    assert "SLACK_BOT_TOKEN" == info.value.setting
    assert "invalid_auth" in info.value.message
    assert "xoxb-revoked-token" not in info.value.message


async def test_refused_app_token_is_named(fake: FakeSlack, tmp_path: Path) -> None:
    values = Settings(
        db_path=str(tmp_path / "t.db"),
        slack_bot_token=BOT_TOKEN,
        slack_app_token="xapp-revoked",
        slack_api_url=fake.api_url,
    )
    with pytest.raises(NewsbotError) as info:
        await serve(wiring.build(values, lambda: NOW), values)
    assert "SLACK_APP_TOKEN" == info.value.setting
    assert [] == fake.calls_to("socket.connect")


async def test_unreachable_api_is_named(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/api/"
    values = Settings(
        db_path=str(tmp_path / "t.db"),
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=dead,
    )
    with pytest.raises(NewsbotError) as info:
        await serve(wiring.build(values, lambda: NOW), values, http=True)
    assert "SLACK_API_URL" == info.value.setting


async def test_busy_port_is_named(fake: FakeSlack, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        values = Settings(
            db_path=str(tmp_path / "t.db"),
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SECRET,
            slack_api_url=fake.api_url,
            port=taken.getsockname()[1],
        )
        with pytest.raises(NewsbotError) as info:
            await serve(wiring.build(values, lambda: NOW), values, http=True)
    assert "NEWSBOT_PORT" == info.value.setting


def test_manifest_matches_the_code() -> None:
    text = (ROOT / "adapters" / "slack" / "manifest.yml").read_text()
    bot_scopes = re.search(r"bot:\n((?:\s+- \S+.*\n)+)", text)
    assert bot_scopes is not None
    scopes = tuple(re.findall(r"- (\S+)", bot_scopes.group(1)))
    assert config.SCOPES == scopes
    assert "- command: /news" in text
    assert "- app_mention" in text
    assert "- message.im" in text
    assert "socket_mode_enabled: true" in text
