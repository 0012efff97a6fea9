"""Watch alerts through the core on a real SQLite file: cursors, once-only, restarts, isolation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import wiring
from bot.contract import Alert, Destination
from bot.core import NewsBot
from bot.errors import NewsbotError
from bot.settings import Settings
from tests.support import Clock
from tests.test_watch_support import burst, ingest, taiwan_story, weather_story, write_article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
START = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
NEWS = Destination("discord", "G1", "C1")
OTHER_GUILD = Destination("discord", "G2", "C9")


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


def build(tmp_path: Path, clock: Clock) -> NewsBot:
    """A fresh process on the same store file each time it is called."""
    return wiring.build(Settings(db_path=str(tmp_path / "t.db"), seeds_dir=str(SEEDS)), clock)


def quotes_of(alert: Alert) -> list[tuple[str | None, str]]:
    return [(i.speaker, i.text) for i in alert.items]


def test_old_news_is_never_alerted(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")  # loads the seed article, which is all about China
    assert bot.store.stats().articles == 1
    assert () == bot.due_alerts("discord")


def test_a_new_quote_is_alerted_once_even_across_a_restart(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"), weather_story(tmp_path / "in"))
    (alert,) = bot.due_alerts("discord")
    assert [
        (
            "Wang Wenbin",
            "The United States should stop arming Taiwan and stop creating new tensions",
        ),
        ("Antony Blinken", "Our policy toward China has not changed @everyone"),
    ] == quotes_of(alert)
    assert "https://example.com/news/taiwan-arms-sale" == alert.items[0].link.url
    answer = bot.alert_answer(alert)
    assert "New quotes about China" == answer.title
    bot.record_alert(alert)
    clock.now += timedelta(hours=1)
    assert () == bot.due_alerts("discord")
    restarted = build(tmp_path, clock)
    assert () == restarted.due_alerts("discord")


def test_the_same_story_from_another_outlet_is_not_alerted_again(
    tmp_path: Path, clock: Clock
) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "a"))
    (alert,) = bot.due_alerts("discord")
    bot.record_alert(alert)
    copy = (tmp_path / "a" / "taiwan.txt").read_text(encoding="utf-8")
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "copy.txt").write_text(copy.replace("Monday", "Monday afternoon"), encoding="utf-8")
    clock.now += timedelta(minutes=5)
    ingest(bot.store, clock.now, folder / "copy.txt")
    assert () == bot.due_alerts("discord")


def test_a_person_watch_follows_that_speaker_only(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "person", "Blinken")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"))
    (alert,) = bot.due_alerts("discord")
    assert {"Antony Blinken"} == {i.speaker for i in alert.items}
    assert "New quotes from Antony Blinken" == bot.alert_answer(alert).title


def test_a_story_on_the_topic_without_a_quote_on_it_comes_as_a_story(
    tmp_path: Path, clock: Clock
) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "Midwest")
    ingest(bot.store, clock.now, weather_story(tmp_path / "in"))
    (alert,) = bot.due_alerts("discord")
    assert ["story"] == [i.kind for i in alert.items]
    assert "Storms to soak the Midwest" == alert.items[0].link.title
    assert "New stories about Midwest" == bot.alert_answer(alert).title


def test_a_burst_comes_in_batches_a_minute_apart_and_survives_a_restart(
    tmp_path: Path, clock: Clock
) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    ingest(bot.store, clock.now, *burst(tmp_path / "in", 25))
    (first,) = bot.due_alerts("discord")
    bot.record_alert(first)
    assert (10, 15) == (len(first.items), first.more)
    clock.now += timedelta(seconds=30)
    assert () == bot.due_alerts("discord")  # the per-channel rate limit
    clock.now += timedelta(seconds=30)
    bot = build(tmp_path, clock)  # a restart in the middle of the burst
    (second,) = bot.due_alerts("discord")
    bot.record_alert(second)
    clock.now += timedelta(minutes=1)
    (third,) = bot.due_alerts("discord")
    bot.record_alert(third)
    assert [10, 10, 5] == [len(a.items) for a in (first, second, third)]
    speakers = [i.speaker for a in (first, second, third) for i in a.items]
    assert 25 == len(set(speakers)) == len(speakers)
    clock.now += timedelta(minutes=1)
    assert () == bot.due_alerts("discord")


def test_a_failed_post_is_kept_shown_and_retried_after_a_wait(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"))
    (alert,) = bot.due_alerts("discord")
    bot.record_alert(alert, "the channel was not found (deleted?)")
    (shown,) = bot.watches("discord", "G1")
    assert "2022-03-18 09:00 UTC: the channel was not found (deleted?)" == shown.last_error
    clock.now += timedelta(seconds=30)
    assert () == bot.due_alerts("discord")
    clock.now += timedelta(seconds=30)
    (again,) = bot.due_alerts("discord")
    assert alert.keys == again.keys
    bot.record_alert(again)
    assert None is bot.watches("discord", "G1")[0].last_error


def test_guilds_are_isolated(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    bot.watch(OTHER_GUILD, "person", "Jen Psaki")
    assert ["China"] == [w.term for w in bot.watches("discord", "G1")]
    assert ["Jen Psaki"] == [w.term for w in bot.watches("discord", "G2")]
    assert () == bot.watches("slack", "G1")
    assert False is bot.unwatch(Destination("discord", "G2", "C1"), "topic", "China")
    assert True is bot.unwatch(NEWS, "topic", "china")
    assert () == bot.watches("discord", "G1")


def test_each_channel_gets_its_own_alert(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    bot.watch(OTHER_GUILD, "topic", "Taiwan")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"))
    alerts = {a.destination: a for a in bot.due_alerts("discord")}
    assert {NEWS, OTHER_GUILD} == set(alerts)
    bot.record_alert(alerts[NEWS])
    assert [OTHER_GUILD] == [a.destination for a in bot.due_alerts("discord")]


def test_adding_a_watch_twice_keeps_one_and_the_limit_counts_others(
    tmp_path: Path, clock: Clock
) -> None:
    bot = build(tmp_path, clock)
    for n in range(20):
        bot.watch(NEWS, "topic", f"topic {n}")
    again = bot.watch(NEWS, "topic", "  TOPIC 0 ")
    assert "topic 0" == again.term
    assert 20 == len(bot.watches("discord", "G1"))
    with pytest.raises(NewsbotError) as info:
        bot.watch(NEWS, "topic", "China")
    assert "already has 20 watches" in info.value.message


def test_an_updated_article_alerts_only_its_new_quote(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    body = "“China must stop the dumping of steel,” said Senator Maria Lopez."
    url = "https://example.com/steel"
    ingest(bot.store, clock.now, write_article(tmp_path / "in", "steel", "Steel", body, url=url))
    (alert,) = bot.due_alerts("discord")
    bot.record_alert(alert)
    body += "\n\n“China has played fair,” said Senator Tom Becker."
    ingest(bot.store, clock.now, write_article(tmp_path / "in", "steel", "Steel", body, url=url))
    clock.now += timedelta(minutes=1)
    (update,) = bot.due_alerts("discord")
    assert [("Tom Becker", "China has played fair")] == quotes_of(update)


def test_an_archive_import_is_not_news(tmp_path: Path, clock: Clock) -> None:
    bot = build(tmp_path, clock)
    bot.watch(NEWS, "topic", "China")
    body = "“China will rise,” said Senator Maria Lopez."
    url, published = "https://example.com/2019", "2019-05-01T08:00:00Z"
    old = write_article(tmp_path / "in", "old", "Old China", body, url=url, published=published)
    ingest(bot.store, clock.now, old)
    assert () == bot.due_alerts("discord")
    ingest(bot.store, clock.now, taiwan_story(tmp_path / "in"))
    (alert,) = bot.due_alerts("discord")
    assert ["Wang Wenbin", "Antony Blinken"] == [i.speaker for i in alert.items]
