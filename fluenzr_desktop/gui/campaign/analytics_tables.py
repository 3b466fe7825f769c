"""The Analytics tab's per-step and per-link parts: the step funnel, the step and link tables,
and how a figure is written (percentages and durations in the interface's language).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain.stats import Figures
from ...ops.stats import StatsRow
from ..figures_text import count_text, percent_text

StepText = Callable[[Any], str]  # a step's node id (None: no step) → what the user calls it


def number_item(text: str, sort_value: float) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, sort_value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def set_up_table(table: QTableWidget, columns: list[str]) -> None:
    """A read-only table as tall as its rows (the tab scrolls, not each table)."""
    table.setColumnCount(len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def fit_height(table: QTableWidget) -> None:
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    header = table.horizontalHeader()
    # Before the first layout the header's height is its one-line default: ask its hint.
    header_height = max(header.height(), header.sizeHint().height())
    table.setFixedHeight(rows + header_height + 2 * table.frameWidth() + 2)


class StepTable(QTableWidget):
    """One row per email step: reply rate first, then sent, delivered, open and click rates,
    bounces and unsubscribes. Row `i` is step `step_ids[i]`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            self.tr("Step"),
            self.tr("Reply rate"),
            self.tr("Sent"),
            self.tr("Delivered"),
            self.tr("Open rate"),
            self.tr("Click rate"),
            self.tr("Bounces"),
            self.tr("Unsubscribes"),
        ]
        set_up_table(self, columns)
        self.step_ids: list[Any] = []

    def show_rows(self, rows: list[StatsRow], step_text: StepText) -> None:
        """Fill the table with these steps' figures (the selection is kept by step)."""
        selected = self.selected_step()
        self.setRowCount(len(rows))
        self.step_ids = [row.key for row in rows]
        for index, row in enumerate(rows):
            figures: Figures = row.figures
            c, rates = figures.counts, figures.rates()
            title = QTableWidgetItem(step_text(row.key))
            title.setToolTip(title.text())
            cells = [
                title,
                number_item(percent_text(rates["reply_rate"]), rates["reply_rate"] or 0),
                number_item(count_text(c.sent), c.sent),
                number_item(count_text(figures.delivered), figures.delivered),
                number_item(percent_text(rates["open_rate"]), rates["open_rate"] or 0),
                number_item(percent_text(rates["click_rate"]), rates["click_rate"] or 0),
                number_item(count_text(figures.bounced), figures.bounced),
                number_item(
                    count_text(c.unsubscribed + c.complained), c.unsubscribed + c.complained
                ),
            ]
            for column, cell in enumerate(cells):
                self.setItem(index, column, cell)
        fit_height(self)
        self.select_step(selected)

    def selected_step(self) -> Any:
        """The node id of the selected row, None when no row is selected."""
        rows = self.selectionModel().selectedRows()
        return self.step_ids[rows[0].row()] if rows else None

    def select_step(self, node_id: Any) -> bool:
        """Select the row of step `node_id` (clear the selection when it has none)."""
        if node_id is not None and node_id in self.step_ids:
            self.selectRow(self.step_ids.index(node_id))
            return True
        self.clearSelection()
        return False


