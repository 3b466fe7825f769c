"""The Campaigns screen: every campaign with its status and enrollment counts, and its actions.

Reads run through `run_in_background` and writes through `run_op` (the engine may hold
SQLite's write lock for a while), so the GUI thread never waits on the database. The list
reloads whenever the change hub says campaigns or their contacts moved, whoever moved
them. Dialogs are opened with `open()` rather than `exec()`: nothing nests an event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.states import CampaignStatus, EnrollmentState
from ..ops import Changes
from ..ops.campaigns import (
    CampaignSaved,
    campaign_summaries,
    change_campaign_status,
    create_campaign,
    duplicate_campaign,
    starter_document,
    update_campaign,
)
from ..workspace import Workspace
from .campaign.confirmations import ask_archive
from .campaign.statuses import OVER, verb_allowed
from .campaign.statuses import campaign_status_text as campaign_status_text
from .changes import change_hub, run_op
from .tasks import run_in_background

# The per-state columns of the list, after Name, Status and Contacts.
COUNT_STATES = (
    EnrollmentState.IN_PROGRESS,
    EnrollmentState.REPLIED,
    EnrollmentState.COMPLETED,
    EnrollmentState.UNSUBSCRIBED,
    EnrollmentState.ERROR,
)


IN_PROGRESS_COLUMN = 3


class CampaignsList(QWidget):
    """A table of campaigns (status, counts per enrollment state) with New, Duplicate, …"""

    open_requested = Signal(int)  # a campaign id to open in a CampaignView
    loaded = Signal()  # the table shows fresh rows

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[dict[str, Any]] = []

        headers = [
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Contacts"),
            self.tr("In progress"),
            self.tr("Replied"),
            # Contacts who finished (plural), not the campaign's status (its own entry).
            self.tr("Completed", "contacts"),
            self.tr("Unsubscribed"),
            self.tr("Error"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, _column: self.open_selected())

        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self.archive_selected)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.duplicate_button,
            self.rename_button,
            self.archive_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._update_buttons()
        self.refresh()
        change_hub().changed.connect(self._on_changes)

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the campaigns and their counts (in the background)."""
        workspace = self.workspace
        run_in_background(
            self,
            lambda _report: campaign_summaries(workspace),
            on_done=self._show_rows,
            on_failed=self.show_message,
        )

    def _on_changes(self, changes: Changes) -> None:
        """Reload when campaigns or their contacts moved (here, in a campaign, in the engine)."""
        if changes.campaigns or changes.enrollments:
            self.refresh()

    def _show_rows(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected_id()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, summary in enumerate(rows):
            counts = summary["counts"]
            values = [
                summary["name"],
                campaign_status_text(summary["status"]),
                summary["enrollments"],
                *(counts.get(state.value, 0) for state in COUNT_STATES),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column == IN_PROGRESS_COLUMN and summary["status"] in OVER and value:
                    # Over: those contacts get no more emails (display only).
                    item.setText(self.tr("%1 stopped").replace("%1", str(value)))
                    item.setToolTip(
                        self.tr("The campaign is over: these contacts get no more emails.")
                    )
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 1 and summary["status_reason"]:
                    item.setToolTip(summary["status_reason"])
                item.setData(Qt.ItemDataRole.UserRole, summary["id"])
                self.table.setItem(row, column, item)
        if selected is not None:
            self.select_campaign(selected)
        self._update_buttons()
        self.loaded.emit()

    def selected_id(self) -> int | None:
        """The id of the selected campaign, or None."""
        selected = self.table.selectionModel().selectedRows()
        if not selected or not 0 <= selected[0].row() < len(self.rows):
            return None
        return self.rows[selected[0].row()]["id"]

    def _selected(self) -> dict[str, Any] | None:
        campaign_id = self.selected_id()
        return next((row for row in self.rows if row["id"] == campaign_id), None)

    def select_campaign(self, campaign_id: int) -> bool:
        """Select the row of this campaign; False when it is not listed."""
        for row, summary in enumerate(self.rows):
            if summary["id"] == campaign_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        summary = self._selected()
        for button in (self.duplicate_button, self.rename_button, self.open_button):
            button.setEnabled(summary is not None)
        # Enabled for any campaign not yet archived: a refused move (an active campaign)
        # then says why in one line instead of a silently greyed button.
        self.archive_button.setEnabled(
            summary is not None and summary["status"] != CampaignStatus.ARCHIVED
        )
        if summary is not None and summary["status"] == CampaignStatus.ACTIVE:
            self.archive_button.setToolTip(self.tr("Pause the campaign before archiving it."))
        else:
            self.archive_button.setToolTip("")

    # -- actions ------------------------------------------------------------------------------

    def new_campaign(self) -> QInputDialog:
        """Ask for a name, then create a draft (Start → Email → End) and open it."""
        dialog = self._ask_name(self.tr("New campaign"), "")
        dialog.textValueSelected.connect(self.create_campaign)
        return dialog

    def create_campaign(self, name: str) -> None:
        """Create a draft campaign called `name` (in the background), then open it."""
        if not name.strip():
            self.show_message(self.tr("A campaign needs a name."))
            return
        workspace = self.workspace
        created = self.tr("Campaign “%1” created.").replace("%1", name.strip())

        def done(result: CampaignSaved) -> None:
            self._after_write(result.id, created)
            self.open_requested.emit(result.id)

        run_op(
            self,
            lambda _report: create_campaign(workspace, name, starter_document(workspace)),
            on_done=done,
            on_failed=self.show_message,
        )

    def duplicate_selected(self) -> None:
        """Copy the selected campaign's sequence and settings into a new draft "… (copy)"."""
        summary = self._selected()
        if summary is None:
            return
        workspace, source_id = self.workspace, summary["id"]
        name = self.tr("%1 (copy)").replace("%1", summary["name"])
        created = self.tr("Campaign “%1” created.").replace("%1", name)

        def done(result: CampaignSaved) -> None:
            self._after_write(result.id, created)

        run_op(
            self,
            lambda _report: duplicate_campaign(workspace, source_id, name),
            on_done=done,
            on_failed=self.show_message,
        )

    def rename_selected(self) -> QInputDialog | None:
        """Ask for a new name for the selected campaign."""
        summary = self._selected()
        if summary is None:
            return None
        dialog = self._ask_name(self.tr("Rename campaign"), summary["name"])
        dialog.textValueSelected.connect(lambda name: self.rename_campaign(summary["id"], name))
        return dialog

    def rename_campaign(self, campaign_id: int, name: str) -> None:
        """Give a campaign a new name (in the background)."""
        if not name.strip():
            self.show_message(self.tr("A campaign needs a name."))
            return
        workspace = self.workspace
        run_op(
            self,
            lambda _report: update_campaign(workspace, campaign_id, name=name),
            on_done=lambda _result: self._after_write(campaign_id, self.tr("Campaign renamed.")),
            on_failed=self.show_message,
        )

    def archive_selected(self) -> QMessageBox | None:
        """Archive the selected campaign after a confirmation; a refused move shows why."""
        summary = self._selected()
        if summary is None:
            return None
        if not verb_allowed(summary["status"], "archive"):
            self._archive(summary["id"])  # the state machine's refusal is the message
            return None
        return ask_archive(self, summary["name"], lambda: self._archive(summary["id"]))

    def _archive(self, campaign_id: int) -> None:
        workspace = self.workspace
        run_op(
            self,
            lambda _report: change_campaign_status(workspace, campaign_id, "archive"),
            on_done=lambda _result: self._after_write(campaign_id, self.tr("Campaign archived.")),
            on_failed=self.show_message,
        )

    def open_selected(self) -> int | None:
        """Ask to open the selected campaign (`open_requested`)."""
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.open_requested.emit(campaign_id)
        return campaign_id

    # -- helpers ------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """One line under the table: what was done, or why it was refused."""
        self.message.setText(text)

    def _ask_name(self, title: str, current: str) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(current)
        dialog.open()
        # An empty name is refused in the dialog itself: OK waits for one.
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.textValueChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(current.strip()))
        return dialog

    def _after_write(self, campaign_id: int, message: str) -> None:
        """Say what was done; select its campaign once the reload the write caused is in."""
        self.show_message(message)
        self.loaded.connect(self._select_once(campaign_id))

    def _select_once(self, campaign_id: int) -> Callable[[], None]:
        def select() -> None:
            self.loaded.disconnect(select)
            self.select_campaign(campaign_id)

        return select
