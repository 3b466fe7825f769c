"""The relay's HTTP face: a plain ASGI app (no framework) recording opens, clicks and unsubscribes.

Routes (issue 14): `GET /o/{token}.gif`, `GET /c/{token}`, `GET|POST /u/{token}`, `HEAD` on
those, `GET /healthz`, `GET /v1/events` (bearer). A hit is committed to the store before its
answer is sent. Paths are parsed with plain string operations and every answer that does not
depend on the request is prepared once, so the hot path stays short.
"""

from __future__ import annotations

import base64
import hmac
import json
import re
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, quote

from fluenzr_relay import __version__
from fluenzr_relay.store import HitStore, StoreError
from fluenzr_relay.tokens import RelayKeys, accepted_bearers, read_token, verify_token

Clock = Callable[[], datetime]
Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]

MAX_PATH_LENGTH = 4096
MAX_BODY_BYTES = 1024
MAX_USER_AGENT_LENGTH = 512
MAX_HEADER_VALUE_LENGTH = 1024
# Below h11's own 16 KiB limit, so an oversized head is read whole and answered, not reset.
MAX_HEADER_BYTES = 8192
EVENTS_DEFAULT_LIMIT = 500
EVENTS_MAX_LIMIT = 1000
ONE_CLICK = ("List-Unsubscribe", "One-Click")
# First of these headers present names why the request was made (a prefetch, a preview…).
PURPOSE_HEADERS = (b"sec-purpose", b"purpose", b"x-purpose", b"x-moz")
WANTED_HEADERS = frozenset(
    {
        b"user-agent",
        b"accept",
        b"accept-language",
        b"authorization",
        b"content-length",
        b"content-type",
        *PURPOSE_HEADERS,
    }
)
TRACKED_METHODS = "GET, HEAD"
UNSUBSCRIBE_METHODS = "GET, HEAD, POST"

# The classic 1×1 transparent GIF89a (42 bytes).
PIXEL_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _headers(content_type: bytes | None, length: int, *extra: tuple[bytes, bytes]) -> list:
    found = [(b"content-length", str(length).encode("ascii")), (b"cache-control", b"no-store")]
    if content_type:
        found.insert(0, (b"content-type", content_type))
    return [*found, *extra]


HTML = b"text/html; charset=utf-8"
TEXT = b"text/plain; charset=utf-8"
JSON = b"application/json"
NO_REFERRER = (b"referrer-policy", b"no-referrer")
NO_INDEX = (b"x-robots-tag", b"noindex, nofollow")
PAGE_POLICY = (
    b"content-security-policy",
    b"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
)

PIXEL_START = {
    "type": "http.response.start",
    "status": 200,
    "headers": _headers(b"image/gif", len(PIXEL_GIF), NO_REFERRER),
}
PIXEL_BODY = {"type": "http.response.body", "body": PIXEL_GIF}
EMPTY_BODY = {"type": "http.response.body", "body": b""}


