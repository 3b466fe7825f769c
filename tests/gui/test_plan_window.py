"""The plans in the window: the Settings page's Plan and licence group (installing a licence
made by the test's own key pair), the plan in the status bar and on the Dashboard, the
palette's badges, and a refused activation in the window's language."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from sqlalchemy import insert

from fluenzr_desktop.domain.plans import (
    FEATURES,
    FREE,
    GATE_MESSAGES,
    PLANS,
    feature_gate,
    minimum_plan,
)
from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.gui.plan_text import gate_text, plan_name
from fluenzr_desktop.gui.settings_view import SettingsView
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.ops.enrollments import enroll_contacts
from fluenzr_desktop.store.models import Contact
from fluenzr_desktop.store.schema import contacts, enrollments, outbox_messages
from tests.cli.helpers import sample_document
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.ops.test_licence import LicenceKey, trusted_key, write_licence

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
# Features a plan below Pro lacks, each with the lowest plan that has it.
GATED = [feature for feature in FEATURES if minimum_plan(feature) != FREE]


@pytest.fixture
def licence_key(tmp_path, monkeypatch) -> LicenceKey:
    return trusted_key(tmp_path, monkeypatch)


@pytest.fixture
def licence_file(tmp_path, workspace, licence_key):
    """A licence file for `plan` signed by the test's key, dated by the workspace's clock."""

    def make(plan: str, *, expires_in_days: int | None = None, name: str = "licence.json"):
        today = workspace.clock.now().date()
        expires = None if expires_in_days is None else today + timedelta(days=expires_in_days)
        return write_licence(
            tmp_path / name, licence_key, plan, issued=today - timedelta(days=400), expires=expires
        )

    return make


@pytest.fixture
def settings(qtbot, until, workspace, memory_keyring):  # noqa: F811
    """The Settings page as the window shows it, once the plan has been read."""
    view = SettingsView(workspace)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    until(lambda: view.plan.status is not None)
    return view


def choose_licence_file(qtbot, monkeypatch, group, path) -> None:
    """Install through the button; the file dialog answers with `path` (not drivable offscreen)."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(path), "Licence files")
    )
    with qtbot.waitSignal(group.answered, timeout=10_000):
        qtbot.mouseClick(group.install_button, Qt.MouseButton.LeftButton)


def send_today(workspace, account_id: int, count: int) -> None:
    """`count` emails sent now (by the workspace's clock), each to a contact of its own."""
    now = workspace.clock.now()
    stamp = f"{now.timestamp()}.{id(object())}"
    campaign_id = create_campaign(workspace, f"Sent {stamp}", sample_document(), account_id).id
    with workspace.engine.begin() as db:
        for index in range(count):
            address = f"c{index}.{stamp}@client.com"
            contact_id = db.execute(
                insert(contacts).values(email=address, first_name="C")
            ).inserted_primary_key[0]
            enrollment_id = db.execute(
                insert(enrollments).values(
                    campaign_id=campaign_id, contact_id=contact_id, state="in_progress"
                )
            ).inserted_primary_key[0]
            db.execute(
                insert(outbox_messages).values(
                    enrollment_id=enrollment_id, campaign_id=campaign_id, account_id=account_id,
                    node_id="e1", message_id=f"<{index}.{stamp}@startup.io>", state="sent",
                    to_address=address, sent_at=now,
                )
            )  # fmt: skip


# -- Settings: Plan and licence ---------------------------------------------------------------


def test_settings_show_free_then_the_installed_pro_licence(
    qtbot, monkeypatch, until, settings, licence_file
):
    group = settings.plan
    assert group.plan_label.text() == "Free"
    assert group.limit_label.text() == "Free plan: up to 50 emails a day across the workspace"
    assert group.limit_label.isVisible()
    assert not group.licensee_label.isVisible()  # no licence: no licensee, dates or e-mail
    assert group.features_label.text() == "Analytics"

    choose_licence_file(qtbot, monkeypatch, group, licence_file("pro"))

    assert group.result_label.text() == "Licence installed: Pro plan, licensed to Acme SAS."
    assert not group.error_label.isVisible()
    until(lambda: group.plan_label.text() == "Pro")  # re-read from the workspace
    assert group.licensee_label.text() == "Acme SAS"
    assert group.email_label.text() == "ann@acme.io"
    assert group.expires_label.text() == "never"
    assert group.licensee_label.isVisible() and group.expires_label.isVisible()
    assert "Free plan" not in group.limit_label.text()
    assert group.features_label.text() == (
        "A/B tests, Analytics, Condition nodes, Outgoing webhooks, The API"
    )


def test_a_tampered_licence_is_refused_in_one_line_and_the_plan_stays_free(
    qtbot, monkeypatch, settings, licence_file
):
    file = licence_file("starter")
    signed = json.loads(file.read_text(encoding="utf-8"))
    signed["licence"]["plan"] = "pro"  # a Starter licence promoted by hand
    file.write_text(json.dumps(signed), encoding="utf-8")
    group = settings.plan

    choose_licence_file(qtbot, monkeypatch, group, file)

    error = group.error_label.text()
    assert group.error_label.isVisible()
    assert error.startswith("This file was not installed: ")
    assert str(file) in error and "the signature does not match" in error
    assert "\n" not in error
    assert group.plan_label.text() == "Free"
    assert not group.result_label.isVisible()
    assert group.install_button.isEnabled()  # the user may pick another file


