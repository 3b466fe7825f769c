"""The Analytics tab's A/B tests: per tested email, each variant's figures, the verdict in
words, the winner in force, and the manual pick ("Make B the winner" / "Back to the split").

The verdict's reasons are worded here and only here (`reason_text`, `verdict_text`), from
the domain's reason codes (`domain.ab_test`), so the window reads them in its language.
The panel only shows and asks: the tab runs the pick in a worker (`pick_requested`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.ab_test import (
    MIN_SENDS_PER_VARIANT,
    MIN_TOTAL_SUCCESSES,
    NOT_CONFIDENT,
    SINGLE_VARIANT,
    TOO_FEW_SENDS,
    TOO_FEW_SUCCESSES,
    WIN_PROBABILITY,
    Metric,
)
from ...ops.ab_tests import NodeTest, fewest_sends, leader, total_successes
from ..figures_text import count_text, percent_text
from .analytics_tables import fit_height, number_item, set_up_table

CONTEXT = "AbTests"

# Reason code → its wording (%1… filled by `reason_text`).
REASONS = {
    TOO_FEW_SENDS: QT_TRANSLATE_NOOP("AbTests", "each variant needs %1 sends (%2 has %3)"),
    NOT_CONFIDENT: QT_TRANSLATE_NOOP("AbTests", "no variant is %1 likely to be best yet (%2: %3)"),
    SINGLE_VARIANT: QT_TRANSLATE_NOOP("AbTests", "a test needs two variants or more"),
}
TOO_FEW = {
    Metric.REPLIES: QT_TRANSLATE_NOOP("AbTests", "%1 replies in all are needed (%2 so far)"),
    Metric.CLICKS: QT_TRANSLATE_NOOP("AbTests", "%1 clicks in all are needed (%2 so far)"),
}
METRICS = {
    Metric.REPLIES: QT_TRANSLATE_NOOP("AbTests", "replies"),
    Metric.CLICKS: QT_TRANSLATE_NOOP("AbTests", "clicks"),
    Metric.OPENS: QT_TRANSLATE_NOOP("AbTests", "opens"),
}
RATE_HEADERS = {
    Metric.REPLIES: QT_TRANSLATE_NOOP("AbTests", "Reply rate\n[90% interval]"),
    Metric.CLICKS: QT_TRANSLATE_NOOP("AbTests", "Click rate\n[90% interval]"),
    Metric.OPENS: QT_TRANSLATE_NOOP("AbTests", "Open rate\n[90% interval]"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _fill(text: str, *values: str) -> str:
    for index, value in enumerate(values, start=1):
        text = text.replace(f"%{index}", value)
    return text


def _whole_percent(value: float) -> str:
    """A probability as a whole percentage ("95%", "95 %" in French)."""
    return QCoreApplication.translate("CampaignAnalytics", "%1%").replace(
        "%1", QLocale().toString(round(value * 100))
    )


def reason_text(code: str, test: NodeTest) -> str:
    """One reason a test has no winner yet, in the window's language."""
    if code == TOO_FEW_SENDS:
        short = fewest_sends(test)
        return _fill(
            _tr(REASONS[code]), count_text(MIN_SENDS_PER_VARIANT), short.id, count_text(short.sends)
        )
    if code == TOO_FEW_SUCCESSES:
        wording = TOO_FEW.get(test.metric, TOO_FEW[Metric.REPLIES])
        return _fill(
            _tr(wording), count_text(MIN_TOTAL_SUCCESSES), count_text(total_successes(test))
        )
    if code == NOT_CONFIDENT:
        best = leader(test)
        return _fill(
            _tr(REASONS[code]),
            _whole_percent(WIN_PROBABILITY),
            best.id,
            percent_text(best.probability_best),
        )
    return _tr(REASONS[code]) if code in REASONS else code


def verdict_text(test: NodeTest) -> str:
    """What the test says: the winner and how sure, or why not yet and how far off."""
    decision = test.decision
    if decision.winner is not None:
        best = leader(test)
        return _fill(
            QCoreApplication.translate(
                "AbTests", "Variant %1 wins: it is %2 likely to be best on %3."
            ),
            decision.winner,
            percent_text(best.probability_best),
            _tr(METRICS[test.metric]),
        )
    reasons = ""
    for code in decision.reasons:
        clause = reason_text(code, test)
        reasons = (
            _fill(QCoreApplication.translate("AbTests", "%1; %2"), reasons, clause)
            if reasons
            else clause
        )
    text = _fill(QCoreApplication.translate("AbTests", "Not enough data yet: %1."), reasons)
    if decision.more_sends_needed is not None:
        text += " " + _fill(
            QCoreApplication.translate(
                "AbTests", "About %1 more sends per variant would typically settle it."
            ),
            count_text(decision.more_sends_needed),
        )
    return text


