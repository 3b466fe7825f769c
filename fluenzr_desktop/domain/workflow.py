"""The campaign document (format version 1): a tolerant loader, a lossless writer, validation.

The engine and the canvas both read and write this document, so three promises hold:
- loading refuses only a structure nothing can be done with (``DocumentError``, one line
  naming the field); every other mistake loads and is reported by ``validate``;
- fields this version does not know are kept, in their place, when the document is saved;
- ``validate`` never raises on a loaded document: it returns problems a human can fix.

Validation takes time linear in the size of the graph (plus one template check per distinct
subject and body text, cached): the adjacency of the graph is indexed once per call.
"""

from __future__ import annotations

import copy
import json
import math
import re
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import DocumentError

DOCUMENT_VERSION = 1

NODE_TYPES = ("start", "email", "delay", "condition", "end")
DELAY_UNITS = ("minutes", "hours", "days")
CONDITION_KINDS = ("field", "opened", "clicked", "replied")
FIELD_OPS = ("equals", "not_equals", "contains", "is_empty", "is_not_empty")
# Field operators that compare against a `value`; the other ones only look at the field.
FIELD_OPS_WITH_VALUE = ("equals", "not_equals", "contains")
# Condition kinds answered from events of an earlier email node (named by `node`).
EVENT_CONDITION_KINDS = ("opened", "clicked", "replied")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CONDITION_PORTS = ("yes", "no")

# The longest delay, one year, in each unit (a longer one is surely a typo, and a huge one
# would overflow the engine's date arithmetic).
MAX_DELAY_AMOUNTS: dict[str, int] = {"minutes": 525_600, "hours": 8_760, "days": 365}
# Emails a campaign may send per day.
MAX_DAILY_CAP = 10_000
# Each bound of the random gap between two sends, in seconds (one day).
MAX_GAP_SECONDS = 86_400

# Keys any node may carry; `label` and `note` are the canvas's captions.
COMMON_NODE_KEYS = ("id", "type", "position", "label", "note")
NODE_KEYS: dict[str, tuple[str, ...]] = {
    "start": COMMON_NODE_KEYS,
    "email": (*COMMON_NODE_KEYS, "subject", "body"),
    "delay": (*COMMON_NODE_KEYS, "amount", "unit"),
    "condition": (*COMMON_NODE_KEYS, "condition"),
    "end": COMMON_NODE_KEYS,
}

_DOCUMENT_KEYS = ("version", "settings", "nodes", "edges")
_EDGE_KEYS = ("from", "to", "port")
_CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")

_DEFAULT_SETTINGS: dict[str, Any] = {
    "account": None,
    "timezone": "Europe/Paris",
    "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
    "gap_seconds": [60, 180],
    "daily_cap": 50,
    "stop_on_reply": True,
    "stop_on_auto_reply": False,
}


def default_settings() -> dict[str, Any]:
    """A fresh copy of the settings a new campaign starts with."""
    return copy.deepcopy(_DEFAULT_SETTINGS)


def new_node_id() -> str:
    """A new stable node id (a UUID, so ids never collide when nodes are copied between graphs)."""
    return str(uuid.uuid4())


def new_document() -> dict[str, Any]:
    """A fresh draft document: Start linked to End, with the default settings."""
    start_id, end_id = new_node_id(), new_node_id()
    return {
        "version": DOCUMENT_VERSION,
        "settings": default_settings(),
        "nodes": [
            {"id": start_id, "type": "start", "position": [0, 0]},
            {"id": end_id, "type": "end", "position": [0, 240]},
        ],
        "edges": [{"from": start_id, "to": end_id}],
    }


