"""Shared fixtures: the repository root, the shared data folder, a fixed clock, platform fakes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

# The platform fakes' shared fixtures (`settings` for Discord, `slack_fake`) and their builders.
pytest_plugins = ["tests.fakes.platform_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
# The founding article was updated at 2:34 p.m. Eastern on 17 March 2022; "now" is just after.
SEED_NOW = datetime(2022, 3, 17, 20, 0, tzinfo=UTC)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
