"""The contacts table: 100,000 rows open, scroll, filter, sort; add, edit, delete, tag.

The window runs in English here, as the app does on an English system: the English
catalogue gives the plural forms ("1 contact", "31 contacts") and numbers are grouped.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox
from sqlalchemy import func, select

from fluenzr_desktop.gui.changes import change_hub
from fluenzr_desktop.gui.contact_dialog import ContactDialog
from fluenzr_desktop.gui.contacts_model import CACHE_PAGES, ContactsModel
from fluenzr_desktop.gui.contacts_view import ContactsView
from fluenzr_desktop.gui.import_wizard import ImportWizard
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.schema import contact_tags, contacts

ROWS = 100_000
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


COMPANIES = ["Zeta", "Acme", "Globex", "Initech", "umbrella"]


def fill(workspace, tmp_path, rows: int) -> None:
    """Contacts person000000…: every 10,000th is a Quixote; tags lead (1 in 7), vip (1 in 1000)."""
    path = tmp_path / "contacts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email", "First name", "Last name", "Company", "Tags", "Segment"])
        for i in range(rows):
            tags = [tag for tag, every in (("lead", 7), ("vip", 1000)) if i % every == 0]
            writer.writerow(
                [
                    f"person{i:06d}@example{i % 100}.com",
                    "Ana" if i % 2 else "Bo",
                    "Quixote" if i % 10_000 == 0 else f"Name{i % 50}",
                    COMPANIES[i % len(COMPANIES)],
                    "; ".join(tags),
                    "smb" if i % 3 else "",
                ]
            )
    report = import_contacts(workspace.engine, path)
    assert report.imported == rows


def count(workspace, statement) -> int:
    with workspace.engine.connect() as connection:
        return connection.execute(statement).scalar_one()


def open_view(qtbot, workspace) -> ContactsView:
    view = ContactsView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        view.show()
    return view


def column_values(model: ContactsModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def search(qtbot, view: ContactsView, text: str) -> None:
    """Type into the search box and wait for the debounced query's result."""
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        view.search.setText(text)


