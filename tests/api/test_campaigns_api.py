"""`/v1/campaigns` through a real app on a real Pro workspace: what a script driving FluenzR sees."""

from __future__ import annotations

from fluenzr_desktop.ops.campaigns import campaign_header
from fluenzr_desktop.ops.contacts import save_contact
from fluenzr_desktop.store.accounts import add_account
from tests.api.conftest import assert_problem
from tests.cli.helpers import broken_document, sample_document


def _account(workspace) -> int:
    """A sending account (a local relay without login)."""
    with workspace.session() as session:
        return add_account(
            session, name="Relay", email="founder@startup.io", smtp_host="127.0.0.1",
            smtp_port=2525, smtp_security="none",
        ).id  # fmt: skip


def _create(client, document, **fields) -> dict:
    answer = client.post("/v1/campaigns", json={"name": "Launch", "document": document, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_campaign_created_from_a_document_comes_back_with_that_document(client, api_workspace):
    document = sample_document()
    document["nodes"][1]["subject"] = "Hello {{ firstName }}"
    document["nodes"][1]["x-kept"] = {"by": "a newer app"}
    account = _account(api_workspace)

    created = _create(client, document, account_id=account)
    assert created["problems"] == []
    campaign_id = created["campaign"]["id"]

    got = client.get(f"/v1/campaigns/{campaign_id}").json()
    assert (got["name"], got["status"], got["account"]) == ("Launch", "draft", account)
    email = next(node for node in got["document"]["nodes"] if node["id"] == "e1")
    assert email["subject"] == "Hello {{ firstName }}"
    assert email["x-kept"] == {"by": "a newer app"}  # unknown fields are kept, as in the CLI
    assert got["settings"]["daily_cap"] == 50  # effective settings: defaults filled in
    assert campaign_header(api_workspace, campaign_id)[0] == "Launch"


def test_a_document_too_malformed_to_load_is_refused_and_nothing_is_created(client):
    answer = client.post("/v1/campaigns", json={"name": "Broken", "document": {"nodes": 3}})
    assert "version" in assert_problem(answer, 422, "invalid_document")["detail"]
    blank = client.post("/v1/campaigns", json={"name": "   ", "document": sample_document()})
    assert_problem(blank, 422, "invalid_request")
    assert client.get("/v1/campaigns").json()["items"] == []


def test_validate_lists_the_problems_with_their_codes_and_activation_is_refused_with_them(client):
    campaign_id = _create(client, broken_document())["campaign"]["id"]

    check = client.post(f"/v1/campaigns/{campaign_id}/validate").json()
    codes = {problem["code"] for problem in check["problems"]}
    assert codes == {"first_subject_empty", "condition_branch_missing", "no_account"}
    assert check["can_activate"] is False

    refused = assert_problem(
        client.post(f"/v1/campaigns/{campaign_id}/activate"), 422, "activation_refused"
    )
    assert {problem["code"] for problem in refused["problems"]} == codes
    nodes = {problem["code"]: problem["node"] for problem in refused["problems"]}
    assert nodes["first_subject_empty"] == "e1"
    assert client.get(f"/v1/campaigns/{campaign_id}").json()["status"] == "draft"


def test_a_campaign_goes_through_its_statuses_and_an_illegal_verb_is_a_409(client, api_workspace):
    campaign_id = _create(client, sample_document(), account_id=_account(api_workspace))[
        "campaign"
    ]["id"]
    assert client.post(f"/v1/campaigns/{campaign_id}/validate").json()["can_activate"] is True

    assert_problem(client.post(f"/v1/campaigns/{campaign_id}/resume"), 409, "illegal_transition")
    assert campaign_header(api_workspace, campaign_id)[1] == "draft"
    for verb, status in (
        ("activate", "active"),
        ("pause", "paused"),
        ("resume", "active"),
        ("pause", "paused"),
        ("archive", "archived"),
    ):
        answer = client.post(f"/v1/campaigns/{campaign_id}/{verb}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == status
    assert campaign_header(api_workspace, campaign_id)[1] == "archived"
    assert_problem(client.post(f"/v1/campaigns/{campaign_id}/activate"), 409, "illegal_transition")


def test_the_sequence_of_an_active_campaign_is_kept_but_its_settings_change(client, api_workspace):
    campaign_id = _create(client, sample_document(), account_id=_account(api_workspace))[
        "campaign"
    ]["id"]
    client.post(f"/v1/campaigns/{campaign_id}/activate").raise_for_status()
    changed = sample_document()
    changed["nodes"][1]["subject"] = "Another subject"

    refused = assert_problem(
        client.patch(f"/v1/campaigns/{campaign_id}", json={"document": changed}),
        409,
        "not_editable",
    )
    assert "pause it first" in refused["detail"]
    settings = client.patch(f"/v1/campaigns/{campaign_id}", json={"settings": {"daily_cap": 7}})
    assert settings.status_code == 200, settings.text
    got = client.get(f"/v1/campaigns/{campaign_id}").json()
    assert got["settings"]["daily_cap"] == 7
    assert got["document"]["nodes"][1]["subject"] == sample_document()["nodes"][1]["subject"]


def test_campaigns_are_listed_by_status_a_page_at_a_time(client, api_workspace):
    account = _account(api_workspace)
    ids = [
        _create(client, sample_document(), account_id=account)["campaign"]["id"] for _ in range(3)
    ]
    client.post(f"/v1/campaigns/{ids[1]}/activate").raise_for_status()

    first = client.get("/v1/campaigns", params={"limit": 2}).json()
    second = client.get("/v1/campaigns", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert [c["id"] for c in first["items"] + second["items"]] == ids
    assert second["next_cursor"] is None
    drafts = client.get("/v1/campaigns", params={"status": "draft"}).json()["items"]
    assert [c["id"] for c in drafts] == [ids[0], ids[2]]
    assert_problem(client.get("/v1/campaigns", params={"cursor": "garbage"}), 400, "invalid_cursor")
    assert_problem(
        client.get("/v1/campaigns", params={"status": "sleeping"}), 422, "invalid_request"
    )


def test_the_preview_renders_the_emails_for_a_contact_named_by_address_or_id(client, api_workspace):
    document = sample_document()
    document["nodes"][1]["subject"] = "Hi {{ firstName }} at {{ company }}"
    campaign_id = _create(client, document)["campaign"]["id"]
    contact = save_contact(api_workspace, None, {"email": "Ann@Acme.io", "first_name": "Ann"}, [])

    by_address = client.get(
        f"/v1/campaigns/{campaign_id}/preview", params={"contact": "ann@acme.io"}
    )
    assert by_address.status_code == 200, by_address.text
    email = by_address.json()["emails"][0]
    assert (email["node"], email["subject"]) == ("e1", "Hi Ann at")
    assert email["missing"] == ["company"]
    by_id = client.get(f"/v1/campaigns/{campaign_id}/preview", params={"contact": str(contact.id)})
    assert by_id.json() == by_address.json()

    unknown = client.get(f"/v1/campaigns/{campaign_id}/preview", params={"contact": "bob@x.io"})
    assert_problem(unknown, 404, "not_found")
    assert_problem(
        client.get("/v1/campaigns/999/preview", params={"contact": "ann@acme.io"}), 404, "not_found"
    )


def test_activating_when_contacts_lack_a_printed_value_asks_for_confirmation(client, api_workspace):
    document = sample_document()
    document["nodes"][1]["subject"] = "A question for {{ company }}"
    campaign_id = _create(client, document, account_id=_account(api_workspace))["campaign"]["id"]
    save_contact(api_workspace, None, {"email": "ann@acme.io", "company": "Acme"}, [])
    save_contact(api_workspace, None, {"email": "bob@solo.io"}, [])
    enrolled = client.post(
        f"/v1/campaigns/{campaign_id}/enrollments",
        json={"emails": ["ann@acme.io", "bob@solo.io"]},
    )
    assert enrolled.json()["enrolled"] == 2

    asked = assert_problem(
        client.post(f"/v1/campaigns/{campaign_id}/activate"), 409, "missing_values"
    )
    assert [
        (p["code"], p["params"]["variable"], p["params"]["examples"]) for p in asked["problems"]
    ] == [("missing_value", "company", ["bob@solo.io"])]
    assert campaign_header(api_workspace, campaign_id)[1] == "draft"
    confirmed = client.post(f"/v1/campaigns/{campaign_id}/activate", params={"confirm": "true"})
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "active"
    assert confirmed.json()["missing_values"][0]["missing"] == 1
