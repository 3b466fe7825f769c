"""The Settings page as a user drives it: current values, refusals beside the field, saves."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt

from fluenzr_desktop.gui.changes import change_hub
from fluenzr_desktop.gui.settings_view import SettingsView
from fluenzr_desktop.ops.settings import campaign_defaults, get_setting, interface_language
from fluenzr_desktop.store.settings import set_setting
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401


@pytest.fixture
def view(qtbot, workspace, memory_keyring):  # noqa: F811
    with workspace.session() as session:
        set_setting(session, "plan_daily_cap", "80")
        set_setting(session, "campaign_days", "mon,wed")
    settings = SettingsView(workspace)
    qtbot.addWidget(settings)
    settings.resize(900, 700)
    settings.show()
    qtbot.waitUntil(lambda: settings.cap_edit.text() == "80", timeout=5000)
    return settings


def saved(qtbot, view, key):
    """Wait until this setting (not another one) has been stored."""
    return qtbot.waitSignal(view.setting_saved, timeout=5000, check_params_cb=lambda k: k == key)


def retype(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_the_form_shows_the_stored_values_and_where_things_live(qtbot, view, workspace):
    assert view.cap_edit.text() == "80"
    assert view.language_combo.currentText() == "System"
    assert view.timezone_combo.currentText() == "Europe/Paris"
    assert [day for day, box in view.day_boxes.items() if box.isChecked()] == ["mon", "wed"]
    assert view.start_edit.time().toString("HH:mm") == "09:00"
    assert view.end_edit.time().toString("HH:mm") == "18:00"
    assert view.folder_label.text() == str(workspace.root)
    qtbot.waitUntil(lambda: "keyring" in view.passwords_label.text(), timeout=5000)


def test_without_an_os_keyring_the_encrypted_file_is_named(qtbot, workspace, memory_keyring):  # noqa: F811
    keyring.set_keyring(fail.Keyring())  # restored by the memory_keyring fixture
    settings = SettingsView(workspace)
    qtbot.addWidget(settings)
    qtbot.waitUntil(lambda: "secrets.cfg" in settings.passwords_label.text(), timeout=5000)
    assert "encrypted file" in settings.passwords_label.text()


def test_a_refused_cap_is_explained_beside_the_field_and_nothing_is_stored(qtbot, view, workspace):
    with qtbot.waitSignal(view.setting_refused, timeout=5000):
        retype(qtbot, view.cap_edit, "-1")
        qtbot.keyClick(view.cap_edit, Qt.Key.Key_Return)
    error = view.errors["plan_daily_cap"]
    assert error.text() == "Enter a whole number, 0 or more."
    assert "\n" not in error.text()
    assert get_setting(workspace, "plan_daily_cap") == 80

    with qtbot.waitSignal(view.setting_refused, timeout=5000):  # refused again, not ignored
        retype(qtbot, view.cap_edit, "fifty")
        qtbot.keyClick(view.cap_edit, Qt.Key.Key_Return)
    assert error.text() == "Enter a whole number, 0 or more."
    assert get_setting(workspace, "plan_daily_cap") == 80


def test_a_valid_cap_is_stored_and_broadcast(qtbot, view, workspace):
    with (
        qtbot.waitSignal(change_hub().changed, timeout=5000) as broadcast,
        qtbot.waitSignal(view.setting_saved, timeout=5000),
    ):
        retype(qtbot, view.cap_edit, "120")
        qtbot.keyClick(view.cap_edit, Qt.Key.Key_Return)
    assert broadcast.args[0].settings
    assert get_setting(workspace, "plan_daily_cap") == 120
    assert view.errors["plan_daily_cap"].text() == ""


def test_the_language_choice_is_stored_for_the_next_start(qtbot, view, workspace):
    combo = view.language_combo
    with qtbot.waitSignal(view.setting_saved, timeout=5000):
        qtbot.keyClicks(combo, "Fr")  # a keyboard user types the first letters
    assert combo.currentText() == "Français"
    assert interface_language(workspace) == "fr"


def test_new_campaign_defaults_are_checked_by_the_campaign_rules_and_stored(qtbot, view, workspace):
    zone = view.timezone_combo
    with qtbot.waitSignal(view.setting_refused, timeout=5000):
        retype(qtbot, zone.lineEdit(), "Mars/Olympus")
        qtbot.keyClick(zone.lineEdit(), Qt.Key.Key_Return)
    assert "Mars/Olympus" in view.errors["campaign_timezone"].text()
    assert get_setting(workspace, "campaign_timezone") == "Europe/Paris"

    with saved(qtbot, view, "campaign_timezone"):
        retype(qtbot, zone.lineEdit(), "America/New_York")
        qtbot.keyClick(zone.lineEdit(), Qt.Key.Key_Return)
    assert view.errors["campaign_timezone"].text() == ""

    with saved(qtbot, view, "campaign_days"):
        qtbot.mouseClick(view.day_boxes["fri"], Qt.MouseButton.LeftButton)
    assert get_setting(workspace, "campaign_days") == "mon,wed,fri"
    for day in ("mon", "wed"):
        with saved(qtbot, view, "campaign_days"):
            qtbot.mouseClick(view.day_boxes[day], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.setting_refused, timeout=5000):
        qtbot.mouseClick(view.day_boxes["fri"], Qt.MouseButton.LeftButton)
    assert view.errors["campaign_days"].text() == "choose at least one sending day"
    assert campaign_defaults(workspace) == {
        "timezone": "America/New_York",
        "window": {"days": ["fri"], "start": "09:00", "end": "18:00"},
    }


def test_a_keyring_lookup_stuck_on_d_bus_delays_no_other_read(qtbot, workspace, monkeypatch):
    import threading

    from PySide6.QtCore import QThreadPool

    import fluenzr_desktop.gui.settings_view as settings_module
    from fluenzr_desktop.ops import Changes

    release = threading.Event()

    def stuck_on_d_bus(_workspace):
        release.wait(60)
        raise RuntimeError("D-Bus timed out")

    monkeypatch.setattr(settings_module, "password_storage", stuck_on_d_bus)
    try:
        # As many Settings screens as the pool has threads: each asks for the keyring.
        views = [
            SettingsView(workspace) for _ in range(QThreadPool.globalInstance().maxThreadCount())
        ]
        for settings in views:
            qtbot.addWidget(settings)
        with workspace.session() as session:
            set_setting(session, "plan_daily_cap", "65")
        change_hub().changed.emit(Changes(settings=True))
        # The settings are read again at once, while every keyring lookup still waits.
        qtbot.waitUntil(lambda: all(v.cap_edit.text() == "65" for v in views), timeout=10_000)
        assert all(v.passwords_label.text() == "Looking…" for v in views)
    finally:
        release.set()
    qtbot.waitUntil(
        lambda: all("first needed" in v.passwords_label.text() for v in views), timeout=10_000
    )
