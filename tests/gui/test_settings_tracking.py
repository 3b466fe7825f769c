"""The Settings page's Tracking group, driven as a user does, against a real relay process:
set the relay from its URL and key file, test it, pull its hits, stop using it — and the
key is never shown."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QMessageBox

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.settings_view import SettingsView
from fluenzr_desktop.ops.contacts import save_contact
from fluenzr_desktop.ops.tracking import relay_state, set_relay
from fluenzr_desktop.store.campaigns import create_campaign, enroll
from fluenzr_desktop.store.contacts import list_contacts
from fluenzr_desktop.store.models import Enrollment, OutboxMessage
from fluenzr_relay.tokens import RelayKeys, make_token
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.relay_server import GMAIL_IMAGE_PROXY, send_id

APPLE_PRIVACY_PROXY = "Mozilla/5.0"  # Apple Mail Privacy Protection fetches with this alone
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture
def settings(qtbot, until, workspace, memory_keyring):  # noqa: F811
    """Opens the Settings page as the window shows it, once the relay has been read."""

    def make() -> SettingsView:
        view = SettingsView(workspace)
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitExposed(view)
        tracking = view.tracking
        until(lambda: tracking.state_label.text() != "Looking…")
        return view

    return make


def url_of(relay) -> str:
    return f"http://127.0.0.1:{relay.port}"


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_key_file(qtbot, monkeypatch, tracking, path) -> None:
    """The file dialog answers with `path` (the one thing that can't be driven offscreen)."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args, **_kwargs: (str(path), "Key files (*.key)")
    )
    click(qtbot, tracking.key_button)


def visible_texts(view) -> str:
    found = [label.text() for label in view.findChildren(QLabel)]
    found += [edit.text() for edit in view.findChildren(QLineEdit)]
    found += [label.toolTip() for label in view.findChildren(QLabel)]
    return "\n".join(found)


def test_a_relay_set_through_the_form_is_stored_and_its_key_never_shown(
    qtbot, until, monkeypatch, settings, workspace, relay, broadcasts
):
    view = settings()
    tracking = view.tracking
    assert tracking.state_label.text() == "No relay: opens and clicks cannot be tracked."
    assert not tracking.test_button.isEnabled() and not tracking.pull_button.isEnabled()

    tracking.url_edit.setFocus()
    qtbot.keyClicks(tracking.url_edit, url_of(relay))
    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        choose_key_file(qtbot, monkeypatch, tracking, relay.key_file)  # the URL is there: saved

    until(lambda: tracking.state_label.text() == f"Relay: {url_of(relay)} (signing key k1)")
    assert tracking.error_label.text() == ""
    stored = relay_state(workspace)
    assert stored is not None and stored.url == url_of(relay)
    assert RelayKeys.load(workspace.relay_key_path).to_text() == relay.keys.to_text()
    assert any(changes.settings for changes in broadcasts)  # other screens heard it
    assert tracking.key_label.text() == "The relay's key is kept in this workspace."
    secret = relay.keys.to_text().split(":", 1)[1].strip()
    assert secret not in visible_texts(view)

    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        click(qtbot, tracking.test_button)
    assert re.fullmatch(
        r"Relay \d+\.\d+\.\d+ is up and accepts this workspace's key\.",
        tracking.result_label.text(),
    )
    assert secret not in visible_texts(view)


def test_a_relay_that_stopped_is_said_unreachable(qtbot, settings, workspace, relay):
    set_relay(workspace, url_of(relay), relay.key_file.read_text(), str(relay.key_file))
    view = settings()
    tracking = view.tracking
    assert tracking.url_edit.text() == url_of(relay)
    relay.stop()

    with qtbot.waitSignal(tracking.answered, timeout=30_000):
        click(qtbot, tracking.test_button)
    shown = tracking.result_label.text()
    assert shown.startswith(f"cannot reach the relay at {url_of(relay)}")
    assert "\n" not in shown and "Traceback" not in shown
    assert tracking.test_button.isEnabled()  # it can be tried again


def test_a_bad_key_file_is_refused_naming_its_line_and_nothing_is_stored(
    qtbot, monkeypatch, settings, workspace, tmp_path
):
    view = settings()
    tracking = view.tracking
    bad = tmp_path / "relay.key"
    bad.write_text("# made on the relay\nk1:not-base64!\n")
    tracking.url_edit.setFocus()
    qtbot.keyClicks(tracking.url_edit, "https://relay.example.com")

    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        choose_key_file(qtbot, monkeypatch, tracking, bad)

    error = tracking.error_label.text()
    assert str(bad) in error and "line 2" in error and "\n" not in error
    assert tracking.error_label.isVisible()
    assert tracking.url_edit.text() == "https://relay.example.com"  # the edit is kept
    assert relay_state(workspace) is None
    assert not workspace.relay_key_path.exists()
    assert tracking.state_label.text() == "No relay: opens and clicks cannot be tracked."


