"""The CSV import wizard: file, preview, column mapping, options, then the import and its report.

File reading runs in a worker (`run_in_background`), the import itself through `run_op`,
so its `Changes(contacts=True)` reaches every open screen; the GUI thread only shows
what comes back. A FluenzrError is shown as one line on its page.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..domain.contacts import IGNORE, STANDARD_FIELDS, ColumnTarget, auto_map, clean_tag
from ..domain.errors import FluenzrError
from ..ops.contacts import ImportOutcome, import_csv
from ..store.csv_io import ImportReport, RowError, open_table
from ..workspace import Workspace
from .changes import run_op
from .contact_fields import address_issue_text, field_titles
from .tasks import BackgroundTask, run_in_background

PREVIEW_ROWS = 20
CUSTOM = "custom"
# Mapping choices, in combo order: a standard field, tags, a custom field or nothing.
TARGET_CHOICES: tuple[str, ...] = (*STANDARD_FIELDS, "tags", CUSTOM, IGNORE)
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
AUTO_DELIMITER = ""
DELIMITER_CHOICES = (AUTO_DELIMITER, ",", ";", "\t")


@dataclass
class Preview:
    """What the preview page learnt from the file (made in a worker)."""

    encoding: str
    delimiter: str
    headers: list[str]
    rows: list[list[str]]


def read_preview(path: str, delimiter: str | None) -> Preview:
    """Decode the file and parse its first rows; raises FluenzrError with one line."""
    table = open_table(path, delimiter=delimiter or None)
    rows = [cells for _line, cells in itertools.islice(table.rows, PREVIEW_ROWS)]
    return Preview(table.encoding, table.delimiter, table.headers, rows)


def choice_for(target: ColumnTarget) -> str:
    """The combo choice showing an auto-mapped target."""
    if target.kind == "field":
        return target.name
    if target.kind == "tags":
        return "tags"
    if target.kind == "custom":
        return CUSTOM
    return IGNORE


def override_for(header: str, choice: str) -> str:
    """The `overrides` value import_contacts reads for a column mapped to `choice`."""
    if choice == CUSTOM:
        # A column without a header has no name to keep: it cannot be a custom field.
        return f"custom:{header.strip()}" if header.strip() else IGNORE
    return choice


def _one_line(message: str) -> str:
    return " ".join(message.split())


class FilePage(QWizardPage):
    """Page 1: choose the CSV file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a CSV file"))
        self.setSubTitle(
            self.tr("Export your spreadsheet as CSV (comma, semicolon or tab separated).")
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path of the CSV file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import contacts"),
            self.path_edit.text() or str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def path(self) -> str:
        return self.path_edit.text().strip()

    def isComplete(self) -> bool:
        return bool(self.path())


class PreviewPage(QWizardPage):
    """Page 2: detected delimiter and encoding, the first rows, or one line of error."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.preview: Preview | None = None
        self._generation = 0  # answers of an older read (file or delimiter changed) are dropped
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Check that the columns are split and the accents read right."))
        self.delimiter_combo = QComboBox()
        for value, label in zip(
            DELIMITER_CHOICES,
            (self.tr("Detect"), self.tr("Comma (,)"), self.tr("Semicolon (;)"), self.tr("Tab")),
            strict=True,
        ):
            self.delimiter_combo.addItem(label, value)
        self.delimiter_combo.currentIndexChanged.connect(lambda _index: self._load())
        self.detected_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(False)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Delimiter:")))
        top.addWidget(self.delimiter_combo)
        top.addSpacing(16)
        top.addWidget(self.detected_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        self._load()

    def chosen_delimiter(self) -> str | None:
        """The delimiter the user forced, None to detect it."""
        return self.delimiter_combo.currentData() or None

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        self.preview = None
        self.error_label.clear()
        self.detected_label.setText(self.tr("Reading the file…"))
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.completeChanged.emit()
        path, delimiter = self._wizard.path(), self.chosen_delimiter()
        run_in_background(
            self,
            lambda _report: read_preview(path, delimiter),
            on_done=lambda preview: self._show(generation, preview),
            on_failed=lambda message: self._fail(generation, message),
        )

    def _show(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return
        self.preview = preview
        shown = {"\t": self.tr("tab")}.get(preview.delimiter, preview.delimiter)
        self.detected_label.setText(
            self.tr(
                "Detected delimiter: %1 — Encoding: %2 — %Ln column(s)", "", len(preview.headers)
            )
            .replace("%1", shown)
            .replace("%2", ENCODING_NAMES.get(preview.encoding, preview.encoding))
        )
        self.table.setColumnCount(len(preview.headers))
        self.table.setHorizontalHeaderLabels(preview.headers)
        self.table.setRowCount(len(preview.rows))
        for row, cells in enumerate(preview.rows):
            for column, cell in enumerate(cells[: len(preview.headers)]):
                self.table.setItem(row, column, QTableWidgetItem(cell))
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def _fail(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.detected_label.clear()
        self.error_label.setText(_one_line(message))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None


class MappingPage(QWizardPage):
    """Page 3: where each CSV column goes, pre-set by auto_map and editable."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.headers: list[str] = []
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Choose where each column of the file goes."))
        self.labels = {
            **field_titles(),
            "timezone": self.tr("Time zone"),
            CUSTOM: self.tr("Custom field (keeps the column name)"),
            IGNORE: self.tr("Ignore"),
        }
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Import as")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        preview = self._wizard.preview_page.preview
        assert preview is not None  # the preview page is complete only with one
        self.headers = list(preview.headers)
        first = preview.rows[0] if preview.rows else []
        self.combos = []
        self.table.setRowCount(len(self.headers))
        # Two columns that would fill the same field are shown as they are: the page
        # names the clash and the user chooses which one to keep.
        targets = auto_map(self.headers, allow_duplicates=True)
        for row, (header, target) in enumerate(zip(self.headers, targets, strict=True)):
            self.table.setItem(row, 0, QTableWidgetItem(header or self.tr("(no name)")))
            self.table.setItem(row, 1, QTableWidgetItem(first[row] if row < len(first) else ""))
            combo = QComboBox()
            for choice in TARGET_CHOICES:
                if choice == CUSTOM and not header.strip():
                    continue
                combo.addItem(self.labels[choice], choice)
            combo.setCurrentIndex(max(combo.findData(choice_for(target)), 0))
            combo.currentIndexChanged.connect(lambda _index: self._changed())
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self._changed()

    def set_choice(self, header: str, choice: str) -> None:
        """Map the column named `header` to `choice` (one of TARGET_CHOICES)."""
        combo = self.combos[self.headers.index(header)]
        combo.setCurrentIndex(combo.findData(choice))

    def choices(self) -> dict[str, str]:
        """Column header → the choice shown for it."""
        return {h: c.currentData() for h, c in zip(self.headers, self.combos, strict=True)}

    def overrides(self) -> dict[int, str]:
        """The whole mapping as import_contacts overrides, by column position (every column
        is explicit, and two columns with the same header stay two)."""
        return {
            index: override_for(header, combo.currentData())
            for index, (header, combo) in enumerate(zip(self.headers, self.combos, strict=True))
        }

    def problem(self) -> str | None:
        """Why this mapping cannot be imported, else None."""
        chosen = [combo.currentData() for combo in self.combos]
        if "email" not in chosen:
            return self.tr("Choose the column holding the email address.")
        for field in STANDARD_FIELDS:
            if chosen.count(field) > 1:
                return self.tr("Two columns are imported as “%1”; keep one.").replace(
                    "%1", self.labels[field]
                )
        # Two custom fields of the same name (two columns with one header) clash too.
        custom_names = [
            header.strip()
            for header, choice in zip(self.headers, chosen, strict=True)
            if choice == CUSTOM
        ]
        for name in custom_names:
            if custom_names.count(name) > 1:
                return self.tr("Two columns are imported as “%1”; keep one.").replace("%1", name)
        return None

    def _changed(self) -> None:
        self.error_label.setText(self.problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and self.problem() is None


class OptionsPage(QWizardPage):
    """Page 4: what to do with addresses already in the workspace, and tags to add."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options"))
        self.setSubTitle(self.tr("Choose what happens to addresses already in the workspace."))
        self.update_button = QRadioButton(self.tr("Update them with the file's values"))
        self.skip_button = QRadioButton(self.tr("Skip them (keep them as they are)"))
        self.update_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_button)
        group.addButton(self.skip_button)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("e.g. salon-2024, prospects"))
        self.tags_edit.textChanged.connect(lambda _text: self._changed())
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        duplicates = QVBoxLayout()
        duplicates.addWidget(self.update_button)
        duplicates.addWidget(self.skip_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Contacts already in the workspace:"), duplicates)
        form.addRow(self.tr("Add these tags to every imported contact:"), self.tags_edit)
        form.addRow(self.error_label)
        # After this page the import writes to the database: there is no going back.
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

    def on_duplicate(self) -> str:
        return "skip" if self.skip_button.isChecked() else "update"

    def tags(self) -> list[str]:
        """The extra tags, checked; raises FluenzrError for a bad one."""
        return [clean_tag(tag) for tag in self.tags_edit.text().split(",") if tag.strip()]

    def _changed(self) -> None:
        try:
            self.tags()
        except FluenzrError as error:
            self.error_label.setText(_one_line(str(error)))
        else:
            self.error_label.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.error_label.text()


class RunPage(QWizardPage):
    """Page 5: the import running in a worker, then its report."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.report: ImportReport | None = None
        self.error: str | None = None
        self._task: BackgroundTask | None = None
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Rejected lines are listed below; every other line was read."))
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.counts_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.rejected_label = QLabel(self.tr("Rejected lines:"))
        self.rejected_table = QTableWidget(0, 2)
        self.rejected_table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Reason")])
        self.rejected_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rejected_table.verticalHeader().setVisible(False)
        self.rejected_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.rejected_label)
        layout.addWidget(self.rejected_table, 1)

    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def initializePage(self) -> None:
        self.report, self.error = None, None
        self.counts_label.clear()
        self.error_label.clear()
        self.rejected_label.hide()
        self.rejected_table.hide()
        self.status_label.setText(self.tr("Importing…"))
        # import_contacts reports no steps: a busy bar says it is working.
        self.progress.setRange(0, 0)
        self.progress.show()
        wizard = self._wizard
        workspace, path = wizard.workspace, wizard.path()
        options = {
            "overrides": wizard.mapping_page.overrides(),
            "on_duplicate": wizard.options_page.on_duplicate(),
            "tags": wizard.options_page.tags(),
            "delimiter": wizard.preview_page.chosen_delimiter(),
        }
        self._task = run_op(
            self,
            lambda _report: import_csv(workspace, path, **options),
            on_done=self._done,
            on_failed=self._failed,
        )
        self.completeChanged.emit()
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def _finish_progress(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _done(self, outcome: ImportOutcome) -> None:
        report = self.report = outcome.report
        self._finish_progress()
        self.status_label.setText(self.tr("Import finished."))
        self.counts_label.setText(
            self.tr("Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4")
            .replace("%1", str(report.imported))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.skipped))
            .replace("%4", str(len(report.errors)))
        )
        if report.errors:
            self.rejected_table.setRowCount(len(report.errors))
            for row, error in enumerate(report.errors):
                line = QTableWidgetItem()
                line.setData(Qt.ItemDataRole.DisplayRole, error.line)
                self.rejected_table.setItem(row, 0, line)
                self.rejected_table.setItem(row, 1, QTableWidgetItem(self._reason_text(error)))
            self.rejected_table.resizeColumnToContents(0)
            self.rejected_label.show()
            self.rejected_table.show()
        self.completeChanged.emit()

    def _reason_text(self, error: RowError) -> str:
        """Why a row was rejected, in the window's language."""
        if error.issue is not None:
            text = address_issue_text(error.issue)
            return f"{error.address} — {text}" if error.address else text
        if error.field_counts is not None:
            found, expected = error.field_counts
            return (
                self.tr("%1 fields but the header has %2")
                .replace("%1", str(found))
                .replace("%2", str(expected))
            )
        return error.reason

    def _failed(self, message: str) -> None:
        self.error = _one_line(message)
        self._finish_progress()
        self.status_label.setText(self.tr("Nothing was imported."))
        self.error_label.setText(self.error)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._task is not None and self._task.done


class ImportWizard(QWizard):
    """Import contacts from a CSV file in five steps; the import says `Changes(contacts=True)`."""

    PAGE_FILE, PAGE_PREVIEW, PAGE_MAPPING, PAGE_OPTIONS, PAGE_RUN = range(5)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Import contacts"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.resize(760, 560)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.options_page = OptionsPage(self)
        self.run_page = RunPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.preview_page, self.mapping_page, self.options_page, self.run_page)
        ):
            self.setPage(page_id, page)
        self.setStartId(self.PAGE_FILE)

    def set_path(self, path: str | os.PathLike[str]) -> None:
        """Choose the file without the dialog (tests, drag-and-drop)."""
        self.file_page.path_edit.setText(str(path))

    def path(self) -> str:
        return self.file_page.path()

    def reject(self) -> None:
        # The import cannot be interrupted half-way (it is one transaction): let it end.
        if self.run_page.running():
            return
        super().reject()
