"""Activation asks first: how many contacts, when the first email goes, the daily cap, what lacks."""

from __future__ import annotations

import copy
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.gui.campaign.enroll_dialog import EnrollDialog
from fluenzr_desktop.ops.campaigns import campaign_details, create_campaign
from fluenzr_desktop.ops.enrollments import enroll_contacts
from fluenzr_desktop.store.models import Contact

DOCUMENT = {
    "version": 1,
    "settings": {"timezone": "Europe/Paris", "daily_cap": 40,
                 "window": {"days": ["mon", "tue", "wed", "thu", "fri"],
                            "start": "09:00", "end": "18:00"}},
    "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "subject": "A question for {{ company }}",
         "body": "Hi", "position": [0, 120]},
        {"id": "end", "type": "end", "position": [0, 240]},
    ],
    "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
}  # fmt: skip


def _box() -> QMessageBox | None:
    shown = QApplication.activeModalWidget()
    return shown if isinstance(shown, QMessageBox) else None


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def _status(workspace, campaign_id: int) -> str:
    return campaign_details(workspace, campaign_id)["status"]


@pytest.fixture
def campaign(workspace, relay_account):
    """A draft in Europe/Paris, Mon–Fri 09:00–18:00, on Saturday 5 December 2026 at noon UTC."""
    workspace.clock = ManualClock(datetime(2026, 12, 5, 12, 0))

    def make(people: list[tuple[str, str | None]]) -> int:
        campaign_id = create_campaign(
            workspace, "Launch", copy.deepcopy(DOCUMENT), relay_account
        ).id
        with workspace.session() as session:
            session.add_all(Contact(email=email, company=company, custom_fields={})
                            for email, company in people)  # fmt: skip
        if people:
            enroll_contacts(workspace, campaign_id, everyone=True)
        return campaign_id

    return make


def test_the_confirmation_shows_the_facts_and_cancel_keeps_the_draft(
    until, workspace, campaign, campaign_view
):
    campaign_id = campaign([("ann@acme.io", "Acme"), ("bob@solo.io", None), ("cy@b.io", "B")])
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    until(lambda: _box() is not None)
    box = _box()
    assert box.text().startswith("Activate “Launch”? It will email 3 contact")  # (s) or plural
    facts = box.informativeText()
    assert "First email: Mon 7 Dec 09:00 (Europe/Paris)" in facts
    assert "At most 40 email" in facts
    assert "company: missing for 1 of 3 contacts, e.g. bob@solo.io" in facts
    assert _status(workspace, campaign_id) == "draft"

    box.button(QMessageBox.StandardButton.Cancel).click()
    until(lambda: _box() is None)
    assert view.message.text() == "Nothing started."
    assert _status(workspace, campaign_id) == "draft"


def test_confirming_activates(until, workspace, campaign, campaign_view):
    campaign_id = campaign([("ann@acme.io", "Acme")])
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    until(lambda: _box() is not None)
    box = _box()
    assert box.text().startswith("Activate “Launch”? It will email 1 contact")
    assert "missing" not in box.informativeText()  # nothing lacks: no warning
    _button(box, "Activate").click()

    until(lambda: view.header.status_label.text() == "Active")
    assert _status(workspace, campaign_id) == "active"


def test_without_contacts_it_offers_to_enroll_instead(until, workspace, campaign, campaign_view):
    campaign_id = campaign([])
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    until(lambda: _box() is not None)
    box = _box()
    assert box.text() == "“Launch” has no contacts yet: activating it would send nothing."
    assert [b.text() for b in box.buttons() if b.text().startswith("Activate")] == []
    _button(box, "Enroll contacts…").click()

    until(lambda: view.findChild(EnrollDialog) is not None)
    assert view.findChild(EnrollDialog).isVisible()
    assert view.tabs.currentWidget() is view.contacts_tab
    assert _status(workspace, campaign_id) == "draft"


def test_problems_are_refused_before_any_question(until, workspace, campaign, campaign_view):
    campaign_id = campaign([("ann@acme.io", "Acme")])
    view = campaign_view(campaign_id)
    view.settings_tab.account_combo.setCurrentIndex(0)  # "None": saved as the user chose it
    until(lambda: view.header.save_state_label.text() == "Saved")

    view.header.activate_button.click()
    until(view.problems_list.isVisible)
    assert _box() is None
    lines = [view.problems_list.item(i).text() for i in range(view.problems_list.count())]
    assert lines == ["Settings: no sending account is chosen for this campaign"]
    assert _status(workspace, campaign_id) == "draft"
