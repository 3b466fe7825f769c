"""The Campaigns screen: every campaign with its status and enrollment counts, and its actions.

Reads and writes run through `run_in_background` (the engine may hold SQLite's write lock
for a while), so the GUI thread never waits on the database. Dialogs are opened with
`open()` rather than `exec()`: nothing nests an event loop, and tests reach the dialog
through `active_dialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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

from ..domain.errors import FluenzrError
from ..domain.states import CampaignStatus, EnrollmentState, campaign_verb_target
from ..workspace import Workspace
from .tasks import run_in_background

# The per-state columns of the list, after Name, Status and Contacts.
COUNT_STATES = (
    EnrollmentState.IN_PROGRESS,
    EnrollmentState.REPLIED,
    EnrollmentState.COMPLETED,
    EnrollmentState.UNSUBSCRIBED,
    EnrollmentState.ERROR,
)


def campaign_status_text(status: str) -> str:
    """The translated name of a campaign status (the list and the campaign view share it)."""
    names = {
        CampaignStatus.DRAFT: QCoreApplication.translate("CampaignsList", "Draft"),
        CampaignStatus.ACTIVE: QCoreApplication.translate("CampaignsList", "Active"),
        CampaignStatus.PAUSED: QCoreApplication.translate("CampaignsList", "Paused"),
        CampaignStatus.COMPLETED: QCoreApplication.translate("CampaignsList", "Completed"),
        CampaignStatus.ARCHIVED: QCoreApplication.translate("CampaignsList", "Archived"),
    }
    return names.get(status, status)


def verb_allowed(status: str, verb: str) -> bool:
    """Whether the state machine lets `verb` (activate, pause, resume, archive) apply now."""
    try:
        campaign_verb_target(status, verb)
    except FluenzrError:
        return False
    return True


class CampaignsList(QWidget):
    """A table of campaigns (status, counts per enrollment state) with New, Duplicate, …"""

    open_requested = Signal(int)  # a campaign id to open in a CampaignView
    changed = Signal()  # a campaign was created, renamed, duplicated or archived
    loaded = Signal()  # the table shows fresh rows
    settled = Signal()  # a background job (load or action) ended, whatever its outcome

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[dict[str, Any]] = []
        self.active_dialog: QDialog | None = None  # the dialog or message box last opened
        self.busy = 0

        headers = [
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Contacts"),
            self.tr("In progress"),
            self.tr("Replied"),
            self.tr("Completed"),
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

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the campaigns and their counts (in the background)."""
        workspace = self.workspace

        def work(_report: Any) -> list[dict[str, Any]]:
            from ..store.campaigns import campaign_summary, list_campaigns, state_counts

            with workspace.sessions() as session:
                campaigns = list_campaigns(session)
                counts = state_counts(session, [campaign.id for campaign in campaigns])
                return [campaign_summary(c, counts[c.id]) for c in campaigns]

        self._run(work, self._show_rows)

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
        """Ask for a name, then create a draft campaign with a Start → End sequence."""
        dialog = self._ask_name(self.tr("New campaign"), "")
        dialog.textValueSelected.connect(self.create_campaign)
        return dialog

    def create_campaign(self, name: str) -> None:
        """Create a draft campaign called `name` (in the background)."""
        if not name.strip():
            self.show_message(self.tr("A campaign needs a name."))
            return
        workspace = self.workspace

        def work(_report: Any) -> int:
            from ..domain.workflow import new_document
            from ..store.campaigns import create_campaign

            with workspace.session() as session:
                return create_campaign(session, name, new_document()).id

        created = self.tr("Campaign “%1” created.").replace("%1", name.strip())
        self._run(work, lambda campaign_id: self._after_write(campaign_id, created))

    def duplicate_selected(self) -> None:
        """Copy the selected campaign's sequence and settings into a new draft "… (copy)"."""
        summary = self._selected()
        if summary is None:
            return
        workspace, source_id = self.workspace, summary["id"]
        name = self.tr("%1 (copy)").replace("%1", summary["name"])

        def work(_report: Any) -> int:
            from ..store.campaigns import create_campaign, get_campaign

            with workspace.session() as session:
                source = get_campaign(session, source_id)
                return create_campaign(session, name, source.document).id

        created = self.tr("Campaign “%1” created.").replace("%1", name)
        self._run(work, lambda campaign_id: self._after_write(campaign_id, created))

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

        def work(_report: Any) -> int:
            from ..store.campaigns import get_campaign

            with workspace.session() as session:
                get_campaign(session, campaign_id).name = name.strip()
            return campaign_id

        self._run(work, lambda _id: self._after_write(campaign_id, self.tr("Campaign renamed.")))

    def archive_selected(self) -> QMessageBox | None:
        """Archive the selected campaign after a confirmation; a refused move shows why."""
        summary = self._selected()
        if summary is None:
            return None
        if not verb_allowed(summary["status"], "archive"):
            self._archive(summary["id"])  # the state machine's refusal is the message
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Archive campaign"),
            self.tr("Archive “%1”? An archived campaign cannot be reopened.").replace(
                "%1", summary["name"]
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self._archive(summary["id"]) if button is yes else None
        )
        self.active_dialog = box
        box.open()
        return box

    def _archive(self, campaign_id: int) -> None:
        workspace = self.workspace

        def work(_report: Any) -> int:
            from ..store.campaigns import change_status, get_campaign

            with workspace.session() as session:
                change_status(session, get_campaign(session, campaign_id), "archive")
            return campaign_id

        self._run(work, lambda _id: self._after_write(campaign_id, self.tr("Campaign archived.")))

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
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(current)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _after_write(self, campaign_id: int, message: str) -> None:
        self.show_message(message)
        self.changed.emit()
        # Select the campaign the action was about once the fresh rows are in.
        self.loaded.connect(self._select_once(campaign_id))
        self.refresh()

    def _select_once(self, campaign_id: int) -> Callable[[], None]:
        def select() -> None:
            self.loaded.disconnect(select)
            self.select_campaign(campaign_id)

        return select

    def _run(self, work: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        self.busy += 1

        def done(result: Any) -> None:
            self.busy -= 1
            on_done(result)
            self.settled.emit()

        def failed(message: str) -> None:
            self.busy -= 1
            self.show_message(message)
            self.settled.emit()

        run_in_background(self, work, on_done=done, on_failed=failed)
