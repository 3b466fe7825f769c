"""Automatic top-down layout: layers by depth from Start, siblings spread left to right.

Pure Python (no Qt) so it can be tested and reused without a window.
"""

from __future__ import annotations

from collections import deque

from ...domain.workflow import Workflow

LAYER_GAP = 140  # vertical distance between two layers' top edges
COLUMN_GAP = 280  # horizontal distance between siblings (half of it stays on the grid)
GRID_STEP = 20  # the canvas grid (items.GRID), repeated here to keep this module free of Qt


def layered_positions(
    workflow: Workflow, origin: tuple[float, float] = (0, 0)
) -> dict[str, tuple[int, int]]:
    """Top-left positions for every node: layer = longest path from Start ignoring loops."""
    known = {node.id for node in workflow.nodes}
    outgoing: dict[str, list[str]] = {node.id: [] for node in workflow.nodes}
    # Yes before No so a condition's Yes branch lands on the left.
    rank = {None: 0, "yes": 0, "no": 1}
    for edge in sorted(workflow.edges, key=lambda e: rank.get(e.port, 2)):
        if edge.source in known and edge.target in known:
            outgoing[edge.source].append(edge.target)

    # BFS order from the Start node(s), then whatever cannot be reached, in document order.
    roots = [node.id for node in workflow.nodes if node.type == "start"]
    order: list[str] = []
    seen: set[str] = set()
    seen.update(roots)
    queue = deque(roots)
    while queue:
        current = queue.popleft()
        order.append(current)
        for following in outgoing[current]:
            if following not in seen:
                seen.add(following)
                queue.append(following)

    # Links that close a loop (to a node still open on a depth-first walk) do not push
    # a node further down; every other link does: layer = longest path from Start.
    back_edges: set[tuple[str, str]] = set()
    state: dict[str, int] = {}  # 1: on the walk's stack, 2: done
    for root in roots:
        if root in state:
            continue
        stack = [(root, iter(outgoing[root]))]
        state[root] = 1
        while stack:
            node_id, children = stack[-1]
            following = next(children, None)
            if following is None:
                state[node_id] = 2
                stack.pop()
            elif state.get(following) == 1:
                back_edges.add((node_id, following))
            elif following not in state:
                state[following] = 1
                stack.append((following, iter(outgoing[following])))
    depth = {node_id: 0 for node_id in order}
    for _ in range(len(order)):  # at most one pass per node on a graph without loops
        changed = False
        for node_id in order:
            for following in outgoing[node_id]:
                if (node_id, following) not in back_edges and depth[following] <= depth[node_id]:
                    depth[following] = depth[node_id] + 1
                    changed = True
        if not changed:
            break

    layers: dict[int, list[str]] = {}
    for node_id in order:
        layers.setdefault(depth[node_id], []).append(node_id)

    # Each node wants to sit under its parents: a condition's Yes child half a column to the
    # left, its No child half a column to the right, a merge (a shared End) at their mean.
    parents: dict[str, list[tuple[str, str | None]]] = {node_id: [] for node_id in order}
    for edge in workflow.edges:
        forward = (edge.source, edge.target) not in back_edges
        if forward and edge.source in depth and edge.target in depth:
            parents[edge.target].append((edge.source, edge.port))
    side = {"yes": -COLUMN_GAP / 2, "no": COLUMN_GAP / 2}
    x_of: dict[str, float] = {}
    for layer in sorted(layers):
        wanted: dict[str, float] = {}
        for node_id in layers[layer]:
            placed = [(x_of[p], port) for p, port in parents[node_id] if p in x_of]
            if placed:
                wanted[node_id] = sum(x + side.get(port or "", 0) for x, port in placed) / len(
                    placed
                )
            else:
                wanted[node_id] = 0.0
        x_of.update(_spread(wanted, [*layers[layer]]))

    result: dict[str, tuple[int, int]] = {}
    for layer, members in layers.items():
        for node_id in members:
            x = _on_grid(origin[0] + x_of[node_id])
            result[node_id] = (x, round(origin[1] + layer * LAYER_GAP))
    # Nodes Start cannot reach wait in a column on the right, in document order.
    right = max((x for x, _ in result.values()), default=round(origin[0]))
    column_x = right + COLUMN_GAP
    stray = [node.id for node in workflow.nodes if node.id not in result]
    for index, node_id in enumerate(stray):
        result[node_id] = (column_x, round(origin[1] + index * LAYER_GAP))
    return result


def _spread(wanted: dict[str, float], order: list[str]) -> dict[str, float]:
    """Place one layer: each node near where it wants to be, at least COLUMN_GAP apart."""
    # Sorted by wish (ties keep the walk's order); overlapping neighbours form a block
    # centred on their wishes' mean, merged with the block before while they still overlap.
    ranked = sorted(order, key=lambda n: (wanted[n], order.index(n)))
    blocks: list[tuple[list[str], float]] = []  # members, x of the first member
    for node_id in ranked:
        members, first = [node_id], wanted[node_id]
        while blocks:
            before, before_first = blocks[-1]
            if before_first + len(before) * COLUMN_GAP <= first:
                break
            blocks.pop()
            members = before + members
            first = sum(wanted[m] - i * COLUMN_GAP for i, m in enumerate(members)) / len(members)
        blocks.append((members, first))
    return {m: first + i * COLUMN_GAP for members, first in blocks for i, m in enumerate(members)}


def _on_grid(value: float) -> int:
    """The nearest multiple of GRID_STEP, so an auto-laid node sits on the canvas grid."""
    return int(round(value / GRID_STEP) * GRID_STEP)
