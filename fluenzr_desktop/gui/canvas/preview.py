"""The email preview of the inspector: the chosen contact, the subject as sent, the body.

The contacts come from a source (a callable reading the database) that runs in a worker
the first time an email is shown, and again when the change hub says contacts or
enrollments moved; meanwhile the contact box says "Loading contacts…". Rendering is
quick and stays on the GUI thread.

When the workspace has no contact yet, the preview uses a clearly labelled sample contact,
so an email never reads "A question for  ?". The sample lives only here: it is never
stored, enrolled or sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
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
from ...domain.variants import effective_email, variant_ids, variant_subject_sources
from ...domain.workflow import Node, Workflow
from ...ops import Changes
from ..changes import change_hub
from ..tasks import run_in_background
from .fields import PreviewContact

# Where preview contacts come from: a reader (run in a worker), a fixed list, or nothing.
ContactsSource = Callable[[], Sequence[PreviewContact]] | Sequence[PreviewContact] | None

PREVIEW_MIN_LINES = 5  # the rendered body never shows fewer lines (the inspector scrolls)

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


def keep_lines(edit: QAbstractScrollArea, lines: int) -> None:
    """Never let a text box show fewer than `lines` lines of its font (frame included)."""
    margins = edit.contentsMargins()
    spare = 12 + margins.top() + margins.bottom()  # the frame and the document's margins
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + spare)


class _AsksForItsMinimum:
    """A text box that asks for its minimum height and takes spare room only when there is.

    Qt's text boxes ask for 192 px; in a scrolled column that hint, not the window, sets the
    column's height, so a short window scrolled the preview away rather than sharing the room.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # type: ignore[misc]
        return QSize(hint.width(), self.minimumHeight())  # type: ignore[attr-defined]


class LinesPlainTextEdit(_AsksForItsMinimum, QPlainTextEdit):
    """A plain text editor sized by `keep_lines` (the email body)."""


class LinesTextBrowser(_AsksForItsMinimum, QTextBrowser):
    """A read-only rich text box sized by `keep_lines` (the preview's body)."""


def _plain(found: Sequence[PreviewContact] | None) -> list[PreviewContact]:
    """Contacts as (label, variables) with plain strings and dicts (safe across threads)."""
    return [(str(label), dict(values)) for label, values in (found or [])]


