"""`newsbot run` stops cleanly on SIGTERM (service managers, `docker stop`) and on SIGINT
even when its parent started it with SIGINT ignored (`&` in a non-interactive script)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import ROOT
from tests.fakes.fake_slack import BOT_TOKEN, SECRET, FakeSlack, free_port, until_listening


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


async def _listening(port: int) -> bool:
    async with aiohttp.ClientSession() as session:
        url = f"http://127.0.0.1:{port}/slack/events"
        return await until_listening(session, url, seconds=30, pause=0.05)


@pytest.mark.parametrize(
    ("sent", "started"), [(signal.SIGTERM, None), (signal.SIGINT, _ignore_sigint)]
)
def test_run_stops_on_a_signal(
    slack_fake: FakeSlack, tmp_path: Path, sent: signal.Signals, started: object
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "SLACK_"))}
    env |= {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack_fake.api_url, "NEWSBOT_PORT": str(port)}  # fmt: skip
    log_file = tmp_path / "run.log"
    with log_file.open("w") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "adapters.cli", "--db", str(tmp_path / "s.db"), "run",
             "slack", "--http"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=started,  # only sets a signal disposition
        )  # fmt: skip
        try:
            assert asyncio.run(_listening(port)), log_file.read_text()
        finally:
            child.send_signal(sent)
            code = child.wait(30)
    assert 0 == code, log_file.read_text()
    assert "Traceback" not in log_file.read_text()
