"""The campaign document: tolerant loading, lossless saving, and every validation rule."""

from __future__ import annotations

import itertools
import json

import pytest

from fluenzr_desktop.domain.errors import DocumentError
from fluenzr_desktop.domain.problems import PROBLEM_CODES, Problem, english
from fluenzr_desktop.domain.validation import activation_problems, validate
from fluenzr_desktop.domain.workflow import (
    CONDITION_KINDS,
    DELAY_UNITS,
    FIELD_OPS,
    NODE_TYPES,
    WEEKDAYS,
    Edge,
    Node,
    Workflow,
    default_settings,
    new_document,
    parse_document,
    parse_json,
)

SAMPLE_JSON = """
{"version": 1,
 "settings": {"account": null, "timezone": "Europe/Paris",
              "window": {"days": ["mon", "tue", "wed", "thu", "fri"],
                         "start": "09:00", "end": "18:00"},
              "gap_seconds": [60, 180], "daily_cap": 50,
              "stop_on_reply": true, "stop_on_auto_reply": false,
              "track_opens": false, "track_clicks": false, "unsubscribe_text": ""},
 "nodes": [{"id": "start", "type": "start", "position": [0, 0]},
           {"id": "e1", "type": "email", "subject": "Quick question, {{firstName}}",
            "body": "Hi {{ firstName | default('there') }}, ...", "position": [0, 120]},
           {"id": "d1", "type": "delay", "amount": 3, "unit": "days"},
           {"id": "c1", "type": "condition",
            "condition": {"kind": "field", "field": "company", "op": "is_not_empty"}},
           {"id": "end", "type": "end"}],
 "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "d1"},
           {"from": "d1", "to": "c1"},
           {"from": "c1", "port": "yes", "to": "end"}, {"from": "c1", "port": "no", "to": "end"}]}
"""


def sample() -> dict:
    """A fresh copy of the issue's sample document (valid, zero problems)."""
    return json.loads(SAMPLE_JSON)


def node_of(doc: dict, node_id: str) -> dict:
    return next(node for node in doc["nodes"] if node["id"] == node_id)


def check(doc: dict) -> list[Problem]:
    return validate(parse_document(doc))


def where(doc: dict) -> set[tuple[str | None, str | None]]:
    """(node, field) of every problem of a document."""
    return {(problem.node_id, problem.field) for problem in check(doc)}


def on_node(doc: dict, node_id: str | None) -> list[Problem]:
    return [problem for problem in check(doc) if problem.node_id == node_id]


def email(node_id: str, subject: str = "Hello {{ firstName }}", body: str = "Hi") -> dict:
    return {"id": node_id, "type": "email", "subject": subject, "body": body}


def chain(*nodes: dict, edges: list[dict] | None = None) -> dict:
    """A document of start → nodes… → end, linked in order unless edges are given."""
    all_nodes = [{"id": "start", "type": "start"}, *nodes, {"id": "end", "type": "end"}]
    if edges is None:
        ids = [node["id"] for node in all_nodes]
        edges = [{"from": a, "to": b} for a, b in itertools.pairwise(ids)]
    return {"version": 1, "nodes": all_nodes, "edges": edges}


def branching() -> dict:
    """start → e1 → c1 (opened e1?) → yes: e2 → end / no: d1 → e3 → end."""
    return chain(
        email("e1"),
        {"id": "c1", "type": "condition", "condition": {"kind": "opened", "node": "e1"}},
        email("e2", subject=""),
        {"id": "d1", "type": "delay", "amount": 2, "unit": "hours"},
        email("e3", subject=""),
        edges=[
            {"from": "start", "to": "e1"},
            {"from": "e1", "to": "c1"},
            {"from": "c1", "port": "yes", "to": "e2"},
            {"from": "c1", "port": "no", "to": "d1"},
            {"from": "d1", "to": "e3"},
            {"from": "e2", "to": "end"},
            {"from": "e3", "to": "end"},
        ],
    )


# ---------------------------------------------------------------------------------------------
# Constants and fresh documents


def test_constants():
    assert NODE_TYPES == ("start", "email", "delay", "condition", "end")
    assert DELAY_UNITS == ("minutes", "hours", "days")
    assert CONDITION_KINDS == ("field", "opened", "clicked", "replied")
    assert set(FIELD_OPS) == {"equals", "not_equals", "contains", "is_empty", "is_not_empty"}
    assert WEEKDAYS == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def test_default_settings_are_the_documented_ones_and_a_fresh_copy():
    settings = default_settings()
    assert settings == sample()["settings"]
    settings["window"]["days"].append("sat")
    assert default_settings()["window"]["days"] == ["mon", "tue", "wed", "thu", "fri"]


def test_new_document_is_a_valid_start_to_end_draft_with_fresh_ids():
    document = new_document()
    workflow = parse_document(document)
    assert validate(workflow) == []
    assert [node.type for node in workflow.nodes] == ["start", "end"]
    start, end = workflow.nodes
    assert workflow.next_node_id(start.id) == end.id
    assert document["settings"] == default_settings()
    other = new_document()
    assert {n["id"] for n in other["nodes"]}.isdisjoint(n["id"] for n in document["nodes"])


# ---------------------------------------------------------------------------------------------
# Loading


def test_sample_document_loads_and_has_no_problems():
    workflow = parse_json(SAMPLE_JSON)
    assert workflow.version == 1
    assert [node.id for node in workflow.nodes] == ["start", "e1", "d1", "c1", "end"]
    assert workflow.edges[3] == Edge("c1", "end", "yes", {})
    assert validate(workflow) == []
    assert activation_problems(workflow) == []


