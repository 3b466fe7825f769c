"""The Settings page's Webhooks group, driven as a user does against a real workspace and a
real loopback receiver: add an endpoint in the dialog, a bad URL refused there, a test
showing the receiver's answer, an endpoint the engine turned off, and the Free plan."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

from fluenzr_desktop.engine.service import EngineService
from fluenzr_desktop.engine.webhook_feed import ping_body
from fluenzr_desktop.gui.settings_view import SettingsView
from fluenzr_desktop.ops.webhooks import add_webhook, list_webhooks
from fluenzr_desktop.store import webhooks as store
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.webhook_receiver import Reply, webhook_receiver_fixture  # noqa: F401


@pytest.fixture
def settings(qtbot, until, workspace, memory_keyring):  # noqa: F811
    """Opens the Settings page, once its Webhooks group has read the endpoints and plan."""

    def make() -> SettingsView:
        view = SettingsView(workspace)
        qtbot.addWidget(view)
        view.resize(1000, 800)
        view.show()
        qtbot.waitExposed(view)
        until(lambda: view.webhooks.read_once)
        return view

    return make


def click(qtbot, button) -> None:
    """Click a button, or a check box on its box (its row may be wider than its text)."""
    assert button.isEnabled(), button.text()
    if isinstance(button, QCheckBox):
        spot = QPoint(8, button.height() // 2)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=spot)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def row_texts(group, row: int = 0) -> list[str]:
    return [group.table.item(row, column).text() for column in range(group.table.columnCount())]


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_an_endpoint_added_in_the_dialog_is_listed_and_its_test_shows_the_answer(
    qtbot, until, pro_workspace, settings, workspace, webhook_receiver
):
    receiver = webhook_receiver()
    receiver.default = Reply(status=200, body="thanks, got it")
    group = settings().webhooks
    assert group.empty_label.isVisible() and not group.gate_line.isVisible()

    click(qtbot, group.add_button)
    dialog = group.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.url_edit, receiver.url)
    qtbot.keyClicks(dialog.description_edit, "CRM deals")
    click(qtbot, dialog.all_events_box)  # untick "All events": choose two
    click(qtbot, dialog.event_boxes["reply.received"])
    click(qtbot, dialog.event_boxes["email.sent"])
    with qtbot.waitSignal(group.loaded, timeout=10_000):
        click(qtbot, save_button(dialog))
    until(lambda: not shiboken6.isValid(dialog))  # closed (and deleted)

    url, events, campaigns, state, deliveries, last = row_texts(group)
    assert url == f"{receiver.url} — CRM deals"
    assert events == "email.sent, reply.received"
    assert (campaigns, state, last) == ("All campaigns", "Enabled", "none yet")
    assert deliveries == "0 delivered · 0 failed · 0 pending"
    [stored] = list_webhooks(workspace)
    assert stored.event_types == ("email.sent", "reply.received")

    with qtbot.waitSignal(group.answered, timeout=20_000):
        click(qtbot, group.test_button)
        assert group.result_label.text() == f"Sending a test to {receiver.url}…"
        assert not group.test_button.isEnabled()  # one test at a time
    assert group.result_label.text() == "Test delivered: HTTP 200 — thanks, got it"
    assert receiver.requests[0].json()["type"] == "test.ping"
    until(lambda: row_texts(group)[4] == "1 delivered · 0 failed · 0 pending")

    log = group.open_log()
    with qtbot.waitSignal(log.loaded, timeout=10_000):
        pass
    cells = [log.table.item(0, column).text() for column in range(6)]
    assert cells[1:] == ["test.ping", "Delivered", "1", "200", "thanks, got it"]
    assert not log.redeliver_button.isEnabled()  # nothing selected yet
    log.table.selectRow(0)
    with qtbot.waitSignal(log.loaded, timeout=10_000):
        click(qtbot, log.redeliver_button)
    assert log.table.rowCount() == 2  # newest first: the new row is on top
    assert log.table.item(0, 2).text() in ("Pending", "Delivered", "Sending…")


def test_a_bad_url_is_refused_in_the_dialog_which_keeps_what_was_typed(
    qtbot, until, pro_workspace, settings, workspace
):
    group = settings().webhooks
    click(qtbot, group.add_button)
    dialog = group.dialog
    qtbot.keyClicks(dialog.url_edit, "ftp://files.example.com/in")
    qtbot.keyClicks(dialog.description_edit, "Nightly export")

    with qtbot.waitSignal(dialog.refused, timeout=10_000):
        click(qtbot, save_button(dialog))
    refusal = dialog.error_label.text()
    assert refusal and "\n" not in refusal and "Traceback" not in refusal
    assert "ftp" in refusal
    assert dialog.isVisible()
    assert dialog.url_edit.text() == "ftp://files.example.com/in"
    assert dialog.description_edit.text() == "Nightly export"
    assert list_webhooks(workspace) == []

    dialog.url_edit.clear()
    qtbot.keyClicks(dialog.url_edit, "https://hooks.example.com/in")
    click(qtbot, dialog.all_events_box)  # nothing ticked: refused in the dialog
    with qtbot.waitSignal(dialog.refused, timeout=10_000):
        click(qtbot, save_button(dialog))
    assert dialog.error_label.text() == "Tick at least one event, or All events."
    assert dialog.isVisible() and list_webhooks(workspace) == []


def test_an_endpoint_the_engine_turned_off_says_why_in_the_window(
    qtbot,
    until,
    pro_workspace,
    main_window,
    workspace,
    memory_keyring,  # noqa: F811 (the fixture)
    webhook_receiver,
):
    receiver = webhook_receiver()
    receiver.default = Reply(status=410, body="gone")
    webhook = add_webhook(workspace, receiver.url)
    now = workspace.clock.now()
    with workspace.session() as session:
        # An event's delivery (a failed test ping never turns an endpoint off).
        store.enqueue(session, webhook.id, "email.sent", ping_body(webhook.id, now), now)
    engine = EngineService(workspace, watch_inbox=False)
    window = main_window(engine)
    window.show_view("settings")
    group = window.settings_view.webhooks
    until(lambda: group.read_once and row_texts(group)[3] == "Enabled")

    assert engine.webhooks.run_once() == 1  # the receiver answers 410 Gone: turned off

    until(lambda: window.statusBar().currentMessage().startswith("Webhook turned off: "))
    assert receiver.url in window.statusBar().currentMessage()
    until(lambda: row_texts(group)[3].startswith("Disabled: "))
    assert len(row_texts(group)[3]) > len("Disabled: ")
    assert group.enable_button.text() == "Enable"


def test_on_the_free_plan_the_list_stays_readable_and_adding_needs_pro(
    qtbot, until, settings, workspace
):
    with workspace.session() as session:  # kept from a lapsed Pro licence
        store.add_endpoint(session, "https://hooks.example.com/crm")
    group = settings().webhooks

    assert group.gate_line.isVisible()
    assert group.gate_line.badge.text() == "Pro"
    assert group.gate_line.text.text() == "Outgoing webhooks need the Pro plan"
    assert not group.add_button.isEnabled()
    assert not group.test_button.isEnabled() and not group.edit_button.isEnabled()
    assert row_texts(group)[0] == "https://hooks.example.com/crm"
    assert group.log_button.isEnabled() and group.remove_button.isEnabled()
    log = group.open_log()
    with qtbot.waitSignal(log.loaded, timeout=10_000):
        pass
    assert log.count_label.text() == "Nothing sent to this endpoint yet."
    assert not log.redeliver_button.isEnabled()
