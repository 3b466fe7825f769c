"""Condition nodes: field comparisons and opened/clicked/replied from recorded events."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.conditions import evaluate, field_value

ANN = {
    "email": "ann@example.com",
    "first_name": "Ann",
    "last_name": "Lee",
    "company": "  Acme Corp ",
    "title": None,
    "phone": "",
    "timezone": "Europe/Paris",
    "custom_fields": {"plan": "Pro", "seats": "12", "industry": "", "notes": None},
}


def field(name: str, op: str, value: object = None) -> dict:
    condition = {"kind": "field", "field": name, "op": op}
    if value is not None:
        condition["value"] = value
    return condition


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (field("company", "equals", "acme corp"), True),  # case and spaces ignored
        (field("company", "equals", "  ACME CORP  "), True),
        (field("company", "equals", "Acme"), False),
        (field("company", "not_equals", "ACME corp"), False),
        (field("company", "not_equals", "Globex"), True),
        (field("company", "contains", "ACME"), True),
        (field("company", "contains", " corp "), True),
        (field("company", "contains", "Globex"), False),
        (field("company", "is_not_empty"), True),
        (field("company", "is_empty"), False),
        (field("title", "is_empty"), True),  # None counts as empty
        (field("phone", "is_empty"), True),
        (field("phone", "is_not_empty"), False),
        (field("company", "no_such_op", "Acme Corp"), False),
    ],
)
def test_field_operators(condition, expected):
    assert evaluate(condition, ANN) is expected


@pytest.mark.parametrize("name", ["firstName", "first_name"])
def test_template_and_store_names_reach_the_same_field(name):
    assert field_value(name, ANN) == "Ann"
    assert evaluate(field(name, "equals", "ANN"), ANN)
    assert not evaluate(field(name, "equals", "Bob"), ANN)


def test_last_name_under_both_spellings():
    assert evaluate(field("lastName", "equals", "lee"), ANN)
    assert evaluate(field("last_name", "equals", "lee"), ANN)


def test_custom_fields():
    assert field_value("plan", ANN) == "Pro"
    assert evaluate(field("plan", "equals", "pro"), ANN)
    assert evaluate(field("seats", "equals", 12), ANN)  # a number value compares as text
    assert evaluate(field("industry", "is_empty"), ANN)
    assert evaluate(field("notes", "is_empty"), ANN)
    assert not evaluate(field("plan", "is_empty"), ANN)


def test_an_unknown_field_is_empty():
    assert field_value("favourite_colour", ANN) == ""
    assert evaluate(field("favourite_colour", "is_empty"), ANN)
    assert not evaluate(field("favourite_colour", "equals", "blue"), ANN)
    assert evaluate(field("favourite_colour", "not_equals", "blue"), ANN)


def test_custom_fields_key_is_not_a_field():
    assert field_value("custom_fields", ANN) == ""


def test_a_contact_without_custom_fields():
    bare = {"email": "bob@example.com", "first_name": None, "custom_fields": None}
    assert evaluate(field("firstName", "is_empty"), bare)
    assert evaluate(field("plan", "is_empty"), bare)


@pytest.mark.parametrize("kind", ["opened", "clicked", "replied"])
def test_event_conditions_look_at_the_named_email(kind):
    condition = {"kind": kind, "node": "e1"}
    assert evaluate(condition, ANN, {(kind, "e1")})
    assert not evaluate(condition, ANN, set())
    # The same event on another email does not count.
    assert not evaluate(condition, ANN, {(kind, "e2")})


def test_event_kinds_are_not_interchangeable():
    events = {("opened", "e1"), ("sent", "e1")}
    assert evaluate({"kind": "opened", "node": "e1"}, ANN, events)
    assert not evaluate({"kind": "clicked", "node": "e1"}, ANN, events)
    assert not evaluate({"kind": "replied", "node": "e1"}, ANN, events)
