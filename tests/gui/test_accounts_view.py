"""The Accounts screen: presets, saving (password to the keyring only), errors, connection test."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from sqlalchemy import func, insert, select, text

from fluenzr_desktop.gui.account_presets import PRESETS, preset_for_hosts
from fluenzr_desktop.gui.accounts_view import AccountsView
from fluenzr_desktop.gui.changes import change_hub
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.accounts import add_account, delete_account
from fluenzr_desktop.store.accounts import list_accounts
from fluenzr_desktop.store.schema import accounts, inbox_folders
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_auth_server,
    smtp_certificate,
    smtp_server_factory,
)


@pytest.fixture
def view(qtbot, workspace, memory_keyring):  # noqa: F811
    shown = AccountsView(workspace)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):  # its list is read in the background
        shown.show()
    return shown


def _fill(view: AccountsView, **values: str) -> None:
    view.form.name_edit.setText(values.get("name", "Prospection"))
    view.form.email_edit.setText(values.get("email", "Founder@Example.com"))
    view.form.from_name_edit.setText("Camille Martin")
    view.form.username_edit.setText(values.get("username", "founder@example.com"))
    view.form.password_edit.setText(values.get("password", "app-password-123"))


def test_presets_use_the_providers_documented_servers():
    assert [p.key for p in PRESETS] == ["gmail", "outlook", "yahoo", "icloud", "ovh", "gandi"]
    assert preset_for_hosts("smtp.mail.me.com", "imap.mail.me.com") == "icloud"
    assert preset_for_hosts("mail.example.org") == "other"


def test_choosing_the_gmail_preset_fills_the_servers(view):
    view.form.set_preset("other")
    view.form.smtp_host_edit.setText("mail.example.org")
    view.form.set_preset("gmail")
    assert view.form.smtp_host_edit.text() == "smtp.gmail.com"
    assert view.form.smtp_port_spin.value() == 587
    assert view.form.smtp_security_combo.currentData() == "starttls"
    assert view.form.imap_host_edit.text() == "imap.gmail.com"
    assert view.form.imap_port_spin.value() == 993
    assert view.form.imap_security_combo.currentData() == "ssl"
    assert not view.form.preset_hint.isHidden()  # Gmail wants an app password
    view.form.set_preset("ovh")
    assert (view.form.smtp_host_edit.text(), view.form.smtp_port_spin.value()) == (
        "ssl0.ovh.net",
        465,
    )
    assert view.form.smtp_security_combo.currentData() == "ssl"
    assert view.form.preset_hint.isHidden()


def test_other_clears_a_providers_servers_and_keeps_typed_ones(qtbot, view):
    form = view.form
    form.set_preset("gmail")
    form.preset_combo.setCurrentIndex(form.preset_combo.findData("other"))
    assert form.smtp_host_edit.text() == "" and form.imap_host_edit.text() == ""
    assert form.smtp_host_edit.placeholderText()  # says what to type instead
    # No IMAP server: its port and security are greyed, not "default / SSL/TLS" to edit.
    assert not form.imap_port_spin.isEnabled() and not form.imap_security_combo.isEnabled()
    qtbot.keyClicks(form.imap_host_edit, "imap.example.org")
    assert form.imap_port_spin.isEnabled() and form.imap_security_combo.isEnabled()
    form.smtp_host_edit.setText("mail.example.org")
    form.set_preset("other")
    assert form.smtp_host_edit.text() == "mail.example.org"  # what the user typed stays
    assert form.imap_host_edit.text() == "imap.example.org"


def test_saving_stores_the_account_and_puts_the_password_in_the_keyring_only(
    qtbot,
    view,
    workspace,
    memory_keyring,  # noqa: F811
):
    view.form.set_preset("outlook")
    _fill(view, password="Tr0ub4dor&3")
    view.form.daily_cap_spin.setValue(80)
    view.form.timezone_combo.setCurrentText("Europe/Paris")
    view.form.copy_to_sent_check.setChecked(True)
    view.form.signature_edit.setPlainText("Camille\n06 12 34 56 78")
    with qtbot.waitSignal(change_hub().changed, timeout=5000) as heard:
        view.form.save()
    assert heard.args[0].accounts
    qtbot.waitUntil(lambda: view.form.status_label.text() == "Saved.", timeout=5000)
    assert view.form.error_label.text() == ""

    with workspace.sessions() as session:
        [account] = list_accounts(session)
        assert account.email == "founder@example.com"
        assert (account.smtp_host, account.smtp_port) == ("smtp.office365.com", 587)
        assert (account.daily_cap, account.timezone) == (80, "Europe/Paris")
        assert account.signature == "Camille\n06 12 34 56 78"
        assert account.options["append_to_sent"] is True
        account_id = account.id
    assert workspace.secret_store().get_password(account_id) == "Tr0ub4dor&3"
    assert list(memory_keyring.entries.values()) == ["Tr0ub4dor&3"]
    # Nowhere in the database, whatever the table.
    with workspace.engine.connect() as connection:
        dump = "\n".join(connection.connection.driver_connection.iterdump())
        assert "Tr0ub4dor" not in dump
        assert connection.execute(text("select count(*) from accounts")).scalar() == 1
    # The list is read in the background: the saved account shows there, selected.
    qtbot.waitUntil(lambda: view.account_list.count() == 1)
    assert view.form.account_id == account_id
    assert view.account_list.currentItem().data(Qt.ItemDataRole.UserRole) == account_id

    # Editing without typing a password keeps the stored one.
    assert view.form.password_edit.text() == ""
    view.form.daily_cap_spin.setValue(120)
    with qtbot.waitSignal(change_hub().changed, timeout=5000):
        view.form.save()
    with workspace.engine.connect() as connection:
        assert connection.execute(select(accounts.c.daily_cap)).scalar() == 120
    assert workspace.secret_store().get_password(account_id) == "Tr0ub4dor&3"


def test_an_invalid_email_shows_one_line_and_saves_nothing(qtbot, view, workspace):
    _fill(view, email="founder@@example")
    view.form.save()
    assert view.form.error_label.text().startswith("Email: invalid email address")
    assert "\n" not in view.form.error_label.text()
    assert view.form.save_task is None
    with workspace.sessions() as session:
        assert list_accounts(session) == []


def test_the_connection_test_shows_the_smtp_answer_without_blocking(
    qtbot,
    view,
    smtp_auth_server,  # noqa: F811
):
    view.form.set_preset("other")
    _fill(view, username=SMTP_USER, password=SMTP_PASSWORD)
    view.form.smtp_host_edit.setText(smtp_auth_server.host)
    view.form.smtp_port_spin.setValue(smtp_auth_server.port)
    view.form.smtp_security_combo.setCurrentIndex(view.form.smtp_security_combo.findData("none"))
    view.form.imap_host_edit.clear()

    started = time.monotonic()
    view.form.test_connection()
    assert time.monotonic() - started < 0.1  # the GUI thread did not wait for the server
    assert not view.form.test_button.isEnabled()
    qtbot.waitUntil(lambda: view.form.test_task.done, timeout=10000)
    assert view.form.smtp_result_label.text().startswith("SMTP ✓")
    assert "235" in view.form.smtp_result_label.text()
    assert view.form.imap_result_label.text().startswith("IMAP skipped")
    assert view.form.test_button.isEnabled()


def test_a_wrong_password_shows_the_refusal(qtbot, view, smtp_auth_server):  # noqa: F811
    view.form.set_preset("other")
    _fill(view, username=SMTP_USER, password="wrong")
    view.form.smtp_host_edit.setText(smtp_auth_server.host)
    view.form.smtp_port_spin.setValue(smtp_auth_server.port)
    view.form.smtp_security_combo.setCurrentIndex(view.form.smtp_security_combo.findData("none"))
    view.form.imap_host_edit.clear()
    view.form.test_connection()
    qtbot.waitUntil(lambda: view.form.test_task.done, timeout=10000)
    assert view.form.smtp_result_label.text().startswith("SMTP ✗")
    assert "535" in view.form.smtp_result_label.text()


# -- accounts without a login (local relays, test servers)


class _NoPasswordStore:
    """Stands in for the password store where none may be asked."""

    @property
    def uses_file(self) -> bool:
        raise AssertionError("the password store was asked")

    def __getattr__(self, name: str):
        raise AssertionError(f"the password store was asked ({name})")


def _fill_relay(view: AccountsView, port: int) -> None:
    view.form.set_preset("other")
    _fill(view, username="", password="")
    view.form.smtp_host_edit.setText("127.0.0.1")
    view.form.smtp_port_spin.setValue(port)
    view.form.smtp_security_combo.setCurrentIndex(view.form.smtp_security_combo.findData("none"))
    view.form.imap_host_edit.clear()


def _save(qtbot, view: AccountsView) -> None:
    saved = []
    view.account_saved.connect(saved.append)
    view.form.save()
    assert view.form.error_label.text() == ""
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert view.form.error_label.text() == ""


def test_saving_without_username_needs_no_password_and_no_password_store(
    qtbot,
    workspace,
    smtp_server_factory,  # noqa: F811
):
    server = smtp_server_factory()
    view = AccountsView(workspace, secrets=_NoPasswordStore())
    qtbot.addWidget(view)
    _fill_relay(view, server.port)
    _save(qtbot, view)
    with workspace.sessions() as session:
        [account] = list_accounts(session)
        assert (account.username, account.smtp_port) == (None, server.port)

    view.form.test_connection()
    qtbot.waitUntil(lambda: view.form.test_task.done, timeout=10000)
    text = view.form.smtp_result_label.text()
    assert text.startswith("SMTP ✓")
    assert "connected, no login (sending without AUTH)" in text


def test_a_password_without_username_is_refused_in_one_line(view, workspace):
    _fill_relay(view, 2525)
    view.form.password_edit.setText("app-password-123")
    view.form.save()
    assert view.form.error_label.text() == (
        "Username: a password needs one (leave both empty to send without login)"
    )
    assert view.form.save_task is None
    view.form.test_connection()
    assert view.form.test_task is None
    with workspace.sessions() as session:
        assert list_accounts(session) == []


def test_an_inbox_without_username_is_refused_in_one_line(view, workspace):
    view.form.set_preset("gmail")  # an IMAP server
    _fill(view, username="", password="")
    view.form.save()
    assert (
        view.form.error_label.text()
        == "Imap host: reading the inbox needs username (an IMAP login)"
    )
    assert view.form.save_task is None


def test_clearing_the_username_deletes_the_password_and_a_login_needs_one_back(
    qtbot,
    view,
    workspace,
    memory_keyring,  # noqa: F811
):
    _fill_relay(view, 2525)
    _fill(view, username=SMTP_USER, password="Tr0ub4dor&3")
    _save(qtbot, view)
    assert list(memory_keyring.entries.values()) == ["Tr0ub4dor&3"]

    view.form.username_edit.clear()
    _save(qtbot, view)
    with workspace.sessions() as session:
        [account] = list_accounts(session)
        assert account.username is None
    assert memory_keyring.entries == {}

    # Back to a login: no password is stored any more, so one must be typed.
    view.form.username_edit.setText(SMTP_USER)
    view.form.save()
    assert view.form.error_label.text() == "Password: an account with a username needs one"
    view.form.password_edit.setText("An0ther-pass")
    _save(qtbot, view)
    assert list(memory_keyring.entries.values()) == ["An0ther-pass"]


def test_changing_the_imap_mailbox_forgets_the_inbox_state(qtbot, view, workspace):
    view.form.set_preset("gmail")
    _fill(view)
    _save(qtbot, view)
    with workspace.engine.begin() as connection:
        connection.execute(
            insert(inbox_folders).values(
                account_id=view.form.account_id, folder="INBOX", uidvalidity=1, last_uid=9
            )
        )
    view.form.daily_cap_spin.setValue(30)
    _save(qtbot, view)
    with workspace.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(inbox_folders)).scalar() == 1
    view.form.imap_host_edit.setText("imap.other.example")
    _save(qtbot, view)
    with workspace.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(inbox_folders)).scalar() == 0


def test_the_list_follows_accounts_changed_elsewhere_and_a_click_shows_one(
    qtbot,
    view,
    workspace,
    smtp_server_factory,  # noqa: F811
):
    relay = {
        "name": "Relay", "email": "relay@example.com", "smtp_host": "127.0.0.1",
        "smtp_port": 2525, "smtp_security": "none",
    }  # fmt: skip
    first = add_account(workspace, relay)
    second = add_account(workspace, {**relay, "name": "Second", "email": "two@example.com"})
    # Written elsewhere (the command line, another screen): the window hears the change.
    change_hub().changed.emit(first.changes)
    qtbot.waitUntil(lambda: view.account_list.count() == 2)

    item = view.account_list.item(1)
    qtbot.mouseClick(
        view.account_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.account_list.visualItemRect(item).center(),
    )
    qtbot.waitUntil(lambda: view.form.account_id == second.id)
    assert view.form.name_edit.text() == "Second" and view.form.isEnabled()

    delete_account(workspace, second.id)
    change_hub().changed.emit(Changes(accounts=True))
    qtbot.waitUntil(lambda: view.account_list.count() == 1)
    assert view.form.account_id is None and view.form.name_edit.text() == ""


def test_an_empty_list_says_how_to_connect_a_mailbox_until_one_is_saved(qtbot, view, workspace):
    assert view.account_list.count() == 0
    assert view.empty_hint.isVisible()
    assert view.empty_hint.text() == "No mailbox yet: fill in the form to connect one."
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        saved = add_account(
            workspace, {"name": "Relay", "email": "relay@example.com", "smtp_host": "127.0.0.1"}
        )
        change_hub().changed.emit(saved.changes)  # written elsewhere: the screen hears it
    assert view.account_list.count() == 1
    assert not view.empty_hint.isVisible()


def test_at_1024_by_640_every_field_scrolls_into_sight_with_save_and_test_in_view(
    qtbot, main_window
):
    window = main_window()
    window.resize(1024, 640)
    window.show_view("accounts")
    form = window.accounts_view.form
    qtbot.waitUntil(lambda: form.save_button.isVisible())
    scroll = form.findChild(QScrollArea)
    viewport = scroll.viewport()
    assert scroll.horizontalScrollBar().maximum() == 0  # the form uses the width given
    for button in (form.save_button, form.test_button):
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner), button.text()
    fields = (
        form.name_edit, form.email_edit, form.from_name_edit, form.reply_to_edit,
        form.preset_combo, form.smtp_host_edit, form.smtp_port_spin, form.smtp_security_combo,
        form.imap_host_edit, form.username_edit, form.password_edit, form.daily_cap_spin,
        form.timezone_combo, form.copy_to_sent_check, form.signature_edit,
    )  # fmt: skip
    for field in fields:
        scroll.ensureWidgetVisible(field)
        top_left = field.mapTo(viewport, field.rect().topLeft())
        bottom_right = field.mapTo(viewport, field.rect().bottomRight())
        assert viewport.rect().contains(top_left), field
        assert viewport.rect().contains(bottom_right), field


def test_at_1100_by_700_the_whole_form_shows_without_scrolling(qtbot, main_window):
    window = main_window()
    window.resize(1100, 700)
    window.show_view("accounts")
    form = window.accounts_view.form
    qtbot.waitUntil(lambda: form.save_button.isVisible())
    scroll = form.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.horizontalScrollBar().maximum() == 0
