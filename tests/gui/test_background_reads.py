"""Reads off the GUI thread: the email preview's contacts, the accounts list and the account form.

Each screen shows a loading state, then what the database holds, without the GUI thread
ever running a query; reloads keep the selection and never replace what the user typed.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from fluenzr_desktop.gui.accounts_view import AccountsView
from fluenzr_desktop.gui.campaign.sequence_tab import SequenceTab
from fluenzr_desktop.gui.canvas.workbench import SequenceWorkbench
from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.ops.accounts import add_account, update_account
from fluenzr_desktop.ops.campaigns import create_campaign, preview_contacts
from fluenzr_desktop.ops.contacts import save_contact

DOCUMENT = {
    "version": 1,
    "nodes": [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [0, 140],
         "subject": "A question for {{firstName}}?", "body": "Hello {{firstName}}"},
        {"id": "end", "type": "end", "position": [0, 280]},
    ],
    "edges": [{"from": "s", "to": "e1"}, {"from": "e1", "to": "end"}],
}  # fmt: skip

RELAY = {
    "name": "Relay", "email": "relay@example.com", "smtp_host": "127.0.0.1",
    "smtp_port": 2525, "smtp_security": "none",
}  # fmt: skip


def click_node(qtbot, editor, node_id: str) -> None:
    centre = editor.scene.node_item(node_id).sceneBoundingRect().center()
    qtbot.mouseClick(
        editor.view.viewport(), Qt.MouseButton.LeftButton, pos=editor.view.mapFromScene(centre)
    )


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.fixture
def queries_on(workspace):
    """Every SQL statement the workspace runs, as (ran on the GUI thread?, statement)."""
    ran: list[tuple[bool, str]] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        ran.append((threading.current_thread() is threading.main_thread(), statement))

    event.listen(workspace.engine, "before_cursor_execute", record)
    yield ran
    event.remove(workspace.engine, "before_cursor_execute", record)


def open_accounts(qtbot, workspace) -> AccountsView:
    view = AccountsView(workspace)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    return view


def test_the_preview_loads_its_contacts_then_renders_for_the_chosen_one(qtbot, workspace):
    save_contact(workspace, None, {"email": "ada@example.com", "first_name": "Ada"}, [])
    save_contact(workspace, None, {"email": "bob@example.com", "first_name": "Bob"}, [])
    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    gate = threading.Event()  # holds the read until the loading state has been seen

    def read_contacts():
        gate.wait()
        return preview_contacts(workspace, campaign.id)

    bench = SequenceWorkbench(contacts_source=read_contacts)
    qtbot.addWidget(bench)
    bench.resize(1200, 800)
    bench.load_document(DOCUMENT)
    bench.show()
    qtbot.waitExposed(bench)
    inspector = bench.inspector
    combo = inspector.contact_combo
    try:
        click_node(qtbot, bench.editor, "e1")
        assert inspector.node_id == "e1"
        assert combo_texts(combo) == ["Loading contacts…"] and not combo.isEnabled()
        assert inspector.preview_subject.text() == ""  # never "A question for ?"
        assert not inspector.preview.sample_note.isVisible()  # not "no contacts" either
    finally:
        gate.set()
    qtbot.waitUntil(lambda: combo.isEnabled(), timeout=10_000)
    assert combo_texts(combo) == ["ada@example.com", "bob@example.com"]
    assert inspector.preview_subject.text() == "A question for Ada?"
    assert inspector.preview_body.toPlainText() == "Hello Ada"
    combo.setCurrentIndex(1)
    assert inspector.preview_subject.text() == "A question for Bob?"

    # A contact added elsewhere: the list is read again, the chosen contact stays chosen.
    added = save_contact(workspace, None, {"email": "cy@example.com", "first_name": "Cy"}, [])
    broadcast(added.changes)
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=10_000)
    assert combo.currentText() == "bob@example.com" and combo.isEnabled()
    assert inspector.preview_subject.text() == "A question for Bob?"


def test_a_workspace_without_contacts_previews_with_the_sample_after_loading(qtbot, workspace):
    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    bench = SequenceWorkbench(contacts_source=lambda: preview_contacts(workspace, campaign.id))
    qtbot.addWidget(bench)
    bench.resize(1200, 800)
    bench.load_document(DOCUMENT)
    bench.show()
    click_node(qtbot, bench.editor, "e1")
    inspector = bench.inspector
    qtbot.waitUntil(lambda: inspector.contact_combo.isEnabled(), timeout=10_000)
    assert inspector.contact_combo.currentText().startswith("Sample contact — Ada Lovelace")
    assert inspector.preview.sample_note.isVisible()
    assert inspector.preview_subject.text() == "A question for Ada?"


def test_a_failed_read_is_said_and_the_preview_still_works(qtbot):
    def broken():
        raise RuntimeError("database is locked")

    bench = SequenceWorkbench(contacts_source=broken)
    qtbot.addWidget(bench)
    bench.resize(1200, 800)
    bench.load_document(DOCUMENT)
    bench.show()
    click_node(qtbot, bench.editor, "e1")
    preview = bench.inspector.preview
    qtbot.waitUntil(lambda: not preview.is_loading(), timeout=10_000)
    assert "database is locked" in preview.sample_note.text()
    assert preview.sample_note.isVisible()
    assert bench.inspector.preview_subject.text() == "A question for Ada?"


def test_opening_accounts_and_selecting_an_email_read_nothing_on_the_gui_thread(
    qtbot, workspace, queries_on
):
    add_account(workspace, RELAY)
    save_contact(workspace, None, {"email": "ada@example.com", "first_name": "Ada"}, [])
    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    queries_on.clear()  # only what the screens do from here on

    view = open_accounts(qtbot, workspace)
    qtbot.waitUntil(lambda: view.form.name_edit.text() == "Relay", timeout=10_000)
    tab = SequenceTab(workspace, campaign.id, lambda: preview_contacts(workspace, campaign.id))
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.editor.load_document(DOCUMENT)
    tab.show()
    qtbot.waitExposed(tab)
    click_node(qtbot, tab.editor, "e1")
    inspector = tab.workbench.inspector
    inspector.field_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: inspector.contact_combo.currentText() == "ada@example.com")
    assert inspector.preview_subject.text() == "A question for Ada?"

    assert queries_on, "the screens read the database"
    on_gui_thread = [statement for on_main, statement in queries_on if on_main]
    assert on_gui_thread == []


def test_the_accounts_list_keeps_its_selection_across_a_reload(qtbot, workspace):
    add_account(workspace, RELAY)
    second = add_account(workspace, {**RELAY, "name": "Second", "email": "two@example.com"})
    view = open_accounts(qtbot, workspace)
    form = view.form
    qtbot.waitUntil(lambda: form.name_edit.text() == "Relay", timeout=10_000)

    view.account_list.setCurrentRow(1)
    assert not form.isEnabled()  # disabled while the chosen account is read
    qtbot.waitUntil(lambda: form.account_id == second.id, timeout=10_000)
    assert form.isEnabled() and form.name_edit.text() == "Second"

    removed: list[int] = []
    view.account_list.model().rowsRemoved.connect(lambda *_args: removed.append(1))
    third = add_account(workspace, {**RELAY, "name": "Third", "email": "three@example.com"})
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        broadcast(third.changes)
    assert view.account_list.count() == 3
    current = view.account_list.currentItem()
    assert current.data(Qt.ItemDataRole.UserRole) == second.id
    assert view.account_list.item(2).text() == "Third\nthree@example.com"
    assert removed == []  # rows updated in place: the list never emptied (no flicker)
    assert form.account_id == second.id and form.name_edit.text() == "Second"


def test_an_account_being_edited_is_not_replaced_by_a_reload(qtbot, workspace):
    account = add_account(workspace, RELAY)
    view = open_accounts(qtbot, workspace)
    form = view.form
    qtbot.waitUntil(lambda: form.name_edit.text() == "Relay", timeout=10_000)

    # Unedited: a change made elsewhere shows at once.
    changed = update_account(workspace, account.id, {"daily_cap": 40})
    with qtbot.waitSignal(form.loaded, timeout=10_000):
        broadcast(changed.changes)
    assert form.daily_cap_spin.value() == 40

    # Being edited: the user's text stays, and the form says the account changed elsewhere.
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, "Prospection")
    changed = update_account(workspace, account.id, {"daily_cap": 90, "name": "Renamed"})
    broadcast(changed.changes)
    qtbot.waitUntil(lambda: "changed elsewhere" in form.status_label.text(), timeout=10_000)
    assert form.name_edit.text() == "Prospection"
    assert form.daily_cap_spin.value() == 40
    assert form.isEnabled() and form.is_dirty()