def _is_number(value: object) -> bool:
    """True for int/float but not bool (JSON `true` must not pass as 1)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _ordered(key_order: Iterable[str], values: dict[str, Any]) -> dict[str, Any]:
    """`values` in the original key order, keys added since then at the end."""
    result = {key: values[key] for key in key_order if key in values}
    for key, value in values.items():
        result.setdefault(key, value)
    return result


@dataclass(frozen=True)
class Problem:
    """One thing to fix before a campaign can run, located on a node and a field."""

    node_id: str | None
    field: str | None
    message: str
    # "warning": reported but not blocking (a field this version does not know is kept
    # and may come from a newer app or the canvas); "error": blocks activation.
    severity: str = "error"

    def to_dict(self) -> dict[str, str | None]:
        """The problem as JSON for the CLI and the canvas."""
        shown = {"node": self.node_id, "field": self.field, "message": self.message}
        if self.severity != "error":
            shown["severity"] = self.severity
        return shown

    def __str__(self) -> str:
        where = [] if self.node_id is None else [f"node {self.node_id}"]
        if self.field is not None:
            where.append(self.field)
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Node:
    """One step of the sequence; `props` holds every key but id and type, in document order."""

    id: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    # Original key order (id and type included) so a save keeps the document's layout.
    key_order: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # The document's own `type` value; when it is not a string, `type` is "" and this is saved.
    raw_type: Any = field(default=None, repr=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        """A property of the node (subject, body, amount, …) or `default`."""
        return self.props.get(key, default)

    @property
    def position(self) -> tuple[float, float] | None:
        """The canvas position when it is two numbers, else None."""
        value = self.props.get("position")
        if isinstance(value, list | tuple) and len(value) == 2 and all(map(_is_number, value)):
            return (value[0], value[1])
        return None

    def to_dict(self) -> dict[str, Any]:
        """The node as a document object, unknown keys kept in place."""
        values: dict[str, Any] = {"id": self.id}
        if self.type or isinstance(self.raw_type, str) or not self.key_order:
            values["type"] = self.type
        elif "type" in self.key_order:
            values["type"] = self.raw_type  # a non-string type goes back as it came
        values.update(self.props)
        order = self.key_order or ("id", "type")
        return copy.deepcopy(_ordered(order, values))


@dataclass
class Edge:
    """A link from one node to the next; `port` is "yes"/"no" for a condition's branches."""

    source: str
    target: str
    port: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The edge as a document object (`from`/`to`/`port`), unknown keys kept in place."""
        values: dict[str, Any] = {"from": self.source, "to": self.target}
        if self.port is not None:
            values["port"] = self.port
        # A `port` the loader could not read (null, a number) stays in `extra` and is written back.
        for key, value in self.extra.items():
            values.setdefault(key, value)
        return copy.deepcopy(_ordered(self.key_order or _EDGE_KEYS, values))


@dataclass
class Workflow:
    """A loaded campaign document: settings, nodes, edges and whatever else it carried."""

    version: int
    settings: dict[str, Any]
    nodes: list[Node]
    edges: list[Edge]
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # node id → position in `nodes`, built on demand by node(); never trusted without a check.
    _positions: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None (constant time when called for every node).

        `nodes` is a plain list the canvas edits in place, so the remembered position of an
        id is used only when the node found there still has that id; otherwise (the list
        changed) the positions are read again.
        """
        positions = self._positions
        if positions is not None:
            position = positions.get(node_id)
            if position is not None and position < len(self.nodes):
                found = self.nodes[position]
                if found.id == node_id:
                    return found
        positions = {}
        for position, node in enumerate(self.nodes):
            positions.setdefault(node.id, position)
        self._positions = positions
        position = positions.get(node_id)
        return None if position is None else self.nodes[position]

    def start_node(self) -> Node | None:
        """The first Start node, or None when there is none."""
        return next((node for node in self.nodes if node.type == "start"), None)

    def outgoing(self, node_id: str) -> list[Edge]:
        """Edges leaving this node, in document order."""
        return [edge for edge in self.edges if edge.source == node_id]

    def incoming(self, node_id: str) -> list[Edge]:
        """Edges arriving at this node, in document order."""
        return [edge for edge in self.edges if edge.target == node_id]

    def next_node_id(self, node_id: str, port: str | None = None) -> str | None:
        """Where a contact goes after this node (through `port` for a condition), or None."""
        return next((e.target for e in self.outgoing(node_id) if e.port == port), None)

    def email_nodes(self) -> list[Node]:
        """The email nodes, in document order."""
        return [node for node in self.nodes if node.type == "email"]

    def first_email_ids(self) -> set[str]:
        """Email nodes that can be a contact's first email (reached from Start past no email)."""
        return _first_email_ids(self, _successors(self))

    def previous_email_id(self, node_id: str) -> str | None:
        """The nearest email before this node (for a follow-up's "Re: <previous subject>")."""
        predecessors = _predecessors(self)
        types = {node.id: node.type for node in self.nodes}
        seen = {node_id}
        queue = deque([node_id])
        while queue:
            current = queue.popleft()
            for source in predecessors.get(current, ()):
                if source in seen:
                    continue
                if types.get(source) == "email":
                    return source
                seen.add(source)
                queue.append(source)
        return None

    def effective_settings(self) -> dict[str, Any]:
        """The settings the engine applies: defaults deep-merged with the document's settings."""
        return _deep_merge(default_settings(), self.settings)

    def to_document(self) -> dict[str, Any]:
        """The document to save: same key order and unknown keys as the one loaded."""
        values: dict[str, Any] = {"version": self.version}
        # A document loaded without settings or edges is written back without them.
        if self.settings or "settings" in self.key_order or not self.key_order:
            values["settings"] = self.settings
        values["nodes"] = [node.to_dict() for node in self.nodes]
        edges = [edge.to_dict() for edge in self.edges]
        if edges or "edges" in self.key_order or not self.key_order:
            values["edges"] = edges
        for key, value in self.extra.items():
            values.setdefault(key, value)
        return copy.deepcopy(_ordered(self.key_order or _DOCUMENT_KEYS, values))


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _successors(workflow: Workflow) -> dict[str, list[str]]:
    """Targets of each node, through edges whose both ends exist."""
    known = {node.id for node in workflow.nodes}
    result: dict[str, list[str]] = {}
    for edge in workflow.edges:
        if edge.source in known and edge.target in known:
            result.setdefault(edge.source, []).append(edge.target)
    return result