def test_node_props_keep_every_key_but_id_and_type_in_order():
    node = parse_document(sample()).node("e1")
    assert node is not None
    assert node.type == "email"
    assert list(node.props) == ["subject", "body", "position"]
    assert node.get("subject") == "Quick question, {{firstName}}"
    assert node.get("missing") is None
    assert node.position == (0, 120)
    assert parse_document(sample()).node("d1").position is None


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "document: expected a JSON object, got a list"),
        ({"nodes": []}, "version: missing"),
        ({"version": 2, "nodes": []}, "version: unsupported version 2 (this app reads version 1)"),
        ({"version": "1", "nodes": []}, 'version: unsupported version "1"'),
        ({"version": True, "nodes": []}, "version: unsupported version true"),
        ({"version": 1}, "nodes: missing or not a list"),
        ({"version": 1, "nodes": {}}, "nodes: missing or not a list"),
        ({"version": 1, "nodes": [], "edges": {}}, "edges: expected a list"),
        ({"version": 1, "nodes": [], "settings": []}, "settings: expected an object"),
        ({"version": 1, "nodes": [], "settings": None}, "settings: expected an object"),
        ({"version": 1, "nodes": [{"id": "a"}, "b"]}, "nodes[1]: expected an object"),
        ({"version": 1, "nodes": [{"type": "start"}]}, "nodes[0].id: missing or not a string"),
        ({"version": 1, "nodes": [{"id": 3}]}, "nodes[0].id: missing or not a string"),
        ({"version": 1, "nodes": [{"id": ""}]}, "nodes[0].id: missing or not a string"),
        (
            {"version": 1, "nodes": [{"id": "a"}, {"id": "b"}, {"id": "a"}]},
            "nodes[2].id: duplicate id 'a' (already used by nodes[0])",
        ),
        ({"version": 1, "nodes": [], "edges": [1]}, "edges[0]: expected an object"),
        ({"version": 1, "nodes": [], "edges": [{"to": "a"}]}, "edges[0].from: missing"),
        ({"version": 1, "nodes": [], "edges": [{"from": "a", "to": 2}]}, "edges[0].to: missing"),
    ],
)
def test_unusable_structure_is_a_document_error_naming_the_field(document, message):
    with pytest.raises(DocumentError) as caught:
        parse_document(document)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_missing_settings_and_edges_load_as_empty():
    workflow = parse_document({"version": 1, "nodes": [{"id": "s", "type": "start"}]})
    assert workflow.settings == {}
    assert workflow.edges == []
    assert workflow.effective_settings() == default_settings()


def test_everything_but_the_structure_loads_and_is_left_to_validate():
    document = {
        "version": 1,
        "nodes": [
            {"id": "start", "type": "teleport", "colour": "red"},
            {"id": "x", "type": 7},
            {"id": "y"},
            {"id": "d", "type": "delay", "amount": "soon", "unit": ["days"]},
        ],
        "edges": [{"from": "nowhere", "to": "start", "port": 5}],
        "settings": {"timezone": 12, "window": "always"},
    }
    workflow = parse_document(document)
    assert [node.type for node in workflow.nodes] == ["teleport", "", "", "delay"]
    assert validate(workflow)  # reported, not raised


def test_parse_json_reports_line_and_column_of_bad_json():
    with pytest.raises(DocumentError) as caught:
        parse_json('{"version": 1,\n  "nodes": [}', source="campaign.json")
    assert str(caught.value).startswith("campaign.json line 2 column 13: ")


def test_parse_json_names_the_source_on_structure_errors():
    with pytest.raises(DocumentError, match=r"^campaign\.json: version: unsupported version 3"):
        parse_json('{"version": 3, "nodes": []}', source="campaign.json")
    with pytest.raises(DocumentError, match=r"^document line 1 column 1: "):
        parse_json("")


def test_the_workflow_does_not_share_data_with_the_loaded_object():
    document = sample()
    workflow = parse_document(document)
    workflow.node("e1").props["subject"] = "Changed"
    workflow.settings["window"]["days"].append("sat")
    assert node_of(document, "e1")["subject"] == "Quick question, {{firstName}}"
    assert document["settings"]["window"]["days"] == ["mon", "tue", "wed", "thu", "fri"]


# ---------------------------------------------------------------------------------------------
# Saving (round trip)


def test_sample_round_trips_with_the_same_key_order():
    document = sample()
    saved = parse_document(document).to_document()
    assert saved == document
    assert json.dumps(saved) == json.dumps(document)


def test_unknown_keys_at_every_level_survive_a_round_trip_in_place():
    document = {
        "meta": {"author": "Ana"},
        "version": 1,
        "settings": {
            "timezone": "Europe/Paris",
            "tracking": {"opens": True},
            "window": {"days": ["mon"], "lunch_break": "12:00-13:00", "start": "09:00"},
        },
        "nodes": [
            {"type": "start", "id": "start", "color": "#fff"},
            {"id": "e1", "ab_test": {"b": "x"}, "type": "email", "subject": "s", "body": "b"},
            {"id": "odd", "type": 42},
            {"id": "untyped"},
            {"id": "end", "type": "end", "x-canvas": [1, 2, 3]},
        ],
        "edges": [
            {"id": "edge-1", "from": "start", "to": "e1", "style": "dashed"},
            {"to": "end", "from": "e1", "port": None},
            {"from": "odd", "port": 5, "to": "end", "weight": 0.5},
        ],
        "x-future": [1, {"two": 2}],
    }
    workflow = parse_document(json.loads(json.dumps(document)))
    assert workflow.extra == {"meta": {"author": "Ana"}, "x-future": [1, {"two": 2}]}
    assert workflow.edges[0].extra == {"id": "edge-1", "style": "dashed"}
    assert workflow.node("odd").type == ""
    saved = workflow.to_document()
    assert saved == document
    assert json.dumps(saved) == json.dumps(document)


