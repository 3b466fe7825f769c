"""Which variant of an A/B tested email a contact gets, and when a test declares a winner.

At a node with variants (domain.variants), a contact's variant is, in this order:
1. the one stored at its first send (`enrollments.variants`), so a retry or a replay
   after a crash composes the same email;
2. the winner in force (store.ab_winners): a manual pick always, an automatic one while
   the node's `ab_test.auto_winner` is on;
3. the split: by weight (a hash of enrollment and node, `assign_variant`), or with
   `ab_test.allocation` "thompson", Thompson sampling on the node's metric (each variant
   kept at a 10% floor), the same hash point picking in the weights.

The choice is stored on the enrollment in the same commit as the outbox row (the
`sending` commit), before any byte goes to the server.

Automatic winners are decided once per tick per campaign, from the trigger-kept figures
(store.stats_summary) with domain.ab_test's rule, and recorded as `variant_winner` events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..domain.ab_test import Metric, VariantCounts, decide, metric_trials, pick_by_weights
from ..domain.ab_test import thompson_weights as weights_of
from ..domain.stats import Counts
from ..domain.variants import (
    Variant,
    ab_settings,
    assign_variant,
    assignment_point,
    variants_of,
)
from ..domain.workflow import Node, Workflow, parse_document
from ..store.ab_winners import Winner, current_winners, record_winner, winner_in_force
from ..store.models import Campaign, Enrollment
from ..store.stats_summary import figure_rows


def variant_counts(
    rows: dict[tuple[str, str], Counts], node_id: str, variants: Sequence[Variant], metric: str
) -> list[VariantCounts]:
    """(variant, trials, successes) of each variant of a node, from its counted messages."""
    return [
        (variant.id, *metric_trials(rows.get((node_id, variant.id), Counts()), metric))
        for variant in variants
    ]


def counts_by_variant(connection: Connection, campaign_id: int) -> dict[tuple[str, str], Counts]:
    """(node, variant) → the counts of the campaign's messages of that variant, summed over
    sending accounts."""
    counts: dict[tuple[str, str], Counts] = {}
    for row in figure_rows(connection, campaign_id):
        if row.step is not None and row.variant is not None:
            counts.setdefault((row.step, row.variant), Counts()).add(row.counts)
    return counts


def decide_automatic_winners(
    connection: Connection, campaign: Campaign, now: datetime, workflow: Workflow | None = None
) -> list[Winner]:
    """Record a winner at each node whose `ab_test.auto_winner` is on, that has none in
    force, and whose test now declares one; returns the winners recorded (cheap: it reads
    the summary's rows only when some node may decide)."""
    workflow = workflow or parse_document(campaign.document or {})
    if not any(ab_settings(node).auto_winner for node in workflow.email_nodes()):
        return []
    winners = current_winners(connection, campaign.id)
    rows: dict[tuple[str, str], Counts] | None = None
    decided = []
    for node in workflow.email_nodes():
        variants = variants_of(node)
        settings = ab_settings(node)
        if len(variants) < 2 or not settings.auto_winner or node.id in winners:
            continue
        if rows is None:
            rows = counts_by_variant(connection, campaign.id)
        counts = variant_counts(rows, node.id, variants, settings.metric)
        decision = decide(counts, metric=Metric(settings.metric))
        if decision.winner is None:
            continue
        probability = next(v.probability_best for v in decision.variants if v.id == decision.winner)
        record_winner(
            connection,
            campaign.id,
            node.id,
            decision.winner,
            manual=False,
            at=now,
            probability=probability,
            metric=settings.metric,
        )
        decided.append(Winner(node.id, decision.winner, False, now, probability, settings.metric))
    return decided


class Allocation:
    """The variants contacts get during one tick (winners and weights read once per campaign)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._winners: dict[int, dict[str, Winner]] = {}
        self._weights: dict[tuple[int, str], list[tuple[str, float]]] = {}
        self._rows: dict[int, dict[tuple[str, str], Counts]] = {}

    def variant_for(
        self,
        session: Session,
        enrollment: Enrollment,
        campaign: Campaign,
        workflow: Workflow,
        node: Node,
    ) -> str | None:
        """The variant this contact is sent at this node (None: the node has none), stored."""
        variants = variants_of(node)
        if not variants:
            return None
        ids = [variant.id for variant in variants]
        stored = (enrollment.variants or {}).get(node.id)
        if stored in ids:
            return stored
        chosen = self._winner(session, campaign, workflow, node)
        if chosen is None:
            point = assignment_point(enrollment.id, node.id)
            settings = ab_settings(node)
            if settings.allocation == "thompson" and len(variants) >= 2:
                weights = self._thompson(session, campaign.id, node, variants, settings.metric)
                chosen = pick_by_weights(weights, point)
            else:
                chosen = assign_variant(enrollment.id, node.id, variants)
        # A new dict: the JSON column is saved when the attribute is set, not mutated.
        enrollment.variants = {**(enrollment.variants or {}), node.id: chosen}
        return chosen

    def _winner(
        self, session: Session, campaign: Campaign, workflow: Workflow, node: Node
    ) -> str | None:
        if campaign.id not in self._winners:
            connection = session.connection()
            decide_automatic_winners(connection, campaign, self.now, workflow)
            self._winners[campaign.id] = current_winners(connection, campaign.id)
        return winner_in_force(self._winners[campaign.id].get(node.id), node)

    def _thompson(
        self, session: Session, campaign_id: int, node: Node, variants: list[Variant], metric: str
    ) -> list[tuple[str, float]]:
        key = (campaign_id, node.id)
        if key not in self._weights:
            if campaign_id not in self._rows:
                self._rows[campaign_id] = counts_by_variant(session.connection(), campaign_id)
            counts = variant_counts(self._rows[campaign_id], node.id, variants, metric)
            self._weights[key] = weights_of(counts)
        return self._weights[key]
