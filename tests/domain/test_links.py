"""The link rules: one function tells the canvas why a link is refused, validation agrees."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.links import REFUSAL_CODES, LinkRefusal, link_refusal
from fluenzr_desktop.domain.validation import validate
from fluenzr_desktop.domain.workflow import Edge, parse_document


def sequence():
    """start → e1 → c1 (yes → d1 → end, no → e2 → end); e3 stands alone."""
    return parse_document(
        {
            "version": 1,
            "nodes": [
                {"id": "start", "type": "start"},
                {"id": "e1", "type": "email", "subject": "Hi", "body": "Hello"},
                {"id": "c1", "type": "condition", "condition": {"kind": "replied", "node": "e1"}},
                {"id": "d1", "type": "delay", "amount": 1, "unit": "days"},
                {"id": "e2", "type": "email", "body": "Again"},
                {"id": "e3", "type": "email", "body": "Alone"},
                {"id": "end", "type": "end"},
            ],
            "edges": [
                {"from": "start", "to": "e1"},
                {"from": "e1", "to": "c1"},
                {"from": "c1", "port": "yes", "to": "d1"},
                {"from": "c1", "port": "no", "to": "e2"},
                {"from": "d1", "to": "end"},
                {"from": "e2", "to": "end"},
            ],
        }
    )


@pytest.mark.parametrize(
    ("source", "target", "port", "code"),
    [
        ("e3", "gone", None, "node_missing"),
        ("e3", "e3", None, "self_link"),
        ("e3", "start", None, "into_start"),
        ("end", "e3", None, "end_has_no_output"),
        ("c1", "e3", None, "condition_port_required"),
        ("e3", "end", "yes", "single_output"),
        ("e1", "e3", None, "output_taken"),
    ],
)
def test_each_refusal_has_its_code(source, target, port, code):
    assert link_refusal(sequence(), source, target, port) == LinkRefusal(code)
    assert code in REFUSAL_CODES


def test_a_link_the_rules_allow_is_not_refused():
    assert link_refusal(sequence(), "e3", "end", None) is None
    assert link_refusal(sequence(), "start", "e3", None) == LinkRefusal("output_taken")


def test_a_loop_must_go_through_a_delay_and_validation_says_the_same():
    workflow = sequence()
    workflow.edges = [edge for edge in workflow.edges if edge.source not in ("d1", "e2")]
    # e2 → e1 closes e1 → c1 → e2 → e1: no Delay on the way.
    assert link_refusal(workflow, "e2", "e1", None) == LinkRefusal("loop_without_delay")
    # d1 → e1 closes a loop through the Delay: fine.
    assert link_refusal(workflow, "d1", "e1", None) is None

    workflow.edges.append(Edge("e2", "e1"))
    assert "loop_without_delay" in [problem.code for problem in validate(workflow)]
    workflow.edges[-1] = Edge("d1", "e1")
    assert "loop_without_delay" not in [problem.code for problem in validate(workflow)]


def test_validation_reports_saved_links_the_canvas_would_refuse():
    workflow = sequence()
    workflow.edges += [Edge("e3", "start"), Edge("end", "e3"), Edge("e3", "e1", "yes")]
    codes = {(problem.node_id, problem.code) for problem in validate(workflow)}
    assert ("start", "link_into_start") in codes
    assert ("end", "end_has_output") in codes
    assert ("e3", "output_port_unknown") in codes
