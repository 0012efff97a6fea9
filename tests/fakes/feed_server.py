"""A real HTTP server on 127.0.0.1:0 serving feeds and pages for tests: conditional GET,
errors, redirects, gzip, huge and slow bodies. Nothing leaves loopback.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # before the status line
    drip: float = 0.0  # seconds between body chunks of 16 bytes
    gzip: bool = False
    stream: tuple[bytes, int] | None = None  # (chunk, count), no Content-Length
    declare_length: bool = True


@dataclass(frozen=True)
class Hit:
    path: str
    headers: dict[str, str]


class FeedServer:
    """`with FeedServer() as server: server.route("/rss", body=…); server.url("/rss")`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def route(self, path: str, body: bytes | str = b"", **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, status=status, headers={"Location": location})

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.hits.append(
                        Hit(self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, b"not found", "text/plain", {})
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, {"ETag": route.etag})
                    return
                if (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self._send(304, b"", None, {"Last-Modified": route.last_modified})
                    return
                headers = dict(route.headers)
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                body = route.body
                if route.gzip:
                    headers["Content-Encoding"] = "gzip"
                    body = body if body[:2] == b"\x1f\x8b" else gzip.compress(body)
                if route.stream is not None:
                    self._stream(route, headers)
                    return
                self._send(route.status, body, route.content_type, headers, route)

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str | None,
                headers: dict[str, str],
                route: Route | None = None,
            ) -> None:
                try:
                    self.send_response(status)
                    if content_type:
                        self.send_header("Content-Type", content_type)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    if route is None or route.declare_length:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if route is not None and route.drip:
                        for start in range(0, len(body), 16):
                            self.wfile.write(body[start : start + 16])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on a bad response

            def _stream(self, route: Route, headers: dict[str, str]) -> None:
                chunk, count = route.stream or (b"", 0)
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    for _ in range(count):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


# -- fixtures -----------------------------------------------------------------


@dataclass(frozen=True)
class FakeItem:
    title: str
    link: str | None
    guid: str | None = None
    published: str | None = None  # RFC 822 for RSS, ISO for Atom, or anything broken
    updated: str | None = None
    summary: str = ""


def rss(title: str, items: Sequence[FakeItem]) -> str:
    parts = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{escape(title)}</title><link>http://example.test/</link><description>d</description>'
    ]
    for it in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(it.title)}</title>")
        if it.link:
            parts.append(f"<link>{escape(it.link)}</link>")
        if it.guid:
            parts.append(f'<guid isPermaLink="false">{escape(it.guid)}</guid>')
        if it.published:
            parts.append(f"<pubDate>{escape(it.published)}</pubDate>")
        if it.summary:
            parts.append(f"<description>{escape(it.summary)}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def atom(title: str, items: Sequence[FakeItem]) -> str:
    parts = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title><id>urn:test:{escape(title)}</id><updated>2026-11-20T00:00:00Z</updated>'
    ]
    for it in items:
        parts.append("<entry>")
        parts.append(f"<title>{escape(it.title)}</title>")
        if it.link:
            parts.append(f'<link rel="alternate" href="{escape(it.link)}"/>')
        parts.append(f"<id>{escape(it.guid or it.link or it.title)}</id>")
        if it.published:
            parts.append(f"<published>{escape(it.published)}</published>")
        parts.append(
            f"<updated>{escape(it.updated or it.published or '2026-11-20T00:00:00Z')}</updated>"
        )
        if it.summary:
            parts.append(f'<content type="html">{escape(it.summary)}</content>')
        parts.append("</entry>")
    parts.append("</feed>")
    return "".join(parts)


def page(
    title: str, paragraphs: Sequence[str], published: str | None = None, outlet: str = "Test Times"
) -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>{meta}"
        f'<meta property="og:site_name" content="{escape(outlet)}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright Test Times</footer></body></html>"
    )


def http_date(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


def gzip_bomb(size: int) -> bytes:
    """`size` bytes of zeros, gzip-compressed (about size/1000 on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    out = [packer.compress(block) for _ in range(size >> 20)]
    out.append(packer.flush())
    return b"".join(out)
