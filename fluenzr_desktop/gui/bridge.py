"""Engine events, published on the engine's threads, re-emitted as Qt signals on the GUI thread.

The engine knows nothing of Qt; these QObjects live on the GUI thread and their signals
are emitted from whichever thread published, so Qt queues delivery to the GUI
thread (Electrum's QtEventListener pattern).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from ..engine.bus import EventBus
from ..engine.events import EngineEvent, EventKind
from ..ops import Changes
from .changes import broadcast

# What the engine's work changes: the screens of campaigns, their contacts and the outbox.
ENGINE_CHANGES = Changes(campaigns=True, enrollments=True, outbox=True)
# At most one broadcast per this many milliseconds: a burst of sends is one reload.
THROTTLE_MS = 1000


class EngineBridge(QObject):
    """Turns EventBus events of the given kinds into the `event` signal (an EngineEvent)."""

    # Signal(object): a dict argument would be converted to a QVariantMap and lose types.
    event = Signal(object)

    def __init__(
        self,
        bus: EventBus,
        kinds: Iterable[EventKind] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        # Only the kinds the window shows: the engine also publishes one event per
        # contact and step, which would queue thousands of signals on the GUI thread.
        self._kinds = None if kinds is None else frozenset(kinds)
        bus.subscribe(self._forward)

    def _forward(self, engine_event: EngineEvent) -> None:
        if self._kinds is None or engine_event.kind in self._kinds:
            self.event.emit(engine_event)

    def detach(self) -> None:
        """Stop listening (before the bus or this object goes away)."""
        self._bus.unsubscribe(self._forward)


class EngineChangeRelay(QObject):
    """Broadcasts `ENGINE_CHANGES` on the change hub after engine events that changed data.

    Throttled: the first such event is broadcast at once, those that follow within
    `interval_ms` make one more broadcast at its end. At most one signal is queued
    on the GUI thread at a time, however many contacts the engine moves.
    """

    _poked = Signal()

    def __init__(
        self, bus: EventBus, parent: QObject | None = None, interval_ms: int = THROTTLE_MS
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._interval_ms = interval_ms
        self._lock = threading.Lock()
        self._pending = False  # a poke is queued or a broadcast is scheduled
        self._since_last = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self._poked.connect(self._schedule)
        bus.subscribe(self._on_event)

    def _on_event(self, engine_event: EngineEvent) -> None:
        """On the engine's thread: one poke for any number of events until the broadcast."""
        if not engine_event.changes_data():
            return
        with self._lock:
            if self._pending:
                return
            self._pending = True
        self._poked.emit()

    def _schedule(self) -> None:
        """On the GUI thread: broadcast now, or when the interval since the last one ends."""
        if self._timer.isActive():
            return
        remaining = (
            self._interval_ms - self._since_last.elapsed() if self._since_last.isValid() else 0
        )
        if remaining > 0:
            self._timer.start(remaining)
        else:
            self._flush()

    def _flush(self) -> None:
        with self._lock:
            self._pending = False
        self._since_last.start()
        broadcast(ENGINE_CHANGES)

    def detach(self) -> None:
        """Stop listening and drop a scheduled broadcast."""
        self._bus.unsubscribe(self._on_event)
        self._timer.stop()
