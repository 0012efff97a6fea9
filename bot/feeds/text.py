"""Pure: feed records as the plain lines `newsbot feeds …` prints and chat admin can reuse."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from bot.feeds.model import Feed, ItemLog, PollSummary
from bot.feeds.schedule import format_every


def _at(when: datetime | None) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if when else "never"


def feed_line(feed: Feed) -> str:
    """'https://…/rss  every 15m  ok  12 stored  next 2026-11-27 01:15 UTC  — Title'"""
    if feed.paused:
        state = "paused"
    elif feed.status == "failing":
        failures = f"{feed.failures} failures: {feed.last_error}"
        state = f"FAILING ({failures}), retry {_at(feed.next_poll)}"
    elif feed.last_error:
        state = f"error ({feed.last_error}), retry {_at(feed.next_poll)}"
    else:
        state = f"{feed.status}, next {_at(feed.next_poll)}"
    title = f" — {feed.title}" if feed.title else ""
    every = format_every(feed.every)
    return f"{feed.url}  every {every}  {state}  {feed.stored} stored{title}"


def poll_line(results: Sequence[PollSummary]) -> str:
    """One summary line for a poll, e.g. 'polled 3 feeds (1 not modified, 1 failed): 42 new…'."""
    failed = [r for r in results if r.status == "failed"]
    unchanged = sum(r.status == "not modified" for r in results)
    new = sum(r.new for r in results)
    dups = sum(r.duplicates for r in results)
    old = sum(r.too_old for r in results)
    rejected = sum(r.rejected for r in results)
    head = f"polled {len(results)} feeds ({unchanged} not modified, {len(failed)} failed)"
    return f"{head}: {new} new, {dups} duplicates, {old} too old, {rejected} rejected"


def explain_line(item: ItemLog) -> str:
    what = item.url or item.guid
    when = _at(item.seen)
    if item.outcome in {"stored", "updated"}:
        note = f" ({item.reason})" if item.reason else ""
        return f"{what}: {item.outcome} as article {item.article_id} on {when}{note}."
    if item.outcome == "duplicate":
        return f"{what}: not stored, duplicate of {item.duplicate_of} ({item.reason}); {when}."
    if item.outcome == "too old":
        return f"{what}: not stored, too old ({item.reason}); {when}."
    return f"{what}: not stored, rejected: {item.reason}; {when}."
