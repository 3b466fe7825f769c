"""Work off the GUI thread: run a function in a worker, get its result back on the GUI thread.

Modelled on Anki's QueryOp/CollectionOp: `run_in_background(parent, work, on_done=...,
on_failed=..., progress=...)`. `work` runs in QThreadPool; it may report progress by
calling the `report(done, total)` callable it receives. Success, failure and progress
are delivered as queued signals, so the callbacks run on the GUI thread.

Guarantees: the GUI thread never waits for `work`; a FluenzrError raised by `work`
reaches `on_failed` as its one-line message; any other exception is logged with its
traceback and reaches `on_failed` as a short "internal error" line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..domain.errors import FluenzrError

log = logging.getLogger(__name__)

Report = Callable[[int, int], None]


class _Signals(QObject):
    # Signal(object): results are arbitrary Python objects (see DESIGN.md).
    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.work(self.signals.progressed.emit)
        except FluenzrError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: keep the traceback for us, one line for the user
            log.exception("background task failed")
            self.signals.failed.emit(f"internal error ({type(error).__name__}: {error})")
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """One running job; keeps its signals alive until it ends."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.signals = _Signals(self)
        self.done = False
        self.signals.finished.connect(self._end)
        self.signals.failed.connect(self._end)

    def _end(self, *_args: object) -> None:
        self.done = True


def run_in_background(
    parent: QObject,
    work: Callable[[Report], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackgroundTask:
    """Start `work(report)` on the thread pool; callbacks run on the GUI thread."""
    task = BackgroundTask(parent)
    if on_done is not None:
        task.signals.finished.connect(on_done)
    if on_failed is not None:
        task.signals.failed.connect(on_failed)
    if progress is not None:
        task.signals.progressed.connect(progress)
    QThreadPool.globalInstance().start(_Job(work, task.signals))
    return task
