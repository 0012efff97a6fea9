"""Digest schedules in the core: validation, what is due when, and the once-only delivery log."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import digest
from bot.contract import Destination, DigestSubscription
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.store import Store
from tests.support import Clock

DEST = Destination("discord", "guild-1", "chan-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8:30", "08:30"), ("08:30", "08:30"), ("7", "07:00"), ("7pm", "19:00"), ("12am", "00:00")],
)
def test_times_are_normalised(text, expected):
    assert expected == digest.parse_time(text)


@pytest.mark.parametrize("text", ["", "25:00", "8:61", "noon-ish", "13pm", "8:30; drop table"])
def test_bad_times_get_a_clear_message(text):
    with pytest.raises(NewsbotError, match="not a time of day"):
        digest.parse_time(text)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../../etc/passwd", "Europe/Londn"])
def test_bad_zones_get_a_clear_message(name):
    with pytest.raises(NewsbotError, match="time zone"):
        digest.zone(name)


def make_bot(tmp_path, now: datetime) -> tuple[NewsBot, Clock]:
    clock = Clock(now)
    return NewsBot(Store.open(tmp_path / "digest.db"), clock), clock


def test_due_once_then_delivered_across_restart(tmp_path):
    start = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)  # 07:00 UTC = 08:00 in Paris
    bot, clock = make_bot(tmp_path, start)
    bot.subscribe_digest(DigestSubscription(DEST, "8:30", "Europe/Paris", ("China",)))
    assert () == bot.due_digests("discord")

    clock.now = start + timedelta(minutes=31)
    due = bot.due_digests("discord")
    assert ["2026-11-27"] == [d.day for d in due]
    assert () == bot.due_digests("slack")
    bot.record_delivery(due[0])
    assert () == bot.due_digests("discord")

    # A restart opens the same file: still delivered, nothing due again that day.
    again = NewsBot(Store.open(tmp_path / "digest.db"), clock)
    assert () == again.due_digests("discord")
    clock.now = start + timedelta(days=1, minutes=31)
    assert ["2026-11-28"] == [d.day for d in again.due_digests("discord")]


def test_missed_days_post_once_late(tmp_path):
    start = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    bot, clock = make_bot(tmp_path, start)
    bot.subscribe_digest(DigestSubscription(DEST, "07:00", "UTC"))
    clock.now = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # down for days, back before today's time
    due = bot.due_digests("discord")
    assert [("2026-11-24", True)] == [(d.day, d.late) for d in due]
    bot.record_delivery(due[0])
    assert () == bot.due_digests("discord")


def test_failed_post_stays_due_and_shows_the_error(tmp_path):
    bot, clock = make_bot(tmp_path, datetime(2026, 11, 27, 6, 0, tzinfo=UTC))
    bot.subscribe_digest(DigestSubscription(DEST, "06:30", "UTC"))
    clock.now = datetime(2026, 11, 27, 6, 31, tzinfo=UTC)
    (due,) = bot.due_digests("discord")
    bot.record_delivery(due, "Missing Access (403)")
    assert "2026-11-27 06:31 UTC: Missing Access (403)" == bot.digest_subscription(DEST).last_error
    assert () == bot.due_digests("discord")  # not hammered: the retry waits
    clock.now += timedelta(minutes=1)
    (again,) = bot.due_digests("discord")
    bot.record_delivery(again, "Missing Access (403)")
    clock.now += timedelta(minutes=1)
    assert () == bot.due_digests("discord")  # the second wait is twice as long
    clock.now += timedelta(minutes=1)
    (retry,) = bot.due_digests("discord")
    bot.record_delivery(retry)
    assert () == bot.due_digests("discord")
    assert None is bot.digest_subscription(DEST).last_error


def test_a_new_subscription_does_not_fire_for_a_time_already_past(tmp_path):
    bot, _ = make_bot(tmp_path, datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    bot.subscribe_digest(DigestSubscription(DEST, "08:00", "UTC"))
    assert () == bot.due_digests("discord")


def test_scopes_are_isolated(tmp_path):
    bot, _ = make_bot(tmp_path, datetime(2026, 11, 27, 12, 0, tzinfo=UTC))
    other = Destination("discord", "guild-2", "chan-9")
    bot.subscribe_digest(DigestSubscription(DEST, "08:00", "UTC"))
    bot.subscribe_digest(DigestSubscription(other, "09:00", "UTC"))
    assert [DEST] == [s.destination for s in bot.subscriptions("discord", "guild-1")]
    assert [other] == [s.destination for s in bot.subscriptions("discord", "guild-2")]
    assert bot.unsubscribe_digest(DEST)
    assert not bot.unsubscribe_digest(DEST)
    assert None is bot.digest_subscription(DEST)
