"""Validation of a campaign document: every problem a human can fix, as codes with parameters.

`validate` never raises on a loaded document. It takes time linear in the size of the graph
(plus one template check per distinct subject and body text, cached): the adjacency of the
graph is indexed once per call. The link rules (what may link into what, loops) are the
canvas's too (`domain.links`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .links import input_refusal, loops_without_delay, output_refusal, strongly_connected
from .problems import Problem
from .variants import (
    MAX_VARIANT_WEIGHT,
    MAX_VARIANTS,
    MIN_VARIANTS,
    VARIANT_KEYS,
    ab_settings_problems,
    inherits_text,
    raw_variants,
    valid_weight,
    variant_field,
)
from .workflow import (
    CONDITION_KINDS,
    CONDITION_PORTS,
    DELAY_UNITS,
    FIELD_OPS,
    FIELD_OPS_WITH_VALUE,
    MAX_DAILY_CAP,
    MAX_DELAY_AMOUNTS,
    MAX_GAP_SECONDS,
    MAX_UNSUBSCRIBE_TEXT,
    NODE_KEYS,
    NODE_TYPES,
    WEEKDAYS,
    Edge,
    Node,
    Workflow,
    _deep_merge,
    _first_email_ids,
    _is_int,
    _is_number,
    _predecessors,
    _reachable,
    _shown,
    _successors,
    default_settings,
)

_CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


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
                params = {"type": node.type, "expected": ", ".join(NODE_TYPES)}
                yield Problem("unknown_node_type", params, node.id, "type")
            else:
                yield Problem("node_type_missing", {}, node.id, "type")
            continue
        for key in node.props:
            if key not in NODE_KEYS[node.type]:
                params = {"name": key, "type": node.type}
                yield Problem("unknown_field", params, node.id, key, "warning")
        if "position" in node.props and node.position is None:
            yield Problem("position_invalid", {}, node.id, "position")
        for key in ("label", "note"):
            if key in node.props and not isinstance(node.props[key], str | None):
                yield Problem("caption_not_text", {"caption": key}, node.id, key)
        if node.type == "email":
            yield from _email_problems(node, first=node.id in first_emails)
        elif node.type == "delay":
            yield from _delay_problems(node)
        elif node.type == "condition":
            yield from _condition_problems(graph, node, comes_before)


def _template_problem(
    node_id: str, source: str, field: str, what: str, params: Mapping[str, Any] | None = None
) -> Problem | None:
    """A subject or body template that does not compile or passes a limit; `params` are added."""
    # Imported here so code that only walks the graph (engine, canvas) does not load Jinja2.
    from .templating import render_limit_problem, template_error

    extra = dict(params or {})
    detail = template_error(source)
    if detail is not None:
        return Problem("template_syntax", {"what": what, "detail": detail, **extra}, node_id, field)
    # Sizes, repetition, loops and time: tried once per distinct text (cached).
    limit = render_limit_problem(source, what)
    return None if limit is None else Problem(limit[0], {**limit[1], **extra}, node_id, field)


def _text_problems(
    node_id: str,
    value: object,
    what: str,
    field: str,
    empty_code: str | None,
    params: Mapping[str, Any],
) -> Iterator[Problem]:
    """One subject or body: text, not blank when `empty_code` is given, a template in limits."""
    if value is not None and not isinstance(value, str):
        yield Problem(f"{what}_not_text", dict(params), node_id, field)
    elif not value or not value.strip():
        if empty_code is not None:
            yield Problem(empty_code, dict(params), node_id, field)
    elif problem := _template_problem(node_id, value, field, what, params):
        yield problem


def _email_problems(node: Node, first: bool) -> Iterator[Problem]:
    # With variants, a blank body or subject of the node is judged per variant: each variant
    # may bring its own (`domain.variants`).
    varied = any(isinstance(entry, dict) for entry in raw_variants(node))
    body_empty = None if varied else "body_empty"
    yield from _text_problems(node.id, node.get("body"), "body", "body", body_empty, {})
    # Follow-ups may leave the subject empty: they go out as "Re: <previous subject>".
    subject_empty = "first_subject_empty" if first and not varied else None
    yield from _text_problems(node.id, node.get("subject"), "subject", "subject", subject_empty, {})
    if "variants" in node.props:
        yield from _variant_problems(node, first)
    for key, expected, value in ab_settings_problems(node):
        params = {"name": key, "expected": expected, "value": _shown(value)}
        yield Problem("ab_test_invalid", params, node.id, "ab_test")


def _variant_problems(node: Node, first: bool) -> Iterator[Problem]:
    """The variants of an email node: their number, ids, weights, fields and texts."""
    entries = node.get("variants")
    if not isinstance(entries, list):
        yield Problem("variants_not_list", {}, node.id, "variants")
        return
    if not entries:
        return  # an empty list is no variants
    if len(entries) < MIN_VARIANTS:
        params = {"min": MIN_VARIANTS, "count": len(entries)}
        yield Problem("variants_too_few", params, node.id, "variants")
    elif len(entries) > MAX_VARIANTS:
        params = {"max": MAX_VARIANTS, "count": len(entries)}
        yield Problem("variants_too_many", params, node.id, "variants")
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        yield from _one_variant_problems(node, index, entry, first, seen)


def _one_variant_problems(
    node: Node, index: int, entry: object, first: bool, seen: set[str]
) -> Iterator[Problem]:
    """One variant: an object with a unique id, a valid weight, known fields, sound texts.

    `seen` collects the ids of the variants before it (to report a repeated one).
    """
    number = index + 1
    if not isinstance(entry, dict):
        yield Problem("variant_not_object", {"number": number}, node.id, variant_field(index))
        return
    variant_id = entry.get("id")
    if not isinstance(variant_id, str) or not variant_id.strip():
        field = variant_field(index, "id")
        yield Problem("variant_id_missing", {"number": number}, node.id, field)
        label = str(number)
    else:
        if variant_id in seen:
            field = variant_field(index, "id")
            yield Problem("variant_id_repeated", {"variant": variant_id}, node.id, field)
        seen.add(variant_id)
        label = variant_id
    for key in entry:
        if key not in VARIANT_KEYS:
            params = {"name": key, "variant": label}
            field = variant_field(index, key)
            yield Problem("variant_unknown_field", params, node.id, field, "warning")
    weight = entry.get("weight")
    if weight is not None and not valid_weight(weight):
        params = {"variant": label, "max": MAX_VARIANT_WEIGHT}
        yield Problem("variant_weight_invalid", params, node.id, variant_field(index, "weight"))
    texts = (
        ("body", "variant_body_empty"),
        ("subject", "variant_first_subject_empty" if first else None),
    )
    for what, empty_code in texts:
        field = variant_field(index, what)
        value = entry.get(what)
        if not inherits_text(value):
            yield from _text_problems(node.id, value, what, field, None, {"variant": label})
        elif empty_code is not None and inherits_text(node.get(what)):
            # It takes the node's text, which is blank. (Not text at all: said on the node.)
            yield Problem(empty_code, {"variant": label}, node.id, field)


def _delay_problems(node: Node) -> Iterator[Problem]:
    amount = node.get("amount")
    unit = node.get("unit")
    known_unit = isinstance(unit, str) and unit in DELAY_UNITS
    if "amount" not in node.props:
        yield Problem("delay_amount_missing", {}, node.id, "amount")
    elif not _is_number(amount) or (isinstance(amount, float) and not math.isfinite(amount)):
        yield Problem("delay_amount_not_number", {}, node.id, "amount")
    elif amount <= 0:
        yield Problem("delay_amount_not_positive", {}, node.id, "amount")
    elif known_unit and amount > MAX_DELAY_AMOUNTS[unit]:
        params = {"max": MAX_DELAY_AMOUNTS[unit], "unit": unit}
        yield Problem("delay_amount_too_large", params, node.id, "amount")
    if not known_unit:
        params = {"expected": ", ".join(DELAY_UNITS), "value": _shown_or_none(unit)}
        yield Problem("delay_unit_unknown", params, node.id, "unit")


def _shown_or_none(value: object) -> str | None:
    """A value as JSON for a message's parameters; None when it is missing (or null)."""
    return None if value is None else _shown(value)


