"""The Contacts screen's detail panel: a clicked contact's campaigns and history, in words.

A real workspace holds one contact enrolled in one campaign, an email sent to them and what
followed (opens, clicks, a reply…), written as the engine writes them; the user clicks the
contact's row in the real Contacts screen and reads the panel.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, Qt
from sqlalchemy import insert

from fluenzr_desktop.domain.tracking_verdicts import Reason
from fluenzr_desktop.engine.inbox_effects import OPT_OUT_EVENTS
from fluenzr_desktop.engine.tracking import EVENT_OF_VERDICT
from fluenzr_desktop.gui.contacts_view import ContactsView
from fluenzr_desktop.gui.event_text import REASONS, TEXTS, event_text
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.schema import contacts, enrollments, events, outbox_messages
from fluenzr_desktop.store.suppressions import suppress

ENGINE = Path(__file__).resolve().parents[2] / "fluenzr_desktop" / "engine"
FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)

# Kinds passed as a literal to the engine's two event writers (`Runner._event` and
# `record_inbound`), on one line or spread over several.
_LITERAL_KIND = re.compile(r"(?:_event|record_inbound)\(\s*session,\s*(?:now,\s*)?\"(\w+)\"")
# What a grep of engine/*.py found on 3 December 2026 (`kind=` and the writers' calls):
# the engine keeps no list of the kinds it writes, so this one guards the regex above.
KINDS_FOUND_BY_GREP = {
    "sent", "completed", "skipped", "held", "error", "relay_unreachable",  # runner, sending
    "bounced", "auto_replied", "replied", "unsubscribed", "complained",  # inbox_effects.py
    "opened", "open_proxied", "open_machine", "clicked", "click_machine",  # tracking.py
}  # fmt: skip


def kinds_the_engine_writes() -> set[str]:
    """Every event kind the engine can store, read from its code where it names them."""
    literal = set()
    for source in ENGINE.glob("*.py"):
        literal |= set(_LITERAL_KIND.findall(source.read_text(encoding="utf-8")))
    return literal | set(EVENT_OF_VERDICT.values()) | set(OPT_OUT_EVENTS.values())


def test_every_kind_the_engine_writes_has_a_window_text():
    written = kinds_the_engine_writes()
    assert written >= KINDS_FOUND_BY_GREP  # the scan still finds what a grep found
    assert written <= set(TEXTS), sorted(written - set(TEXTS))


def test_every_machine_reason_has_a_window_text():
    reasons = {reason.value for reason in Reason if reason is not Reason.HUMAN}
    assert reasons | {"unknown_message"} <= set(REASONS)


def test_a_subject_holding_a_place_marker_is_shown_as_written():
    assert event_text("sent", {"subject": "50%1 off %2"}) == "Sent “50%1 off %2”"
    assert event_text("bounced", {"hard": False, "final": False}) == (
        "Delivery delayed (the server keeps trying)"
    )
    assert event_text("auto_replied", {"return_date": "2031-01-06"}) == (
        "Auto-reply (back on Mon 6 Jan 2031)"
    )
    assert event_text("a_kind_from_tomorrow", {}) == "a_kind_from_tomorrow"


class Story:
    """One contact, Ann, in campaign "Spring launch": emailed, opened, clicked, replied."""

    def __init__(self, workspace) -> None:
        self.now = workspace.clock.now().replace(microsecond=0)
        self.sent_at = self.now - timedelta(days=2)
        with workspace.session() as session:
            account = add_account(
                session, name="Me", email="me@startup.io", smtp_host="127.0.0.1"
            ).id
            self.campaign = create_campaign(session, "Spring launch", document(), account).id
        with workspace.engine.begin() as db:
            self.contact = db.execute(
                insert(contacts).values(
                    email="ann@acme.com", first_name="Ann", last_name="Lee", company="Acme"
                )
            ).inserted_primary_key[0]
            db.execute(insert(contacts).values(email="bob@globex.com", first_name="Bob"))
            self.enrollment = db.execute(
                insert(enrollments).values(
                    campaign_id=self.campaign,
                    contact_id=self.contact,
                    state="in_progress",
                    current_node="d1",
                    next_action_at=self.now + timedelta(days=1),
                )
            ).inserted_primary_key[0]
            message = "<ann.e1@startup.io>"
            db.execute(
                insert(outbox_messages).values(
                    enrollment_id=self.enrollment, campaign_id=self.campaign,
                    account_id=account, node_id="e1", message_id=message, state="sent",
                    to_address="ann@acme.com", sent_at=self.sent_at,
                )
            )  # fmt: skip
            at = self.sent_at
            for minutes, kind, detail in [
                (0, "sent", {"subject": "Quick question"}),
                (1, "click_machine", {"url": "https://acme.com/a", "reason": "honeypot"}),
                (30, "open_proxied", {"reason": "apple_mpp"}),
                (60, "opened", {}),
                (61, "clicked", {"url": "https://startup.io/pricing"}),
                (120, "replied", {"text": "Sounds <b>bold</b>\nlet's talk"}),
            ]:
                db.execute(
                    insert(events).values(
                        kind=kind, occurred_at=at + timedelta(minutes=minutes),
                        campaign_id=self.campaign, enrollment_id=self.enrollment,
                        contact_id=self.contact, node_id="e1", message_id=message,
                        detail=detail,
                    )
                )  # fmt: skip


def document() -> dict:
    return {
        "version": 1,
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "e1", "type": "email", "subject": "Quick question", "body": "Hi"},
            {"id": "d1", "type": "delay", "amount": 3, "unit": "days"},
            {"id": "end", "type": "end"},
        ],
        "edges": [
            {"from": "start", "to": "e1"},
            {"from": "e1", "to": "d1"},
            {"from": "d1", "to": "end"},
        ],
    }


@pytest.fixture
def story(workspace) -> Story:
    return Story(workspace)


def open_screen(qtbot, workspace, until, size=(1024, 640)) -> ContactsView:
    view = ContactsView(workspace)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    until(lambda: view.model.loaded_once and view.model.rowCount() == 2)
    return view


def click_row(qtbot, view: ContactsView, row: int) -> None:
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_card(qtbot, view: ContactsView, row: int) -> None:
    with qtbot.waitSignal(view.contact_panel.loaded, timeout=10_000):
        click_row(qtbot, view, row)


def contacts_in_window(qtbot, main_window, until, size) -> ContactsView:
    """The main window at `size` on its Contacts page, Ann's card shown."""
    window = main_window()
    window.resize(*size)
    window.show_view("contacts")
    view = window.contacts_view
    assert view is not None
    until(lambda: view.model.loaded_once and view.model.rowCount() == 2)
    qtbot.wait(20)  # the new size laid out before the click lands on the row
    shown_card(qtbot, view, 0)
    return view


