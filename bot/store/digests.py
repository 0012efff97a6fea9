"""Digest subscriptions and the delivery log.

A row per destination and day in the log is what makes a digest post happen once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.contract import Destination, DigestSubscription, DueDigest
from bot.digest import DeliveryLog


def _subscription(row: dict) -> DigestSubscription:
    return DigestSubscription(
        destination=Destination(row["platform"], row["scope"], row["channel"]),
        time=row["time"],
        timezone=row["timezone"],
        topics=tuple(t for t in (row["topics"] or "").split("\n") if t),
        last_error=row["last_error"],
        created=datetime.fromisoformat(row["created"]) if row["created"] else None,
    )


def save(db: Database, sub: DigestSubscription, now: datetime) -> None:
    d = sub.destination
    with db.atomic():
        db.execute(
            "insert into digest_subscriptions (platform, scope, channel, time, timezone, topics,"
            " created, last_error) values (?, ?, ?, ?, ?, ?, ?, null)"
            " on conflict (platform, scope, channel) do update set time = excluded.time,"
            " timezone = excluded.timezone, topics = excluded.topics, last_error = null",
            [
                d.platform,
                d.scope,
                d.channel,
                sub.time,
                sub.timezone,
                "\n".join(sub.topics),
                (sub.created or now).astimezone(UTC).isoformat(timespec="seconds"),
            ],
        )


def delete(db: Database, d: Destination) -> bool:
    with db.atomic():
        cursor = db.execute(
            "delete from digest_subscriptions where platform = ? and scope = ? and channel = ?",
            [d.platform, d.scope, d.channel],
        )
    return cursor.rowcount > 0


def one(db: Database, d: Destination) -> DigestSubscription | None:
    rows = list(
        db.query(
            "select * from digest_subscriptions where platform = ? and scope = ? and channel = ?",
            [d.platform, d.scope, d.channel],
        )
    )
    return _subscription(rows[0]) if rows else None


def many(db: Database, platform: str, scope: str | None) -> tuple[DigestSubscription, ...]:
    sql = "select * from digest_subscriptions where platform = ?"
    params = [platform]
    if scope is not None:
        sql += " and scope = ?"
        params.append(scope)
    return tuple(_subscription(r) for r in db.query(sql + " order by scope, channel", params))


def log(db: Database, d: Destination) -> DeliveryLog:
    rows = db.execute(
        "select day, delivered, attempts, attempted from digest_deliveries"
        " where platform = ? and scope = ? and channel = ? order by day desc limit 7",
        [d.platform, d.scope, d.channel],
    ).fetchall()
    return DeliveryLog(
        delivered=frozenset(day for day, delivered, _, _ in rows if delivered),
        failures={
            day: (attempts, datetime.fromisoformat(attempted))
            for day, delivered, attempts, attempted in rows
            if not delivered and attempted
        },
    )


def record(db: Database, due: DueDigest, error: str | None, now: datetime) -> None:
    d = due.subscription.destination
    stamp = now.astimezone(UTC).isoformat(timespec="seconds")
    with db.atomic():
        db.execute(
            "insert into digest_deliveries (platform, scope, channel, day, delivered, attempts,"
            " error, attempted) values (?, ?, ?, ?, ?, 1, ?, ?)"
            " on conflict (platform, scope, channel, day) do update set"
            " delivered = coalesce(digest_deliveries.delivered, excluded.delivered),"
            " attempts = digest_deliveries.attempts + 1, error = excluded.error,"
            " attempted = excluded.attempted",
            [d.platform, d.scope, d.channel, due.day, None if error else stamp, error, stamp],
        )
        if not error:
            db.execute(
                "update digest_sent set sent = 1 where platform = ? and scope = ? and channel = ?"
                " and day = ?",
                [d.platform, d.scope, d.channel, due.day],
            )
        db.execute(
            "update digest_subscriptions set last_error = ? where platform = ? and scope = ?"
            " and channel = ?",
            [
                f"{now.astimezone(UTC):%Y-%m-%d %H:%M} UTC: {error}" if error else None,
                d.platform,
                d.scope,
                d.channel,
            ],
        )


def sent_stories(db: Database, d: Destination) -> tuple[int, ...]:
    """Stories this destination already got in a delivered digest."""
    rows = db.execute(
        "select distinct a.story from digest_sent s join articles a on a.id = s.article_id"
        " where s.platform = ? and s.scope = ? and s.channel = ? and s.sent = 1"
        " and a.story is not null order by s.day desc limit 500",
        [d.platform, d.scope, d.channel],
    )
    return tuple(r[0] for r in rows)


def offer(db: Database, due: DueDigest, article_ids: Sequence[str]) -> None:
    """Remember what this day's digest holds; it counts as sent once the post succeeds."""
    d = due.subscription.destination
    with db.atomic():
        db.execute(
            "delete from digest_sent where platform = ? and scope = ? and channel = ? and day = ?"
            " and sent = 0",
            [d.platform, d.scope, d.channel, due.day],
        )
        db.conn.executemany(
            "insert or ignore into digest_sent (platform, scope, channel, day, article_id, sent)"
            " values (?, ?, ?, ?, ?, 0)",
            [(d.platform, d.scope, d.channel, due.day, a) for a in article_ids],
        )
