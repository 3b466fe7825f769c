"""Automatic top-down layout: layers by depth from Start, siblings spread left to right.

Pure Python (no Qt) so it can be tested and reused without a window.
"""

from __future__ import annotations

from collections import deque

from ...domain.workflow import Workflow

LAYER_GAP = 140  # vertical distance between two layers' top edges
COLUMN_GAP = 280  # horizontal distance between siblings (half of it stays on the grid)


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
    result: dict[str, tuple[int, int]] = {}
    for layer, members in layers.items():
        for index, node_id in enumerate(members):
            offset = (index - (len(members) - 1) / 2) * COLUMN_GAP
            result[node_id] = (round(origin[0] + offset), round(origin[1] + layer * LAYER_GAP))
    # Nodes Start cannot reach wait in a column on the right, in document order.
    widest = max((len(members) for members in layers.values()), default=1)
    column_x = round(origin[0] + (widest + 1) / 2 * COLUMN_GAP)
    stray = [node.id for node in workflow.nodes if node.id not in result]
    for index, node_id in enumerate(stray):
        result[node_id] = (column_x, round(origin[1] + index * LAYER_GAP))
    return result
