"""Graph edits made of several commands: a step spliced into a link, a step placed clear of the
others, and the list of nodes a link may go to (for "Connect to…").

Each edit is one undo step (a macro) and changes only the document, like every command.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from ...domain.workflow import Edge
from .commands import AddLink, AddNode, MoveNodes, RemoveLink, make_node
from .document import SequenceDocument
from .insertion import Insertion, free_spot, room_for_insert
from .items import GRID, NODE_HEIGHT, NODE_WIDTH, output_ports, type_title
from .layout import LAYER_GAP

BOX = (NODE_WIDTH, NODE_HEIGHT)


def _snap(value: float) -> int:
    return int(round(value / GRID) * GRID)


def can_splice(node_type: str, place: Insertion) -> bool:
    """Whether a step of this type can go at this place, linked in (Start never; End only
    where nothing follows, since it has no output to carry on with)."""
    if node_type == "start":
        return False
    return node_type != "end" or place.successor is None


def splice_step(
    document: SequenceDocument, stack: QUndoStack, node_type: str, place: Insertion
) -> tuple[str, list[str]]:
    """Insert a step at `place` (A→B becomes A→new→B) as one undo step, making room below.

    Return the new node's id and the reasons of any link the domain rule refused.
    """
    position, moves = room_for_insert(document.workflow, place, BOX)
    node = make_node(node_type, (_snap(position[0]), _snap(position[1])))
    refused: list[str] = []
    text = QCoreApplication.translate("SequenceCanvas", "Insert %1 step")
    stack.beginMacro(text.replace("%1", type_title(node_type)))
    with document.batch():
        if moves:
            old = {n: tuple(document.node(n).position or (0, 0)) for n in moves}
            stack.push(MoveNodes(document, {n: (old[n], moves[n]) for n in moves}))
        if place.successor is not None:
            stack.push(RemoveLink(document, (place.anchor, place.successor, place.port)))
        stack.push(AddNode(document, node))
        links = [(place.anchor, node.id, place.port)]
        if place.successor is not None:
            # A new condition carries on by Yes: the contacts who did what it asks.
            links.append((node.id, place.successor, output_ports(node_type)[0]))
        for source, target, port in links:
            reason = document.can_link(source, target, port)
            if reason is None:
                stack.push(AddLink(document, Edge(source, target, port)))
            else:
                refused.append(reason)
    stack.endMacro()
    return node.id, refused


def place_step(
    document: SequenceDocument,
    stack: QUndoStack,
    node_type: str,
    corner: tuple[float, float],
) -> str:
    """Add an unlinked step at the free grid spot nearest `corner` (never on another box)."""
    wanted = (_snap(corner[0]), _snap(corner[1]))
    x, y = free_spot(document.workflow, wanted, BOX)
    node = make_node(node_type, (x, y))
    stack.push(AddNode(document, node))
    return node.id


def corner_beside(document: SequenceDocument, place: Insertion | None) -> tuple[float, float]:
    """Where a step that cannot be linked in goes: one layer below the place's anchor."""
    anchor = None if place is None else document.node(place.anchor)
    x, y = (anchor.position if anchor is not None else None) or (0, 0)
    return (x, y + LAYER_GAP)


def link_targets(document: SequenceDocument, source_id: str, port: str | None) -> list[str]:
    """Ids of the nodes a link leaving by this output may go to (replacing its link), in order."""
    return [
        node.id
        for node in document.nodes()
        if node.id != source_id and document.can_replace_link(source_id, node.id, port) is None
    ]
