"""The Campaigns list and the campaign view: counts, actions, activation problems, tabs."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from fluenzr_desktop.gui.campaign import CampaignView
from fluenzr_desktop.gui.campaign.enroll_dialog import EnrollDialog
from fluenzr_desktop.gui.campaigns_list import CampaignsList
from fluenzr_desktop.gui.canvas import EditNode
from fluenzr_desktop.store.campaigns import change_status, create_campaign, enroll, get_campaign
from fluenzr_desktop.store.models import Contact, ContactTag, Enrollment, Suppression

DOCUMENT = {
    "version": 1,
    "settings": {"timezone": "Europe/Paris", "daily_cap": 50, "house_rule": "keep me"},
    "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "subject": "Hello {{firstName}}", "body": "Hi there",
         "position": [0, 120]},
        {"id": "end", "type": "end", "position": [0, 240]},
    ],
    "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
}  # fmt: skip

STATES = {
    "added": 1,
    "in_progress": 2,
    "replied": 1,
    "completed": 3,
    "unsubscribed": 1,
    "error": 1,
}


def _campaign(
    workspace, account_id: int | None, name="Launch", document=DOCUMENT, status=None
) -> int:
    with workspace.session() as session:
        campaign = create_campaign(session, name, copy.deepcopy(document), account_id)
        if status == "active":
            change_status(session, campaign, "activate")
        return campaign.id


def _enroll_states(workspace, campaign_id: int, states: dict[str, int]) -> None:
    with workspace.session() as session:
        number = 0
        for state, count in states.items():
            for _ in range(count):
                number += 1
                contact = Contact(email=f"c{number}@example.com", custom_fields={})
                session.add(contact)
                session.flush()
                session.add(
                    Enrollment(
                        campaign_id=campaign_id,
                        contact_id=contact.id,
                        state=state,
                        current_node="e1" if state == "in_progress" else None,
                        last_error="550 mailbox unknown" if state == "error" else None,
                        variants={},
                    )
                )


def _stored(workspace, campaign_id: int):
    with workspace.sessions() as session:
        campaign = get_campaign(session, campaign_id)
        return campaign.status, copy.deepcopy(campaign.document)


def _modal_box() -> QMessageBox | None:
    """The message box in front of the user, if any."""
    shown = QApplication.activeModalWidget()
    return shown if isinstance(shown, QMessageBox) else None


def _answer(until, text: str) -> QMessageBox:
    """Wait for the question in front of the user and click its button called `text`."""
    until(lambda: _modal_box() is not None)
    box = _modal_box()
    next(b for b in box.buttons() if b.text() == text).click()
    return box


def _saved(until, view: CampaignView) -> None:
    """Wait until the header says the edits are stored."""
    until(lambda: view.header.save_state_label.text() == "Saved")


@pytest.fixture
def campaigns(qtbot, workspace):
    def make() -> CampaignsList:
        view = CampaignsList(workspace)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            pass  # the first load delivers on the event loop, never before this wait
        return view

    return make


def _listed(view: CampaignsList, name: str) -> bool:
    return any(view.table.item(r, 0).text() == name for r in range(view.table.rowCount()))


def _row(view: CampaignsList, name: str) -> list[str]:
    for row in range(view.table.rowCount()):
        if view.table.item(row, 0).text() == name:
            return [view.table.item(row, c).text() for c in range(view.table.columnCount())]
    raise AssertionError(f"{name} is not listed")


def _select(view: CampaignsList, name: str) -> None:
    assert view.select_campaign(next(r["id"] for r in view.rows if r["name"] == name))


# -- the list -----------------------------------------------------------------------------------


def test_the_list_shows_status_and_counts_per_state(campaigns, workspace, relay_account):
    campaign_id = _campaign(workspace, relay_account)
    _enroll_states(workspace, campaign_id, STATES)
    _campaign(workspace, relay_account, "Empty")
    view = campaigns()
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers == ["Name", "Status", "Contacts", "In progress", "Replied", "Completed",
                       "Unsubscribed", "Error"]  # fmt: skip
    assert _row(view, "Launch") == ["Launch", "Draft", "9", "2", "1", "3", "1", "1"]
    assert _row(view, "Empty") == ["Empty", "Draft", "0", "0", "0", "0", "0", "0"]


def test_new_duplicate_rename_archive_and_a_refused_archive(
    qtbot, until, campaigns, workspace, broadcasts, relay_account
):
    running = _campaign(workspace, relay_account, "Running", status="active")
    view = campaigns()

    view.new_button.click()
    dialog = QApplication.activeModalWidget()
    dialog.setTextValue("Spring outreach")
    dialog.accept()
    until(lambda: _listed(view, "Spring outreach") and view.selected_id() is not None)
    assert _row(view, "Spring outreach")[1] == "Draft"  # and it is selected

    view.duplicate_button.click()
    until(lambda: _listed(view, "Spring outreach (copy)"))
    assert _row(view, "Spring outreach (copy)")[1] == "Draft"
    ids = {row["name"]: row["id"] for row in view.rows}
    original = _stored(workspace, ids["Spring outreach"])[1]
    assert _stored(workspace, ids["Spring outreach (copy)"])[1] == original

    _select(view, "Spring outreach (copy)")
    view.rename_button.click()
    dialog = QApplication.activeModalWidget()
    assert dialog.textValue() == "Spring outreach (copy)"
    dialog.setTextValue("Autumn outreach")
    dialog.accept()
    until(lambda: _listed(view, "Autumn outreach"))
    assert _row(view, "Autumn outreach")[1] == "Draft"

    _select(view, "Autumn outreach")
    view.archive_button.click()
    _modal_box().button(QMessageBox.StandardButton.Yes).click()
    until(lambda: _row(view, "Autumn outreach")[1] == "Archived")
    assert not view.archive_button.isEnabled()  # the archived row is still selected
    assert len(broadcasts) == 4  # every write told the other screens

    _select(view, "Running")
    view.archive_button.click()  # an active campaign: the state machine refuses
    until(lambda: "pause it first" in view.message.text())
    assert "\n" not in view.message.text()
    assert _stored(workspace, running)[0] == "active"
    assert len(broadcasts) == 4

    with qtbot.waitSignal(view.open_requested) as opened:
        view.open_button.click()
    assert opened.args == [running]


# -- the campaign view ----------------------------------------------------------------------------


def test_activating_with_problems_lists_them_and_selects_the_node(
    qtbot, until, campaign_view, workspace, relay_account
):
    broken = copy.deepcopy(DOCUMENT)
    broken["nodes"][1]["body"] = ""
    campaign_id = _campaign(workspace, relay_account, document=broken)
    _enroll_states(workspace, campaign_id, {"added": 1})
    view = campaign_view(campaign_id)
    header = view.header
    assert header.activate_button.isEnabled()
    assert not header.pause_button.isEnabled() and not header.resume_button.isEnabled()

    view.tabs.setCurrentWidget(view.settings_tab)
    header.activate_button.click()
    until(view.problems_list.isVisible)
    lines = [view.problems_list.item(i).text() for i in range(view.problems_list.count())]
    assert lines == ["Email “Hello {{firstName}}”: the body is empty"]
    assert _stored(workspace, campaign_id)[0] == "draft"

    item = view.problems_list.item(0)
    rect = view.problems_list.visualItemRect(item)
    qtbot.mouseClick(view.problems_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.tabs.currentWidget() is view.sequence_tab
    assert view.editor.scene.selected_node_ids() == ["e1"]

    # Fix the email on the canvas (saved as it is typed), and activate.
    view.editor.undo_stack.push(EditNode(view.editor.document, "e1", {"body": "Now with a body"}))
    until(lambda: not view.problems_list.isVisible())  # it follows the saved document
    _saved(until, view)
    stored = _stored(workspace, campaign_id)[1]
    assert stored["nodes"][1]["body"] == "Now with a body"
    assert stored["settings"]["house_rule"] == "keep me"

    header.activate_button.click()
    _answer(until, "Activate anyway")  # the contact has no first name
    until(lambda: header.status_label.text() == "Active")
    assert _stored(workspace, campaign_id)[0] == "active"
    assert not header.activate_button.isEnabled()
    assert header.pause_button.isEnabled()
    assert not header.resume_button.isEnabled()
    assert not header.archive_button.isEnabled()  # pause first
    assert not view.sequence_tab.editable()
    assert "pause it" in view.sequence_tab.sequence_note.text()
    assert not view.editor.add_actions["email"].isEnabled()


def test_pause_and_resume_follow_the_state_machine(
    until, campaign_view, workspace, broadcasts, relay_account
):
    campaign_id = _campaign(workspace, relay_account, status="active")
    view = campaign_view(campaign_id)
    header = view.header

    header.pause_button.click()
    until(lambda: header.status_label.text() == "Paused")
    assert _stored(workspace, campaign_id)[0] == "paused"
    assert header.resume_button.isEnabled() and header.archive_button.isEnabled()
    assert not header.pause_button.isEnabled() and not header.activate_button.isEnabled()
    assert view.editor.add_actions["email"].isEnabled()  # a paused sequence may change

    header.resume_button.click()
    until(lambda: header.status_label.text() == "Active")
    assert _stored(workspace, campaign_id)[0] == "active"
    assert header.pause_button.isEnabled() and not header.resume_button.isEnabled()
    assert len(broadcasts) == 2


def test_the_list_follows_a_status_change_made_in_the_campaign_screen(
    until, campaigns, campaign_view, workspace, relay_account
):
    campaign_id = _campaign(workspace, relay_account, status="active")
    listing = campaigns()
    assert _row(listing, "Launch")[1] == "Active"
    view = campaign_view(campaign_id)

    view.header.pause_button.click()

    until(lambda: _row(listing, "Launch")[1] == "Paused")


def test_a_paused_campaign_shows_its_reason(campaign_view, workspace, relay_account):
    campaign_id = _campaign(workspace, relay_account, status="active")
    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        campaign.status, campaign.status_reason = "paused", "SMTP login refused"
    view = campaign_view(campaign_id)
    assert view.header.status_label.text() == "Paused — SMTP login refused"


def test_the_contacts_tab_lists_enrollments_and_filters_by_state(
    qtbot, campaign_view, workspace, relay_account
):
    campaign_id = _campaign(workspace, relay_account)
    _enroll_states(workspace, campaign_id, STATES)
    tab = campaign_view(campaign_id).contacts_tab
    model = tab.enrollments
    assert model.rowCount() == 9
    assert tab.enrollment_count.text() == "9 contacts"

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.state_filter.setCurrentIndex(tab.state_filter.findData("in_progress"))
    assert model.rowCount() == 2
    assert {model.index(r, 1).data() for r in range(2)} == {"In progress"}
    assert model.index(0, 2).data() == "Email — Hello {{firstName}}"

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.state_filter.setCurrentIndex(tab.state_filter.findData("error"))
    assert model.rowCount() == 1
    assert model.index(0, 4).data() == "550 mailbox unknown"

    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.state_filter.setCurrentIndex(0)
    assert model.rowCount() == 9


def test_enroll_by_tag_reports_a_suppressed_address(until, campaign_view, workspace, relay_account):
    campaign_id = _campaign(workspace, relay_account)
    with workspace.session() as session:
        for email, tag in [("anne@example.com", "lead"), ("blocked@example.com", "lead"),
                           ("carl@example.com", "other")]:  # fmt: skip
            contact = Contact(email=email, custom_fields={})
            session.add(contact)
            session.flush()
            session.add(ContactTag(contact_id=contact.id, tag=tag))
        session.add(Suppression(value="blocked@example.com", kind="address", reason="asked"))
    view = campaign_view(campaign_id)
    view.tabs.setCurrentWidget(view.contacts_tab)
    tab = view.contacts_tab

    tab.enroll_button.click()
    dialog = view.findChild(EnrollDialog)
    assert dialog is not None and dialog.isVisible()
    until(lambda: dialog.tag_combo.count() == 2)
    assert [dialog.tag_combo.itemText(i) for i in range(dialog.tag_combo.count())] == [
        "lead",
        "other",
    ]
    dialog.tag_button.setChecked(True)
    dialog.tag_combo.setCurrentText("lead")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    until(lambda: tab.enroll_report.text() == "1 contact enrolled, 1 skipped.")
    skipped = [tab.skipped_list.item(i).text() for i in range(tab.skipped_list.count())]
    assert skipped == ["blocked@example.com — suppressed address (asked)"]
    until(lambda: tab.enrollments.rowCount() == 1)
    assert tab.enrollments.index(0, 0).data() == "anne@example.com"

    tab.enroll("emails", ["Carl@Example.com", "anne@example.com", "nobody@example.com"])
    until(lambda: tab.enroll_report.text() == "1 contact enrolled, 2 skipped.")
    skipped = [tab.skipped_list.item(i).text() for i in range(tab.skipped_list.count())]
    assert skipped == [
        "anne@example.com — already in this campaign",
        "nobody@example.com — no contact with this address",
    ]
    until(lambda: tab.enrollments.rowCount() == 2)


def test_the_settings_tab_saves_window_and_cap_into_the_document(
    until, campaign_view, workspace, relay_account
):
    campaign_id = _campaign(workspace, relay_account)
    view = campaign_view(campaign_id)
    view.tabs.setCurrentWidget(view.settings_tab)
    form = view.settings_tab
    assert form.daily_cap.value() == 50
    assert [day for day, box in form.day_boxes.items() if box.isChecked()] == [
        "mon", "tue", "wed", "thu", "fri"]  # fmt: skip

    # A draft is saved as typed, problems included: only activation refuses them.
    form.timezone_combo.setCurrentText("Mars/Olympus")
    assert "unknown time zone" in form.settings_note.text().lower()
    assert "Mars/Olympus" in form.settings_note.text()
    until(lambda: _stored(workspace, campaign_id)[1]["settings"]["timezone"] == "Mars/Olympus")

    form.timezone_combo.setCurrentText("America/New_York")
    form.day_boxes["mon"].setChecked(False)
    form.day_boxes["sat"].setChecked(True)
    form.start_edit.setTime(QTime(8, 30))
    form.end_edit.setTime(QTime(17, 0))
    form.gap_min.setValue(120)
    form.gap_max.setValue(300)
    form.daily_cap.setValue(120)
    form.stop_on_auto_reply.setChecked(True)
    assert form.settings_note.text() == ""
    _saved(until, view)
    settings = _stored(workspace, campaign_id)[1]["settings"]
    assert settings["window"] == {"days": ["tue", "wed", "thu", "fri", "sat"],
                                  "start": "08:30", "end": "17:00"}  # fmt: skip
    assert settings["daily_cap"] == 120
    assert settings["gap_seconds"] == [120, 300]
    assert settings["timezone"] == "America/New_York"
    assert settings["stop_on_auto_reply"] is True and settings["stop_on_reply"] is True
    assert settings["house_rule"] == "keep me"  # unknown keys survive

    # Saving the canvas afterwards keeps the settings just saved.
    view.editor.add_node("delay")
    until(lambda: len(_stored(workspace, campaign_id)[1]["nodes"]) == 4)
    _saved(until, view)
    stored = _stored(workspace, campaign_id)[1]
    assert stored["settings"]["daily_cap"] == 120
    assert len(stored["nodes"]) == 4


# -- a first campaign never fails silently --------------------------------------------------


def test_activating_without_an_account_lists_the_settings_problem(until, campaign_view, workspace):
    campaign_id = _campaign(workspace, None)
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    until(view.problems_list.isVisible)

    lines = [view.problems_list.item(i).text() for i in range(view.problems_list.count())]
    assert lines == ["Settings: no sending account is chosen for this campaign"]
    assert _stored(workspace, campaign_id)[0] == "draft"
    view.problems_list.item(0).setSelected(True)
    view.select_problem(0)
    assert view.tabs.currentWidget() is view.settings_tab


def _with_company_subject(workspace, account_id: int) -> int:
    document = copy.deepcopy(DOCUMENT)
    document["nodes"][1]["subject"] = "Question for {{ company }}"
    campaign_id = _campaign(workspace, account_id, document=document)
    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        people = [Contact(email="ann@acme.io", company="Acme", custom_fields={}),
                  Contact(email="bob@solo.io", custom_fields={})]  # fmt: skip
        session.add_all(people)
        session.flush()
        enroll(session, campaign, people)
    return campaign_id


def test_activation_asks_first_when_contacts_lack_a_value(
    until, campaign_view, workspace, relay_account
):
    campaign_id = _with_company_subject(workspace, relay_account)
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    until(lambda: _modal_box() is not None)
    box = _modal_box()
    assert box.isVisible()
    assert "company: missing for 1 of 2 contacts, e.g. bob@solo.io" in box.informativeText()
    assert _stored(workspace, campaign_id)[0] == "draft"
    box.button(QMessageBox.StandardButton.Cancel).click()
    until(lambda: _modal_box() is None)
    assert view.message.text() == "Nothing started."
    assert _stored(workspace, campaign_id)[0] == "draft"

    view.header.activate_button.click()
    _answer(until, "Activate anyway")
    until(lambda: view.header.status_label.text() == "Active")
    assert _stored(workspace, campaign_id)[0] == "active"


def test_retry_puts_the_contacts_in_error_back(until, campaign_view, workspace, relay_account):
    campaign_id = _campaign(workspace, relay_account, status="active")
    _enroll_states(workspace, campaign_id, {"error": 2, "completed": 1})
    with workspace.session() as session:
        for enrollment in session.scalars(select(Enrollment).where(Enrollment.state == "error")):
            enrollment.current_node = "e1"
        get_campaign(session, campaign_id).status = "completed"
    view = campaign_view(campaign_id)
    view.tabs.setCurrentWidget(view.contacts_tab)
    tab = view.contacts_tab

    # The completed contact alone is selected: nothing to retry, and it says so.
    completed_row = next(r for r, row in enumerate(tab.enrollments.rows) if row[1] == "completed")
    tab.enrollments_table.selectRow(completed_row)
    tab.retry_button.click()
    assert tab.enroll_report.text() == "None of the selected contacts is in error."

    tab.enrollments_table.clearSelection()
    tab.retry_button.click()
    until(lambda: tab.enroll_report.text().startswith("2 contacts back"))
    assert tab.enroll_report.text() == "2 contacts back in the sequence, 0 skipped."
    with workspace.sessions() as session:
        states = sorted(session.scalars(select(Enrollment.state)))
    assert states == ["completed", "in_progress", "in_progress"]
    # The completed campaign reopened.
    until(lambda: view.header.status_label.text() == "Active")


# -- a campaign over, and times in its zone ---------------------------------------------------


def test_an_archived_campaign_shows_its_unfinished_contacts_as_stopped(
    campaigns, campaign_view, workspace, relay_account
):
    campaign_id = _campaign(workspace, relay_account)
    _enroll_states(workspace, campaign_id, {"added": 1, "in_progress": 2, "replied": 1})
    with workspace.session() as session:
        for enrollment in session.scalars(select(Enrollment)):
            enrollment.next_action_at = datetime(2026, 12, 7, 8, 0)  # naive UTC: 09:00 in Paris
    draft = campaign_view(campaign_id)
    model = draft.contacts_tab.enrollments
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Next action (Europe/Paris)"
    in_progress = next(r for r, row in enumerate(model.rows) if row[1] == "in_progress")
    assert model.index(in_progress, 1).data() == "In progress"
    assert model.index(in_progress, 3).data() == "2026-12-07 09:00"

    with workspace.session() as session:
        change_status(session, get_campaign(session, campaign_id), "archive")
    listing = campaigns()
    assert not listing.table.tabKeyNavigation()  # Tab leaves the table
    assert _row(listing, "Launch")[1:4] == ["Archived", "4", "2 stopped"]

    view = campaign_view(campaign_id)
    model = view.contacts_tab.enrollments
    shown = sorted(model.index(r, 1).data() for r in range(model.rowCount()))
    assert shown == ["Replied", "Stopped", "Stopped", "Stopped"]
    stopped_rows = [r for r in range(model.rowCount()) if model.index(r, 1).data() == "Stopped"]
    assert {model.index(r, 3).data() for r in stopped_rows} == {""}  # no next action any more
