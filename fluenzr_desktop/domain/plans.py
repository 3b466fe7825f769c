"""The Free / Starter / Pro plans: what each one allows, and the one line that says which lifts a gate.

- Free: at most `FREE_DAILY_LIMIT` emails a day across the workspace; no A/B variants,
  conditions, webhooks or API.
- Starter: no plan cap (the accounts' own caps remain), A/B tests and analytics.
- Pro: everything.

A licence (`Licence`) names a plan and the features it grants; a missing or expired
licence means Free (`effective_plan`). Drafting is never gated: only activation (and
the webhook and API front ends) ask `activation_gate` / `feature_gate`, which answer
with a `Gate` — a stable code (`feature`), the plan that lifts it, and the English line
the command line prints (the window translates the code).

`canonical_licence_bytes` is the one definition of the bytes a licence's signature
covers: the app's verifier and `packaging/licences/mint.py` both call it.

Pure: no I/O and no clock read — `today` is always passed in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import FluenzrError
from .variants import lists_variants
from .workflow import Workflow

FREE, STARTER, PRO = "free", "starter", "pro"
PLANS: tuple[str, ...] = (FREE, STARTER, PRO)  # lowest first
PLAN_NAMES: dict[str, str] = {FREE: "Free", STARTER: "Starter", PRO: "Pro"}

AB_TESTS, ANALYTICS, CONDITIONS, WEBHOOKS, API = (
    "ab_tests",
    "analytics",
    "conditions",
    "webhooks",
    "api",
)
FEATURES: tuple[str, ...] = (AB_TESTS, ANALYTICS, CONDITIONS, WEBHOOKS, API)

PLAN_FEATURES: dict[str, frozenset[str]] = {
    # Statistics are every plan's: the Free plan's gates are only those the issue lists.
    FREE: frozenset({ANALYTICS}),
    STARTER: frozenset({AB_TESTS, ANALYTICS}),
    PRO: frozenset(FEATURES),
}

# Emails a Free workspace may send per day, all accounts and campaigns together.
FREE_DAILY_LIMIT = 50


def workspace_daily_cap(chosen: int, plan: str) -> int:
    """Emails the workspace may send today: the cap the user chose (`plan_daily_cap`),
    never more than FREE_DAILY_LIMIT on the Free plan."""
    return min(chosen, FREE_DAILY_LIMIT) if plan == FREE else chosen


# The one line each gate prints, in the words (the window translates `feature`).
GATE_MESSAGES: dict[str, str] = {
    CONDITIONS: "Condition nodes need the Pro plan",
    AB_TESTS: "A/B variants need Starter",
    ANALYTICS: "Analytics need Starter",
    WEBHOOKS: "Outgoing webhooks need the Pro plan",
    API: "The API needs the Pro plan",
}


class LicenceInvalid(FluenzrError):
    """A licence whose fields cannot be read (the message names the field)."""


@dataclass(frozen=True)
class Licence:
    """What a signed licence says: plan, who holds it, when it was issued and ends, features.

    `expires` is the day the licence stops working (None: never); on that day and after,
    the workspace is on Free again.
    """

    plan: str
    licensee: str
    email: str
    issued: date
    expires: date | None
    features: tuple[str, ...]

    def expired(self, today: date) -> bool:
        """Whether the licence no longer works on `today`."""
        return self.expires is not None and today >= self.expires

    def to_dict(self) -> dict[str, Any]:
        """The licence as the JSON object that is signed (dates as YYYY-MM-DD)."""
        return {
            "plan": self.plan,
            "licensee": self.licensee,
            "email": self.email,
            "issued": self.issued.isoformat(),
            "expires": self.expires.isoformat() if self.expires is not None else None,
            "features": list(self.features),
        }

    @classmethod
    def from_dict(cls, data: object) -> Licence:
        """Read a licence object; LicenceInvalid naming the first field that is wrong.

        Unknown keys are ignored (a newer minting tool may add some; the signature covers
        them anyway); unknown feature names are kept but grant nothing here.
        """
        if not isinstance(data, Mapping):
            raise LicenceInvalid("the licence is not a JSON object")
        plan = data.get("plan")
        if plan not in PLANS:
            raise LicenceInvalid(f"unknown plan {plan!r} (expected {', '.join(PLANS)})")
        licensee = _text(data, "licensee")
        email = _text(data, "email")
        issued = _day(data, "issued")
        expires = None if data.get("expires") is None else _day(data, "expires")
        features = data.get("features", [])
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise LicenceInvalid("'features' must be a list of names")
        return cls(plan, licensee, email, issued, expires, tuple(features))


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise LicenceInvalid(f"{key!r} must be non-empty text")
    return value


def _day(data: Mapping[str, Any], key: str) -> date:
    value = data.get(key)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise LicenceInvalid(f"{key!r} must be a date YYYY-MM-DD, got {value!r}")


def canonical_licence_bytes(licence: Mapping[str, Any]) -> bytes:
    """The bytes a licence's signature covers: its JSON object, keys sorted, compact, UTF-8."""
    return json.dumps(
        licence, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def plan_features(plan: str) -> frozenset[str]:
    """The features a plan includes."""
    return PLAN_FEATURES[plan]


def effective_plan(licence: Licence | None, today: date) -> str:
    """The plan in force: the licence's, or Free when there is none or it has expired."""
    if licence is None or licence.expired(today):
        return FREE
    return licence.plan


def granted_features(licence: Licence | None, today: date) -> frozenset[str]:
    """The features in force: the plan's, plus any extra the licence lists (known ones only)."""
    if licence is None or licence.expired(today):
        return PLAN_FEATURES[FREE]
    return PLAN_FEATURES[licence.plan] | (frozenset(licence.features) & frozenset(FEATURES))


def minimum_plan(feature: str) -> str:
    """The lowest plan that includes `feature` (ValueError for an unknown feature)."""
    for plan in PLANS:
        if feature in PLAN_FEATURES[plan]:
            return plan
    raise ValueError(f"unknown feature {feature!r}")


@dataclass(frozen=True)
class Gate:
    """A feature the plan in force does not include: its code, the plan that lifts it, the line."""

    feature: str
    plan_needed: str
    message: str


class PlanRequired(FluenzrError):
    """An action refused by the plan in force: the message is the gate's one line."""

    def __init__(self, gate: Gate) -> None:
        super().__init__(gate.message)
        self.gate = gate


def feature_gate(feature: str, plan: str, features: Iterable[str] | None = None) -> Gate | None:
    """The gate `feature` meets on `plan` (or with these granted `features`), None when allowed."""
    allowed = PLAN_FEATURES[plan] if features is None else frozenset(features)
    if feature in allowed:
        return None
    return Gate(feature, minimum_plan(feature), GATE_MESSAGES[feature])


def features_needed(document: Mapping[str, Any] | Workflow) -> set[str]:
    """The plan features a campaign document uses: condition nodes, A/B variants.

    Tolerant of any document the loader accepts (drafts may be half-made): a node that is
    not an object is skipped. An email node needs A/B tests when its `variants` is a
    non-empty list.
    """
    needed: set[str] = set()
    for node_type, variants in _node_facts(document):
        if node_type == "condition":
            needed.add(CONDITIONS)
        elif node_type == "email" and lists_variants(variants):
            needed.add(AB_TESTS)
    return needed


def _node_facts(document: Mapping[str, Any] | Workflow) -> Iterable[tuple[object, object]]:
    """(type, variants) of each node, from a loaded Workflow or a raw document object."""
    if isinstance(document, Workflow):
        return [(node.type, node.get("variants")) for node in document.nodes]
    nodes = document.get("nodes") if isinstance(document, Mapping) else None
    if not isinstance(nodes, list):
        return []
    return [(n.get("type"), n.get("variants")) for n in nodes if isinstance(n, Mapping)]


def activation_gates(
    document: Mapping[str, Any] | Workflow, plan: str, features: Iterable[str] | None = None
) -> list[Gate]:
    """Every gate activating this document meets, highest plan needed first."""
    gates = [feature_gate(feature, plan, features) for feature in features_needed(document)]
    found = [gate for gate in gates if gate is not None]
    return sorted(found, key=lambda gate: (-PLANS.index(gate.plan_needed), gate.feature))


def activation_gate(
    document: Mapping[str, Any] | Workflow, plan: str, features: Iterable[str] | None = None
) -> Gate | None:
    """The gate that refuses activation (the one needing the highest plan), None when allowed.

    `features`: the features granted (`granted_features`), when a licence adds some to its
    plan; by default, the plan's own.
    """
    gates = activation_gates(document, plan, features)
    return gates[0] if gates else None
