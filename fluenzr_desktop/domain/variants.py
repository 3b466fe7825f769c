"""A/B variants of an email node: reading them, what each one sends, and who gets which.

An email node may carry `"variants": [{"id": "A", "subject": …, "body": …, "weight": 1}, …]`
(2 to 5 of them). A variant whose `subject` or `body` is missing, null or blank takes the
node's own: this module is the one place that rule lives. Each contact gets one variant per
node, chosen once at its first send by a stable hash of enrollment and node, by weight
(`assign_variant`); the engine stores the choice. Pure: no I/O, no clock.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import FluenzrError
from .workflow import Node, Workflow

MIN_VARIANTS = 2
MAX_VARIANTS = 5
# The largest weight a variant may have (a larger one is surely a typo).
MAX_VARIANT_WEIGHT = 1000
# The weight of a variant that gives none.
DEFAULT_WEIGHT = 1
# The ids the inspector gives new variants, in order: A, B, … one per possible variant.
VARIANT_LETTERS = tuple(chr(ord("A") + index) for index in range(MAX_VARIANTS))
# The keys a variant may carry; others are kept when saving and reported as warnings.
VARIANT_KEYS = ("id", "subject", "body", "weight")
# The texts of a variant that are templates.
VARIANT_TEXTS = ("subject", "body")


# How an A/B tested node decides (its `ab_test` object; every key optional):
# - `metric`: what a variant is judged on, "replies" (default) or "clicks" (opens are
#   shown, marked unreliable, never judged on: Apple's proxies open every mail);
# - `auto_winner`: once a winner is declared (domain.ab_test), contacts not yet sent at
#   the node get it (default false);
# - `allocation`: "weights" (default: each variant's weight) or "thompson" (Thompson
#   sampling on the metric, each variant kept at a 10% floor).
AB_METRICS = ("replies", "clicks")
AB_ALLOCATIONS = ("weights", "thompson")


@dataclass(frozen=True)
class AbSettings:
    """How one A/B tested node decides (defaults when the node says nothing)."""

    metric: str = "replies"
    auto_winner: bool = False
    allocation: str = "weights"


def ab_settings(node: Node) -> AbSettings:
    """The node's `ab_test` settings; a value that is not valid takes its default
    (validation reports it)."""
    raw = node.get("ab_test")
    raw = raw if isinstance(raw, dict) else {}
    metric = raw.get("metric")
    allocation = raw.get("allocation")
    return AbSettings(
        metric=metric if metric in AB_METRICS else "replies",
        auto_winner=raw.get("auto_winner") is True,
        allocation=allocation if allocation in AB_ALLOCATIONS else "weights",
    )


def ab_settings_problems(node: Node) -> Iterator[tuple[str, str, object]]:
    """(key, expected, value) of each `ab_test` value that is not valid."""
    raw = node.get("ab_test")
    if raw is None:
        return
    if not isinstance(raw, dict):
        yield "ab_test", "an object", raw
        return
    if "metric" in raw and raw["metric"] not in AB_METRICS:
        yield "metric", " or ".join(AB_METRICS), raw["metric"]
    if "auto_winner" in raw and not isinstance(raw["auto_winner"], bool):
        yield "auto_winner", "true or false", raw["auto_winner"]
    if "allocation" in raw and raw["allocation"] not in AB_ALLOCATIONS:
        yield "allocation", " or ".join(AB_ALLOCATIONS), raw["allocation"]


@dataclass(frozen=True)
class Variant:
    """One variant of an email node, its subject and body resolved (inherited from the node)."""

    id: str
    subject: str
    body: str
    weight: float


def raw_variants(node: Node) -> list[Any]:
    """The node's `variants` entries as stored (any JSON); [] when it has none or not a list."""
    value = node.get("variants")
    return list(value) if isinstance(value, list) else []


def lists_variants(value: object) -> bool:
    """Whether a node's `variants` value makes it A/B tested: a non-empty list (the rule
    the plans and the loader share)."""
    return isinstance(value, list) and bool(value)


def inherits_text(value: object) -> bool:
    """Whether a variant's subject or body value means "the node's own": missing, null, blank."""
    return value is None or (isinstance(value, str) and not value.strip())


def own_text(entry: Mapping[str, Any], key: str) -> str | None:
    """A variant's own subject or body; None when it inherits the node's (or is not text)."""
    value = entry.get(key)
    return None if inherits_text(value) or not isinstance(value, str) else value