def test_missing_settings_and_edges_are_not_invented_on_save():
    document = {"version": 1, "nodes": [{"id": "s", "type": "start"}]}
    assert parse_document(document).to_document() == document


def test_edits_appear_on_save_and_new_nodes_and_edges_are_written_in_order():
    workflow = parse_document(sample())
    workflow.node("e1").props["subject"] = "New subject"
    workflow.nodes.append(Node("e2", "email", {"subject": "", "body": "Follow-up"}))
    workflow.edges.append(Edge("e2", "end", None, {}))
    workflow.edges.append(Edge("c1", "e2", "maybe", {}))
    saved = workflow.to_document()
    assert node_of(saved, "e1")["subject"] == "New subject"
    assert list(saved["nodes"][-1]) == ["id", "type", "subject", "body"]
    assert saved["edges"][-2] == {"from": "e2", "to": "end"}
    assert list(saved["edges"][-1]) == ["from", "to", "port"]


def test_a_workflow_built_in_code_saves_every_section():
    workflow = Workflow(1, {}, [Node("s", "start", {})], [], {})
    assert workflow.to_document() == {
        "version": 1,
        "settings": {},
        "nodes": [{"id": "s", "type": "start"}],
        "edges": [],
    }


# ---------------------------------------------------------------------------------------------
# Graph queries


def test_graph_queries():
    workflow = parse_document(branching())
    assert workflow.node("c1").type == "condition"
    assert workflow.node("nope") is None
    assert [edge.target for edge in workflow.outgoing("c1")] == ["e2", "d1"]
    assert [edge.source for edge in workflow.incoming("end")] == ["e2", "e3"]
    assert workflow.next_node_id("c1", "yes") == "e2"
    assert workflow.next_node_id("c1", "no") == "d1"
    assert workflow.next_node_id("c1") is None
    assert workflow.next_node_id("start") == "e1"
    assert workflow.next_node_id("end") is None
    assert [node.id for node in workflow.email_nodes()] == ["e1", "e2", "e3"]


def test_first_email_ids_stop_at_the_first_email_of_each_path():
    assert parse_document(branching()).first_email_ids() == {"e1"}
    document = chain(
        {
            "id": "c1",
            "type": "condition",
            "condition": {"kind": "field", "field": "company", "op": "is_empty"},
        },
        email("e1"),
        {"id": "d1", "type": "delay", "amount": 1, "unit": "days"},
        email("e2"),
        email("e3"),
        edges=[
            {"from": "start", "to": "c1"},
            {"from": "c1", "port": "yes", "to": "e1"},
            {"from": "c1", "port": "no", "to": "d1"},
            {"from": "d1", "to": "e2"},
            {"from": "e1", "to": "e3"},
            {"from": "e2", "to": "e3"},
            {"from": "e3", "to": "end"},
        ],
    )
    assert parse_document(document).first_email_ids() == {"e1", "e2"}


def test_previous_email_id_is_the_nearest_email_before():
    workflow = parse_document(branching())
    assert workflow.previous_email_id("e3") == "e1"
    assert workflow.previous_email_id("e2") == "e1"
    assert workflow.previous_email_id("e1") is None
    assert workflow.previous_email_id("end") in {"e2", "e3"}
    long_chain = parse_document(chain(email("a"), email("b"), email("c")))
    assert long_chain.previous_email_id("c") == "b"


def test_effective_settings_deep_merge_defaults_with_the_document():
    document = sample()
    document["settings"] = {
        "daily_cap": 20,
        "window": {"start": "08:00"},
        "custom": {"x": 1},
    }
    workflow = parse_document(document)
    effective = workflow.effective_settings()
    assert effective["daily_cap"] == 20
    assert effective["window"] == {
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "start": "08:00",
        "end": "18:00",
    }
    assert effective["custom"] == {"x": 1}
    assert effective["timezone"] == "Europe/Paris"
    effective["window"]["days"].clear()
    assert workflow.settings == {"daily_cap": 20, "window": {"start": "08:00"}, "custom": {"x": 1}}
    assert default_settings()["window"]["days"]


# ---------------------------------------------------------------------------------------------
# Problems


def test_problem_as_dict_and_readable_line():
    problem = Problem("delay_amount_too_large", {"max": 365, "unit": "days"}, "d1", "amount")
    assert problem.to_dict() == {
        "node": "d1",
        "field": "amount",
        "message": "the delay must be at most one year (365 days)",
        "code": "delay_amount_too_large",
        "params": {"max": 365, "unit": "days"},
    }
    assert str(problem) == "node d1, amount: the delay must be at most one year (365 days)"
    unreachable = Problem("unreachable", {}, "e1")
    assert str(unreachable) == "node e1: this node cannot be reached from Start"
    time_zone = Problem("unknown_time_zone", {"value": '"Mars/Base"'}, None, "settings.timezone")
    assert str(time_zone) == 'settings.timezone: unknown time zone "Mars/Base" (e.g. Europe/Paris)'
    assert str(Problem("no_start")) == "the campaign has no Start node"


