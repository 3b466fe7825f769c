"""Evaluating a condition node for one contact, from its fields and its events."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from .templating import FIELD_VARIABLES

# Condition `field` names a contact field by its template name (firstName) or its
# store name (first_name); both are accepted.
_STORE_NAMES = {variable: store for store, variable in FIELD_VARIABLES.items()}


def field_value(field: str, contact: Mapping[str, object]) -> str:
    """A contact's value for a condition field: standard (either spelling) or custom."""
    custom = contact.get("custom_fields") or {}
    for key in (field, _STORE_NAMES.get(field, field)):
        if key in contact and key != "custom_fields":
            value = contact[key]
            return "" if value is None else str(value)
    if isinstance(custom, Mapping) and field in custom:
        value = custom[field]
        return "" if value is None else str(value)
    return ""


def evaluate(
    condition: Mapping[str, object],
    contact: Mapping[str, object],
    events: Collection[tuple[str, str]] = (),
) -> bool:
    """True to follow the `yes` branch.

    `contact` holds the store fields (email, first_name, …, custom_fields); `events`
    holds (kind, email node id) pairs already recorded for this enrollment, e.g.
    ("opened", "e1"). Text comparisons ignore case and surrounding spaces.
    """
    kind = condition.get("kind")
    if kind in ("opened", "clicked", "replied"):
        return (str(kind), str(condition.get("node"))) in events
    value = field_value(str(condition.get("field", "")), contact).strip()
    expected = str(condition.get("value", "")).strip()
    op = condition.get("op")
    if op == "is_empty":
        return not value
    if op == "is_not_empty":
        return bool(value)
    if op == "equals":
        return value.casefold() == expected.casefold()
    if op == "not_equals":
        return value.casefold() != expected.casefold()
    if op == "contains":
        return expected.casefold() in value.casefold()
    return False
