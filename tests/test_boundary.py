"""The core never imports a platform library or an adapter: walk every import to keep it so."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

FORBIDDEN = ("discord", "slack_bolt", "slack_sdk", "adapters", "aiohttp")


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_platform_or_adapter():
    offenders = {}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        bad = {m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert {} == offenders


def test_only_the_store_speaks_sql():
    speakers = set()
    for path in sorted((ROOT / "bot").rglob("*.py")):
        modules = imported_modules(path)
        if {"sqlite3", "sqlite_utils"} & {m.split(".")[0] for m in modules}:
            speakers.add(str(path.relative_to(ROOT)))
    allowed = {p for p in speakers if p.startswith("bot/store/") or p == "bot/schema.py"}
    assert allowed == speakers
