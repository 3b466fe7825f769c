"""The winners of A/B tested email nodes: decided automatically or picked by hand.

A decision is an event (`variant_winner`) of the campaign at the node, with
`detail = {"variant": id or None, "manual": bool, "probability": float or None,
"metric": str or None}`. The rule every reader follows (`current_winners`):
- the latest manual pick of a node overrides everything; a manual pick of None clears
  the node back to its split (and to automatic decisions, if on);
- otherwise the latest automatic decision holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from ..domain.variants import ab_settings, variant_ids
from ..domain.workflow import Node
from .schema import events

WINNER_EVENT = "variant_winner"


@dataclass(frozen=True)
class Winner:
    """The variant every contact not yet sent at a node gets, and how it was chosen."""

    node_id: str
    variant: str
    manual: bool
    at: datetime
    probability: float | None = None
    metric: str | None = None


def winner_in_force(winner: Winner | None, node: Node) -> str | None:
    """The variant a node's winner gives contacts not yet sent there, None for the split:
    a manual pick always, an automatic decision only while `ab_test.auto_winner` is on,
    and only a variant the node still has."""
    if winner is None or winner.variant not in variant_ids(node):
        return None
    return winner.variant if winner.manual or ab_settings(node).auto_winner else None


def record_winner(
    connection: Connection,
    campaign_id: int,
    node_id: str,
    variant: str | None,
    *,
    manual: bool,
    at: datetime,
    probability: float | None = None,
    metric: str | None = None,
) -> None:
    """Record a decision (or, manual with variant None, clear the node's pick)."""
    detail: dict[str, Any] = {
        "variant": variant,
        "manual": manual,
        "probability": probability,
        "metric": metric,
    }
    connection.execute(
        insert(events).values(
            kind=WINNER_EVENT,
            occurred_at=at,
            campaign_id=campaign_id,
            node_id=node_id,
            detail=detail,
        )
    )


def current_winners(connection: Connection, campaign_id: int) -> dict[str, Winner]:
    """Node id → the winner in force (module docstring's rule); nodes without one are absent."""
    e = events.c
    query = (
        select(e.node_id, e.occurred_at, e.detail)
        .where(e.campaign_id == campaign_id, e.kind == WINNER_EVENT)
        .order_by(e.occurred_at, e.id)
    )
    winners: dict[str, Winner] = {}
    picked: set[str] = set()  # nodes whose latest manual event is a pick
    for node_id, at, detail in connection.execute(query):
        detail = detail if isinstance(detail, dict) else {}
        variant = detail.get("variant")
        manual = bool(detail.get("manual"))
        chosen = (
            Winner(node_id, variant, manual, at, detail.get("probability"), detail.get("metric"))
            if isinstance(variant, str)
            else None
        )
        if manual and chosen is None:
            # A cleared pick sets aside the pick and earlier automatic decisions: the split
            # resumes, and a later automatic decision holds again.
            winners.pop(node_id, None)
            picked.discard(node_id)
        elif manual:
            winners[node_id] = chosen
            picked.add(node_id)
        elif chosen is not None and node_id not in picked:
            winners[node_id] = chosen
    return winners
