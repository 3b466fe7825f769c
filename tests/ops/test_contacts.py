"""Contacts use cases on a real workspace: edit, refuse a duplicate, tag, delete, search, export."""

from __future__ import annotations

import csv

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.contacts import (
    ContactQuery,
    contact_card,
    delete_contacts,
    export_selection,
    find_ids,
    import_csv,
    list_contacts,
    load_contact,
    save_contact,
    table_rows,
    tag_contacts,
)
from tests.conftest import write_bytes

CONTACTS = (
    "email,first name,last name,company,tags\n"
    "ann@acme.com,Ann,Lee,100% Bio,vip\n"
    "bob@globex.com,Bob,Martin,1000 Bio,\n"
    "a_b@initech.com,Al,B,Initech,\n"
    "axb@initech.com,Ax,B,Initech,\n"
    "dan@umbrella.com,Dan,Back\\slash,Umbrella,\n"
)


@pytest.fixture
def filled(workspace, tmp_path):
    outcome = import_csv(workspace, write_bytes(tmp_path / "contacts.csv", CONTACTS))
    assert outcome.report.imported == 5 and outcome.changes == Changes(contacts=True)
    return workspace


def ids_by_email(workspace) -> dict[str, int]:
    ids = find_ids(workspace, ContactQuery())
    return {row[0]: contact_id for contact_id, row in table_rows(workspace, ids).items()}


def test_editing_a_contact_says_contacts_changed_and_the_store_keeps_the_edit(filled):
    ann = ids_by_email(filled)["ann@acme.com"]
    values, tags = load_contact(filled, ann)
    assert (values["company"], tags) == ("100% Bio", ["vip"])

    saved = save_contact(
        filled, ann, {**values, "email": " ANN@Acme.com ", "company": "Yale", "phone": "  "},
        ["pioneer", " vip ", "pioneer"],
    )  # fmt: skip

    assert saved.changes == Changes(contacts=True) and saved.id == ann
    values, tags = load_contact(filled, ann)
    assert values["email"] == "ann@acme.com" and values["company"] == "Yale"
    assert values["phone"] is None  # a blank field is stored as nothing
    assert tags == ["pioneer", "vip"]


def test_an_edited_accented_name_is_found_without_its_accents_in_the_table_and_list(filled):
    bob = ids_by_email(filled)["bob@globex.com"]
    values, tags = load_contact(filled, bob)
    save_contact(filled, bob, {**values, "first_name": "Éloïse", "company": "Crème"}, tags)

    for typed in ("eloise", "ÉLOÏSE", "creme", "créme"):
        in_table = find_ids(filled, ContactQuery(search=typed))
        in_list = [contact["email"] for contact in list_contacts(filled, search=typed)]
        assert (list(in_table), in_list) == ([bob], ["bob@globex.com"])
    assert list(find_ids(filled, ContactQuery(search="martin"))) == [bob]  # kept fields too


def test_adding_a_contact_with_an_address_already_taken_is_refused_in_one_line(filled):
    with pytest.raises(FluenzrError) as refused:
        save_contact(filled, None, {"email": "Bob@Globex.com ", "first_name": "Bobby"}, [])
    assert str(refused.value) == "a contact with email bob@globex.com already exists"
    assert len(list_contacts(filled)) == 5


def test_an_invalid_address_is_refused_before_anything_is_written(filled):
    with pytest.raises(FluenzrError, match="invalid email address"):
        save_contact(filled, None, {"email": "not an email"}, [])
    assert len(list_contacts(filled)) == 5


def test_tagging_three_contacts_at_once(filled):
    ids = ids_by_email(filled)
    chosen = [ids["ann@acme.com"], ids["bob@globex.com"], ids["dan@umbrella.com"]]

    tagged = tag_contacts(filled, chosen, " gold ")

    assert tagged.count == 3 and tagged.changes == Changes(contacts=True)
    assert [c["email"] for c in list_contacts(filled, tag="gold")] == [
        "ann@acme.com", "bob@globex.com", "dan@umbrella.com",
    ]  # fmt: skip
    assert tag_contacts(filled, chosen, "gold").count == 0  # they all have it already
    with pytest.raises(FluenzrError, match="a tag cannot be empty"):
        tag_contacts(filled, chosen, "  ")


def test_deleting_contacts(filled):
    ids = ids_by_email(filled)

    deleted = delete_contacts(filled, [ids["a_b@initech.com"], ids["axb@initech.com"]])

    assert deleted.count == 2 and deleted.changes == Changes(contacts=True)
    assert "a_b@initech.com" not in ids_by_email(filled)
    assert load_contact(filled, ids["axb@initech.com"]) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("100%", ["ann@acme.com"]),  # not "1000 Bio"
        ("a_b", ["a_b@initech.com"]),  # not "axb"
        ("%", ["ann@acme.com"]),
        ("_", ["a_b@initech.com"]),
        ("k\\s", ["dan@umbrella.com"]),
        ("BIO", ["ann@acme.com", "bob@globex.com"]),
    ],
)
def test_a_search_matches_wildcards_literally_in_the_table_and_in_the_list(filled, typed, expected):
    by_id = {contact_id: email for email, contact_id in ids_by_email(filled).items()}
    in_table = [by_id[i] for i in find_ids(filled, ContactQuery(search=typed))]
    in_list = [contact["email"] for contact in list_contacts(filled, search=typed)]
    assert in_table == in_list == expected


def test_export_writes_the_selection_in_the_order_given(filled, tmp_path):
    ids = ids_by_email(filled)
    target = tmp_path / "out.csv"
    reports = []

    count = export_selection(
        filled, [ids["dan@umbrella.com"], ids["ann@acme.com"]], target,
        lambda done, total: reports.append((done, total)),
    )  # fmt: skip

    assert count == 2 and reports == [(2, 2)]
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["email"], row["tags"]) for row in rows] == [
        ("dan@umbrella.com", ""), ("ann@acme.com", "vip"),
    ]  # fmt: skip


def test_the_card_of_a_contact_and_of_an_unknown_address(filled):
    card = contact_card(filled, " ANN@acme.com")
    assert (card["email"], card["tags"], card["suppressed"]) == ("ann@acme.com", ["vip"], None)
    assert card["enrollments"] == [] and card["events"] == []
    with pytest.raises(FluenzrError, match="no contact with email"):
        contact_card(filled, "nobody@nowhere.io")
