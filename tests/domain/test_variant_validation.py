"""Validation covers every A/B variant of an email node; plain emails validate as before."""

from __future__ import annotations

import itertools

import pytest

from fluenzr_desktop.domain.validation import activation_problems, validate
from fluenzr_desktop.domain.workflow import parse_document


def document(*emails: dict) -> dict:
    """Start → the emails in order → End (the first is the first email of the path)."""
    nodes = [{"id": "start", "type": "start"}, *emails, {"id": "end", "type": "end"}]
    ids = [node["id"] for node in nodes]
    edges = [{"from": a, "to": b} for a, b in itertools.pairwise(ids)]
    return {"version": 1, "nodes": nodes, "edges": edges}


def email(node_id: str = "e1", subject: object = "Hello {{ firstName }}", **fields) -> dict:
    return {"id": node_id, "type": "email", "subject": subject, "body": "Hi", **fields}


def found(doc: dict) -> list[tuple[str | None, str | None, str, str]]:
    """(node, field, code, English sentence) of every problem of a document."""
    return [(p.node_id, p.field, p.code, p.message) for p in validate(parse_document(doc))]


def test_a_node_with_good_variants_has_no_problem():
    variants = [
        {"id": "A"},
        {"id": "B", "subject": "Other {{ company | default('') }}", "weight": 2.5},
        {"id": "C", "body": "<p>Hello</p>", "weight": 1000},
    ]
    assert found(document(email(variants=variants))) == []


def test_variants_is_a_known_field_of_an_email_only():
    doc = document(email(variants=[{"id": "A"}, {"id": "B"}]))
    doc["nodes"].insert(1, {"id": "d1", "type": "delay", "amount": 1, "unit": "days"})
    doc["edges"] = [{"from": a["id"], "to": b["id"]} for a, b in itertools.pairwise(doc["nodes"])]
    doc["nodes"][1]["variants"] = []
    problems = validate(parse_document(doc))
    assert [(p.node_id, p.code, p.severity) for p in problems] == [
        ("d1", "unknown_field", "warning")
    ]


def test_a_single_variant_is_not_an_ab_test():
    assert found(document(email(variants=[{"id": "A"}]))) == [
        (
            "e1",
            "variants",
            "variants_too_few",
            "an email with variants needs at least 2 of them (it has 1)",
        )
    ]


def test_an_empty_list_is_no_variants():
    assert found(document(email(variants=[]))) == []


def test_at_most_five_variants():
    variants = [{"id": letter} for letter in "ABCDEF"]
    assert found(document(email(variants=variants))) == [
        ("e1", "variants", "variants_too_many", "an email can have at most 5 variants (it has 6)")
    ]
    assert found(document(email(variants=variants[:5]))) == []


def test_variants_must_be_a_list_of_objects():
    assert found(document(email(variants={"A": {}}))) == [
        ("e1", "variants", "variants_not_list", "the variants must be a list")
    ]
    assert found(document(email(variants=[{"id": "A"}, "B"]))) == [
        ("e1", "variants[1]", "variant_not_object", "variant number 2 must be an object")
    ]


@pytest.mark.parametrize("variant_id", [None, "", "  ", 7])
def test_each_variant_needs_an_id(variant_id):
    variants = [{"id": "A"}, {"id": variant_id}]
    if variant_id is None:
        del variants[1]["id"]
    assert found(document(email(variants=variants))) == [
        (
            "e1",
            "variants[1].id",
            "variant_id_missing",
            "variant number 2 needs an id (a letter such as A)",
        )
    ]


def test_a_repeated_id_is_reported_once_on_the_repeat():
    variants = [{"id": "A"}, {"id": "B"}, {"id": "A", "subject": "Again"}]
    assert found(document(email(variants=variants))) == [
        ("e1", "variants[2].id", "variant_id_repeated", "two variants have the id 'A'")
    ]


@pytest.mark.parametrize("weight", [0, -1, 1000.5, 10**6, "2", True, float("nan"), [1]])
def test_a_weight_is_a_positive_number_up_to_1000(weight):
    variants = [{"id": "A"}, {"id": "B", "weight": weight}]
    problems = validate(parse_document(document(email(variants=variants))))
    assert [(p.field, p.code, dict(p.params)) for p in problems] == [
        ("variants[1].weight", "variant_weight_invalid", {"variant": "B", "max": 1000})
    ]
    assert problems[0].message == (
        "the weight of variant B must be a number greater than 0 and at most 1,000"
    )


