"""Time phrases -> UTC periods, against a fixed now: Thursday 2022-03-17 18:34 UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.contract import Period
from bot.timewords import find_period

NOW = datetime(2022, 3, 17, 18, 34, tzinfo=UTC)


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expected", "text"),
    [
        (Period(at(2022, 3, 17), at(2022, 3, 18), "today"), "today"),
        (Period(at(2022, 3, 17), at(2022, 3, 18), "Today"), "Today"),
        (Period(at(2022, 3, 16), at(2022, 3, 17), "yesterday"), "yesterday"),
        (Period(at(2022, 3, 14), at(2022, 3, 21), "this week"), "this week"),
        (Period(at(2022, 3, 7), at(2022, 3, 14), "last week"), "last week"),
        (Period(at(2022, 3, 1), at(2022, 4, 1), "this month"), "this month"),
        (Period(at(2022, 2, 1), at(2022, 3, 1), "last month"), "last month"),
        (Period(at(2022, 1, 1), at(2023, 1, 1), "this year"), "this year"),
        (Period(at(2021, 1, 1), at(2022, 1, 1), "last year"), "last year"),
        (Period(at(2022, 3, 14), None, "since Monday"), "since Monday"),
        (Period(at(2022, 3, 10), None, "since Thursday"), "since Thursday"),  # not today
        (Period(at(2022, 3, 11), None, "since Fri"), "since Fri"),
        (Period(at(2022, 3, 3), None, "since March 3"), "since March 3"),
        (Period(at(2022, 3, 3), None, "since 3 March"), "since 3 March"),
        (Period(at(2021, 3, 3), None, "since March 3rd, 2021"), "since March 3rd, 2021"),
        (Period(at(2021, 12, 25), None, "since Dec 25"), "since Dec 25"),  # last year's
        (Period(at(2022, 3, 1), None, "since 2022-03-01"), "since 2022-03-01"),
        (Period(at(2022, 2, 1), None, "since February"), "since February"),
        (Period(at(2020, 1, 1), None, "since 2020"), "since 2020"),
        (Period(at(2022, 3, 1), at(2022, 4, 1), "in March 2022"), "in March 2022"),
        (Period(at(2021, 12, 1), at(2022, 1, 1), "in December"), "in December"),
        (Period(at(2022, 3, 1), at(2022, 4, 1), "in March"), "in March"),
        (Period(at(2022, 2, 1), at(2022, 3, 1), "February 2022"), "February 2022"),
        (Period(at(2022, 1, 1), at(2023, 1, 1), "in 2022"), "in 2022"),
        (Period(at(2019, 1, 1), at(2020, 1, 1), "during 2019"), "during 2019"),
        (Period(at(2022, 3, 10, 18, 34), None, "last 7 days"), "last 7 days"),
        (Period(at(2022, 3, 10, 18, 34), None, "past seven days"), "past seven days"),
        (Period(at(2022, 3, 16, 18, 34), None, "past 24 hours"), "past 24 hours"),
        (Period(at(2022, 3, 17, 17, 34), None, "past hour"), "past hour"),
        (Period(at(2022, 3, 10, 18, 34), None, "past week"), "past week"),
        (Period(at(2022, 3, 3, 18, 34), None, "last 2 weeks"), "last 2 weeks"),
        (Period(at(2022, 2, 17, 18, 34), None, "past month"), "past month"),
        (Period(at(2021, 3, 17, 18, 34), None, "past year"), "past year"),
        (Period(at(2022, 3, 15, 18, 34), None, "last couple of days"), "last couple of days"),
        (Period(at(2022, 3, 10, 18, 34), None, "the last week"), "in the last week"),
        (Period(at(2022, 3, 16, 18, 34), None, "the past 24 hours"), "over the past 24 hours"),
        (Period(at(2022, 3, 14), at(2022, 3, 15), "on Monday"), "on Monday"),
        (Period(at(2022, 3, 15), at(2022, 3, 16), "Tuesday"), "Tuesday"),
        (Period(at(2022, 3, 3), at(2022, 3, 4), "on March 3"), "on March 3"),
        (Period(at(2022, 3, 1), at(2022, 3, 2), "2022-03-01"), "2022-03-01"),
        (Period(at(2022, 3, 14), at(2022, 3, 15), "3 days ago"), "3 days ago"),
        (Period(at(2022, 3, 17), at(2022, 3, 18), "this morning"), "this morning"),
    ],
)
def test_phrase_alone(expected: Period, text: str) -> None:
    assert (expected, "") == find_period(text, NOW)


@pytest.mark.parametrize(
    ("label", "rest", "text"),
    [
        ("today", "quotes about China", "quotes about China today"),
        ("today", "digest", "today's digest"),
        ("today", "digest", "today’s digest"),
        ("yesterday", "what did Biden say", "what did Biden say yesterday"),
        ("last month", "Ukraine news", "Ukraine news from last month"),
        ("today", "digest", "digest for today"),
        ("since Monday", "latest on Ukraine", "latest on Ukraine since Monday"),
        ("in March 2022", "news about Russia", "news about Russia in March 2022"),
        (
            "this week",
            "what did Psaki say about Ukraine",
            "what did Psaki this week say about Ukraine",
        ),
        (
            "on Monday",
            "what did Biden say about Russia",
            "what did Biden say on Monday about Russia",
        ),
    ],
)
def test_phrase_is_removed_from_the_question(label: str, rest: str, text: str) -> None:
    period, remaining = find_period(text, NOW)
    assert label == (period.label if period else None)
    assert rest == remaining


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine",
        "",
        "who is Jake Sullivan",
        "since February 30",  # no such day: words stay in the question
        "2022-13-01",
        "the march on Washington",
        "Biden may visit",
        "todays",
        "the Sun reported",
        "in 1492",
        "past 9999 years",  # before year 1: not a usable window
    ],
)
def test_no_time_phrase(text: str) -> None:
    assert (None, text) == find_period(text, NOW)


def test_first_phrase_wins_and_only_it_is_removed() -> None:
    period, rest = find_period("yesterday and today", NOW)
    assert Period(at(2022, 3, 16), at(2022, 3, 17), "yesterday") == period
    assert "and today" == rest


def test_naive_now_is_utc_and_other_zones_are_converted() -> None:
    naive = datetime(2022, 3, 17, 18, 34)
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))  # already 18 March there
    assert find_period("today", NOW) == find_period("today", naive)
    assert find_period("today", NOW) == find_period("today", tokyo)


def test_every_datetime_is_utc_aware() -> None:
    for text in ("today", "since March 3", "past 24 hours", "in 2022", "last week"):
        period, _ = find_period(text, NOW)
        assert period is not None
        for moment in (period.start, period.end):
            assert moment is None or UTC == moment.tzinfo


def test_end_of_month_arithmetic_clamps() -> None:
    period, _ = find_period("past month", datetime(2022, 3, 31, 12, 0, tzinfo=UTC))
    assert Period(at(2022, 2, 28, 12, 0), None, "past month") == period


@given(st.text(max_size=300))
def test_any_text_never_raises(text: str) -> None:
    period, rest = find_period(text, NOW)
    assert isinstance(rest, str)
    assert period is None or period.start is not None


PHRASES = st.sampled_from(
    ["today", "yesterday", "this week", "last month", "last year", "since Monday", "since Dec 25",
     "in March", "on Sunday", "since 2020-02-29", "past {n} hours", "last {n} days",
     "past {n} weeks", "last {n} months", "past {n} years", "{n} days ago"]
)  # fmt: skip


@given(PHRASES, st.integers(0, 9999), st.datetimes(timezones=st.just(UTC)))
def test_any_phrase_at_any_moment_never_raises(phrase: str, n: int, now: datetime) -> None:
    period, _ = find_period(phrase.format(n=n), now)
    if period is not None and period.end is not None:
        assert period.start < period.end
