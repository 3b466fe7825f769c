"""Engine events, published on the engine's threads, re-emitted as Qt signals on the GUI thread.

The engine knows nothing of Qt; this QObject lives on the GUI thread and its signal
is emitted from whichever thread published, so Qt queues delivery to the GUI
thread (Electrum's QtEventListener pattern).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..engine.bus import EngineEvent, EventBus


class EngineBridge(QObject):
    """Turns EventBus events into the `event` signal (an EngineEvent)."""

    # Signal(object): a dict argument would be converted to a QVariantMap and lose types.
    event = Signal(object)

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus
        bus.subscribe(self._forward)

    def _forward(self, engine_event: EngineEvent) -> None:
        self.event.emit(engine_event)

    def detach(self) -> None:
        """Stop listening (before the bus or this object goes away)."""
        self._bus.unsubscribe(self._forward)
