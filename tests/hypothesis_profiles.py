"""Hypothesis profiles for the fuzz suites (`tests/test_fuzz_*.py`) and a count of cases tried.

"ci" (the default) is derandomized, so every run tries the same cases, with modest budgets
that keep the whole suite fast. "long" (`HYPOTHESIS_PROFILE=long`) is randomized and tries
`LONG_FACTOR` times as many; see docs/fuzzing.md. Only the fuzz modules use these profiles:
nothing here changes the settings of other test files.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

F = TypeVar("F", bound=Callable[..., Any])

LONG_FACTOR = 50
_COMMON: dict[str, Any] = {
    "deadline": None,  # timing is the benchmarks' business, not a fuzz failure
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
    "print_blob": True,  # a failure prints the blob to replay it with @reproduce_failure
}
settings.register_profile("ci", derandomize=True, database=None, **_COMMON)
settings.register_profile("long", **_COMMON)

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in {"ci", "long"}:
    raise ValueError(f"HYPOTHESIS_PROFILE must be ci or long, not {PROFILE!r}")
SCALE = LONG_FACTOR if PROFILE == "long" else 1
# A long run outlasts pytest-timeout's per-test limit, whose alarm would break a run midway.
MARKS = [pytest.mark.usefixtures("fuzz_report")] + (
    [pytest.mark.timeout(0)] if PROFILE == "long" else []
)

# Cases each fuzz test actually ran, by test name, for the whole session.
TRIED: Counter[str] = Counter()


def fuzz(examples: int) -> Callable[[F], F]:
    """`@settings` from the active profile with `examples` cases (times SCALE when long)."""
    return settings(settings.get_profile(PROFILE), max_examples=examples * SCALE)


def tried(name: str) -> None:
    TRIED[name] += 1


@pytest.fixture(scope="module", autouse=False)
def fuzz_report(request: pytest.FixtureRequest) -> Iterator[None]:
    """At the end of a fuzz module, print its case counts (and append them to FUZZ_COUNTS)."""
    before = Counter(TRIED)
    yield
    module = request.module.__name__.rsplit(".", 1)[-1]
    counts = {k: v - before.get(k, 0) for k, v in TRIED.items() if v - before.get(k, 0)}
    line = f"{module} [{PROFILE}]: {sum(counts.values())} cases, " + ", ".join(
        f"{k}={v}" for k, v in sorted(counts.items())
    )
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None:
        quiet = capture.global_and_fixture_disabled() if capture else contextlib.nullcontext()
        with quiet:  # shown even while pytest captures output
            reporter.write_line("")
            reporter.write_line(f"fuzz: {line}")
    target = os.environ.get("FUZZ_COUNTS")
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(json.dumps({"module": module, "profile": PROFILE, "cases": counts}) + "\n")
