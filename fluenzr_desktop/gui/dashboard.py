"""The Dashboard page: today's sends against the caps, the replies to answer, campaigns
ranked by reply rate, and a 30-day chart of sends, opens, clicks and replies.

Everything is read in one worker (`ops.dashboard.dashboard`); the newest read wins. A
write or an engine event broadcast on the change hub reads it again while the page is
shown; while hidden, the page only notes that it is stale and reads when shown again.
Reply texts, names and campaign names are shown as plain text, never as rich text.

The plan line (the plan in force and, on Free, today's sends against its limit) is not
read here: the main window's `PlanWatcher` reads it once for the status bar and this page,
and hands it to `show_plan`.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.plans import FREE_DAILY_LIMIT
from ..ops import Changes
from ..ops.dashboard import CapUsage, Dashboard, RankedCampaign, ReplyItem
from ..workspace import Workspace
from .campaign.statuses import campaign_status_text
from .changes import change_hub
from .charts import DailyChart
from .contact_panel import local_text
from .figures_text import percent_text
from .plan_text import plan_name
from .plan_usage import PlanUsage
from .tasks import run_in_background

# The chart's series, in the order of its legend (keys of `ops.dashboard.DailySeries`).
SERIES_NAMES = {
    "sent": QT_TRANSLATE_NOOP("DashboardView", "Sent"),
    "opened": QT_TRANSLATE_NOOP("DashboardView", "Opened"),
    "clicked": QT_TRANSLATE_NOOP("DashboardView", "Clicked"),
    "replied": QT_TRANSLATE_NOOP("DashboardView", "Replied"),
}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as written: Qt would render "<b>x</b>" in a tooltip."""
    return QtGui.Qt.convertFromPlainText(text)


