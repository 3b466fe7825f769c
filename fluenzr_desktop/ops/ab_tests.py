"""A/B tests of a campaign: each variant's figures, the verdict, and the winner in force.

Per A/B tested email node (one with `variants`): sent, delivered, replies, human opens and
clicks of each variant, read from the trigger-kept summary (`store.stats_summary`, summed
over accounts), and the decision of `domain.ab_test.decide` on the node's metric (replies
by default, clicks as an option; opens are shown but never judged on: Apple's proxy opens
every message). A manual pick (`pick_variant`) and automatic decisions
(`engine.ab_allocation.decide_automatic_winners`) are events read by
`store.ab_winners`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain.ab_test import (
    MIN_SENDS_PER_VARIANT,
    MIN_TOTAL_SUCCESSES,
    NOT_CONFIDENT,
    SINGLE_VARIANT,
    TOO_FEW_SENDS,
    TOO_FEW_SUCCESSES,
    WIN_PROBABILITY,
    Decision,
    Metric,
    VariantFigures,
    decide,
    metric_trials,
)
from ..domain.errors import FluenzrError
from ..domain.stats import Counts, Figures
from ..domain.variants import Variant, ab_settings, variant_ids, variants_of
from ..domain.workflow import Node, parse_document
from ..engine.ab_allocation import counts_by_variant
from ..store.ab_winners import Winner, current_winners, record_winner
from ..store.lookup import get_by_id
from ..store.models import Campaign
from ..workspace import Workspace
from . import Changes
from .stats import email_steps

# What each metric counts, in the words of the statistics.
SUCCESS_WORDS = {Metric.REPLIES: "replies", Metric.CLICKS: "clicks", Metric.OPENS: "opens"}


@dataclass(frozen=True)
class VariantStats:
    """One variant's figures at a node, and what the test says about it on the node's metric."""

    id: str
    figures: Figures
    test: VariantFigures  # sends/successes on the metric, interval, P(best), expected loss
    subject: str = ""  # the variant's subject template (the node's when it has none)
    summary: str = ""  # what sets it apart, on one line: its subject, else its body's start

    @property
    def sent(self) -> int:
        return self.figures.counts.sent

    @property
    def delivered(self) -> int:
        return self.figures.delivered

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: counts, rates as fractions, the metric's interval and P(best)."""
        c, rates = self.figures.counts, self.figures.rates()
        return {
            "variant": self.id,
            "subject": self.subject,
            "summary": self.summary,
            "sent": c.sent,
            "delivered": self.delivered,
            "bounced": self.figures.bounced,
            "replied": c.replied,
            "opened": c.opened,
            "clicked": c.clicked,
            "reply_rate": rates["reply_rate"],
            "open_rate": rates["open_rate"],
            "click_rate": rates["click_rate"],
            "metric_sends": self.test.sends,
            "metric_successes": self.test.successes,
            "metric_rate": self.test.rate,
            "interval_90": [self.test.interval_low, self.test.interval_high],
            "probability_best": self.test.probability_best,
            "expected_loss": self.test.expected_loss,
        }