def _predecessors(workflow: Workflow) -> dict[str, list[str]]:
    """Sources of each node, through edges whose both ends exist."""
    known = {node.id for node in workflow.nodes}
    result: dict[str, list[str]] = {}
    for edge in workflow.edges:
        if edge.source in known and edge.target in known:
            result.setdefault(edge.target, []).append(edge.source)
    return result


def _first_email_ids(workflow: Workflow, successors: dict[str, list[str]]) -> set[str]:
    types = {node.id: node.type for node in workflow.nodes}
    starts = [node.id for node in workflow.nodes if node.type == "start"]
    seen = set(starts)
    queue = deque(starts)
    firsts: set[str] = set()
    while queue:
        current = queue.popleft()
        for target in successors.get(current, ()):
            if target in seen:
                continue
            seen.add(target)
            if types.get(target) == "email":
                firsts.add(target)  # a later email in the same path is a follow-up
            else:
                queue.append(target)
    return firsts


def _reachable(roots: Iterable[str], neighbours: dict[str, list[str]]) -> set[str]:
    seen = set(roots)
    queue = deque(seen)
    while queue:
        for following in neighbours.get(queue.popleft(), ()):
            if following not in seen:
                seen.add(following)
                queue.append(following)
    return seen


# ---------------------------------------------------------------------------------------------
# Loading