def test_a_url_the_rules_refuse_is_explained_and_kept_for_correction(
    qtbot, monkeypatch, settings, workspace, relay_keys
):
    _keys, key_file = relay_keys
    view = settings()
    tracking = view.tracking
    tracking.url_edit.setFocus()
    qtbot.keyClicks(tracking.url_edit, "http://relay.example.com")
    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        choose_key_file(qtbot, monkeypatch, tracking, key_file)
    assert tracking.error_label.text().startswith("The relay must use https")
    assert tracking.url_edit.text() == "http://relay.example.com"
    assert relay_state(workspace) is None

    # Corrected in place, then saved with the file already chosen.
    tracking.url_edit.setFocus()
    tracking.url_edit.home(False)
    for _ in range(len("http")):
        qtbot.keyClick(tracking.url_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(tracking.url_edit, "https")
    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        click(qtbot, tracking.save_button)
    assert tracking.error_label.text() == "" and not tracking.error_label.isVisible()
    assert relay_state(workspace).url == "https://relay.example.com"


def test_saving_without_a_key_file_says_to_choose_one(qtbot, settings, workspace):
    view = settings()
    tracking = view.tracking
    tracking.url_edit.setFocus()
    qtbot.keyClicks(tracking.url_edit, "https://relay.example.com")
    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        qtbot.keyClick(tracking.url_edit, Qt.Key.Key_Return)
    assert tracking.error_label.text() == "Choose the key file made on the relay (Key file…)."
    assert relay_state(workspace) is None


def relay_now(relay) -> datetime:
    """The relay's own time (naive UTC), read off a probe hit that records nothing."""
    answer = relay.get("/o/k1.probe.probe.gif")
    return datetime.strptime(answer.headers["date"], "%a, %d %b %Y %H:%M:%S GMT")


def sent_message(workspace, relay, number: int, email: str) -> str:
    """A tracked message sent to `email` ten minutes ago (relay time); returns its send id."""
    save_contact(workspace, None, {"email": email}, [])
    with workspace.session() as session:
        campaign = create_campaign(session, f"Launch {number}", new_document())
        enroll(session, campaign, [c for c in list_contacts(session) if c.email == email])
        enrollment = session.query(Enrollment).filter_by(campaign_id=campaign.id).one()
        session.add(OutboxMessage(
            enrollment_id=enrollment.id, node_id="e1",
            message_id=f"<{send_id(number)}@startup.io>", state="sent", to_address=email,
            subject="A demo?", attempts=1, campaign_id=campaign.id,
            created_at=relay_now(relay) - timedelta(minutes=11),
            sent_at=relay_now(relay) - timedelta(minutes=10), track_opens=True, tracked_links=1,
        ))  # fmt: skip
    return send_id(number)


def test_pull_now_records_the_relay_s_hits_and_says_how_many(
    qtbot, settings, workspace, relay, broadcasts
):
    set_relay(workspace, url_of(relay), relay.key_file.read_text(), str(relay.key_file))
    ann = sent_message(workspace, relay, 1, "ann@acme.io")
    bob = sent_message(workspace, relay, 2, "bob@globex.io")
    link = {"k": "c", "s": ann, "l": 0, "u": "https://startup.io/demo"}
    assert relay.get(relay.pixel({"k": "o", "s": ann}), GMAIL_IMAGE_PROXY).status == 200
    assert relay.get(relay.pixel({"k": "o", "s": bob}), APPLE_PRIVACY_PROXY).status == 200
    assert relay.get(f"/c/{make_token(relay.keys, link)}", BROWSER).status == 302
    honeypot = make_token(relay.keys, {"k": "c", "s": bob, "h": 1})
    assert relay.get(f"/c/{honeypot}", BROWSER).status == 200  # only a machine finds it
    view = settings()
    tracking = view.tracking

    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        click(qtbot, tracking.pull_button)
    assert tracking.result_label.text() == (
        "Pulled: 1 open, 1 click, 0 unsubscribes, 1 machine hit, 1 open by Apple's privacy proxy."
    )
    assert any(changes.campaigns for changes in broadcasts)  # the statistics screens reload

    with qtbot.waitSignal(tracking.answered, timeout=10_000):  # nothing is counted twice
        click(qtbot, tracking.pull_button)
    assert tracking.result_label.text() == (
        "Pulled: 0 opens, 0 clicks, 0 unsubscribes, 0 machine hits."
    )


def _question() -> QMessageBox | None:
    shown = QApplication.activeModalWidget()
    return shown if isinstance(shown, QMessageBox) else None


def test_stop_using_the_relay_asks_first_then_forgets_it(qtbot, until, settings, workspace, relay):
    set_relay(workspace, url_of(relay), relay.key_file.read_text(), str(relay.key_file))
    view = settings()
    tracking = view.tracking
    assert tracking.state_label.text() == f"Relay: {url_of(relay)} (signing key k1)"

    click(qtbot, tracking.forget_button)
    until(lambda: _question() is not None)
    box = _question()
    assert url_of(relay) in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # changed their mind
    assert not tracking.busy and relay_state(workspace) is not None

    click(qtbot, tracking.forget_button)
    until(lambda: _question() is not None)
    stop = next(b for b in _question().buttons() if b.text() == "Stop using")
    with qtbot.waitSignal(tracking.answered, timeout=10_000):
        stop.click()
    assert relay_state(workspace) is None
    assert not workspace.relay_key_path.exists()
    assert tracking.state_label.text() == "No relay: opens and clicks cannot be tracked."
    assert tracking.url_edit.text() == ""
    assert not tracking.test_button.isEnabled() and not tracking.forget_button.isEnabled()
