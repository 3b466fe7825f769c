"""Searching contacts ignores case and accents, in the table and in `contacts list --search`."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.contacts import fold_for_search
from fluenzr_desktop.store.contacts import (
    ContactQuery,
    list_contacts,
    query_ids,
    save_contact,
)
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.models import Contact

PEOPLE = (
    "email,prénom,nom,société\n"
    "eloise@acme.fr,Éloïse,Durand,Société Générale\n"
    "etienne@acme.fr,Étienne,Éclair,Acme\n"
    "camille@acme.fr,Camille,Crème,Globex\n"
    "bob@acme.fr,Bob,Martin,Acme\n"
)


def found(workspace, typed: str) -> list[str]:
    """The addresses a search finds, checked equal through the table's and the CLI's path."""
    with workspace.sessions() as session:
        listed = [contact.email for contact in list_contacts(session, search=typed)]
        emails = dict(session.execute(select(Contact.id, Contact.email)).all())
    in_table = [
        emails[contact_id] for contact_id in query_ids(workspace.engine, ContactQuery(typed))
    ]
    assert in_table == listed
    return listed


@pytest.fixture
def people(workspace, tmp_path):
    source = tmp_path / "people.csv"
    source.write_text(PEOPLE, encoding="utf-8")
    assert import_contacts(workspace.engine, source).imported == 4
    return workspace


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("eloise", ["eloise@acme.fr"]),
        ("Éloïse", ["eloise@acme.fr"]),
        ("éloïse", ["eloise@acme.fr"]),
        ("ÉLOÏSE", ["eloise@acme.fr"]),
        ("loïse", ["eloise@acme.fr"]),
        ("eloise@", ["eloise@acme.fr"]),
        ("eclair", ["etienne@acme.fr"]),
        ("ÉTIENNE", ["etienne@acme.fr"]),
        ("creme", ["camille@acme.fr"]),
        ("créme", ["camille@acme.fr"]),
        ("CRÈME", ["camille@acme.fr"]),
        ("societe generale", ["eloise@acme.fr"]),
        ("SOCIÉTÉ", ["eloise@acme.fr"]),
        ("acme", ["eloise@acme.fr", "etienne@acme.fr", "camille@acme.fr", "bob@acme.fr"]),
        ("zoé", []),
    ],
)
def test_accents_and_case_are_ignored_after_an_import(people, typed, expected):
    assert found(people, typed) == expected


def test_a_term_never_matches_across_two_fields(people):
    # "bob" then "martin" are two fields of one contact; the term spans them.
    assert found(people, "bobmartin") == []
    assert found(people, "fr\x1fbob") == []


def test_an_edited_name_is_found_without_its_accents(people):
    bob = found(people, "bob")
    assert bob == ["bob@acme.fr"]
    with people.sessions() as session:
        bob_id = list_contacts(session, search="bob")[0].id
    values = {"email": "bob@acme.fr", "first_name": "Zoë", "last_name": "Lefèvre",
              "company": "Crédit Agricole", "title": None, "phone": None}  # fmt: skip
    save_contact(people.engine, bob_id, values, [])
    assert found(people, "zoe") == ["bob@acme.fr"]
    assert found(people, "credit agricole") == ["bob@acme.fr"]
    assert found(people, "martin") == []  # the old name is searched no more

    new_id = save_contact(people.engine, None, {**values, "email": "zoe@b.fr"}, [])
    assert found(people, "lefevre") == ["bob@acme.fr", "zoe@b.fr"]
    assert new_id in query_ids(people.engine, ContactQuery("LEFÈVRE"))


def test_an_import_that_renames_a_contact_updates_what_search_finds(people, tmp_path):
    source = tmp_path / "update.csv"
    # Only the last name changes: the first name and company kept are still searched.
    source.write_text("email,nom\neloise@acme.fr,Bérénice\n", encoding="utf-8")
    report = import_contacts(people.engine, source, on_duplicate="update")
    assert report.updated == 1
    assert found(people, "berenice") == ["eloise@acme.fr"]
    assert found(people, "eloise") == ["eloise@acme.fr"]
    assert found(people, "societe generale") == ["eloise@acme.fr"]
    assert found(people, "durand") == []


def test_a_contact_added_through_the_models_is_searchable(workspace):
    with workspace.session() as session:
        session.add(Contact(email="chloe@b.fr", first_name="Chloé", custom_fields={}))
        session.add(Contact(email="plain@b.fr", custom_fields={}))
        session.flush()
        assert (
            session.scalar(
                select(Contact.search_folded)
                .where(Contact.id.is_not(None))
                .order_by(Contact.id)
                .limit(1)
            )
            == "chloe@b.fr\x1fchloe\x1f\x1f"
        )
    assert found(workspace, "chloe") == ["chloe@b.fr"]
    assert found(workspace, "plain") == ["plain@b.fr"]


def test_a_search_of_nothing_but_blanks_lists_everyone(people):
    assert len(found(people, "   ")) == 4


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Éloïse", "eloise"),
        ("Crème Brûlée", "creme brulee"),
        ("ÉLOÏSE", "eloise"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("ﬁn", "fin"),  # a compatibility ligature
        ("ACME@Example.COM", "acme@example.com"),
        ("", ""),
    ],
)
def test_fold_for_search(text, folded):
    assert fold_for_search(text) == folded


def test_the_searched_fields_lead_the_standard_fields():
    # The bulk import reads them by position from a row of STANDARD_FIELDS.
    from fluenzr_desktop.domain.contacts import SEARCHED_FIELDS, STANDARD_FIELDS

    assert STANDARD_FIELDS[: len(SEARCHED_FIELDS)] == SEARCHED_FIELDS
