"""`/v1/webhooks`: add an endpoint, ping it for real, read its log, redeliver, remove it."""

from __future__ import annotations

from tests.api.conftest import assert_problem
from tests.fixtures.webhook_receiver import verify, webhook_receiver_fixture  # noqa: F401


def test_an_endpoint_added_through_the_api_receives_a_signed_ping(client, webhook_receiver):
    receiver = webhook_receiver()
    added = client.post(
        "/v1/webhooks",
        json={"url": receiver.url, "event_types": ["reply.received"], "description": "CRM"},
    )
    assert added.status_code == 201, added.text
    webhook = added.json()
    assert webhook["secret"].startswith("whsec_") and webhook["enabled"] is True

    tested = client.post(f"/v1/webhooks/{webhook['id']}/test")

    assert tested.status_code == 200, tested.text
    assert tested.json()["state"] == "delivered"
    [request] = receiver.wait_for(1)
    assert verify(request, webhook["secret"])["type"] == "test.ping"
    log = client.get(f"/v1/webhooks/{webhook['id']}/deliveries").json()["items"]
    assert [d["event_type"] for d in log] == ["test.ping"]
    again = client.post(f"/v1/deliveries/{log[0]['id']}/redeliver")
    assert again.status_code == 201 and again.json()["webhook_id"] == log[0]["webhook_id"]
    listed = client.get("/v1/webhooks").json()["items"]
    assert [w["id"] for w in listed] == [webhook["id"]] and "secret" not in listed[0]
    assert client.get(f"/v1/webhooks/{webhook['id']}/secret").json() == {
        "secret": webhook["secret"]
    }


def test_changes_and_refusals_are_problem_documents(client):
    webhook = client.post("/v1/webhooks", json={"url": "https://crm.example/hook"}).json()
    path = f"/v1/webhooks/{webhook['id']}"

    changed = client.patch(path, json={"event_types": ["email.sent"], "enabled": False}).json()

    assert (changed["event_types"], changed["enabled"]) == (["email.sent"], False)
    assert_problem(client.post("/v1/webhooks", json={"url": "ftp://x"}), 400, "bad_request")
    unknown = client.post(
        "/v1/webhooks", json={"url": "https://a.example", "event_types": ["email.nope"]}
    )
    assert_problem(unknown, 400, "bad_request")
    no_campaign = client.post(
        "/v1/webhooks", json={"url": "https://a.example", "campaign_ids": [9]}
    )
    assert_problem(no_campaign, 400, "bad_request")  # the body names it: not the path's row
    assert_problem(client.get("/v1/webhooks/999"), 404, "not_found")
    assert_problem(client.post("/v1/deliveries/999/redeliver"), 404, "not_found")
    assert client.delete(path).status_code == 204
    assert_problem(client.get(path), 404, "not_found")
