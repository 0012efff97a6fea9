"""A local Slack for tests: Web API methods, response_url endpoints and a Socket Mode socket.

It runs an aiohttp server on 127.0.0.1:0 in its own thread and event loop, so a blocked
test loop can never stall it. Every request is recorded; unknown methods answer
`ok: false`; responses can be scripted per method (429s, channel_not_found, …). Payload
builders below sign requests exactly as Slack does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
from aiohttp import WSMsgType, web
from slack_sdk.signature import SignatureVerifier

SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token-1"
APP_TOKEN = "xapp-test-token-1"
TEAM = "T0TEST"
BOT_USER = "U0NEWSBOT"
BOT_ID = "B0NEWSBOT"
KNOWN = frozenset(
    {
        "auth.test",
        "chat.postMessage",
        "users.info",
        "apps.connections.open",
        "response",
        "socket.connect",
        "socket.ack",
    }
)


@dataclass(frozen=True)
class Call:
    """One request the fake received: `method` is the Web API method, or "response"."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def token(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        return auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None


@dataclass
class Scripted:
    status: int = 200
    body: dict[str, Any] = field(default_factory=lambda: {"ok": True})
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlack:
    """Start with `start()`, stop with `stop()`; point clients at `api_url`."""

    def __init__(self, tokens: tuple[str, ...] = (BOT_TOKEN,), app_tokens=(APP_TOKEN,)) -> None:
        self.tokens = set(tokens)
        self.app_tokens = set(app_tokens)
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.socket_frames: list[dict[str, Any]] = []
        self.response_gate = threading.Event()  # cleared: response_url posts wait
        self.response_gate.set()
        self._scripts: dict[str, deque[Scripted]] = defaultdict(deque)
        self._cond = threading.Condition()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._thread: threading.Thread | None = None
        self.port = 0
        self._posted = 0

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> FakeSlack:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            loop.run_until_complete(self._serve())
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())  # type: ignore[union-attr]
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-slack", daemon=True)
        self._thread.start()
        if not ready.wait(5):
            raise RuntimeError("fake Slack did not start")
        return self

    def stop(self) -> None:
        self.response_gate.set()
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    async def _serve(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{rest:.*}", self._response)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/link"

    def response_url(self, name: str = "1") -> str:
        return f"{self.base_url}/response/{TEAM}/{name}/abc"

    # -- scripting and inspection ---------------------------------------------

    def script(self, method: str, *, status: int = 200, body=None, headers=None) -> None:
        """Answer the next call to `method` with this response instead of the default."""
        self._scripts[method].append(
            Scripted(status, body if body is not None else {"ok": True}, headers or {})
        )

    def unknown(self) -> list[str]:
        """Methods called that this fake (and so newsbot's design) does not expect."""
        with self._cond:
            return [c.method for c in self.calls if c.method not in KNOWN]

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until `count` calls to `method` arrived; raise if they do not."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} × {method}, saw {seen}")
                self._cond.wait(left)

    async def calls_after(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        return await asyncio.to_thread(self.wait_calls, method, count, timeout)

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    # -- Web API ----------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body: dict[str, Any] = dict(request.query)
        raw = await request.read()
        if raw:
            if request.content_type == "application/json":
                body.update(json.loads(raw))
            else:
                body.update(parse_qsl(raw.decode()))
        call = Call(method, request.path, dict(request.headers), body)
        self._record(call)
        if self._scripts[method]:
            s = self._scripts[method].popleft()
            return web.json_response(s.body, status=s.status, headers=s.headers)
        return web.json_response(self._default(method, call))

    def _default(self, method: str, call: Call) -> dict[str, Any]:
        if method == "apps.connections.open":
            if call.token not in self.app_tokens:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.ws_url}
        if call.token not in self.tokens:
            return {"ok": False, "error": "invalid_auth" if call.token else "not_authed"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://test.slack.com/",
                "team": "Test Team",
                "user": "newsbot",
                "team_id": TEAM,
                "user_id": BOT_USER,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            self._posted += 1
            ts = f"1700000{self._posted:03d}.000100"
            return {"ok": True, "channel": call.body.get("channel"), "ts": ts}
        if method == "users.info":
            user = self.users.get(str(call.body.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        return {"ok": False, "error": "unknown_method"}

    def add_user(self, user_id: str, *, admin: bool = False, owner: bool = False) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": TEAM,
            "name": user_id.lower(),
            "is_admin": admin,
            "is_owner": owner,
            "is_primary_owner": False,
            "is_bot": False,
        }

    async def _response(self, request: web.Request) -> web.Response:
        raw = await request.read()
        self._record(Call("response", request.path, dict(request.headers), json.loads(raw)))
        # Tests close the gate to hold response_url posts, proving the ack did not wait.
        await asyncio.to_thread(self.response_gate.wait, 10)
        return web.Response(text="ok")

    # -- Socket Mode -------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        self._record(Call("socket.connect", request.path, dict(request.headers), {}))
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TEST"}}
        await ws.send_str(json.dumps(hello))
        async for msg in ws:
            if msg.type is WSMsgType.TEXT:
                frame = json.loads(msg.data)
                with self._cond:
                    self.socket_frames.append(frame)
                self._record(Call("socket.ack", request.path, {}, frame))
        return ws

    def send_socket(self, envelope: dict[str, Any]) -> None:
        """Push an envelope to the connected Socket Mode client (thread-safe)."""
        if not self._sockets or self._loop is None:
            raise AssertionError("no Socket Mode client is connected")
        ws = self._sockets[-1]
        asyncio.run_coroutine_threadsafe(ws.send_str(json.dumps(envelope)), self._loop).result(5)


# -- payloads, shaped like Slack's -------------------------------------------------


def signed_headers(
    body: bytes, *, secret: str = SECRET, timestamp: int | None = None, form: bool = False
) -> dict[str, str]:
    """Slack's request signature over the exact bytes that will be posted."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    kind = "application/x-www-form-urlencoded" if form else "application/json"
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, "Content-Type": kind}


def command_payload(
    text: str,
    *,
    response_url: str,
    user_id: str = "U0ASKER",
    channel_id: str = "C0NEWS",
    team_id: str = TEAM,
    command: str = "/news",
) -> dict[str, str]:
    return {
        "token": "deprecated-verification-token",
        "team_id": team_id,
        "team_domain": "test",
        "channel_id": channel_id,
        "channel_name": "news",
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": "A0TEST",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1337.42.abcdef",
    }


def slash_body(text: str, *, response_url: str, **kwargs: str) -> bytes:
    return urlencode(command_payload(text, response_url=response_url, **kwargs)).encode()


def mention_event(
    text: str, *, user: str = "U0ASKER", channel: str = "C0NEWS", ts: str = "1700000000.000100"
) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }


def im_event(
    text: str, *, user: str = "U0ASKER", channel: str = "D0DIRECT", ts: str = "1700000001.000100"
) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }


def event_payload(event: dict[str, Any], *, event_id: str = "Ev0001") -> dict[str, Any]:
    return {
        "token": "deprecated-verification-token",
        "team_id": TEAM,
        "api_app_id": "A0TEST",
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
    }


def event_body(event: dict[str, Any], *, event_id: str = "Ev0001") -> bytes:
    return json.dumps(event_payload(event, event_id=event_id)).encode()


def url_verification_body(challenge: str) -> bytes:
    body = {"token": "deprecated", "challenge": challenge, "type": "url_verification"}
    return json.dumps(body).encode()


# -- driving the real adapter against the fake ----------------------------------------


def free_port() -> int:
    """A port that was free a moment ago (serve() takes a fixed port, as in production)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RunningSlack:
    """`adapters.slack.serve` running in HTTP mode, and a way to send it signed requests."""

    url: str
    fake: FakeSlack
    session: aiohttp.ClientSession

    async def post(self, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
        async with self.session.post(self.url, data=body, headers=headers) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text) if text else None
            except ValueError:
                return response.status, text

    async def command(self, text: str, **kwargs: str) -> tuple[int, Any]:
        body = slash_body(text, response_url=self.fake.response_url(), **kwargs)
        return await self.post(body, signed_headers(body, form=True))

    async def event(self, event: dict[str, Any], event_id: str = "Ev0001") -> tuple[int, Any]:
        body = event_body(event, event_id=event_id)
        return await self.post(body, signed_headers(body))


@contextlib.asynccontextmanager
async def running_slack(
    fake: FakeSlack, bot: Any, settings: Any, digest_interval: float = 3600
) -> AsyncIterator[RunningSlack]:
    """Run `serve(bot, settings, http=True)` until the block ends; wait until it listens.

    A short `digest_interval` makes the timer post digests and watch alerts as they fall due.
    """
    from adapters.slack import serve

    task = asyncio.create_task(serve(bot, settings, http=True, digest_interval=digest_interval))
    url = f"http://{settings.host}:{settings.port}/slack/events"
    async with aiohttp.ClientSession() as session:
        try:
            if not await until_listening(session, url, _serving(task)):
                raise AssertionError(f"nothing listening at {url}")
            yield RunningSlack(url, fake, session)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def until_listening(
    session: aiohttp.ClientSession,
    url: str,
    alive: Callable[[], None] = lambda: None,
    seconds: float = 5.0,
    pause: float = 0.01,
) -> bool:
    """Poll `url` until something answers (True) or `seconds` pass (False); `alive` raises
    as soon as the server being waited for has stopped."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive()
        try:
            async with session.get(url) as response:
                await response.read()
                return True
        except aiohttp.ClientConnectionError:
            await asyncio.sleep(pause)
    return False


def _serving(task: asyncio.Task) -> Callable[[], None]:
    def alive() -> None:
        if task.done():
            task.result()  # re-raise why serve() stopped
            raise AssertionError("serve() returned early")

    return alive
