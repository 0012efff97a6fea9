"""The bot caps glibc's malloc arenas; on other C libraries nothing changes and nothing fails."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from adapters import memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_arenas_are_capped_on_glibc() -> None:
    # In a child process: the cap is process-wide and must not leak into other tests.
    code = "from adapters import memory; print(memory.fewer_malloc_arenas(2))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "True" == result.stdout.strip()


def test_without_mallopt_it_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoMallopt:
        def __init__(self, name: object) -> None:
            pass

    monkeypatch.setattr(memory.ctypes, "CDLL", NoMallopt)
    assert False is memory.fewer_malloc_arenas()
