"""Charts drawn with pyqtgraph, imported only when a chart is first shown.

pyqtgraph costs about 200 ms to import, so the window must not pay for it at start-up
(DESIGN.md): nothing here imports it at module level. A chart keeps the data it was given
and draws it once pyqtgraph is loaded, then again on every `set_series`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from html import escape
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# Readable on a light and a dark background, distinct for the colour-blind (Okabe-Ito).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7A7A7A")


def day_timestamp(day: date) -> float:
    """A calendar day as the Unix time of its midnight in UTC (the x of a daily chart)."""
    return datetime.combine(day, time(0), tzinfo=UTC).timestamp()


class DailyChart(QWidget):
    """One line per series over calendar days, with a legend above and dates on the x-axis.

    The days are already local to whatever zone the caller counts in; they are drawn as
    they are (the axis is in UTC, so no machine time zone shifts a day).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._plot: Any = None  # pyqtgraph.PlotWidget, created on first show
        # A legend of its own, above the plot: it never hides a point, and shows at once.
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.legend)
        self._days: list[date] = []
        self._series: dict[str, list[int]] = {}
        self._names: dict[str, str] = {}
        self.setMinimumHeight(160)

    def set_series(
        self, days: list[date], series: dict[str, list[int]], names: dict[str, str]
    ) -> None:
        """Show `series` (one value per day, keyed like `names`, the legend's labels)."""
        for key, values in series.items():
            if len(values) != len(days):
                raise ValueError(f"series {key!r} has {len(values)} values for {len(days)} days")
        self._days = list(days)
        self._series = {key: list(values) for key, values in series.items()}
        self._names = dict(names)
        self.legend.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{colour}">&#9632;</span>&nbsp;{escape(self._names.get(key, key))}'
                for key, colour in zip(self._series, _colours(), strict=False)
            )
        )
        if self._plot is not None:
            self._draw()

    def is_loaded(self) -> bool:
        """True once pyqtgraph is imported and the plot exists (after the first show)."""
        return self._plot is not None

    def showEvent(self, event: QShowEvent) -> None:
        """Import pyqtgraph and build the plot the first time the chart is shown."""
        if self._plot is None:
            self._build()
            self._draw()
        super().showEvent(event)

    def _build(self) -> None:
        import pyqtgraph  # lazy: see the module docstring

        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.Text)
        axis = _local_date_axis(pyqtgraph)
        plot = pyqtgraph.PlotWidget(parent=self, axisItems={"bottom": axis})
        plot.setBackground(background)
        item = plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        for side in ("left", "bottom"):
            ax = item.getAxis(side)
            ax.setPen(pyqtgraph.mkPen(_faded(ink)))
            ax.setTextPen(pyqtgraph.mkPen(ink))
        item.getViewBox().setMouseEnabled(x=False, y=False)
        self._plot = plot
        self._layout.addWidget(plot)

    def _draw(self) -> None:
        import pyqtgraph

        item = self._plot.getPlotItem()
        item.clear()
        xs = [day_timestamp(day) for day in self._days]
        for index, (values, colour) in enumerate(
            zip(self._series.values(), _colours(), strict=False)
        ):
            pen = pyqtgraph.mkPen(colour, width=3 if index == 0 else 2)
            item.plot(
                xs,
                values,
                pen=pen,
                symbol="o",
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=None,
            )
        highest = max((max(values, default=0) for values in self._series.values()), default=0)
        item.setYRange(0, max(highest, 1) * 1.1, padding=0)
        if xs:
            half_day = 12 * 3600
            item.setXRange(xs[0] - half_day, xs[-1] + half_day, padding=0)


def _local_date_axis(pyqtgraph: Any) -> Any:
    """A DateAxisItem (in UTC, see DailyChart) whose dates are in the interface's language."""

    class LocalDateAxis(pyqtgraph.DateAxisItem):
        def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
            if spacing < 24 * 3600:
                return super().tickStrings(values, scale, spacing)
            pattern = "ddd d" if spacing < 7 * 24 * 3600 else "d MMM"
            if spacing >= 28 * 24 * 3600:
                pattern = "MMM yyyy"
            texts = []
            for value in values:
                moment = datetime.fromtimestamp(value, UTC)
                shown = QDate(moment.year, moment.month, moment.day)
                texts.append(QLocale().toString(shown, pattern))
            return texts

    return LocalDateAxis(orientation="bottom", utcOffset=0)


def _faded(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(120)
    return faded


def _colours() -> list[str]:
    """As many colours as series can have (they repeat after the palette's seven)."""
    return list(SERIES_COLOURS) * 4


__all__ = ["DailyChart", "day_timestamp"]
