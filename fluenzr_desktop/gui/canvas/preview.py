"""The email preview of the inspector: the chosen contact, the subject as sent, the body.

When the workspace has no contact yet, the preview uses a clearly labelled sample contact,
so an email never reads "A question for  ?". The sample lives only here: it is never
stored, enrolled or sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import TemplateError
from ...domain.subjects import possible_subjects
from ...domain.templating import (
    looks_like_html,
    missing_variables,
    render_body,
    render_subject,
    template_error,
)
from ...domain.workflow import Node, Workflow
from .fields import PreviewContact

# A made-up contact for a workspace without contacts: every standard field filled.
SAMPLE_VARIABLES: dict[str, str] = {
    "firstName": "Ada",
    "lastName": "Lovelace",
    "email": "ada@example.com",
    "company": "Analytical Engines",
    "title": "Founder",
    "phone": "+44 20 7946 0000",
    "signature": "Ada Lovelace",
}


def sample_contact() -> PreviewContact:
    """The labelled sample contact the preview uses when there is no real one."""
    label = QCoreApplication.translate(
        "EmailPreview", "Sample contact — Ada Lovelace, Analytical Engines"
    )
    return label, dict(SAMPLE_VARIABLES)


def text_prop(value: object) -> str:
    """A prop shown as text: text as is, anything else (None, a number) as ''."""
    return value if isinstance(value, str) else ""


class EmailPreview(QGroupBox):
    """Renders the selected email for one contact, with warnings for missing values."""

    def __init__(
        self, contacts: Callable[[], Sequence[PreviewContact]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self._contacts = contacts
        self._shown: tuple[Node, Workflow] | None = None
        self.contact_combo = QComboBox(self)
        self.contact_combo.setToolTip(self.tr("The contact the preview is rendered for"))
        self.contact_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.sample_note = QLabel(
            self.tr("No contacts yet: a sample contact is used. It is never saved or sent."),
            self,
        )
        self.sample_note.setWordWrap(True)
        self.sample_note.setStyleSheet("color: #607d8b;")
        self.sample_note.setVisible(False)
        self.subject_label = QLabel(self)
        self.subject_label.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_label.setWordWrap(True)
        self.subject_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.subject_label.font())
        bold.setBold(True)
        self.subject_label.setFont(bold)
        self.body_view = QTextBrowser(self)
        self.body_view.setOpenLinks(False)  # a click in the preview must not navigate away
        self.warning_label = QLabel(self)
        self.warning_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b71c1c;")
        self.warning_label.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Contact"), self.contact_combo)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.sample_note)
        box.addWidget(self.subject_label)
        box.addWidget(self.body_view, 1)
        box.addWidget(self.warning_label)

    def choices(self) -> list[PreviewContact]:
        """The contacts offered: the workspace's, or the sample contact when it has none."""
        found = list(self._contacts())
        return found or [sample_contact()]

    def uses_sample(self) -> bool:
        """Whether the preview shows the sample contact (the workspace has no contacts)."""
        return not self._contacts()

    def preview_contact(self) -> PreviewContact | None:
        """The contact chosen for the preview."""
        choices = self.choices()
        index = self.contact_combo.currentIndex()
        return choices[index] if 0 <= index < len(choices) else None

    def show_email(self, node: Node, workflow: Workflow) -> None:
        """Render this email node of this workflow for the chosen contact."""
        self._shown = (node, workflow)
        self._fill_contact_combo()
        self.refresh()

    def _fill_contact_combo(self) -> None:
        labels = [label for label, _values in self.choices()]
        current = [self.contact_combo.itemText(i) for i in range(self.contact_combo.count())]
        self.sample_note.setVisible(self.uses_sample())
        if labels == current:
            return
        chosen = self.contact_combo.currentText()
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        self.contact_combo.addItems(labels)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findText(chosen)))
        self.contact_combo.blockSignals(False)

    def refresh(self) -> None:
        """Render the shown email again (the contact or the text changed)."""
        if self._shown is None:
            return
        node, workflow = self._shown
        contact = self.preview_contact()
        variables: Mapping[str, str] = contact[1] if contact is not None else {}
        subject, body = text_prop(node.get("subject")), text_prop(node.get("body"))
        warnings: list[str] = []
        for what, source in ((self.tr("subject"), subject), (self.tr("body"), body)):
            error = template_error(source)
            if error is not None:
                warnings.append(f"{what}, {error}")
        if contact is not None:
            missing = missing_variables([subject, body], variables)
            if missing:
                warnings.insert(
                    0, self.tr("Missing for this contact: %1").replace("%1", ", ".join(missing))
                )

        self.subject_label.setText(self._subject(node, workflow, variables))
        try:
            rendered = render_body(body, variables)
        except TemplateError as error:
            rendered = body
            message = f"{self.tr('body')}, {error}"
            if message not in warnings:
                warnings.append(message)
        if looks_like_html(body):
            self.body_view.setHtml(rendered)
        else:
            self.body_view.setPlainText(rendered)
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

    def _subject(self, node: Node, workflow: Workflow, variables: Mapping[str, str]) -> str:
        """The subject as sent (`domain.subjects`); each possibility where paths merge."""
        own_subjects: dict[str, str] = {}
        for email in workflow.email_nodes():
            source = text_prop(email.get("subject"))
            try:
                own_subjects[email.id] = render_subject(source, variables)
            except TemplateError:
                own_subjects[email.id] = source
        subjects = possible_subjects(workflow, node.id, own_subjects)
        if not subjects:
            return self.tr("(no subject)")
        if len(subjects) == 1:
            return subjects[0]
        lines = [self.tr("Depends on the path the contact took:")]
        lines += [f"• {subject}" for subject in subjects]
        return "\n".join(lines)
