"""The plans' rules: what each plan allows, the plan in force, and the one line of each gate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fluenzr_desktop.domain.plans import (
    FREE_DAILY_LIMIT,
    Gate,
    Licence,
    LicenceInvalid,
    activation_gate,
    activation_gates,
    canonical_licence_bytes,
    effective_plan,
    feature_gate,
    features_needed,
    granted_features,
    minimum_plan,
)
from fluenzr_desktop.domain.workflow import parse_document
from tests.cli.helpers import sample_document

TODAY = date(2000, 1, 1) + timedelta(days=10_000)  # any day: the rules take it as given


def licence(plan: str = "starter", expires: date | None = None, features=()) -> Licence:
    return Licence(plan, "Acme SAS", "ann@acme.io", TODAY - timedelta(days=30), expires, features)


def linear_document() -> dict:
    """Start → Email → End: what Free allows."""
    document = sample_document()
    document["nodes"] = [node for node in document["nodes"] if node["type"] != "condition"]
    document["edges"] = [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "d1"},
        {"from": "d1", "to": "end"},
    ]
    return document


def with_variants(document: dict, variants: list) -> dict:
    email = next(node for node in document["nodes"] if node["type"] == "email")
    email["variants"] = variants
    return document


AB = [{"id": "A", "subject": "Hi"}, {"id": "B", "subject": "Hello"}]


def refusal(document, plan, features=None):
    """The line refusing activation on `plan`, None when allowed."""
    gate = activation_gate(document, plan, features)
    return None if gate is None else gate.message


def test_free_allows_fifty_a_day_and_statistics_but_none_of_the_paid_features():
    assert FREE_DAILY_LIMIT == 50
    for feature in ("ab_tests", "conditions", "webhooks", "api"):
        assert feature_gate(feature, "free") is not None
        assert feature_gate(feature, "pro") is None
    # Statistics are every plan's: the issue's Free plan gates only the four above.
    assert feature_gate("analytics", "free") is None


def test_each_feature_names_the_lowest_plan_that_lifts_it():
    assert minimum_plan("ab_tests") == "starter"
    assert minimum_plan("analytics") == "free"
    assert minimum_plan("conditions") == "pro"
    assert minimum_plan("webhooks") == "pro"
    assert minimum_plan("api") == "pro"
    with pytest.raises(ValueError):
        minimum_plan("teleportation")


def test_no_licence_or_an_expired_one_means_free():
    assert effective_plan(None, TODAY) == "free"
    assert effective_plan(licence("pro"), TODAY) == "pro"
    assert effective_plan(licence("pro", expires=None), TODAY + timedelta(days=9999)) == "pro"
    ending = licence("starter", expires=TODAY + timedelta(days=1))
    assert effective_plan(ending, TODAY) == "starter"
    # `expires` is the day it stops working.
    assert effective_plan(ending, TODAY + timedelta(days=1)) == "free"
    assert ending.expired(TODAY + timedelta(days=1)) and not ending.expired(TODAY)


def test_granted_features_are_the_plans_plus_known_extras_of_a_live_licence():
    assert granted_features(None, TODAY) == {"analytics"}
    assert granted_features(licence("starter"), TODAY) == {"ab_tests", "analytics"}
    add_on = licence("starter", features=("ab_tests", "api", "time_travel"))
    assert granted_features(add_on, TODAY) == {"ab_tests", "analytics", "api"}
    expired = licence("pro", expires=TODAY, features=("api",))
    assert granted_features(expired, TODAY) == {"analytics"}


def test_a_document_needs_pro_for_conditions_and_starter_for_variants():
    assert features_needed(linear_document()) == set()
    assert features_needed(sample_document()) == {"conditions"}
    assert features_needed(with_variants(linear_document(), AB)) == {"ab_tests"}
    assert features_needed(with_variants(sample_document(), AB)) == {"conditions", "ab_tests"}
    # An empty or non-list `variants` is no A/B test; a loaded Workflow answers the same.
    assert features_needed(with_variants(linear_document(), [])) == set()
    assert features_needed(with_variants(linear_document(), "A,B")) == set()
    assert features_needed(parse_document(with_variants(sample_document(), AB))) == {
        "conditions",
        "ab_tests",
    }


def test_a_half_made_draft_is_read_without_error():
    assert features_needed({}) == set()
    assert features_needed({"nodes": "oops"}) == set()
    assert features_needed({"nodes": [None, 3, {"type": "condition"}]}) == {"conditions"}


def test_activation_is_refused_in_the_issues_words_naming_the_plan():
    assert refusal(sample_document(), "free") == "Condition nodes need the Pro plan"
    assert refusal(sample_document(), "starter") == "Condition nodes need the Pro plan"
    assert refusal(sample_document(), "pro") is None
    variants = with_variants(linear_document(), AB)
    assert refusal(variants, "free") == "A/B variants need Starter"
    assert refusal(variants, "starter") is None
    assert refusal(linear_document(), "free") is None


def test_the_gate_needing_the_highest_plan_comes_first_with_a_stable_code():
    both = with_variants(sample_document(), AB)
    assert activation_gate(both, "free") == Gate(
        "conditions", "pro", "Condition nodes need the Pro plan"
    )
    assert [gate.feature for gate in activation_gates(both, "free")] == ["conditions", "ab_tests"]
    assert activation_gates(both, "starter") == [
        Gate("conditions", "pro", "Condition nodes need the Pro plan")
    ]


def test_a_licence_adding_a_feature_to_its_plan_lifts_that_gate():
    add_on = licence("starter", features=("conditions",))
    granted = granted_features(add_on, TODAY)
    assert refusal(sample_document(), "starter", granted) is None


def test_a_licence_reads_back_from_its_dict_and_names_a_bad_field():
    original = licence("pro", expires=TODAY, features=("api",))
    assert Licence.from_dict(original.to_dict()) == original
    with pytest.raises(LicenceInvalid, match="unknown plan 'gold'"):
        Licence.from_dict({**original.to_dict(), "plan": "gold"})
    with pytest.raises(LicenceInvalid, match="'issued' must be a date"):
        Licence.from_dict({**original.to_dict(), "issued": "31/01/2025"})
    with pytest.raises(LicenceInvalid, match="'licensee'"):
        Licence.from_dict({**original.to_dict(), "licensee": " "})
    with pytest.raises(LicenceInvalid, match="'features'"):
        Licence.from_dict({**original.to_dict(), "features": "api"})


def test_the_signed_bytes_do_not_depend_on_key_order_or_spacing():
    data = {"plan": "pro", "licensee": "Zoë", "features": ["api"]}
    reordered = {"features": ["api"], "licensee": "Zoë", "plan": "pro"}
    assert canonical_licence_bytes(data) == canonical_licence_bytes(reordered)
    assert canonical_licence_bytes(data) == (
        '{"features":["api"],"licensee":"Zoë","plan":"pro"}'.encode()
    )
