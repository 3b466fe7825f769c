"""The scene: draws the document and turns mouse and key gestures into undo commands.

It never changes the graph itself: it pushes a command, the document changes and signals,
and the scene redraws from the signal (so undo, redo and loading redraw the same way).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPen, QUndoStack
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from ...domain.workflow import Edge, Node
from .commands import AddLink, MoveNodes, RemoveLink, RemoveNodes, new_drag_id
from .document import SequenceDocument
from .items import (
    GRID,
    NODE_HEIGHT,
    NODE_WIDTH,
    PORT_RADIUS,
    LinkItem,
    NodeItem,
    PortItem,
    link_path,
    node_summary,
)
from .shortcuts import NUDGE_FAR, NUDGE_KEYS

# Room to pan around; a fixed rect also keeps the view from re-centring during a drag.
SCENE_RECT = QRectF(-5000, -5000, 10000, 10000)


def snap(value: float) -> int:
    """The nearest grid line."""
    return int(round(value / GRID) * GRID)


@dataclass
class _NodeDrag:
    drag_id: int
    press: QPointF
    origins: dict[str, tuple[float, float]] = field(default_factory=dict)


@dataclass
class _LinkDrag:
    port: PortItem
    line: QGraphicsPathItem
    hovered: PortItem | None = None


class SequenceScene(QGraphicsScene):
    """A projection of a SequenceDocument; edits go through the undo stack."""

    link_refused = Signal(str)  # the reason a dragged link was not created

    def __init__(
        self, document: SequenceDocument, stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.stack = stack
        self._nodes: dict[str, NodeItem] = {}
        self._links: list[LinkItem] = []
        self._node_drag: _NodeDrag | None = None
        self._link_drag: _LinkDrag | None = None
        self._waiting: dict[str, int] = {}
        self.setSceneRect(SCENE_RECT)
        self.setBackgroundBrush(QColor("#f5f7f8"))
        document.node_added.connect(self._on_node_added)
        document.node_removed.connect(self._on_node_removed)
        document.node_moved.connect(self._on_node_moved)
        document.node_changed.connect(self._on_node_changed)
        document.link_added.connect(self._on_link_added)
        document.link_removed.connect(self._on_link_removed)
        document.problems_changed.connect(self._on_problems_changed)
        for node in document.nodes():
            self._on_node_added(node)
        for edge in document.links():
            self._on_link_added(edge)
        self._on_problems_changed(document.problems_by_node())

    # -- looking up --------------------------------------------------------------------------

    def node_item(self, node_id: str) -> NodeItem | None:
        """The item drawing this node, or None."""
        return self._nodes.get(node_id)

    def node_items(self) -> list[NodeItem]:
        """Every node item, in the order the nodes were added."""
        return list(self._nodes.values())

    def link_items(self) -> list[LinkItem]:
        """Every link item."""
        return list(self._links)

    def selected_node_ids(self) -> list[str]:
        """Ids of the selected nodes, in document order."""
        selected = {item.node_id for item in self.selectedItems() if isinstance(item, NodeItem)}
        return [node.id for node in self.document.nodes() if node.id in selected]

    def node_at(self, pos: QPointF) -> NodeItem | None:
        """The node box under a scene point (its ports and badges count), or None."""
        return self._node_at(pos)

    def link_at(self, pos: QPointF) -> LinkItem | None:
        """The link under a scene point, or None (a node on top hides it)."""
        for item in self.items(pos):
            if isinstance(item, LinkItem):
                return item
            if isinstance(item, NodeItem | PortItem):
                return None
        return None

    def link_near(self, pos: QPointF, reach: float = 14) -> LinkItem | None:
        """The link under a scene point or passing within `reach` of it, not under a node."""
        if self._node_at(pos) is not None:
            return None
        area = QRectF(pos.x() - reach, pos.y() - reach, 2 * reach, 2 * reach)
        links = [item for item in self.items(area) if isinstance(item, LinkItem)]
        return self.link_at(pos) or (links[0] if links else None)

    # -- live figures (not part of the document) ---------------------------------------------

    def set_waiting_counts(self, counts: dict[str, int]) -> None:
        """Show how many contacts wait at each node; nodes not named show none."""
        self._waiting = {node_id: int(count) for node_id, count in counts.items() if count}
        for node_id, item in self._nodes.items():
            item.set_waiting(self._waiting.get(node_id, 0))

    def waiting_counts(self) -> dict[str, int]:
        """The counts shown now (only nodes with someone waiting)."""
        return dict(self._waiting)

    # -- document → items --------------------------------------------------------------------

    def _on_node_added(self, node: Node) -> None:
        item = NodeItem(node)
        self._nodes[node.id] = item
        item.set_waiting(self._waiting.get(node.id, 0))
        self.addItem(item)
        self._reroute_near(_box(item))
        self._refresh_reply_summaries()

    def _on_node_removed(self, node: Node) -> None:
        item = self._nodes.pop(node.id, None)
        for link in [x for x in self._links if node.id in (x.source, x.target)]:
            self._links.remove(link)
            self.removeItem(link)
        if item is not None:
            self.removeItem(item)
            self._reroute_near(_box(item))  # links that went around it may go straight again
        self._refresh_reply_summaries()

    def _on_node_moved(self, node: Node) -> None:
        item = self._nodes.get(node.id)
        if item is None:
            return
        before = _box(item)
        item.update_from(node, self.document.workflow)
        for link in self._links:
            if node.id in (link.source, link.target):
                self._place_link(link)
        # Links the box left or now stands on are routed again (around it, or straight).
        self._reroute_near(before, _box(item), skip=node.id)

    def _on_node_changed(self, node: Node) -> None:
        self._on_node_moved(node)
        self._refresh_reply_summaries()

    def _on_link_added(self, edge: Edge) -> None:
        link = LinkItem(edge.source, edge.target, edge.port)
        if self._place_link(link):
            self._links.append(link)
            self.addItem(link)
        self._refresh_reply_summaries()

    def _on_link_removed(self, edge: Edge) -> None:
        key = (edge.source, edge.target, edge.port)
        for link in self._links:
            if link.key == key:
                self._links.remove(link)
                self.removeItem(link)
                break
        self._refresh_reply_summaries()

    def _refresh_reply_summaries(self) -> None:
        """Summaries of emails without a subject: their "Re: …" follows the emails before."""
        workflow = self.document.workflow
        for node in workflow.email_nodes():
            item = self._nodes.get(node.id)
            if item is not None:
                item.set_summary(node_summary(node, workflow))

    def _on_problems_changed(self, problems: dict) -> None:
        for node_id, item in self._nodes.items():
            item.set_problems(problems.get(node_id, []))

    def _place_link(self, link: LinkItem) -> bool:
        """Route a link between its ports; False when an end is not on the canvas."""
        source, target = self._nodes.get(link.source), self._nodes.get(link.target)
        if source is None or target is None:
            return False
        port = source.output_ports.get(link.port)
        if port is None:  # a bad port from a loaded document: draw from the box's bottom centre
            start = source.mapToScene(QPointF(NODE_WIDTH / 2, source.boundingRect().bottom()))
        else:
            start = port.scenePos()
        obstacles = [
            _box(item).adjusted(-4, -4, 4, 4)
            for node_id, item in self._nodes.items()
            if node_id not in (link.source, link.target)
        ]
        # End just above the input port so the arrow head stays visible.
        end = target.input_port.scenePos() - QPointF(0, PORT_RADIUS)
        link.update_path(start, end, obstacles)
        return True

    def _reroute_near(self, *rects: QRectF, skip: str | None = None) -> None:
        """Route again the links whose line may pass through one of these rectangles."""
        for link in self._links:
            if skip in (link.source, link.target):
                continue  # already placed by the caller
            area = link.path().controlPointRect().adjusted(-8, -8, 8, 8)
            if any(area.intersects(rect) for rect in rects):
                self._place_link(link)

    # -- gestures → commands -----------------------------------------------------------------

    def delete_selection(self) -> None:
        """Delete the selected nodes (with their links) and links as one undo step."""
        node_ids = self.selected_node_ids()
        doomed = set(node_ids)
        links = [
            link.key
            for link in self._links
            if link.isSelected() and link.source not in doomed and link.target not in doomed
        ]
        if not node_ids and not links:
            return
        self.stack.beginMacro(self.tr("Delete selection"))
        for key in links:
            self.stack.push(RemoveLink(self.document, key))
        if node_ids:
            self.stack.push(RemoveNodes(self.document, node_ids))
        self.stack.endMacro()

    def try_link(self, source_id: str, target_id: str, port: str | None) -> str | None:
        """Link source --port--> target, replacing the link that output had (one undo step).

        Return None on success (or when that very link is already there), else the reason
        it was refused, which `link_refused` also announces.
        """
        current = self.document.workflow.next_node_id(source_id, port)
        if current == target_id:
            return None
        reason = self.document.can_replace_link(source_id, target_id, port)
        if reason is not None:
            self.link_refused.emit(reason)
            return reason
        if current is None:
            self.stack.push(AddLink(self.document, Edge(source_id, target_id, port)))
            return None
        self.stack.beginMacro(self.tr("Replace link"))
        self.stack.push(RemoveLink(self.document, (source_id, current, port)))
        self.stack.push(AddLink(self.document, Edge(source_id, target_id, port)))
        self.stack.endMacro()
        return None

    def _port_at(self, pos: QPointF) -> PortItem | None:
        for item in self.items(pos):
            if isinstance(item, PortItem) and item.isVisible():
                return item
            if isinstance(item, NodeItem):
                return None  # a node on top hides the ports beneath it
        return None

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        # Look under links and the dashed line being dragged: only boxes and their parts count.
        for item in self.items(pos):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def _drop_target(self, pos: QPointF) -> PortItem | None:
        """The input port a link dropped here goes to (the port itself, or anywhere on the box)."""
        port = self._port_at(pos)
        if port is not None and not port.is_output:
            return port
        node = self._node_at(pos)
        # Start's input is hidden, but dropping on Start must still say why it is refused.
        return None if node is None else node.input_port

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            port = self._port_at(event.scenePos())
            if port is not None and port.is_output:
                line = QGraphicsPathItem()
                line.setPen(QPen(QColor("#90a4ae"), 2, Qt.PenStyle.DashLine))
                line.setZValue(5)
                line.setPath(link_path(port.scenePos(), event.scenePos()))
                self.addItem(line)
                self._link_drag = _LinkDrag(port, line)
                event.accept()
                return
        super().mousePressEvent(event)
        node = self._node_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and node is not None and node.isSelected():
            drag = _NodeDrag(new_drag_id(), event.scenePos())
            for node_id in self.selected_node_ids():
                position = self.document.node(node_id).position or (0, 0)
                drag.origins[node_id] = (position[0], position[1])
            self._node_drag = drag

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_drag is not None:
            self._follow_link_drag(event.scenePos())
            return
        if self._node_drag is not None:
            self._follow_node_drag(event.scenePos())
            return  # the items move when the document says so, never on their own
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._link_drag is not None:
            drag, self._link_drag = self._link_drag, None
            self.removeItem(drag.line)
            if drag.hovered is not None:
                drag.hovered.set_highlight(None)
            target = self._drop_target(event.scenePos())
            if target is not None:
                self.try_link(drag.port.node_id, target.node_id, drag.port.port)
            event.accept()
            return
        if self._node_drag is not None:
            self._follow_node_drag(event.scenePos())
            self._node_drag = None
        super().mouseReleaseEvent(event)

    def _follow_link_drag(self, pos: QPointF) -> None:
        drag = self._link_drag
        assert drag is not None
        target = self._drop_target(pos)
        if drag.hovered is not None and drag.hovered is not target:
            drag.hovered.set_highlight(None)
        drag.hovered = target
        end = pos
        if target is not None:
            allowed = self.document.can_replace_link(
                drag.port.node_id, target.node_id, drag.port.port
            )
            target.set_highlight("ok" if allowed is None else "refused")
            if allowed is None:
                end = target.scenePos()  # snap the line onto a port that accepts it
        drag.line.setPath(link_path(drag.port.scenePos(), end))

    def _follow_node_drag(self, pos: QPointF) -> None:
        drag = self._node_drag
        assert drag is not None
        delta = pos - drag.press
        moves = {}
        for node_id, (x, y) in drag.origins.items():
            node = self.document.node(node_id)
            if node is None:
                continue
            current = node.position or (0, 0)
            target = (snap(x + delta.x()), snap(y + delta.y()))
            if target != tuple(current):
                moves[node_id] = ((current[0], current[1]), target)
        if moves:
            # One command per mouse move, all with this drag's id: they merge into one step.
            self.stack.push(MoveNodes(self.document, moves, drag.drag_id))

    def nudge_selection(self, steps_x: int, steps_y: int) -> bool:
        """Move the selected nodes by whole grid steps, as one undo step; False if none is."""
        moves = {}
        for node_id in self.selected_node_ids():
            node = self.document.node(node_id)
            if node is None:
                continue
            x, y = node.position or (0, 0)
            moves[node_id] = ((x, y), (x + steps_x * GRID, y + steps_y * GRID))
        if not moves:
            return False
        self.stack.push(MoveNodes(self.document, moves))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.focusItem() is None:
            self.delete_selection()
            event.accept()
            return
        direction = NUDGE_KEYS.get(Qt.Key(event.key()))
        if direction is not None and self.focusItem() is None:
            far = NUDGE_FAR if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            if self.nudge_selection(direction[0] * far, direction[1] * far):
                event.accept()  # not passed on: the view would scroll as well
                return
        super().keyPressEvent(event)


def _box(item: NodeItem) -> QRectF:
    """A node's box in scene coordinates (without its ports and badges)."""
    return QRectF(item.pos(), QPointF(item.pos().x() + NODE_WIDTH, item.pos().y() + NODE_HEIGHT))