def _condition_problems(
    graph: _Graph, node: Node, comes_before: Callable[[str, str], bool]
) -> Iterator[Problem]:
    condition = node.get("condition")
    if not isinstance(condition, dict):
        yield Problem("condition_missing", {}, node.id, "condition")
        return
    kind = condition.get("kind")
    if not isinstance(kind, str) or kind not in CONDITION_KINDS:
        params = {"value": _shown_or_none(kind), "expected": ", ".join(CONDITION_KINDS)}
        yield Problem("condition_kind_unknown", params, node.id, "condition.kind")
        return
    if kind == "field":
        field_name = condition.get("field")
        if not isinstance(field_name, str) or not field_name.strip():
            yield Problem("condition_field_missing", {}, node.id, "condition.field")
        op = condition.get("op")
        if not isinstance(op, str) or op not in FIELD_OPS:
            params = {"value": _shown_or_none(op), "expected": ", ".join(FIELD_OPS)}
            yield Problem("condition_op_unknown", params, node.id, "condition.op")
        elif op in FIELD_OPS_WITH_VALUE:
            value = condition.get("value")
            if not (isinstance(value, str) or _is_number(value)):
                yield Problem("condition_value_missing", {"op": op}, node.id, "condition.value")
        return
    # opened / clicked / replied look at the events of an email sent earlier on the path.
    email_id = condition.get("node")
    target = graph.nodes.get(email_id) if isinstance(email_id, str) else None
    if not isinstance(email_id, str) or not email_id:
        yield Problem("condition_email_missing", {"kind": kind}, node.id, "condition.node")
    elif target is None or target.type != "email":
        yield Problem("condition_email_not_email", {"email": email_id}, node.id, "condition.node")
    elif not comes_before(email_id, node.id):
        yield Problem("condition_email_not_before", {"email": email_id}, node.id, "condition.node")


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
    components = strongly_connected(graph.order, graph.successors)
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
        yield Problem("no_start")
    for extra_start in starts[1:]:
        yield Problem("extra_start", {}, extra_start.id)

    for index, edge in enumerate(workflow.edges):
        if edge.source not in known:
            yield Problem("link_from_unknown", {"node": edge.source}, None, f"edges[{index}].from")
        target = known.get(edge.target)
        if target is None:
            yield Problem("link_to_unknown", {"node": edge.target}, None, f"edges[{index}].to")
        elif input_refusal(target.type) == "into_start":
            yield Problem("link_into_start", {"source": edge.source}, edge.target)

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
            node_id = edge.source if edge.source in known else None
            yield Problem("link_port_invalid", {}, node_id, f"edges[{index}].port")

    successors, predecessors = graph.successors, graph.predecessors
    if starts:
        from_start = _reachable([starts[0].id], successors)
        for node in workflow.nodes:
            if node.id not in from_start and node.type != "start":
                yield Problem("unreachable", {}, node.id)
        # A node that already has an output problem (or leads to one) is explained by it; what
        # is left cannot reach an End because it loops forever.
        ends = [node.id for node in workflow.nodes if node.type == "end"]
        can_finish = _reachable(ends, predecessors)
        explained = _reachable(dead_ends, predecessors)
        for node in workflow.nodes:
            if node.id in from_start and node.id not in can_finish and node.id not in explained:
                yield Problem("no_path_to_end", {}, node.id)

    types = {node_id: node.type for node_id, node in known.items()}
    for loop in loops_without_delay(graph.order, types, successors):
        yield Problem("loop_without_delay", {}, loop[0])


