"""The template gallery: pick a ready-made sequence, name the campaign, create it as a draft.

Lists the templates (`ops.templates`) in the window's language with a description and an
outline of their steps (each email's subject as a contact without data gets it, the waits
between them). Create runs `create_from_template` in a worker (`changes.run_op`); a
refusal shows in one line and the dialog stays open; once created, `created_campaign_id`
says which campaign and the dialog is accepted (the caller opens the campaign).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..ops.campaigns import CampaignSaved
from ..ops.templates import (
    TemplateInfo,
    TemplateStep,
    create_from_template,
    list_templates,
    template_outline,
)
from ..workspace import Workspace
from .changes import run_op
from .settings_rows import ERROR_STYLE, HELP_STYLE


def window_language() -> str:
    """The language of the window's catalogue: its French translation of "en" is "fr"."""
    return QCoreApplication.translate("TemplateGallery", "en")


class TemplateGallery(QDialog):
    """Ready-made sequences to start a campaign from: a list, a preview, a name, Create."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, language: str | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = language or window_language()
        self.created_campaign_id: int | None = None
        self.templates: list[TemplateInfo] = list_templates(self.language)
        self.setWindowTitle(self.tr("Start from a template"))

        self.template_list = QListWidget()
        self.template_list.setAccessibleName(self.tr("Templates"))
        for template in self.templates:
            item = QListWidgetItem(template.name)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.template_list.addItem(item)
        # As wide as the longest name, so no name is cut.
        widest = max(
            (self.template_list.fontMetrics().horizontalAdvance(t.name) for t in self.templates),
            default=120,
        )
        self.template_list.setFixedWidth(widest + 48)
        self.template_list.setSpacing(3)
        self.template_list.currentRowChanged.connect(self._show_template)

        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.steps_heading = QLabel(self.tr("Steps"))
        self.steps_heading.setStyleSheet("font-weight: 600;")
        self.steps_list = QListWidget()
        self.steps_list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.steps_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps_list.setWordWrap(True)
        self.steps_list.setSpacing(2)
        editable = QLabel(
            self.tr(
                "Every email, delay and setting stays editable once the campaign is created. "
                "It sends on working days, 09:00–17:00, and stops for anyone who replies."
            )
        )
        editable.setWordWrap(True)
        editable.setStyleSheet(HELP_STYLE)
        preview = QVBoxLayout()
        preview.addWidget(self.title_label)
        preview.addWidget(self.description_label)
        preview.addSpacing(6)
        preview.addWidget(self.steps_heading)
        preview.addWidget(self.steps_list, 1)
        preview.addWidget(editable)
        panes = QHBoxLayout()
        panes.addWidget(self.template_list)
        panes.addLayout(preview, 1)

        self.name_edit = QLineEdit()
        self.name_edit.setClearButtonEnabled(True)
        form = QFormLayout()
        form.addRow(self.tr("Campaign name:"), self.name_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button: QPushButton = self.buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(760, 480)
        if self.templates:
            self.template_list.setCurrentRow(0)
        self.name_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Enter creates: the button box makes Cancel the default when shown otherwise."""
        super().showEvent(event)
        self.create_button.setDefault(True)

    def selected_template(self) -> TemplateInfo | None:
        """The template whose preview shows, or None."""
        row = self.template_list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def select_template(self, template_id: str) -> bool:
        """Show this template (as a click would); False when the gallery has no such one."""
        for row, template in enumerate(self.templates):
            if template.id == template_id:
                self.template_list.setCurrentRow(row)
                return True
        return False

    def _show_template(self, row: int) -> None:
        template = self.selected_template()
        self.create_button.setEnabled(template is not None)
        if template is None:
            return
        self.title_label.setText(template.name)
        self.description_label.setText(template.description)
        self.steps_list.clear()
        number = 0
        for step in template_outline(template.id, self.language):
            if step.kind == "email":
                number += 1
                text = self.tr("Email %1: %2").replace("%1", str(number))
                item = QListWidgetItem(text.replace("%2", step.subject))
            else:
                item = QListWidgetItem("    " + self.delay_text(step))
                item.setForeground(self.palette().placeholderText())
            self.steps_list.addItem(item)
        # A blank name takes the template's: shown as the field's hint.
        self.name_edit.setPlaceholderText(template.name)
        self.error_label.hide()

    def delay_text(self, step: TemplateStep) -> str:
        """A wait between two emails: "Wait 3 days"."""
        if step.unit == "minutes":
            return self.tr("Wait %n minute(s)", "", step.amount)
        if step.unit == "hours":
            return self.tr("Wait %n hour(s)", "", step.amount)
        return self.tr("Wait %n day(s)", "", step.amount)

    def create(self) -> None:
        """Create the campaign from the selected template (in a worker); accept once done."""
        template = self.selected_template()
        if template is None or not self.create_button.isEnabled():
            return  # nothing chosen, or a creation already on its way
        workspace, language, name = self.workspace, self.language, self.name_edit.text()
        self.create_button.setEnabled(False)
        self.error_label.hide()
        run_op(
            self,
            lambda _report: create_from_template(workspace, template.id, name, None, language),
            on_done=self._created,
            on_failed=self._refused,
        )

    def campaign_name(self) -> str:
        """The name the campaign gets: the one typed, else the template's."""
        template = self.selected_template()
        typed = self.name_edit.text().strip()
        return typed or (template.name if template is not None else "")

    def _created(self, result: CampaignSaved) -> None:
        self.created_campaign_id = result.id
        self.accept()

    def _refused(self, message: str) -> None:
        self.error_label.setText(" ".join(message.split()))
        self.error_label.show()
        self.create_button.setEnabled(True)