def test_an_expired_licence_says_so_in_red_and_free_applies(
    qtbot, monkeypatch, until, settings, licence_file
):
    group = settings.plan
    choose_licence_file(qtbot, monkeypatch, group, licence_file("pro", expires_in_days=-1))

    assert group.result_label.text().startswith("Licence installed, but it expired on ")
    until(lambda: group.licensee_label.isVisible())
    assert group.plan_label.text() == "Free"
    assert group.expires_label.text().startswith("expired on ")
    assert group.expires_label.text().endswith(" — the Free plan applies")
    assert "#b3261e" in group.expires_label.styleSheet()  # red
    assert group.limit_label.text() == "Free plan: up to 50 emails a day across the workspace"


# -- Status bar, Dashboard, palette -----------------------------------------------------------


def test_the_status_bar_and_dashboard_show_free_and_today_s_sends(
    until, workspace, relay_account, main_window
):
    send_today(workspace, relay_account, 12)
    window = main_window()

    until(lambda: window.plan_label.text() == "Free · 12/50 today")
    assert window.plan_label.isVisible()
    assert window.dashboard.plan_label.text() == (
        "Free plan: 12 of 50 emails sent today across the workspace."
    )

    # The engine sent one more: its broadcast (outbox moved) refreshes both.
    send_today(workspace, relay_account, 1)
    broadcast(Changes(campaigns=True, enrollments=True, outbox=True))
    until(lambda: window.plan_label.text() == "Free · 13/50 today")
    assert window.dashboard.plan_label.text().startswith("Free plan: 13 of 50 ")


def test_the_palette_badges_condition_pro_on_free_and_nothing_on_pro(
    qtbot, monkeypatch, until, workspace, relay_account, main_window, licence_file,
    memory_keyring,  # noqa: F811
):  # fmt: skip
    campaign_id = create_campaign(workspace, "Launch", sample_document(), relay_account).id
    window = main_window()
    until(lambda: window.plan_watcher.usage is not None)
    view = window.open_campaign_view(campaign_id)
    palette = view.editor.palette_strip

    assert palette.locked() == {"condition": "Pro"}
    # Drafting is never blocked: the locked entry still adds its step.
    before = len(view.editor.document.nodes())
    qtbot.mouseClick(palette.buttons["condition"], Qt.MouseButton.LeftButton)
    assert len(view.editor.document.nodes()) == before + 1

    window.show_view("settings")
    choose_licence_file(qtbot, monkeypatch, window.settings_view.plan, licence_file("pro"))

    until(lambda: window.plan_label.text() == "Pro plan")
    assert palette.locked() == {}
    assert window.dashboard.plan_label.text().startswith("Pro plan: ")


def test_a_starter_licence_still_badges_condition_pro():
    from fluenzr_desktop.gui.canvas.palette import NodePalette
    from fluenzr_desktop.gui.canvas.view import SequenceEditor

    editor = SequenceEditor()
    palette: NodePalette = editor.palette_strip
    palette.set_plan({"ab_tests", "analytics"})
    assert palette.locked() == {"condition": "Pro"}
    width_locked = palette.width()
    palette.set_plan(FEATURES)
    assert palette.locked() == {}
    assert palette.width() < width_locked  # no room kept for a badge that is gone
    editor.deleteLater()


# -- Refused activation -----------------------------------------------------------------------


def test_every_gate_has_the_issue_s_words_in_english():
    for feature in GATED:
        gate = feature_gate(feature, FREE)
        assert gate_text(gate) == GATE_MESSAGES[feature]
    assert [plan_name(plan) for plan in PLANS] == ["Free", "Starter", "Pro"]


def test_a_french_window_refuses_in_french(qapp):
    """Passes once the French catalogue has the "PlanText" entries (resources/translations)."""
    translator = install_translator(qapp, FRENCH)
    try:
        assert gate_text(feature_gate("conditions", FREE)) == (
            "Les nœuds Condition nécessitent le forfait Pro"
        )
        assert gate_text(feature_gate("ab_tests", FREE)) == (
            "Les variantes A/B nécessitent le forfait Starter"
        )
        assert plan_name(FREE) == "Gratuit"
    finally:
        qapp.removeTranslator(translator)


def _box() -> QMessageBox | None:
    shown = QApplication.activeModalWidget()
    return shown if isinstance(shown, QMessageBox) else None


def test_activating_a_condition_campaign_on_free_says_which_plan_lifts_it(
    until, workspace, relay_account, campaign_view
):
    """Needs ops.campaigns to refuse activation with PlanRequired (the plan gates)."""
    campaign_id = create_campaign(workspace, "Launch", sample_document(), relay_account).id
    with workspace.session() as session:
        session.add(Contact(email="ann@acme.io", first_name="Ann", custom_fields={}))
    enroll_contacts(workspace, campaign_id, everyone=True)
    view = campaign_view(campaign_id)

    view.header.activate_button.click()
    refusal = "Condition nodes need the Pro plan"
    # Refused before the question, or when the confirmed activation is stored.
    until(lambda: view.message.text() == refusal or _box() is not None)
    if _box() is not None:
        next(b for b in _box().buttons() if b.text() == "Activate").click()
    until(lambda: view.message.text() == refusal)
    assert view.status == "draft"