def _output_problems(node: Node, outgoing: list[Edge]) -> Iterator[Problem]:
    """The outgoing links a node of this type needs (`outgoing`: its links, in order)."""
    refused = [(edge, output_refusal(node.type, edge.port)) for edge in outgoing]
    if node.type == "end":
        if outgoing:
            yield Problem("end_has_output", {}, node.id, "edges")
    elif node.type == "condition":
        for port in CONDITION_PORTS:
            count = sum(1 for edge in outgoing if edge.port == port)
            if count == 0:
                yield Problem("condition_branch_missing", {"port": port}, node.id, "edges")
            elif count > 1:
                params = {"count": count, "port": port}
                yield Problem("condition_branch_repeated", params, node.id, "edges")
        for edge, refusal in refused:
            # A port the loader could not read is reported once, as link_port_invalid.
            if refusal is not None and "port" not in edge.extra:
                params = {"target": edge.target}
                yield Problem("condition_link_without_port", params, node.id, "edges")
    elif node.type in NODE_TYPES:
        for edge, refusal in refused:
            if refusal is not None:
                params = {"type": node.type, "port": edge.port, "target": edge.target}
                yield Problem("output_port_unknown", params, node.id, "edges")
        plain = [edge for edge in outgoing if edge.port is None]
        if not outgoing:
            yield Problem("leads_nowhere", {}, node.id, "edges")
        elif len(plain) > 1:
            yield Problem("too_many_outputs", {"count": len(plain)}, node.id, "edges")