def test_every_problem_code_has_an_english_sentence():
    for problem in check(
        {
            "version": 1,
            "nodes": [{"id": "x", "type": "email", "subject": 3}, {"id": "y", "type": "?"}],
            "edges": [{"from": "x", "to": "gone"}, {"from": "y", "to": "x", "port": 2}],
            "settings": {"daily_cap": 0, "timezone": None, "window": {"days": ["someday"]}},
        }
    ):
        assert problem.code in PROBLEM_CODES
        assert problem.message == english(problem.code, problem.params)


def test_problems_are_one_line_messages():
    problems = check(
        {"version": 1, "nodes": [{"id": "x", "type": "email"}], "settings": {"daily_cap": 0}}
    )
    assert problems
    for problem in problems:
        assert problem.message and "\n" not in problem.message


# ---------------------------------------------------------------------------------------------
# Validation: start, links, reachability


def test_no_start_node_is_a_document_problem():
    document = sample()
    node_of(document, "start")["type"] = "email"
    node_of(document, "start").update(subject="s", body="b")
    assert Problem("no_start") in check(document)
    assert "the campaign has no Start node" in [problem.message for problem in check(document)]


def test_each_extra_start_node_is_reported():
    document = sample()
    document["nodes"] += [{"id": "s2", "type": "start"}, {"id": "s3", "type": "start"}]
    document["edges"] += [{"from": "s2", "to": "e1"}, {"from": "s3", "to": "e1"}]
    problems = check(document)
    extra = [p for p in problems if "only one Start" in p.message]
    assert [p.node_id for p in extra] == ["s2", "s3"]


def test_nothing_may_point_into_start():
    document = sample()
    document["edges"].append({"from": "d1", "to": "start"})
    problems = on_node(document, "start")
    assert any("link into Start" in p.message and "'d1'" in p.message for p in problems)


def test_links_to_unknown_nodes_are_reported_with_the_edge_field():
    document = sample()
    document["edges"] += [{"from": "ghost", "to": "end"}, {"from": "e1", "to": "phantom"}]
    found = where(document)
    assert (None, "edges[5].from") in found
    assert (None, "edges[6].to") in found
    messages = [p.message for p in check(document)]
    assert "a link starts at unknown node 'ghost'" in messages
    assert "a link points to unknown node 'phantom'" in messages


def test_a_node_not_reachable_from_start_is_reported():
    document = sample()
    document["nodes"].append(email("lost"))
    document["edges"].append({"from": "lost", "to": "end"})
    assert [p.message for p in on_node(document, "lost")] == [
        "this node cannot be reached from Start"
    ]


def test_a_node_that_leads_nowhere_is_reported_once_without_noise_upstream():
    document = sample()
    document["edges"] = [e for e in document["edges"] if e["from"] != "d1"]
    problems = check(document)
    assert [(p.node_id, p.field) for p in problems if p.node_id == "d1"] == [("d1", "edges")]
    assert "leads nowhere" in on_node(document, "d1")[0].message
    # c1 is now unreachable; start and e1 are not blamed for d1's missing link.
    assert on_node(document, "start") == []
    assert on_node(document, "e1") == []


def test_start_needs_an_outgoing_link():
    document = {"version": 1, "nodes": [{"id": "s", "type": "start"}]}
    assert ("s", "edges") in where(document)


@pytest.mark.parametrize("node_id", ["start", "e1", "d1"])
def test_a_step_with_two_outgoing_links_is_ambiguous(node_id):
    document = sample()
    document["edges"].append({"from": node_id, "to": "end"})
    messages = [p.message for p in on_node(document, node_id)]
    assert "this node has 2 outgoing links; it needs exactly one" in messages


def test_a_port_on_a_link_from_a_plain_step_is_reported():
    document = sample()
    next(e for e in document["edges"] if e["from"] == "e1")["port"] = "yes"
    messages = [p.message for p in on_node(document, "e1")]
    assert any("has no 'yes' output" in m for m in messages)


def test_an_end_node_cannot_have_outgoing_links():
    document = sample()
    document["nodes"].append({"id": "end2", "type": "end"})
    document["edges"].append({"from": "end", "to": "end2"})
    assert [p.message for p in on_node(document, "end")] == [
        "an End node cannot have outgoing links"
    ]


@pytest.mark.parametrize(
    ("edges", "message"),
    [
        ([{"from": "c1", "port": "yes", "to": "end"}], "the condition has no 'no' branch"),
        ([{"from": "c1", "port": "no", "to": "end"}], "the condition has no 'yes' branch"),
        (
            [
                {"from": "c1", "port": "yes", "to": "end"},
                {"from": "c1", "port": "yes", "to": "end"},
                {"from": "c1", "port": "no", "to": "end"},
            ],
            "the condition has 2 'yes' branches",
        ),
        (
            [
                {"from": "c1", "port": "yes", "to": "end"},
                {"from": "c1", "port": "no", "to": "end"},
                {"from": "c1", "port": "maybe", "to": "end"},
            ],
            "a condition's link must leave by 'yes' or 'no' (link to 'end')",
        ),
        (
            [
                {"from": "c1", "port": "yes", "to": "end"},
                {"from": "c1", "port": "no", "to": "end"},
                {"from": "c1", "to": "end"},
            ],
            "a condition's link must leave by 'yes' or 'no' (link to 'end')",
        ),
    ],
)
def test_a_condition_needs_exactly_one_yes_and_one_no_branch(edges, message):
    document = sample()
    document["edges"] = [e for e in document["edges"] if e["from"] != "c1"] + edges
    assert message in [p.message for p in on_node(document, "c1")]


