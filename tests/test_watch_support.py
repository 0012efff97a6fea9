"""Shared by the watch tests: small real-looking articles written as .txt files, then ingested.

No tests here; the articles go through the real readers, extractor and store.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from bot.ingest import ingest_paths
from bot.store import Store

FIRST = ("Maria", "Tom", "Aisha", "Peter", "Lena", "Omar", "Grace", "Victor", "Nadia", "Samuel")
LAST = ("Lopez", "Becker", "Rahman", "Novak", "Fischer")
SUBJECTS = (
    "chip exports", "soybean tariffs", "shipping lanes", "rare earth supplies", "student visas",
    "solar panels", "steel quotas", "fishing rights", "currency policy", "airline routes",
    "patent theft", "port security", "pharmaceutical inputs", "battery plants", "grain deals",
    "data rules", "telecom gear", "film quotas", "sports sponsorship", "climate pledges",
    "debt relief", "satellite launches", "coal imports", "auto parts", "tourism numbers",
)  # fmt: skip


def write_article(
    folder: Path,
    name: str,
    title: str,
    body: str,
    *,
    url: str,
    outlet: str = "The Hill",
    published: str = "2022-03-18T08:00:00Z",
) -> Path:
    """`name`.txt with a sidecar giving its outlet, URL and publication time."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    meta = {"outlet": outlet, "url": url, "published": published}
    (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def taiwan_story(folder: Path) -> Path:
    """One story quoting a Chinese spokesman and Antony Blinken on China."""
    body = (
        "Beijing on Monday condemned a planned U.S. arms sale to Taiwan and threatened"
        " countermeasures.\n\n"
        "“The United States should stop arming Taiwan and stop creating new tensions,”"
        " spokesman Wang Wenbin told reporters in Beijing.\n\n"
        "Secretary of State Antony Blinken said the sale was routine. “Our policy toward China"
        " has not changed @everyone,” Blinken said."
    )
    return write_article(
        folder,
        "taiwan",
        "China warns Washington over Taiwan arms sale",
        body,
        url="https://example.com/news/taiwan-arms-sale",
    )


def weather_story(folder: Path, name: str = "weather") -> Path:
    """A story with a quote on nothing anyone watches."""
    body = (
        "Heavy rain is expected across the Midwest this weekend.\n\n"
        "“Farmers should expect delays in planting,” said meteorologist Dana Whitfield."
    )
    return write_article(
        folder, name, "Storms to soak the Midwest", body, url=f"https://example.com/{name}"
    )


def burst(folder: Path, count: int) -> list[Path]:
    """`count` different articles, each quoting a different lawmaker about China."""
    paths = []
    for n in range(count):
        speaker = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST)]}"
        subject = SUBJECTS[n % len(SUBJECTS)]
        body = (
            f"The Senate committee met on Tuesday to discuss {subject} and the wider"
            f" relationship with China, hearing {n + 3} witnesses.\n\n"
            f"“China must answer for its record on {subject},” said Senator {speaker}."
        )
        paths.append(
            write_article(
                folder,
                f"burst{n:02d}",
                f"Senate hearing {n + 1} on China and {subject}",
                body,
                url=f"https://example.com/burst/{n}",
            )
        )
    return paths


def ingest(store: Store, now: datetime, *paths: Path) -> None:
    report = ingest_paths(store, list(paths), now)
    assert report.ok, report.summary_line()
