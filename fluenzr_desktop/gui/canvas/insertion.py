"""Where a new step goes: after which node, by which output, and the room the layout makes.

A step added from the palette (or "Insert step after") follows the selected node and is
spliced into the link leaving it (A→B becomes A→new→B), as in lemlist and Node-RED. For a
condition, the first free output is used (Yes before No); when both are linked, the new
step goes on the Yes branch. With nothing selected, the step goes at the end of the main
path: the path from Start through the first output of each node (Yes for a condition),
just before End when the path reaches it.

Pure Python (no Qt) so the rules can be tested and reused without a window; the editor
turns a plan into undo commands.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.workflow import CONDITION_PORTS, Workflow
from .layout import COLUMN_GAP, LAYER_GAP

Box = tuple[float, float]  # width, height of a node box
Point = tuple[float, float]

SPACING = 20  # the least room kept between two boxes (one grid step)


@dataclass(frozen=True)
class Insertion:
    """A place in the graph: after `anchor`, leaving by `port`, before `successor` (if any)."""

    anchor: str
    port: str | None
    successor: str | None


def output_port_to_follow(workflow: Workflow, node_id: str) -> str | None:
    """The output a step inserted after this node takes: the first free one, else the first."""
    node = workflow.node(node_id)
    if node is None or node.type != "condition":
        return None
    used = {edge.port for edge in workflow.outgoing(node_id)}
    return next((port for port in CONDITION_PORTS if port not in used), CONDITION_PORTS[0])


def insertion_after(workflow: Workflow, node_id: str) -> Insertion | None:
    """The place right after this node; for End (no output), the place just before it."""
    node = workflow.node(node_id)
    if node is None:
        return None
    if node.type == "end":
        incoming = workflow.incoming(node_id)
        if not incoming:
            return None
        return Insertion(incoming[0].source, incoming[0].port, node_id)
    port = output_port_to_follow(workflow, node_id)
    return Insertion(node_id, port, workflow.next_node_id(node_id, port))


def insertion_point(workflow: Workflow, selected: Sequence[str] = ()) -> Insertion | None:
    """Where a palette step goes: after the selection (the lowest selected node), else at the
    end of the main path; None when there is no graph to follow (no Start)."""
    chosen = [node_id for node_id in selected if workflow.node(node_id) is not None]
    if chosen:
        lowest = max(chosen, key=lambda node_id: (workflow.node(node_id).position or (0, 0))[1])
        return insertion_after(workflow, lowest)
    start = workflow.start_node()
    if start is None:
        return None
    current, seen = start.id, {start.id}
    while True:
        node = workflow.node(current)
        port = CONDITION_PORTS[0] if node is not None and node.type == "condition" else None
        following = workflow.next_node_id(current, port)
        target = None if following is None else workflow.node(following)
        if target is None or target.type == "end" or following in seen:
            return Insertion(current, port, following)
        seen.add(following)
        current = following


def room_for_insert(
    workflow: Workflow, place: Insertion, box: Box
) -> tuple[Point, dict[str, Point]]:
    """The top-left corner of the new step and the nodes to move down to make room for it.

    The step goes one layer below its anchor, in its successor's column (a condition's
    branch half a column aside). The successor and what follows it move down one layer
    when they are too close, and so does any node below the anchor that a moved box or
    the new one would touch, so no two boxes overlap afterwards.
    """
    anchor = workflow.node(place.anchor)
    ax, ay = (anchor.position if anchor is not None else None) or (0, 0)
    below = {
        node.id: node.position or (0, 0)
        for node in workflow.nodes
        if node.id != place.anchor and (node.position or (0, 0))[1] > ay
    }
    side = {"yes": -COLUMN_GAP / 2, "no": COLUMN_GAP / 2}
    successor = below.get(place.successor) if place.successor is not None else None
    x = successor[0] if successor is not None else ax + side.get(place.port or "", 0)
    corner = (x, ay + LAYER_GAP)
    moved: set[str] = set()
    if successor is not None and successor[1] < corner[1] + LAYER_GAP:
        moved = _downstream(workflow, place.successor) & set(below)
    while True:
        boxes = [corner, *((below[n][0], below[n][1] + LAYER_GAP) for n in moved)]
        touched = {
            node_id
            for node_id, position in below.items()
            if node_id not in moved and any(too_close(position, other, box) for other in boxes)
        }
        if not touched:
            break
        moved |= touched
    return corner, {n: (below[n][0], below[n][1] + LAYER_GAP) for n in moved}


def free_spot(workflow: Workflow, wanted: Point, box: Box, reach: int = 30) -> Point:
    """The nearest grid point to `wanted` where a box touches no node (`wanted` when free)."""
    taken = [node.position or (0, 0) for node in workflow.nodes]
    offsets = sorted(
        ((dx * SPACING, dy * SPACING) for dx in range(-reach, reach + 1)
         for dy in range(-reach, reach + 1)),
        key=lambda d: (d[0] ** 2 + d[1] ** 2, -d[1], d[0]),
    )  # fmt: skip
    for dx, dy in offsets:
        spot = (wanted[0] + dx, wanted[1] + dy)
        if not any(too_close(spot, other, box) for other in taken):
            return spot
    return wanted


def too_close(a: Point, b: Point, box: Box) -> bool:
    """Whether two boxes of this size at these corners overlap or keep less than SPACING apart."""
    width, height = box
    return abs(a[0] - b[0]) < width + SPACING and abs(a[1] - b[1]) < height + SPACING


def _downstream(workflow: Workflow, node_id: str | None) -> set[str]:
    """This node and every node reachable from it."""
    if node_id is None:
        return set()
    seen, queue = {node_id}, deque([node_id])
    while queue:
        for edge in workflow.outgoing(queue.popleft()):
            if edge.target not in seen:
                seen.add(edge.target)
                queue.append(edge.target)
    return seen