def parse_document(obj: object) -> Workflow:
    """Load a document; raise DocumentError only when its structure is unusable."""
    if not isinstance(obj, dict):
        raise DocumentError(f"document: expected a JSON object, got {_json_type(obj)}")
    try:
        document = copy.deepcopy(obj)  # the Workflow must not share lists with the caller's dict
    except RecursionError:
        raise DocumentError("document: nested too deeply to be a campaign document") from None

    version = document.get("version")
    if "version" not in document:
        raise DocumentError(f"version: missing (this app reads version {DOCUMENT_VERSION})")
    if not _is_int(version) or version != DOCUMENT_VERSION:
        raise DocumentError(
            f"version: unsupported version {_shown(version)} "
            f"(this app reads version {DOCUMENT_VERSION})"
        )

    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        raise DocumentError(f"settings: expected an object, got {_json_type(settings)}")

    raw_nodes = document.get("nodes")
    if not isinstance(raw_nodes, list):
        raise DocumentError(f"nodes: missing or not a list (got {_json_type(raw_nodes)})")
    nodes = [_parse_node(index, raw) for index, raw in enumerate(raw_nodes)]
    seen_ids: dict[str, int] = {}
    for index, node in enumerate(nodes):
        if node.id in seen_ids:
            raise DocumentError(
                f"nodes[{index}].id: duplicate id {node.id!r} "
                f"(already used by nodes[{seen_ids[node.id]}])"
            )
        seen_ids[node.id] = index

    raw_edges = document.get("edges", [])
    if not isinstance(raw_edges, list):
        raise DocumentError(f"edges: expected a list, got {_json_type(raw_edges)}")
    edges = [_parse_edge(index, raw) for index, raw in enumerate(raw_edges)]

    extra = {key: value for key, value in document.items() if key not in _DOCUMENT_KEYS}
    return Workflow(
        version=version,
        settings=settings,
        nodes=nodes,
        edges=edges,
        extra=extra,
        key_order=tuple(document),
    )


def _parse_node(index: int, raw: object) -> Node:
    if not isinstance(raw, dict):
        raise DocumentError(f"nodes[{index}]: expected an object, got {_json_type(raw)}")
    node_id = raw.get("id")
    if not isinstance(node_id, str) or not node_id:
        raise DocumentError(f"nodes[{index}].id: missing or not a string")
    raw_type = raw.get("type")
    node_type = raw_type if isinstance(raw_type, str) else ""
    props = {key: value for key, value in raw.items() if key not in ("id", "type")}
    return Node(
        id=node_id,
        type=node_type,
        props=props,
        key_order=tuple(raw),
        raw_type=raw_type,
    )


def _parse_edge(index: int, raw: object) -> Edge:
    if not isinstance(raw, dict):
        raise DocumentError(f"edges[{index}]: expected an object, got {_json_type(raw)}")
    for key in ("from", "to"):
        if not isinstance(raw.get(key), str):
            raise DocumentError(f"edges[{index}].{key}: missing or not a string")
    port = raw.get("port")
    # An unreadable port (null, a number) is kept verbatim in `extra` and reported by validate.
    extra_keys = [key for key in raw if key not in ("from", "to")]
    if isinstance(port, str):
        extra_keys.remove("port")
    return Edge(
        source=raw["from"],
        target=raw["to"],
        port=port if isinstance(port, str) else None,
        extra={key: raw[key] for key in extra_keys},
        key_order=tuple(raw),
    )


