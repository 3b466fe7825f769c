"""A/B variants of an email node: reading them, what each sends, who gets which, subjects."""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.subjects import possible_subjects, previous_subjects
from fluenzr_desktop.domain.variants import (
    MAX_VARIANTS,
    MIN_VARIANTS,
    Variant,
    assign_variant,
    assignment_point,
    effective_email,
    next_variant_letter,
    variant_ids,
    variant_subject_sources,
    variant_texts,
    variants_of,
)
from fluenzr_desktop.domain.workflow import parse_document


def email_node(variants: object, subject: object = "Node subject", body: object = "Node body"):
    """An email node with these variants, loaded as the engine and canvas load it."""
    raw = {"id": "e1", "type": "email", "subject": subject, "body": body, "variants": variants}
    return parse_document({"version": 1, "nodes": [raw]}).nodes[0]


def two(weight_a: float = 1, weight_b: float = 1) -> list[Variant]:
    return [Variant("A", "s", "b", weight_a), Variant("B", "s", "b", weight_b)]


def test_the_bounds_are_two_to_five():
    assert (MIN_VARIANTS, MAX_VARIANTS) == (2, 5)


def test_a_variant_without_subject_or_body_takes_the_nodes_own():
    node = email_node(
        [
            {"id": "A"},
            {"id": "B", "subject": "B subject", "weight": 3},
            {"id": "C", "body": "C body", "subject": "  "},
            {"id": "D", "subject": None, "body": ""},
        ]
    )
    assert variants_of(node) == [
        Variant("A", "Node subject", "Node body", 1),
        Variant("B", "B subject", "Node body", 3),
        Variant("C", "Node subject", "C body", 1),
        Variant("D", "Node subject", "Node body", 1),
    ]
    assert variant_ids(node) == ["A", "B", "C", "D"]
    assert effective_email(node, "B") == ("B subject", "Node body")
    assert effective_email(node, "C") == ("Node subject", "C body")
    assert effective_email(node, None) == ("Node subject", "Node body")


def test_a_follow_up_variant_without_subject_keeps_the_empty_subject_of_its_node():
    node = email_node([{"id": "A"}, {"id": "B", "subject": "Own"}], subject="")
    assert [v.subject for v in variants_of(node)] == ["", "Own"]


def test_a_variant_the_node_does_not_have_is_an_error_naming_it():
    node = email_node([{"id": "A"}, {"id": "B"}])
    with pytest.raises(FluenzrError, match="node e1: no variant 'Z'"):
        effective_email(node, "Z")


@pytest.mark.parametrize("variants", [None, [], "AB", {"id": "A"}])
def test_a_node_without_a_list_of_variants_has_none(variants):
    node = email_node(variants)
    assert variants_of(node) == []
    assert effective_email(node, None) == ("Node subject", "Node body")


def test_a_plain_v1_email_node_has_no_variants():
    node = parse_document(
        {"version": 1, "nodes": [{"id": "e", "type": "email", "subject": "S", "body": "B"}]}
    ).nodes[0]
    assert variants_of(node) == []
    assert list(variant_texts(node)) == []


def test_unreadable_entries_are_left_out_and_a_bad_weight_counts_as_one():
    # Validation reports each of these; reading them never fails.
    node = email_node([{"id": "A", "weight": -2}, "B", {"id": ""}, {"weight": 4}, {"id": "E"}])
    assert variants_of(node) == [
        Variant("A", "Node subject", "Node body", 1),
        Variant("E", "Node subject", "Node body", 1),
    ]


def test_the_templates_of_the_variants_are_listed_with_their_field():
    node = email_node([{"id": "A"}, {"id": "B", "subject": "Hi {{ firstName }}", "body": "X"}])
    assert list(variant_texts(node)) == [
        ("variants[1].subject", "Hi {{ firstName }}"),
        ("variants[1].body", "X"),
    ]


# ---------------------------------------------------------------------------------------------
# Assignment


def test_two_even_variants_split_400_enrollments_about_evenly():
    counts = Counter(assign_variant(enrollment, "e1", two()) for enrollment in range(1, 401))
    assert set(counts) == {"A", "B"}
    assert 160 <= counts["A"] <= 240 and 160 <= counts["B"] <= 240


def test_weights_three_to_one_give_about_three_quarters():
    counts = Counter(assign_variant(enrollment, "e1", two(3, 1)) for enrollment in range(1, 2001))
    assert 0.70 <= counts["A"] / 2000 <= 0.80


def test_the_split_is_even_on_every_node_not_only_one():
    for node_id in ("e1", "e2", "3f2c9a50-0b7e-4c1e-9d0a-7f7d9e1c2b3a"):
        counts = Counter(assign_variant(enrollment, node_id, two()) for enrollment in range(400))
        assert 160 <= counts["A"] <= 240, node_id


def test_the_same_enrollment_and_node_always_get_the_same_variant():
    variants = [Variant(letter, "s", "b", 1) for letter in "ABCDE"]
    first = [assign_variant(enrollment, "node-7", variants) for enrollment in range(300)]
    again = [assign_variant(enrollment, "node-7", list(variants)) for enrollment in range(300)]
    assert first == again
    assert set(first) == set("ABCDE")


def test_the_choice_does_not_depend_on_the_process():
    # SHA-256 of "<enrollment>:<node>", not Python's salted hash(): a value fixed for ever.
    for enrollment, node_id in [(0, "x"), (1, "e1"), (98765, "3f2c9a50-0b7e")]:
        digest = hashlib.sha256(f"{enrollment}:{node_id}".encode()).digest()
        expected = int.from_bytes(digest[:8], "big") / 2**64
        assert assignment_point(enrollment, node_id) == expected
        assert 0 <= expected < 1


