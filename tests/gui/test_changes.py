"""run_op: a write's Changes reach every open screen; a failure is shown, never dropped."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.gui.changes import change_hub, run_op
from fluenzr_desktop.ops import Changes


def test_a_write_broadcasts_its_changes_to_other_screens(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    heard: list[Changes] = []
    change_hub().changed.connect(heard.append)
    done: list[object] = []
    with qtbot.waitSignal(change_hub().changed, timeout=5000):
        run_op(owner, lambda _report: Changes(contacts=True), on_done=done.append)
    assert heard == [Changes(contacts=True)]
    qtbot.waitUntil(lambda: done == [Changes(contacts=True)], timeout=5000)


def test_the_broadcast_still_happens_when_the_asking_screen_closed(qtbot):
    owner = QWidget()
    done: list[object] = []
    with qtbot.waitSignal(change_hub().changed, timeout=5000) as blocker:
        run_op(owner, lambda _report: Changes(campaigns=True), on_done=done.append)
        shiboken6.delete(owner)  # closed before the result comes back
    assert blocker.args == [Changes(campaigns=True)]
    assert done == []  # the closed screen is not called back


def test_a_read_that_changes_nothing_broadcasts_nothing(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    heard: list[object] = []
    change_hub().changed.connect(heard.append)
    done: list[object] = []
    run_op(owner, lambda _report: 42, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)
    assert heard == []


def test_a_failure_is_shown_by_default(qtbot, monkeypatch):
    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))

    def fail(_report):
        raise FluenzrError("the account 7 does not exist")

    run_op(owner, fail)
    qtbot.waitUntil(lambda: shown == ["the account 7 does not exist"], timeout=5000)
