"""The campaign document (format version 1): a tolerant loader and a lossless writer.

The engine and the canvas both read and write this document, so three promises hold:
- loading refuses only a structure nothing can be done with (``DocumentError``, one line
  naming the field); every other mistake loads and is reported by ``validate``
  (``domain.validation``);
- fields this version does not know are kept, in their place, when the document is saved;
- ``validate`` never raises on a loaded document: it returns problems a human can fix
  (``domain.problems``: codes with parameters).
"""

from __future__ import annotations

import copy
import json
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
    # `variants`, `ab_test`: A/B variants of the email and how it decides (domain.variants).
    "email": (*COMMON_NODE_KEYS, "subject", "body", "variants", "ab_test"),
    "delay": (*COMMON_NODE_KEYS, "amount", "unit"),
    "condition": (*COMMON_NODE_KEYS, "condition"),
    "end": COMMON_NODE_KEYS,
}

_DOCUMENT_KEYS = ("version", "settings", "nodes", "edges")
_EDGE_KEYS = ("from", "to", "port")

_DEFAULT_SETTINGS: dict[str, Any] = {
    "account": None,
    "timezone": "Europe/Paris",
    "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
    "gap_seconds": [60, 180],
    "daily_cap": 50,
    "stop_on_reply": True,
    "stop_on_auto_reply": False,
    # Opens (a pixel) and clicks (links through the relay): off, since both can hurt the
    # deliverability of cold email. They need a tracking relay (docs/tracking.md).
    "track_opens": False,
    "track_clicks": False,
    # The sentence of the body's unsubscribe line when a relay is set; "" = the default.
    "unsubscribe_text": "",
}
# The longest unsubscribe sentence (one line of the footer).
MAX_UNSUBSCRIBE_TEXT = 300


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


def _neighbours(workflow: Workflow, forward: bool) -> dict[str, list[str]]:
    """Targets (forward) or sources of each node, through edges whose both ends exist."""
    known = {node.id for node in workflow.nodes}
    result: dict[str, list[str]] = {}
    for edge in workflow.edges:
        if edge.source in known and edge.target in known:
            origin, other = (edge.source, edge.target) if forward else (edge.target, edge.source)
            result.setdefault(origin, []).append(other)
    return result


def _successors(workflow: Workflow) -> dict[str, list[str]]:
    """Targets of each node, through edges whose both ends exist."""
    return _neighbours(workflow, forward=True)


def _predecessors(workflow: Workflow) -> dict[str, list[str]]:
    """Sources of each node, through edges whose both ends exist."""
    return _neighbours(workflow, forward=False)


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


def email_steps(document: dict[str, Any]) -> list[tuple[str, str]]:
    """The email nodes in document order (id, "Email N: subject"): how every breakdown and
    A/B test names a step."""
    steps = []
    for node in document.get("nodes") or []:
        if isinstance(node, dict) and node.get("type") == "email":
            subject = " ".join(str(node.get("subject") or "").split())
            number = len(steps) + 1
            label = f"Email {number}: {subject}" if subject else f"Email {number}"
            steps.append((str(node.get("id")), label[:60]))
    return steps