@pytest.mark.parametrize("weight", [0.01, 1, 3, 1000])
def test_valid_weights(weight):
    variants = [{"id": "A", "weight": weight}, {"id": "B", "weight": None}]
    assert found(document(email(variants=variants))) == []


def test_each_variant_text_goes_through_the_template_checks_of_the_node():
    variants = [
        {"id": "A", "subject": "Hi {% if %}"},
        {"id": "B", "body": "{{ 'ab' * 30000000 }}"},
        {"id": "C", "subject": 42, "body": ["x"]},
    ]
    problems = validate(parse_document(document(email(variants=variants))))
    assert [(p.field, p.code, p.params.get("variant")) for p in problems] == [
        ("variants[0].subject", "template_syntax", "A"),
        ("variants[1].body", "template_repeats", "B"),
        ("variants[2].body", "body_not_text", "C"),
        ("variants[2].subject", "subject_not_text", "C"),
    ]
    assert problems[0].message.startswith("the subject does not compile: line 1")
    assert problems[1].message == (
        "the body repeats text too many times (over 1,000,000 characters)"
    )
    assert all(p.node_id == "e1" and p.severity == "error" for p in problems)


def test_an_inherited_text_is_checked_once_on_the_node():
    variants = [{"id": "A"}, {"id": "B"}]
    problems = found(document(email(subject="Hi {% if %}", variants=variants)))
    assert [(node, field, code) for node, field, code, _ in problems] == [
        ("e1", "subject", "template_syntax")
    ]


def test_a_first_email_variant_that_resolves_to_no_subject_is_a_problem():
    variants = [{"id": "A", "subject": "Own"}, {"id": "B"}, {"id": "C", "subject": " "}]
    assert found(document(email(subject="", variants=variants))) == [
        (
            "e1",
            "variants[1].subject",
            "variant_first_subject_empty",
            "variant B has no subject, and neither has the email "
            "(the first email of a path needs one)",
        ),
        (
            "e1",
            "variants[2].subject",
            "variant_first_subject_empty",
            "variant C has no subject, and neither has the email "
            "(the first email of a path needs one)",
        ),
    ]


def test_a_first_email_whose_variants_all_have_subjects_needs_none_of_its_own():
    variants = [{"id": "A", "subject": "One"}, {"id": "B", "subject": "Two"}]
    assert found(document(email(subject="", variants=variants))) == []
    assert found(document(email(subject=None, variants=variants))) == []


def test_a_follow_up_variant_may_have_no_subject():
    follow_up = email("e2", subject="", variants=[{"id": "A"}, {"id": "B", "subject": "New"}])
    assert found(document(email(), follow_up)) == []


def test_a_variant_that_takes_a_blank_body_is_a_problem_and_one_with_its_own_is_not():
    node = email(variants=[{"id": "A", "body": "Own body"}, {"id": "B"}])
    node["body"] = "  "
    assert found(document(node)) == [
        (
            "e1",
            "variants[1].body",
            "variant_body_empty",
            "variant B has no body, and the email has none for it to take",
        )
    ]
    node["variants"][1]["body"] = "B body"
    assert found(document(node)) == []


def test_a_node_body_that_is_not_text_is_said_once_on_the_node():
    node = email(variants=[{"id": "A"}, {"id": "B"}])
    node["body"] = 5
    assert [(f, c) for _, f, c, _ in found(document(node))] == [("body", "body_not_text")]


def test_unknown_fields_inside_a_variant_are_warnings_that_do_not_block():
    variants = [{"id": "A", "winner": True}, {"id": "B"}]
    workflow = parse_document(document(email(variants=variants)))
    problems = validate(workflow)
    assert [(p.field, p.code, p.severity, p.message) for p in problems] == [
        (
            "variants[0].winner",
            "variant_unknown_field",
            "warning",
            "unknown field 'winner' on variant A",
        )
    ]
    assert activation_problems(workflow) == []


def test_a_variant_without_an_id_is_named_by_its_number_in_its_other_problems():
    variants = [{"id": "A"}, {"weight": 0}]
    problems = validate(parse_document(document(email(variants=variants))))
    assert [(p.code, dict(p.params)) for p in problems] == [
        ("variant_id_missing", {"number": 2}),
        ("variant_weight_invalid", {"variant": "2", "max": 1000}),
    ]


def test_every_problem_of_a_broken_node_reads_as_one_line():
    variants = [{"id": ""}, "x", {"id": "", "weight": -1, "body": 3, "odd": 1}] * 2
    problems = validate(parse_document(document(email(subject="", variants=variants))))
    assert problems
    for problem in problems:
        assert problem.message and "\n" not in problem.message and "{" not in problem.message
        assert problem.node_id == "e1"
