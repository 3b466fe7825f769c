"""`/v1/contacts` on a real Pro workspace: what a script managing contacts sees."""

from __future__ import annotations

from fluenzr_desktop.ops.contacts import list_contacts
from tests.api.conftest import assert_problem


def _add(client, email: str, **fields) -> dict:
    answer = client.post("/v1/contacts", json={"email": email, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_created_contact_reads_back_normalised_with_its_tags(client, api_workspace):
    created = _add(client, "  Ada@Example.COM ", first_name="Ada", tags=["vip", "vip", "Paris"])

    assert created["email"] == "ada@example.com"
    assert created["created_at"].endswith("Z")
    assert client.get(f"/v1/contacts/{created['id']}").json() == created
    assert [c["email"] for c in list_contacts(api_workspace)] == ["ada@example.com"]
    assert sorted(created["tags"]) == created["tags"] and len(created["tags"]) == 2


def test_bad_input_is_a_problem_document_never_a_server_error(client):
    _add(client, "ada@example.com")

    assert_problem(
        client.post("/v1/contacts", json={"email": "ada@example.com"}), 400, "bad_request"
    )
    assert_problem(
        client.post("/v1/contacts", json={"email": "not an address"}), 400, "bad_request"
    )
    missing = assert_problem(client.post("/v1/contacts", json={}), 422, "invalid_request")
    assert missing["problems"][0]["field"] == "body.email"
    assert_problem(
        client.post("/v1/contacts", json={"email": "b@x.io", "age": 3}), 422, "invalid_request"
    )
    assert_problem(client.get("/v1/contacts/999"), 404, "not_found")
    assert_problem(client.get(f"/v1/contacts/{2**70}"), 422, "invalid_request")
    assert_problem(client.get("/v1/contacts?cursor=bogus"), 400, "invalid_cursor")
    assert_problem(client.get("/v1/contacts?limit=0"), 422, "invalid_request")


def test_pages_walk_every_contact_once_in_order_with_filters(client):
    for number in range(7):
        _add(
            client,
            f"p{number}@example.com",
            company="Acme" if number % 2 else "Zed",
            tags=["t"] * (number < 3),
        )

    seen, cursor = [], None
    while True:
        page = client.get(
            "/v1/contacts", params={"limit": 3, **({"cursor": cursor} if cursor else {})}
        ).json()
        seen += [item["email"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"p{number}@example.com" for number in range(7)]
    acme = client.get("/v1/contacts", params={"q": "acmé"}).json()["items"]
    assert [c["email"] for c in acme] == ["p1@example.com", "p3@example.com", "p5@example.com"]
    tagged = client.get("/v1/contacts", params={"tag": "t", "q": "zed"}).json()["items"]
    assert [c["email"] for c in tagged] == ["p0@example.com", "p2@example.com"]


def test_patch_changes_only_the_fields_given_and_delete_removes(client):
    contact = _add(client, "ada@example.com", first_name="Ada", company="Acme", tags=["a"])

    patched = client.patch(f"/v1/contacts/{contact['id']}", json={"company": None, "tags": ["b"]})

    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert (body["first_name"], body["company"], body["tags"]) == ("Ada", None, ["b"])
    assert_problem(
        client.patch(f"/v1/contacts/{contact['id']}", json={"email": None}), 422, "invalid_request"
    )
    assert client.delete(f"/v1/contacts/{contact['id']}").status_code == 204
    assert_problem(client.get(f"/v1/contacts/{contact['id']}"), 404, "not_found")
    assert_problem(client.delete(f"/v1/contacts/{contact['id']}"), 404, "not_found")


def test_a_csv_body_is_imported_and_its_bad_lines_listed(client):
    csv = "email,first_name,Plan\nada@example.com,Ada,gold\nnot-an-address,Bob,\n"

    answer = client.post(
        "/v1/contacts/import?tag=imported",
        content=csv.encode(),
        headers={"Content-Type": "text/csv; charset=utf-8"},
    )

    assert answer.status_code == 200, answer.text
    report = answer.json()
    assert (report["imported"], report["updated"], [e["line"] for e in report["errors"]]) == (
        1,
        0,
        [3],
    )
    ada = client.get("/v1/contacts", params={"tag": "imported"}).json()["items"]
    assert [(c["email"], c["custom_fields"]) for c in ada] == [
        ("ada@example.com", {"Plan": "gold"})
    ]
    no_email = client.post(
        "/v1/contacts/import", content=b"name\nx\n", headers={"Content-Type": "text/csv"}
    )
    problem = assert_problem(no_email, 400, "bad_request")
    assert "the CSV body" in problem["detail"] and "/tmp" not in problem["detail"]
    assert_problem(client.post("/v1/contacts/import", json={"a": 1}), 415, "unsupported_media_type")
