"""Secrets and access: tokens come only from the environment or `.env`, never reach a log or
an error message (the real `newsbot` command is run with DEBUG logs, and its output grepped),
admin rights are checked on every command, and one workspace never sees another's settings.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import re
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from adapters import logs
from bot import wiring
from bot.contract import Destination, DigestSubscription
from bot.settings import Settings
from tests.conftest import ROOT
from tests.fakes.fake_discord import FAKE_TOKEN, FakeDiscord
from tests.fakes.fake_slack import (
    BOT_TOKEN,
    SECRET,
    TEAM,
    FakeSlack,
    RunningSlack,
    free_port,
    mention_event,
    running_slack,
    until_listening,
)
from tests.fakes.platform_fixtures import slack_settings, started_discord

SECRETS = {
    "DISCORD_TOKEN": FAKE_TOKEN,
    "SLACK_BOT_TOKEN": BOT_TOKEN,
    "SLACK_APP_TOKEN": "xapp-1-secret-app-token",
    "SLACK_SIGNING_SECRET": SECRET,
    "SLACK_CLIENT_SECRET": "client-secret-value-123",
}
WRONG_DISCORD = "MTIz.wrong-but-secret.token-value"
NOW = datetime(2022, 3, 18, 9, tzinfo=UTC)


def child_env(**values: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "DISCORD_", "SLACK_"))
    }
    env["NEWSBOT_LOG_LEVEL"] = "DEBUG"  # the most a log ever says
    env.update(values)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "adapters.cli", *args]


def leaked(output: str, *secrets: str) -> list[str]:
    return [s for s in secrets if s and s in output]


# -- where tokens come from -------------------------------------------------------------


def test_only_the_composition_root_reads_the_environment() -> None:
    """No module but adapters/cli.py reads os.environ, getenv or .env files."""
    reads = re.compile(r"\bos\.environ\b|\bgetenv\(|\bdotenv\b|\benviron\[")
    found = [
        str(path.relative_to(ROOT))
        for folder in ("bot", "adapters")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if reads.search(path.read_text(encoding="utf-8"))
    ]
    assert ["adapters/cli.py"] == found


def test_settings_never_show_a_secret_in_repr() -> None:
    settings = Settings.from_mapping(SECRETS)
    assert FAKE_TOKEN == settings.discord_token
    assert [] == leaked(repr(settings) + str(settings), *SECRETS.values())


async def discord_sync(fake: FakeDiscord, cwd: Path, **env: str) -> tuple[int, str]:
    """`newsbot discord-sync` against the fake Discord; its whole output, DEBUG logs included."""
    process = await asyncio.create_subprocess_exec(
        *command("--db", str(cwd / "s.db"), "discord-sync", "--guild", "100000000000000001"),
        cwd=cwd, env=child_env(DISCORD_API_BASE=fake.api_base, PYTHONPATH=str(ROOT),
                               DISCORD_GATEWAY_URL=fake.gateway_url, **env),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, output.decode()


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    async with started_discord(FakeDiscord(guilds={})) as server:
        yield server


async def test_the_discord_token_comes_from_dotenv_and_never_shows(
    discord_fake: FakeDiscord, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={FAKE_TOKEN}\n", encoding="utf-8")
    code, output = await discord_sync(discord_fake, tmp_path)
    assert 0 == code, output
    assert re.search(r"synced \d+ commands to guild 100000000000000001", output)
    assert "Bot " + FAKE_TOKEN == discord_fake.requests[0].headers["Authorization"]
    assert "DEBUG" in output  # the logs were as talkative as they get
    assert [] == leaked(output, FAKE_TOKEN)


async def test_the_environment_wins_over_dotenv(discord_fake: FakeDiscord, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"DISCORD_TOKEN={WRONG_DISCORD}\n", encoding="utf-8")
    code, output = await discord_sync(discord_fake, tmp_path, DISCORD_TOKEN=FAKE_TOKEN)
    assert 0 == code, output
    assert [] == leaked(output, FAKE_TOKEN, WRONG_DISCORD)


async def test_a_rejected_discord_token_is_named_not_echoed(
    discord_fake: FakeDiscord, tmp_path: Path
) -> None:
    code, output = await discord_sync(discord_fake, tmp_path, DISCORD_TOKEN=WRONG_DISCORD)
    assert 2 == code, output
    assert "DISCORD_TOKEN" in output
    assert "Traceback" not in output
    assert [] == leaked(output, WRONG_DISCORD, "wrong-but-secret")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DISCORD_TOKEN", "Bot MTIz.secret-part.xyz"),
        ("DISCORD_TOKEN", "MTIz secret part"),
        ("SLACK_BOT_TOKEN", "xoxp-user-token-secret-part"),
        ("SLACK_APP_TOKEN", "xoxb-in-the-wrong-place-secret"),
    ],
)
def test_a_malformed_token_is_named_not_echoed(name: str, value: str, tmp_path: Path) -> None:
    platform = "discord" if name.startswith("DISCORD") else "slack"
    env = {name: value}
    if name == "SLACK_APP_TOKEN":
        env["SLACK_BOT_TOKEN"] = BOT_TOKEN
    done = subprocess.run(
        command("--db", str(tmp_path / "m.db"), "run", platform), capture_output=True,
        text=True, cwd=ROOT, env=child_env(**env), timeout=120,
    )  # fmt: skip
    assert 2 == done.returncode, done.stderr
    assert name in done.stderr
    assert [] == leaked(done.stdout + done.stderr, value, "secret")


def test_a_running_slack_bot_never_logs_its_secrets(slack_fake: FakeSlack, tmp_path: Path) -> None:
    """The whole life of `newsbot run slack --http`, DEBUG logs grepped for every secret."""
    port = free_port()
    env = child_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET,
                    SLACK_API_URL=slack_fake.api_url, NEWSBOT_PORT=str(port))  # fmt: skip
    log_file = tmp_path / "run.log"
    with log_file.open("w") as out:
        child = subprocess.Popen(
            command("--db", str(tmp_path / "r.db"), "run", "slack", "--http"),
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            asyncio.run(_mention_and_command(slack_fake, port))
        finally:
            child.send_signal(signal.SIGINT)
            child.wait(30)
    output = log_file.read_text()
    assert "Slack: listening on" in output and "DEBUG" in output
    assert [] == leaked(output, BOT_TOKEN, SECRET)


async def _mention_and_command(fake: FakeSlack, port: int) -> None:
    url = f"http://127.0.0.1:{port}/slack/events"
    async with aiohttp.ClientSession() as session:
        assert await until_listening(session, url, seconds=30, pause=0.05)  # the child listens
        running = RunningSlack(url, fake, session)
        assert 200 == (await running.command("quotes China"))[0]
        assert 200 == (await running.event(mention_event("who said what about China")))[0]
        await fake.calls_after("response", timeout=30)
        await fake.calls_after("chat.postMessage", timeout=30)


def test_a_token_inside_an_exception_is_scrubbed_from_the_log() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    stream = io.StringIO()
    try:
        logs.setup(Settings.from_mapping(SECRETS))
        root.handlers[0].setStream(stream)  # type: ignore[attr-defined]
        try:
            raise RuntimeError(f"the API refused {FAKE_TOKEN} and {BOT_TOKEN}")
        except RuntimeError:
            logging.getLogger("newsbot.test").exception("call failed for %s", SECRET)
        logging.getLogger("newsbot.test").warning("stack", stack_info=True)
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
    output = stream.getvalue()
    assert "RuntimeError: the API refused [redacted] and [redacted]" in output
    assert "call failed for [redacted]" in output
    assert [] == leaked(output, *SECRETS.values())


# -- access -----------------------------------------------------------------------------


def replies(fake: FakeSlack, count: int) -> list[str]:
    return [json.dumps(c.body, ensure_ascii=False) for c in fake.wait_calls("response", count)]


async def test_slack_admin_rights_are_checked_on_every_command(
    slack_fake: FakeSlack, tmp_path: Path
) -> None:
    """An admin demoted in Slack loses digest commands at once: nothing is cached."""
    settings = slack_settings(slack_fake, tmp_path)
    bot = wiring.build(settings, lambda: NOW)
    here = Destination("slack", TEAM, "C0NEWS")
    slack_fake.add_user("U0BOSS", admin=True)
    async with running_slack(slack_fake, bot, settings) as running:
        await running.command("digest-set 08:00 UTC", user_id="U0BOSS")
        await slack_fake.calls_after("response")
        assert bot.digest_subscription(here) is not None
        slack_fake.add_user("U0BOSS", admin=False)  # demoted
        await running.command("digest-off", user_id="U0BOSS")
        await slack_fake.calls_after("response", count=2)
    assert "Only workspace admins and owners" in replies(slack_fake, 2)[1]
    assert bot.digest_subscription(here) is not None
    assert 2 == len(slack_fake.calls_to("users.info"))


async def test_slack_admin_check_fails_closed_when_slack_is_down(
    slack_fake: FakeSlack, tmp_path: Path
) -> None:
    settings = slack_settings(slack_fake, tmp_path)
    bot = wiring.build(settings, lambda: NOW)
    slack_fake.add_user("U0BOSS", admin=True)
    for _ in range(3):  # past the client's retries
        slack_fake.script("users.info", status=503, body={"ok": False, "error": "unavailable"})
    async with running_slack(slack_fake, bot, settings) as running:
        await running.command("digest-set 08:00 UTC", user_id="U0BOSS")
        await slack_fake.calls_after("response", timeout=15)
    assert "Only workspace admins and owners" in replies(slack_fake, 1)[0]
    assert bot.digest_subscription(Destination("slack", TEAM, "C0NEWS")) is None


async def test_one_workspace_cannot_see_or_stop_anothers_digest(
    slack_fake: FakeSlack, tmp_path: Path
) -> None:
    settings = slack_settings(slack_fake, tmp_path)
    bot = wiring.build(settings, lambda: NOW)
    ours = Destination("slack", TEAM, "C0NEWS")
    bot.subscribe_digest(DigestSubscription(ours, "07:15", "Asia/Tokyo", ("China",)))
    slack_fake.add_user("U0OTHER", admin=True)
    async with running_slack(slack_fake, bot, settings) as running:
        # the same channel id, from another workspace's admin
        await running.command("digest-show", user_id="U0OTHER", team_id="T0OTHER")
        await running.command("digest-off", user_id="U0OTHER", team_id="T0OTHER")
        await slack_fake.calls_after("response", count=2)
    shown, stopped = replies(slack_fake, 2)
    assert "This channel has no daily digest." in shown
    assert "07:15" not in shown and "China" not in shown and "Asia/Tokyo" not in shown
    assert "stopped" not in stopped
    assert bot.digest_subscription(ours) is not None
    assert () == bot.subscriptions("slack", "T0OTHER")
