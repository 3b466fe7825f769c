"""The Contacts tab: the campaign's contacts by state, Enroll… and Retry errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.states import CampaignStatus, EnrollmentState
from ...ops.campaigns import (
    ENROLLABLE,
    RetryOutcome,
    list_enrollments,
    retry_contacts,
    tag_names,
    waiting_per_step,
)
from ...ops.enrollments import NO_SUCH_CONTACT, EnrollOutcome, enroll_contacts
from ...workspace import Workspace
from ..changes import run_op
from ..tasks import run_in_background
from .enroll_dialog import EnrollDialog
from .enrollments_model import EnrollmentsModel
from .statuses import enrollment_state_text, stopped

# The reason `ops.enrollments` gives an address that is no contact (shown in our words).


class ContactsTab(QWidget):
    """A table of the campaign's contacts (state, step, next action, last error)."""

    loaded = Signal(object)  # fresh rows are shown; carries step id → contacts waiting there
    message = Signal(str)  # one line for the screen: why the table could not load

    def __init__(
        self,
        workspace: Workspace,
        campaign_id: int,
        node_text: Callable[[str | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.status = CampaignStatus.DRAFT.value
        self._request = 0
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All states"), None)
        for state in EnrollmentState:
            self.state_filter.addItem(self.state_text(state.value), state.value)
        self.state_filter.currentIndexChanged.connect(lambda _index: self.load_enrollments())
        self.enrollment_count = QLabel()
        self.enroll_button = QPushButton(self.tr("Enroll…"))
        self.enroll_button.clicked.connect(self.open_enroll_dialog)
        self.retry_button = QPushButton(self.tr("Retry errors"))
        self.retry_button.setToolTip(
            self.tr(
                "Put the selected contacts in error (all of them if none is selected) back "
                "where they stood, once you fixed the cause."
            )
        )
        self.retry_button.clicked.connect(self.retry_selected)
        headers = [
            self.tr("Email"),
            self.tr("State"),
            self.tr("Current step"),
            self.tr("Next action"),
            self.tr("Last error"),
        ]
        self.enrollments = EnrollmentsModel(headers, self.state_text, node_text, self)
        self.enrollments.hide_next_action = lambda state: stopped(self.status, state)
        self.enrollments_table = self._table()
        self.enroll_progress = QProgressBar()
        self.enroll_progress.setRange(0, 0)  # enrolling reports no progress: a busy bar
        self.enroll_progress.setMaximumWidth(200)
        self.enroll_progress.hide()
        self.enroll_report = QLabel()
        self.enroll_report.setWordWrap(True)
        self.skipped_list = QListWidget()
        self.skipped_list.setMaximumHeight(120)
        self.skipped_list.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("State:")))
        top.addWidget(self.state_filter)
        top.addWidget(self.enrollment_count, 1)
        top.addWidget(self.enroll_progress)
        top.addWidget(self.retry_button)
        top.addWidget(self.enroll_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.enrollments_table, 1)
        layout.addWidget(self.enroll_report)
        layout.addWidget(self.skipped_list)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.enrollments)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        rows = table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 240)
        header.setStretchLastSection(True)
        return table

    def state_text(self, state: str) -> str:
        """The translated name of an enrollment state (Stopped once the campaign is over)."""
        return enrollment_state_text(state, self.status)

    def set_status(self, status: str) -> None:
        """Enrolling is open while the campaign takes new contacts."""
        changed, self.status = status != self.status, status
        self.enroll_button.setEnabled(status in ENROLLABLE)
        if changed:  # states shown as Stopped follow the status
            self.enrollments.refresh_cells()

    def set_time_zone(self, zone_name: str) -> None:
        """Show the next actions in the campaign's time zone, named in the column header."""
        self.enrollments.set_time_zone(
            zone_name, self.tr("Next action (%1)").replace("%1", zone_name)
        )

    # -- reading ----------------------------------------------------------------------------

    def load_enrollments(self) -> None:
        """Reload the table for the chosen state (in the background; the newest request wins)."""
        workspace, campaign_id = self.workspace, self.campaign_id
        state = self.state_filter.currentData()
        self._request += 1
        request = self._request

        def work(_report: Any) -> tuple[list, dict[str, int]]:
            rows = list_enrollments(workspace, campaign_id, state)
            return rows, waiting_per_step(workspace, campaign_id)

        def done(result: tuple[list, dict[str, int]]) -> None:
            if request != self._request:
                return  # a newer filter was chosen meanwhile
            rows, waiting = result
            self.enrollments.set_rows(rows)
            self.enrollment_count.setText(self.tr("%Ln contact(s)", "", len(rows)))
            self.loaded.emit(waiting)

        run_in_background(self, work, on_done=done, on_failed=self.message.emit)

    # -- enrolling --------------------------------------------------------------------------

    def open_enroll_dialog(self) -> EnrollDialog:
        """The Enroll dialog; its tags load in the background."""
        dialog = EnrollDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.enroll(*dialog.choice()))
        workspace = self.workspace
        run_in_background(
            dialog,
            lambda _report: tag_names(workspace),
            on_done=dialog.set_tags,
            on_failed=dialog.tags_failed,
        )
        dialog.open()
        return dialog

    def enroll(self, mode: str, value: Any = None) -> None:
        """Enroll all contacts, a tag's contacts or pasted addresses; report the skipped ones."""
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> EnrollOutcome:
            return enroll_contacts(
                workspace,
                campaign_id,
                everyone=mode == "all",
                tag=value if mode == "tag" else None,
                emails=value if mode not in ("all", "tag") else (),
            )

        def done(outcome: EnrollOutcome) -> None:
            self.enroll_progress.hide()
            # Contacts skipped for a reason first, then the addresses that are no contact.
            known = [e for e in outcome.skipped if e["reason"] != NO_SUCH_CONTACT]
            unknown = [e for e in outcome.skipped if e["reason"] == NO_SUCH_CONTACT]
            lines = [f"{entry['email']} — {entry['reason']}" for entry in known]
            no_contact = self.tr("no contact with this address")
            lines += [f"{entry['email']} — {no_contact}" for entry in unknown]
            self.enroll_report.setText(
                self.tr("%Ln contact(s) enrolled, %1 skipped.", "", outcome.enrolled).replace(
                    "%1", str(len(lines))
                )
            )
            self._show_skipped(lines)

        def failed(message: str) -> None:
            self.enroll_progress.hide()
            self.enroll_report.setText(message)

        self.enroll_progress.show()
        self.enroll_report.setText(self.tr("Enrolling…"))
        run_op(self, work, on_done=done, on_failed=failed)

    def retry_selected(self) -> None:
        """Retry the selected contacts in error, or every contact in error if none is selected."""
        rows = {index.row() for index in self.enrollments_table.selectionModel().selectedRows()}
        chosen = [self.enrollments.rows[row] for row in sorted(rows)]
        emails = [row.email for row in chosen if row.state == EnrollmentState.ERROR.value]
        if chosen and not emails:
            self.enroll_report.setText(self.tr("None of the selected contacts is in error."))
            return
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> RetryOutcome:
            return retry_contacts(workspace, campaign_id, emails=emails, all_errors=not emails)

        def done(outcome: RetryOutcome) -> None:
            self.enroll_report.setText(
                self.tr(
                    "%Ln contact(s) back in the sequence, %1 skipped.", "", len(outcome.retried)
                ).replace("%1", str(len(outcome.skipped)))
            )
            self._show_skipped([f"{e['email']} — {e['reason']}" for e in outcome.skipped])

        run_op(self, work, on_done=done, on_failed=self.enroll_report.setText)

    def _show_skipped(self, lines: list[str]) -> None:
        self.skipped_list.clear()
        self.skipped_list.addItems(lines)
        self.skipped_list.setVisible(bool(lines))