def _shown(value: object) -> str:
    """A value as JSON in a message (repr for anything JSON cannot show)."""
    try:
        return json.dumps(value, default=repr)
    except (TypeError, ValueError):
        return repr(value)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def parse_json(text: str, source: str = "document") -> Workflow:
    """Load a document from JSON text; bad JSON is a DocumentError naming line and column."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"{source} line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise DocumentError(f"{source}: the JSON is nested too deeply") from None
    try:
        return parse_document(obj)
    except DocumentError as error:
        if source == "document":
            raise
        raise DocumentError(f"{source}: {error}") from None


# ---------------------------------------------------------------------------------------------
# Validation


class _Graph:
    """The adjacency of a workflow, indexed once per validation (every check reads it)."""

    def __init__(self, workflow: Workflow) -> None:
        self.nodes: dict[str, Node] = {}
        for node in workflow.nodes:
            self.nodes.setdefault(node.id, node)
        # Every edge by its source, in document order (whether its target exists or not).
        self.outgoing: dict[str, list[Edge]] = {}
        for edge in workflow.edges:
            self.outgoing.setdefault(edge.source, []).append(edge)
        self.successors = _successors(workflow)
        self.predecessors = _predecessors(workflow)
        self.order = [node.id for node in workflow.nodes]


def validate(workflow: Workflow) -> list[Problem]:
    """Every problem that stops this campaign from running, in a stable order; never raises."""
    graph = _Graph(workflow)
    problems: list[Problem] = []
    problems += _node_problems(workflow, graph)
    problems += _graph_problems(workflow, graph)
    problems += settings_problems(workflow.settings)
    return problems


def activation_problems(workflow: Workflow) -> list[Problem]:
    """Problems that refuse activation: every validation problem but the warnings."""
    return [problem for problem in validate(workflow) if problem.severity == "error"]


def _node_problems(workflow: Workflow, graph: _Graph) -> Iterator[Problem]:
    """Per-node checks: type, known fields, position, and each type's own fields."""
    first_emails = _first_email_ids(workflow, graph.successors)
    comes_before = _email_precedence(workflow, graph)
    for node in workflow.nodes:
        if node.type not in NODE_TYPES:
            if node.type:
                message = f"unknown node type {node.type!r} (expected {', '.join(NODE_TYPES)})"
            else:
                message = "the node has no type"
            yield Problem(node.id, "type", message)
            continue
        for key in node.props:
            if key not in NODE_KEYS[node.type]:
                article = "an" if node.type[:1] in "aeiou" else "a"
                message = f"unknown field {key!r} on {article} {node.type} node"
                yield Problem(node.id, key, message, "warning")
        if "position" in node.props and node.position is None:
            yield Problem(node.id, "position", "the position must be two numbers [x, y]")
        for key in ("label", "note"):
            if key in node.props and not isinstance(node.props[key], str | None):
                yield Problem(node.id, key, f"the {key} must be text")
        if node.type == "email":
            yield from _email_problems(node, first=node.id in first_emails)
        elif node.type == "delay":
            yield from _delay_problems(node)
        elif node.type == "condition":
            yield from _condition_problems(graph, node, comes_before)


def _template_problem(node: Node, key: str, what: str) -> Problem | None:
    # Imported here so code that only walks the graph (engine, canvas) does not load Jinja2.
    from .templating import render_limit_error, template_error

    source = node.props[key]
    message = template_error(source)
    if message is not None:
        return Problem(node.id, key, f"the {what} does not compile: {message}")
    # Sizes, repetition, loops and time: tried once per distinct text (cached).
    message = render_limit_error(source, what)
    return None if message is None else Problem(node.id, key, message)


def _email_problems(node: Node, first: bool) -> Iterator[Problem]:
    body = node.get("body")
    if body is not None and not isinstance(body, str):
        yield Problem(node.id, "body", "the body must be text")
    elif not body or not body.strip():
        yield Problem(node.id, "body", "the body is empty")
    elif problem := _template_problem(node, "body", "body"):
        yield problem

    subject = node.get("subject")
    if subject is not None and not isinstance(subject, str):
        yield Problem(node.id, "subject", "the subject must be text")
    elif not subject or not subject.strip():
        # Follow-ups may leave the subject empty: they go out as "Re: <previous subject>".
        if first:
            yield Problem(
                node.id, "subject", "the subject is empty (the first email of a path needs one)"
            )
    elif problem := _template_problem(node, "subject", "subject"):
        yield problem