class OpeningTable(QTableWidget):
    """A read-only table whose row is opened by a double-click or by Enter."""

    row_opened = Signal(int)

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.cellDoubleClicked.connect(lambda row, _column: self.row_opened.emit(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Return opens the current row."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.row_opened.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class DashboardView(QWidget):
    """The Dashboard: caps, replies to answer, the ranking and the 30-day chart."""

    loaded = Signal()  # fresh figures are on screen
    contact_requested = Signal(int)  # a contact id to show on the Contacts screen
    campaign_requested = Signal(int)  # a campaign id to open
    campaigns_requested = Signal()  # "Go to Campaigns" (no campaign yet)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.data: Dashboard | None = None
        self._request = 0  # the newest read wins
        self._stale = True  # read on the next show
        self._reading = False  # a read is running: another waits for it (never a pile)
        self._again = False  # something changed meanwhile: read once more when it is in

        self.caps_box = QGroupBox(self.tr("Sent today"))
        self.caps_grid = QGridLayout(self.caps_box)
        self.caps_grid.setColumnStretch(0, 1)
        self.caps_grid.setVerticalSpacing(2)
        self.cap_bars: list[QProgressBar] = []

        self.replies_table = OpeningTable(
            [self.tr("Contact"), self.tr("Campaign"), self.tr("Reply"), self.tr("Received")]
        )
        header = self.replies_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(170)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.replies_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.replies_table.setToolTip(self.tr("Double-click a reply to see the contact."))
        self.replies_table.row_opened.connect(self._open_reply)
        self.no_replies = self._hint(self.tr("No replies yet. They appear here as they arrive."))
        replies_box = self._box(self.tr("Replies to answer"), self.replies_table, self.no_replies)

        self.campaigns_table = OpeningTable(
            [
                self.tr("Campaign"),
                self.tr("Status"),
                self.tr("Sent"),
                self.tr("Reply rate"),
                self.tr("Open rate"),
            ]
        )
        header = self.campaigns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.campaigns_table.setToolTip(self.tr("Double-click a campaign to open it."))
        # As tall as the caps beside it (it scrolls), not as tall as a table would like.
        self.campaigns_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.campaigns_table.setMinimumHeight(100)
        self.campaigns_table.row_opened.connect(self._open_campaign)
        no_campaigns = QWidget()
        hint = self._hint(self.tr("No campaigns yet."))
        self.new_campaign_button = QPushButton(self.tr("Go to Campaigns"))
        self.new_campaign_button.clicked.connect(self.campaigns_requested)
        column = QVBoxLayout(no_campaigns)
        column.addWidget(hint)
        column.addWidget(self.new_campaign_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self.no_campaigns = no_campaigns
        ranking_box = self._box(
            self.tr("Campaigns by reply rate"), self.campaigns_table, self.no_campaigns
        )

        # Hidden until there is something to draw: pyqtgraph is imported on its first show,
        # after the window's first paint (and never for a workspace without campaigns).
        self.chart = DailyChart()
        self.chart.setMinimumHeight(150)
        self.chart.hide()
        self.no_activity = self._hint(self.tr("Sends, opens, clicks and replies appear here."))
        self.chart_box = QGroupBox(self.tr("Last 30 days"))
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.no_activity, 1)
        self.chart_note = QLabel()
        self.chart_note.setEnabled(False)  # drawn greyed: a note, not content
        chart_layout.addWidget(self.chart_note)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("dashboardPlan")
        self.plan_label.setWordWrap(True)
        self.plan_label.hide()  # until the window hands it the plan (`show_plan`)

        # The caps and the ranking side by side; the replies and the chart at full width.
        top = QHBoxLayout()
        top.addWidget(self.caps_box, 1)
        top.addWidget(ranking_box, 2)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(self.plan_label)
        layout.addLayout(top, 0)
        layout.addWidget(replies_box, 3)
        layout.addWidget(self.chart_box, 2)
        # Below this height the page scrolls instead of crushing its tables and chart.
        content.setMinimumHeight(500)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        change_hub().changed.connect(self._on_changes)

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)  # drawn greyed: a hint, not content
        return label

    @staticmethod
    def _box(title: str, table: QWidget, empty: QWidget) -> QGroupBox:
        """A titled box showing `table`, or `empty` while the table has no rows."""
        box = QGroupBox(title)
        pages = QStackedWidget()
        pages.addWidget(table)
        pages.addWidget(empty)
        pages.setCurrentWidget(empty)
        layout = QVBoxLayout(box)
        layout.addWidget(pages)
        return box

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every figure again in a worker (after the read in flight, if any)."""
        from ..ops.dashboard import dashboard

        self._stale = False
        if self._reading:
            self._again = True
            return
        self._reading = True
        self._request += 1
        request, workspace = self._request, self.workspace
        run_in_background(
            self,
            lambda _report: dashboard(workspace),
            on_done=lambda data: self._show(request, data),
            on_failed=lambda message: self._failed(request, message),
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again after changes it missed (or for the first time): read again."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        """Any write can move a figure here: read again if shown, else on the next show."""
        if not changes:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _settle(self) -> None:
        """A read is in: start the one that changes asked for meanwhile."""
        self._reading = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, request: int, message: str) -> None:
        newest = request == self._request
        self._settle()
        if not newest:
            return
        self._stale = True  # try again on the next show
        self.status_label.setText(
            self.tr("The dashboard could not be read: %1").replace("%1", message)
        )
        self.status_label.show()

    def _show(self, request: int, data: Dashboard) -> None:
        # Shown even when another read starts now: under a stream of changes, figures a
        # second old are better than none.
        newest = request == self._request
        self._settle()
        if not newest:
            return
        self.data = data
        self.status_label.hide()
        self._show_caps(data.caps)
        self._show_replies(data.replies)
        self._show_campaigns(data.campaigns)
        self._show_series(data)
        self.loaded.emit()

    def show_plan(self, usage: PlanUsage) -> None:
        """The plan in force; on Free, today's sends against its daily limit."""
        name = plan_name(usage.plan)
        if usage.free:
            text = (
                self.tr("%1 plan: %2 of %3 emails sent today across the workspace.")
                .replace("%1", name)
                .replace("%2", str(usage.sent_today))
                .replace("%3", str(FREE_DAILY_LIMIT))
            )
        else:
            text = self.tr(
                "%1 plan: no limit from the plan; the daily caps you set still apply."
            ).replace("%1", name)
        self.plan_label.setText(text)
        self.plan_label.show()

    # -- the four parts --------------------------------------------------------------------

    def _show_caps(self, caps: list[CapUsage]) -> None:
        while self.caps_grid.count():
            item = self.caps_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.cap_bars = []
        for row, usage in enumerate(caps):
            label = QLabel(usage.name)
            if usage.account_id is None:
                label.setText(self.tr("Daily cap, all accounts"))
                label.setToolTip(self.tr("Emails sent today by all your accounts together."))
            else:
                label.setToolTip(plain_tip(f"{usage.name} <{usage.email}>"))
            label.setTextFormat(Qt.TextFormat.PlainText)
            bar = QProgressBar()
            bar.setRange(0, max(usage.cap, 1))
            bar.setValue(min(usage.sent, max(usage.cap, 1)))
            bar.setTextVisible(False)
            figures = QLabel(
                self.tr("%1 / %2").replace("%1", str(usage.sent)).replace("%2", str(usage.cap))
            )
            figures.setAlignment(RIGHT)
            if usage.sent >= usage.cap:
                figures.setToolTip(self.tr("The cap is reached: sending waits for tomorrow."))
                figures.setStyleSheet("font-weight: 600;")
            # The name above its bar: an account's "Name <address>" is long.
            self.caps_grid.addWidget(label, 2 * row, 0, 1, 2)
            self.caps_grid.addWidget(bar, 2 * row + 1, 0)
            self.caps_grid.addWidget(figures, 2 * row + 1, 1)
            self.cap_bars.append(bar)
        self.caps_grid.setRowStretch(2 * len(caps), 1)  # extra height below, not between

    def _show_replies(self, replies: list[ReplyItem]) -> None:
        table = self.replies_table
        table.setRowCount(len(replies))
        for row, reply in enumerate(replies):
            who = reply.contact_name or reply.contact_email
            values = [
                who,
                reply.campaign_name,
                reply.excerpt,
                local_text(reply.received_at),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, reply.contact_id)
                table.setItem(row, column, item)
            table.item(row, 0).setToolTip(plain_tip(reply.contact_email))
            table.item(row, 2).setToolTip(plain_tip(reply.excerpt))
        self._show_table(table, bool(replies))

    def _show_campaigns(self, campaigns: list[RankedCampaign]) -> None:
        table = self.campaigns_table
        selected = table.currentRow()
        table.setRowCount(len(campaigns))
        for row, ranked in enumerate(campaigns):
            values = [
                ranked.name,
                campaign_status_text(ranked.status),
                str(ranked.sent),
                percent_text(ranked.reply_rate),
                percent_text(ranked.open_rate),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, ranked.campaign_id)
                if column >= 2:
                    item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
        if 0 <= selected < len(campaigns):
            table.selectRow(selected)
        self._show_table(table, bool(campaigns))

    @staticmethod
    def _show_table(table: QTableWidget, filled: bool) -> None:
        pages = table.parentWidget()
        if isinstance(pages, QStackedWidget):
            pages.setCurrentIndex(0 if filled else 1)

    def _show_series(self, data: Dashboard) -> None:
        series = data.series
        names = {key: _series_name(key) for key in series.counts}
        self.chart.set_series(list(series.days), dict(series.counts), names)
        self.chart.setVisible(data.has_campaigns)
        self.no_activity.setVisible(not data.has_campaigns)
        self.chart_note.setVisible(data.has_campaigns)
        totals = {key: sum(values) for key, values in series.counts.items()}
        self.chart_note.setText(
            self.tr("%1 sent, %2 opened, %3 clicked, %4 replied · days in %5")
            .replace("%1", str(totals.get("sent", 0)))
            .replace("%2", str(totals.get("opened", 0)))
            .replace("%3", str(totals.get("clicked", 0)))
            .replace("%4", str(totals.get("replied", 0)))
            .replace("%5", series.timezone)
        )

    # -- opening ---------------------------------------------------------------------------

    def _open_reply(self, row: int) -> None:
        item = self.replies_table.item(row, 0)
        contact_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if contact_id is not None:
            self.contact_requested.emit(int(contact_id))

    def _open_campaign(self, row: int) -> None:
        item = self.campaigns_table.item(row, 0)
        campaign_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if campaign_id is not None:
            self.campaign_requested.emit(int(campaign_id))


def _series_name(key: str) -> str:
    return QCoreApplication.translate("DashboardView", SERIES_NAMES.get(key, key))
