"""The view (zoom, pan, fit) and the editor widget: the view under a small toolbar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolBar, QVBoxLayout, QWidget

from ...domain.workflow import NODE_TYPES, parse_document
from .commands import AddNode, MoveNodes, load, make_node
from .document import SequenceDocument
from .items import GRID, NODE_HEIGHT, NODE_WIDTH, type_title
from .layout import layered_positions
from .scene import SequenceScene, snap

MIN_SCALE = 0.2
MAX_SCALE = 3.0
ZOOM_STEP = 1.25


class SequenceView(QGraphicsView):
    """A view of the canvas: Ctrl+wheel and Ctrl++/Ctrl+- zoom, middle-drag pans, fit."""

    zoom_changed = Signal(float)

    def __init__(self, scene: SequenceScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._pan_from: QPoint | None = None
        self.zoom_in_action = self._shortcut(QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        self.zoom_out_action = self._shortcut(QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        # Ctrl+= too: on many keyboards "+" needs Shift, so Ctrl++ arrives as Ctrl+=.
        self.zoom_in_action.setShortcuts([*self.zoom_in_action.shortcuts(), QKeySequence("Ctrl+=")])
        self.fit_action = self._shortcut(QKeySequence("Ctrl+0"), self.fit_to_view)

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def zoom(self) -> float:
        """The current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Zoom to a scale, kept between MIN_SCALE and MAX_SCALE."""
        factor = min(MAX_SCALE, max(MIN_SCALE, factor))
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        """One step closer."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_to_view(self) -> None:
        """Show every node, never magnified beyond 100 %."""
        scene = self.scene()
        rect = scene.itemsBoundingRect() if scene is not None else None
        if rect is None or rect.isEmpty():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def centre(self) -> QPointF:
        """The scene point at the middle of the viewport."""
        return self.mapToScene(self.viewport().rect().center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)  # plain wheel scrolls (pans) the canvas

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
            horizontal.setValue(horizontal.value() - delta.x())
            vertical.setValue(vertical.value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class SequenceEditor(QWidget):
    """The sequence canvas with its toolbar: add nodes, undo, redo, auto layout, fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.document = SequenceDocument(self)
        # The scene is parented to the editor: an unowned scene is collected and the view
        # goes blank.
        self.scene = SequenceScene(self.document, self.undo_stack, self)
        self.view = SequenceView(self.scene, self)
        self.toolbar = QToolBar(self)
        self.add_actions: dict[str, QAction] = {}
        for node_type in NODE_TYPES:
            action = self.toolbar.addAction(type_title(node_type))
            action.setToolTip(self.tr("Add a %1 step").replace("%1", type_title(node_type)))
            action.triggered.connect(lambda _=False, t=node_type: self.add_node(t))
            self.add_actions[node_type] = action
        self.toolbar.addSeparator()
        # Own actions with fixed labels: the stack's "Undo <command>" text would not fit.
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_action.setToolTip)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(self.redo_action.setToolTip)
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.layout_action = self.toolbar.addAction(self.tr("Auto layout"))
        self.layout_action.setToolTip(self.tr("Arrange the sequence from top to bottom"))
        self.layout_action.triggered.connect(self.auto_layout)
        self.fit_action = self.toolbar.addAction(self.tr("Fit"))
        self.fit_action.setToolTip(self.tr("Show the whole sequence (Ctrl+0)"))
        self.fit_action.triggered.connect(self.view.fit_to_view)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.toolbar)
        box.addWidget(self.view)
        self.view.centerOn(NODE_WIDTH / 2, NODE_HEIGHT / 2)

    def add_node(self, node_type: str, position: tuple[float, float] | None = None) -> str:
        """Add a node (at the view's centre unless a position is given); return its id."""
        if position is None:
            centre = self.view.centre()
            position = (centre.x() - NODE_WIDTH / 2, centre.y() - NODE_HEIGHT / 2)
        x, y = snap(position[0]), snap(position[1])
        taken = {tuple(node.position or ()) for node in self.document.nodes()}
        # Do not hide a new node exactly under another one.
        while (x, y) in taken:
            x, y = x + 2 * GRID, y + 2 * GRID
        node = make_node(node_type, (x, y))
        self.undo_stack.push(AddNode(self.document, node))
        return node.id

    def auto_layout(self) -> None:
        """Arrange the nodes top-down from Start (one undo step)."""
        workflow = self.document.workflow
        start = workflow.start_node()
        origin = (start.position or (0, 0)) if start is not None else (0, 0)
        moves = {}
        for node_id, (x, y) in layered_positions(workflow, origin).items():
            current = self.document.node(node_id).position or (0, 0)
            target = (snap(x), snap(y))
            if tuple(current) != target:
                moves[node_id] = ((current[0], current[1]), target)
        if moves:
            command = MoveNodes(self.document, moves)
            command.setText(self.tr("Auto layout"))
            self.undo_stack.push(command)
        self.view.fit_to_view()

    def load_document(self, workflow_document: dict[str, Any]) -> None:
        """Show a saved campaign document (raises DocumentError when it is unusable).

        Nodes without a position (a document written by hand or by the command line)
        are placed top-down first, so a sequence always reads from top to bottom.
        """
        workflow = parse_document(workflow_document)
        if any(node.props.get("position") is None for node in workflow.nodes):
            placed = layered_positions(workflow)
            for node in workflow.nodes:
                if node.props.get("position") is None and node.id in placed:
                    node.props["position"] = list(placed[node.id])
            workflow_document = workflow.to_document()
        load(self.document, workflow_document, self.undo_stack)
        self.view.fit_to_view()

    def showEvent(self, event) -> None:
        """Fit once the view has its real size (it has none before being shown)."""
        super().showEvent(event)
        QTimer.singleShot(0, self.view.fit_to_view)

    def to_document(self) -> dict[str, Any]:
        """The campaign document to save."""
        return self.document.to_document()
