"""The canvas document: a QObject owning the Workflow and announcing every change by a signal.

Only the undo commands call the underscored mutators, so every edit is undoable; the scene
only listens to the signals (Orange canvas's scheme/scene split).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...domain.links import link_refusal, replacement_refusal
from ...domain.problems import Problem
from ...domain.validation import validate
from ...domain.workflow import Edge, Node, Workflow, new_document, parse_document

# An EditNode value meaning "remove this key" (distinct from a JSON null).
REMOVED = object()

LinkKey = tuple[str, str, str | None]


def link_key(edge: Edge) -> LinkKey:
    """The value that names a link on the canvas: (source, target, port)."""
    return (edge.source, edge.target, edge.port)


class SequenceDocument(QObject):
    """The one source of truth behind the canvas: a Workflow plus change signals."""

    node_added = Signal(object)  # Node
    node_removed = Signal(object)  # Node
    node_moved = Signal(object)  # Node (its new position is in props)
    node_changed = Signal(object)  # Node (props other than the position changed)
    link_added = Signal(object)  # Edge
    link_removed = Signal(object)  # Edge
    problems_changed = Signal(object)  # dict[str | None, list[Problem]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workflow = parse_document({**new_document(), "nodes": [], "edges": []})
        self._problems: dict[str | None, list[Problem]] = {}
        self._batch_depth = 0
        self._dirty = False

    # -- reading -----------------------------------------------------------------------------

    @property
    def workflow(self) -> Workflow:
        """The live Workflow; read it, never change it directly (go through a command)."""
        return self._workflow

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None."""
        return self._workflow.node(node_id)

    def nodes(self) -> list[Node]:
        """The nodes in document order."""
        return list(self._workflow.nodes)

    def links(self) -> list[Edge]:
        """The links in document order."""
        return list(self._workflow.edges)

    def to_document(self) -> dict[str, Any]:
        """The version-1 campaign document to save (unknown fields kept)."""
        return self._workflow.to_document()

    def problems(self) -> list[Problem]:
        """Everything the domain validation reports on the current graph."""
        return validate(self._workflow)

    def problems_by_node(self) -> dict[str | None, list[Problem]]:
        """The last validation, grouped by node id (None for campaign-wide problems)."""
        return {key: list(value) for key, value in self._problems.items()}

    def can_link(self, source_id: str, target_id: str, port: str | None) -> str | None:
        """None when a link source --port--> target is allowed, else the reason it is not.

        The rule is the domain's (`domain.links.link_refusal`, validation's too); only the
        sentence is the canvas's.
        """
        refusal = link_refusal(self._workflow, source_id, target_id, port)
        return None if refusal is None else refusal_text(refusal.code)

    def can_replace_link(self, source_id: str, target_id: str, port: str | None) -> str | None:
        """Like `can_link`, for a link that takes the place of the one leaving by that output."""
        refusal = replacement_refusal(self._workflow, source_id, target_id, port)
        return None if refusal is None else refusal_text(refusal.code)

    # -- changing (undo commands only) -------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Validate once at the end of many changes (loading) instead of after each one."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty:
                self._refresh_problems()

    def _reset(self, workflow: Workflow) -> None:
        """Empty the graph and take the document-level fields (settings, extras) of `workflow`."""
        while self._workflow.edges:
            self._remove_link_at(len(self._workflow.edges) - 1)
        for node in reversed(list(self._workflow.nodes)):
            self._remove_node(node.id)
        self._workflow = Workflow(
            version=workflow.version,
            settings=workflow.settings,
            nodes=[],
            edges=[],
            extra=workflow.extra,
            key_order=workflow.key_order,
        )
        self._changed()

    def _add_node(self, node: Node, index: int | None = None) -> None:
        nodes = self._workflow.nodes
        nodes.insert(len(nodes) if index is None else index, node)
        self.node_added.emit(node)
        self._changed()

    def _remove_node(self, node_id: str) -> tuple[int, Node]:
        """Remove a node (its links are removed first by the command); return where it was."""
        node = self._require(node_id)
        index = self._workflow.nodes.index(node)
        del self._workflow.nodes[index]
        self.node_removed.emit(node)
        self._changed()
        return index, node

    def _move_node(self, node_id: str, position: tuple[float, float]) -> None:
        node = self._require(node_id)
        node.props["position"] = [_number(position[0]), _number(position[1])]
        # A position never changes what validation reports, so problems are not recomputed.
        self.node_moved.emit(node)

    def _update_props(self, node_id: str, changes: dict[str, Any]) -> None:
        """Set (or, with REMOVED, delete) some props of a node."""
        node = self._require(node_id)
        for key, value in changes.items():
            if value is REMOVED:
                node.props.pop(key, None)
            else:
                node.props[key] = value
        self.node_changed.emit(node)
        self._changed()

    def _add_link(self, edge: Edge, index: int | None = None) -> None:
        edges = self._workflow.edges
        edges.insert(len(edges) if index is None else index, edge)
        self.link_added.emit(edge)
        self._changed()

    def _remove_link(self, key: LinkKey) -> tuple[int, Edge]:
        """Remove the last link named by key; return where it was."""
        for index in range(len(self._workflow.edges) - 1, -1, -1):
            if link_key(self._workflow.edges[index]) == key:
                return self._remove_link_at(index)
        raise KeyError(key)

    def _remove_link_at(self, index: int) -> tuple[int, Edge]:
        edge = self._workflow.edges.pop(index)
        self.link_removed.emit(edge)
        self._changed()
        return index, edge

    def _require(self, node_id: str) -> Node:
        node = self.node(node_id)
        if node is None:
            raise KeyError(node_id)
        return node

    def _changed(self) -> None:
        self._dirty = True
        if self._batch_depth == 0:
            self._refresh_problems()

    def _refresh_problems(self) -> None:
        self._dirty = False
        grouped: dict[str | None, list[Problem]] = {}
        for problem in validate(self._workflow):
            grouped.setdefault(problem.node_id, []).append(problem)
        if grouped != self._problems:
            self._problems = grouped
            self.problems_changed.emit(self.problems_by_node())


def refusal_text(code: str) -> str:
    """The canvas's sentence for a link refusal code (`domain.links.REFUSAL_CODES`)."""
    texts = {
        "node_missing": QCoreApplication.translate("SequenceCanvas", "This node no longer exists."),
        "self_link": QCoreApplication.translate("SequenceCanvas", "A node cannot link to itself."),
        "into_start": QCoreApplication.translate("SequenceCanvas", "Nothing may link into Start."),
        "end_has_no_output": QCoreApplication.translate(
            "SequenceCanvas", "An End node has no output."
        ),
        "condition_port_required": QCoreApplication.translate(
            "SequenceCanvas", "A condition's links leave by Yes or No."
        ),
        "single_output": QCoreApplication.translate(
            "SequenceCanvas", "This node has a single output."
        ),
        "output_taken": QCoreApplication.translate(
            "SequenceCanvas", "This output is already linked; remove that link first."
        ),
        "loop_without_delay": QCoreApplication.translate(
            "SequenceCanvas", "A loop must go through a Delay."
        ),
    }
    return texts[code]


def _number(value: float) -> int | float:
    """Whole numbers are saved as JSON integers (grid-snapped positions always are)."""
    return int(value) if float(value).is_integer() else float(value)
