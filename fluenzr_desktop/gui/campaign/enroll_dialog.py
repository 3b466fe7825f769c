"""The Enroll dialog: every contact, the contacts with a tag, or pasted addresses."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

# What may separate pasted addresses: spaces, new lines, commas, semicolons.
_EMAIL_SEPARATORS = re.compile(r"[\s,;]+")


class EnrollDialog(QDialog):
    """Choose whom to enroll: every contact, the contacts with a tag, or pasted addresses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enroll contacts"))
        self.resize(460, 360)
        self.all_button = QRadioButton(self.tr("All contacts"))
        self.tag_button = QRadioButton(self.tr("Contacts with the tag"))
        self.emails_button = QRadioButton(self.tr("These addresses (one per line)"))
        self.group = QButtonGroup(self)
        for button in (self.all_button, self.tag_button, self.emails_button):
            self.group.addButton(button)
        self.all_button.setChecked(True)
        self.tag_combo = QComboBox()
        self.tag_combo.setEnabled(False)
        self.tag_combo.setPlaceholderText(self.tr("Loading tags…"))
        self.emails_edit = QPlainTextEdit()
        self.emails_edit.setPlaceholderText("anne@example.com\nbruno@example.com")
        self.emails_edit.textChanged.connect(lambda: self.emails_button.setChecked(True))
        self.tag_combo.activated.connect(lambda _index: self.tag_button.setChecked(True))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enroll"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_button)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_button)
        tag_row.addWidget(self.tag_combo, 1)
        layout.addLayout(tag_row)
        layout.addWidget(self.emails_button)
        layout.addWidget(self.emails_edit, 1)
        layout.addWidget(self.buttons)

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags (none: the tag choice is disabled)."""
        self.tag_combo.clear()
        self.tag_combo.addItems(tags)
        self.tag_combo.setEnabled(bool(tags))
        self.tag_button.setEnabled(bool(tags))
        if tags:
            # A combo with a placeholder stays on it (index -1) when items arrive: pick the
            # first tag, or the box would keep saying "Loading tags…".
            self.tag_combo.setPlaceholderText(self.tr("Choose a tag"))
            self.tag_combo.setCurrentIndex(0)
        else:
            self.tag_combo.setPlaceholderText(self.tr("No tags yet"))

    def tags_failed(self, message: str) -> None:
        """The tags could not be read: say so instead of "Loading tags…"."""
        self.tag_button.setEnabled(False)
        self.tag_combo.setPlaceholderText(self.tr("Tags unavailable"))
        self.tag_combo.setToolTip(message)

    def choice(self) -> tuple[str, Any]:
        """("all", None), ("tag", tag) or ("emails", [address, …])."""
        if self.tag_button.isChecked() and self.tag_combo.currentText():
            return "tag", self.tag_combo.currentText()
        if self.emails_button.isChecked():
            text = self.emails_edit.toPlainText()
            return "emails", [part for part in _EMAIL_SEPARATORS.split(text) if part]
        return "all", None