def _moment_text(at: datetime) -> str:
    """A stored UTC moment in the user's time zone and short date format."""
    seconds = int(at.replace(tzinfo=UTC).timestamp())
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(seconds), "d MMM yyyy, HH:mm")


def in_force_text(test: NodeTest) -> str:
    """Which variant new contacts get: the pick, the automatic winner, or the split."""
    winner = test.winner
    if winner is None:
        if test.auto_winner:
            return QCoreApplication.translate(
                "AbTests",
                "No winner yet: contacts are split between the variants until the test"
                " declares one (automatic winner is on).",
            )
        return QCoreApplication.translate(
            "AbTests", "No winner in force: contacts are split between the variants."
        )
    if winner.manual:
        return _fill(
            QCoreApplication.translate(
                "AbTests",
                "In force: variant %1, picked by hand on %2. Contacts not yet sent get it.",
            ),
            winner.variant,
            _moment_text(winner.at),
        )
    return _fill(
        QCoreApplication.translate(
            "AbTests",
            "In force: variant %1, decided automatically on %2. Contacts not yet sent get it.",
        ),
        winner.variant,
        _moment_text(winner.at),
    )


class VariantTable(QTableWidget):
    """One row per variant: sends, replies, the metric's rate with its 90% interval, human
    opens (unreliable), clicks, probability to be best and expected loss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            self.tr("Variant"),
            self.tr("Sent"),
            self.tr("Delivered"),
            self.tr("Replies"),
            _tr(RATE_HEADERS[Metric.REPLIES]),
            self.tr("Human opens\n(unreliable)"),
            self.tr("Clicks"),
            self.tr("P(best)"),
            self.tr("Expected\nloss"),
        ]
        set_up_table(self, self.columns)
        self.opens_column = 5
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeaderItem(self.opens_column).setToolTip(self.opens_tooltip())
        self.horizontalHeaderItem(7).setToolTip(
            self.tr(
                "How likely each variant is to have the best true rate, given the sends so far"
                " (a Beta model per variant). A winner needs 95%."
            )
        )
        self.horizontalHeaderItem(8).setToolTip(
            self.tr(
                "What choosing this variant would cost on average if another is in fact"
                " better, in points of rate. Close to 0: little to lose."
            )
        )

    def opens_tooltip(self) -> str:
        return self.tr(
            "Opens are not reliable: Apple Mail Privacy Protection downloads every image"
            " when a message arrives, read or not, and other clients block images. Those"
            " proxied opens are not counted here, but a test is never judged on opens."
        )

    def show_test(self, test: NodeTest) -> None:
        """Fill the table with this node's variants."""
        rate_header = QTableWidgetItem(_tr(RATE_HEADERS[test.metric]))
        rate_header.setToolTip(
            self.tr(
                "The measured rate, and the range that holds the true rate with 90%"
                " probability: the wider it is, the less the sends so far tell."
            )
        )
        self.setHorizontalHeaderItem(4, rate_header)
        self.setRowCount(len(test.variants))
        for row, variant in enumerate(test.variants):
            c, judged = variant.figures.counts, variant.test
            name = QTableWidgetItem(
                _fill(self.tr("%1 · %2"), variant.id, variant.summary)
                if variant.summary
                else variant.id
            )
            name.setToolTip(variant.summary)
            if variant.id == test.decision.winner:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            interval = _fill(
                self.tr("%1 [%2 – %3]"),
                percent_text(judged.rate),
                percent_text(judged.interval_low),
                percent_text(judged.interval_high),
            )
            opens = number_item(count_text(c.opened), c.opened)
            opens.setToolTip(self.opens_tooltip())
            opens.setForeground(self.palette().placeholderText())
            cells = [
                name,
                number_item(count_text(c.sent), c.sent),
                number_item(count_text(variant.delivered), variant.delivered),
                number_item(count_text(c.replied), c.replied),
                number_item(interval, judged.rate or 0),
                opens,
                number_item(count_text(c.clicked), c.clicked),
                number_item(percent_text(judged.probability_best), judged.probability_best),
                number_item(percent_text(judged.expected_loss), judged.expected_loss),
            ]
            for column, cell in enumerate(cells):
                self.setItem(row, column, cell)
        fit_height(self)