def _page(language: str, title: str, text: str, form: bool = False) -> bytes:
    button = ""
    if form:
        label = "Me désabonner" if language == "fr" else "Unsubscribe"
        button = (
            '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">'
            f'<button type="submit">{label}</button></form>'
        )
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{title}</title><style>body{{font-family:system-ui,sans-serif;max-width:32em;"
        "margin:4em auto;padding:0 1em;line-height:1.5}button{font-size:1em;padding:.5em 1.2em}"
        f"</style></head><body><h1>{title}</h1><p>{text}</p>{button}</body></html>"
    ).encode()


PAGES = {
    ("confirm", "en"): _page(
        "en", "Unsubscribe", "Press the button to stop receiving emails from this sender.", True
    ),
    ("confirm", "fr"): _page(
        "fr",
        "Se désabonner",
        "Appuyez sur le bouton pour ne plus recevoir d’e-mails de cet expéditeur.",
        True,
    ),
    ("done", "en"): _page(
        "en", "You are unsubscribed", "You will not receive further emails from this sender."
    ),
    ("done", "fr"): _page(
        "fr", "Vous êtes désabonné", "Vous ne recevrez plus d’e-mails de cet expéditeur."
    ),
    ("invalid", "en"): _page("en", "Link not valid", "This unsubscribe link is not valid."),
    ("invalid", "fr"): _page("fr", "Lien non valide", "Ce lien de désabonnement n’est pas valide."),
    ("decoy", "en"): b'<!doctype html><html><head><meta charset="utf-8"><title></title></head>'
    b"<body></body></html>",
}


def prefers_french(accept_language: str) -> bool:
    """Whether Accept-Language ranks French above English (ties: the first listed wins)."""
    best: dict[str, float] = {}
    for position, item in enumerate(accept_language.split(",")):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().split("-", 1)[0].lower()
        if primary not in ("fr", "en"):
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        rank = (quality, -position)
        if primary not in best or rank > best[primary]:
            best[primary] = rank
    if "fr" not in best:
        return False
    return "en" not in best or best["fr"] > best["en"]


MULTIPART_NAME = re.compile(rb'name="([^"]*)"', re.IGNORECASE)


def form_fields(body: bytes, content_type: str) -> list[tuple[str, str]]:
    """The fields of a small form body, urlencoded or multipart/form-data (RFC 8058 allows both)."""
    media_type, _, params = content_type.partition(";")
    if media_type.strip().lower() != "multipart/form-data":
        try:
            return parse_qsl(body.decode("ascii").strip(), keep_blank_values=True)
        except (UnicodeDecodeError, ValueError):
            return []
    boundary = ""
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary":
            boundary = value.strip().strip('"')
    if not boundary:
        return []
    fields: list[tuple[str, str]] = []
    for part in body.split(b"--" + boundary.encode("latin-1"))[1:]:
        if part.startswith(b"--"):
            break
        head, separator, value = part.partition(b"\r\n\r\n")
        named = MULTIPART_NAME.search(head)
        if not separator or not named:
            continue
        if value.endswith(b"\r\n"):
            value = value[:-2]
        fields.append((named.group(1).decode("latin-1"), value.decode("latin-1").strip()))
    return fields


def format_time(moment: datetime) -> str:
    """`2026-12-03T14:00:00.123456Z`: the hit time as the events API gives it (UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds") + "Z"


class RelayApp:
    """The ASGI application: routes, strict parsing and limits; hits go to a HitStore."""

    def __init__(self, keys: RelayKeys, store: HitStore, clock: Clock) -> None:
        self.keys = keys
        self.store = store
        self.clock = clock
        self._bearers = tuple(b"Bearer " + b.encode("ascii") for b in accepted_bearers(keys))
        self._health = json.dumps(
            {"ok": True, "version": __version__, "instance": store.instance}
        ).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.store.close()  # commits every queued hit first
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        if len(raw_path) > MAX_PATH_LENGTH or len(scope["query_string"]) > MAX_PATH_LENGTH:
            return await self._text(send, 414, "URI too long")
        headers: dict[bytes, bytes] = {}
        header_bytes = 0
        for name, value in scope["headers"]:
            header_bytes += len(value)
            if name in WANTED_HEADERS and name not in headers:
                if len(value) > MAX_HEADER_VALUE_LENGTH and name != b"user-agent":
                    return await self._text(send, 431, "header too large")
                headers[name] = value
        if header_bytes > MAX_HEADER_BYTES:
            return await self._text(send, 431, "headers too large")
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
            return await self._text(send, 413 if declared.isdigit() else 400, "bad body length")

        path: str = scope["path"]
        method: str = scope["method"]
        if path.startswith("/o/"):
            if not path.endswith(".gif"):
                return await self._text(send, 404, "not found")
            if method == "GET":
                verified = verify_token(self.keys, path[3:-4], "o")
                if verified is not None and not await self._record(
                    "open", verified, scope, headers, send
                ):
                    return None
                await send(PIXEL_START)
                return await send(PIXEL_BODY)
            return await self._head_only(send, method, PIXEL_START, TRACKED_METHODS)
        if path.startswith("/c/"):
            if method == "GET":
                return await self._click(path[3:], scope, headers, send)
            return await self._head_only(send, method, None, TRACKED_METHODS)
        if path.startswith("/u/"):
            if method == "POST":
                return await self._unsubscribe(path[3:], scope, headers, receive, send)
            if method == "GET":
                language = self._language(headers)
                fields = read_token(self.keys, path[3:], "u")
                page = PAGES[("confirm" if fields is not None else "invalid", language)]
                status = 200 if fields is not None else 404
                return await self._html(send, status, page)
            return await self._head_only(send, method, None, UNSUBSCRIBE_METHODS)
        if path == "/healthz":
            if method not in ("GET", "HEAD"):
                return await self._method_not_allowed(send, TRACKED_METHODS)
            return await self._respond(send, 200, JSON, self._health if method == "GET" else b"")
        if path == "/v1/events":
            if method != "GET":
                return await self._method_not_allowed(send, "GET")
            return await self._events(scope, headers, send)
        return await self._text(send, 404, "not found")

    async def _click(self, token: str, scope: Scope, headers: dict, send: Send) -> None:
        verified = verify_token(self.keys, token, "c")
        if verified is None:
            return await self._text(send, 404, "not found")
        if not await self._record("click", verified, scope, headers, send):
            return None
        fields = verified[0]
        if "h" in fields:
            return await self._html(send, 200, PAGES[("decoy", "en")])
        # Non-ASCII or spaces cannot travel in a header: percent-encode them, keep the rest.
        location = quote(fields["u"], safe="!#$%&'()*+,-./:;=?@[]_~")
        start = _headers(None, 0, (b"location", location.encode("ascii")), NO_REFERRER)
        await send({"type": "http.response.start", "status": 302, "headers": start})
        return await send(EMPTY_BODY)

    async def _unsubscribe(
        self, token: str, scope: Scope, headers: dict, receive: Receive, send: Send
    ) -> None:
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body += message.get("body", b"")
            if len(body) > MAX_BODY_BYTES:
                return await self._text(send, 413, "body too large")
            more = message.get("more_body", False)
        language = self._language(headers)
        verified = verify_token(self.keys, token, "u")
        if verified is None:
            return await self._html(send, 404, PAGES[("invalid", language)])
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        if ONE_CLICK not in form_fields(bytes(body), content_type):
            return await self._text(send, 400, "expected List-Unsubscribe=One-Click")
        if not await self._record("unsubscribe", verified, scope, headers, send):
            return None
        if b"text/html" in headers.get(b"accept", b""):
            return await self._html(send, 200, PAGES[("done", language)])
        return await self._respond(send, 200, None, b"")

    async def _events(self, scope: Scope, headers: dict, send: Send) -> None:
        given = headers.get(b"authorization", b"")
        allowed = False
        for bearer in self._bearers:  # no early exit: constant time over the keys
            allowed |= hmac.compare_digest(given, bearer)
        if not allowed:
            start = _headers(TEXT, 13, (b"www-authenticate", b'Bearer realm="fluenzr-relay"'))
            await send({"type": "http.response.start", "status": 401, "headers": start})
            return await send({"type": "http.response.body", "body": b"unauthorized\n"})
        try:
            query = dict(parse_qsl(scope["query_string"].decode("ascii"), keep_blank_values=True))
        except (UnicodeDecodeError, ValueError):
            return await self._text(send, 400, "bad query")
        after = query.get("after", "0")
        limit = query.get("limit", str(EVENTS_DEFAULT_LIMIT))
        if not all(v.isascii() and v.isdigit() and len(v) <= 18 for v in (after, limit)):
            return await self._text(send, 400, "after and limit must be whole numbers")
        if int(limit) < 1:
            return await self._text(send, 400, "limit must be at least 1")
        try:
            events, more = await self.store.events_after(
                int(after), min(int(limit), EVENTS_MAX_LIMIT)
            )
        except (StoreError, sqlite3.Error):
            return await self._text(send, 503, "the hits database is not available")
        next_cursor = events[-1]["id"] if events else int(after)
        page = {
            "events": events,
            "next": next_cursor,
            "more": more,
            "instance": self.store.instance,
        }
        body = json.dumps(page).encode()
        return await self._respond(send, 200, JSON, body)

    async def _record(
        self, kind: str, verified: tuple[dict, str, str], scope: Scope, headers: dict, send: Send
    ) -> bool:
        """Commit one hit; False (after answering 503) when the database refused it."""
        client = scope.get("client")
        user_agent = headers.get(b"user-agent")
        purpose = None
        for name in PURPOSE_HEADERS:
            if name in headers:
                purpose = headers[name].decode("utf-8", "replace")
                break
        row = (
            kind,
            verified[1],  # the signed JSON text, as the app wrote it
            verified[2],
            format_time(self.clock()),
            client[0] if client else None,
            user_agent.decode("utf-8", "replace")[:MAX_USER_AGENT_LENGTH] if user_agent else None,
            scope["method"],
            purpose,
        )
        try:
            await self.store.record(row)
        except (StoreError, sqlite3.Error):
            await self._text(send, 503, "the hit could not be recorded, try again")
            return False
        return True

    @staticmethod
    def _language(headers: dict) -> str:
        return (
            "fr" if prefers_french(headers.get(b"accept-language", b"").decode("latin-1")) else "en"
        )

    async def _head_only(self, send: Send, method: str, start: dict | None, allow: str) -> None:
        """HEAD: 200, no body, nothing recorded; other methods are not allowed."""
        if method != "HEAD":
            return await self._method_not_allowed(send, allow)
        if start is not None:
            await send(start)
            return await send(EMPTY_BODY)
        return await self._respond(send, 200, None, b"")

    async def _method_not_allowed(self, send: Send, allow: str) -> None:
        body = b"method not allowed\n"
        start = _headers(TEXT, len(body), (b"allow", allow.encode("ascii")))
        await send({"type": "http.response.start", "status": 405, "headers": start})
        await send({"type": "http.response.body", "body": body})

    async def _html(self, send: Send, status: int, page: bytes) -> None:
        start = _headers(HTML, len(page), NO_REFERRER, NO_INDEX, PAGE_POLICY)
        await send({"type": "http.response.start", "status": status, "headers": start})
        await send({"type": "http.response.body", "body": page})

    async def _text(self, send: Send, status: int, text: str) -> None:
        await self._respond(send, status, TEXT, f"{text}\n".encode())

    async def _respond(
        self, send: Send, status: int, content_type: bytes | None, body: bytes
    ) -> None:
        start = _headers(content_type, len(body))
        await send({"type": "http.response.start", "status": status, "headers": start})
        await send({"type": "http.response.body", "body": body})
