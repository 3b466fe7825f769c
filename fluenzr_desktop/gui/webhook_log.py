"""The delivery log of one webhook endpoint: newest first, what was sent and how it went.

Each row: when the event was queued, its type, its state (delivered, failed, pending and
when it is tried next), the attempts made, the last HTTP status and the receiver's last
answer or error, in this computer's time. "Failed only" keeps the failed deliveries and
those retrying after an error. Redeliver queues the selected delivery again (same
`webhook-id` and body; Pro). Every read and write runs in a worker.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.plans import Gate
from ..ops.webhooks import DeliveryView, redeliver, webhook_deliveries
from ..workspace import Workspace
from .plan_text import gate_text
from .settings_rows import ERROR_STYLE, HELP_STYLE, one_line
from .tasks import run_in_background
from .webhook_dialog import event_type_text

# Characters of a receiver's answer shown in a cell (the whole answer is its tooltip).
ANSWER_CHARS = 120


def local_moment_text(moment: datetime | None) -> str:
    """A stored UTC time in this computer's time and the locale's words; "" for none."""
    if moment is None:
        return ""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    shown = QDateTime(
        QDate(utc.year, utc.month, utc.day),
        QTime(utc.hour, utc.minute, utc.second),
        QTimeZone.utc(),
    ).toLocalTime()
    return QLocale().toString(shown, "ddd d MMM HH:mm:ss")


def one_line_excerpt(text: str | None, limit: int = ANSWER_CHARS) -> str:
    """A receiver's text on one line, cut with an ellipsis."""
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def delivery_state_text(delivery: DeliveryView) -> str:
    """What became of a delivery, in the window's language, with the next try when waiting."""
    if delivery.state == "delivered":
        return QCoreApplication.translate("WebhookLog", "Delivered")
    if delivery.state == "failed":
        return QCoreApplication.translate("WebhookLog", "Failed")
    if delivery.state == "delivering":
        return QCoreApplication.translate("WebhookLog", "Sending…")
    if delivery.attempts:
        return QCoreApplication.translate("WebhookLog", "Retrying at %1").replace(
            "%1", local_moment_text(delivery.next_attempt_at)
        )
    return QCoreApplication.translate("WebhookLog", "Pending")


def answer_text(delivery: DeliveryView) -> str:
    """The receiver's last answer or the error of the last attempt, on one line."""
    if delivery.last_error:
        return one_line_excerpt(delivery.last_error)
    return one_line_excerpt(delivery.last_response)


class WebhookLogDialog(QDialog):
    """The deliveries of one endpoint, newest first; "Failed only"; Redeliver the selected."""

    loaded = Signal()  # the table shows a fresh read
    answered = Signal(str)  # a redelivery was queued or refused (its line)

    def __init__(
        self,
        workspace: Workspace,
        webhook_id: int,
        url: str,
        *,
        gate: Gate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.webhook_id = webhook_id
        self.deliveries: list[DeliveryView] = []
        self._read_serial = 0
        self.setWindowTitle(self.tr("Delivery log — %1").replace("%1", url))
        self.resize(900, 480)

        self.failed_only_box = QCheckBox(self.tr("Failed only"))
        self.failed_only_box.toggled.connect(lambda _checked: self.reload())
        self.count_label = QLabel()
        self.count_label.setStyleSheet(HELP_STYLE)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Queued"),
                self.tr("Event"),
                self.tr("Status"),
                self.tr("Attempts"),
                self.tr("HTTP"),
                self.tr("Last answer or error"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.redeliver_button = QPushButton(self.tr("Redeliver"))
        self.redeliver_button.setEnabled(False)
        self.redeliver_button.clicked.connect(self.redeliver_selected)
        self.can_redeliver = gate is None  # redelivering needs the plan's webhooks
        if gate is not None:
            self.redeliver_button.setToolTip(gate_text(gate))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.failed_only_box)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.redeliver_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result_label)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        """Read the endpoint's deliveries (in a worker) and show them, newest first."""
        workspace = self.workspace
        webhook_id = self.webhook_id
        failed_only = self.failed_only_box.isChecked()
        self._read_serial += 1
        serial = self._read_serial

        def done(deliveries: list[DeliveryView]) -> None:
            if serial == self._read_serial:
                self.show_deliveries(deliveries)

        def failed(message: str) -> None:
            if serial == self._read_serial:
                self._result(one_line(message), error=True)
                self.loaded.emit()

        run_in_background(
            self,
            lambda _report: webhook_deliveries(workspace, webhook_id, failed_only=failed_only),
            on_done=done,
            on_failed=failed,
        )

    def show_deliveries(self, deliveries: list[DeliveryView]) -> None:
        """Fill the table (newest first), keeping the selected delivery selected."""
        selected = self.selected_delivery()
        self.deliveries = sorted(deliveries, key=lambda delivery: delivery.id, reverse=True)
        self.table.setRowCount(len(self.deliveries))
        for row, delivery in enumerate(self.deliveries):
            answer = answer_text(delivery)
            cells = (
                local_moment_text(delivery.created_at),
                delivery.event_type,
                delivery_state_text(delivery),
                str(delivery.attempts),
                str(delivery.last_status) if delivery.last_status is not None else "—",
                answer,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(event_type_text(delivery.event_type))
                elif column == 5:
                    full = delivery.last_error or delivery.last_response or ""
                    item.setToolTip(full[:2000])
                elif column == 2 and delivery.last_attempt_at is not None:
                    item.setToolTip(
                        self.tr("Last attempt: %1").replace(
                            "%1", local_moment_text(delivery.last_attempt_at)
                        )
                    )
                if column == 2 and delivery.state == "failed":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
            if selected is not None and delivery.id == selected.id:
                self.table.selectRow(row)
        self.count_label.setText(
            self.tr("%n delivery(ies), newest first", "", len(self.deliveries))
            if self.deliveries
            else (
                self.tr("No failed deliveries.")
                if self.failed_only_box.isChecked()
                else self.tr("Nothing sent to this endpoint yet.")
            )
        )
        self._follow_selection()
        self.loaded.emit()

    def selected_delivery(self) -> DeliveryView | None:
        """The delivery of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.deliveries):
            return None
        return self.deliveries[rows[0].row()]

    def _follow_selection(self) -> None:
        self.redeliver_button.setEnabled(
            self.can_redeliver and self.selected_delivery() is not None
        )

    def redeliver_selected(self) -> None:
        """Queue the selected delivery again (in a worker), then read the log again."""
        delivery = self.selected_delivery()
        if delivery is None:
            return
        workspace = self.workspace
        self.redeliver_button.setEnabled(False)

        def queued(_view: DeliveryView) -> None:
            text = self.tr("Queued again: it is sent in turn, with the same webhook-id.")
            self._result(text)
            self.answered.emit(text)
            self.reload()

        def refused(message: str) -> None:
            self._result(one_line(message), error=True)
            self._follow_selection()
            self.answered.emit(one_line(message))

        run_in_background(
            self, lambda _report: redeliver(workspace, delivery.id), on_done=queued,
            on_failed=refused,
        )  # fmt: skip

    def _result(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setVisible(bool(text))
