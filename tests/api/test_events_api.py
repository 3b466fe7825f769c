"""`/v1/events`: a script follows what happens in order, from a cursor, without gaps."""

from __future__ import annotations

from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.store.models import Event
from tests.api.conftest import assert_problem


def _record(workspace, *events: dict) -> None:
    with workspace.session() as session:
        for event in events:
            session.add(Event(**event))


def test_events_come_in_id_order_with_their_webhook_type_and_a_resumable_cursor(
    client, api_workspace
):
    campaign = create_campaign(api_workspace, "Launch").id
    other = create_campaign(api_workspace, "Other").id
    before = client.get("/v1/events").json()  # the campaigns' own status events, if any
    _record(
        api_workspace,
        {"kind": "sent", "campaign_id": campaign, "message_id": "<m1@x>", "node_id": "e1"},
        {"kind": "auto_replied", "campaign_id": campaign, "detail": {"from": "a@b.c"}},
        {"kind": "open_machine", "campaign_id": other},
        {"kind": "tick_note", "campaign_id": campaign},
    )

    first = client.get("/v1/events", params={"after": before["next_cursor"], "limit": 2}).json()
    rest = client.get("/v1/events", params={"after": first["next_cursor"]}).json()

    assert first["has_more"] is True and rest["has_more"] is False
    got = first["items"] + rest["items"]
    assert [(e["kind"], e["webhook_type"]) for e in got] == [
        ("sent", "email.sent"),
        ("auto_replied", "reply.received"),
        ("open_machine", "email.opened"),
        ("tick_note", None),
    ]
    assert got[0]["message_id"] == "<m1@x>" and got[0]["occurred_at"].endswith("Z")
    assert got[1]["detail"] == {"from": "a@b.c"}
    assert [e["id"] for e in got] == sorted(e["id"] for e in got)
    # Nothing new yet: the cursor stays where it was, ready for the next poll.
    later = client.get("/v1/events", params={"after": rest["next_cursor"]}).json()
    assert later == {"items": [], "next_cursor": rest["next_cursor"], "has_more": False}
    _record(api_workspace, {"kind": "replied", "campaign_id": campaign})
    newer = client.get("/v1/events", params={"after": rest["next_cursor"]}).json()
    assert [e["kind"] for e in newer["items"]] == ["replied"]


def test_events_filter_by_campaign_and_kinds(client, api_workspace):
    campaign = create_campaign(api_workspace, "Launch").id
    other = create_campaign(api_workspace, "Other").id
    _record(
        api_workspace,
        {"kind": "sent", "campaign_id": campaign},
        {"kind": "sent", "campaign_id": other},
        {"kind": "clicked", "campaign_id": campaign, "detail": {"url": "https://x.io"}},
        {"kind": "replied", "campaign_id": campaign},
    )

    only = client.get(
        "/v1/events", params={"campaign_id": campaign, "kind": ["sent", "replied"]}
    ).json()

    assert [(e["kind"], e["campaign_id"]) for e in only["items"]] == [
        ("sent", campaign),
        ("replied", campaign),
    ]
    assert_problem(client.get("/v1/events", params={"after": "x"}), 400, "invalid_cursor")
    assert_problem(client.get("/v1/events", params={"campaign_id": 0}), 422, "invalid_request")
