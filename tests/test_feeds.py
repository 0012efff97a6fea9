"""Feeds end to end against a real local server: polling, dedupe, dates, failures, explain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import NewsbotError
from bot.feeds import FeedService, PollConfig
from bot.feeds.text import explain_line, feed_line
from bot.net import Guard, Limits
from bot.store import Store
from tests.fakes.feed_server import FakeItem, FeedServer, atom, gzip_bomb, page, rss
from tests.support import Clock

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PARAGRAPHS = [
    "Secretary of State Antony Blinken said on Thursday that the talks with Beijing had been"
    " frank and that the United States would keep pressing China on trade.",
    '"We are not looking for conflict, but we will defend our interests," Blinken told'
    " reporters at the State Department after the meeting ended late in the evening.",
    "Officials from both governments described the exchange as the most substantive in months,"
    " and aides said another round could follow before the end of the year.",
]


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "feeds.db")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def service(server, store, clock) -> FeedService:
    config = PollConfig(
        guard=Guard.from_entries([server.host]), workers=0, gap=0.0, limits=Limits(timeout=2)
    )
    return FeedService(store, clock, config)


def story(server, slug: str, title: str, words: str = "", published: str | None = None) -> str:
    paragraphs = [*PARAGRAPHS, f"The {slug} story adds its own detail: {words or slug}."]
    return server.route(f"/news/{slug}", page(title, paragraphs, published))


def texts(store: Store) -> dict[str, str]:
    return dict(store.db.execute("select url, text from articles").fetchall())


def published(store: Store, url: str) -> str:
    return store.db.execute("select published from articles where url = ?", [url]).fetchone()[0]


def test_rss_items_are_fetched_extracted_and_stored_with_quotes(server, service, store):
    one = story(server, "one", "Blinken presses China")
    two = story(server, "two", "Talks resume")
    items = [
        FakeItem("Blinken presses China", one, "g1", "Thu, 19 Nov 2026 10:00:00 GMT"),
        FakeItem("Talks resume", two, "g2", "Thu, 19 Nov 2026 11:00:00 GMT"),
    ]
    feed = server.route("/rss", rss("World News", items), content_type="application/rss+xml")
    added = service.add(feed, "30m")
    assert ("World News", 1800) == (added.title, added.every)
    [result] = service.poll_due()
    assert (2, 0, None) == (result.new, result.duplicates, result.error)
    stored = texts(store)
    assert {one, two} == set(stored)
    assert stored[one].startswith("Secretary of State Antony Blinken said on Thursday")
    assert "Home" not in stored[one]  # page furniture is left out
    assert "2026-11-19T10:00:00+00:00" == published(store, one)
    speakers = {q.speaker for q in store.quotes(None, None, None, None, 20)}
    assert "Antony Blinken" in speakers
    assert f"{one}: stored as article" in explain_line(service.explain(one)[0])


def test_atom_feed_falls_back_to_the_feed_text_when_the_page_fails(server, service, store):
    good = story(server, "atom-good", "Atom good")
    missing = server.url("/news/gone")
    summary = "<p>" + " ".join(PARAGRAPHS) + "</p><p>Only in the feed: the gone story.</p>"
    items = [
        FakeItem("Atom good", good, "urn:1", "2026-11-19T09:00:00Z"),
        FakeItem("Gone page", missing, "urn:2", "2026-11-19T09:30:00Z", summary=summary),
    ]
    feed = server.route("/atom", atom("Atom Wire", items), content_type="application/atom+xml")
    service.add(feed)
    [result] = service.poll_due()
    assert 2 == result.new
    assert texts(store)[missing].endswith("Only in the feed: the gone story.")
    [log] = service.explain(missing)
    assert "feed text used (page HTTP 404)" == log.reason


def test_broken_xml_still_yields_its_items(server, service, store):
    one = story(server, "broken", "Broken feed story")
    body = rss(
        "Sloppy", [FakeItem("Broken feed story", one, "b1", "Thu, 19 Nov 2026 08:00:00 GMT")]
    )
    body = body.replace("</channel></rss>", "<item><title>unclosed & bad</title></channel>")
    feed = server.route("/sloppy", body, content_type="application/rss+xml")
    service.add(feed)
    [result] = service.poll_due()
    assert 1 <= result.new
    assert one in texts(store)


def test_missing_and_broken_dates_fall_back_to_the_fetch_time(server, service, store):
    undated = story(server, "undated", "No date anywhere")
    broken = story(server, "broken-date", "A broken date")
    items = [
        FakeItem("No date anywhere", undated, "d1"),
        FakeItem("A broken date", broken, "d2", "the thirty-first of Smarch"),
    ]
    service.add(server.route("/dates", rss("Dates", items), content_type="text/xml"))
    [result] = service.poll_due()
    assert 2 == result.new  # never dropped
    assert "2026-11-20T12:00:00+00:00" == published(store, undated)
    assert "2026-11-20T12:00:00+00:00" == published(store, broken)


def test_a_page_date_is_used_when_the_feed_has_none(server, service, store):
    dated = story(server, "page-dated", "Dated page", published="2026-11-18T07:30:00Z")
    service.add(server.route("/pd", rss("PD", [FakeItem("Dated page", dated, "pd1")])))
    service.poll_due()
    assert "2026-11-18T07:30:00+00:00" == published(store, dated)


def test_duplicate_guids_and_urls_are_stored_once_and_explained(server, service, store):
    one = story(server, "dup", "Duplicated")
    items = [
        FakeItem("Duplicated", one, "same-guid", "Thu, 19 Nov 2026 10:00:00 GMT"),
        FakeItem("Duplicated again", server.url("/news/other"), "same-guid"),
        FakeItem("Same URL, tracking tag", one + "?utm_source=rss", "other-guid"),
    ]
    service.add(server.route("/dups", rss("Dups", items)))
    [result] = service.poll_due()
    assert (1, 2) == (result.new, result.duplicates)
    assert [one] == list(texts(store))
    lines = [explain_line(i) for i in service.explain("other-guid")]
    assert [f"{one}?utm_source=rss: not stored, duplicate of {one}"] == [
        line.split(" (")[0] for line in lines
    ]
    assert "/news/other" not in "".join(server.paths())  # a duplicate is never fetched


def test_the_same_text_under_another_url_is_a_duplicate_of_the_first(server, service, store):
    first = story(server, "copy-a", "Syndicated", words="identical")
    second = server.route("/news/copy-b", server.routes["/news/copy-a"].body)
    items = [
        FakeItem("Syndicated", first, "c1", "Thu, 19 Nov 2026 10:00:00 GMT"),
        FakeItem("Syndicated", second, "c2", "Thu, 19 Nov 2026 10:05:00 GMT"),
    ]
    service.add(server.route("/copies", rss("Copies", items)))
    [result] = service.poll_due()
    assert (1, 1) == (result.new, result.duplicates)
    # pages are fetched concurrently: whichever is saved first is the original
    logs = {log.url: log for u in (first, second) for log in service.explain(u)}
    [original] = [log for log in logs.values() if log.outcome == "stored"]
    [copy] = [log for log in logs.values() if log.outcome == "duplicate"]
    assert (original.article_id, "same text as a stored article") == (
        copy.duplicate_of,
        copy.reason,
    )


def test_second_poll_sends_validators_and_a_304_fetches_no_page(server, service, clock):
    one = story(server, "cond", "Conditional")
    body = rss("Cond", [FakeItem("Conditional", one, "k1", "Thu, 19 Nov 2026 10:00:00 GMT")])
    feed = server.route("/cond", body, etag='"v1"', last_modified="Thu, 19 Nov 2026 10:00:00 GMT")
    service.add(feed)
    service.poll_due()
    clock.now += timedelta(minutes=16)
    before = len(server.hits)
    [result] = service.poll_due()
    assert ("not modified", 0) == (result.status, result.new)
    assert ["/cond"] == [h.path for h in server.hits[before:]]
    assert '"v1"' == server.hits[-1].headers["if-none-match"]


def test_a_change_to_updated_alone_is_not_a_new_story(server, service, store, clock):
    one = story(server, "upd", "Updated story")
    item = FakeItem("Updated story", one, "urn:u", "2026-11-19T09:00:00Z", "2026-11-19T09:00:00Z")
    service.add(server.route("/upd", atom("Upd", [item])))
    service.poll_due()
    bumped = FakeItem("Updated story", one, "urn:u", "2026-11-19T09:00:00Z", "2026-11-20T11:00:00Z")
    server.route("/upd", atom("Upd", [bumped]))
    clock.now += timedelta(hours=1)
    before = len(server.hits)
    [result] = service.poll_due()
    assert (0, 0) == (result.new, result.duplicates)
    assert ["/upd"] == [h.path for h in server.hits[before:]]
    assert 1 == len(texts(store))


def test_too_old_items_are_logged_not_stored(server, service, store):
    old = story(server, "old", "Ancient history")
    item = FakeItem("Ancient history", old, "o1", "Mon, 21 Sep 2026 10:00:00 GMT")
    service.add(server.route("/old", rss("Old", [item])))
    [result] = service.poll_due()
    assert (0, 1) == (result.new, result.too_old)
    assert {} == texts(store)
    line = explain_line(service.explain(old)[0])
    assert line.startswith(f"{old}: not stored, too old (published 60 days ago; the limit is 30")


def test_a_failing_feed_backs_off_and_is_marked_failing_with_the_reason(
    server, service, store, clock
):
    feed = server.route("/flaky", rss("Flaky", []))
    service.add(feed)
    server.route("/flaky", "oops", status=500)
    waits = []
    for _ in range(3):
        [result] = service.poll_due()
        assert "HTTP 500" == result.error
        state = store.feed(feed)
        waits.append(state.next_poll - clock.now)
        clock.now = state.next_poll
    assert [timedelta(minutes=15), timedelta(minutes=30), timedelta(minutes=60)] == waits
    state = store.feed(feed)
    assert ("failing", 3, "HTTP 500") == (state.status, state.failures, state.last_error)
    assert "FAILING (3 failures: HTTP 500), retry 2026-11-20 13:45 UTC" in feed_line(state)
    clock.now -= timedelta(minutes=1)
    assert [] == service.poll_due()  # not due before the retry time


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ({"body": "<html><body><p>just a page</p></body></html>"}, "not a feed"),
        ({"body": b"x" * (2 << 20), "content_type": "application/rss+xml"}, "too large"),
        ({"body": gzip_bomb(32 << 20), "gzip": True, "content_type": "text/xml"}, "too large"),
        ({"body": "<rss/>", "delay": 3.0}, "timeout"),
        ({"body": "nope", "status": 503}, "HTTP 503"),
    ],
)
def test_a_feed_that_breaks_later_is_failing_with_the_exact_reason(
    server, store, clock, route, reason
):
    config = PollConfig(
        guard=Guard.from_entries([server.host]),
        workers=0,
        gap=0.0,
        limits=Limits(timeout=1, max_bytes=1 << 20, max_decoded=4 << 20),
    )
    service = FeedService(store, clock, config)
    feed = service.add(server.route("/f", rss("Fine at first", [])))
    server.route("/f", **route)
    for _ in range(3):
        service.poll_all()
    state = store.feed(feed.url)
    assert ("failing", reason) == (state.status, state.last_error)


def test_add_refuses_a_bad_feed_at_once(server, service, store):
    server.route("/html", "<html><body><p>not a feed</p></body></html>")
    with pytest.raises(NewsbotError) as caught:
        service.add(server.url("/html"))
    assert (
        f"Cannot add {server.url('/html')}: {server.url('/html')} is not an RSS or Atom feed."
        == (caught.value.message)
    )
    with pytest.raises(NewsbotError) as caught:
        service.add("ftp://example.com/feed")
    assert "only http and https URLs can be fetched" in caught.value.message
    with pytest.raises(NewsbotError) as caught:
        service.add("http://10.0.0.1/rss")
    assert "private or reserved address (10.0.0.1)" in caught.value.message
    assert () == store.feeds()


def test_redirects_for_feeds_and_pages_are_checked_hop_by_hop(server, service, store):
    safe = story(server, "safe", "Safe story")
    summary = "<p>" + " ".join(PARAGRAPHS) + "</p>"
    items = [
        FakeItem("Safe story", server.url("/go/safe"), "r1", "Thu, 19 Nov 2026 10:00:00 GMT"),
        FakeItem("Metadata", server.url("/go/meta"), "r2", "Thu, 19 Nov 2026 10:00:00 GMT"),
        FakeItem(
            "Private", server.url("/go/ten"), "r3", "Thu, 19 Nov 2026 10:00:00 GMT", summary=summary
        ),
    ]
    server.redirect("/go/safe", safe)
    server.redirect("/go/meta", "http://169.254.169.254/latest/meta-data/")
    server.redirect("/go/ten", "http://10.0.0.1/admin")
    server.route("/real-feed", rss("Moved", items))
    server.redirect("/old-feed", "/real-feed", 301)
    service.add(server.url("/old-feed"))
    [result] = service.poll_due()
    assert (2, 1) == (result.new, result.rejected)
    [meta] = service.explain(server.url("/go/meta"))
    assert "rejected" == meta.outcome
    assert "169.254.169.254" in meta.reason
    [ten] = service.explain(server.url("/go/ten"))
    assert ten.reason.startswith("feed text used (page 10.0.0.1 is a private")
    server.redirect("/real-feed", "http://10.0.0.1/feed")
    [again] = service.poll_all()
    assert again.error.startswith("10.0.0.1 is a private or reserved address")


def test_pause_resume_remove(server, service, store, clock):
    feed = service.add(server.route("/p", rss("P", [])))
    assert service.pause(feed.url).paused
    assert [] == service.poll_due()
    assert "paused" in feed_line(store.feed(feed.url))
    clock.now += timedelta(hours=1)
    resumed = service.resume(feed.url + "/")  # a trailing slash still finds it
    assert (False, clock.now) == (resumed.paused, resumed.next_poll)
    assert 1 == len(service.poll_due())
    service.remove(feed.url)
    assert () == service.list()
    with pytest.raises(NewsbotError) as caught:
        service.remove(feed.url)
    assert "No feed" in caught.value.message
    with pytest.raises(NewsbotError):
        service.add(feed.url, "10s")  # below the 1m minimum


def test_ingest_url_stores_one_page_and_refuses_private_addresses(server, service, store):
    one = story(server, "single", "A single page")
    report = service.ingest_url(one)
    assert (1, 0) == (report.added, len(report.rejected))
    assert one in texts(store)
    assert 1 == service.ingest_url(one).duplicates
    refused = service.ingest_url("http://169.254.169.254/latest/meta-data/")
    assert "private or reserved address" in refused.rejected[0].reason


def test_extraction_in_worker_processes_stores_every_page(server, store, clock):
    items = []
    for n in range(30):
        url = story(server, f"w{n}", f"Worker story {n}", words=f"detail number {n}")
        items.append(FakeItem(f"Worker story {n}", url, f"w{n}", "Thu, 19 Nov 2026 10:00:00 GMT"))
    config = PollConfig(guard=Guard.from_entries([server.host]), workers=1, gap=0.0)
    service = FeedService(store, clock, config)
    service.add(server.route("/many", rss("Many", items)))
    [result] = service.poll_due()
    assert (30, 0) == (result.new, result.rejected)
    assert 30 == store.feed(server.url("/many")).stored
