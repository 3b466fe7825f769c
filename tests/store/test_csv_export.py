"""Exporting contacts to CSV: every field, tag and custom field, a lossless round trip, no debris."""

from __future__ import annotations

import csv
import io

import pytest

from fluenzr_desktop.domain.contacts import STANDARD_FIELDS
from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.contacts import export_to_csv
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.workspace import open_workspace
from tests.conftest import write_bytes
from tests.store.conftest import contacts_by_email

SOURCE = (
    "Courriel;Prénom;Nom;Société;Poste;Téléphone;Fuseau horaire;Tags;LinkedIn;Ville;Notes\r\n"
    "elodie@example.fr;Élodie;Lefèvre;Société Générale;Chargée d'études;+33 1 23 45 67 89;"
    'Europe/Paris;vip, salon-2025;in/elodie;Lyon;"deux\r\nlignes, avec ""guillemets"""\r\n'
    "bob@example.com;Bob;;Acme;;;;;in/bob;;\r\n"
    "zoe@example.org;Zoé;Ng;;;;America/Montreal;lead;;Montréal;\r\n"
)


@pytest.fixture
def filled(workspace, tmp_path):
    report = import_contacts(workspace.engine, write_bytes(tmp_path / "src.csv", SOURCE, "cp1252"))
    assert report.imported == 3 and not report.errors
    return workspace


def _read(path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # strict: the export is UTF-8
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def test_export_writes_utf8_with_every_field_tag_and_custom_column(filled, tmp_path):
    target = tmp_path / "out" / "contacts.csv"
    target.parent.mkdir()
    with filled.session() as session:
        count = export_to_csv(session, target)

    assert count == 3
    headers, rows = _read(target)
    assert headers[: len(STANDARD_FIELDS)] == list(STANDARD_FIELDS)
    assert "tags" in headers
    assert {"LinkedIn", "Ville", "Notes"} <= set(headers)
    by_email = {row["email"]: row for row in rows}
    elodie = by_email["elodie@example.fr"]
    assert elodie["first_name"] == "Élodie"
    assert elodie["company"] == "Société Générale"
    assert elodie["phone"] == "+33 1 23 45 67 89"
    assert elodie["timezone"] == "Europe/Paris"
    assert elodie["Notes"] == 'deux\r\nlignes, avec "guillemets"'
    assert sorted(tag.strip() for tag in elodie["tags"].replace(";", ",").split(",")) == [
        "salon-2025",
        "vip",
    ]
    assert by_email["zoe@example.org"]["Ville"] == "Montréal"
    assert by_email["bob@example.com"]["Ville"] == ""


def test_export_of_one_tag_writes_only_those_contacts(filled, tmp_path):
    target = tmp_path / "leads.csv"
    with filled.session() as session:
        assert export_to_csv(session, target, tag="lead") == 1
    _, rows = _read(target)
    assert [row["email"] for row in rows] == ["zoe@example.org"]


def test_export_then_import_into_a_fresh_workspace_gives_identical_contacts(filled, tmp_path):
    target = tmp_path / "roundtrip.csv"
    with filled.session() as session:
        export_to_csv(session, target)
    original = contacts_by_email(filled)

    with open_workspace(tmp_path / "fresh") as fresh:
        report = import_contacts(fresh.engine, target)
        assert (report.imported, report.errors) == (3, [])
        copied = contacts_by_email(fresh)

    assert copied == original
    assert original["elodie@example.fr"]["custom_fields"]["Notes"].startswith("deux")
    assert original["elodie@example.fr"]["tags"] == ["salon-2025", "vip"]


def test_export_into_a_missing_folder_is_refused_and_leaves_no_file(filled, tmp_path):
    target = tmp_path / "nowhere" / "contacts.csv"
    with pytest.raises(FluenzrError) as caught, filled.session() as session:
        export_to_csv(session, target)
    assert str(target.parent) in str(caught.value)
    assert not target.parent.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["src.csv", "workspace"]


def test_a_failed_export_leaves_neither_a_partial_file_nor_a_temporary_one(filled, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("previous export\n")

    class Boom(Exception):
        pass

    def failing_rows():
        yield ({"email": "a@example.com", "custom_fields": {}}, [])
        raise Boom

    from fluenzr_desktop.store.csv_io import export_contacts

    with pytest.raises(Boom):
        export_contacts(failing_rows(), [], target)
    assert target.read_text() == "previous export\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv", "src.csv", "workspace"]


def test_export_onto_an_existing_folder_is_refused_and_leaves_it_empty(filled, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(FluenzrError, match="folder") as caught, filled.session() as session:
        export_to_csv(session, folder)
    assert str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []
    assert not list(tmp_path.glob(".export-*"))
