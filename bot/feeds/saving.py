"""Store a batch of built pages and log each item's outcome; runs on the poller's writer thread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.feeds.model import ItemLog, item_log
from bot.feeds.pages import Built
from bot.names import canonical_url, content_hash

if TYPE_CHECKING:
    from bot.store import Store


@dataclass(frozen=True)
class Saved:
    stored: Counter[str]  # feed URL -> articles added or updated
    outcomes: Counter[tuple[str, str]]  # (feed URL, "duplicate" | "rejected") -> count


def save_built(store: Store, built: Sequence[Built], now: datetime) -> Saved:
    logs: list[ItemLog] = []
    outcomes: Counter[tuple[str, str]] = Counter()
    stored: Counter[str] = Counter()
    keep = [b for b in built if b.article is not None]
    for b in built:
        if b.article is None:
            logs.append(item_log(b.job.feed_url, b.job, now, "rejected", b.reason))
            outcomes[(b.job.feed_url, "rejected")] += 1
    batch = []
    for b in keep:
        article = b.article
        assert article is not None
        if article.published is None:  # missing or broken dates: the fetch time
            article = replace(article, published=now)
        batch.append((article, b.extraction))
    results = store.save_articles(batch, now) if batch else []
    for b, (article, _), outcome in zip(keep, batch, results, strict=True):
        if outcome in {"added", "updated"}:
            stored[b.job.feed_url] += 1
            word = "stored" if outcome == "added" else "updated"
            logs.append(item_log(b.job.feed_url, b.job, now, word, b.reason, article_id=article.id))
            continue
        found = store.find_article(
            article.id, canonical_url(article.url), content_hash(article.text)
        )
        dup = found[0] if found else None
        logs.append(
            item_log(b.job.feed_url, b.job, now, "duplicate", "same text as a stored article", dup)
        )
        outcomes[(b.job.feed_url, "duplicate")] += 1
    if logs:
        store.log_feed_items(logs, dict(stored))
    return Saved(stored, outcomes)
