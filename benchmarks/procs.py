"""Child processes for benchmarks: start newsbot as a user does, stop it cleanly, and
measure its memory (sampled RSS of the process tree, and the kernel's VmHWM)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import psutil

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_EVERY = 0.5  # seconds between RSS samples
MB = 1024 * 1024


class RssSampler:
    """Max RSS of each watched process tree (the process and its children), every 0.5 s,
    in a thread so a busy load-generator loop cannot delay the samples."""

    def __init__(self) -> None:
        self.peak_mb: dict[str, float] = {}
        self._watched: dict[str, psutil.Process] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def watch(self, name: str, pid: int) -> None:
        self._watched[name] = psutil.Process(pid)
        self.sample()
        if not self._thread.is_alive():
            self._thread.start()

    def sample(self) -> None:
        for name, proc in list(self._watched.items()):
            with contextlib.suppress(psutil.Error):
                tree = [proc, *proc.children(recursive=True)]
                total = 0
                for p in tree:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                self.peak_mb[name] = max(self.peak_mb.get(name, 0.0), total / MB)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY):
            self.sample()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)


def vm_hwm_mb(pid: int) -> float | None:
    """The kernel's exact peak RSS of one process (not its children), while it is alive."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def newsbot() -> list[str]:
    """The installed `newsbot` command next to this Python, as a user runs it."""
    script = Path(sys.executable).with_name("newsbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "adapters.cli"]


def spawn(args: list[str], env: dict[str, str], log: IO[str]) -> subprocess.Popen:
    # `--env-file /dev/null`: a developer's .env must not change the bot being measured.
    command = [*newsbot(), "--env-file", os.devnull, *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen, grace: float = 15.0) -> int:
    """Ctrl-C (a clean shutdown), then kill it and its children if it is not gone in `grace` s."""
    children: list[psutil.Process] = []
    if proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for child in children:  # any that outlived their parent (is_running checks pid reuse)
        with contextlib.suppress(psutil.Error):
            if child.is_running():
                child.kill()
    return proc.returncode


def tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
