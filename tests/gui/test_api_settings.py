"""The Settings page's Local API group, driven as a user does: the switch starts a real server
answering with the token on its port, regenerating the token stops the old one, switching
off frees the port; a port in use is said in one line; on Free the plan's line shows; the
window serves the API from its opening when it is switched on, and stops it on close."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from fluenzr_desktop.gui.settings_view import SettingsView
from fluenzr_desktop.ops.api_access import api_settings, api_token, save_api_settings
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401


@pytest.fixture
def settings(qtbot, until, workspace, memory_keyring):  # noqa: F811
    """Opens the Settings page, once its Local API group has read the switch and the plan."""

    def make() -> SettingsView:
        view = SettingsView(workspace)
        qtbot.addWidget(view)
        view.resize(1000, 800)
        view.show()
        qtbot.waitExposed(view)
        until(lambda: view.api.settings is not None)
        return view

    yield make


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nothing_listens(port: int) -> bool:
    """No server answers on the port any more (a connection is refused)."""
    with socket.socket() as client:
        return client.connect_ex(("127.0.0.1", port)) != 0


def answer_status(port: int, token: str) -> int:
    """The HTTP status of GET /v1/contacts with this bearer token."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/contacts", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            json.load(answer)
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def switch(qtbot, api) -> None:
    assert api.enabled_box.isEnabled()
    qtbot.mouseClick(
        api.enabled_box, Qt.MouseButton.LeftButton, pos=QPoint(8, api.enabled_box.height() // 2)
    )


def set_port(qtbot, api, port: int) -> None:
    api.port_spin.setFocus()
    api.port_spin.selectAll()
    qtbot.keyClicks(api.port_spin, str(port))
    qtbot.keyClick(api.port_spin, Qt.Key.Key_Return)


def test_the_switch_serves_the_api_with_its_token_and_switching_off_frees_the_port(
    qtbot, until, pro_workspace, settings, workspace
):
    port = free_port()
    api = settings().api
    assert not api.gate_line.isVisible()
    assert api.state_label.text() == "Off"
    assert api.token_edit.text() == ""  # hidden until asked for
    set_port(qtbot, api, port)
    until(lambda: api_settings(workspace).port == port)

    switch(qtbot, api)
    # Not the first server_changed: saving the port may already have announced "Off".
    qtbot.waitUntil(
        lambda: api.state_label.text() == f"Running at http://127.0.0.1:{port}", timeout=20_000
    )
    assert api_settings(workspace).enabled
    old_token = api_token(workspace)
    assert answer_status(port, old_token) == 200
    assert answer_status(port, "not-the-token") == 401

    with qtbot.waitSignal(api.answered, timeout=10_000):
        qtbot.mouseClick(api.show_button, Qt.MouseButton.LeftButton)
    assert api.token_edit.text() == old_token and api.show_button.text() == "Hide"

    box = api.ask_regenerate()
    assert "old one stops working" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # changed their mind: nothing runs
    assert api.show_button.isEnabled() and api_token(workspace) == old_token
    box = api.ask_regenerate()
    with qtbot.waitSignal(api.answered, timeout=10_000):
        [regenerate] = [b for b in box.buttons() if b.text() == "Regenerate"]
        regenerate.click()
    new_token = api.token_edit.text()
    assert new_token != old_token and new_token == api_token(workspace)
    assert answer_status(port, old_token) == 401
    assert answer_status(port, new_token) == 200

    switch(qtbot, api)
    qtbot.waitUntil(lambda: api.state_label.text() == "Off", timeout=20_000)
    assert nothing_listens(port)
    assert not api_settings(workspace).enabled


def test_a_port_in_use_is_said_in_one_line(qtbot, pro_workspace, settings, workspace):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        save_api_settings(workspace, enabled=False, port=port)
        api = settings().api
        switch(qtbot, api)
        qtbot.waitUntil(
            lambda: api.state_label.text().startswith("The API could not start: "),
            timeout=20_000,
        )
        shown = api.state_label.text()
        assert str(port) in shown
        assert "\n" not in shown and "Traceback" not in shown
        assert not api.running


def test_on_the_free_plan_the_api_needs_pro(settings):
    api = settings().api
    assert api.gate_line.isVisible()
    assert api.gate_line.badge.text() == "Pro"
    assert api.gate_line.text.text() == "The API needs the Pro plan"
    assert not api.enabled_box.isEnabled() and not api.enabled_box.isChecked()


def test_the_window_serves_the_api_from_its_opening_and_stops_it_on_close(
    qtbot,
    until,
    pro_workspace,
    main_window,
    workspace,
    memory_keyring,  # noqa: F811
):
    port = free_port()
    save_api_settings(workspace, enabled=True, port=port)
    window = main_window()
    api = window.settings_view.api
    until(lambda: api.running)
    assert answer_status(port, api_token(workspace)) == 200

    window.close()
    assert nothing_listens(port)
