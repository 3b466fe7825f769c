"""The link rules of a sequence, in one place: the canvas asks them while a link is dragged,
validation asks them of every saved link (Orange canvas's `Scheme.check_connect`).

A refusal is a code; the canvas turns it into its own sentence. The loops rule is one
definition for both: a loop is a strongly connected group of nodes none of which is a Delay
(a loop through a Delay waits between rounds; one without would spin in one engine tick).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .workflow import CONDITION_PORTS, Workflow

# Why a link may not be drawn (LinkRefusal.code).
REFUSAL_CODES = (
    "node_missing",  # one end does not exist (any more)
    "self_link",  # a node linked to itself
    "into_start",  # nothing leads into Start
    "end_has_no_output",  # End has no output
    "condition_port_required",  # a condition's links leave by "yes" or "no"
    "single_output",  # other nodes have one output, without a port name
    "output_taken",  # this output is already linked
    "loop_without_delay",  # the link would close a loop without a Delay
)


@dataclass(frozen=True)
class LinkRefusal:
    """Why a link source --port--> target is refused (`code` is one of REFUSAL_CODES)."""

    code: str


def input_refusal(target_type: str) -> str | None:
    """The refusal code of a link into a node of this type, or None."""
    return "into_start" if target_type == "start" else None


def output_refusal(source_type: str, port: str | None) -> str | None:
    """The refusal code of a link leaving a node of this type by this port, or None."""
    if source_type == "end":
        return "end_has_no_output"
    if source_type == "condition":
        return None if port in CONDITION_PORTS else "condition_port_required"
    return None if port is None else "single_output"


def link_refusal(
    workflow: Workflow, source_id: str, target_id: str, port: str | None
) -> LinkRefusal | None:
    """None when a new link source --port--> target is allowed, else why it is not."""
    source, target = workflow.node(source_id), workflow.node(target_id)
    if source is None or target is None:
        return LinkRefusal("node_missing")
    if source_id == target_id:
        return LinkRefusal("self_link")
    code = input_refusal(target.type) or output_refusal(source.type, port)
    if code is not None:
        return LinkRefusal(code)
    if any(edge.port == port for edge in workflow.outgoing(source_id)):
        return LinkRefusal("output_taken")
    if _closes_loop_without_delay(workflow, source_id, target_id):
        return LinkRefusal("loop_without_delay")
    return None


def replacement_refusal(
    workflow: Workflow, source_id: str, target_id: str, port: str | None
) -> LinkRefusal | None:
    """None when source --port--> target is allowed in place of the link leaving by that output.

    Redrawing a used output replaces its link (Node-RED, lemlist): the new link is judged
    by `link_refusal` on the graph without the old one, so every other rule still holds.
    """
    kept = [edge for edge in workflow.edges if not (edge.source == source_id and edge.port == port)]
    return link_refusal(replace(workflow, edges=kept), source_id, target_id, port)


def _closes_loop_without_delay(workflow: Workflow, source_id: str, target_id: str) -> bool:
    """Whether the link source → target would put both in one loop without a Delay."""
    successors: dict[str, list[str]] = {}
    for edge in workflow.edges:
        successors.setdefault(edge.source, []).append(edge.target)
    successors.setdefault(source_id, []).append(target_id)
    types = {node.id: node.type for node in workflow.nodes}
    return any(
        source_id in loop and target_id in loop
        for loop in loops_without_delay([node.id for node in workflow.nodes], types, successors)
    )


def loops_without_delay(
    order: list[str], types: Mapping[str, str], successors: Mapping[str, list[str]]
) -> list[list[str]]:
    """Loops among non-delay nodes (strongly connected components), each in `order`'s order.

    `order` lists the node ids (document order); the loops come sorted by their first node.
    """
    kept = [node_id for node_id in order if types.get(node_id) != "delay"]
    allowed = set(kept)
    components = [
        component
        for component in strongly_connected(kept, successors)
        if len(component) > 1
        or any(t == component[0] and t in allowed for t in successors.get(component[0], ()))
    ]
    position = {node_id: i for i, node_id in enumerate(kept)}
    return sorted(
        (sorted(component, key=position.__getitem__) for component in components),
        key=lambda component: position[component[0]],
    )


def strongly_connected(order: list[str], successors: Mapping[str, list[str]]) -> list[list[str]]:
    """Strongly connected components of the nodes in `order` (edges to other nodes ignored).

    Each component is emitted after every component it leads to (reverse topological order).
    Iterative Tarjan: a long chain of nodes must not hit Python's recursion limit.
    """
    allowed = set(order)
    graph = {node_id: [t for t in successors.get(node_id, ()) if t in allowed] for node_id in order}
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in order:
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            current, child_index = work.pop()
            if child_index == 0:
                index_of[current] = low[current] = counter
                counter += 1
                stack.append(current)
                on_stack.add(current)
            children = graph[current]
            if child_index < len(children):
                work.append((current, child_index + 1))
                child = children[child_index]
                if child not in index_of:
                    work.append((child, 0))
                elif child in on_stack:
                    low[current] = min(low[current], index_of[child])
                continue
            if low[current] == index_of[current]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == current:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[current])
    return components
