"""Work off the GUI thread: run a function in a worker, get its result back on the GUI thread.

Modelled on Anki's QueryOp/CollectionOp: `run_in_background(parent, work, on_done=...,
on_failed=..., progress=...)`. `work` runs in QThreadPool; it may report progress by
calling the `report(done, total)` callable it receives. Success, failure and progress
are delivered as queued signals, so the callbacks run on the GUI thread.

Two kinds of work: database jobs (reads and every write, `changes.run_op`) share the
global pool, and the application waits for them before the database closes
(`finish_database_jobs`), so no write is ever lost at exit. A read-only job that may
block on the system for seconds (asking the OS which keyring it has: D-Bus lookups that
time out) passes `blocks_on_system=True`: it gets a daemon thread of its own, so it never
holds a pool thread that a contacts or status read is waiting for, and quitting never
waits for it.

Guarantees: the GUI thread never waits for `work`; nothing is delivered to a widget
deleted meanwhile; a FluenzrError raised by `work`
reaches `on_failed` as its one-line message; any other exception is logged with its
traceback and reaches `on_failed` as a short "internal error" line.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..domain.errors import FluenzrError

log = logging.getLogger(__name__)

Report = Callable[[int, int], None]

# Qt's default is one thread per core: two on a small laptop, so two slow reads would stall
# every other read. SQLite releases the GIL while it reads, so a few more threads help.
MIN_POOL_THREADS = 4


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

    def run(self) -> None:  # runs on a pool thread (or a daemon thread of its own)
        try:
            result = self.work(self.signals.progressed.emit)
        except FluenzrError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: keep the traceback for us, one line for the user
            log.exception("background task failed")
            self.signals.failed.emit(f"internal error ({type(error).__name__}: {error})")
        else:
            self.signals.finished.emit(result)

    def run_detached(self) -> None:
        """`run` on a daemon thread: the application may be gone when the answer comes."""
        try:
            self.run()
        except RuntimeError:  # the signals died with the application while the job ran
            log.debug("a system job finished after the application closed")


class BackgroundTask(QObject):
    """One running job: `done` once its result (or failure) has been delivered.

    It is the receiver of the worker's signals (so they arrive queued on the GUI
    thread) and hands them to the callbacks only while their owner still exists.
    """

    def __init__(self, owner: QObject, callbacks: dict[str, Callable[..., None] | None]) -> None:
        # Hung on the application, not on the widget that asked: a view closed while
        # its job runs must not leave the worker emitting from a deleted object.
        super().__init__(QCoreApplication.instance())
        self.owner = owner
        self.callbacks = callbacks
        self.signals = _Signals(self)
        self.done = False
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.progressed.connect(self._progressed)

    def _deliver(self, name: str, *args: object) -> None:
        callback = self.callbacks.get(name)
        if callback is not None and shiboken6.isValid(self.owner):
            callback(*args)

    def _finished(self, result: object) -> None:
        self.done = True
        settled = self.callbacks.get("settled")
        if settled is not None:  # not tied to the owner: other screens still listen
            settled(result)
        self._deliver("done", result)
        self.deleteLater()  # only needed until the result is delivered

    def _failed(self, message: str) -> None:
        self.done = True
        self._deliver("failed", message)
        self.deleteLater()

    def _progressed(self, count: int, total: int) -> None:
        self._deliver("progress", count, total)


def run_in_background(
    owner: QObject,
    work: Callable[[Report], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    settled: Callable[[Any], None] | None = None,
    blocks_on_system: bool = False,
) -> BackgroundTask:
    """Start `work(report)` on the thread pool; callbacks run on the GUI thread.

    A callback is skipped when `owner` has been deleted meanwhile (a closed view), except
    `settled`, which gets a successful result first and always (see `changes.run_op`).
    `blocks_on_system`: a read-only job that may wait seconds on the OS runs on its own
    daemon thread, never delays the pool's database jobs and is not waited for at exit.
    """
    callbacks = {"done": on_done, "failed": on_failed, "progress": progress, "settled": settled}
    task = BackgroundTask(owner, callbacks)
    job = _Job(work, task.signals)
    if blocks_on_system:
        if settled is not None:
            raise ValueError("a write (settled) must run on the pool, which exit waits for")
        threading.Thread(target=job.run_detached, name="fluenzr-system-job", daemon=True).start()
    else:
        database_pool().start(job)
    return task


def database_pool() -> QThreadPool:
    """The pool of database jobs (Qt's global one, with at least MIN_POOL_THREADS threads)."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_POOL_THREADS:
        pool.setMaxThreadCount(MIN_POOL_THREADS)
    return pool


def finish_database_jobs() -> None:
    """Wait for the database jobs started or queued (writes among them): call before closing.

    Jobs that block on the system are not among them: quitting never waits for those.
    """
    database_pool().waitForDone()
