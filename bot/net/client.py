"""A guarded HTTP GET: every hop checked, pinned to the checked address, with hard limits.

Built on `http.client` so we own the socket: the connection goes to the address the
guard approved (TLS still verifies the host name), redirects are followed by hand and
each hop is checked again, and bodies are capped before and after decompression.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bot.net.errors import FetchError
from bot.net.guard import Guard, Target

USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot; feed reader)"
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 8 * 1024 * 1024  # on the wire
    max_decoded: int = 16 * 1024 * 1024  # after gzip/deflate: a bomb stops here
    max_redirects: int = 5
    timeout: float = 20.0  # whole request, redirects included
    connect_timeout: float = 10.0


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200 or 304
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    def text(self) -> str:
        charset = "utf-8"
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, target: Target, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=context)
        self._address = target.address
        self._ctx = context

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        # SNI and certificate checks use the host name, not the pinned address
        self.sock = self._ctx.wrap_socket(raw, server_hostname=self.host)


_TLS = ssl.create_default_context()


def get(
    url: str,
    guard: Guard,
    limits: Limits = Limits(),
    headers: Mapping[str, str] | None = None,
    accept: str = "*/*",
) -> Response:
    """GET `url`; raise `FetchError` for anything but 200/304 after at most N redirects."""
    deadline = time.monotonic() + limits.timeout
    current = url
    for _hop in range(limits.max_redirects + 1):
        target = guard.check(current)
        status, head, body = _one(target, current, limits, deadline, headers or {}, accept)
        if status in _REDIRECTS:
            location = head.get("location")
            if not location:
                raise FetchError("http", f"HTTP {status} without a Location from {current}", status)
            current = urljoin(current, location.strip())
            continue
        if status in (200, 304):
            return Response(current, status, body, head)
        raise FetchError("http", f"HTTP {status} from {current}", status)
    raise FetchError("redirects", f"more than {limits.max_redirects} redirects from {url}")


def _one(
    target: Target,
    url: str,
    limits: Limits,
    deadline: float,
    headers: Mapping[str, str],
    accept: str,
) -> tuple[int, dict[str, str], bytes]:
    remaining = _remaining(deadline, url)
    timeout = min(limits.connect_timeout, remaining)
    conn: http.client.HTTPConnection
    if target.scheme == "https":
        conn = _PinnedHTTPS(target, timeout, _TLS)
    else:
        conn = _PinnedHTTP(target, timeout)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = {
        "User-Agent": USER_AGENT,
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
        **headers,
    }
    try:
        conn.request("GET", path, headers=sent)
        sock = conn.sock  # getresponse() drops conn.sock on "Connection: close"; keep ours
        _settimeout(sock, deadline, url)
        response = conn.getresponse()
        head = {k.lower(): v for k, v in response.getheaders()}
        if response.status in _REDIRECTS or response.status == 304 or response.status >= 400:
            return response.status, head, b""
        return response.status, head, _body(sock, response, head, limits, deadline, url)
    except FetchError:
        raise
    except ssl.SSLError as error:
        raise FetchError("tls", f"TLS failed for {target.host}: {_ssl_reason(error)}") from None
    except TimeoutError:
        raise FetchError("timeout", f"timed out after {limits.timeout:g} s: {url}") from None
    except (ConnectionError, OSError, http.client.HTTPException) as error:
        raise FetchError("connect", f"connection to {target.host} failed ({error})") from None
    finally:
        conn.close()


def _body(
    sock: socket.socket | None,
    response: http.client.HTTPResponse,
    head: Mapping[str, str],
    limits: Limits,
    deadline: float,
    url: str,
) -> bytes:
    declared = head.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(url, limits.max_bytes)
    encoding = head.get("content-encoding", "identity").strip().lower()
    decoder = _decoder(encoding)
    parts: list[bytes] = []
    raw = decoded = 0
    while True:
        _settimeout(sock, deadline, url)
        chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
        if not chunk:
            break
        raw += len(chunk)
        if raw > limits.max_bytes:
            raise _too_large(url, limits.max_bytes)
        if decoder is None:
            parts.append(chunk)
            continue
        # decompress in bounded steps, so a bomb never gets the chance to fill memory
        data = chunk
        while data:
            out = _decompress(decoder, data, limits.max_decoded - decoded + 1)
            decoded += len(out)
            if decoded > limits.max_decoded:
                raise _too_large(url, limits.max_decoded, "decompressed")
            parts.append(out)
            data = decoder.unconsumed_tail
    if decoder is not None:
        parts.append(decoder.flush())
    return b"".join(parts)


def _decompress(decoder: zlib._Decompress, data: bytes, room: int) -> bytes:
    try:
        return decoder.decompress(data, max(1, min(room, _CHUNK * 4)))
    except zlib.error as error:
        raise FetchError("http", f"bad compressed body ({error})") from None


def _decoder(encoding: str) -> zlib._Decompress | None:
    if encoding in {"gzip", "x-gzip"}:
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header, auto-detected
    if encoding in {"", "identity"}:
        return None
    raise FetchError("http", f"unsupported Content-Encoding {encoding!r}")


def _too_large(url: str, limit: int, what: str = "body") -> FetchError:
    return FetchError("too large", f"{what} over {limit // 1024} KiB: {url}")


def _remaining(deadline: float, url: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("timeout", f"timed out: {url}")
    return left


def _settimeout(sock: socket.socket | None, deadline: float, url: str) -> None:
    # a slow drip of bytes must not outlive the deadline, so each read gets what is left
    left = _remaining(deadline, url)
    if sock is not None:
        sock.settimeout(left)


def _ssl_reason(error: ssl.SSLError) -> str:
    return getattr(error, "verify_message", None) or getattr(error, "reason", None) or str(error)