def test_clicking_a_contact_shows_its_campaign_and_history(qtbot, workspace, story, until):
    view = open_screen(qtbot, workspace, until)
    panel = view.contact_panel
    assert panel.pages.currentWidget() is panel.hint  # nothing selected yet

    shown_card(qtbot, view, 0)

    assert panel.name_label.text() == "Ann Lee"
    assert (panel.email_label.text(), panel.company_label.text()) == ("ann@acme.com", "Acme")
    [campaign] = panel.campaign_lines()
    assert campaign.startswith("Spring launch: In progress, next action ")
    lines = panel.event_lines()
    assert len(lines) == 6
    assert lines[0].endswith("Replied: Sounds <b>bold</b> let's talk")  # newest first
    assert lines[1].endswith("Clicked https://startup.io/pricing")
    assert lines[2].endswith("   Opened")
    assert lines[3].endswith("Opened (Apple Mail Privacy Protection: not counted as a human open)")
    assert lines[4].endswith(
        "Machine click (hidden link followed: link scanner): https://acme.com/a"
    )
    assert lines[5].endswith("Sent “Quick question”")


@pytest.mark.parametrize("size", [(1024, 640), (1440, 900)])
def test_the_table_stays_usable_beside_the_panel(qtbot, main_window, story, until, size):
    view = contacts_in_window(qtbot, main_window, until, size)
    table, panel = view.table, view.contact_panel
    assert panel.isVisible() and panel.events_list.isVisible()
    # The Email column and the next one fit; the panel keeps room for a readable line.
    assert table.width() >= table.horizontalHeader().sectionSize(0) + 150
    assert panel.width() >= 240
    assert table.height() == panel.height()  # side by side, not stacked


def test_a_reply_with_markup_is_drawn_as_plain_text(qtbot, workspace, story, until):
    view = open_screen(qtbot, workspace, until)
    shown_card(qtbot, view, 0)
    events_list = view.contact_panel.events_list
    item = events_list.item(0)
    assert "<b>bold</b>" in item.text()
    # A list item draws its text as it is: no widget of the panel renders rich text.
    labels = [view.contact_panel.name_label, view.contact_panel.suppressed_label]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_several_contacts_selected_show_the_hint(qtbot, workspace, story, until):
    view = open_screen(qtbot, workspace, until)
    shown_card(qtbot, view, 0)
    model = view.model
    both = QItemSelection(model.index(0, 0), model.index(1, model.columnCount() - 1))
    view.table.selectionModel().select(both, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    panel = view.contact_panel
    assert panel.pages.currentWidget() is panel.hint
    assert panel.hint.text() == "Select a contact to see its campaigns and history"
    assert panel.hint.isVisible()


def test_a_suppression_and_a_new_event_show_without_clicking_again(
    qtbot, workspace, story, until, broadcasts
):
    from fluenzr_desktop.gui.changes import broadcast
    from fluenzr_desktop.ops import Changes

    view = open_screen(qtbot, workspace, until)
    shown_card(qtbot, view, 0)
    panel = view.contact_panel
    assert panel.suppressed_label.isHidden()

    with workspace.engine.begin() as db:
        db.execute(
            insert(events).values(
                kind="unsubscribed", occurred_at=story.now, campaign_id=story.campaign,
                enrollment_id=story.enrollment, contact_id=story.contact, detail={},
            )
        )  # fmt: skip
    with workspace.session() as session:
        suppress(session, "ann@acme.com", "unsubscribed with the unsubscribe link")
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        broadcast(Changes(enrollments=True))  # what the engine's bridge says after a sync

    assert panel.event_lines()[0].endswith("Unsubscribed")
    assert panel.suppressed_label.isVisible()
    assert panel.suppressed_label.text().startswith("Never mailed again since ")
    assert panel.suppressed_label.text().endswith("(unsubscribed with the unsubscribe link)")


@pytest.mark.parametrize("size", [(1024, 640), (1440, 900)])
def test_in_french_the_campaign_state_is_the_catalogues(
    qapp, qtbot, main_window, story, until, size
):
    translator = install_translator(qapp, FRANCE)
    assert translator is not None
    previous = QLocale()
    QLocale.setDefault(FRANCE)
    try:
        view = contacts_in_window(qtbot, main_window, until, size)
        [campaign] = view.contact_panel.campaign_lines()
        assert "En cours" in campaign  # the campaign Contacts tab's own translation
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
