"""Reads of the outbox (one row per email to send) for listings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import OutboxMessage


def outbox_rows(session: Session, state: str | None = None) -> list[dict[str, Any]]:
    """Every outbox message (or those in `state`), oldest first; `sent_at` is naive UTC."""
    statement = select(OutboxMessage).order_by(OutboxMessage.id)
    if state:
        statement = statement.where(OutboxMessage.state == state)
    return [
        {
            "message_id": message.message_id,
            "state": message.state,
            "to": message.to_address,
            "subject": message.subject,
            "campaign": message.campaign_id,
            "node": message.node_id,
            "attempts": message.attempts,
            "sent_at": message.sent_at,
            "last_error": message.last_error,
        }
        for message in session.scalars(statement)
    ]
