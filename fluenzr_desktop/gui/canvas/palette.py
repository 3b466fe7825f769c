"""The node palette: one button per node type, clicked to add or dragged onto the canvas."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QColor, QDrag, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...domain.workflow import NODE_TYPES
from .items import type_colour

NODE_TYPE_MIME = "application/x-fluenzr-node-type"


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
        self.setFixedWidth(self.sizeHint().width() + 8)