class NodeTestBox(QGroupBox):
    """One tested email: its variant table, the verdict, the winner in force and the pick."""

    pick_requested = Signal(str, object)  # node id, variant id (None: back to the split)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test: NodeTest | None = None
        self.suggested: str | None = None  # the main button's variant (None: open the menu)
        self.table = VariantTable()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_force = QLabel()
        self.in_force.setWordWrap(True)
        self.in_force.setStyleSheet("color: palette(placeholder-text);")
        self.pick_button = QToolButton()
        self.pick_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.pick_button.clicked.connect(self._pick_leader)
        self.pick_menu = QMenu(self.pick_button)
        self.pick_button.setMenu(self.pick_menu)
        self.split_button = QPushButton(self.tr("Back to the split"))
        self.split_button.setToolTip(
            self.tr(
                "Forget the pick: new contacts are split between the variants again"
                " (an automatic winner, if on, may be declared again)."
            )
        )
        self.split_button.clicked.connect(self._back_to_split)
        actions = QHBoxLayout()
        actions.addWidget(self.pick_button)
        actions.addWidget(self.split_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.verdict)
        layout.addWidget(self.in_force)
        layout.addLayout(actions)

    def show_test(self, test: NodeTest, title: str) -> None:
        """Show this node's test under `title` (the step as the user knows it)."""
        self.test = test
        self.setTitle(title)
        self.table.show_test(test)
        self.verdict.setText(verdict_text(test))
        self.in_force.setText(in_force_text(test))
        suggested: str | None = test.decision.winner or leader(test).id
        if test.winner is not None and test.winner.manual and test.winner.variant == suggested:
            suggested = None  # already picked: the button offers the others
        self.suggested = suggested
        self.pick_button.setText(
            _fill(self.tr("Make %1 the winner"), suggested)
            if suggested
            else self.tr("Pick another variant")
        )
        self.pick_button.setToolTip(
            self.tr(
                "Send this variant to every contact not yet sent at this email."
                " A pick by hand overrides automatic winners."
            )
        )
        self.pick_menu.clear()
        picked = test.winner.variant if test.winner is not None and test.winner.manual else None
        for variant in test.variants:
            if variant.id == picked:
                continue
            action = QAction(_fill(self.tr("Make %1 the winner"), variant.id), self.pick_menu)
            action.triggered.connect(lambda _=False, v=variant.id: self._ask(v))
            self.pick_menu.addAction(action)
        self.split_button.setVisible(test.winner is not None)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """Disable the actions while a pick is being recorded."""
        self.pick_button.setDisabled(busy)
        self.split_button.setDisabled(busy)

    def _pick_leader(self) -> None:
        if self.suggested is None:
            self.pick_button.showMenu()
        else:
            self._ask(self.suggested)

    def _back_to_split(self) -> None:
        if self.test is not None:
            self.set_busy(True)
            self.pick_requested.emit(self.test.node_id, None)

    def _ask(self, variant_id: str) -> None:
        if self.test is not None:
            self.set_busy(True)
            self.pick_requested.emit(self.test.node_id, variant_id)


class AbTestPanel(QGroupBox):
    """Every A/B tested email of the campaign, in document order."""

    pick_requested = Signal(str, object)  # node id, variant id (None: back to the split)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("A/B tests"))
        self.boxes: dict[str, NodeTestBox] = {}
        self._layout = QVBoxLayout(self)
        self.note = QLabel(
            _fill(
                self.tr(
                    "A variant wins when it is at least %1 likely to be best, each variant has"
                    " %2 sends or more and there are %3 replies (or clicks) in all. Opens are"
                    " shown but never judged on."
                ),
                _whole_percent(WIN_PROBABILITY),
                count_text(MIN_SENDS_PER_VARIANT),
                count_text(MIN_TOTAL_SUCCESSES),
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self._layout.addWidget(self.note)

    def show_tests(self, tests: list[NodeTest], step_text: Callable[[Any], str]) -> None:
        """One box per tested node (boxes of nodes gone are removed)."""
        wanted = [test.node_id for test in tests]
        if list(self.boxes) != wanted:  # nodes added, removed or moved: new boxes in order
            for box in self.boxes.values():
                box.deleteLater()
            self.boxes = {}
            for index, node_id in enumerate(wanted):
                box = NodeTestBox()
                box.pick_requested.connect(self.pick_requested)
                self.boxes[node_id] = box
                self._layout.insertWidget(index, box)
        for test in tests:
            self.boxes[test.node_id].show_test(test, step_text(test.node_id))
        self.setVisible(bool(tests))

    def pick_failed(self) -> None:
        """A pick was refused: give the actions back."""
        for box in self.boxes.values():
            box.set_busy(False)
