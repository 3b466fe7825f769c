"""`GET /v1/events`: only the app holding the key reads the hits, page after page, in order."""

from __future__ import annotations

from fluenzr_relay.tokens import RelayKeys, events_bearer
from tests.fixtures.relay_server import send_id


def record_opens(relay, count: int) -> None:
    for number in range(count):
        assert relay.get(relay.pixel({"k": "o", "s": send_id(number)})).status == 200


def test_events_need_the_bearer_of_a_listed_key(relay):
    record_opens(relay, 1)
    stranger = events_bearer(RelayKeys.generate("k1"))
    assert relay.events_page(bearer=stranger).status == 401
    assert relay.events_page(bearer="").status == 401
    no_header = relay.request("GET", "/v1/events")
    assert no_header.status == 401
    assert no_header.headers["www-authenticate"].startswith("Bearer")
    assert b"open" not in no_header.body
    assert relay.events_page().status == 200


def test_after_a_rotation_the_old_and_the_new_bearer_both_read(start_relay, relay_keys):
    old_keys, key_file = relay_keys
    rotated = RelayKeys.generate("k2").followed_by(old_keys)
    key_file.write_text(rotated.to_text())
    relay = start_relay()
    record_opens(relay, 1)
    assert relay.events_page(bearer=events_bearer(old_keys)).status == 200
    assert relay.events_page(bearer=events_bearer(rotated)).status == 200


def test_the_cursor_pages_through_every_hit_once_in_order(relay):
    record_opens(relay, 7)
    first = relay.events_page(after=0, limit=3).json
    assert [e["token"]["s"] for e in first["events"]] == [send_id(n) for n in range(3)]
    assert first["more"] is True and first["next"] == first["events"][-1]["id"]
    second = relay.events_page(after=first["next"], limit=3).json
    third = relay.events_page(after=second["next"], limit=3).json
    assert [e["token"]["s"] for e in second["events"] + third["events"]] == [
        send_id(n) for n in range(3, 7)
    ]
    assert second["more"] is True and third["more"] is False
    empty = relay.events_page(after=third["next"], limit=3).json
    assert empty == {
        "events": [],
        "next": third["next"],
        "more": False,
        "instance": relay.get("/healthz").json["instance"],
    }


def test_limit_defaults_to_500_and_is_capped_at_1000(relay):
    record_opens(relay, 2)
    assert len(relay.events_page().json["events"]) == 2
    assert relay.events_page(limit=5000).status == 200  # capped, not refused


def test_a_bad_cursor_or_limit_is_a_400(relay):
    for query in ("after=-1", "after=abc", "limit=0", "limit=1e3", "after=%EF%BC%91"):
        answer = relay.request(
            "GET", f"/v1/events?{query}", {"Authorization": f"Bearer {events_bearer(relay.keys)}"}
        )
        assert answer.status == 400, query
