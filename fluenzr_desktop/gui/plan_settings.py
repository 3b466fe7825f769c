"""The Settings page's "Plan and licence" group: the plan in force, its licence, installing one.

The plan and licence are read in a worker (`ops.licence.plan_status`, which verifies the
stored signature); a licence file is checked and stored by `ops.licence.install_licence`
in a worker too. A refused file is explained in one line under the button: a translated
lead-in, then the reason as `ops` words it (it names the file).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.plans import FREE
from ..ops import Changes
from ..ops.licence import LicenceInstalled, PlanStatus, install_licence, plan_status
from ..workspace import Workspace
from .changes import change_hub, run_op
from .plan_text import date_text, features_text, free_limit_text, plan_name
from .settings_rows import ERROR_STYLE, HELP_STYLE, new_group, one_line
from .tasks import run_in_background


class PlanGroup(QGroupBox):
    """The plan in force, who the licence is for, when it ends, what it grants; install one."""

    status_shown = Signal()  # the fields show the stored licence
    answered = Signal()  # an install finished, well or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Plan and licence"))
        self.workspace = workspace
        self.status: PlanStatus | None = None
        self.busy = False
        self.row_titles: list[QLabel] = []
        self._read_serial = 0

        self.plan_label = QLabel(self.tr("Looking…"))
        font = self.plan_label.font()
        font.setBold(True)
        self.plan_label.setFont(font)
        self.limit_label = self._wrapping(HELP_STYLE)
        self.problem_label = self._wrapping(ERROR_STYLE)
        self.problem_label.setObjectName("licence_problem")
        self.licensee_label = self._selectable()
        self.email_label = self._selectable()
        self.issued_label = QLabel()
        self.expires_label = self._wrapping("")
        self.expires_label.setObjectName("licence_expires")
        self.features_label = self._wrapping("")
        self.install_button = QPushButton(self.tr("Install licence file…"))
        self.install_button.clicked.connect(self.choose_file)
        self.error_label = self._wrapping(ERROR_STYLE)
        self.error_label.setObjectName("error_licence")
        self.result_label = self._wrapping("")
        self.result_label.setWordWrap(False)  # one short sentence: no room kept for more lines
        for label in (self.problem_label, self.error_label, self.result_label):
            label.hide()  # shown when they have something to say

        form = new_group(self).layout()
        assert isinstance(form, QFormLayout)
        self.form = form
        plan_cell = QWidget()
        plan_column = QVBoxLayout(plan_cell)  # the name, its limit, a problem
        plan_column.setContentsMargins(0, 0, 0, 0)
        plan_column.setSpacing(2)
        for label in (self.plan_label, self.limit_label, self.problem_label):
            plan_column.addWidget(label)
        self._add(self.tr("Plan"), plan_cell)
        self._add(self.tr("Licensed to"), self.licensee_label)
        self._add(self.tr("E-mail"), self.email_label)
        self._add(self.tr("Issued"), self.issued_label)
        self._add(self.tr("Expires"), self.expires_label)
        self._add(self.tr("Features"), self.features_label)
        # The button and its answer in one column: a hidden answer takes no room.
        install_cell = QWidget()
        install_column = QVBoxLayout(install_cell)
        install_column.setContentsMargins(0, 0, 0, 0)
        install_column.setSpacing(4)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install_button)
        buttons.addStretch(1)
        install_column.addLayout(buttons)
        install_column.addWidget(self.error_label)
        install_column.addWidget(self.result_label)
        form.addRow("", install_cell)
        self._show_licence_rows(False)

        change_hub().changed.connect(self._on_changes)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    @staticmethod
    def _wrapping(style: str) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        # Under what it answers: a wrapped label may be given more height than its lines.
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setStyleSheet(style)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A wrapped label grows to the field column (the form keeps others at their hint).
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setTextFormat(Qt.TextFormat.PlainText)  # file names and licensees, never markup
        return label

    @staticmethod
    def _selectable() -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # the licence's words, never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _add(self, title: str, field: QWidget) -> None:
        label = QLabel(title)
        self.form.addRow(label, field)
        self.row_titles.append(label)

    def _show_licence_rows(self, shown: bool) -> None:
        for field in (self.licensee_label, self.email_label, self.issued_label,
                      self.expires_label):  # fmt: skip
            self.form.setRowVisible(field, shown)

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the plan in force and its licence in the background, and show them."""
        workspace = self.workspace
        self._read_serial += 1
        serial = self._read_serial

        def done(status: PlanStatus) -> None:
            if serial == self._read_serial:  # an older read answering late is stale
                self.show_status(status)

        def failed(message: str) -> None:
            if serial == self._read_serial:
                self.plan_label.setText(self.tr("The plan could not be read."))
                self._show(self.problem_label, one_line(message))

        run_in_background(self, lambda _report: plan_status(workspace), on_done=done,
                          on_failed=failed)  # fmt: skip

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self.reload()

    def show_status(self, status: PlanStatus) -> None:
        """Show the plan in force, its limit on Free, and the licence behind it."""
        self.status = status
        self.plan_label.setText(plan_name(status.plan))
        self.limit_label.setText(
            free_limit_text()
            if status.plan == FREE
            else self.tr("No limit from the plan: the daily caps you set still apply.")
        )
        self.limit_label.show()
        self._show(
            self.problem_label,
            self.tr("The installed licence is not valid, so the Free plan applies: %1").replace(
                "%1", status.problem
            )
            if status.problem
            else "",
        )
        licence = status.licence
        self._show_licence_rows(licence is not None)
        if licence is not None:
            self.licensee_label.setText(licence.licensee)
            self.email_label.setText(licence.email)
            self.issued_label.setText(date_text(licence.issued))
            if licence.expires is None:
                self.expires_label.setText(self.tr("never"))
                self.expires_label.setStyleSheet("")
            elif status.expired:
                self.expires_label.setText(
                    self.tr("expired on %1 — the Free plan applies").replace(
                        "%1", date_text(licence.expires)
                    )
                )
                self.expires_label.setStyleSheet(ERROR_STYLE)
            else:
                self.expires_label.setText(date_text(licence.expires))
                self.expires_label.setStyleSheet("")
        self.features_label.setText(features_text(status.features) or self.tr("none"))
        self.status_shown.emit()

    # -- installing -------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Pick a licence file, then install it in the background."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Your FluenzR licence file"),
            QDir.homePath(),
            self.tr("Licence files (*.json *.licence);;All files (*)"),
        )
        if path:
            self.install(Path(path))

    def install(self, path: Path) -> None:
        """Check the licence file at `path` and keep it in the workspace (in a worker)."""
        if self.busy:
            return
        workspace = self.workspace
        self.busy = True
        self.install_button.setEnabled(False)
        self._show(self.error_label, "")
        self._show(self.result_label, "")
        run_op(
            self,
            lambda _report: install_licence(workspace, path),
            on_done=self._installed,
            on_failed=self._refused,
        )

    def _installed(self, installed: LicenceInstalled) -> None:
        self._stop()
        licence = installed.licence
        if installed.expired:
            text = self.tr(
                "Licence installed, but it expired on %1: the Free plan applies."
            ).replace("%1", date_text(licence.expires) if licence.expires else "")
        else:
            text = (
                self.tr("Licence installed: %1 plan, licensed to %2.")
                .replace("%1", plan_name(licence.plan))
                .replace("%2", licence.licensee)
            )
        self._show(self.result_label, text)
        self.answered.emit()

    def _refused(self, message: str) -> None:
        self._stop()
        self._show(
            self.error_label,
            self.tr("This file was not installed: %1").replace("%1", one_line(message)),
        )
        self.answered.emit()

    def _stop(self) -> None:
        self.busy = False
        self.install_button.setEnabled(True)

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
