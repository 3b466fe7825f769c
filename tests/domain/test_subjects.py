"""The one rule for a follow-up's subject: `Re: <nearest earlier subject on the path>`."""

from __future__ import annotations

import itertools

import pytest

from fluenzr_desktop.domain.subjects import (
    possible_subjects,
    previous_subjects,
    reply_subject,
    subject_as_sent,
)
from fluenzr_desktop.domain.workflow import parse_document


def chain(*subjects: str):
    """Start → e1 → e2 → … → End with these own subjects."""
    ids = [f"e{index}" for index in range(1, len(subjects) + 1)]
    nodes = [{"id": "start", "type": "start"}]
    nodes += [
        {"id": i, "type": "email", "subject": s, "body": "x"}
        for i, s in zip(ids, subjects, strict=False)
    ]
    nodes.append({"id": "end", "type": "end"})
    order = ["start", *ids, "end"]
    edges = [{"from": a, "to": b} for a, b in itertools.pairwise(order)]
    return parse_document({"version": 1, "nodes": nodes, "edges": edges})


def own(workflow) -> dict[str, str]:
    return {node.id: node.props.get("subject", "") for node in workflow.email_nodes()}


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Second", "Re: Second"),
        ("Re: Second", "Re: Second"),
        ("RE: Second", "RE: Second"),
        ("re:Second", "re:Second"),
        ("  Second \n step ", "Re: Second step"),
    ],
)
def test_a_reply_subject_is_never_re_re(subject, expected):
    assert reply_subject(subject) == expected


def test_an_own_subject_wins_and_an_empty_one_replies():
    assert subject_as_sent("Third", "Second") == "Third"
    assert subject_as_sent("  ", "Second") == "Re: Second"
    assert subject_as_sent("", "Re: Second") == "Re: Second"
    assert subject_as_sent("", None) == ""


def test_three_email_chain_replies_to_the_nearest_earlier_subject():
    workflow = chain("First", "Second", "")
    assert possible_subjects(workflow, "e3", own(workflow)) == ["Re: Second"]
    assert possible_subjects(workflow, "e2", own(workflow)) == ["Second"]


def test_an_empty_subject_is_skipped_on_the_way_back():
    workflow = chain("First", "", "")
    assert previous_subjects(workflow, "e3", own(workflow)) == ["First"]
    assert possible_subjects(workflow, "e2", own(workflow)) == ["Re: First"]
    assert possible_subjects(workflow, "e3", own(workflow)) == ["Re: First"]


def test_a_first_email_without_a_subject_has_none_to_reply_to():
    workflow = chain("", "Second")
    assert previous_subjects(workflow, "e1", own(workflow)) == [""]
    assert possible_subjects(workflow, "e1", own(workflow)) == []


def test_where_branches_merge_each_path_gives_its_own_subject():
    # start → a "Hello" → condition: yes → b "Case study" → m ""; no → m "".
    workflow = parse_document({
        "version": 1,
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "a", "type": "email", "subject": "Hello", "body": "x"},
            {"id": "c", "type": "condition",
             "condition": {"kind": "field", "field": "company", "op": "is_empty"}},
            {"id": "b", "type": "email", "subject": "Case study", "body": "x"},
            {"id": "m", "type": "email", "subject": "", "body": "x"},
            {"id": "end", "type": "end"},
        ],
        "edges": [
            {"from": "start", "to": "a"}, {"from": "a", "to": "c"},
            {"from": "c", "port": "yes", "to": "b"}, {"from": "b", "to": "m"},
            {"from": "c", "port": "no", "to": "m"}, {"from": "m", "to": "end"},
        ],
    })  # fmt: skip
    assert sorted(possible_subjects(workflow, "m", own(workflow))) == ["Re: Case study",
                                                                       "Re: Hello"]  # fmt: skip
