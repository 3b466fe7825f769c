"""`/v1/campaigns/{id}/enrollments`: enrolling by ids, tag or addresses, and listing by state."""

from __future__ import annotations

from fluenzr_desktop.ops.campaigns import create_campaign, list_enrollments
from fluenzr_desktop.ops.contacts import save_contact
from fluenzr_desktop.store.suppressions import suppress
from tests.cli.helpers import sample_document


def _contact(workspace, email: str, *tags: str, **fields: str) -> int:
    return save_contact(workspace, None, {"email": email, **fields}, tags).id


def _campaign(workspace) -> int:
    return create_campaign(workspace, "Launch", sample_document()).id


def _enroll(api, campaign_id: int, **who) -> dict:
    answer = api.post(f"/v1/campaigns/{campaign_id}/enrollments", json=who)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_enrolling_by_ids_reports_unknown_ids_and_contacts_already_in(client, api_workspace):
    ann, bob = _contact(api_workspace, "ann@acme.io"), _contact(api_workspace, "bob@solo.io")
    campaign_id = _campaign(api_workspace)

    first = _enroll(client, campaign_id, contact_ids=[ann, 999_999])
    assert first["enrolled"] == 1
    assert first["skipped"] == [{"email": None, "contact_id": 999_999, "reason": "no such contact"}]
    again = _enroll(client, campaign_id, contact_ids=[ann, bob])
    assert again["enrolled"] == 1
    assert again["skipped_by"] == {"already in this campaign": 1}
    assert [row.email for row in list_enrollments(api_workspace, campaign_id)] == [
        "ann@acme.io",
        "bob@solo.io",
    ]


def test_enrolling_by_tag_skips_suppressed_contacts_with_their_cause(client, api_workspace):
    _contact(api_workspace, "ann@acme.io", "leads")
    _contact(api_workspace, "eve@gone.io", "leads")
    _contact(api_workspace, "zed@other.io", "customers")
    with api_workspace.session() as session:
        suppress(session, "eve@gone.io", "unsubscribed")
    campaign_id = _campaign(api_workspace)

    outcome = _enroll(client, campaign_id, tag="leads")
    assert outcome["enrolled"] == 1
    assert [entry["email"] for entry in outcome["skipped"]] == ["eve@gone.io"]
    assert outcome["skipped_by"] == {"unsubscribed": 1}
    assert [row.email for row in list_enrollments(api_workspace, campaign_id)] == ["ann@acme.io"]


def test_enrolling_by_emails_reports_every_unknown_address(client, api_workspace):
    _contact(api_workspace, "ann@acme.io")
    campaign_id = _campaign(api_workspace)

    outcome = _enroll(client, campaign_id, emails=["ANN@acme.io", "nobody@x.io", "not an address"])
    assert outcome["enrolled"] == 1
    assert [(s["email"], s["reason"]) for s in outcome["skipped"]] == [
        ("nobody@x.io", "no such contact"),
        ("not an address", "no such contact"),
    ]
    assert outcome["skipped_by"] == {"no such contact": 2}


def test_a_request_naming_contacts_two_ways_or_none_is_refused(client, api_workspace):
    campaign_id = _campaign(api_workspace)
    for body in ({}, {"tag": "leads", "emails": ["ann@acme.io"]}, {"contact_ids": []}):
        answer = client.post(f"/v1/campaigns/{campaign_id}/enrollments", json=body)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["code"] == "invalid_request"
    unknown = client.post("/v1/campaigns/999/enrollments", json={"tag": "leads"})
    assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")


def test_enrollments_are_listed_by_state_a_page_at_a_time_with_their_contact(client, api_workspace):
    ids = [
        _contact(api_workspace, f"lead{n}@acme.io", "leads", first_name=f"Lead {n}")
        for n in range(5)
    ]
    campaign_id = _campaign(api_workspace)
    _enroll(client, campaign_id, contact_ids=ids)

    seen, cursor = [], None
    while True:
        params = {"state": "added", "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(f"/v1/campaigns/{campaign_id}/enrollments", params=params).json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert [item["contact"]["id"] for item in seen] == ids
    first = seen[0]
    assert first["contact"]["email"] == "lead0@acme.io"
    assert first["contact"]["first_name"] == "Lead 0"
    assert first["contact"]["tags"] == ["leads"]
    assert (first["state"], first["current_step"], first["last_error"]) == ("added", None, None)
    assert first["next_action_at"] is None  # a draft: nobody is due before activation
    assert len({item["id"] for item in seen}) == 5

    none = client.get(f"/v1/campaigns/{campaign_id}/enrollments", params={"state": "replied"})
    assert none.json() == {"items": [], "next_cursor": None}
    wrong = client.get(f"/v1/campaigns/{campaign_id}/enrollments", params={"state": "asleep"})
    assert (wrong.status_code, wrong.json()["code"]) == (422, "invalid_request")