def test_the_same_enrollment_may_get_different_variants_at_different_nodes():
    picks = {assign_variant(42, f"node-{index}", two()) for index in range(40)}
    assert picks == {"A", "B"}


def test_a_single_variant_always_wins_and_none_is_refused():
    assert {assign_variant(n, "e1", [Variant("A", "", "", 1)]) for n in range(50)} == {"A"}
    with pytest.raises(ValueError, match="no variants"):
        assign_variant(1, "e1", [])


def test_a_new_variant_takes_the_first_free_letter():
    assert next_variant_letter([]) == "A"
    assert next_variant_letter(["A", "B"]) == "C"
    assert next_variant_letter(["A", "C"]) == "B"
    assert next_variant_letter(["A", "B", "C", "D"]) == "E"
    assert next_variant_letter(["A", "B", "C", "D", "E"]) is None
    assert next_variant_letter(["x", "y", "z", "w", "v"]) is None  # already five


# ---------------------------------------------------------------------------------------------
# The document keeps them


def test_variants_and_their_unknown_fields_survive_a_round_trip_in_place():
    document = {
        "version": 1,
        "nodes": [
            {
                "id": "e1",
                "type": "email",
                "variants": [
                    {"weight": 2, "id": "A", "future": {"x": 1}},
                    {"id": "B", "subject": "S", "note-from-v2": True, "body": None},
                ],
                "subject": "Hi",
                "body": "Hello",
            }
        ],
    }
    workflow = parse_document(document)
    saved = workflow.to_document()
    assert saved == document
    assert list(saved["nodes"][0]) == ["id", "type", "variants", "subject", "body"]
    assert list(saved["nodes"][0]["variants"][0]) == ["weight", "id", "future"]
    assert variants_of(workflow.nodes[0])[0] == Variant("A", "Hi", "Hello", 2)


def test_an_edited_variant_is_saved_and_the_document_stays_version_1():
    workflow = parse_document({"version": 1, "nodes": [{"id": "e1", "type": "email"}]})
    workflow.nodes[0].props["variants"] = [{"id": "A"}, {"id": "B", "subject": "Other"}]
    saved = workflow.to_document()
    assert saved["version"] == 1
    assert saved["nodes"][0]["variants"] == [{"id": "A"}, {"id": "B", "subject": "Other"}]


# ---------------------------------------------------------------------------------------------
# Subjects of follow-ups


def thread(first: dict, *follow_ups: dict):
    """Start → e1 (with `first`'s fields) → e2 … → End."""
    nodes = [{"id": "start", "type": "start"}, {"id": "e1", "type": "email", **first}]
    nodes += [{"id": f"e{i}", "type": "email", **fields} for i, fields in enumerate(follow_ups, 2)]
    nodes.append({"id": "end", "type": "end"})
    ids = [node["id"] for node in nodes]
    edges = [{"from": a, "to": b} for a, b in itertools.pairwise(ids)]
    return parse_document({"version": 1, "nodes": nodes, "edges": edges})


def own(workflow) -> dict[str, str]:
    return {node.id: node.props.get("subject", "") for node in workflow.email_nodes()}


def test_a_follow_up_can_reply_to_each_variant_of_the_first_email():
    workflow = thread(
        {"subject": "Base", "variants": [{"id": "A"}, {"id": "B", "subject": "Bold"}]},
        {"subject": ""},
    )
    sources = variant_subject_sources(workflow)
    assert sources == {"e1": ["Base", "Bold"]}
    assert possible_subjects(workflow, "e2", own(workflow), sources) == ["Re: Base", "Re: Bold"]
    assert possible_subjects(workflow, "e1", own(workflow), sources) == ["Base", "Bold"]


def test_the_chosen_variant_alone_gives_the_thread_its_subject():
    workflow = thread(
        {"subject": "Base", "variants": [{"id": "A"}, {"id": "B", "subject": "Bold"}]},
        {"subject": ""},
        {"subject": ""},
    )
    sources = variant_subject_sources(workflow, chosen={"e1": "B"})
    assert sources == {"e1": ["Bold"]}
    assert possible_subjects(workflow, "e3", own(workflow), sources) == ["Re: Bold"]
    # A choice the node does not have shows every variant rather than a wrong one.
    assert variant_subject_sources(workflow, chosen={"e1": "Z"}) == {"e1": ["Base", "Bold"]}


def test_a_follow_up_with_variants_replies_where_a_variant_has_no_subject():
    workflow = thread(
        {"subject": "First"},
        {"subject": "", "variants": [{"id": "A"}, {"id": "B", "subject": "New topic"}]},
    )
    sources = variant_subject_sources(workflow)
    assert possible_subjects(workflow, "e2", own(workflow), sources) == ["Re: First", "New topic"]
    one = {"e2": [sources["e2"][0]]}
    assert possible_subjects(workflow, "e2", own(workflow), one) == ["Re: First"]


def test_a_variant_without_subject_lets_the_search_go_further_back():
    workflow = thread(
        {"subject": "First"},
        {"subject": "", "variants": [{"id": "A"}, {"id": "B", "subject": "Middle"}]},
        {"subject": ""},
    )
    sources = variant_subject_sources(workflow)
    assert previous_subjects(workflow, "e3", own(workflow), sources) == ["Middle", "First"]


def test_without_variants_the_subjects_are_what_they_always_were():
    workflow = thread({"subject": "First"}, {"subject": "Second"}, {"subject": ""})
    assert variant_subject_sources(workflow) == {}
    assert possible_subjects(workflow, "e3", own(workflow)) == ["Re: Second"]
    assert possible_subjects(workflow, "e3", own(workflow), {}) == ["Re: Second"]
