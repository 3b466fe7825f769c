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