def test_a_port_that_is_not_a_string_is_reported():
    document = sample()
    next(e for e in document["edges"] if e.get("port") == "no")["port"] = None
    found = where(document)
    assert ("c1", "edges[4].port") in found
    assert ("c1", "edges") in found  # and the condition lacks its 'no' branch


def test_a_loop_with_no_way_out_never_reaches_an_end():
    document = chain(
        email("e1"),
        {"id": "d1", "type": "delay", "amount": 1, "unit": "days"},
        edges=[
            {"from": "start", "to": "e1"},
            {"from": "e1", "to": "d1"},
            {"from": "d1", "to": "e1"},
        ],
    )
    problems = check(document)
    stuck = {p.node_id for p in problems if p.message == "no path from this node reaches an End"}
    assert stuck == {"start", "e1", "d1"}
    assert ("end", None) in where(document)  # and End itself is unreachable


def test_a_loop_without_a_delay_is_reported_on_one_node():
    document = sample()
    document["edges"] = [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "c1"},
        {"from": "c1", "port": "yes", "to": "end"},
        {"from": "c1", "port": "no", "to": "e1"},
    ]
    document["nodes"] = [n for n in document["nodes"] if n["id"] != "d1"]
    loops = [p for p in check(document) if "loop without a Delay" in p.message]
    assert [(p.node_id, p.field) for p in loops] == [("e1", None)]


def test_a_condition_looping_on_itself_is_a_loop_without_delay():
    document = sample()
    next(e for e in document["edges"] if e.get("port") == "no")["to"] = "c1"
    assert any("loop without a Delay" in p.message for p in on_node(document, "c1"))


def test_a_loop_through_a_delay_is_allowed():
    document = sample()
    next(e for e in document["edges"] if e.get("port") == "no")["to"] = "d1"
    assert check(document) == []


def test_each_separate_loop_without_delay_is_reported():
    document = chain(
        {"id": "c1", "type": "condition", "condition": {"kind": "replied", "node": "e1"}},
        email("e1"),
        {"id": "c2", "type": "condition", "condition": {"kind": "clicked", "node": "e1"}},
        edges=[
            {"from": "start", "to": "e1"},
            {"from": "e1", "to": "c1"},
            {"from": "c1", "port": "yes", "to": "end"},
            {"from": "c1", "port": "no", "to": "c2"},
            {"from": "c2", "port": "yes", "to": "end"},
            {"from": "c2", "port": "no", "to": "c2"},
        ],
    )
    document["edges"].append({"from": "c1", "port": "no", "to": "e1"})
    loops = [p.node_id for p in check(document) if "loop without a Delay" in p.message]
    assert loops == ["c1", "c2"]


# ---------------------------------------------------------------------------------------------
# Validation: delays


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (0, "the delay amount must be greater than 0"),
        (-2, "the delay amount must be greater than 0"),
        ("3", "the delay amount must be a number"),
        (True, "the delay amount must be a number"),
        (None, "the delay amount must be a number"),
        (float("nan"), "the delay amount must be a number"),
    ],
)
def test_delay_amount_must_be_a_positive_number(amount, message):
    document = sample()
    node_of(document, "d1")["amount"] = amount
    assert [(p.field, p.message) for p in on_node(document, "d1")] == [("amount", message)]


@pytest.mark.parametrize(
    ("unit", "longest"), [("minutes", 525_600), ("hours", 8_760), ("days", 365)]
)
def test_a_delay_is_at_most_one_year_in_its_unit(unit, longest):
    document = sample()
    node_of(document, "d1").update(amount=longest, unit=unit)
    assert check(document) == []
    for amount in (longest + 0.5, longest * 2, 10**30, 1e308):
        node_of(document, "d1")["amount"] = amount
        assert [(p.field, p.message) for p in on_node(document, "d1")] == [
            ("amount", f"the delay must be at most one year ({longest:,} {unit})")
        ]


@pytest.mark.parametrize("amount", [float("inf"), float("-inf"), False])
def test_infinite_and_boolean_delays_are_not_numbers(amount):
    document = sample()
    node_of(document, "d1")["amount"] = amount
    assert [p.message for p in on_node(document, "d1")] == ["the delay amount must be a number"]


def test_a_huge_delay_with_an_unknown_unit_reports_the_unit():
    document = sample()
    node_of(document, "d1").update(amount=10**30, unit="weeks")
    assert [p.field for p in on_node(document, "d1")] == ["unit"]


def test_delay_amount_is_required_and_fractions_are_fine():
    document = sample()
    del node_of(document, "d1")["amount"]
    assert [p.message for p in on_node(document, "d1")] == ["the delay needs an amount"]
    node_of(document, "d1")["amount"] = 0.5
    assert check(document) == []


@pytest.mark.parametrize("unit", ["weeks", "Days", None, 3])
def test_delay_unit_must_be_known(unit):
    document = sample()
    node_of(document, "d1")["unit"] = unit
    problems = on_node(document, "d1")
    assert [p.field for p in problems] == ["unit"]
    assert "minutes, hours, days" in problems[0].message


