"""The view (zoom, pan, fit, drops) and the editor widget: palette, toolbar, canvas, menus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QCursor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsView,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.workflow import NODE_TYPES, parse_document
from .clipboard import (
    Fragment,
    fragment_from_text,
    fragment_of,
    fragment_origin,
    fragment_to_text,
    instantiate,
)
from .commands import AddLink, AddNode, MoveNodes, load
from .document import SequenceDocument
from .insertion import Insertion, insertion_after, insertion_point
from .items import GRID, NODE_HEIGHT, NODE_WIDTH, type_title
from .layout import layered_positions
from .menus import context_menu
from .palette import NodePalette, node_type_from_mime
from .scene import SequenceScene, snap
from .shortcuts import apply_shortcut, shortcut_table, shortcut_text
from .wiring import can_splice, corner_beside, place_step, splice_step

MIN_SCALE = 0.2
# Fit and auto layout never go below this: node text stays readable; the canvas scrolls.
LEGIBLE_SCALE = 0.75
MAX_SCALE = 3.0
ZOOM_STEP = 1.25
GLYPH_SCALE = 1.4  # toolbar symbols read at the size of the words beside them


class SequenceView(QGraphicsView):
    """A view of the canvas: Ctrl+wheel and Ctrl++/Ctrl+- zoom, middle-drag pans, fit."""

    zoom_changed = Signal(float)
    node_type_dropped = Signal(str, QPointF)  # a palette entry dropped at this scene point
    context_menu_requested = Signal(QPointF, QPoint)  # scene point, global screen point

    def __init__(self, scene: SequenceScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setAcceptDrops(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self._pan_from: QPoint | None = None
        # Ctrl+= too: on many keyboards "+" needs Shift, so Ctrl++ arrives as Ctrl+=.
        self.zoom_in_action = self._shortcut(self.tr("Zoom in"), "zoom_in", self.zoom_in)
        self.zoom_out_action = self._shortcut(self.tr("Zoom out"), "zoom_out", self.zoom_out)
        self.fit_action = self._shortcut(self.tr("Fit"), "fit", self.fit_to_view)
        # Scroll bars only when the sequence does not fit (the scene rect itself is huge).
        scene.changed.connect(self._on_scene_changed)

    def _shortcut(self, text: str, name: str, slot) -> QAction:
        action = apply_shortcut(QAction(text, self), name)
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
        self._update_scroll_bars()

    def zoom_in(self) -> None:
        """One step closer."""
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """One step further."""
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit_to_view(self) -> None:
        """Show every node, between 100 % and the smallest legible scale.

        A sequence too tall (or wide) for that shows its top (or left) and scrolls.
        """
        scene = self.scene()
        rect = scene.itemsBoundingRect() if scene is not None else None
        if rect is None or rect.isEmpty():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.set_zoom(min(1.0, max(LEGIBLE_SCALE, self.zoom())))
        seen_width = self.viewport().width() / self.zoom()
        seen_height = self.viewport().height() / self.zoom()
        x = rect.center().x() if rect.width() <= seen_width else rect.left() + seen_width / 2
        y = rect.center().y() if rect.height() <= seen_height else rect.top() + seen_height / 2
        self.centerOn(x, y)
        self._update_scroll_bars()

    def _update_scroll_bars(self) -> None:
        """Hide the scroll bars while every node is in sight; panning still works without them."""
        scene = self.scene()
        rect = scene.itemsBoundingRect() if scene is not None else QRectF()
        shown = self.mapFromScene(rect.adjusted(-4, -4, 4, 4)).boundingRect()
        fits = rect.isEmpty() or self.viewport().rect().contains(shown)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self.horizontalScrollBarPolicy() != policy:
            self.setHorizontalScrollBarPolicy(policy)
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def _on_scene_changed(self, _regions: object) -> None:
        self._update_scroll_bars()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_scroll_bars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._update_scroll_bars()

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

    # A palette drag is handled here, not by the scene: no item has to accept it first.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if node_type_from_mime(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if node_type_from_mime(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        node_type = node_type_from_mime(event.mimeData())
        if node_type is None:
            super().dropEvent(event)
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.node_type_dropped.emit(node_type, self.mapToScene(event.position().toPoint()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_requested.emit(self.mapToScene(event.pos()), event.globalPos())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.isInteractive() and event.button() == Qt.MouseButton.LeftButton:
            # A locked canvas (a running campaign) still lets a step be selected and read.
            scene = self.scene()
            node = scene.node_at(self.mapToScene(event.position().toPoint()))
            scene.clearSelection()
            if node is not None:
                node.setSelected(True)
            self.setFocus()
            event.accept()
            return
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


class CanvasToolBar(QToolBar):
    """The canvas toolbar: never narrower than all its buttons, so none hides behind "»".

    Undo, redo, zoom and fit show a symbol (their name and keys are in the tooltip);
    only Auto layout, which no symbol says, keeps its words.
    """

    def add_glyph(self, action: QAction, glyph: str) -> QToolButton:
        """Add an action shown as a symbol, a little larger than the text around it."""
        action.setIconText(glyph)
        self.addAction(action)
        button = self.widgetForAction(action)
        font = QFont(button.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * GLYPH_SCALE)
        button.setFont(font)
        button.setAccessibleName(action.text())  # a screen reader says "Undo", not "↶"
        return button

    def add_spacer(self) -> None:
        """Push the next buttons to the right end."""
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)

    def minimumSizeHint(self) -> QSize:
        """As wide as every button: the canvas (and the window) cannot squeeze one out."""
        return self.sizeHint()


class SequenceEditor(QWidget):
    """The sequence canvas with a node palette on the left and a toolbar above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.document = SequenceDocument(self)
        # The scene is parented to the editor: an unowned scene is collected and the view
        # goes blank.
        self.scene = SequenceScene(self.document, self.undo_stack, self)
        self.view = SequenceView(self.scene, self)
        self.view.node_type_dropped.connect(self.drop_node)
        self.view.context_menu_requested.connect(self._show_context_menu)
        self._fragment: Fragment | None = None  # the last copy, when the clipboard loses it
        self._pastes = 0  # repeated pastes in place step further down and right
        self.add_actions: dict[str, QAction] = {}
        for node_type in NODE_TYPES:
            action = QAction(type_title(node_type), self)
            tip = self.tr(
                "Insert a %1 step after the selected one (click), or drag it onto a link "
                "or the canvas"
            ).replace("%1", type_title(node_type))
            action.setToolTip(tip)
            if f"insert:{node_type}" in shortcut_table():
                # E, D, C: the palette's own actions, so locking the palette locks its keys.
                self._on_view(apply_shortcut(action, f"insert:{node_type}", tip))
            action.triggered.connect(lambda _=False, t=node_type: self.insert_step(t))
            self.add_actions[node_type] = action
        self.palette_strip = NodePalette(self.add_actions, self)
        self.toolbar = CanvasToolBar(self)
        # Own actions with fixed names: the toolbar shows a symbol, the tooltip the command.
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        for action, name, changed, named in (
            (self.undo_action, "undo", self.undo_stack.undoTextChanged, self.tr("Undo: %1")),
            (self.redo_action, "redo", self.undo_stack.redoTextChanged, self.tr("Redo: %1")),
        ):
            apply_shortcut(action, name)
            keys = shortcut_text(action.shortcuts())
            changed.connect(
                lambda text, a=action, n=named, k=keys: a.setToolTip(
                    f"{n.replace('%1', text) if text else a.text()} ({k})"
                )
            )
            action.setEnabled(False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.layout_action = QAction(self.tr("Auto layout"), self)
        self._on_view(apply_shortcut(self.layout_action, "layout"))
        self.layout_action.triggered.connect(self.auto_layout)
        self.fit_action = self.view.fit_action
        self.toolbar.add_glyph(self.undo_action, "\u21b6")  # ↶
        self.toolbar.add_glyph(self.redo_action, "\u21b7")  # ↷
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.layout_action)
        self.toolbar.add_spacer()
        self.toolbar.add_glyph(self.view.zoom_out_action, "\u2212")  # −
        self.toolbar.add_glyph(self.view.zoom_in_action, "+")
        self.toolbar.add_glyph(self.fit_action, "\u2922")  # ⤢
        # Editing shortcuts live on the view: typing in a field elsewhere keeps Ctrl+C/V/D.
        self.copy_action = self._view_action(self.tr("Copy"), "copy", self.copy_selection)
        self.paste_action = self._view_action(self.tr("Paste"), "paste", lambda: self.paste())
        self.duplicate_action = self._view_action(
            self.tr("Duplicate"), "duplicate", self.duplicate_selection
        )
        self.delete_action = self._view_action(
            self.tr("Delete"), "delete", self.scene.delete_selection
        )
        canvas = QWidget(self)
        column = QVBoxLayout(canvas)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        column.addWidget(self.view)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.palette_strip)
        box.addWidget(canvas, 1)
        self.view.centerOn(NODE_WIDTH / 2, NODE_HEIGHT / 2)

    def _on_view(self, action: QAction) -> QAction:
        """Make an action's keys work while the canvas has the focus."""
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(action)
        return action

    def _view_action(self, text: str, name: str, slot) -> QAction:
        action = apply_shortcut(QAction(text, self.view), name)
        action.triggered.connect(slot)
        return self._on_view(action)

    def is_editable(self) -> bool:
        """Whether the graph may change (the campaign screen locks the view of a running one)."""
        return self.view.isInteractive()

    # -- adding --------------------------------------------------------------------------------

    def add_node(self, node_type: str, position: tuple[float, float] | None = None) -> str:
        """Add an unlinked node (at the view's centre unless a position is given) at the
        nearest spot where it touches no other box; return its id."""
        if position is None:
            centre = self.view.centre()
            position = (centre.x() - NODE_WIDTH / 2, centre.y() - NODE_HEIGHT / 2)
        return place_step(self.document, self.undo_stack, node_type, position)

    def insert_step(self, node_type: str, after: str | None = None) -> str | None:
        """Insert a step after `after` (else the selection, else at the end of the main path),
        spliced into the link leaving it, as one undo step; the new step is selected."""
        if node_type not in NODE_TYPES or not self.is_editable():
            return None
        workflow = self.document.workflow
        if after is not None:
            place = insertion_after(workflow, after)
        else:
            place = insertion_point(workflow, self.scene.selected_node_ids())
        return self.insert_at(node_type, place)

    def insert_at(self, node_type: str, place: Insertion | None) -> str:
        """Insert a step at a place of the graph (None: unlinked, mid-view); it is selected."""
        if place is None:
            node_id = self.add_node(node_type)  # no graph to follow: the middle of the view
        elif can_splice(node_type, place):
            node_id, refused = splice_step(self.document, self.undo_stack, node_type, place)
            for reason in refused:
                self.scene.link_refused.emit(reason)
        else:
            corner = corner_beside(self.document, place)
            node_id = place_step(self.document, self.undo_stack, node_type, corner)
        self._select([node_id])
        return node_id

    def drop_node(self, node_type: str, scene_pos: QPointF) -> str | None:
        """Add a dropped palette entry: spliced into the link it was dropped on, else centred
        (on the grid) where it was dropped, clear of other boxes; return its id."""
        if node_type not in NODE_TYPES or not self.is_editable():
            return None
        link = self.scene.link_near(scene_pos)
        if link is not None:
            place = Insertion(link.source, link.port, link.target)
            if can_splice(node_type, place):
                return self.insert_at(node_type, place)
        corner = (scene_pos.x() - NODE_WIDTH / 2, scene_pos.y() - NODE_HEIGHT / 2)
        node_id = self.add_node(node_type, corner)
        self._select([node_id])
        return node_id

    def connect_nodes(self, source_id: str, target_id: str, port: str | None = None) -> str | None:
        """Link two nodes, replacing the link of that output; None, or why it was refused."""
        if not self.is_editable():
            return None
        return self.scene.try_link(source_id, target_id, port)

    def _select(self, node_ids: list[str]) -> None:
        self.scene.clearSelection()
        for node_id in node_ids:
            item = self.scene.node_item(node_id)
            if item is not None:
                item.setSelected(True)
                self.view.ensureVisible(item, 40, 40)

    # -- copy, paste, duplicate ----------------------------------------------------------------

    def copy_selection(self) -> bool:
        """Put the selected nodes and the links among them on the clipboard."""
        fragment = fragment_of(self.document, self.scene.selected_node_ids())
        if fragment is None:
            return False
        self._fragment = fragment
        self._pastes = 0
        QGuiApplication.clipboard().setText(fragment_to_text(fragment))
        return True

    def can_paste(self) -> bool:
        """Whether something copied (here or as text on the clipboard) can be pasted."""
        clipboard = QGuiApplication.clipboard().text()
        return self._fragment is not None or fragment_from_text(clipboard) is not None

    def paste(self, position: QPointF | None = None) -> list[str]:
        """Paste the copied nodes as one undo step; return the new ids (now selected).

        With a position (or the mouse over the canvas) the copy's top-left corner goes
        there; otherwise it lands a little below and right of the originals.
        """
        fragment = fragment_from_text(QGuiApplication.clipboard().text()) or self._fragment
        if fragment is None:
            return []
        if position is None:
            cursor = self.view.viewport().mapFromGlobal(QCursor.pos())
            if self.view.viewport().rect().contains(cursor):
                position = self.view.mapToScene(cursor)
        if position is None:
            self._pastes += 1
            step = 2 * GRID * self._pastes
            shift = (step, step)
        else:
            left, top = fragment_origin(fragment)
            shift = (snap(position.x()) - left, snap(position.y()) - top)
        return self._insert(fragment, shift, self.tr("Paste"))

    def duplicate_selection(self) -> list[str]:
        """Copy the selected nodes beside the originals (not via the clipboard), one step."""
        fragment = fragment_of(self.document, self.scene.selected_node_ids())
        if fragment is None:
            return []
        return self._insert(fragment, (2 * GRID, 2 * GRID), self.tr("Duplicate"))

    def _insert(self, fragment: Fragment, shift: tuple[float, float], text: str) -> list[str]:
        has_start = self.document.workflow.start_node() is not None
        nodes, edges = instantiate(fragment, shift, skip_start=has_start)
        if not nodes:
            return []
        taken = {tuple(node.position or ()) for node in self.document.nodes()}
        # Never land exactly on existing boxes (a second paste at the same place).
        while any(tuple(node.position or ()) in taken for node in nodes):
            for node in nodes:
                if node.position is not None:
                    x, y = node.position
                    node.props["position"] = [x + 2 * GRID, y + 2 * GRID]
        self.undo_stack.beginMacro(text)
        with self.document.batch():
            for node in nodes:
                self.undo_stack.push(AddNode(self.document, node))
            for edge in edges:
                self.undo_stack.push(AddLink(self.document, edge))
        self.undo_stack.endMacro()
        self._select([node.id for node in nodes])
        return [node.id for node in nodes]

    # -- context menu --------------------------------------------------------------------------

    def context_menu(self, scene_pos: QPointF) -> QMenu:
        """The right-click menu for this scene point (see `menus.context_menu`)."""
        return context_menu(self, scene_pos)

    def _show_context_menu(self, scene_pos: QPointF, global_pos: QPoint) -> None:
        menu = self.context_menu(scene_pos)
        menu.exec(global_pos)
        menu.deleteLater()

    # -- live figures --------------------------------------------------------------------------

    def set_waiting_counts(self, counts: dict[str, int]) -> None:
        """Show how many contacts wait at each node (a badge; not saved, not undoable)."""
        self.scene.set_waiting_counts(counts)

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
        QTimer.singleShot(0, self.view, self.view.fit_to_view)  # dropped if the view goes first

    def to_document(self) -> dict[str, Any]:
        """The campaign document to save."""
        return self.document.to_document()
