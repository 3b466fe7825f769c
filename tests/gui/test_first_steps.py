"""A workspace without campaigns shows what to do first, as buttons that do it.

Without an account the window opens on the Welcome screen (tests/gui/test_welcome.py);
"Skip for now" leads to these first steps, which the tests below start from.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from fluenzr_desktop.gui.changes import change_hub
from fluenzr_desktop.gui.import_wizard import ImportWizard
from fluenzr_desktop.ops.accounts import add_account
from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.ops.contacts import save_contact

RELAY = {
    "name": "Relay", "email": "relay@example.com", "smtp_host": "127.0.0.1",
    "smtp_port": 2525, "smtp_security": "none",
}  # fmt: skip


def skipped_welcome(main_window):
    """The window on a new workspace after "Skip for now": the Campaigns page in front."""
    window = main_window()
    window.welcome.skip_button.click()
    return window


def shown_steps(listing) -> list[str]:
    """The texts of the first steps as the user sees them, in order."""
    steps = [
        (listing.mailbox_button, listing.mailbox_done),
        (listing.import_button, listing.import_done),
        (listing.empty_new_button, None),
    ]
    return [
        button.text() if button.isVisible() else done.text()
        for button, done in steps
        if button.isVisible() or (done is not None and done.isVisible())
    ]


def test_an_empty_workspace_shows_the_first_steps_instead_of_an_empty_table(main_window):
    listing = skipped_welcome(main_window).campaigns_list
    assert listing.empty_state.isVisible()
    assert not listing.table.isVisible() and not listing.new_button.isVisible()
    assert shown_steps(listing) == [
        "Connect your mailbox…", "Import contacts…", "New campaign…",
    ]  # fmt: skip
    assert listing.mailbox_button.isDefault()  # the first step still to take


def test_connect_your_mailbox_shows_the_accounts_screen(qtbot, main_window):
    window = skipped_welcome(main_window)
    qtbot.mouseClick(window.campaigns_list.mailbox_button, Qt.MouseButton.LeftButton)
    assert window.sidebar.currentItem().text() == "Accounts"
    assert window.accounts_view.isVisible()
    assert window.accounts_view.form.name_edit.isVisible()


def test_import_contacts_opens_the_import_wizard(qtbot, main_window):
    window = skipped_welcome(main_window)
    qtbot.mouseClick(window.campaigns_list.import_button, Qt.MouseButton.LeftButton)
    wizard = QApplication.activeModalWidget()
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    wizard.reject()


def test_new_campaign_asks_for_a_name_then_opens_the_campaign(qtbot, main_window):
    window = skipped_welcome(main_window)
    listing = window.campaigns_list
    qtbot.mouseClick(listing.empty_new_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("Spring outreach")
    with qtbot.waitSignal(listing.open_requested, timeout=10_000):
        dialog.accept()
    assert window.pages.currentWidget() is window.campaign_view
    assert window.campaign_view.header.name_label.text() == "Spring outreach"
    window.show_view("campaigns")
    qtbot.waitUntil(lambda: listing.table.rowCount() == 1)
    assert listing.table.isVisible() and not listing.empty_state.isVisible()


def test_steps_taken_show_as_done(qtbot, main_window, workspace):
    listing = skipped_welcome(main_window).campaigns_list
    saved = add_account(workspace, RELAY)
    with qtbot.waitSignal(listing.loaded, timeout=10_000):
        change_hub().changed.emit(saved.changes)  # written elsewhere: the screen hears it
    assert shown_steps(listing) == ["✓ Mailbox connected", "Import contacts…", "New campaign…"]
    assert listing.import_button.isDefault() and not listing.mailbox_button.isDefault()

    contact = save_contact(workspace, None, {"email": "ada@example.com"}, [])
    with qtbot.waitSignal(listing.loaded, timeout=10_000):
        change_hub().changed.emit(contact.changes)
    assert shown_steps(listing) == [
        "✓ Mailbox connected", "✓ Contacts imported", "New campaign…",
    ]  # fmt: skip
    assert listing.empty_new_button.isDefault()


def test_an_account_made_before_the_window_opens_is_a_done_step(relay_account, main_window):
    listing = main_window().campaigns_list
    assert shown_steps(listing)[0] == "✓ Mailbox connected"


def test_the_first_steps_give_way_to_the_table_once_a_campaign_exists(
    qtbot, main_window, workspace
):
    listing = skipped_welcome(main_window).campaigns_list
    assert listing.empty_state.isVisible()
    created = create_campaign(workspace, "Written elsewhere")
    with qtbot.waitSignal(listing.loaded, timeout=10_000):
        change_hub().changed.emit(created.changes)
    assert not listing.empty_state.isVisible()
    assert listing.table.isVisible() and listing.new_button.isVisible()
    assert listing.table.item(0, 0).text() == "Written elsewhere"