@pytest.mark.parametrize("unit", DELAY_UNITS)
def test_every_delay_unit_is_accepted(unit):
    document = sample()
    node_of(document, "d1")["unit"] = unit
    assert check(document) == []


def test_delay_unit_missing():
    document = sample()
    del node_of(document, "d1")["unit"]
    assert where(document) == {("d1", "unit")}


# ---------------------------------------------------------------------------------------------
# Validation: emails


@pytest.mark.parametrize("body", ["", "   \n", None])
def test_an_email_needs_a_body(body):
    document = sample()
    node_of(document, "e1")["body"] = body
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("body", "the body is empty")
    ]


def test_an_email_without_a_body_key():
    document = sample()
    del node_of(document, "e1")["body"]
    assert where(document) == {("e1", "body")}


def test_a_body_that_is_not_text():
    document = sample()
    node_of(document, "e1")["body"] = ["Hi"]
    assert [p.message for p in on_node(document, "e1")] == ["the body must be text"]


def test_a_body_template_that_does_not_compile_is_reported_with_its_line():
    document = sample()
    node_of(document, "e1")["body"] = "Hello,\nHi {{ firstName"
    problems = on_node(document, "e1")
    assert [p.field for p in problems] == ["body"]
    assert problems[0].message.startswith("the body does not compile: line 2")


def test_a_subject_template_that_does_not_compile_is_reported():
    document = sample()
    node_of(document, "e1")["subject"] = "Quick question {% if %}"
    problems = on_node(document, "e1")
    assert [p.field for p in problems] == ["subject"]
    assert problems[0].message.startswith("the subject does not compile: line 1")


def test_a_body_too_large_once_rendered_is_reported_before_activation():
    document = sample()
    node_of(document, "e1")["body"] = "Hi {{ '%*s'|format(50000000,'x') }}"
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("body", "the body pads text too widely (a width over 1,000)")
    ]
    node_of(document, "e1")["body"] = "{% for i in range(2000) %}{{ 'x' * 999 }}{% endfor %}"
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("body", "the body is too large once rendered (over 1 MB)")
    ]


def test_a_subject_that_repeats_or_loops_too_much_is_reported():
    document = sample()
    node_of(document, "e1")["subject"] = "{{ 'ab' * 30000000 }}"
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("subject", "the subject repeats text too many times (over 1,000,000 characters)")
    ]
    node_of(document, "e1")["subject"] = (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    )
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("subject", "the subject loops too many times (over 200,000 steps)")
    ]
    node_of(document, "e1")["subject"] = "Hi {{ firstName }}, " * 60
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("subject", "the subject is too long once rendered (over 998 characters)")
    ]


def test_a_follow_up_subject_is_checked_too():
    document = sample()
    document["nodes"].insert(2, email("e2", subject="{{ 'x'.center(10**9) }}"))
    document["edges"][1] = {"from": "e1", "to": "e2"}
    document["edges"].insert(2, {"from": "e2", "to": "d1"})
    assert [(p.field, p.message) for p in on_node(document, "e2")] == [
        ("subject", "the subject pads text too widely (a width over 1,000)")
    ]


def test_a_template_nested_too_deeply_is_a_problem_not_a_crash():
    document = sample()
    node_of(document, "e1")["subject"] = "{{ " + "(" * 5000 + "firstName" + ")" * 5000 + " }}"
    node_of(document, "e1")["body"] = "{% if company %}" * 5000 + "{% endif %}" * 5000
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("body", "the body does not compile: line 1: nested too deeply (over 20 levels)"),
        ("subject", "the subject does not compile: line 1: nested too deeply (over 20 levels)"),
    ]


def test_an_html_body_is_accepted():
    document = sample()
    node_of(document, "e1")["body"] = "<p>Hi {{ firstName | default('there') }},</p><br>"
    assert check(document) == []


@pytest.mark.parametrize("subject", ["", "  ", None])
def test_the_first_email_needs_a_subject(subject):
    document = sample()
    node_of(document, "e1")["subject"] = subject
    problems = on_node(document, "e1")
    assert [p.field for p in problems] == ["subject"]
    assert problems[0].message.startswith("the subject is empty")


def test_a_subject_that_is_not_text():
    document = sample()
    node_of(document, "e1")["subject"] = 42
    assert [p.message for p in on_node(document, "e1")] == ["the subject must be text"]


def test_a_follow_up_may_leave_its_subject_empty():
    document = branching()
    assert check(document) == []
    del node_of(document, "e2")["subject"]
    assert check(document) == []


def test_an_email_first_on_some_path_needs_a_subject():
    # start → c1 → yes: e1 → e2 / no: e2 ; e2 is a follow-up on one path but first on the other.
    document = chain(
        {
            "id": "c1",
            "type": "condition",
            "condition": {"kind": "field", "field": "title", "op": "contains", "value": "CEO"},
        },
        email("e1"),
        email("e2", subject=""),
        edges=[
            {"from": "start", "to": "c1"},
            {"from": "c1", "port": "yes", "to": "e1"},
            {"from": "c1", "port": "no", "to": "e2"},
            {"from": "e1", "to": "e2"},
            {"from": "e2", "to": "end"},
        ],
    )
    assert where(document) == {("e2", "subject")}


# ---------------------------------------------------------------------------------------------
# Validation: conditions


def condition_doc(condition: object) -> dict:
    document = sample()
    node_of(document, "c1")["condition"] = condition
    return document