def settings_problems(document_settings: dict[str, Any]) -> Iterator[Problem]:
    """What is wrong with campaign settings as the engine will apply them (defaults filled in).

    The one check of settings: validation, activation and the window's settings form call it.
    """
    settings = _deep_merge(default_settings(), document_settings)

    timezone = settings["timezone"]
    if not isinstance(timezone, str) or not is_time_zone(timezone):
        yield Problem("unknown_time_zone", {"value": _shown(timezone)}, None, "settings.timezone")

    window = settings["window"]
    if not isinstance(window, dict):
        yield Problem("window_not_object", {}, None, "settings.window")
    else:
        days = window.get("days")
        if not isinstance(days, list) or not days:
            yield Problem("window_no_days", {}, None, "settings.window.days")
        elif any(not isinstance(day, str) or day not in WEEKDAYS for day in days):
            params = {"expected": ", ".join(WEEKDAYS)}
            yield Problem("window_day_unknown", params, None, "settings.window.days")
        times_ok = True
        for key in ("start", "end"):
            value = window.get(key)
            if not isinstance(value, str) or not _CLOCK_TIME.fullmatch(value):
                times_ok = False
                yield Problem("window_time_invalid", {"key": key}, None, f"settings.window.{key}")
        # Zero-padded HH:MM strings compare like the times they name.
        if times_ok and window["start"] >= window["end"]:
            yield Problem("window_ends_before_start", {}, None, "settings.window.end")

    gap = settings["gap_seconds"]
    if not (
        isinstance(gap, list)
        and len(gap) == 2
        and all(_is_int(v) and 0 <= v <= MAX_GAP_SECONDS for v in gap)
    ):
        yield Problem("gap_invalid", {"max": MAX_GAP_SECONDS}, None, "settings.gap_seconds")
    elif gap[0] > gap[1]:
        yield Problem("gap_reversed", {}, None, "settings.gap_seconds")

    cap = settings["daily_cap"]
    if not _is_int(cap) or not 1 <= cap <= MAX_DAILY_CAP:
        yield Problem("daily_cap_invalid", {"max": MAX_DAILY_CAP}, None, "settings.daily_cap")

    for key in ("stop_on_reply", "stop_on_auto_reply", "track_opens", "track_clicks"):
        if not isinstance(settings[key], bool):
            yield Problem("setting_not_boolean", {"key": key}, None, f"settings.{key}")

    text = settings["unsubscribe_text"]
    if not isinstance(text, str) or len(text) > MAX_UNSUBSCRIBE_TEXT or "\n" in text:
        params = {"max": MAX_UNSUBSCRIBE_TEXT}
        yield Problem("unsubscribe_text_invalid", params, None, "settings.unsubscribe_text")

    account = settings["account"]
    if account is not None and not _is_int(account):
        yield Problem("account_invalid", {}, None, "settings.account")


def is_time_zone(name: str) -> bool:
    """True for an IANA time zone name this machine knows (Europe/Paris, UTC…)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
