"""Watch rules, pure: validation, the per-channel rate limit, batching with cursors, wording."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import watch
from bot.contract import Alert, Destination, Item, Link, Watch
from bot.errors import NewsbotError
from bot.watch import ChannelState, Found, Scan, Tracked

NOW = datetime(2022, 3, 18, 9, 0, tzinfo=UTC)
HERE = Destination("discord", "1", "2")
CHINA = Watch(HERE, "topic", "China")
PSAKI = Watch(HERE, "person", "Jen Psaki")


def quote(n: int, speaker: str = "Jen Psaki") -> Item:
    link = Link(f"a{n}", f"Story {n}", f"https://example.com/{n}", "The Hill", NOW)
    return Item(f"words {n}", speaker=speaker, kind="direct", link=link)


def found(seq: int, n: int | None = None) -> Found:
    n = seq if n is None else n
    return Found(seq, f"q:{n}", quote(n))


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "term", "expected"),
    [
        ("topic", "  China  ", ("topic", "China")),
        ("TOPIC", "South  China Sea", ("topic", "South China Sea")),
        ("person", "Jen Psaki", ("person", "Jen Psaki")),
        ("speaker", "Blinken", ("person", "Blinken")),
    ],
)
def test_validate_tidies_kind_and_term(kind: str, term: str, expected: tuple[str, str]) -> None:
    assert expected == watch.validate(kind, term, 0)


@pytest.mark.parametrize(
    ("kind", "term", "message"),
    [
        ("topic", "   ", "Say which topic to watch"),
        ("person", "", "Say which person to watch"),
        ("topic", "x" * 101, "at most 100 characters"),
        ("topic", "*** ???", "has no words to look for"),
        ("place", "China", "Watch a topic or a person"),
    ],
)
def test_validate_refuses_bad_input_clearly(kind: str, term: str, message: str) -> None:
    with pytest.raises(NewsbotError) as info:
        watch.validate(kind, term, 0)
    assert message in info.value.message


def test_a_channel_holds_at_most_twenty_watches() -> None:
    assert ("topic", "China") == watch.validate("topic", "China", 19)
    with pytest.raises(NewsbotError) as info:
        watch.validate("topic", "China", 20)
    assert "already has 20 watches" in info.value.message


def test_term_key_ignores_case_and_spacing() -> None:
    assert watch.term_key("jen psaki") == watch.term_key("  Jen   PSAKI ")


# -- rate limit and retry wait ----------------------------------------------------------------


def test_one_alert_per_channel_per_minute() -> None:
    posted = ChannelState(last_posted=NOW)
    assert watch.may_post(ChannelState(), NOW)
    assert not watch.may_post(posted, NOW + timedelta(seconds=59))
    assert watch.may_post(posted, NOW + timedelta(minutes=1))


def test_failures_wait_longer_each_time() -> None:
    once = ChannelState(failures=1, attempted=NOW, last_error="x")
    twice = ChannelState(failures=2, attempted=NOW, last_error="x")
    assert not watch.may_post(once, NOW + timedelta(seconds=59))
    assert watch.may_post(once, NOW + timedelta(minutes=1))
    assert not watch.may_post(twice, NOW + timedelta(minutes=1))
    assert watch.may_post(twice, NOW + timedelta(minutes=2))


# -- batching -----------------------------------------------------------------------------


def test_a_burst_is_posted_ten_at_a_time_and_the_cursor_waits_for_the_rest() -> None:
    scan = Scan(Tracked(CHINA, 100), tuple(found(101 + n) for n in range(25)), upto=125)
    alert = watch.batch(HERE, [scan], ())
    assert alert is not None
    assert [f"q:{101 + n}" for n in range(10)] == list(alert.keys)
    assert 15 == alert.more
    assert (("topic", "china", 110),) == alert.cursors  # just before the first one waiting
    assert (CHINA,) == alert.watches


def test_delivered_items_never_come_again_and_the_last_batch_moves_the_cursor_to_the_end() -> None:
    scan = Scan(Tracked(CHINA, 110), tuple(found(111 + n) for n in range(15)), upto=125)
    delivered = {f"q:{111 + n}" for n in range(10)}
    alert = watch.batch(HERE, [scan], delivered)
    assert alert is not None
    assert [f"q:{121 + n}" for n in range(5)] == list(alert.keys)
    assert 0 == alert.more
    assert (("topic", "china", 125),) == alert.cursors


def test_an_item_matching_two_watches_is_posted_once() -> None:
    shared = found(7)
    scans = [
        Scan(Tracked(CHINA, 5), (shared, found(8)), upto=9),
        Scan(Tracked(PSAKI, 6), (shared,), upto=9),
    ]
    alert = watch.batch(HERE, scans, ())
    assert alert is not None
    assert ("q:7", "q:8") == alert.keys
    assert (CHINA, PSAKI) == alert.watches
    assert (("topic", "china", 9), ("person", "jen psaki", 9)) == alert.cursors


def test_quotes_of_one_article_keep_their_written_order_across_watches() -> None:
    first, second = Found(3, "q:a", quote(1), position=1), Found(3, "q:b", quote(2), position=2)
    scans = [Scan(Tracked(PSAKI, 2), (second,), upto=3), Scan(Tracked(CHINA, 2), (first,), 3)]
    alert = watch.batch(HERE, scans, ())
    assert alert is not None
    assert ("q:a", "q:b") == alert.keys


def test_nothing_new_is_no_alert_but_an_empty_scan_still_moves_the_cursor() -> None:
    assert watch.batch(HERE, [Scan(Tracked(CHINA, 9), (), upto=9)], ()) is None
    moved = watch.batch(HERE, [Scan(Tracked(CHINA, 9), (), upto=12)], ())
    assert moved is not None
    assert () == moved.items
    assert (("topic", "china", 12),) == moved.cursors


def test_an_overflowing_watch_posts_one_batch_and_skips_past_the_rest() -> None:
    items = tuple(found(n) for n in range(1, watch.BURST + 2))
    alert = watch.batch(HERE, [Scan(Tracked(CHINA, 0), items, upto=400, overflow=True)], ())
    assert alert is not None
    assert watch.BATCH == len(alert.items)
    assert (("topic", "china", 400),) == alert.cursors
    assert ("China",) == alert.overflow


# -- wording -----------------------------------------------------------------------------------


def test_alert_answer_for_one_topic() -> None:
    alert = Alert(HERE, (CHINA,), (quote(1, "Jen Psaki"), quote(2, "Antony Blinken")), more=3)
    answer = watch.alert_answer(alert)
    assert "New quotes about China" == answer.title
    assert "2 new quotes about China: Jen Psaki and Antony Blinken." == answer.summary
    assert ("3 more to follow in the next alert.",) == answer.notes
    assert "China" == answer.topic
    assert ("a1", "a2") == tuple(c.article_id for c in answer.citations)


def test_alert_answer_for_a_person_and_for_stories() -> None:
    assert (
        "New quotes from Jen Psaki" == watch.alert_answer(Alert(HERE, (PSAKI,), (quote(1),))).title
    )
    story = Item("Snippet", kind="story", link=Link("a9", "Story 9"))
    mixed = watch.alert_answer(Alert(HERE, (CHINA, PSAKI), (quote(1), story)))
    assert "New quotes and stories about China and Jen Psaki" == mixed.title
    assert mixed.summary.startswith("1 new quote and 1 new story about China and Jen Psaki")
    only = watch.alert_answer(Alert(HERE, (CHINA,), (story,)))
    assert "New stories about China" == only.title


def test_overflow_is_said_with_the_question_to_ask() -> None:
    answer = watch.alert_answer(Alert(HERE, (CHINA,), (quote(1),), overflow=("China",)))
    assert "Ask “who said what about China” to see the rest." in answer.notes[0]


@given(kind=st.sampled_from(["topic", "person", "Topic", "x"]), term=st.text(max_size=120))
def test_validate_accepts_or_explains_any_input(kind: str, term: str) -> None:
    try:
        checked_kind, checked = watch.validate(kind, term, 0)
    except NewsbotError as error:
        assert error.message
        return
    assert checked_kind in watch.KINDS
    assert 1 <= len(checked) <= watch.MAX_TERM
    assert checked == " ".join(checked.split())
    assert watch.term_key(checked)
