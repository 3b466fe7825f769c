"""Autosave for the campaign screen: every edit is stored shortly after it is made.

Like a word processor: an edit (on the canvas, in the settings form) schedules a save
~800 ms later, and further edits push it back. Each part of the document (the sequence,
the settings) is saved on its own through `run_op`; nothing is reloaded from the
database, so the canvas keeps its undo history. `flush()` starts the pending saves now
(the screen is hidden, a verb needs the stored document); `flush_now()` stores them
before returning (the window closes: a small write, once).

Saves of one screen hold one lock while they write, and each part remembers the newest
edit stored: a save that finishes late never overwrites a newer one, and the sequence
and the settings never interleave their read-modify-write of the document.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.errors import FluenzrError
from ..changes import broadcast, changes_of, run_op

log = logging.getLogger(__name__)

DELAY_MS = 800  # quiet time after the last edit before saving (a typist's pause)

SAVING, SAVED, FAILED = "saving", "saved", "failed"


@dataclass
class _Part:
    """One part of the document with its own editor and its own save."""

    snapshot: Callable[[], Any]  # the value to store now (GUI thread); None: nothing may be
    write: Callable[[Any], Any]  # stores a snapshot (a worker; the GUI thread at close)
    on_saved: Callable[[Any], None]  # the write's result, on the GUI thread
    edit: int = 0  # number of the latest edit
    submitted: int = 0  # number of the latest edit handed to a save
    stored: int = 0  # number of the newest edit stored (changed under the lock)


class Autosaver(QObject):
    """Debounced, ordered saves of a screen's parts; says "saving" / "saved" / "failed"."""

    state_changed = Signal(str, str)  # SAVING, SAVED or FAILED; the failure's message

    def __init__(self, owner: QObject, delay_ms: int = DELAY_MS) -> None:
        super().__init__(owner)
        self.owner = owner
        self.parts: dict[str, _Part] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        self._lock = threading.Lock()
        self._running = 0
        self._after: list[Callable[[], None]] = []

    def add_part(
        self,
        name: str,
        snapshot: Callable[[], Any],
        write: Callable[[Any], Any],
        on_saved: Callable[[Any], None],
    ) -> None:
        """Save part `name`: `write(snapshot())` after its edits, then `on_saved(result)`."""
        self.parts[name] = _Part(snapshot, write, on_saved)

    def edited(self, name: str) -> None:
        """Part `name` changed: save it once the user pauses."""
        self.parts[name].edit += 1
        self.state_changed.emit(SAVING, "")
        self.timer.start()

    def pending(self) -> bool:
        """Whether some edit is not stored yet (waiting for the pause, or being written)."""
        return self._running > 0 or any(p.edit > p.submitted for p in self.parts.values())

    def writing(self) -> bool:
        """Whether a save is being written now (its broadcast is this screen's own)."""
        return self._running > 0

    def flush(self, then: Callable[[], None] | None = None) -> None:
        """Start the pending saves now; `then` runs once every edit is stored (not on failure)."""
        self.timer.stop()
        if then is not None:
            self._after.append(then)
        for part in self.parts.values():
            if part.edit > part.submitted:
                self._start(part)
        self._settle()

    def flush_now(self) -> bool:
        """Store every pending edit before returning (closing); False if one failed."""
        self.timer.stop()
        stored = True
        for part in self.parts.values():
            if part.edit <= part.stored:
                continue
            number, value = part.edit, part.snapshot()
            part.submitted = number
            if value is None:
                continue
            try:
                result = self._write(part, number, value)
            except FluenzrError as error:
                log.warning("the campaign's last edits could not be saved: %s", error)
                self.state_changed.emit(FAILED, str(error))
                stored = False
                continue
            if result is not None:
                broadcast(changes_of(result))
                part.on_saved(result)
        if stored:
            self.state_changed.emit(SAVED, "")
        return stored

    # -- inside --------------------------------------------------------------------------------

    def _start(self, part: _Part) -> None:
        number, value = part.edit, part.snapshot()
        part.submitted = number
        if value is None:  # this part may not be stored now (its editor says why)
            return
        self._running += 1
        self.state_changed.emit(SAVING, "")
        run_op(
            self.owner,
            lambda _report: self._write(part, number, value),
            on_done=lambda result: self._saved(part, result),
            on_failed=lambda message: self._failed(part, message),
        )

    def _write(self, part: _Part, number: int, value: Any) -> Any:
        """Store edit `number` unless a newer one already is (None then)."""
        with self._lock:
            if number <= part.stored:
                return None
            result = part.write(value)
            part.stored = number
            return result

    def _saved(self, part: _Part, result: Any) -> None:
        self._running -= 1
        if result is not None:
            part.on_saved(result)
        self._settle()

    def _failed(self, part: _Part, message: str) -> None:
        self._running -= 1
        # Still unsaved: the next edit, hide or close tries again.
        part.submitted = min(part.submitted, part.stored)
        self._after.clear()  # what waited for the save must not act on the old document
        self.state_changed.emit(FAILED, message)

    def _settle(self) -> None:
        if self.pending():
            return
        self.state_changed.emit(SAVED, "")
        after, self._after = self._after, []
        for then in after:
            then()