class LinkTable(QTableWidget):
    """One row per link clicked: its URL, unique clicks, every human click, machine clicks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            self.tr("Link"),
            self.tr("Unique clicks"),
            self.tr("All clicks"),
            self.tr("Machine clicks"),
        ]
        set_up_table(self, columns)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.machine_column = 3
        self.horizontalHeaderItem(self.machine_column).setToolTip(
            self.tr(
                "Clicks by link scanners and mail filters: shown apart, never counted as clicks."
            )
        )

    def show_links(self, links: list[dict[str, Any]]) -> None:
        """Fill the table (most unique clicks first, as the statistics give them)."""
        self.setRowCount(len(links))
        for index, link in enumerate(links):
            url = QTableWidgetItem(str(link["url"]))
            url.setToolTip(str(link["url"]))
            self.setItem(index, 0, url)
            for column, key in enumerate(("unique", "total", "machine"), start=1):
                value = int(link.get(key) or 0)
                self.setItem(index, column, number_item(count_text(value), value))
        fit_height(self)


@dataclass(frozen=True)
class _FunnelStep:
    node_id: Any
    title: str
    values: tuple[int, int, int, int]  # sent, opened, clicked, replied


class StepFunnel(QWidget):
    """Per email step, four horizontal bars: sent → opened → clicked → replied.

    Bars share one scale (the most sent by a step); the selected step is highlighted, and a
    click on a step selects it (`step_clicked`).
    """

    step_clicked = Signal(object)

    BAR = 14
    GAP = 3
    TITLE_GAP = 6
    STEP_GAP = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[_FunnelStep] = []
        self.selected: Any = None
        self.names = (self.tr("Sent"), self.tr("Opened"), self.tr("Clicked"), self.tr("Replied"))
        self.colours = (QColor("#7A7A7A"), QColor("#E69F00"), QColor("#009E73"), QColor("#0072B2"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_rows(self, rows: list[StatsRow], step_text: StepText) -> None:
        """Draw these steps (those with a node id: inbound mail with no step has no funnel)."""
        self.steps = [
            _FunnelStep(
                row.key,
                step_text(row.key),
                (
                    row.figures.counts.sent,
                    row.figures.counts.opened,
                    row.figures.counts.clicked,
                    row.figures.counts.replied,
                ),
            )
            for row in rows
            if row.key is not None
        ]
        self.setFixedHeight(self._height())
        self.update()

    def select_step(self, node_id: Any) -> None:
        """Highlight step `node_id` (None: no highlight)."""
        self.selected = node_id
        self.update()

    def _step_height(self) -> int:
        line = QFontMetrics(self.font()).height()
        return line + self.TITLE_GAP + 4 * self.BAR + 3 * self.GAP

    def _height(self) -> int:
        if not self.steps:
            return 0
        return len(self.steps) * (self._step_height() + self.STEP_GAP) + 4

    def sizeHint(self) -> QSize:
        return QSize(400, self._height())

    def step_at(self, y: float) -> Any:
        """The node id of the step drawn at height `y`, None between or below the steps."""
        index = int(y // (self._step_height() + self.STEP_GAP))
        return self.steps[index].node_id if 0 <= index < len(self.steps) else None

    def mousePressEvent(self, event) -> None:
        node_id = self.step_at(event.position().y())
        if node_id is not None:
            self.step_clicked.emit(node_id)
        super().mousePressEvent(event)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        metrics = QFontMetrics(self.font())
        label_width = max(metrics.horizontalAdvance(name) for name in self.names) + 12
        number_width = metrics.horizontalAdvance("1,000,000") + 12
        bar_left = label_width
        bar_room = max(self.width() - bar_left - number_width, 20)
        scale = max((step.values[0] for step in self.steps), default=0) or 1
        top = 0
        for step in self.steps:
            height = self._step_height()
            if step.node_id == self.selected:
                shade = QColor(palette.color(QPalette.ColorRole.Highlight))
                shade.setAlpha(50)
                painter.fillRect(QRectF(0, top - 2, self.width(), height + 6), shade)
            painter.setPen(ink)
            title = metrics.elidedText(step.title, Qt.TextElideMode.ElideRight, self.width() - 4)
            painter.drawText(QRectF(2, top, self.width() - 4, metrics.height()), title)
            y = top + metrics.height() + self.TITLE_GAP
            for name, value, colour in zip(self.names, step.values, self.colours, strict=True):
                painter.setPen(ink)
                painter.drawText(
                    QRectF(2, y, label_width - 8, self.BAR),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )
                width = bar_room * value / scale
                painter.fillRect(QRectF(bar_left, y, max(width, 1), self.BAR), colour)
                painter.drawText(
                    QRectF(bar_left + width + 6, y, number_width, self.BAR),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    count_text(value),
                )
                y += self.BAR + self.GAP
            top += height + self.STEP_GAP
        painter.end()