def _delay_problems(node: Node) -> Iterator[Problem]:
    amount = node.get("amount")
    unit = node.get("unit")
    known_unit = isinstance(unit, str) and unit in DELAY_UNITS
    if "amount" not in node.props:
        yield Problem(node.id, "amount", "the delay needs an amount")
    elif not _is_number(amount) or (isinstance(amount, float) and not math.isfinite(amount)):
        yield Problem(node.id, "amount", "the delay amount must be a number")
    elif amount <= 0:
        yield Problem(node.id, "amount", "the delay amount must be greater than 0")
    elif known_unit and amount > MAX_DELAY_AMOUNTS[unit]:
        yield Problem(
            node.id,
            "amount",
            f"the delay must be at most one year ({MAX_DELAY_AMOUNTS[unit]:,} {unit})",
        )
    if not known_unit:
        shown = "missing" if unit is None else _shown(unit)
        yield Problem(
            node.id, "unit", f"the delay unit must be one of {', '.join(DELAY_UNITS)} (got {shown})"
        )


def _condition_problems(
    graph: _Graph, node: Node, comes_before: Callable[[str, str], bool]
) -> Iterator[Problem]:
    condition = node.get("condition")
    if not isinstance(condition, dict):
        yield Problem(node.id, "condition", "the condition is missing or not an object")
        return
    kind = condition.get("kind")
    if not isinstance(kind, str) or kind not in CONDITION_KINDS:
        shown = "missing" if kind is None else _shown(kind)
        yield Problem(
            node.id,
            "condition.kind",
            f"unknown condition kind {shown} (expected {', '.join(CONDITION_KINDS)})",
        )
        return
    if kind == "field":
        field_name = condition.get("field")
        if not isinstance(field_name, str) or not field_name.strip():
            yield Problem(node.id, "condition.field", "the condition must name a contact field")
        op = condition.get("op")
        if not isinstance(op, str) or op not in FIELD_OPS:
            shown = "missing" if op is None else _shown(op)
            yield Problem(
                node.id,
                "condition.op",
                f"unknown comparison {shown} (expected {', '.join(FIELD_OPS)})",
            )
        elif op in FIELD_OPS_WITH_VALUE:
            value = condition.get("value")
            if not (isinstance(value, str) or _is_number(value)):
                yield Problem(
                    node.id,
                    "condition.value",
                    f"the {op!r} comparison needs a text or number value",
                )
        return
    # opened / clicked / replied look at the events of an email sent earlier on the path.
    email_id = condition.get("node")
    target = graph.nodes.get(email_id) if isinstance(email_id, str) else None
    if not isinstance(email_id, str) or not email_id:
        yield Problem(node.id, "condition.node", f"the {kind!r} condition must name an email node")
    elif target is None or target.type != "email":
        yield Problem(node.id, "condition.node", f"{email_id!r} is not an email node")
    elif not comes_before(email_id, node.id):
        yield Problem(
            node.id, "condition.node", f"email {email_id!r} does not come before this condition"
        )


def _email_precedence(workflow: Workflow, graph: _Graph) -> Callable[[str, str], bool]:
    """`comes_before(email_id, node_id)`: whether a path leads from that email to that node.

    Asked for every event condition, so it is answered from one pass over the graph rather
    than one search per condition (quadratic on long sequences): the strongly connected
    components are visited sources first, each carrying the set of the emails named by a
    condition that reach it, as the bits of an integer.
    """
    named: dict[str, int] = {}
    for node in workflow.nodes:
        condition = node.get("condition") if node.type == "condition" else None
        email_id = condition.get("node") if isinstance(condition, dict) else None
        if isinstance(email_id, str) and email_id in graph.nodes:
            named.setdefault(email_id, 1 << len(named))
    if not named:
        return lambda email_id, node_id: False
    components = _strongly_connected(graph.order, graph.successors)
    component_of = {member: index for index, members in enumerate(components) for member in members}
    reached_by = [0] * len(components)
    # Tarjan's algorithm emits a component after every component it leads to: reversed, the
    # components come after everything that leads to them.
    for index in range(len(components) - 1, -1, -1):
        members = components[index]
        bits = 0
        for member in members:
            for source in graph.predecessors.get(member, ()):
                if component_of[source] != index:
                    bits |= reached_by[component_of[source]]
            # An email reaches itself; within a cycle, every member reaches every other.
            bits |= named.get(member, 0)
        reached_by[index] = bits

    def comes_before(email_id: str, node_id: str) -> bool:
        if email_id == node_id:
            members = components[component_of[node_id]]
            return len(members) > 1 or node_id in graph.successors.get(node_id, ())
        return bool(reached_by[component_of[node_id]] & named.get(email_id, 0))

    return comes_before


