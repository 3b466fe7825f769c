"""The canvas's keyboard shortcuts, in one table: the editor's actions and the Help menu read it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

# Arrow keys move the selected nodes by one grid step (with Shift: NUDGE_FAR steps).
NUDGE_KEYS: dict[Qt.Key, tuple[int, int]] = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
NUDGE_FAR = 5


def _keys(*sequences: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Key sequences, each standard key expanded to this platform's bindings, each once."""
    found: list[QKeySequence] = []
    for sequence in sequences:
        bindings = (
            QKeySequence.keyBindings(sequence)
            if isinstance(sequence, QKeySequence.StandardKey)
            else [QKeySequence(sequence)]
        )
        found += [keys for keys in bindings if not keys.isEmpty() and keys not in found]
    return found


def shortcut_table() -> dict[str, tuple[str, list[QKeySequence]]]:
    """Action name → (what it does, its keys), in the order the Help menu lists them."""

    # Spelt out in each call: lupdate reads only literal arguments.
    return {
        "insert:email": (
            QCoreApplication.translate(
                "SequenceCanvas", "Insert an Email step after the selection"
            ),
            _keys("E"),
        ),
        "insert:delay": (
            QCoreApplication.translate("SequenceCanvas", "Insert a Delay step after the selection"),
            _keys("D"),
        ),
        "insert:condition": (
            QCoreApplication.translate(
                "SequenceCanvas", "Insert a Condition step after the selection"
            ),
            _keys("C"),
        ),
        "delete": (
            QCoreApplication.translate("SequenceCanvas", "Delete the selection"),
            _keys(QKeySequence.StandardKey.Delete),
        ),
        "undo": (
            QCoreApplication.translate("SequenceCanvas", "Undo"),
            _keys(QKeySequence.StandardKey.Undo),
        ),
        "redo": (
            QCoreApplication.translate("SequenceCanvas", "Redo"),
            _keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
        ),
        "copy": (
            QCoreApplication.translate("SequenceCanvas", "Copy"),
            _keys(QKeySequence.StandardKey.Copy),
        ),
        "paste": (
            QCoreApplication.translate("SequenceCanvas", "Paste"),
            _keys(QKeySequence.StandardKey.Paste),
        ),
        "duplicate": (QCoreApplication.translate("SequenceCanvas", "Duplicate"), _keys("Ctrl+D")),
        "fit": (
            QCoreApplication.translate("SequenceCanvas", "Show the whole sequence"),
            _keys("F", "Ctrl+0"),
        ),
        "layout": (
            QCoreApplication.translate("SequenceCanvas", "Arrange the sequence from top to bottom"),
            _keys("L"),
        ),
        "nudge": (
            QCoreApplication.translate(
                "SequenceCanvas", "Nudge the selection (with Shift: five times further)"
            ),
            [QKeySequence(key) for key in NUDGE_KEYS],
        ),
        "zoom_in": (
            QCoreApplication.translate("SequenceCanvas", "Zoom in"),
            _keys(QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
        ),
        "zoom_out": (
            QCoreApplication.translate("SequenceCanvas", "Zoom out"),
            _keys(QKeySequence.StandardKey.ZoomOut),
        ),
    }


def shortcut_text(keys: list[QKeySequence]) -> str:
    """Keys as the user reads them ("Ctrl+Z", "F, Ctrl+0")."""
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def canvas_shortcuts() -> list[tuple[str, str]]:
    """(what it does, keys) for every canvas shortcut, for the Help menu."""
    return [(text, shortcut_text(keys)) for text, keys in shortcut_table().values()]


def apply_shortcut(action: QAction, name: str, tip: str | None = None) -> QAction:
    """Give an action the table's keys and a tooltip that names them ("Fit (F, Ctrl+0)")."""
    text, keys = shortcut_table()[name]
    action.setShortcuts(keys)
    action.setToolTip(f"{tip or text} ({shortcut_text(keys)})")
    return action
