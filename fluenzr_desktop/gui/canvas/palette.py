"""The node palette: one button per node type, clicked to add or dragged onto the canvas.

An entry the plan in force does not include (a Condition on Free or Starter) shows a small
badge naming the plan that lifts it ("Pro"); it still adds and drags: drafting is never
blocked, only activation is. The palette learns the plan from `NodePalette.set_plan`,
called by whoever read it (the main window), never by reading the database itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.plans import Gate, feature_gate, features_needed
from ...domain.workflow import NODE_TYPES
from ..plan_text import gate_text, plan_name
from .items import type_colour

NODE_TYPE_MIME = "application/x-fluenzr-node-type"
# The badge of a locked entry: the type's swatch grown into a pill naming the plan ("Pro").
BADGE_TEXT_COLOUR = QColor("#ffffff")
BADGE_PADDING = 3


def node_type_mime(node_type: str) -> QMimeData:
    """Drag data naming a node type (what the palette sends and the view accepts)."""
    mime = QMimeData()
    mime.setData(NODE_TYPE_MIME, node_type.encode("utf-8"))
    return mime


def node_type_from_mime(mime: QMimeData | None) -> str | None:
    """The node type carried by drag data, or None when it carries no known type."""
    if mime is None or not mime.hasFormat(NODE_TYPE_MIME):
        return None
    try:
        node_type = bytes(mime.data(NODE_TYPE_MIME).data()).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return node_type if node_type in NODE_TYPES else None


def type_icon(node_type: str, size: int = 14) -> QIcon:
    """A small rounded swatch in the type's colour, the same as the band on the node."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(type_colour(node_type))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class PaletteButton(QToolButton):
    """A palette entry: a click runs its action (add at the centre), a drag carries its type."""

    def __init__(self, node_type: str, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.node_type = node_type
        self.setDefaultAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None
        self.gate: Gate | None = None  # the plan gate this node type meets, None when allowed

    @property
    def badge(self) -> str:
        """The badge shown: the name of the plan that lifts the gate, "" when none."""
        return plan_name(self.gate.plan_needed) if self.gate is not None else ""

    def set_gate(self, gate: Gate | None) -> None:
        """Show (or drop) the badge of the plan this node type needs to be activated."""
        if gate != self.gate:
            self.gate = gate
            self.updateGeometry()
            self.update()

    def badge_pixmap(self) -> QPixmap:
        """The badge: a pill in the node type's colour naming the plan, in place of the swatch."""
        font = self._badge_font()
        metrics = QFontMetrics(font)
        ratio = self.devicePixelRatioF()
        size = self.iconSize()
        width = max(size.width(), metrics.horizontalAdvance(self.badge) + 2 * BADGE_PADDING)
        pixmap = QPixmap(round(width * ratio), round(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(type_colour(self.node_type))
        rect = QRectF(0, 0, width, size.height())
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setFont(font)
        painter.setPen(BADGE_TEXT_COLOUR)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.badge)
        painter.end()
        return pixmap

    def _badge_font(self) -> QFont:
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.75)
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:
        """Room for the badge where the swatch was (a few pixels wider)."""
        hint = super().sizeHint()
        if not self.badge:
            return hint
        extra = self.badge_pixmap().deviceIndependentSize().width() - self.iconSize().width()
        return QSize(hint.width() + round(extra), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """As a tool button draws itself, with the badge as its icon when it has one."""
        if not self.badge:
            super().paintEvent(event)
            return
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        badge = self.badge_pixmap()
        option.icon = QIcon(badge)
        option.iconSize = badge.deviceIndependentSize().toSize()
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)

    def event(self, event: QEvent) -> bool:
        """A locked entry's tooltip says which plan activating it needs, and that drafting is free."""
        if event.type() == QEvent.Type.ToolTip and self.gate is not None:
            assert isinstance(event, QHelpEvent)
            QToolTip.showText(event.globalPos(), self.locked_tip(), self)
            return True
        return super().event(event)

    def locked_tip(self) -> str:
        """The tooltip of a locked entry: its own, then the gate's line."""
        if self.gate is None:
            return self.toolTip()
        return (
            self.tr("%1\n%2. Draw and preview it freely; activating needs that plan.")
            .replace("%1", self.toolTip())
            .replace("%2", gate_text(self.gate))
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position().toPoint() - press).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._press = None
                self.setDown(False)  # a drag is not a click: the action must not run too
                self.start_drag()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def start_drag(self) -> Qt.DropAction:
        """Drag this node type (blocks until dropped, like every QDrag)."""
        drag = QDrag(self)
        drag.setMimeData(node_type_mime(self.node_type))
        drag.setPixmap(self.grab())
        drag.setHotSpot(QPoint(self.width() // 2, self.height() // 2))
        return drag.exec(Qt.DropAction.CopyAction)


class NodePalette(QWidget):
    """A vertical strip with one PaletteButton per node type."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, PaletteButton] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 8, 6, 8)
        box.setSpacing(4)
        for node_type in NODE_TYPES:
            action = actions[node_type]
            action.setIcon(type_icon(node_type))
            button = PaletteButton(node_type, action, self)
            button.setIconSize(QSize(14, 14))
            self.buttons[node_type] = button
            box.addWidget(button)
        box.addStretch(1)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#eceff1"))
        self.setPalette(palette)
        self._fit_width()

    def set_plan(self, features: Iterable[str]) -> None:
        """Badge the entries the plan's `features` do not include (with the plan that lifts them).

        Call it when the plan is read or changes (a licence installed); nothing is read here.
        """
        granted = frozenset(features)
        for node_type, button in self.buttons.items():
            gates = [  # the granted features decide; the plan argument is then unused
                feature_gate(feature, "free", granted)
                for feature in sorted(features_needed({"nodes": [{"type": node_type}]}))
            ]
            button.set_gate(next((gate for gate in gates if gate is not None), None))
        self._fit_width()

    def locked(self) -> dict[str, str]:
        """The badges shown, by node type (node types without one are left out)."""
        return {node_type: b.badge for node_type, b in self.buttons.items() if b.badge}

    def _fit_width(self) -> None:
        widest = max(button.sizeHint().width() for button in self.buttons.values())
        margins = self.layout().contentsMargins()
        self.setFixedWidth(widest + margins.left() + margins.right() + 8)
