"""The events feed: what happened, in id order after a cursor (the API's `/v1/events`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.webhooks import webhook_type
from ..store.events_feed import events_after
from ..workspace import Workspace


@dataclass(frozen=True)
class FeedEvent:
    """One row of the events table, with the webhook type it is delivered as (if any)."""

    id: int
    kind: str
    occurred_at: datetime
    campaign_id: int | None
    enrollment_id: int | None
    contact_id: int | None
    node_id: str | None
    message_id: str | None
    detail: dict[str, Any]
    webhook_type: str | None


def list_events(
    workspace: Workspace,
    after_id: int,
    limit: int,
    campaign_id: int | None = None,
    kinds: Sequence[str] | None = None,
) -> list[FeedEvent]:
    """Up to `limit` events after event `after_id`, oldest first; times as stored (naive UTC)."""
    rows = events_after(workspace.engine, after_id, limit, campaign_id, kinds)
    return [
        FeedEvent(
            **{**row, "detail": dict(row["detail"] or {})},
            webhook_type=webhook_type(row["kind"], row["detail"]),
        )
        for row in rows
    ]