@pytest.mark.parametrize(
    "condition",
    [
        {"kind": "field", "field": "company", "op": "equals", "value": "Acme"},
        {"kind": "field", "field": "employees", "op": "not_equals", "value": 10},
        {"kind": "field", "field": "title", "op": "contains", "value": ""},
        {"kind": "field", "field": "phone", "op": "is_empty"},
        {"kind": "opened", "node": "e1"},
        {"kind": "clicked", "node": "e1"},
        {"kind": "replied", "node": "e1"},
    ],
)
def test_valid_conditions(condition):
    assert check(condition_doc(condition)) == []


@pytest.mark.parametrize(
    ("condition", "field", "message"),
    [
        (None, "condition", "the condition is missing or not an object"),
        ("company", "condition", "the condition is missing or not an object"),
        ({"kind": "weather"}, "condition.kind", 'unknown condition kind "weather"'),
        ({}, "condition.kind", "unknown condition kind missing"),
        ({"kind": "field", "op": "is_empty"}, "condition.field", "must name a contact field"),
        (
            {"kind": "field", "field": " ", "op": "is_empty"},
            "condition.field",
            "must name a contact field",
        ),
        ({"kind": "field", "field": "company", "op": "like"}, "condition.op", "unknown comparison"),
        ({"kind": "field", "field": "company"}, "condition.op", "unknown comparison missing"),
        (
            {"kind": "field", "field": "company", "op": "equals"},
            "condition.value",
            "the 'equals' comparison needs a text or number value",
        ),
        (
            {"kind": "field", "field": "company", "op": "contains", "value": True},
            "condition.value",
            "needs a text or number value",
        ),
        (
            {"kind": "field", "field": "company", "op": "not_equals", "value": None},
            "condition.value",
            "needs a text or number value",
        ),
        ({"kind": "opened"}, "condition.node", "the 'opened' condition must name an email node"),
        ({"kind": "replied", "node": "ghost"}, "condition.node", "'ghost' is not an email node"),
        ({"kind": "clicked", "node": "d1"}, "condition.node", "'d1' is not an email node"),
    ],
)
def test_invalid_conditions(condition, field, message):
    problems = on_node(condition_doc(condition), "c1")
    assert [p.field for p in problems] == [field]
    assert message in problems[0].message


def test_event_condition_must_look_at_an_earlier_email():
    document = branching()
    document["nodes"].append(email("later", subject=""))
    document["edges"] = [e for e in document["edges"] if e["from"] != "e2"] + [
        {"from": "e2", "to": "later"},
        {"from": "later", "to": "end"},
    ]
    node_of(document, "c1")["condition"] = {"kind": "opened", "node": "later"}
    problems = on_node(document, "c1")
    assert [(p.field, p.message) for p in problems] == [
        ("condition.node", "email 'later' does not come before this condition")
    ]


# ---------------------------------------------------------------------------------------------
# Validation: node types, fields, positions


def test_an_unknown_node_type_is_one_problem_on_that_node():
    document = sample()
    node_of(document, "d1")["type"] = "wait"
    problems = on_node(document, "d1")
    assert [(p.field, p.message) for p in problems] == [
        ("type", "unknown node type 'wait' (expected start, email, delay, condition, end)")
    ]


def test_a_node_without_a_type_is_reported():
    document = sample()
    del node_of(document, "d1")["type"]
    assert [(p.field, p.message) for p in on_node(document, "d1")] == [
        ("type", "the node has no type")
    ]


def test_unknown_fields_on_a_known_node_type_are_reported_one_each():
    document = sample()
    node_of(document, "e1").update(amount=3, tracking=True)
    node_of(document, "end")["subject"] = "bye"
    assert where(document) == {("e1", "amount"), ("e1", "tracking"), ("end", "subject")}
    assert "unknown field 'tracking' on an email node" in [p.message for p in check(document)]


def test_label_and_note_are_allowed_on_every_node():
    document = sample()
    for node in document["nodes"]:
        node.update(label="Step", note="why this step")
    assert check(document) == []


def test_label_must_be_text():
    document = sample()
    node_of(document, "e1")["label"] = 5
    assert where(document) == {("e1", "label")}


@pytest.mark.parametrize("position", [[0], [0, 1, 2], ["0", 1], [True, 1], "0,0", None])
def test_a_position_must_be_two_numbers(position):
    document = sample()
    node_of(document, "e1")["position"] = position
    assert [(p.field, p.message) for p in on_node(document, "e1")] == [
        ("position", "the position must be two numbers [x, y]")
    ]


def test_float_positions_are_fine():
    document = sample()
    node_of(document, "e1")["position"] = [12.5, -40.25]
    assert check(document) == []


# ---------------------------------------------------------------------------------------------
# Validation: settings


def settings_problems(**settings: object) -> set[tuple[str | None, str | None]]:
    document = sample()
    document["settings"].update(settings)
    return where(document)


