"""Background work: results, errors and progress come back on the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QWidget

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.gui.tasks import run_in_background


def test_result_and_progress_arrive_on_the_gui_thread_without_blocking_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict = {"progress": [], "threads": set()}

    def work(report):
        seen["worker"] = threading.current_thread()
        for step in range(3):
            time.sleep(0.05)
            report(step + 1, 3)
        return 42

    def on_progress(done, total):
        seen["progress"].append((done, total))
        seen["threads"].add(threading.current_thread())

    started = time.monotonic()
    task = run_in_background(parent, work, on_done=lambda r: seen.update(result=r),
                             progress=on_progress)  # fmt: skip
    assert time.monotonic() - started < 0.05  # the caller did not wait
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert seen["result"] == 42
    assert seen["progress"] == [(1, 3), (2, 3), (3, 3)]
    assert seen["threads"] == {threading.main_thread()}
    assert seen["worker"] is not threading.main_thread()


def test_user_errors_and_bugs_reach_on_failed_as_one_line(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []

    def refuse(_report):
        raise FluenzrError("contacts.csv line 3: no email column")

    def crash(_report):
        raise KeyError("boom")

    for work in (refuse, crash):
        task = run_in_background(parent, work, on_failed=messages.append)
        qtbot.waitUntil(lambda task=task: task.done, timeout=5000)
    assert messages[0] == "contacts.csv line 3: no email column"
    assert messages[1].startswith("internal error (KeyError")
    assert all("\n" not in message for message in messages)


def test_nothing_is_delivered_to_a_widget_deleted_while_its_work_runs(qtbot):
    import shiboken6

    owner = QWidget()
    delivered: list = []

    def slow(_report):
        time.sleep(0.1)
        return "late"

    task = run_in_background(owner, slow, on_done=delivered.append)
    shiboken6.delete(owner)  # the view is closed while the work runs
    qtbot.waitUntil(lambda: task.done, timeout=5000)
    assert delivered == []


def test_a_job_blocked_on_the_system_delays_no_database_read_and_no_exit(qtbot):
    from fluenzr_desktop.gui.tasks import database_pool, finish_database_jobs

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    answers: list = []
    # More keyring-like lookups than the pool has threads, all stuck on D-Bus.
    stuck = [
        run_in_background(
            parent,
            lambda _report: release.wait(60) and "keyring",
            on_done=answers.append,
            blocks_on_system=True,
        )
        for _ in range(database_pool().maxThreadCount() + 1)
    ]
    try:
        reads = [run_in_background(parent, lambda _report, n=n: n) for n in range(8)]
        qtbot.waitUntil(lambda: all(read.done for read in reads), timeout=10_000)
        finish_database_jobs()  # what quitting waits for: it returns while they are stuck
        assert not any(job.done for job in stuck)
    finally:
        release.set()
    qtbot.waitUntil(lambda: all(job.done for job in stuck), timeout=10_000)
    assert answers == ["keyring"] * len(stuck)


def test_quitting_waits_for_a_write_in_flight_but_not_for_a_stuck_system_read(tmp_path):
    import subprocess
    import sys

    script = """
import sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from fluenzr_desktop.gui.app import close_after_writes
from fluenzr_desktop.gui.changes import run_op
from fluenzr_desktop.gui.tasks import run_in_background
from fluenzr_desktop.ops.settings import set_setting
from fluenzr_desktop.workspace import open_workspace

app = QApplication([])
workspace = open_workspace(sys.argv[1])
never = threading.Event()
run_in_background(app, lambda _report: never.wait(), blocks_on_system=True)  # a D-Bus lookup
started = threading.Event()

def slow_write(_report):
    started.set()
    time.sleep(0.3)
    return set_setting(workspace, "plan_daily_cap", "77")

run_op(app, slow_write, on_failed=print)
started.wait(10)
QTimer.singleShot(0, app.quit)  # Ctrl+Q while both run
app.exec()
close_after_writes(workspace)
print("closed", flush=True)
"""
    folder = tmp_path / "ws"
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout
    from fluenzr_desktop.ops.settings import get_setting
    from fluenzr_desktop.workspace import open_workspace

    with open_workspace(folder) as workspace:
        assert get_setting(workspace, "plan_daily_cap") == 77
