"""The dialog that adds or edits one contact: email (checked as typed), names, company, tags."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.contacts import split_tags
from ..ops.contacts import TABLE_FIELDS, contact_issue
from .contact_fields import address_issue_text, field_titles


class ContactDialog(QDialog):
    """Add or edit one contact: email (checked), names, company, title, phone, tags."""

    def __init__(
        self,
        parent: QWidget | None = None,
        values: dict[str, Any] | None = None,
        tags: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact") if values else self.tr("Add contact"))
        self.setMinimumWidth(420)
        labels = field_titles()
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in TABLE_FIELDS:
            edit = QLineEdit((values or {}).get(name) or "")
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.tags_edit = QLineEdit(", ".join(tags or []))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. lead, vip"))
        form.addRow(labels["tags"], self.tags_edit)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.fields["email"].textChanged.connect(lambda _text: self.problem_label.hide())

    def values(self) -> dict[str, str]:
        """The fields as typed (`ops.contacts.save_contact` normalises and checks them)."""
        return {name: edit.text() for name, edit in self.fields.items()}

    def tags(self) -> list[str]:
        """The tags typed, split at commas, semicolons or bars."""
        return split_tags(self.tags_edit.text())

    def problem(self) -> str | None:
        """Why the dialog cannot be accepted, in one translated sentence, or None."""
        issue = contact_issue(self.values())
        return None if issue is None else address_issue_text(issue)

    def accept(self) -> None:
        """Close only with a valid email; otherwise say why under the fields."""
        problem = self.problem()
        if problem:
            self.problem_label.setText(problem)
            self.problem_label.show()
            self.fields["email"].setFocus()
            return
        super().accept()
