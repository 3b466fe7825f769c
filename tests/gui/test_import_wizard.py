"""The CSV import wizard, driven page by page: preview, mapping, options, run, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fluenzr_desktop.gui.changes import change_hub
from fluenzr_desktop.gui.import_wizard import CUSTOM, ImportWizard
from fluenzr_desktop.store.schema import contact_tags, contacts

FRENCH_EXCEL = (
    "Prénom;Nom;Société;E-mail;Secteur;Commentaire\r\n"
    "Amélie;Poulain;Café des 2 Moulins;amelie@example.fr;Restauration;à rappeler\r\n"
    "Jérôme;Dupré;Bâtiment & Cie;jerome.dupre@example.fr;BTP;\r\n"
    "Zoé;Lefèvre;Ménage Pro;pas-une-adresse;Services;\r\n"
    "Hélène;Garçon;Crèche Étoile;HELENE@EXAMPLE.FR;Petite enfance;déjà cliente\r\n"
)


@pytest.fixture
def wizard(qtbot, workspace):
    shown = ImportWizard(workspace)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _next_ready(qtbot, wizard: ImportWizard) -> None:
    """Wait until the current page may be left (a worker may still be reading), then go on."""
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=5000)
    wizard.next()


def test_a_french_excel_file_is_previewed_mapped_and_imported(qtbot, wizard, workspace, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_bytes(FRENCH_EXCEL.encode("cp1252"))
    heard = []
    change_hub().changed.connect(heard.append)

    wizard.set_path(path)
    _next_ready(qtbot, wizard)

    preview = wizard.preview_page
    assert wizard.currentId() == ImportWizard.PAGE_PREVIEW
    qtbot.waitUntil(preview.isComplete, timeout=5000)
    detected = preview.detected_label.text()
    assert "delimiter: ;" in detected and "Windows-1252" in detected
    assert preview.table.columnCount() == 6 and preview.table.rowCount() == 4
    assert preview.table.item(0, 0).text() == "Amélie"
    assert preview.error_label.text() == ""
    _next_ready(qtbot, wizard)

    mapping = wizard.mapping_page
    assert mapping.choices() == {
        "Prénom": "first_name",
        "Nom": "last_name",
        "Société": "company",
        "E-mail": "email",
        "Secteur": CUSTOM,
        "Commentaire": CUSTOM,
    }
    mapping.set_choice("Commentaire", "ignore")
    assert mapping.overrides()[4] == "custom:Secteur"  # by position: headers may repeat
    _next_ready(qtbot, wizard)

    wizard.options_page.tags_edit.setText("salon-2024, prospects")
    _next_ready(qtbot, wizard)

    run = wizard.run_page
    assert wizard.currentId() == ImportWizard.PAGE_RUN
    qtbot.waitUntil(run.isComplete, timeout=10000)
    assert run.error is None, run.error
    assert "Imported: 3" in run.counts_label.text()
    assert run.rejected_table.rowCount() == 1
    assert run.rejected_table.item(0, 0).text() == "4"
    reason = run.rejected_table.item(0, 1).text()  # the window's sentence, not the library's
    assert reason == "pas-une-adresse — An email address needs an @, as in name@example.com."
    assert run.report.imported == 3
    assert [changes.contacts for changes in heard] == [True]  # every open screen reloads

    with workspace.engine.connect() as connection:
        rows = {
            row.email: row
            for row in connection.execute(
                select(
                    contacts.c.email,
                    contacts.c.first_name,
                    contacts.c.company,
                    contacts.c.custom_fields,
                )
            )
        }
        tags = set(connection.execute(select(contact_tags.c.tag)).scalars())
    assert set(rows) == {"amelie@example.fr", "jerome.dupre@example.fr", "helene@example.fr"}
    assert rows["amelie@example.fr"].first_name == "Amélie"
    assert rows["helene@example.fr"].company == "Crèche Étoile"
    # The re-mapped column was ignored; the custom one kept its header as its name.
    assert rows["amelie@example.fr"].custom_fields == {"Secteur": "Restauration"}
    assert tags == {"salon-2024", "prospects"}
    wizard.accept()


def test_a_mapping_without_an_email_column_cannot_go_on(qtbot, wizard, tmp_path):
    path = tmp_path / "contacts.csv"
    path.write_text("name,mail\nAda,ada@example.com\n", encoding="utf-8")
    wizard.set_path(path)
    _next_ready(qtbot, wizard)
    _next_ready(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.isComplete()
    mapping.set_choice("mail", "ignore")
    assert not mapping.isComplete()
    assert mapping.error_label.text() == "Choose the column holding the email address."


def test_two_columns_for_one_field_are_shown_and_the_user_keeps_one(
    qtbot, wizard, workspace, tmp_path
):
    path = tmp_path / "twice.csv"
    path.write_text(
        "Email,E-mail,Name,Name\nann@example.com,ann@perso.fr,Ann,Annie\n", encoding="utf-8"
    )
    wizard.set_path(path)
    _next_ready(qtbot, wizard)
    _next_ready(qtbot, wizard)
    mapping = wizard.mapping_page
    assert [combo.currentData() for combo in mapping.combos] == ["email", "email", CUSTOM, CUSTOM]
    assert not mapping.isComplete()
    assert mapping.error_label.text() == "Two columns are imported as “Email”; keep one."

    mapping.combos[1].setCurrentIndex(mapping.combos[1].findData("ignore"))
    assert not mapping.isComplete()
    assert mapping.error_label.text() == "Two columns are imported as “Name”; keep one."

    mapping.combos[2].setCurrentIndex(mapping.combos[2].findData("first_name"))
    assert mapping.isComplete() and mapping.error_label.text() == ""
    _next_ready(qtbot, wizard)
    _next_ready(qtbot, wizard)
    run = wizard.run_page
    qtbot.waitUntil(run.isComplete, timeout=10000)
    assert run.error is None, run.error
    with workspace.engine.connect() as connection:
        rows = connection.execute(
            select(contacts.c.email, contacts.c.first_name, contacts.c.custom_fields)
        ).all()
    # Both columns named "Name" reached the import as themselves, by position.
    assert [tuple(row) for row in rows] == [("ann@example.com", "Ann", {"Name": "Annie"})]
    wizard.accept()


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"PK\x03\x04\x14\x00\x06\x00", "not CSV"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")],
)
def test_a_file_that_is_not_csv_shows_one_line_of_error(qtbot, wizard, tmp_path, content, expected):
    path = tmp_path / "contacts.xlsx"
    path.write_bytes(content)
    wizard.set_path(path)
    _next_ready(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: bool(preview.error_label.text()), timeout=5000)
    message = preview.error_label.text()
    assert expected in message and "\n" not in message and "Traceback" not in message
    assert not preview.isComplete()
    assert preview.table.rowCount() == 0


def test_a_missing_file_shows_one_line_of_error(qtbot, wizard, tmp_path: Path):
    wizard.set_path(tmp_path / "nowhere.csv")
    _next_ready(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: bool(preview.error_label.text()), timeout=5000)
    assert "no such file" in preview.error_label.text()
