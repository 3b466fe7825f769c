"""The engine's publish/subscribe: typed events (engine.events) to plain-Python listeners.

The GUI re-emits them as Qt signals (gui/bridge.py); `fluenzr engine run` prints them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from .events import EngineEvent

log = logging.getLogger(__name__)

# Called on the publisher's thread (the engine's): keep it short, never block.
Listener = Callable[[EngineEvent], None]


class EventBus:
    """Thread-safe publish/subscribe; a failing listener never stops the engine."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` with every event published from now on."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        """Stop calling `listener` (no error when it was not subscribed)."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, event: EngineEvent) -> None:
        """Hand `event` to every listener, on this thread."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a listener's bug must not stop sending
                log.exception("engine event listener failed on %s", event.kind)
