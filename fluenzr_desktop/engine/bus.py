"""Plain-Python events published by the engine; the GUI re-emits them as Qt signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EngineEvent:
    """One thing the engine did: `kind` (sent, failed, waiting, completed, state, …) and data."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)


class EventBus:
    """Thread-safe publish/subscribe; a failing listener never stops the engine."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[EngineEvent], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[EngineEvent], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[EngineEvent], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, kind: str, **data: Any) -> None:
        event = EngineEvent(kind, data)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a listener's bug must not stop sending
                log.exception("engine event listener failed on %s", kind)