@dataclass(frozen=True)
class NodeTest:
    """One A/B tested email node: its variants' figures, the verdict and the winner in force."""

    node_id: str
    label: str
    metric: Metric
    auto_winner: bool
    variants: list[VariantStats]
    decision: Decision
    winner: Winner | None  # in force: a manual pick or an automatic decision
    opens_reliable: bool = False  # Apple Mail Privacy Protection opens every message

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the English verdict the command line prints."""
        winner = self.winner
        return {
            "node_id": self.node_id,
            "label": self.label,
            "metric": str(self.metric),
            "auto_winner": self.auto_winner,
            "opens_reliable": self.opens_reliable,
            "variants": [variant.to_dict() for variant in self.variants],
            "decision": {
                "winner": self.decision.winner,
                "reasons": list(self.decision.reasons),
                "more_sends_needed": self.decision.more_sends_needed,
            },
            "winner_in_force": None
            if winner is None
            else {
                "variant": winner.variant,
                "manual": winner.manual,
                "at": winner.at.isoformat(),
                "probability": winner.probability,
                "metric": winner.metric,
            },
            "verdict": verdict_text(self),
        }


@dataclass(frozen=True)
class VariantPick:
    """What a manual pick recorded (variant None: back to the split)."""

    campaign_id: int
    node_id: str
    variant: str | None
    at: datetime
    changes: Changes = field(default_factory=lambda: Changes(campaigns=True))

    def to_dict(self) -> dict[str, Any]:
        return {
            "campaign_id": self.campaign_id,
            "node_id": self.node_id,
            "variant": self.variant,
            "at": self.at.isoformat(),
        }


def _tested_nodes(document: Any) -> list[tuple[Node, str]]:
    """(node, "Email N: subject") of each email node with variants, in document order."""
    workflow = parse_document(document or {})
    labels = dict(email_steps(document or {}))
    return [
        (node, labels.get(node.id, node.id))
        for node in workflow.email_nodes()
        if len(variant_ids(node)) > 0
    ]


def _metric_of(node: Node) -> Metric:
    return Metric(ab_settings(node).metric)


def _node_test(
    node: Node, label: str, counts: dict[tuple[str, str], Counts], winner: Winner | None
) -> NodeTest:
    metric = _metric_of(node)
    ids = variant_ids(node)
    figures = [Figures(counts.get((node.id, variant_id)) or Counts()) for variant_id in ids]
    decision = decide(
        [
            (variant_id, *metric_trials(each.counts, metric))
            for variant_id, each in zip(ids, figures, strict=True)
        ],
        metric=metric,
    )
    summaries = _summaries(variants_of(node))
    variants = [
        VariantStats(variant.id, each, test, variant.subject, summary)
        for variant, each, test, summary in zip(
            variants_of(node), figures, decision.variants, summaries, strict=True
        )
    ]
    return NodeTest(
        node.id, label, metric, ab_settings(node).auto_winner, variants, decision, winner
    )


SUMMARY_CHARACTERS = 80


def _summaries(variants: list[Variant]) -> list[str]:
    """One line per variant telling it apart: its subject when subjects differ, else the
    start of its body."""
    subjects = {" ".join(v.subject.split()) for v in variants}
    texts = [v.subject if len(subjects) > 1 else v.body for v in variants]
    return [" ".join(text.split())[:SUMMARY_CHARACTERS] for text in texts]


def ab_test_report(workspace: Workspace, campaign_id: int | str) -> list[NodeTest]:
    """Every A/B tested email node of the campaign, in document order, with its figures."""
    with workspace.sessions() as session:
        campaign = get_by_id(session, Campaign, campaign_id, "campaign")
        tested = _tested_nodes(campaign.document)
        if not tested:
            return []
        connection = session.connection()
        counts = counts_by_variant(connection, campaign.id)
        winners = current_winners(connection, campaign.id)
        return [_node_test(node, label, counts, winners.get(node.id)) for node, label in tested]


def pick_variant(
    workspace: Workspace, campaign_id: int | str, node_id: str, variant_id: str | None
) -> VariantPick:
    """Make `variant_id` the node's winner by hand (None: back to the split), at the
    workspace clock's time; an unknown node or variant is refused in one line."""
    with workspace.session() as session:
        campaign = get_by_id(session, Campaign, campaign_id, "campaign")
        tested = {node.id: node for node, _ in _tested_nodes(campaign.document)}
        node = tested.get(node_id)
        if node is None:
            known = ", ".join(tested) or "none"
            raise FluenzrError(
                f"campaign {campaign.id} has no A/B tested email node {node_id!r} "
                f"(its A/B tested nodes: {known})"
            )
        if variant_id is not None and variant_id not in variant_ids(node):
            raise FluenzrError(
                f"node {node_id} has no variant {variant_id!r} "
                f"(its variants: {', '.join(variant_ids(node))})"
            )
        at = workspace.clock.now()
        record_winner(session.connection(), campaign.id, node_id, variant_id, manual=True, at=at)
        return VariantPick(campaign.id, node_id, variant_id, at)


# -- the verdict in words (the command line's; the window words it with tr()) --------------------


def fewest_sends(test: NodeTest) -> VariantFigures:
    """The variant furthest from the minimum of sends (the first of them on a tie)."""
    return min(test.decision.variants, key=lambda v: v.sends)


def leader(test: NodeTest) -> VariantFigures:
    """The variant most likely to be best (the first of them on a tie)."""
    return max(test.decision.variants, key=lambda v: v.probability_best)


def total_successes(test: NodeTest) -> int:
    """The successes of every variant on the node's metric."""
    return sum(v.successes for v in test.decision.variants)


def reason_texts(test: NodeTest) -> list[str]:
    """Why there is no winner yet, one clause per reason code, in English."""
    words = SUCCESS_WORDS[test.metric]
    texts = {
        TOO_FEW_SENDS: lambda: (
            f"each variant needs {MIN_SENDS_PER_VARIANT} sends "
            f"({fewest_sends(test).id} has {fewest_sends(test).sends})"
        ),
        TOO_FEW_SUCCESSES: lambda: (
            f"{MIN_TOTAL_SUCCESSES} {words} in all are needed ({total_successes(test)} so far)"
        ),
        NOT_CONFIDENT: lambda: (
            f"no variant is {WIN_PROBABILITY:.0%} likely to be best "
            f"({leader(test).id}: {leader(test).probability_best:.1%})"
        ),
        SINGLE_VARIANT: lambda: "a test needs two variants or more",
    }
    return [texts[code]() if code in texts else code for code in test.decision.reasons]


def verdict_text(test: NodeTest) -> str:
    """ "winner: B (P=0.97, replies)", or "not enough data yet: <reasons>; about N more…"."""
    parts = []
    winner = test.winner
    if winner is not None:
        how = "picked by hand" if winner.manual else "decided automatically"
        parts.append(f"in force: {winner.variant} ({how} {winner.at:%Y-%m-%d %H:%M} UTC)")
    decision = test.decision
    if decision.winner is not None:
        best = leader(test)
        parts.insert(0, f"winner: {decision.winner} (P={best.probability_best:.2f}, {test.metric})")
        return "; ".join(parts)
    line = "not enough data yet: " + "; ".join(reason_texts(test))
    if decision.more_sends_needed is not None:
        line += (
            f"; about {decision.more_sends_needed} more sends per variant would typically settle it"
        )
    return "; ".join([line, *parts])


__all__ = [
    "NodeTest",
    "VariantPick",
    "VariantStats",
    "ab_test_report",
    "pick_variant",
    "reason_texts",
    "verdict_text",
]