def _graph_problems(workflow: Workflow, graph: _Graph) -> Iterator[Problem]:
    """Structure: one Start, known link ends, outputs per type, reachability, loops."""
    known = graph.nodes
    starts = [node for node in workflow.nodes if node.type == "start"]
    if not starts:
        yield Problem(None, None, "the campaign has no Start node")
    for extra_start in starts[1:]:
        yield Problem(extra_start.id, None, "there can be only one Start node")

    start_ids = {node.id for node in starts}
    for index, edge in enumerate(workflow.edges):
        if edge.source not in known:
            yield Problem(
                None, f"edges[{index}].from", f"a link starts at unknown node {edge.source!r}"
            )
        if edge.target not in known:
            yield Problem(
                None, f"edges[{index}].to", f"a link points to unknown node {edge.target!r}"
            )
        elif edge.target in start_ids:
            yield Problem(
                edge.target,
                None,
                f"nothing may link into Start (a link comes from {edge.source!r})",
            )

    dead_ends: set[str] = set()  # nodes whose own outputs are wrong: explains paths stuck there
    for node in workflow.nodes:
        node_problems = list(_output_problems(node, graph.outgoing.get(node.id, [])))
        if node_problems or node.type not in NODE_TYPES:
            dead_ends.add(node.id)
        yield from node_problems
    for index, edge in enumerate(workflow.edges):
        if edge.target not in known:
            dead_ends.add(edge.source)
        if "port" in edge.extra:
            yield Problem(
                edge.source if edge.source in known else None,
                f"edges[{index}].port",
                'a link\'s port must be "yes" or "no" (or absent)',
            )

    successors, predecessors = graph.successors, graph.predecessors
    if starts:
        from_start = _reachable([starts[0].id], successors)
        for node in workflow.nodes:
            if node.id not in from_start and node.type != "start":
                yield Problem(node.id, None, "this node cannot be reached from Start")
        # A node that already has an output problem (or leads to one) is explained by it; what
        # is left cannot reach an End because it loops forever.
        ends = [node.id for node in workflow.nodes if node.type == "end"]
        can_finish = _reachable(ends, predecessors)
        explained = _reachable(dead_ends, predecessors)
        for node in workflow.nodes:
            if node.id in from_start and node.id not in can_finish and node.id not in explained:
                yield Problem(node.id, None, "no path from this node reaches an End")

    for loop in _loops_without_delay(workflow, successors):
        yield Problem(
            loop[0], None, "this node is in a loop without a Delay: add a Delay to the loop"
        )


def _output_problems(node: Node, outgoing: list[Edge]) -> Iterator[Problem]:
    """The outgoing links a node of this type needs (`outgoing`: its links, in order)."""
    if node.type == "end":
        if outgoing:
            yield Problem(node.id, "edges", "an End node cannot have outgoing links")
    elif node.type == "condition":
        for port in CONDITION_PORTS:
            count = sum(1 for edge in outgoing if edge.port == port)
            if count == 0:
                yield Problem(node.id, "edges", f"the condition has no {port!r} branch")
            elif count > 1:
                yield Problem(node.id, "edges", f"the condition has {count} {port!r} branches")
        for edge in outgoing:
            if edge.port not in CONDITION_PORTS and "port" not in edge.extra:
                yield Problem(
                    node.id,
                    "edges",
                    f"a condition's link must leave by 'yes' or 'no' (link to {edge.target!r})",
                )
    elif node.type in NODE_TYPES:
        plain = [edge for edge in outgoing if edge.port is None]
        for edge in outgoing:
            if edge.port is not None:
                yield Problem(
                    node.id,
                    "edges",
                    f"a {node.type} node has no {edge.port!r} output (link to {edge.target!r})",
                )
        if not outgoing:
            yield Problem(node.id, "edges", "this node leads nowhere: link it to the next step")
        elif len(plain) > 1:
            yield Problem(
                node.id,
                "edges",
                f"this node has {len(plain)} outgoing links; it needs exactly one",
            )