def window(**values: object) -> dict:
    return {"days": ["mon"], "start": "09:00", "end": "18:00", **values}


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "settings.timezone"),
        ({"timezone": "America"}, "settings.timezone"),
        ({"timezone": ""}, "settings.timezone"),
        ({"timezone": "../etc/passwd"}, "settings.timezone"),
        ({"timezone": 1}, "settings.timezone"),
        ({"window": "always"}, "settings.window"),
        ({"window": window(days=[])}, "settings.window.days"),
        ({"window": window(days="mon")}, "settings.window.days"),
        ({"window": window(days=["monday"])}, "settings.window.days"),
        ({"window": window(start="9:00")}, "settings.window.start"),
        ({"window": window(start="24:00")}, "settings.window.start"),
        ({"window": window(end="18h")}, "settings.window.end"),
        ({"window": window(start="18:00", end="09:00")}, "settings.window.end"),
        ({"window": window(start="09:00", end="09:00")}, "settings.window.end"),
        ({"gap_seconds": [-1, 10]}, "settings.gap_seconds"),
        ({"gap_seconds": [30, 10]}, "settings.gap_seconds"),
        ({"gap_seconds": [1.5, 10]}, "settings.gap_seconds"),
        ({"gap_seconds": [10]}, "settings.gap_seconds"),
        ({"gap_seconds": 60}, "settings.gap_seconds"),
        ({"gap_seconds": [0, 86_401]}, "settings.gap_seconds"),
        ({"gap_seconds": [86_401, 86_402]}, "settings.gap_seconds"),
        ({"gap_seconds": [0, 10**30]}, "settings.gap_seconds"),
        ({"gap_seconds": [True, 10]}, "settings.gap_seconds"),
        ({"daily_cap": 0}, "settings.daily_cap"),
        ({"daily_cap": 10_001}, "settings.daily_cap"),
        ({"daily_cap": 10**30}, "settings.daily_cap"),
        ({"daily_cap": -5}, "settings.daily_cap"),
        ({"daily_cap": True}, "settings.daily_cap"),
        ({"daily_cap": "50"}, "settings.daily_cap"),
        ({"daily_cap": 2.5}, "settings.daily_cap"),
        ({"stop_on_reply": "yes"}, "settings.stop_on_reply"),
        ({"stop_on_auto_reply": 0}, "settings.stop_on_auto_reply"),
        ({"track_opens": "yes"}, "settings.track_opens"),
        ({"track_clicks": 1}, "settings.track_clicks"),
        ({"unsubscribe_text": "line one\nline two"}, "settings.unsubscribe_text"),
        ({"unsubscribe_text": "x" * 301}, "settings.unsubscribe_text"),
        ({"unsubscribe_text": None}, "settings.unsubscribe_text"),
        ({"account": "main"}, "settings.account"),
        ({"account": True}, "settings.account"),
    ],
)
def test_bad_settings_are_reported_on_their_field(settings, field):
    assert settings_problems(**settings) == {(None, field)}


def test_good_settings_pass():
    assert (
        settings_problems(
            timezone="America/New_York",
            window=window(days=list(WEEKDAYS), start="00:00", end="23:59"),
            gap_seconds=[0, 0],
            daily_cap=1,
            account=3,
            stop_on_reply=False,
            stop_on_auto_reply=True,
            custom_setting={"kept": True},
        )
        == set()
    )


def test_the_largest_settings_pass():
    assert settings_problems(gap_seconds=[86_400, 86_400], daily_cap=10_000) == set()
    assert settings_problems(gap_seconds=[0, 86_400]) == set()


def test_out_of_range_settings_name_their_limit():
    document = sample()
    document["settings"].update(daily_cap=10_001, gap_seconds=[0, 100_000])
    assert {p.field: p.message for p in check(document)} == {
        "settings.gap_seconds": "the gap must be [min, max] whole seconds from 0 to 86,400 "
        "(one day)",
        "settings.daily_cap": "the daily cap must be a whole number from 1 to 10,000",
    }


def test_settings_left_out_fall_back_to_defaults():
    document = sample()
    document["settings"] = {"window": {"days": ["sat"]}}
    assert check(document) == []
    del document["settings"]
    assert check(document) == []


# ---------------------------------------------------------------------------------------------
# Robustness


@pytest.mark.parametrize(
    "document",
    [
        {"version": 1, "nodes": []},
        {"version": 1, "nodes": [{"id": "a", "type": None, "position": {"x": 1}}]},
        {
            "version": 1,
            "nodes": [
                {"id": "s", "type": "start", "label": [1]},
                {"id": "e", "type": "email", "subject": {"a": 1}, "body": 5},
                {"id": "d", "type": "delay", "amount": [], "unit": {}},
                {"id": "c", "type": "condition", "condition": {"kind": ["field"]}},
                {"id": "c2", "type": "condition", "condition": {"kind": "opened", "node": 4}},
                {"id": "c3", "type": "condition", "condition": {"kind": "field", "op": []}},
            ],
            "edges": [
                {"from": "s", "to": "s"},
                {"from": "e", "to": "x", "port": []},
                {"from": "c", "to": "c", "port": "yes"},
            ],
            "settings": {
                "timezone": None,
                "window": {"days": [[]], "start": 900, "end": None},
                "gap_seconds": [None, "a"],
                "daily_cap": None,
                "stop_on_reply": None,
                "account": [],
            },
        },
    ],
)
def test_validate_never_raises_on_a_loaded_document(document):
    problems = validate(parse_document(document))
    assert all(isinstance(problem, Problem) for problem in problems)
    assert problems == activation_problems(parse_document(document))


def test_a_long_chain_validates_without_recursion_trouble():
    # Emails, not delays: the loop finder only walks non-delay nodes.
    steps = [email(f"e{i}") for i in range(3000)]
    assert check(chain(*steps)) == []
    looped = chain(*steps)
    looped["edges"][-1] = {"from": "e2999", "to": "e0"}
    assert [p.node_id for p in check(looped) if "loop without a Delay" in p.message] == ["e0"]
