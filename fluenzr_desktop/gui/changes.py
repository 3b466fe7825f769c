"""One signal for "the workspace changed", and `run_op` to run a write that emits it.

Screens never refresh each other by hand: a write runs through `run_op`, and when its
result is (or carries, as `.changes`) an `ops.Changes`, every open screen hears it on
`change_hub().changed` and reloads what it shows. Modelled on Anki's `CollectionOp`:
a failure is shown to the user by default (a message box on the owner), never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..ops import Changes
from .tasks import BackgroundTask, Report, run_in_background


class ChangeHub(QObject):
    """Application-wide: `changed(Changes)` after every write made through `run_op`."""

    changed = Signal(object)


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    """The one hub of this application (created on first use, owned by the QApplication)."""
    global _hub
    app = QCoreApplication.instance()
    if _hub is None or _hub.parent() is not app:
        _hub = ChangeHub(app)
    return _hub


def changes_of(result: object) -> Changes | None:
    """The `Changes` a write returned: the result itself or its `.changes`."""
    if isinstance(result, Changes):
        return result
    carried = getattr(result, "changes", None)
    return carried if isinstance(carried, Changes) else None


def broadcast(changes: Changes | None) -> None:
    """Tell every open screen (on the GUI thread) what moved; nothing when nothing did."""
    if changes:
        change_hub().changed.emit(changes)


def show_failure(owner: QObject, message: str) -> None:
    """The default for a failed operation: one clear message box, never silence."""
    parent = owner if isinstance(owner, QWidget) else None
    QMessageBox.warning(
        parent, QCoreApplication.translate("Operations", "FluenzR Desktop"), message
    )


def run_op(
    owner: QObject,
    work: Callable[[Report], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BackgroundTask:
    """Run a write in a worker; on success broadcast its `Changes`, then call `on_done`.

    Guarantees: the broadcast comes before `on_done` and happens even if `owner` was closed
    meanwhile (other screens still need to reload); a failure reaches `on_failed`, or a
    message box when none is given.
    """

    def failed(message: str) -> None:
        (on_failed or (lambda text: show_failure(owner, text)))(message)

    return run_in_background(
        owner,
        work,
        on_done=on_done,
        on_failed=failed,
        progress=progress,
        settled=lambda result: broadcast(changes_of(result)),
    )
