"""Validation of long sequences: linear indexes, same answers (timings live in bench/)."""

from __future__ import annotations

import copy
import itertools
import random
from collections import deque

import pytest

from fluenzr_desktop.domain.problems import Problem
from fluenzr_desktop.domain.validation import validate
from fluenzr_desktop.domain.workflow import Edge, Node, parse_document

# Long, and independent of the date: run once per `make test`, not on the moved dates.
pytestmark = pytest.mark.heavy

SIZE = 10_000


def _edge(source: str, target: str, port: str | None = None) -> dict:
    edge = {"from": source, "to": target}
    if port is not None:
        edge["port"] = port
    return edge


def condition_chain(named: list[str]) -> dict:
    """start → e0 → c0 … (one 'opened' condition per name, both branches on) → e1 → … → end.

    `named[i]` is the email condition i looks at; e1 sits in the middle of the conditions.
    """
    half = len(named) // 2
    nodes = [
        {"id": "start", "type": "start"},
        {"id": "e0", "type": "email", "subject": "Hi {{ firstName }}", "body": "Hello"},
    ]
    order = ["start", "e0"]
    for index, email_id in enumerate(named):
        if index == half:
            nodes.append({"id": "e1", "type": "email", "subject": "", "body": "Again"})
            order.append("e1")
        condition = {"kind": "opened", "node": email_id}
        nodes.append({"id": f"c{index}", "type": "condition", "condition": condition})
        order.append(f"c{index}")
    nodes.append({"id": "end", "type": "end"})
    order.append("end")
    edges = []
    for source, target in itertools.pairwise(order):
        if source.startswith("c"):
            edges += [_edge(source, target, "yes"), _edge(source, target, "no")]
        else:
            edges.append(_edge(source, target))
    return {"version": 1, "nodes": nodes, "edges": edges}


def test_ten_thousand_conditions_on_an_earlier_email_are_valid():
    assert validate(parse_document(condition_chain(["e0"] * SIZE))) == []


def test_ten_thousand_conditions_each_find_whether_their_email_comes_first():
    named = ["e1" if index % 2 else "e0" for index in range(SIZE)]
    problems = validate(parse_document(condition_chain(named)))
    # e1 sits after the first half of the conditions: those that name it are wrong.
    expected = [
        Problem("condition_email_not_before", {"email": "e1"}, f"c{index}", "condition.node")
        for index in range(1, SIZE // 2, 2)
    ]
    assert problems == expected
    assert problems[0].message == "email 'e1' does not come before this condition"


def test_ten_thousand_emails_in_a_chain():
    nodes = [{"id": "start", "type": "start"}]
    for index in range(SIZE):
        subject = f"Step {index} for {{{{ company }}}}" if index % 3 == 0 else ""
        body = f"Hi {{{{ firstName | default('there') }}}}, step {index}."
        nodes.append({"id": f"e{index}", "type": "email", "subject": subject, "body": body})
    nodes.append({"id": "end", "type": "end"})
    ids = [node["id"] for node in nodes]
    document = {
        "version": 1,
        "nodes": nodes,
        "edges": [_edge(a, b) for a, b in itertools.pairwise(ids)],
    }
    assert validate(parse_document(document)) == []

    nodes[1]["subject"] = ""  # the first email needs a subject
    nodes[5_001]["body"] = "{{ 'x' * 10 ** 9 }}"
    nodes[9_001]["subject"] = "{{ " + "(" * 5000 + " }}"
    assert [(p.node_id, p.field) for p in validate(parse_document(document))] == [
        ("e0", "subject"),
        ("e5000", "body"),
        ("e9000", "subject"),
    ]


def test_a_chain_of_ten_thousand_looping_conditions_is_one_loop():
    document = condition_chain(["e0"] * SIZE)
    document["edges"][-1] = _edge(f"c{SIZE - 1}", "c0", "no")  # back to the first condition
    loops = [p for p in validate(parse_document(document)) if "loop without a Delay" in p.message]
    assert [p.node_id for p in loops] == ["c0"]


# -- the precedence of emails and conditions against a plain search -----------------------------


def _ancestors(document: dict, node_id: str) -> set[str]:
    known = {node["id"] for node in document["nodes"]}
    predecessors: dict[str, list[str]] = {}
    for edge in document["edges"]:
        if edge["from"] in known and edge["to"] in known:
            predecessors.setdefault(edge["to"], []).append(edge["from"])
    seen, queue = {node_id}, deque([node_id])
    while queue:
        for source in predecessors.get(queue.popleft(), ()):
            if source not in seen:
                seen.add(source)
                queue.append(source)
    return seen - {node_id}


def _random_graph(rng: random.Random) -> dict:
    kinds = ["email", "condition", "delay", "email", "condition"]
    nodes = [{"id": "start", "type": "start"}]
    for index in range(rng.randint(3, 12)):
        nodes.append({"id": f"n{index}", "type": rng.choice(kinds)})
    emails = [node["id"] for node in nodes if node["type"] == "email"] + ["ghost", "start"]
    for node in nodes:
        if node["type"] == "condition":
            node["condition"] = {"kind": "replied", "node": rng.choice(emails)}
    ids = [node["id"] for node in nodes]
    edges = [_edge(rng.choice(ids), rng.choice(ids[1:])) for _ in range(rng.randint(2, 20))]
    edges.append(_edge("n0", "missing"))
    return {"version": 1, "nodes": nodes, "edges": edges}


@pytest.mark.parametrize("seed", range(300))
def test_which_email_comes_before_a_condition_matches_a_plain_search(seed):
    document = _random_graph(random.Random(seed))
    found = {
        p.node_id
        for p in validate(parse_document(document))
        if p.field == "condition.node" and "does not come before" in p.message
    }
    expected = set()
    emails = {node["id"] for node in document["nodes"] if node["type"] == "email"}
    for node in document["nodes"]:
        if node["type"] == "condition":
            named = node["condition"]["node"]
            if named in emails and named not in _ancestors(document, node["id"]):
                expected.add(node["id"])
    assert found == expected


# -- Workflow.node() stays right while the canvas edits the lists in place ----------------------


def test_node_lookup_follows_in_place_edits_of_the_node_list():
    workflow = parse_document(condition_chain(["e0"] * 5))
    first = workflow.node("c0")
    assert first is workflow.nodes[2]
    assert workflow.node("nope") is None

    inserted = Node("new", "email", {})
    workflow.nodes.insert(0, inserted)  # every position moves
    assert workflow.node("new") is inserted
    assert workflow.node("c0") is first

    del workflow.nodes[workflow.nodes.index(first)]
    assert workflow.node("c0") is None

    replacement = Node("c1", "condition", {"condition": {"kind": "field"}})
    position = next(i for i, node in enumerate(workflow.nodes) if node.id == "c1")
    workflow.nodes[position] = replacement
    assert workflow.node("c1") is replacement

    renamed = workflow.node("c2")
    renamed.id = "c2-renamed"
    assert workflow.node("c2") is None
    assert workflow.node("c2-renamed") is renamed

    workflow.nodes.append(Node("c0", "end", {}))
    assert workflow.node("c0").type == "end"


def test_the_lookup_index_is_not_part_of_the_document():
    workflow = parse_document(condition_chain(["e0"] * 3))
    copied = copy.deepcopy(workflow)
    workflow.node("c0")
    assert workflow == copied
    assert "positions" not in repr(workflow)
    assert copied.node("c0") is copied.nodes[2]
    assert workflow.outgoing("c0") == [Edge("c0", "e1", "yes"), Edge("c0", "e1", "no")]
