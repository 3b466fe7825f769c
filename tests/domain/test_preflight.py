"""Activation's own checks: the account, the variables a template names, the values contacts lack."""

from __future__ import annotations

import itertools

import pytest

from fluenzr_desktop.domain.errors import IllegalTransition
from fluenzr_desktop.domain.preflight import (
    WorkspaceFacts,
    known_variables,
    preflight,
    required_by_sequence,
    suggest_variable,
    workspace_problems,
)
from fluenzr_desktop.domain.states import (
    CampaignStatus,
    EnrollmentState,
    campaign_after_retry,
    enrollment_retry,
)
from fluenzr_desktop.domain.workflow import parse_document


def sequence(*emails: tuple[str, str], account: int | None = 1):
    nodes = [{"id": "start", "type": "start"}]
    nodes += [{"id": f"e{i}", "type": "email", "subject": s, "body": b}
              for i, (s, b) in enumerate(emails, 1)]  # fmt: skip
    nodes.append({"id": "end", "type": "end"})
    ids = [n["id"] for n in nodes]
    return parse_document({
        "version": 1, "settings": {"account": account}, "nodes": nodes,
        "edges": [{"from": a, "to": b} for a, b in itertools.pairwise(ids)],
    })  # fmt: skip


FACTS = WorkspaceFacts(account_ids=frozenset({1}), custom_fields=frozenset({"Ville", "Deal size"}))


def test_no_account_and_a_missing_account_are_problems():
    assert [str(p) for p in workspace_problems(sequence(("Hi", "x"), account=None), FACTS)] == [
        "settings.account: no sending account is chosen for this campaign"]  # fmt: skip
    assert [str(p) for p in workspace_problems(sequence(("Hi", "x"), account=7), FACTS)] == [
        "settings.account: account 7 does not exist"]  # fmt: skip
    assert workspace_problems(sequence(("Hi", "x")), FACTS) == []


def test_unknown_variables_are_named_per_node_and_field_with_a_suggestion():
    workflow = sequence(
        ("Hello {{ prenom }}", "{{ company }} in {{ Ville }}, {{ Deal_size }}"),
        ("", "{% if industry %}{{ industry }}{% endif %} {{ range(3)|list }}"),
    )
    problems = [str(p) for p in workspace_problems(workflow, FACTS)]
    assert problems == [
        "node e1, subject: unknown variable 'prenom' — did you mean firstName?",
        "node e2, body: unknown variable 'industry'",
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [("prenom", "firstName"), ("Prénom", "firstName"), ("first_name", "firstName"),
     ("FIRSTNAME", "firstName"), ("nom", "lastName"), ("societe", "company"),
     ("entreprise", "company"), ("compnay", "company"), ("poste", "title"),
     ("telephone", "phone"), ("ville", "Ville"), ("deal_siz", "Deal_size"), ("xyz", None)],
)  # fmt: skip
def test_suggestions(written, meant):
    assert suggest_variable(written, known_variables({"Ville", "Deal size"})) == meant


def test_preflight_counts_contacts_lacking_each_value_printed_without_default():
    workflow = sequence(("Question for {{ company }}", "Hi {{ firstName | default('there') }}"),
                        ("", "{{ title }}{% if phone %} {{ phone }}{% endif %}"))  # fmt: skip
    assert required_by_sequence(workflow) == {"company": ["e1"], "title": ["e2"]}
    contacts = [
        ("a@x.io", {"company": "Acme", "title": "CEO"}),
        ("b@x.io", {"title": "CTO"}),
        ("c@x.io", {}),
        ("d@x.io", {}),
        ("e@x.io", {}),
    ]
    total, lacking = preflight(workflow, contacts, example_count=2)
    assert total == 5
    assert [entry.to_dict() for entry in lacking] == [
        {"variable": "company", "nodes": ["e1"], "missing": 4, "examples": ["b@x.io", "c@x.io"]},
        {"variable": "title", "nodes": ["e2"], "missing": 3, "examples": ["c@x.io", "d@x.io"]},
    ]


def test_retry_puts_an_error_back_and_reopens_a_completed_campaign():
    assert enrollment_retry(EnrollmentState.ERROR, started=True) is EnrollmentState.IN_PROGRESS
    assert enrollment_retry("error", started=False) is EnrollmentState.ADDED
    with pytest.raises(IllegalTransition, match="only a contact in error"):
        enrollment_retry(EnrollmentState.REPLIED, started=True)
    assert campaign_after_retry("completed") is CampaignStatus.ACTIVE
    assert campaign_after_retry("paused") is CampaignStatus.PAUSED
    assert campaign_after_retry("active") is CampaignStatus.ACTIVE
    with pytest.raises(IllegalTransition, match="archived"):
        campaign_after_retry("archived")


def test_a_value_only_an_ab_variant_prints_is_asked_for_and_its_unknown_names_reported():
    document = sequence(("Hello", "Hi"))
    raw = document.to_document()
    email = next(n for n in raw["nodes"] if n["id"] == "e1")
    email["variants"] = [
        {"id": "A"},
        {"id": "B", "subject": "An idea for {{ company }}", "body": "Bonjour {{ prenom }}"},
    ]
    workflow = parse_document(raw)
    assert required_by_sequence(workflow) == {"company": ["e1"], "prenom": ["e1"]}
    total, lacking = preflight(workflow, [("a@x.io", {"company": "Acme"}), ("b@x.io", {})])
    assert (total, [entry.variable for entry in lacking]) == (2, ["company", "prenom"])
    assert [str(p) for p in workspace_problems(workflow, FACTS)] == [
        "node e1, variants[1].body: unknown variable 'prenom' — did you mean firstName?"
    ]
