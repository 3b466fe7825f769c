"""Undo commands: every canvas edit is one of these, and each changes only the document."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...domain.workflow import Edge, Node, new_node_id, parse_document
from .document import REMOVED, LinkKey, SequenceDocument

Point = tuple[float, float]

_MOVE_ID = 1001
_EDIT_ID = 1002
_drag_ids = itertools.count(1)


def new_drag_id() -> int:
    """A fresh id grouping the MoveNodes of one mouse drag into one undo step."""
    return next(_drag_ids)


def default_props(node_type: str) -> dict[str, Any]:
    """The props a node of this type starts with on the canvas (the user fills them in)."""
    if node_type == "email":
        return {"subject": "", "body": ""}
    if node_type == "delay":
        return {"amount": 1, "unit": "days"}
    if node_type == "condition":
        return {"condition": {"kind": "replied", "node": None}}
    return {}


def make_node(node_type: str, position: Point, props: Mapping[str, Any] | None = None) -> Node:
    """A new node with a fresh UUID, its position first then the type's default props."""
    values: dict[str, Any] = {"position": [position[0], position[1]]}
    values.update(default_props(node_type) if props is None else copy.deepcopy(dict(props)))
    return Node(id=new_node_id(), type=node_type, props=values)


class AddNode(QUndoCommand):
    """Add one node (a new one from the palette, or one read from a saved document)."""

    def __init__(self, document: SequenceDocument, node: Node, parent=None) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Add node"), parent)
        self.document = document
        self.node = node

    def redo(self) -> None:
        self.document._add_node(copy.deepcopy(self.node))

    def undo(self) -> None:
        self.document._remove_node(self.node.id)


class RemoveNodes(QUndoCommand):
    """Remove nodes with every link touching them; undo puts all back in their places."""

    def __init__(self, document: SequenceDocument, node_ids: Iterable[str], parent=None) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Delete nodes"), parent)
        self.document = document
        self.node_ids = list(dict.fromkeys(node_ids))
        self._removed_nodes: list[tuple[int, Node]] = []
        self._removed_links: list[tuple[int, Edge]] = []

    def redo(self) -> None:
        doomed = set(self.node_ids)
        links = self.document.workflow.edges
        self._removed_links = []
        # Remove from the back so earlier indexes stay valid; undo re-inserts front to back.
        for index in range(len(links) - 1, -1, -1):
            if links[index].source in doomed or links[index].target in doomed:
                self._removed_links.append(self.document._remove_link_at(index))
        positions = {node.id: i for i, node in enumerate(self.document.workflow.nodes)}
        ordered = sorted((i for i in self.node_ids if i in positions), key=positions.__getitem__)
        self._removed_nodes = [self.document._remove_node(i) for i in reversed(ordered)]

    def undo(self) -> None:
        for index, node in reversed(self._removed_nodes):
            self.document._add_node(node, index)
        for index, edge in reversed(self._removed_links):
            self.document._add_link(edge, index)


class MoveNodes(QUndoCommand):
    """Move nodes; the MoveNodes of one drag (same drag_id) merge into one undo step."""

    def __init__(
        self,
        document: SequenceDocument,
        moves: Mapping[str, tuple[Point, Point]],
        drag_id: int | None = None,
        parent=None,
    ) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Move nodes"), parent)
        self.document = document
        self.moves = {node_id: (old, new) for node_id, (old, new) in moves.items()}
        self.drag_id = drag_id

    def id(self) -> int:
        return _MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodes) or self.drag_id is None:
            return False
        if other.drag_id != self.drag_id:
            return False
        for node_id, (old, new) in other.moves.items():
            first = self.moves.get(node_id, (old, new))[0]
            self.moves[node_id] = (first, new)
        # A drag that came back to where it started leaves nothing to undo.
        self.setObsolete(all(old == new for old, new in self.moves.values()))
        return True

    def redo(self) -> None:
        for node_id, (_old, new) in self.moves.items():
            self.document._move_node(node_id, new)

    def undo(self) -> None:
        for node_id, (old, _new) in self.moves.items():
            self.document._move_node(node_id, old)


class AddLink(QUndoCommand):
    """Add one link; the caller checks `document.can_link` first (loading keeps bad links)."""

    def __init__(self, document: SequenceDocument, edge: Edge, parent=None) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Link nodes"), parent)
        self.document = document
        self.edge = edge

    def redo(self) -> None:
        self.document._add_link(copy.deepcopy(self.edge))

    def undo(self) -> None:
        self.document._remove_link((self.edge.source, self.edge.target, self.edge.port))


class RemoveLink(QUndoCommand):
    """Remove one link, named by (source, target, port); undo puts it back in its place."""

    def __init__(self, document: SequenceDocument, key: LinkKey, parent=None) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Delete link"), parent)
        self.document = document
        self.key = key
        self._removed: tuple[int, Edge] | None = None

    def redo(self) -> None:
        self._removed = self.document._remove_link(self.key)

    def undo(self) -> None:
        assert self._removed is not None
        index, edge = self._removed
        self.document._add_link(edge, index)


class EditNode(QUndoCommand):
    """Change some props of a node (REMOVED deletes a key); typing in one field merges."""

    def __init__(
        self,
        document: SequenceDocument,
        node_id: str,
        changes: Mapping[str, Any],
        merge: bool = False,
        parent=None,
    ) -> None:
        super().__init__(QCoreApplication.translate("SequenceCanvas", "Edit node"), parent)
        self.document = document
        self.node_id = node_id
        self.new = _copy(dict(changes))
        node = document.node(node_id)
        props = {} if node is None else node.props
        self.old = {key: _copy(props.get(key, REMOVED)) for key in self.new}
        self.merge = merge

    def id(self) -> int:
        return _EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Keystrokes in one inspector field become one step, not one per character.
        if not (isinstance(other, EditNode) and self.merge and other.merge):
            return False
        if other.node_id != self.node_id or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.document._update_props(self.node_id, _copy(self.new))

    def undo(self) -> None:
        self.document._update_props(self.node_id, _copy(self.old))


def _copy(value: Any) -> Any:
    """A deep copy that keeps the REMOVED marker itself (a copy of it would be stored)."""
    return copy.deepcopy(value, {id(REMOVED): REMOVED})


def load(document: SequenceDocument, workflow_document: dict[str, Any], stack: QUndoStack) -> None:
    """Fill the document from a saved campaign document through the commands, then forget them."""
    workflow = parse_document(workflow_document)  # DocumentError for an unusable document
    stack.clear()
    with document.batch():
        document._reset(workflow)
        for node in workflow.nodes:
            stack.push(AddNode(document, node))
        for edge in workflow.edges:
            stack.push(AddLink(document, edge))
    # Loading is not an edit the user can undo.
    stack.clear()
