"""The Analytics tab: a campaign's figures, reply rate first, read in the background.

Built on first show (its chart imports pyqtgraph then, never at start-up). Figures are read
with `ops.stats.campaign_stats` in a worker; the newest read wins. While the tab is visible
it reloads when the change hub says campaigns or enrollments moved (the engine's sends,
inbox and tracking pulls are broadcast there, throttled by `bridge.EngineChangeRelay`);
while hidden it only notes that its figures are stale and reloads when shown again.
A step selected on the canvas (`highlight_step`) is selected in the step table and the funnel.
A campaign with A/B tested emails also shows their tests (`ab_test_panel`); a manual pick
is recorded in a worker (`gui.changes.run_op`), whose broadcast reloads the tab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.stats import Figures
from ...ops import Changes
from ...ops.ab_tests import NodeTest, ab_test_report, pick_variant
from ...ops.stats import CampaignStats, campaign_stats
from ...workspace import Workspace
from ..changes import change_hub, run_op, show_failure
from ..charts import DailyChart
from ..figures_text import count_text, duration_text, percent_text
from ..tasks import run_in_background
from .ab_test_panel import AbTestPanel
from .analytics_tables import LinkTable, StepFunnel, StepTable


@dataclass(frozen=True)
class CampaignAnalytics:
    """What the tab shows: figures per step (with the campaign's total), per day, per link,
    and the A/B tests of its emails with variants."""

    steps: CampaignStats
    days: CampaignStats
    links: CampaignStats
    ab_tests: list[NodeTest] = field(default_factory=list)

    @property
    def total(self) -> Figures:
        return self.steps.total


def read_analytics(workspace: Workspace, campaign_id: int) -> CampaignAnalytics:
    """Every figure the tab shows, read at once (runs in a worker)."""
    return CampaignAnalytics(
        steps=campaign_stats(workspace, campaign_id, "step"),
        days=campaign_stats(workspace, campaign_id, "day"),
        links=campaign_stats(workspace, campaign_id, "link"),
        ab_tests=ab_test_report(workspace, campaign_id),
    )


class _Tile(QFrame):
    """One headline figure: its value, what it is, and a line of detail."""

    def __init__(self, caption: str, value_points: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(value_points)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str = "", tooltip: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setToolTip(tooltip)


class AnalyticsTab(QWidget):
    """A campaign's headline figures, daily timeline, step funnel and tables, and links."""

    loaded = Signal()  # figures shown (or the failure to read them)

    def __init__(
        self,
        workspace: Workspace,
        campaign_id: int,
        step_text: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self._node_text = step_text
        self.analytics: CampaignAnalytics | None = None
        self.highlighted: str | None = None
        self.stale = True
        self.reads = 0  # reads started; the answer of an older one is dropped
        self.built = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 6, 0, 0)
        change_hub().changed.connect(self._on_changes)

    # -- building (on first show) ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Build on first show; read the figures when they are stale."""
        if not self.built:
            self._build()
        super().showEvent(event)
        if self.stale:
            self.reload()

    def _build(self) -> None:
        self.built = True
        self.status = QLabel(self.tr("Loading figures…"))
        self.status.setWordWrap(True)
        self.empty = QLabel(self.tr("No emails sent yet: figures appear as the campaign sends."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.figures = QWidget()
        self.figures.hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.figures)
        self.scroll = scroll
        column = QVBoxLayout(self.figures)
        column.setContentsMargins(8, 4, 8, 8)
        column.setSpacing(12)
        column.addLayout(self._build_headline())
        column.addWidget(self.tracking_note)
        self.ab_panel = AbTestPanel()
        self.ab_panel.hide()
        self.ab_panel.pick_requested.connect(self._pick_variant)
        column.addWidget(self.ab_panel)
        self.chart = DailyChart()
        self.chart.setMinimumHeight(220)
        self.timeline = QGroupBox(self.tr("Day by day"))
        timeline_layout = QVBoxLayout(self.timeline)
        self.zone_label = QLabel()
        timeline_layout.addWidget(self.zone_label)
        timeline_layout.addWidget(self.chart)
        column.addWidget(self.timeline)
        self.step_table = StepTable()
        self.funnel = StepFunnel()
        self.funnel.step_clicked.connect(self._funnel_clicked)
        self.step_table.itemSelectionChanged.connect(self._table_selection_changed)
        steps = QGroupBox(self.tr("By step"))
        steps_layout = QVBoxLayout(steps)
        steps_layout.addWidget(self.step_table)
        steps_layout.addWidget(self.funnel)
        column.addWidget(steps)
        self.link_table = LinkTable()
        self.no_links = QLabel(self.tr("No tracked link was clicked yet."))
        links = QGroupBox(self.tr("Links clicked"))
        links_layout = QVBoxLayout(links)
        links_layout.addWidget(self.link_table)
        links_layout.addWidget(self.no_links)
        column.addWidget(links)
        column.addStretch(1)
        self._layout.addWidget(self.status)
        self._layout.addWidget(self.empty, 1)
        self._layout.addWidget(scroll, 1)

    def _build_headline(self) -> QHBoxLayout:
        self.reply_tile = _Tile(self.tr("Reply rate"), 30)
        self.reply_tile.setMinimumWidth(180)
        self.tiles = {
            "sent": _Tile(self.tr("Sent"), 15),
            "delivered": _Tile(self.tr("Delivered"), 15),
            "opened": _Tile(self.tr("Opened"), 15),
            "clicked": _Tile(self.tr("Clicked"), 15),
            "bounced": _Tile(self.tr("Bounced"), 15),
            "unsubscribed": _Tile(self.tr("Unsubscribed"), 15),
            "errors": _Tile(self.tr("Errors"), 15),
            "first_reply": _Tile(self.tr("Time to first reply"), 15),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 4, index % 4)
        self.tracking_note = QLabel()
        self.tracking_note.setWordWrap(True)
        small = QFont(self.tracking_note.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        self.tracking_note.setFont(small)
        self.tracking_note.setStyleSheet("color: palette(placeholder-text);")
        self.tracking_note.setToolTip(
            self.tr(
                "Apple Mail Privacy Protection downloads every image when a message arrives,"
                " read or not: those proxied opens are shown apart and never counted as opens."
                "\nMachine hits are prefetches, link scanners and mail filters opening or"
                " clicking before a person does: labelled, never counted as opens or clicks."
            )
        )
        headline = QHBoxLayout()
        headline.setSpacing(8)
        headline.addWidget(self.reply_tile)
        headline.addLayout(grid, 1)
        return headline

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the figures again in the background (the newest read's answer is shown)."""
        if not self.built:
            self.stale = True
            return
        self.stale = False
        self.reads += 1
        read = self.reads
        workspace, campaign_id = self.workspace, self.campaign_id
        if self.analytics is None:
            self.status.setText(self.tr("Loading figures…"))
            self.status.show()
        run_in_background(
            self,
            lambda _report: read_analytics(workspace, campaign_id),
            on_done=lambda analytics: self._answered(read, analytics),
            on_failed=lambda message: self._failed(read, message),
        )

    def loading(self) -> bool:
        """True while the newest read has not answered."""
        return self.built and self.status.isVisible() and self.analytics is None

    def _answered(self, read: int, analytics: CampaignAnalytics) -> None:
        if read != self.reads:
            return  # a newer read is on its way
        self.analytics = analytics
        self.status.hide()
        self._show(analytics)
        self.loaded.emit()

    def _failed(self, read: int, message: str) -> None:
        if read != self.reads:
            return
        self.status.setText(self.tr("The figures could not be read: %1").replace("%1", message))
        self.status.show()
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        """Sends, replies, opens and clicks move campaigns or enrollments: reload if shown."""
        if not (changes.campaigns or changes.enrollments):
            return
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    # -- showing --------------------------------------------------------------------------------

    def _show(self, analytics: CampaignAnalytics) -> None:
        total = analytics.total
        sent_any = total.counts.sent > 0
        self.empty.setVisible(not sent_any)
        self.scroll.setVisible(sent_any)
        self.figures.setVisible(sent_any)
        if not sent_any:
            return
        self._show_headline(total)
        self.ab_panel.show_tests(analytics.ab_tests, self.step_text)
        self._show_timeline(analytics.days)
        self.step_table.show_rows(analytics.steps.rows, self.step_text)
        self.funnel.show_rows(analytics.steps.rows, self.step_text)
        self.link_table.show_links(analytics.links.links)
        self.link_table.setVisible(bool(analytics.links.links))
        self.no_links.setVisible(not analytics.links.links)
        self.highlight_step(self.highlighted)

    def _pick_variant(self, node_id: str, variant_id: str | None) -> None:
        """Record a manual pick (None: back to the split) in a worker; its broadcast reloads."""
        workspace, campaign_id = self.workspace, self.campaign_id

        def failed(message: str) -> None:
            self.ab_panel.pick_failed()
            show_failure(self, message)

        run_op(
            self,
            lambda _report: pick_variant(workspace, campaign_id, node_id, variant_id),
            on_failed=failed,
        )

    def _show_headline(self, total: Figures) -> None:
        c, rates = total.counts, total.rates()
        self.reply_tile.show_figure(
            percent_text(rates["reply_rate"]),
            self.tr("replied: %1 · delivered: %2")
            .replace("%1", count_text(c.replied))
            .replace("%2", count_text(total.delivered)),
            self.tr("Messages that got a reply, against messages delivered (sent − bounced)."),
        )
        tiles = self.tiles
        tiles["sent"].show_figure(count_text(c.sent))
        tiles["delivered"].show_figure(count_text(total.delivered))
        if total.delivered_tracked_opens:
            tiles["opened"].show_figure(
                percent_text(rates["open_rate"]),
                self.tr("messages: %1").replace("%1", count_text(c.opened)),
                self.tr("Unique human opens, against delivered messages that carried a pixel."),
            )
        else:
            tiles["opened"].show_figure("—", self.tr("tracking off"))
        if total.delivered_tracked_clicks:
            tiles["clicked"].show_figure(
                percent_text(rates["click_rate"]),
                self.tr("messages: %1").replace("%1", count_text(c.clicked)),
                self.tr(
                    "Messages with a human click, against delivered messages with tracked links."
                ),
            )
        else:
            tiles["clicked"].show_figure("—", self.tr("tracking off"))
        tiles["bounced"].show_figure(
            count_text(total.bounced),
            percent_text(rates["bounce_rate"]),
            self.tr(
                "Final bounces (a delayed-delivery warning is not one), against messages sent."
            ),
        )
        complaints = (
            self.tr("spam complaints: %1").replace("%1", count_text(c.complained))
            if c.complained
            else ""
        )
        tiles["unsubscribed"].show_figure(count_text(c.unsubscribed), complaints)
        tiles["errors"].show_figure(
            count_text(c.errors), "", self.tr("Contacts of this campaign in Error now.")
        )
        tiles["first_reply"].show_figure(
            duration_text(total.reply_seconds_median),
            self.tr("contacts who replied: %1").replace("%1", count_text(total.replied_contacts))
            if total.replied_contacts
            else "",
            self.tr(
                "Median time from the first email to the first reply, over contacts who replied."
            ),
        )
        self.tracking_note.setText(
            self.tr("Apple proxied opens: %1 · Machine hits: %2 (messages: %3)")
            .replace("%1", count_text(c.proxied))
            .replace("%2", count_text(c.machine_hits))
            .replace("%3", count_text(c.machine))
        )

    def _show_timeline(self, days: CampaignStats) -> None:
        self.zone_label.setText(
            self.tr("Sends, opens, clicks and replies per day (%1 time).").replace(
                "%1", days.timezone
            )
        )
        rows = days.rows
        series = {
            "replied": [row.figures.counts.replied for row in rows],
            "sent": [row.figures.counts.sent for row in rows],
            "opened": [row.figures.counts.opened for row in rows],
            "clicked": [row.figures.counts.clicked for row in rows],
        }
        names = {
            "replied": self.tr("Replies"),
            "sent": self.tr("Sends"),
            "opened": self.tr("Opens"),
            "clicked": self.tr("Clicks"),
        }
        self.chart.set_series([row.key for row in rows], series, names)

    def step_text(self, node_id: Any) -> str:
        """A step as the user knows it; inbound mail that came before any email has no step."""
        if node_id is None:
            return self.tr("No step (the contact wrote first)")
        return self._node_text(node_id)

    # -- the highlighted step -------------------------------------------------------------------

    def highlight_step(self, node_id: str | None) -> None:
        """Select step `node_id`'s figures (None, or a step without figures: no highlight)."""
        self.highlighted = node_id
        if not self.built:
            return
        self.step_table.blockSignals(True)
        try:
            self.step_table.select_step(node_id)
        finally:
            self.step_table.blockSignals(False)
        self.funnel.select_step(node_id if node_id in self.step_table.step_ids else None)

    def _funnel_clicked(self, node_id: Any) -> None:
        self.step_table.select_step(node_id)

    def _table_selection_changed(self) -> None:
        self.funnel.select_step(self.step_table.selected_step())
