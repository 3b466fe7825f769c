"""The Dashboard page: first in the sidebar (Ctrl+1), replies shown as written and opening
their contact, campaigns opening on a double-click, figures following the change hub."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.schema import contacts, enrollments, events, outbox_messages


class Replies:
    """A campaign "Launch" that mailed three contacts; Bob answered, then Ann."""

    def __init__(self, workspace, account_id: int) -> None:
        self.workspace = workspace
        now = workspace.clock.now()
        with workspace.session() as session:
            self.campaign = create_campaign(session, "Launch", new_document(), account_id).id
            self.quiet = create_campaign(session, "Quiet", new_document(), account_id).id
        self.contact: dict[str, int] = {}
        self.enrollment: dict[str, int] = {}
        with workspace.engine.begin() as db:
            for name in ("Carl", "Ann", "Bob"):
                self.contact[name] = db.execute(
                    insert(contacts).values(email=f"{name.lower()}@client.com", first_name=name)
                ).inserted_primary_key[0]
                self.enrollment[name] = db.execute(
                    insert(enrollments).values(
                        campaign_id=self.campaign, contact_id=self.contact[name], state="replied"
                    )
                ).inserted_primary_key[0]
                db.execute(
                    insert(outbox_messages).values(
                        enrollment_id=self.enrollment[name],
                        campaign_id=self.campaign,
                        account_id=account_id,
                        node_id="e1",
                        message_id=f"<{name}@startup.io>",
                        state="sent",
                        to_address=f"{name.lower()}@client.com",
                        sent_at=now - timedelta(days=2),
                    )
                )
        self.reply("Bob", now - timedelta(hours=5), "Not now, maybe in spring.")
        self.reply("Ann", now - timedelta(hours=1), "Sounds <b>x</b> good &amp; call me")

    def reply(self, name: str, at, text: str) -> None:
        with self.workspace.engine.begin() as db:
            db.execute(
                insert(events).values(
                    kind="replied",
                    occurred_at=at,
                    campaign_id=self.campaign,
                    enrollment_id=self.enrollment[name],
                    contact_id=self.contact[name],
                    message_id=f"<in.{name}.{at.timestamp()}@client.com>",
                    detail={"from": f"{name.lower()}@client.com", "text": text},
                )
            )


@pytest.fixture
def replies(workspace, relay_account) -> Replies:
    return Replies(workspace, relay_account)


def double_click(qtbot, table, item) -> None:
    """What a double-click sends: a click, then the double-click event on the same cell."""
    cell = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)


def dashboard_window(main_window, until):
    """The window on a workspace with campaigns: it opens on the Dashboard, figures in."""
    window = main_window()
    until(lambda: window.dashboard.data is not None)
    return window


def test_the_dashboard_is_first_and_ctrl_1_shows_it(qtbot, main_window):
    window = main_window()  # no campaign nor account yet: it opens on the Welcome screen
    assert window.sidebar.item(0).text() == "Dashboard"
    assert window.welcome.isVisible() and not window.dashboard.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.dashboard.isVisible()
    assert window.sidebar.currentItem().text() == "Dashboard"
    qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=10_000)
    assert window.dashboard.no_replies.isVisible()  # nothing yet, said in words
    assert window.dashboard.no_campaigns.isVisible()


def test_a_workspace_with_campaigns_opens_on_the_dashboard(main_window, until, replies):
    window = dashboard_window(main_window, until)
    assert window.dashboard.isVisible()
    assert window.sidebar.currentItem().text() == "Dashboard"
    caps = window.dashboard.caps_box
    plan_bar = window.dashboard.cap_bars[0]
    assert caps.isVisible() and (plan_bar.value(), plan_bar.maximum()) == (0, 50)


def test_replies_are_newest_first_and_shown_as_written(main_window, until, replies):
    window = dashboard_window(main_window, until)
    table = window.dashboard.replies_table
    assert table.isVisible()
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [
        ["Ann", "Launch", "Sounds <b>x</b> good &amp; call me"],  # markup stays text
        ["Bob", "Launch", "Not now, maybe in spring."],
    ]


def test_double_clicking_a_reply_shows_its_contact(qtbot, main_window, until, replies):
    window = dashboard_window(main_window, until)
    table = window.dashboard.replies_table
    double_click(qtbot, table, table.item(1, 2))  # Bob's reply
    view = window.contacts_view
    assert view is not None
    until(view.isVisible)  # built now: shown on the event loop's next turn
    assert window.sidebar.currentItem().text() == "Contacts"
    until(lambda: view.selected_ids() == [replies.contact["Bob"]])
    until(lambda: view.contact_panel.email_label.text() == "bob@client.com")
    assert view.contact_panel.isVisible()


def test_enter_on_a_reply_shows_its_contact_even_behind_a_search(
    qtbot, main_window, until, replies
):
    window = dashboard_window(main_window, until)
    window.show_view("contacts")
    view = window.contacts_view
    until(lambda: view.model.loaded_once)
    view.search.setText("carl")  # Ann is hidden by the search
    until(lambda: view.model.rowCount() == 1)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    table = window.dashboard.replies_table
    table.setFocus()
    table.setCurrentCell(0, 0)  # Ann's reply
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.sidebar.currentItem().text() == "Contacts"
    until(view.isVisible)
    until(lambda: view.selected_ids() == [replies.contact["Ann"]])
    assert view.search.text() == "" and view.model.rowCount() == 3
    until(lambda: view.contact_panel.email_label.text() == "ann@client.com")


def test_double_clicking_a_campaign_opens_it(qtbot, main_window, until, replies):
    window = dashboard_window(main_window, until)
    table = window.dashboard.campaigns_table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert names == ["Launch", "Quiet"]  # 2 replies of 3 first, then nothing sent
    assert [table.item(0, c).text() for c in range(2, 5)] == ["3", "66.7%", "—"]
    double_click(qtbot, table, table.item(1, 0))
    assert window.campaign_view is not None
    assert window.pages.currentWidget() is window.campaign_view
    assert window.campaign_view.campaign_id == replies.quiet
    assert window.sidebar.currentItem().text() == "Campaigns"


def test_a_new_reply_appears_while_shown_and_after_coming_back(
    qtbot, main_window, until, replies, workspace
):
    window = dashboard_window(main_window, until)
    table = window.dashboard.replies_table
    now = workspace.clock.now()
    replies.reply("Carl", now, "Yes please")
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        broadcast(Changes(enrollments=True))  # what the engine's relay sends after an inbox sync
    assert table.item(0, 2).text() == "Yes please"

    window.show_view("settings")  # hidden: a change is only noted
    replies.reply("Bob", now + timedelta(minutes=1), "Actually, yes")
    broadcast(Changes(enrollments=True))
    assert table.item(0, 2).text() == "Yes please"
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.show_view("dashboard")
    assert table.item(0, 2).text() == "Actually, yes"
