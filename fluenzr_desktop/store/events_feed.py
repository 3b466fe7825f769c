"""The events table read in id order after a cursor: the API's events feed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, select

from .schema import events

_COLUMNS = (
    events.c.id,
    events.c.kind,
    events.c.occurred_at,
    events.c.campaign_id,
    events.c.enrollment_id,
    events.c.contact_id,
    events.c.node_id,
    events.c.message_id,
    events.c.detail,
)


def events_after(
    engine: Engine,
    after_id: int,
    limit: int,
    campaign_id: int | None = None,
    kinds: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit` events with an id above `after_id`, oldest first, as plain rows."""
    statement = select(*_COLUMNS).where(events.c.id > after_id)
    if campaign_id is not None:
        statement = statement.where(events.c.campaign_id == campaign_id)
    if kinds:
        statement = statement.where(events.c.kind.in_(list(kinds)))
    statement = statement.order_by(events.c.id).limit(limit)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]
