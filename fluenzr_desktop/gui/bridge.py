"""Engine events, published on the engine's threads, re-emitted as Qt signals on the GUI thread.

The engine knows nothing of Qt; this QObject lives on the GUI thread and its signal
is emitted from whichever thread published, so Qt queues delivery to the GUI
thread (Electrum's QtEventListener pattern).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from ..engine.bus import EngineEvent, EventBus


class EngineBridge(QObject):
    """Turns EventBus events into the `event` signal (an EngineEvent)."""

    # Signal(object): a dict argument would be converted to a QVariantMap and lose types.
    event = Signal(object)

    def __init__(
        self, bus: EventBus, kinds: Iterable[str] | None = None, parent: QObject | None = None
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
