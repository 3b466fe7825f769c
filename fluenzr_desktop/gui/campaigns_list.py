"""The Campaigns screen: every campaign with its status and enrollment counts, and its actions.

Reads run through `run_in_background` and writes through `run_op` (the engine may hold
SQLite's write lock for a while), so the GUI thread never waits on the database. The list
reloads whenever the change hub says campaigns or their contacts moved, whoever moved
them. Dialogs are opened with `open()` rather than `exec()`: nothing nests an event loop.
A workspace without any campaign shows its first steps instead of an empty table (connect
a mailbox, import contacts, create a campaign), each done step marked as done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGridLayout,
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
from ..ops.accounts import list_accounts
from ..ops.campaigns import (
    CampaignSaved,
    campaign_summaries,
    change_campaign_status,
    create_campaign,
    duplicate_campaign,
    starter_document,
    update_campaign,
)
from ..ops.contacts import count_contacts
from ..workspace import Workspace
from .campaign.confirmations import ask_archive
from .campaign.statuses import OVER, verb_allowed
from .campaign.statuses import campaign_status_text as campaign_status_text
from .changes import change_hub, run_op
from .import_wizard import ImportWizard
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
DONE_STYLE = "color: #1b7f3b; font-weight: 600;"


@dataclass(frozen=True)
class FirstStepsDone:
    """Which first steps a workspace without campaigns has already taken."""

    mailbox: bool
    contacts: bool


def first_steps_done(workspace: Workspace) -> FirstStepsDone:
    """Read whether a sending account and contacts exist (a database read: run it in a worker)."""
    return FirstStepsDone(
        mailbox=bool(list_accounts(workspace)), contacts=count_contacts(workspace) > 0
    )


class CampaignsList(QWidget):
    """A table of campaigns (status, counts per enrollment state) with New, Duplicate, …"""

    open_requested = Signal(int)  # a campaign id to open in a CampaignView
    loaded = Signal()  # the table (or, without campaigns, the first steps) shows fresh rows
    section_requested = Signal(str)  # a main-window section to show ("accounts")

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[dict[str, Any]] = []
        # The first steps taken, read with the campaigns while there are none (else None).
        self.first_steps: FirstStepsDone | None = None
        self._request = 0  # the newest read wins

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
        self.template_button = QPushButton(self.tr("Start from a template…"))
        self.template_button.clicked.connect(self.new_from_template)
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

        # The action buttons and the table: hidden while the workspace has no campaign, where
        # the first steps show instead (until the first read, neither shows).
        self.action_bar = QWidget()
        buttons = QHBoxLayout(self.action_bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.new_button,
            self.template_button,
            self.duplicate_button,
            self.rename_button,
            self.archive_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.action_bar)
        layout.addWidget(self.table, 1)
        self.empty_state = self._empty_state()
        layout.addWidget(self.empty_state, 1)
        layout.addWidget(self.message)
        for widget in (self.action_bar, self.table, self.empty_state):
            widget.hide()
        self._update_buttons()
        self.refresh()
        change_hub().changed.connect(self._on_changes)

    def _empty_state(self) -> QWidget:
        """What a workspace without campaigns shows instead of an empty table: the first steps."""
        panel = QWidget()
        heading = QLabel(self.tr("No campaigns yet"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        explanation = QLabel(
            self.tr(
                "A campaign sends a sequence of emails to your contacts from your own "
                "mailbox, and stops for each contact who replies."
            )
        )
        explanation.setWordWrap(True)
        # A measure that reads well: wrapped in even lines, not one word left on its own.
        explanation.setMaximumWidth(explanation.fontMetrics().averageCharWidth() * 72)
        for label in (heading, explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mailbox_button = QPushButton(self.tr("Connect your mailbox…"))
        self.mailbox_button.clicked.connect(lambda: self.section_requested.emit("accounts"))
        self.mailbox_done = QLabel(self.tr("✓ Mailbox connected"))
        self.import_button = QPushButton(self.tr("Import contacts…"))
        self.import_button.clicked.connect(self.import_contacts)
        self.import_done = QLabel(self.tr("✓ Contacts imported"))
        self.empty_new_button = QPushButton(self.tr("New campaign…"))
        self.empty_new_button.clicked.connect(self.new_campaign)
        steps = QGridLayout()
        steps.setHorizontalSpacing(12)
        for row, (button, done) in enumerate(
            (
                (self.mailbox_button, self.mailbox_done),
                (self.import_button, self.import_done),
                (self.empty_new_button, None),
            )
        ):
            number = QLabel(f"{row + 1}.")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            steps.addWidget(number, row, 0)
            steps.addWidget(button, row, 1)
            if done is not None:
                done.setStyleSheet(DONE_STYLE)
                done.setMinimumHeight(button.sizeHint().height())  # no jump when it is done
                done.hide()
                steps.addWidget(done, row, 1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(steps)
        centred.addStretch(1)
        column = QVBoxLayout(panel)
        column.addStretch(1)
        column.addWidget(heading)
        measure = QHBoxLayout()  # centred, as wide as its measure when the window allows
        measure.addStretch(1)
        measure.addWidget(explanation, 100)
        measure.addStretch(1)
        column.addLayout(measure)
        column.addSpacing(16)
        column.addLayout(centred)
        column.addStretch(2)
        return panel

    def _show_first_steps(self, done: FirstStepsDone) -> None:
        """Mark the steps already taken; the first one still to take is the default button."""
        for button, label, taken in (
            (self.mailbox_button, self.mailbox_done, done.mailbox),
            (self.import_button, self.import_done, done.contacts),
        ):
            button.setVisible(not taken)
            label.setVisible(taken)
        next_step = next(
            button
            for button, taken in (
                (self.mailbox_button, done.mailbox),
                (self.import_button, done.contacts),
                (self.empty_new_button, False),
            )
            if not taken
        )
        for button in (self.mailbox_button, self.import_button, self.empty_new_button):
            button.setDefault(button is next_step)

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the campaigns and their counts, or the first steps (in the background)."""
        self._request += 1
        request, workspace = self._request, self.workspace

        def read(_report: object) -> tuple[list[dict[str, Any]], FirstStepsDone | None]:
            rows = campaign_summaries(workspace)
            return rows, None if rows else first_steps_done(workspace)

        run_in_background(
            self,
            read,
            on_done=lambda result: self._show_read(request, *result),
            on_failed=lambda message: self._read_failed(request, message),
        )

    def _on_changes(self, changes: Changes) -> None:
        """Reload when campaigns or their contacts moved (here, in a campaign, in the engine)."""
        # While the first steps show, an account or contacts added marks a step as done.
        first_steps_moved = not self.rows and (changes.accounts or changes.contacts)
        if changes.campaigns or changes.enrollments or first_steps_moved:
            self.refresh()

    def _show_read(
        self, request: int, rows: list[dict[str, Any]], done: FirstStepsDone | None
    ) -> None:
        if request != self._request:
            return  # a newer read is on its way
        empty = done is not None
        self.first_steps = done
        if done is not None:
            self._show_first_steps(done)
        self.empty_state.setVisible(empty)
        for widget in (self.action_bar, self.table):
            widget.setVisible(not empty)
        self._show_rows(rows)

    def _read_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        if self.empty_state.isHidden():  # never read yet: the (empty) table says it failed
            self.action_bar.show()
            self.table.show()
        self.show_message(message)

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

    def import_contacts(self) -> ImportWizard:
        """Open the CSV import wizard, as File › Import contacts does (its import reloads this)."""
        wizard = ImportWizard(self.workspace, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

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

    def new_from_template(self) -> QWidget:
        """Open the template gallery; the campaign it creates opens, as with New…."""
        from .template_gallery import TemplateGallery

        gallery = TemplateGallery(self.workspace, self)
        gallery.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def created() -> None:
            campaign_id = gallery.created_campaign_id
            if campaign_id is not None:
                name = gallery.campaign_name()
                self._after_write(
                    campaign_id, self.tr("Campaign “%1” created.").replace("%1", name)
                )
                self.open_requested.emit(campaign_id)

        gallery.accepted.connect(created)
        gallery.open()
        return gallery

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
