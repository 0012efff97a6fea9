"""A local Discord on 127.0.0.1: REST under /api/v10 and a gateway websocket, for tests.

The unmodified discord.py client logs in, identifies, gets READY and GUILD_CREATE, and then
the test pushes INTERACTION_CREATE / MESSAGE_CREATE. Every request is recorded; unknown
routes answer 404 and land in `unknown`, which the test fixture asserts is empty.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import discord
from aiohttp import WSMsgType, web

FAKE_TOKEN = "MTAw.fake.token-for-tests"
APP_ID = "900000000000000001"
BOT_ID = "900000000000000002"
BOT_USER = {
    "id": BOT_ID,
    "username": "newsbot",
    "discriminator": "0",
    "global_name": "newsbot",
    "avatar": None,
    "bot": True,
    "flags": 0,
    "mfa_enabled": False,
    "verified": True,
}
ADMIN_PERMISSIONS = str(1 << 5 | 1 << 10 | 1 << 11)  # manage_guild, view, send
MEMBER_PERMISSIONS = str(1 << 10 | 1 << 11 | 1 << 14 | 1 << 16)  # view, send, embed, history
EMBED_LINKS = 1 << 14
_ids = itertools.count(1_000_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_ids))


@dataclass
class Request:
    method: str
    path: str  # below /api/v10, e.g. "/channels/5/messages"
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


@dataclass
class Scripted:
    method: str
    pattern: str  # regex matched in full against the path
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json": discord.py parses nothing else (json_response adds a charset).
    body = json.dumps(data).encode()
    return web.Response(
        body=body, status=status, content_type="application/json", headers=headers or {}
    )


def user(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {"id": user_id, "username": name, "discriminator": "0", "global_name": name,
            "avatar": None, "bot": bot}  # fmt: skip


def member(user_payload: dict[str, Any], permissions: str) -> dict[str, Any]:
    return {"user": user_payload, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False, "mute": False, "flags": 0, "permissions": permissions}  # fmt: skip


def message_object(channel_id: str, body: dict[str, Any], author: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": snowflake(), "channel_id": channel_id, "type": 0, "author": author,
        "content": body.get("content") or "", "embeds": body.get("embeds") or [],
        "attachments": [], "mentions": [], "mention_roles": [], "mention_everyone": False,
        "pinned": False, "tts": False, "timestamp": "2024-01-01T00:00:00+00:00",
        "edited_timestamp": None, "flags": body.get("flags", 0), "components": [],
    }  # fmt: skip


class FakeDiscord:
    """REST + gateway. `requests` holds every REST call, in order of arrival."""

    def __init__(
        self, guilds: dict[str, list[str]] | None = None, no_embeds: set[str] | None = None
    ) -> None:
        self.guilds = guilds or {}  # guild id -> text channel ids
        self.no_embeds = no_embeds or set()  # channels where the bot lacks Embed Links
        self.requests: list[Request] = []
        self.unknown: list[Request] = []
        self.identifies: list[dict[str, Any]] = []
        self.missing_channels: set[str] = set()  # POST to these answers 404 Unknown Channel
        self._scripted: list[Scripted] = []
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- test controls ---------------------------------------------------------

    def script(self, method: str, pattern: str, status: int, body: Any, **headers: str) -> None:
        """Answer the next request matching `method` + `pattern` with this response, once."""
        self._scripted.append(Scripted(method, pattern, status, body, headers))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Push a gateway dispatch (op 0) to every connected client."""
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        for ws in list(self._sockets):
            await ws.send_str(json.dumps(frame))

    async def wait_for(
        self, predicate: Callable[[list[Request]], bool], timeout: float = 5.0
    ) -> list[Request]:
        """Wait until `predicate(requests)` holds; return the requests."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: predicate(self.requests)), timeout
            )
        return self.requests

    def matching(self, method: str, pattern: str) -> list[Request]:
        return [r for r in self.requests if r.method == method and re.fullmatch(pattern, r.path)]

    async def wait_identified(self, count: int = 1) -> None:
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.identifies) >= count), 5.0
            )

    async def wait_count(self, method: str, pattern: str, count: int = 1) -> list[Request]:
        await self.wait_for(lambda _: len(self.matching(method, pattern)) >= count)
        return self.matching(method, pattern)

    # -- REST ------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        record = Request(request.method, path, dict(request.query), body, dict(request.headers))
        async with self._changed:
            self.requests.append(record)
            self._changed.notify_all()
        for scripted in self._scripted:
            if scripted.method == request.method and re.fullmatch(scripted.pattern, path):
                self._scripted.remove(scripted)
                return _json(scripted.body, scripted.status, scripted.headers)
        response = self._route(record)
        if response is None:
            self.unknown.append(record)
            return _json({"message": "404: Not Found", "code": 0}, 404)
        return response

    def _route(self, r: Request) -> web.Response | None:
        m, p = r.method, r.path
        if (m, p) == ("GET", "/users/@me"):
            if r.headers.get("Authorization") != "Bot " + FAKE_TOKEN:
                return _json({"message": "401: Unauthorized", "code": 0}, 401)
            return _json(BOT_USER)
        if (m, p) == ("GET", "/oauth2/applications/@me"):
            return _json(self._app_info())
        if m == "PUT" and re.fullmatch(rf"/applications/{APP_ID}(/guilds/\d+)?/commands", p):
            return _json([self._command(c) for c in r.body])
        if m == "POST" and re.fullmatch(r"/interactions/\d+/[^/]+/callback", p):
            interaction_id = p.split("/")[2]
            return _json({"interaction": {"id": interaction_id, "type": 2,
                                          "response_message_loading": True}})  # fmt: skip
        if m == "POST" and re.fullmatch(rf"/webhooks/{APP_ID}/[^/]+", p):
            return _json(message_object(snowflake(), r.body or {}, BOT_USER))
        match = re.fullmatch(r"/channels/(\d+)/(messages|typing)", p)
        if m == "POST" and match:
            channel_id, what = match.groups()
            if channel_id in self.missing_channels:
                return _json({"message": "Unknown Channel", "code": 10003}, 404)
            if what == "typing":
                return web.Response(status=204)
            return _json(message_object(channel_id, r.body or {}, BOT_USER))
        return None

    def _app_info(self) -> dict[str, Any]:
        owner = user("900000000000000009", "owner")
        return {"id": APP_ID, "name": "newsbot", "description": "", "icon": None,
                "bot_public": True, "bot_require_code_grant": False, "owner": owner,
                "verify_key": "0" * 64, "flags": 0, "team": None}  # fmt: skip

    @staticmethod
    def _command(body: dict[str, Any]) -> dict[str, Any]:
        return {**body, "id": snowflake(), "application_id": APP_ID, "version": snowflake()}

    # -- gateway ---------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                frame = json.loads(msg.data)
                if frame["op"] == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif frame["op"] == 2:
                    await self._send_ready(ws)
                    async with self._changed:
                        self.identifies.append(frame["d"])
                        self._changed.notify_all()
        finally:
            self._sockets.remove(ws)
        return ws

    async def _send_ready(self, ws: web.WebSocketResponse) -> None:
        ready = {"v": 10, "user": BOT_USER, "session_id": snowflake(),
                 "resume_gateway_url": self.gateway_url,
                 "guilds": [{"id": g, "unavailable": True} for g in self.guilds],
                 "application": {"id": APP_ID, "flags": 0}}  # fmt: skip
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
        for guild_id, channels in self.guilds.items():
            frame = {"op": 0, "t": "GUILD_CREATE", "s": next(self._seq),
                     "d": guild_create(guild_id, channels, self.no_embeds)}  # fmt: skip
            await ws.send_str(json.dumps(frame))


def guild_create(guild_id: str, channels: list[str], no_embeds: set[str]) -> dict[str, Any]:
    """A GUILD_CREATE with the bot as the only cached member (as with default intents)."""

    def overwrites(channel: str) -> list[dict[str, Any]]:
        if channel not in no_embeds:
            return []
        return [{"id": guild_id, "type": 0, "allow": "0", "deny": str(EMBED_LINKS)}]

    return {
        "id": guild_id, "name": f"guild {guild_id}", "icon": None, "owner_id": "1",
        "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "features": [], "mfa_level": 0, "system_channel_id": None, "system_channel_flags": 0,
        "rules_channel_id": None, "vanity_url_code": None, "description": None,
        "banner": None, "premium_tier": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": None, "nsfw_level": 0, "premium_progress_bar_enabled": False,
        "unavailable": False, "member_count": 2, "large": False,
        "joined_at": "2024-01-01T00:00:00+00:00",
        "roles": [{"id": guild_id, "name": "@everyone", "permissions": MEMBER_PERMISSIONS,
                   "position": 0, "color": 0, "hoist": False, "managed": False,
                   "mentionable": False, "flags": 0}],
        "emojis": [], "stickers": [], "voice_states": [], "presences": [],
        "members": [member(BOT_USER, MEMBER_PERMISSIONS)],
        "threads": [], "stage_instances": [], "guild_scheduled_events": [],
        "channels": [{"id": c, "type": 0, "guild_id": guild_id, "name": f"chan-{c}",
                      "position": i, "permission_overwrites": overwrites(c), "nsfw": False,
                      "parent_id": None, "topic": None, "last_message_id": None,
                      "rate_limit_per_user": 0} for i, c in enumerate(channels)],
    }  # fmt: skip


# -- payload builders shaped like Discord's ----------------------------------------


def slash(
    name: str,
    options: dict[str, Any] | None = None,
    *,
    guild_id: str | None,
    channel_id: str,
    user_payload: dict[str, Any] | None = None,
    permissions: str = MEMBER_PERMISSIONS,
    subcommand: str | None = None,
    focused: str | None = None,
    command_guild: str | None = None,
) -> dict[str, Any]:
    """An INTERACTION_CREATE for a chat-input command (or its autocomplete, with `focused`)."""
    who = user_payload or user("700000000000000001", "alice")
    opts = [
        {"name": k, "type": 4 if isinstance(v, int) else 3, "value": v}
        | ({"focused": True} if k == focused else {})
        for k, v in (options or {}).items()
    ]
    if subcommand is not None:
        opts = [{"name": subcommand, "type": 1, "options": opts}]
    data: dict[str, Any] = {"id": snowflake(), "name": name, "type": 1, "options": opts}
    if command_guild is not None:
        data["guild_id"] = command_guild
    payload: dict[str, Any] = {
        "id": snowflake(), "application_id": APP_ID, "type": 4 if focused else 2,
        "token": "itoken-" + snowflake(), "version": 1, "attachment_size_limit": 8_388_608,
        "data": data, "locale": "en-US", "entitlements": [],
        "app_permissions": ADMIN_PERMISSIONS, "authorizing_integration_owners": {"0": "1"},
    }  # fmt: skip
    if guild_id is None:
        payload |= {"channel_id": channel_id, "context": 1, "user": who,
                    "channel": {"id": channel_id, "type": 1, "recipients": [who]}}  # fmt: skip
    else:
        payload |= {"guild_id": guild_id, "channel_id": channel_id, "context": 0,
                    "guild_locale": "en-US", "member": member(who, permissions),
                    "channel": {"id": channel_id, "type": 0, "guild_id": guild_id,
                                "name": f"chan-{channel_id}"}}  # fmt: skip
    return payload


def message_create(
    content: str,
    *,
    guild_id: str | None,
    channel_id: str,
    author: dict[str, Any] | None = None,
    mentions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A MESSAGE_CREATE; a mention counts only when the user object is in `mentions`."""
    who = author or user("700000000000000001", "alice")
    payload = message_object(channel_id, {"content": content}, who)
    payload["mentions"] = mentions or []
    if guild_id is not None:
        payload["guild_id"] = guild_id
        payload["member"] = {
            k: v for k, v in member(who, MEMBER_PERMISSIONS).items() if k != "user"
        }
    return payload


@contextlib.asynccontextmanager
async def run_client(client: discord.Client, token: str) -> AsyncIterator[discord.Client]:
    """Start `client`, wait for READY (or re-raise why start died), close it afterwards."""
    start = asyncio.create_task(client.start(token))
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait({start, ready}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    try:
        if start in done:
            start.result()
            raise RuntimeError("the client stopped before it was ready")
        if not done:
            raise TimeoutError("the client did not become ready within 5 s")
        yield client
    finally:
        ready.cancel()
        await client.close()
        with contextlib.suppress(asyncio.CancelledError):
            await start
