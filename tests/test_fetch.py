"""Safe fetching: the address guard, pinned connections, redirects and limits, on 127.0.0.1."""

from __future__ import annotations

import pytest

from bot.net import FetchError, Guard, Limits, get
from tests.fakes.feed_server import FeedServer, gzip_bomb

PUBLIC = "93.184.216.34"


def resolver(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise FetchError("dns", f"cannot resolve {host}")
        return table[host]

    return resolve


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def guard(server) -> Guard:
    # only the test server's own host and port: any other loopback port stays refused
    return Guard.from_entries([server.host])


def refusal(guard: Guard, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        guard.check(url)
    return caught.value


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[64:ff9b::a00:1]/",
        "http://224.0.0.1/",
    ],
)
def test_private_loopback_link_local_and_metadata_addresses_are_refused(url):
    error = refusal(Guard(), url)
    assert "refused" == error.kind
    assert "NEWSBOT_FETCH_ALLOW" in error.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://a/"])
def test_only_http_and_https(url):
    error = refusal(Guard(), url)
    assert "scheme" == error.kind
    assert "only http and https" in error.message


def test_a_public_literal_address_passes_without_dns():
    target = Guard().check(f"https://{PUBLIC}/news")
    assert (PUBLIC, 443, "https") == (target.address, target.port, target.scheme)


def test_a_name_is_checked_by_every_address_it_resolves_to():
    guard = Guard(
        resolver=resolver({"evil.test": ["10.0.0.7"], "mixed.test": ["10.0.0.1", PUBLIC]})
    )
    assert "10.0.0.7" in refusal(guard, "http://evil.test/").message
    # the public address is the one the connection will use, never the private one
    assert PUBLIC == guard.check("http://mixed.test/").address


def test_allow_list_by_host_and_port_admits_only_that_port():
    guard = Guard.from_entries(["127.0.0.1:8080"])
    assert "127.0.0.1" == guard.check("http://127.0.0.1:8080/x").address
    assert "refused" == refusal(guard, "http://127.0.0.1:8081/x").kind


def test_allow_list_cidr_never_opens_metadata_endpoints():
    guard = Guard.from_entries(["0.0.0.0/0", "10.0.0.0/8"])
    assert "10.0.0.1" == guard.check("http://10.0.0.1/").address
    assert "refused" == refusal(guard, "http://169.254.169.254/").kind
    assert "refused" == refusal(guard, "http://[::ffff:169.254.169.254]/").kind


def test_allowed_address_also_matches_its_ipv4_mapped_form():
    guard = Guard.from_entries(["127.0.0.1"])
    assert "::ffff:127.0.0.1" == guard.check("http://[::ffff:127.0.0.1]/").address


def test_get_returns_body_and_headers(server, guard):
    server.route("/a", "<p>hello</p>", etag='"v1"')
    response = get(server.url("/a"), guard)
    assert (200, b"<p>hello</p>") == (response.status, response.body)
    assert '"v1"' == response.headers["etag"]


def test_conditional_get_gives_304(server, guard):
    server.route("/a", "body", etag='"v1"')
    response = get(server.url("/a"), guard, headers={"If-None-Match": '"v1"'})
    assert (304, b"") == (response.status, response.body)


def test_connects_to_the_checked_address_and_sends_the_name(server):
    # "pinned.test" exists only in this resolver: system DNS is never asked
    guard = Guard.from_entries(
        [f"pinned.test:{server.port}"], resolver=resolver({"pinned.test": ["127.0.0.1"]})
    )
    server.route("/p", "pinned")
    assert b"pinned" == get(f"http://pinned.test:{server.port}/p", guard).body
    assert f"pinned.test:{server.port}" == server.hits[-1].headers["host"]


def test_gzip_is_decoded(server, guard):
    server.route("/z", "<p>" + "news " * 1000 + "</p>", gzip=True)
    assert 5007 == len(get(server.url("/z"), guard).body)


def test_gzip_bomb_stops_at_the_decompressed_limit(server, guard):
    server.route("/bomb", gzip_bomb(64 << 20), gzip=True)
    with pytest.raises(FetchError) as caught:
        get(server.url("/bomb"), guard, Limits(max_decoded=1 << 20))
    assert "too large" == caught.value.reason
    assert "decompressed over 1024 KiB" in caught.value.message


def test_declared_huge_body_is_refused_before_reading(server, guard):
    server.route("/huge", b"x" * (3 << 20))
    with pytest.raises(FetchError) as caught:
        get(server.url("/huge"), guard, Limits(max_bytes=1 << 20))
    assert "too large" == caught.value.reason


def test_undeclared_huge_body_is_cut_off(server, guard):
    server.route("/stream", stream=(b"y" * 65536, 64))  # 4 MiB, no Content-Length
    with pytest.raises(FetchError) as caught:
        get(server.url("/stream"), guard, Limits(max_bytes=1 << 20))
    assert "body over 1024 KiB" in caught.value.message


def test_redirects_are_followed_within_the_allow_list(server, guard):
    server.route("/final", "arrived")
    server.redirect("/one", "/two", 301)
    server.redirect("/two", server.url("/final"), 302)
    response = get(server.url("/one"), guard)
    assert (b"arrived", server.url("/final")) == (response.body, response.url)


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://127.0.0.1:9/",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_hop_to_a_private_address_is_refused(server, guard, target):
    server.redirect("/jump", target)
    with pytest.raises(FetchError) as caught:
        get(server.url("/jump"), guard)
    assert caught.value.kind in {"refused", "scheme"}
    assert ["/jump"] == server.paths()  # the refused hop was never requested


def test_redirect_loops_stop(server, guard):
    server.redirect("/loop", "/loop")
    with pytest.raises(FetchError) as caught:
        get(server.url("/loop"), guard, Limits(max_redirects=3))
    assert "more than 3 redirects" in caught.value.message
    assert 4 == len(server.paths())


def test_http_errors_carry_the_status(server, guard):
    server.route("/broken", "oops", status=500)
    with pytest.raises(FetchError) as caught:
        get(server.url("/broken"), guard)
    assert "HTTP 500" == caught.value.reason


def test_slow_headers_time_out(server, guard):
    server.route("/slow", "late", delay=2.0)
    with pytest.raises(FetchError) as caught:
        get(server.url("/slow"), guard, Limits(timeout=0.5))
    assert "timeout" == caught.value.reason


def test_a_slow_drip_cannot_outlive_the_deadline(server, guard):
    # every chunk arrives well inside a per-read timeout; only the overall deadline stops it
    server.route("/drip", "d" * 400, drip=0.1)
    with pytest.raises(FetchError) as caught:
        get(server.url("/drip"), guard, Limits(timeout=0.8))
    assert "timeout" == caught.value.reason


def test_tls_failure_is_named(server, guard):
    server.route("/plain", "not tls")
    with pytest.raises(FetchError) as caught:
        get(f"https://{server.host}/plain", guard, Limits(timeout=3))
    assert "tls" == caught.value.kind
    assert caught.value.message.startswith("TLS failed for 127.0.0.1")


def test_a_closed_port_is_a_connection_failure():
    guard = Guard.from_entries(["127.0.0.1"])
    with pytest.raises(FetchError) as caught:
        get("http://127.0.0.1:9/", guard, Limits(timeout=3))
    assert "connect" == caught.value.kind
    assert "connection to 127.0.0.1 failed" in caught.value.message
