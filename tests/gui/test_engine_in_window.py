"""The engine runs as a background thread of the window; its events reach the GUI thread."""

from __future__ import annotations

import threading

from fluenzr_desktop.gui.main_window import WINDOW_EVENTS, MainWindow
from tests.engine.conftest import email, linear, make_world  # noqa: F401
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import smtp_certificate, smtp_server_factory  # noqa: F401


def test_engine_sends_in_the_background_and_the_status_bar_follows(
    qtbot,
    make_world,  # noqa: F811
    main_window,
):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(linear(email("Hello {{firstName}}")))
    service = world.service
    service.tick_seconds = 0.2
    received_on: list[threading.Thread] = []

    window = main_window(service)
    kinds: list[str] = []
    window.bridge.event.connect(lambda _event: received_on.append(threading.current_thread()))
    window.bridge.event.connect(lambda event: kinds.append(event.kind))
    assert "2 / 50" not in window.sent_label.text()
    service.start()
    window.refresh_status()
    assert window.engine_label.text() == "Engine: running"

    qtbot.waitUntil(lambda: len(world.server.messages) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "tick" in kinds, timeout=10_000)
    qtbot.waitUntil(lambda: window.sent_label.text() == "Sent today: 2 / 50", timeout=10_000)
    # Events published on the scheduler's thread were delivered on the GUI thread.
    assert received_on and set(received_on) == {threading.main_thread()}
    # Only what the window shows crosses to the GUI thread, never one event per contact.
    assert "tick" in kinds and set(kinds) <= WINDOW_EVENTS

    window.close()
    assert not service.running
    assert window.engine_label.text() in ("Engine: running", "Engine: stopped")


def test_window_without_engine_says_so(qtbot, workspace):
    # Built by hand: `main_window` spins the event loop, and the first status read would pass unseen.
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.engine_label.text() == "Engine: off"
    qtbot.waitSignal(window.status_shown, timeout=5000).wait()  # read in a worker
    assert window.next_label.text() == "Next send: none scheduled"


def test_the_window_does_not_start_a_second_engine(
    qtbot,
    make_world,  # noqa: F811
    processes,
    main_window,
):
    import subprocess

    from PySide6.QtWidgets import QApplication

    from fluenzr_desktop.gui.app import start_engine
    from tests.fixtures.processes import fluenzr_command

    world = make_world()
    root = world.workspace.root
    running = processes.popen(fluenzr_command("engine", "run", "--workspace", str(root)),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    # The engine holds the lock once it has said its first word (the lock file has its PID).
    lock = root / "engine.lock"

    def holding() -> bool:
        assert running.poll() is None, running.communicate()[1]
        return lock.exists() and str(running.pid) in lock.read_text()

    qtbot.waitUntil(holding, timeout=30_000)

    engine, elsewhere = start_engine(QApplication.instance(), world.workspace)

    assert engine is None
    assert elsewhere == f"fluenzr engine run (PID {running.pid})"
    window = main_window(engine, engine_elsewhere=elsewhere)
    assert window.engine_label.text() == "Sending is handled by another FluenzR process"
    assert window.engine_label.toolTip() == elsewhere


def test_engine_run_is_refused_while_the_window_sends(qtbot, make_world):  # noqa: F811
    import os
    import subprocess

    from PySide6.QtWidgets import QApplication

    from fluenzr_desktop.gui.app import start_engine
    from tests.fixtures.processes import fluenzr_command

    world = make_world()
    engine, elsewhere = start_engine(QApplication.instance(), world.workspace)
    try:
        assert engine is not None and elsewhere is None
        second = subprocess.run(
            fluenzr_command("engine", "run", "--once", "--workspace", str(world.workspace.root)),
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        engine.stop()
    assert second.returncode == 1
    assert second.stderr.strip() == (
        "fluenzr: error: sending is handled by another FluenzR process: "
        f"the FluenzR Desktop window (PID {os.getpid()})"
    )