class PreviewContactsLoader(QObject):
    """The preview's contacts, read in a worker: `contacts` is None until the first read is back.

    The newest read wins; `loaded` is emitted on the GUI thread once fresh contacts are in.
    A failed read leaves the contacts empty (the sample is used) and keeps the reason in
    `error`, which the preview shows.
    """

    loaded = Signal()

    def __init__(self, source: ContactsSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._request = 0
        self.loading = False
        self.error: str | None = None
        self.contacts: list[PreviewContact] | None = None if callable(source) else _plain(source)
        change_hub().changed.connect(self._on_changes)

    def ensure_loaded(self) -> None:
        """Start the first read unless it is done or under way."""
        if self.contacts is None and not self.loading:
            self.reload()

    def reload(self) -> None:
        """Read the contacts again in a worker (what is shown stays until the result is in)."""
        source = self._source
        if not callable(source):
            return
        self._request += 1
        request = self._request
        self.loading = True
        run_in_background(
            self,
            lambda _report: _plain(source()),
            on_done=lambda found: self._settle(request, found, None),
            on_failed=lambda message: self._settle(request, [], message),
        )

    def _settle(self, request: int, found: list[PreviewContact], error: str | None) -> None:
        if request != self._request:
            return  # a newer read was started meanwhile
        self.loading = False
        self.contacts, self.error = found, error
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        # Enrollments count too: a campaign's preview prefers its enrolled contacts.
        started = self.contacts is not None or self.loading
        if started and (changes.contacts or changes.enrollments):
            self.reload()


class EmailPreview(QGroupBox):
    """Renders the selected email for one contact, with warnings for missing values."""

    def __init__(self, contacts: ContactsSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self.loader = PreviewContactsLoader(contacts, self)
        self.loader.loaded.connect(self._contacts_loaded)
        self._shown: tuple[Node, Workflow] | None = None
        self._variant: str | None = None  # the A/B variant shown (None: the node's own texts)
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
        self.body_view = LinesTextBrowser(self)
        keep_lines(self.body_view, PREVIEW_MIN_LINES)
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

    def is_loading(self) -> bool:
        """Whether the contacts are still being read for the first time."""
        return self.loader.contacts is None

    def choices(self) -> list[PreviewContact]:
        """The contacts offered: the workspace's, or the sample contact when it has none.

        Empty while the contacts are being read for the first time.
        """
        found = self.loader.contacts
        if found is None:
            return []
        return list(found) or [sample_contact()]

    def uses_sample(self) -> bool:
        """Whether the preview shows the sample contact (the workspace has no contacts)."""
        return self.loader.contacts == []

    def preview_contact(self) -> PreviewContact | None:
        """The contact chosen for the preview."""
        choices = self.choices()
        index = self.contact_combo.currentIndex()
        return choices[index] if 0 <= index < len(choices) else None

    def show_email(self, node: Node, workflow: Workflow, variant: str | None = None) -> None:
        """Render this email node of this workflow for the chosen contact.

        `variant`: the id of the node's A/B variant to show (its texts, inherited ones
        resolved, and its subject in the thread); None or an id the node lacks: its own.
        """
        self._shown = (node, workflow)
        self._variant = variant if variant in variant_ids(node) else None
        if self._variant is None:
            self.setTitle(self.tr("Preview"))
        else:
            self.setTitle(self.tr("Preview of variant %1").replace("%1", self._variant))
        self.loader.ensure_loaded()
        self._fill_contact_combo()
        self.refresh()

    def _contacts_loaded(self) -> None:
        if self._shown is not None:
            self._fill_contact_combo()
            self.refresh()

    def _fill_contact_combo(self) -> None:
        loading = self.is_loading()
        if loading:
            labels = [self.tr("Loading contacts…")]
        else:
            labels = [label for label, _values in self.choices()]
        current = [self.contact_combo.itemText(i) for i in range(self.contact_combo.count())]
        self.contact_combo.setEnabled(not loading)
        self.sample_note.setText(self._sample_note_text())
        self.sample_note.setVisible(self.uses_sample())
        if labels == current:
            return
        chosen = self.contact_combo.currentText()
        self.contact_combo.blockSignals(True)
        self.contact_combo.clear()
        self.contact_combo.addItems(labels)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findText(chosen)))
        self.contact_combo.blockSignals(False)

    def _sample_note_text(self) -> str:
        if self.loader.error:
            return self.tr(
                "The contacts could not be read (%1): a sample contact is used instead."
            ).replace("%1", self.loader.error)
        return self.tr("No contacts yet: a sample contact is used. It is never saved or sent.")

    def refresh(self) -> None:
        """Render the shown email again (the contact or the text changed)."""
        if self._shown is None:
            return
        if self.is_loading():  # nothing to render with yet: no half-filled "Hello ,"
            self.subject_label.clear()
            self.body_view.clear()
            self.warning_label.clear()
            self.warning_label.setVisible(False)
            return
        node, workflow = self._shown
        contact = self.preview_contact()
        variables: Mapping[str, str] = contact[1] if contact is not None else {}
        if self._variant not in variant_ids(node):
            self._variant = None  # the shown node lost it meanwhile: its own texts, never an error
        subject, body = effective_email(node, self._variant)
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
        """The subject as sent (`domain.subjects`); each possibility where paths merge or an
        earlier email's A/B variant decides the thread's subject."""
        own_subjects = {
            email.id: _rendered_subject(text_prop(email.get("subject")), variables)
            for email in workflow.email_nodes()
        }
        chosen = {node.id: self._variant} if self._variant is not None else None
        variant_subjects = {
            node_id: [_rendered_subject(source, variables) for source in sources]
            for node_id, sources in variant_subject_sources(workflow, chosen).items()
        }
        subjects = possible_subjects(workflow, node.id, own_subjects, variant_subjects)
        if not subjects:
            return self.tr("(no subject)")
        if len(subjects) == 1:
            return subjects[0]
        if not set(variant_subjects) - {node.id}:
            lines = [self.tr("Depends on the path the contact took:")]
        elif len(possible_subjects(workflow, node.id, own_subjects)) > 1:
            lines = [self.tr("Depends on the path the contact took and the variants it got:")]
        else:
            lines = [self.tr("Depends on the variant the contact got earlier:")]
        lines += [f"• {subject}" for subject in subjects]
        return "\n".join(lines)


def _rendered_subject(source: str, variables: Mapping[str, str]) -> str:
    """A subject template rendered for the contact; as written when it does not render."""
    try:
        return render_subject(source, variables)
    except TemplateError:
        return source
