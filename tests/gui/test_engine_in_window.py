"""The engine runs as a background thread of the window; its events reach the GUI thread."""

from __future__ import annotations

import threading

from fluenzr_desktop.gui.main_window import WINDOW_EVENTS, MainWindow
from tests.engine.conftest import email, linear, make_world  # noqa: F401
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import smtp_certificate, smtp_server_factory  # noqa: F401


def test_engine_sends_in_the_background_and_the_status_bar_follows(qtbot, make_world):  # noqa: F811
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(linear(email("Hello {{firstName}}")))
    service = world.service
    service.tick_seconds = 0.2
    received_on: list[threading.Thread] = []

    window = MainWindow(world.workspace, service)
    qtbot.addWidget(window)
    kinds: list[str] = []
    window.bridge.event.connect(lambda _event: received_on.append(threading.current_thread()))
    window.bridge.event.connect(lambda event: kinds.append(event.kind))
    assert "2 / 50" not in window.sent_label.text()
    service.start()
    window.refresh_status()
    assert window.engine_label.text() == "Engine: running"

    qtbot.waitUntil(lambda: len(world.server.messages) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: window.sent_label.text() == "Sent today: 2 / 50", timeout=10_000)
    # Events published on the scheduler's thread were delivered on the GUI thread.
    assert received_on and set(received_on) == {threading.main_thread()}
    # Only what the window shows crosses to the GUI thread, never one event per contact.
    assert "tick" in kinds and set(kinds) <= WINDOW_EVENTS

    window.close()
    assert not service.running
    assert window.engine_label.text() in ("Engine: running", "Engine: stopped")


def test_window_without_engine_says_so(qtbot, workspace):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.engine_label.text() == "Engine: off"
    assert window.next_label.text() == "Next send: none scheduled"
