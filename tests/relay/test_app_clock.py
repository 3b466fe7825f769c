"""The relay stamps each hit with its injected clock, so the time the app reads is the hit's."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta, timezone

from fluenzr_relay.app import RelayApp
from fluenzr_relay.store import HitStore
from fluenzr_relay.tokens import RelayKeys, events_bearer, make_token
from tests.fixtures.relay_server import send_id
from tests.timing import real_utc_now


async def call(app: RelayApp, method: str, path: str, query: bytes = b"", headers=()) -> list:
    """One request through the ASGI interface, as uvicorn would make it."""
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": list(headers),
        "client": ("198.51.100.4", 50000),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


def test_hit_times_come_from_the_injected_clock_in_utc(tmp_path):
    paris = timezone(timedelta(hours=1))
    moment = real_utc_now().astimezone(paris).replace(microsecond=123456)
    keys = RelayKeys.generate("k1")

    async def scenario() -> list:
        store = HitStore(tmp_path / "hits.db")
        app = RelayApp(keys, store, clock=lambda: moment)
        await call(app, "GET", f"/o/{make_token(keys, {'k': 'o', 's': send_id(1)})}.gif")
        answer = await call(
            app,
            "GET",
            "/v1/events",
            headers=[(b"authorization", f"Bearer {events_bearer(keys)}".encode())],
        )
        await store.close()
        return answer

    answer = asyncio.run(scenario())
    assert answer[0]["status"] == 200
    [event] = json.loads(answer[1]["body"])["events"]
    expected = moment.astimezone(UTC)
    assert event["at"] == expected.strftime("%Y-%m-%dT%H:%M:%S.123456Z")
    assert datetime.fromisoformat(event["at"].replace("Z", "+00:00")) == moment
    assert event["ip"] == "198.51.100.4"
