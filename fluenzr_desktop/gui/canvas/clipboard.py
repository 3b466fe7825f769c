"""Copy and paste on the canvas: a fragment of the graph, carried as JSON in the clipboard.

A fragment is a small version-1 document (nodes and the links between them), so the same
parser reads it and unknown fields survive a copy between two campaigns.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from typing import Any

from ...domain.errors import DocumentError
from ...domain.workflow import (
    DOCUMENT_VERSION,
    Edge,
    Node,
    new_node_id,
    parse_document,
)
from .document import SequenceDocument

Fragment = dict[str, Any]


def fragment_of(document: SequenceDocument, node_ids: Iterable[str]) -> Fragment | None:
    """The chosen nodes and the links among them, as a document; None when nothing is chosen."""
    chosen = set(node_ids)
    nodes = [node.to_dict() for node in document.nodes() if node.id in chosen]
    if not nodes:
        return None
    edges = [
        edge.to_dict()
        for edge in document.links()
        if edge.source in chosen and edge.target in chosen
    ]
    return {"version": DOCUMENT_VERSION, "nodes": nodes, "edges": edges}


def fragment_origin(fragment: Fragment) -> tuple[float, float]:
    """The top-left corner of the fragment's nodes (0, 0 when none has a position)."""
    points = [_position(raw) for raw in fragment.get("nodes", [])]
    points = [point for point in points if point is not None]
    if not points:
        return (0, 0)
    return (min(x for x, _ in points), min(y for _, y in points))


def instantiate(
    fragment: Fragment, shift: tuple[float, float], skip_start: bool = False
) -> tuple[list[Node], list[Edge]]:
    """Fresh copies of the fragment's nodes (new UUIDs, moved by shift) and of its links."""
    try:
        workflow = parse_document(copy.deepcopy(fragment))
    except DocumentError:
        return [], []
    # A sequence has one Start: a pasted second one would only be a validation error.
    kept = [node for node in workflow.nodes if not (skip_start and node.type == "start")]
    renamed = {node.id: new_node_id() for node in kept}
    nodes: list[Node] = []
    for node in kept:
        props = copy.deepcopy(node.props)
        position = node.position
        if position is not None:
            props["position"] = [position[0] + shift[0], position[1] + shift[1]]
        condition = props.get("condition")
        # A condition about a copied email now watches the copy, not the original.
        if isinstance(condition, dict) and condition.get("node") in renamed:
            condition["node"] = renamed[condition["node"]]
        nodes.append(
            Node(renamed[node.id], node.type, props, node.key_order, copy.deepcopy(node.raw_type))
        )
    edges = [
        Edge(
            renamed[edge.source],
            renamed[edge.target],
            edge.port,
            copy.deepcopy(edge.extra),
            edge.key_order,
        )
        for edge in workflow.edges
        if edge.source in renamed and edge.target in renamed
    ]
    return nodes, edges


FRAGMENT_KEY = "fluenzr_sequence_fragment"


def fragment_to_text(fragment: Fragment) -> str:
    """Clipboard text carrying a fragment (JSON under a key only FluenzR writes).

    Plain text rather than a custom QMimeData: PySide6 (6.11) double-frees a QMimeData
    left on the clipboard when the application exits, which crashes the process.
    """
    return json.dumps({FRAGMENT_KEY: fragment})


def fragment_from_text(text: str | None) -> Fragment | None:
    """The fragment in clipboard text, or None when it holds none (or something unreadable)."""
    if not text or FRAGMENT_KEY not in text:
        return None
    try:
        wrapper = json.loads(text)
    except ValueError:
        return None
    fragment = wrapper.get(FRAGMENT_KEY) if isinstance(wrapper, dict) else None
    return fragment if isinstance(fragment, dict) else None


def _position(raw: Any) -> tuple[float, float] | None:
    value = raw.get("position") if isinstance(raw, dict) else None
    numbers = isinstance(value, list) and len(value) == 2
    if numbers and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return (value[0], value[1])
    return None