def _strongly_connected(order: list[str], successors: dict[str, list[str]]) -> list[list[str]]:
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


def _loops_without_delay(workflow: Workflow, successors: dict[str, list[str]]) -> list[list[str]]:
    """Cycles among non-delay nodes (strongly connected components), each in document order."""
    # A loop through a Delay waits between rounds (e.g. re-check a condition every day); a loop
    # without one would spin forever inside a single engine tick.
    order = [node.id for node in workflow.nodes if node.type != "delay"]
    allowed = set(order)
    components = [
        component
        for component in _strongly_connected(order, successors)
        if len(component) > 1
        or any(t == component[0] and t in allowed for t in successors.get(component[0], ()))
    ]
    position = {node_id: i for i, node_id in enumerate(order)}
    return sorted(
        (sorted(component, key=position.__getitem__) for component in components),
        key=lambda component: position[component[0]],
    )


def settings_problems(document_settings: dict[str, Any]) -> Iterator[Problem]:
    """What is wrong with campaign settings as the engine will apply them (defaults filled in).

    The one check of settings: validation, activation and the window's settings form call it.
    """
    settings = _deep_merge(default_settings(), document_settings)

    timezone = settings["timezone"]
    if not isinstance(timezone, str) or not is_time_zone(timezone):
        yield Problem(
            None, "settings.timezone", f"unknown time zone {_shown(timezone)} (e.g. Europe/Paris)"
        )

    window = settings["window"]
    if not isinstance(window, dict):
        yield Problem(None, "settings.window", "the sending window must be an object")
    else:
        days = window.get("days")
        if not isinstance(days, list) or not days:
            yield Problem(None, "settings.window.days", "choose at least one sending day")
        elif any(not isinstance(day, str) or day not in WEEKDAYS for day in days):
            yield Problem(
                None,
                "settings.window.days",
                f"sending days must be among {', '.join(WEEKDAYS)}",
            )
        times_ok = True
        for key in ("start", "end"):
            value = window.get(key)
            if not isinstance(value, str) or not _CLOCK_TIME.fullmatch(value):
                times_ok = False
                yield Problem(
                    None, f"settings.window.{key}", f"the window {key} must be a time like 09:00"
                )
        # Zero-padded HH:MM strings compare like the times they name.
        if times_ok and window["start"] >= window["end"]:
            yield Problem(
                None, "settings.window.end", "the sending window must end after it starts"
            )

    gap = settings["gap_seconds"]
    if not (
        isinstance(gap, list)
        and len(gap) == 2
        and all(_is_int(v) and 0 <= v <= MAX_GAP_SECONDS for v in gap)
    ):
        yield Problem(
            None,
            "settings.gap_seconds",
            f"the gap must be [min, max] whole seconds from 0 to {MAX_GAP_SECONDS:,} (one day)",
        )
    elif gap[0] > gap[1]:
        yield Problem(None, "settings.gap_seconds", "the minimum gap is larger than the maximum")

    cap = settings["daily_cap"]
    if not _is_int(cap) or not 1 <= cap <= MAX_DAILY_CAP:
        yield Problem(
            None,
            "settings.daily_cap",
            f"the daily cap must be a whole number from 1 to {MAX_DAILY_CAP:,}",
        )

    for key in ("stop_on_reply", "stop_on_auto_reply"):
        if not isinstance(settings[key], bool):
            yield Problem(None, f"settings.{key}", f"{key} must be true or false")

    account = settings["account"]
    if account is not None and not _is_int(account):
        yield Problem(None, "settings.account", "the account must be an account id or null")


def is_time_zone(name: str) -> bool:
    """True for an IANA time zone name this machine knows (Europe/Paris, UTC…)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