def open_dialog(qtbot, kind):
    """The window-modal dialog now in front, as the user sees it (waits for it to open)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=10_000)
    return QApplication.activeModalWidget()


def select_rows(view: ContactsView, top: int, bottom: int) -> None:
    model = view.model
    selection = QItemSelection(model.index(top, 0), model.index(bottom, model.columnCount() - 1))
    view.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.fixture
def big(workspace, tmp_path):
    fill(workspace, tmp_path, ROWS)
    return workspace


def test_a_hundred_thousand_contacts_open_scroll_filter_and_sort(qtbot, big):
    view = open_view(qtbot, big)
    model = view.model
    assert model.rowCount() == ROWS
    assert view.count_label.text() == "100,000 contacts"
    assert model.index(0, 0).data() == "person000000@example0.com"
    # Custom fields become columns once the background scan is over.
    qtbot.waitUntil(lambda: model.metadata_loaded, timeout=10_000)
    assert model.custom_columns == ["Segment"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == [
        "Email", "First name", "Last name", "Company", "Title", "Phone", "Tags", "Segment",
    ]  # fmt: skip
    assert model.index(1, 7).data() == "smb"
    assert model.index(0, 6).data() == "lead, vip"

    view.table.scrollToBottom()
    qtbot.wait(20)
    last = view.table.rowAt(view.table.viewport().height() - 2)
    assert last == ROWS - 1
    assert model.index(last, 0).data() == "person099999@example99.com"
    assert len(model._pages) <= CACHE_PAGES  # only the rows looked at were read

    # Any case, any of email, names or company; rows in order of addition.
    search(qtbot, view, "QUIX")
    assert view.count_label.text() == "10 matching"
    assert column_values(model, 0) == [
        f"person{i:06d}@example0.com" for i in range(0, ROWS, 10_000)
    ]
    search(qtbot, view, "person09999")
    assert column_values(model, 0) == [f"person09999{i}@example9{i}.com" for i in range(10)]
    search(qtbot, view, "no such contact")
    assert view.count_label.text() == "0 matching"
    search(qtbot, view, "")
    assert view.count_label.text() == "100,000 contacts"

    # Tag filter, combined with the search.
    assert [view.tag_filter.itemText(i) for i in range(view.tag_filter.count())] == [
        "All tags", "lead", "vip",
    ]  # fmt: skip
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        view.tag_filter.setCurrentIndex(2)
    assert view.count_label.text() == "100 matching"
    assert model.index(99, 0).data() == "person099000@example0.com"
    search(qtbot, view, "quixote")
    assert model.rowCount() == 10
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        view.tag_filter.setCurrentIndex(1)  # lead: multiples of 7 among multiples of 10,000
    assert column_values(model, 0) == [f"person{i:06d}@example0.com" for i in (0, 70_000)]
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        view.tag_filter.setCurrentIndex(0)
    search(qtbot, view, "")

    # Sort by company through the header (case-insensitive), then back.
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [model.index(row, 3).data() for row in (0, ROWS // 5 - 1, ROWS // 5)] == [
        "Acme", "Acme", "Globex",
    ]  # fmt: skip
    assert model.index(0, 0).data() == "person000001@example1.com"
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        view.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 3).data() == "Zeta"
    assert model.index(ROWS - 1, 3).data() == "Acme"
    assert model.index(ROWS - 1, 0).data() == "person000001@example1.com"


def test_delete_and_tag_the_selection_on_a_hundred_thousand_contacts(qtbot, big):
    view = open_view(qtbot, big)
    changes = []
    change_hub().changed.connect(changes.append)

    # Tag five selected rows of the vip filter.
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        view.model.set_tag("vip")
    select_rows(view, 0, 4)
    assert view.tag_action.isEnabled() and not view.edit_action.isEnabled()
    view.tag_action.trigger()
    dialog = open_dialog(qtbot, QInputDialog)
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):  # reloaded once tagged
        dialog.setTextValue(" gold ")
        dialog.accept()
    gold = select(func.count()).select_from(contact_tags).where(contact_tags.c.tag == "gold")
    assert count(big, gold) == 5
    qtbot.waitUntil(lambda: "gold" in view.model.tags, timeout=10_000)
    assert view.model.index(0, 6).data() == "gold, lead, vip"

    # Delete the ten Quixotes, after confirming.
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        view.model.set_tag(None)
    search(qtbot, view, "quixote")
    view.table.selectAll()
    view.delete_action.trigger()
    box = open_dialog(qtbot, QMessageBox)
    assert box.text().startswith("Delete 10 contacts? ")
    confirm = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        confirm.click()
    assert count(big, select(func.count()).select_from(contacts)) == ROWS - 10
    assert view.count_label.text() == "0 matching"
    assert [change.contacts for change in changes] == [True, True]  # every screen heard both


def test_add_and_edit_through_the_dialog_and_reject_an_invalid_email(qtbot, workspace, tmp_path):
    fill(workspace, tmp_path, 30)
    view = open_view(qtbot, workspace)

    view.add_action.trigger()
    dialog = open_dialog(qtbot, ContactDialog)
    dialog.fields["email"].setText("not an email")
    dialog.accept()
    assert dialog.isVisible()  # still open: the problem is shown under the fields
    assert dialog.problem_label.isVisibleTo(dialog)
    assert dialog.problem_label.text() == (
        "An email address needs an @, as in name@example.com."
    )  # our sentence, translated, not email-validator's English prose
    dialog.fields["email"].setText("bob smith@acme.com")
    dialog.accept()
    assert dialog.problem_label.text() == "Characters not allowed before the @: space."
    dialog.fields["email"].setText("bob@acme")
    dialog.accept()
    assert dialog.problem_label.text() == (
        "The domain after the @ needs a period, as in example.com."
    )

    dialog.fields["email"].setText("  Grace.Hopper@Navy.MIL ")
    dialog.fields["first_name"].setText("Grace")
    dialog.fields["last_name"].setText("Hopper")
    dialog.fields["company"].setText("US Navy")
    dialog.fields["title"].setText("Rear Admiral")
    dialog.fields["phone"].setText("+1 555 0100")
    dialog.tags_edit.setText("pioneer; vip, pioneer")
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        dialog.accept()
    assert view.count_label.text() == "31 contacts"
    last = view.model.rowCount() - 1
    assert [view.model.index(last, c).data() for c in range(7)] == [
        "grace.hopper@navy.mil", "Grace", "Hopper", "US Navy", "Rear Admiral", "+1 555 0100",
        "pioneer, vip",
    ]  # fmt: skip

    # The same email again is refused with a one-line message box.
    view.add_action.trigger()
    again = open_dialog(qtbot, ContactDialog)
    again.fields["email"].setText("grace.hopper@navy.mil")
    again.accept()
    refused = open_dialog(qtbot, QMessageBox)
    assert refused.text() == "a contact with email grace.hopper@navy.mil already exists"
    refused.close()

    # Edit: the dialog opens filled in; the change shows in the table.
    select_rows(view, last, last)
    view.edit_action.trigger()
    edit = open_dialog(qtbot, ContactDialog)
    assert edit.fields["company"].text() == "US Navy"
    assert edit.tags_edit.text() == "pioneer, vip"
    edit.fields["company"].setText("Yale")
    edit.tags_edit.setText("pioneer")
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        edit.accept()
    assert view.model.index(last, 3).data() == "Yale"
    assert view.model.index(last, 6).data() == "pioneer"


def test_export_the_selection(qtbot, workspace, tmp_path, monkeypatch):
    fill(workspace, tmp_path, 30)
    view = open_view(qtbot, workspace)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        "fluenzr_desktop.gui.contacts_view.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), ""),
    )
    select_rows(view, 1, 3)
    view.export_action.trigger()
    qtbot.waitUntil(lambda: view.status_label.text().startswith("Exported"), timeout=10_000)
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["email"] for row in rows] == [f"person{i:06d}@example{i}.com" for i in (1, 2, 3)]
    assert rows[0]["Segment"] == "smb" and rows[2]["Segment"] == ""
    assert view.status_label.text() == "Exported 3 contacts."


def test_enroll_the_selection_into_a_campaign(qtbot, workspace, tmp_path):
    from fluenzr_desktop.domain.workflow import new_document
    from fluenzr_desktop.store.campaigns import create_campaign
    from fluenzr_desktop.store.models import Suppression
    from fluenzr_desktop.store.schema import enrollments

    fill(workspace, tmp_path, 30)
    with workspace.session() as session:
        campaign_id = create_campaign(session, "Launch", new_document()).id
        session.add(Suppression(value="person000003@example3.com", kind="address"))
    view = open_view(qtbot, workspace)
    select_rows(view, 0, 9)
    view.enroll_action.trigger()
    dialog = open_dialog(qtbot, QInputDialog)
    dialog.setTextValue(f"Launch (#{campaign_id})")
    with qtbot.waitSignal(change_hub().changed, timeout=10_000) as heard:
        dialog.accept()

    assert heard.args[0].enrollments
    qtbot.waitUntil(lambda: "enrolled" in view.status_label.text(), timeout=10_000)
    assert "9 enrolled, 1 skipped" in view.status_label.text()
    enrolled = select(contacts.c.email).join(enrollments, enrollments.c.contact_id == contacts.c.id)
    with workspace.engine.connect() as connection:
        emails = set(connection.execute(enrolled).scalars())
    assert len(emails) == 9 and "person000003@example3.com" not in emails


@pytest.mark.parametrize(
    ("search", "tag", "descending"),
    [
        ("ana", None, False),
        ("example7", "lead", False),
        ("QUIXOTE", None, True),
        ("zzz", None, False),
    ],
)
def test_a_search_split_across_threads_finds_exactly_what_one_query_finds(
    workspace, tmp_path, search, tag, descending
):
    from fluenzr_desktop.store.contacts import ContactQuery, id_statement, query_ids

    fill(workspace, tmp_path, 20_001)
    query = ContactQuery(search=search, tag=tag, descending=descending)
    with workspace.engine.connect() as connection:
        expected = list(connection.execute(id_statement(query)).scalars())
    assert list(query_ids(workspace.engine, query)) == expected


def test_an_empty_workspace_offers_to_import_or_add_instead_of_a_command(qtbot, workspace):
    view = open_view(qtbot, workspace)
    assert view.empty_state.isVisible() and not view.table.isVisible()
    # Nothing to search or act on yet: no greyed search box, buttons or "0 contacts".
    assert not view.search_bar.isVisible() and not view.action_bar.isVisible()
    shown = [label.text() for label in view.empty_state.findChildren(QLabel)]
    assert "No contacts yet" in shown
    assert not any("fluenzr contacts import" in text for text in shown)

    qtbot.mouseClick(view.empty_import_button, Qt.MouseButton.LeftButton)
    wizard = open_dialog(qtbot, ImportWizard)
    wizard.reject()

    qtbot.mouseClick(view.empty_add_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, ContactDialog)
    qtbot.keyClicks(dialog.fields["email"], "ada@example.com")
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        dialog.accept()
    assert view.table.isVisible() and not view.empty_state.isVisible()
    assert view.search_bar.isVisible() and view.action_bar.isVisible()
    assert view.count_label.text() == "1 contact"
    # A search that finds nothing is not an empty workspace: the table stays.
    search(qtbot, view, "nobody")
    assert view.table.isVisible() and view.count_label.text() == "0 matching"


def test_tab_leaves_the_table(qtbot, workspace, tmp_path):
    fill(workspace, tmp_path, 30)
    view = open_view(qtbot, workspace)
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()


def open_wide_view(qtbot, workspace, tmp_path) -> ContactsView:
    """40 contacts with 15 custom fields: 22 columns, far wider than the window."""
    path = tmp_path / "wide.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Email", "First name", *(f"Custom field {i}" for i in range(15))])
        for i in range(40):
            writer.writerow([f"p{i}@acme.com", "Ana", *(f"value {j}" for j in range(15))])
    import_contacts(workspace.engine, path)
    view = open_view(qtbot, workspace)
    view.resize(1440, 700)
    qtbot.waitUntil(lambda: view.model.columnCount() == 7 + 15, timeout=10_000)
    qtbot.waitUntil(lambda: view.table.horizontalScrollBar().maximum() > 0)
    return view


def test_scrolling_right_then_left_brings_back_the_email_column(qtbot, workspace, tmp_path):
    view = open_wide_view(qtbot, workspace, tmp_path)
    table, bar = view.table, view.table.horizontalScrollBar()
    header = table.horizontalHeader()

    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: table.columnAt(0) > 0)
    assert header.offset() == bar.value()  # the thumb is where the columns are
    assert table.columnAt(table.viewport().width() - 2) == view.model.columnCount() - 1

    qtbot.keyClick(bar, Qt.Key.Key_Home)  # as the left arrow held down would
    qtbot.waitUntil(lambda: bar.value() == 0)
    assert header.offset() == 0 and table.columnAt(0) == 0
    assert table.columnViewportPosition(0) == 0
    assert table.model().headerData(0, Qt.Orientation.Horizontal) == "Email"


def test_the_left_and_right_arrows_scroll_the_columns_both_ways(qtbot, workspace, tmp_path):
    # Rows are selected whole: the arrows used to move an invisible current cell, so the
    # Left arrow scrolled nothing back until that cell reached the left edge.
    view = open_wide_view(qtbot, workspace, tmp_path)
    table, bar = view.table, view.table.horizontalScrollBar()
    header = table.horizontalHeader()
    select_rows(view, 0, 0)
    table.setCurrentIndex(view.model.index(0, 0))
    table.setFocus()

    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.columnAt(0) == 3  # one column per press, though columns 1–3 were shown
    assert bar.value() == header.offset() == header.sectionPosition(3)

    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert table.columnAt(0) == 2 and header.offset() == bar.value()
    for _ in range(5):  # more presses than columns left: it stops at Email
        qtbot.keyClick(table, Qt.Key.Key_Left)
    assert bar.value() == header.offset() == 0
    assert table.columnViewportPosition(0) == 0
    assert view.selected_ids() == [view.model.contact_id(0)]  # the row stays selected


def test_typing_a_name_without_its_accents_finds_it(qtbot, workspace, tmp_path):
    source = tmp_path / "accents.csv"
    source.write_text(
        "email,first name,company\nel@acme.fr,Éloïse,Crème & Co\nbob@acme.fr,Bob,Éclair\n",
        encoding="utf-8",
    )
    import_contacts(workspace.engine, source)
    view = open_view(qtbot, workspace)

    for typed, expected in (("eloise", "el@acme.fr"), ("ECLAIR", "bob@acme.fr"),
                            ("créme", "el@acme.fr"), ("creme", "el@acme.fr")):  # fmt: skip
        search(qtbot, view, typed)  # what typing in the box does (debounced)
        assert column_values(view.model, 0) == [expected], typed
    search(qtbot, view, "")
    assert view.model.rowCount() == 2
