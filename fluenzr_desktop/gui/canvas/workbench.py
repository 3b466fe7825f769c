"""The sequence workbench: the canvas on the left, the inspector of the selected step on the right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from .inspector import ContactsSource, NodeInspector
from .view import SequenceEditor


class SequenceWorkbench(QWidget):
    """A SequenceEditor and its NodeInspector side by side in a splitter."""

    def __init__(self, parent: QWidget | None = None, contacts_source: ContactsSource = None):
        super().__init__(parent)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.editor = SequenceEditor(self.splitter)
        self.inspector = NodeInspector(self.editor, contacts_source, self.splitter)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.inspector)
        # The canvas gets the room when the window grows; the inspector keeps its width.
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 360])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.splitter)

    def load_document(self, workflow_document: dict[str, Any]) -> None:
        """Show a saved campaign document (raises DocumentError when it is unusable)."""
        self.editor.load_document(workflow_document)

    def to_document(self) -> dict[str, Any]:
        """The campaign document to save."""
        return self.editor.to_document()