def valid_weight(value: object) -> bool:
    """True for a number greater than 0 and at most MAX_VARIANT_WEIGHT (not a boolean)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and 0 < value <= MAX_VARIANT_WEIGHT


def variants_of(node: Node) -> list[Variant]:
    """The node's variants with inherited texts resolved; [] when it has none.

    Tolerant, like the loader: entries that are not objects or have no text id are left
    out, and a weight that is not valid counts as DEFAULT_WEIGHT. Validation reports each
    of these (`domain.validation`), so a campaign that runs never relies on it.
    """
    node_subject = _text(node.get("subject"))
    node_body = _text(node.get("body"))
    variants: list[Variant] = []
    for entry in raw_variants(node):
        if not isinstance(entry, dict):
            continue
        variant_id = entry.get("id")
        if not isinstance(variant_id, str) or not variant_id.strip():
            continue
        weight = entry.get("weight", DEFAULT_WEIGHT)
        variants.append(
            Variant(
                id=variant_id,
                subject=own_text(entry, "subject") or node_subject,
                body=own_text(entry, "body") or node_body,
                weight=weight if valid_weight(weight) else DEFAULT_WEIGHT,
            )
        )
    return variants


def variant_ids(node: Node) -> list[str]:
    """The ids of the node's variants, in document order."""
    return [variant.id for variant in variants_of(node)]


def effective_email(node: Node, variant_id: str | None) -> tuple[str, str]:
    """(subject, body) templates an email node sends with this variant; None: the node's own.

    A variant id the node does not have is a FluenzrError naming both (never a silent
    fall-back to another text).
    """
    if variant_id is None:
        return _text(node.get("subject")), _text(node.get("body"))
    for variant in variants_of(node):
        if variant.id == variant_id:
            return variant.subject, variant.body
    raise FluenzrError(f"node {node.id}: no variant {variant_id!r}")


def assignment_point(enrollment_id: int, node_id: str) -> float:
    """A number in [0, 1) fixed by enrollment and node (SHA-256, the same in every process)."""
    digest = hashlib.sha256(f"{enrollment_id}:{node_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def assign_variant(enrollment_id: int, node_id: str, variants: Sequence[Variant]) -> str:
    """The id of the variant this contact gets at this node: by weight, the same every time.

    The hash point falls in one variant's share of the total weight, in document order.
    """
    if not variants:
        raise ValueError(f"node {node_id}: no variants to choose from")
    target = assignment_point(enrollment_id, node_id) * sum(v.weight for v in variants)
    cumulative = 0.0
    for variant in variants:
        cumulative += variant.weight
        if target < cumulative:
            return variant.id
    return variants[-1].id  # rounding at the very top of the range


def next_variant_letter(existing_ids: Iterable[str]) -> str | None:
    """The id for a new variant (the first free letter A…E); None when no more may be added."""
    taken = set(existing_ids)
    if len(taken) >= MAX_VARIANTS:
        return None
    return next((letter for letter in VARIANT_LETTERS if letter not in taken), None)


def variant_texts(node: Node) -> Iterator[tuple[str, str]]:
    """(field, template) of every own subject and body of the node's variants.

    `field` is the problem field of that text (`variants[1].subject`); inherited texts are
    the node's and are not repeated.
    """
    for index, entry in enumerate(raw_variants(node)):
        if not isinstance(entry, dict):
            continue
        for key in VARIANT_TEXTS:
            text = own_text(entry, key)
            if text is not None:
                yield variant_field(index, key), text


def variant_field(index: int, key: str | None = None) -> str:
    """The problem field of a variant (`variants[0]`) or of one of its keys (`variants[0].body`)."""
    return f"variants[{index}]" if key is None else f"variants[{index}].{key}"


def variant_subject_sources(
    workflow: Workflow, chosen: Mapping[str, str] | None = None
) -> dict[str, list[str]]:
    """Email node id → the subject template of each of its variants (nodes with variants only).

    With `chosen` (node id → variant id), a node whose chosen variant exists maps to that
    variant's subject alone: what one contact, or a preview of one variant, goes out with.
    The result is what `domain.subjects.possible_subjects` takes as `variant_subjects`
    (rendered first when the caller renders subjects for a contact).
    """
    chosen = chosen or {}
    result: dict[str, list[str]] = {}
    for node in workflow.email_nodes():
        variants = variants_of(node)
        if not variants:
            continue
        picked = [v.subject for v in variants if v.id == chosen.get(node.id)]
        result[node.id] = picked or [v.subject for v in variants]
    return result


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
