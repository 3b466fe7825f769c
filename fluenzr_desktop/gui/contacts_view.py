"""The Contacts screen: search, tag filter, the lazy table, and add/edit/delete/tag/export.

Every database write runs through `run_op` (even one contact: the engine may hold the
write lock for a while), so the GUI thread never waits on SQLite, and its
`Changes(contacts=True)` reaches every screen; this one reloads its table when it hears
that contacts changed, whoever changed them (an import, another screen, itself).
Dialogs are opened with `open()` rather than `exec()` (only the file chooser is modal):
nothing else nests an event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..ops import Changes
from ..ops.contacts import (
    delete_contacts,
    export_selection,
    load_contact,
    save_contact,
    tag_contacts,
)
from ..ops.enrollments import EnrollOutcome, enroll_contacts, enrollable_campaigns
from ..workspace import Workspace
from .changes import change_hub, run_op
from .contact_dialog import ContactDialog
from .contact_panel import ContactPanel
from .contacts_model import ContactsModel, merge_intervals
from .contacts_prompts import campaign_question, chosen_campaign, delete_question, tag_question
from .import_wizard import ImportWizard
from .tasks import Report, run_in_background

SEARCH_DELAY_MS = 200
# The detail panel's width when the screen opens, and the least a user can drag it to.
PANEL_WIDTH = 320
PANEL_MIN_WIDTH = 240


class RowsTable(QTableView):
    """A table whose unit is the row: Left and Right scroll the columns one at a time.

    Rows are selected whole, so the current cell is never drawn; Qt's arrows would move
    that invisible cell and scroll only when it leaves the screen (the Left arrow then
    seemed to do nothing while the first columns stayed hidden).
    """

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers) -> QModelIndex:
        """Left/Right scroll by one column and keep the current row; other keys as usual."""
        move = QAbstractItemView.CursorAction
        if action not in (move.MoveLeft, move.MoveRight):
            return super().moveCursor(action, modifiers)
        header, bar = self.horizontalHeader(), self.horizontalScrollBar()
        first = header.visualIndexAt(0)  # the leftmost column shown, maybe in part
        if first < 0:
            return self.currentIndex()
        start = header.sectionPosition(header.logicalIndex(first))
        if action == move.MoveRight:
            target = first + 1
        else:  # a column cut at the left edge is shown whole first
            target = first if bar.value() > start else first - 1
        if 0 <= target < header.count():
            bar.setValue(header.sectionPosition(header.logicalIndex(target)))
        return self.currentIndex()


class ContactsView(QWidget):
    """Search box, tag filter, the contacts table, a count, and actions on the selection."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = ContactsModel(workspace, self)
        self._busy = False  # a write runs: the actions wait for it

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search email, name or company"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumWidth(160)
        self.tag_filter.addItem(self.tr("All tags"), None)
        self.tag_filter.currentIndexChanged.connect(
            lambda _index: self.model.set_tag(self.tag_filter.currentData())
        )
        self.count_label = QLabel(self.tr("Loading…"))

        self.table = RowsTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab moves on to the next control instead of walking every cell of the table.
        self.table.setTabKeyNavigation(False)
        # Per pixel, not per column: with a 260-pixel Email column and a stretched last
        # section, per-column scrolling left the thumb and the columns shown out of step.
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Uniform row heights: the view never measures a row, so a million rows cost nothing.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 260)
        header.setStretchLastSection(True)
        # No sort indicator at first: rows come in the order they were added (by id).
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_action = self._action(
            self.tr("Add…"), self.add_contact, QKeySequence.StandardKey.New
        )
        self.edit_action = self._action(self.tr("Edit…"), self.edit_selected)
        self.delete_action = self._action(
            self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.tag_action = self._action(self.tr("Tag…"), self.tag_selected)
        self.enroll_action = self._action(self.tr("Enroll in campaign…"), self.enroll_selected)
        self.export_action = self._action(self.tr("Export…"), self.export_selected)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status_label = QLabel()

        # The search row and the action buttons: hidden while the workspace has no contact,
        # where the empty state offers the two ways to begin instead.
        self.search_bar = QWidget()
        top = QHBoxLayout(self.search_bar)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.tag_filter)
        top.addWidget(self.count_label)
        self.action_bar = QWidget()
        buttons = QHBoxLayout(self.action_bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        for action in (
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.tag_action,
            self.enroll_action,
            self.export_action,
        ):
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            buttons.addWidget(button)
        # The status and the progress stay outside the bars: adding the first contact shows them.
        actions = QHBoxLayout()
        actions.addWidget(self.action_bar)
        actions.addStretch(1)
        actions.addWidget(self.status_label)
        actions.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_bar)
        layout.addLayout(actions)
        # The table and, at its right, the selected contact's card (collapsible).
        self.contact_panel = ContactPanel(workspace)
        self.contact_panel.setMinimumWidth(PANEL_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.contact_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([10_000, PANEL_WIDTH])  # the table takes the rest
        layout.addWidget(self.splitter, 1)
        self.empty_state = self._empty_state()
        layout.addWidget(self.empty_state, 1)
        self.empty_state.hide()

        self.model.loaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_actions)
        self.model.metadata_changed.connect(self._update_tags)
        self.model.failed.connect(self.show_error)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_panel())
        self.model.modelReset.connect(self._update_panel)
        change_hub().changed.connect(self._workspace_changed)
        self._update_actions()

    def _empty_state(self) -> QWidget:
        """What an empty workspace shows instead of an empty table: the two ways to begin."""
        panel = QWidget()
        heading = QLabel(self.tr("No contacts yet"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        explanation = QLabel(
            self.tr(
                "Import a CSV file exported from a spreadsheet or a CRM, "
                "or add your contacts one by one."
            )
        )
        explanation.setWordWrap(True)
        self.empty_import_button = QPushButton(self.tr("Import a CSV file…"))
        self.empty_import_button.setDefault(True)
        self.empty_import_button.clicked.connect(self.import_csv)
        self.empty_add_button = QPushButton(self.tr("Add a contact…"))
        self.empty_add_button.clicked.connect(self.add_contact)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.empty_import_button)
        buttons.addWidget(self.empty_add_button)
        buttons.addStretch(1)
        column = QVBoxLayout(panel)
        column.addStretch(1)
        for label in (heading, explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(2)
        return panel

    def _update_empty_state(self) -> None:
        """The empty state alone when the workspace has no contact, else the bars and table."""
        empty = self.model.rowCount() == 0 and not self.model.is_filtered
        self.empty_state.setVisible(empty)
        for widget in (self.table, self.contact_panel, self.search_bar, self.action_bar):
            widget.setVisible(not empty)

    def _action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- filters and labels --------------------------------------------------

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def _update_count(self) -> None:
        count = self.model.rowCount()
        if self.model.is_filtered:
            self.count_label.setText(self.tr("%Ln matching", "", count))
        else:
            self.count_label.setText(self.tr("%Ln contact(s)", "", count))
        self._update_empty_state()

    def _update_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        try:
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), None)
            for tag in self.model.tags:
                self.tag_filter.addItem(tag, tag)
            found = self.tag_filter.findData(current) if current else 0
            self.tag_filter.setCurrentIndex(max(found, 0))
        finally:
            self.tag_filter.blockSignals(False)
        if current and self.tag_filter.currentData() != current:  # the tag is gone
            self.model.set_tag(None)

    def selected_intervals(self) -> list[tuple[int, int]]:
        """The selected rows as (top, bottom) intervals (cheap even for a million rows)."""
        return [(r.top(), r.bottom()) for r in self.table.selectionModel().selection()]

    def selected_ids(self) -> list[int]:
        """The ids of the selected contacts, in display order."""
        return self.model.ids_of_rows(self.selected_intervals())

    def selected_count(self) -> int:
        """How many contacts are selected, without listing their ids."""
        return sum(bottom - top + 1 for top, bottom in merge_intervals(self.selected_intervals()))

    def _update_actions(self) -> None:
        selected = self.selected_count()
        idle = not self._busy
        self.add_action.setEnabled(idle)
        self.edit_action.setEnabled(idle and selected == 1)
        for action in (
            self.delete_action,
            self.tag_action,
            self.enroll_action,
            self.export_action,
        ):
            action.setEnabled(idle and selected > 0)

    def _update_panel(self) -> None:
        """The panel shows the one selected contact; the hint when none or several are."""
        ids = self.selected_ids() if self.selected_count() == 1 else []
        self.contact_panel.show_contact(ids[0] if ids else None)

    # -- background work -----------------------------------------------------

    def _run(
        self,
        message: str,
        work: Callable[[Report], Any],
        on_done: Callable[[Any], None] | None = None,
    ) -> None:
        """Run a write through `run_op` with the progress bar; errors become a message box."""
        self._busy = True
        self._update_actions()
        self.status_label.setText(message)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()

        def finish() -> None:
            self._busy = False
            self.progress.hide()
            self.status_label.clear()
            self._update_actions()

        def done(result: Any) -> None:
            finish()
            if on_done is not None:
                on_done(result)

        def failed(error: str) -> None:
            finish()
            self.show_error(error)

        def progressed(count: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(count)

        run_op(self, work, on_done=done, on_failed=failed, progress=progressed)

    def show_error(self, message: str) -> None:
        """One line in a warning box, never a traceback."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Contacts"),
            message.splitlines()[0] if message else "",
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _workspace_changed(self, changes: Changes) -> None:
        """Reload the table when contacts were added, edited, deleted or tagged."""
        if changes.contacts:
            self.model.refresh()

    # -- actions -------------------------------------------------------------

    def import_csv(self) -> ImportWizard:
        """Open the CSV import wizard (the import's Changes reload this table)."""
        wizard = ImportWizard(self.workspace, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def add_contact(self) -> None:
        """Open the dialog for a new contact; saved when accepted."""
        self._open_contact_dialog(None, ContactDialog(self))

    def edit_selected(self) -> None:
        """Open the dialog on the one selected contact."""
        ids = self.selected_ids()
        if len(ids) != 1 or self._busy:
            return
        loaded = load_contact(self.workspace, ids[0])  # one row by primary key
        if loaded is None:
            self.show_error(self.tr("This contact no longer exists."))
            self.model.refresh()
            return
        values, tags = loaded
        self._open_contact_dialog(ids[0], ContactDialog(self, values, tags))

    def _open_contact_dialog(self, contact_id: int | None, dialog: ContactDialog) -> None:
        def save() -> None:
            values, tags, workspace = dialog.values(), dialog.tags(), self.workspace
            self._run(
                self.tr("Saving…"),
                lambda _report: save_contact(workspace, contact_id, values, tags),
            )

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete_selected(self) -> None:
        """Ask, then delete the selected contacts in the background."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        question = self.tr(
            "Delete %Ln contact(s)? Their tags, enrollments and history go too.", "", len(ids)
        )
        box, confirm = delete_question(self, question)

        def answered(_result: int) -> None:
            if box.clickedButton() is not confirm:
                return
            workspace = self.workspace
            self._run(self.tr("Deleting…"), lambda report: delete_contacts(workspace, ids, report))

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def tag_selected(self) -> None:
        """Ask for a tag, then give it to the selected contacts in the background."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        dialog = tag_question(self, self.tr("Tag for %Ln contact(s):", "", len(ids)))

        def answered() -> None:
            tag, workspace = dialog.textValue(), self.workspace
            self._run(self.tr("Tagging…"), lambda report: tag_contacts(workspace, ids, tag, report))

        dialog.accepted.connect(answered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def enroll_selected(self) -> None:
        """Choose a campaign, then enroll the selected contacts in it in the background."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        workspace = self.workspace
        # The campaigns are read in a worker; the question opens when they are known.
        run_in_background(
            self, lambda _report: enrollable_campaigns(workspace),
            on_done=lambda campaigns: self._ask_campaign(ids, campaigns),
            on_failed=self.show_error,
        )  # fmt: skip

    def _ask_campaign(self, ids: list[int], campaigns: list[tuple[int, str]]) -> None:
        """Ask which campaign takes the selected contacts (none: say what to do first)."""
        if not campaigns:
            self.show_error(self.tr("No campaign takes new contacts: create one first."))
            return
        label = self.tr("Campaign for %Ln contact(s):", "", len(ids))
        dialog = campaign_question(self, label, campaigns)

        def answered() -> None:
            campaign_id, workspace = chosen_campaign(dialog, campaigns), self.workspace
            self._run(
                self.tr("Enrolling…"),
                lambda _report: enroll_contacts(workspace, campaign_id, ids=ids),
                self._enrolled,
            )

        dialog.accepted.connect(answered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _enrolled(self, outcome: EnrollOutcome) -> None:
        enrolled = self.tr("%Ln enrolled", "", outcome.enrolled)
        skipped = self.tr("%Ln skipped", "", len(outcome.skipped))
        self.status_label.setText(f"{enrolled}, {skipped}.")

    def export_selected(self) -> None:
        """Choose a file, then write the selected contacts to it in the background."""
        ids = self.selected_ids()
        if not ids or self._busy:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), "contacts.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        workspace = self.workspace
        self._run(
            self.tr("Exporting…"),
            lambda report: export_selection(workspace, ids, path, report),
            lambda count: self.status_label.setText(self.tr("Exported %Ln contact(s).", "", count)),
        )
