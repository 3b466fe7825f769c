"""The queries behind the Dashboard: the latest replies, and daily activity over all campaigns.

The counting rules are those of `store.stats` (docs/statistics.md): per day, an open is a
message with a human open or a human click that day, a click a message with a human click,
a reply a message answered (inbound mail attributed to the latest email sent before it).
Days are local calendar days given as their UTC midnights (`day_starts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, case, cast, func, select
from sqlalchemy.engine import Connection

from .schema import campaigns, contacts, events, outbox_messages
from .stats import OPEN_KINDS, attributed_message, day_bucket

# What the daily series hold, in the order a chart lists them.
SERIES = ("sent", "opened", "clicked", "replied")


def latest_replies(connection: Connection, limit: int) -> list[dict[str, Any]]:
    """The newest reply events (newest first): who, in which campaign, what, when."""
    e = events
    query = (
        select(
            e.c.id,
            e.c.occurred_at,
            e.c.detail,
            e.c.contact_id,
            contacts.c.email,
            contacts.c.first_name,
            contacts.c.last_name,
            e.c.campaign_id,
            campaigns.c.name.label("campaign_name"),
        )
        .select_from(
            e.outerjoin(contacts, contacts.c.id == e.c.contact_id).outerjoin(
                campaigns, campaigns.c.id == e.c.campaign_id
            )
        )
        .where(e.c.kind == "replied")
        .order_by(e.c.occurred_at.desc(), e.c.id.desc())
        .limit(limit)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def daily_activity(
    connection: Connection, day_starts: Sequence[datetime]
) -> dict[str, dict[int, int]]:
    """Per series name, {day index: count} over every campaign; `day_starts` ends with the
    midnight after the last day (exclusive bound)."""
    start, end = day_starts[0], day_starts[-1]
    buckets = list(day_starts[:-1])
    found: dict[str, dict[int, int]] = {name: {} for name in SERIES}
    o = outbox_messages
    day = day_bucket(o.c.sent_at, buckets).label("day")
    sent = (
        select(day, func.count())
        .where(o.c.state == "sent", o.c.sent_at >= start, o.c.sent_at < end)
        .group_by(day)
    )
    for index, count in connection.execute(sent):
        found["sent"][index] = count
    e = events
    day = day_bucket(e.c.occurred_at, buckets).label("day")
    tracked = (
        select(
            day,
            func.count(func.distinct(e.c.message_id)),
            func.count(func.distinct(case((e.c.kind == "clicked", e.c.message_id), else_=None))),
        )
        .where(e.c.kind.in_(OPEN_KINDS), e.c.occurred_at >= start, e.c.occurred_at < end)
        .group_by(day)
    )
    for index, opened, clicked in connection.execute(tracked):
        found["opened"][index] = opened
        found["clicked"][index] = clicked
    # Counted per message answered; a reply with no earlier email counts once for itself.
    answered = func.coalesce(attributed_message(e), cast(e.c.id, String))
    replied = (
        select(day, func.count(func.distinct(answered)))
        .where(and_(e.c.kind == "replied", e.c.occurred_at >= start, e.c.occurred_at < end))
        .group_by(day)
    )
    for index, count in connection.execute(replied):
        found["replied"][index] = count
    return found


def campaign_statuses(connection: Connection) -> dict[int, str]:
    """Every campaign's status by id."""
    return dict(connection.execute(select(campaigns.c.id, campaigns.c.status)).all())
