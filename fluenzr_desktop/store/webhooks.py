"""Webhook endpoints and their persisted delivery queue (tables of migration 0010).

Guarantees callers rely on:
- a delivery row is made once per (event, endpoint) with its `webhook_id` and body fixed,
  so every retry sends the same bytes under the same id;
- `claim` moves a row pending → delivering only if nobody else did (compare and set):
  two processes never post the same row at once;
- an endpoint's rows go out in id order: only its oldest undelivered row (its *head*) is
  ever due, so a row waiting for a retry holds back the rows behind it, and nothing else;
- a row left `delivering` by a crash goes back to pending (`release_stale`): delivery is
  at least once, never lost.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain.errors import NotFound
from .schema import settings as settings_table
from .schema import webhook_deliveries as deliveries
from .schema import webhook_endpoints as endpoints

PENDING, DELIVERING, DELIVERED, FAILED = "pending", "delivering", "delivered", "failed"
DELIVERY_STATES = (PENDING, DELIVERING, DELIVERED, FAILED)
UNDELIVERED = (PENDING, DELIVERING)
# The id of the last `events` row turned into deliveries (settings key).
FEED_CURSOR_KEY = "webhooks_event_cursor"
RESPONSE_CHARS = 1000
ERROR_CHARS = 300


@dataclass(frozen=True)
class Endpoint:
    """A receiver of webhooks: where, what it subscribed to, and whether it is on."""

    id: int
    url: str
    description: str | None
    event_types: tuple[str, ...]  # () = every type
    campaign_ids: tuple[int, ...]  # () = every campaign
    enabled: bool
    disabled_reason: str | None
    previous_secret_until: datetime | None
    created_at: datetime

    def wants(self, event_type: str, campaign_id: int | None) -> bool:
        """Whether this endpoint subscribed to `event_type` of `campaign_id`."""
        if self.event_types and event_type not in self.event_types:
            return False
        return not self.campaign_ids or campaign_id in self.campaign_ids


@dataclass(frozen=True)
class Delivery:
    """One event for one endpoint: its state, attempts and the receiver's last answer."""

    id: int
    endpoint_id: int
    webhook_id: str
    event_type: str
    event_id: int | None
    body: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_status: int | None
    last_response: str | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


def new_webhook_id() -> str:
    """A fresh message id (`msg_` + 24 random hex digits): the receiver's idempotency key."""
    return f"msg_{secrets.token_hex(12)}"


def _endpoint(row: Any) -> Endpoint:
    return Endpoint(
        id=row.id,
        url=row.url,
        description=row.description,
        event_types=tuple(row.event_types or ()),
        campaign_ids=tuple(int(item) for item in row.campaign_ids or ()),
        enabled=bool(row.enabled),
        disabled_reason=row.disabled_reason,
        previous_secret_until=row.previous_secret_until,
        created_at=row.created_at,
    )


def _delivery(row: Any) -> Delivery:
    return Delivery(**{name: getattr(row, name) for name in Delivery.__dataclass_fields__})


# --- Endpoints --------------------------------------------------------------------------


def add_endpoint(
    session: Session,
    url: str,
    event_types: Sequence[str] = (),
    campaign_ids: Sequence[int] = (),
    description: str | None = None,
) -> int:
    """A new enabled endpoint; returns its id (the caller stores its secret)."""
    result = session.execute(
        insert(endpoints).values(
            url=url,
            description=description,
            event_types=list(event_types),
            campaign_ids=[int(item) for item in campaign_ids],
            enabled=True,
        )
    )
    return int(result.inserted_primary_key[0])


def get_endpoint(session: Session | Connection, endpoint_id: int) -> Endpoint:
    """The endpoint `endpoint_id`; FluenzrError naming it when there is none."""
    row = session.execute(select(endpoints).where(endpoints.c.id == endpoint_id)).first()
    if row is None:
        raise NotFound(f"no webhook {endpoint_id} (see `fluenzr webhook list`)")
    return _endpoint(row)


def list_endpoints(session: Session | Connection, enabled_only: bool = False) -> list[Endpoint]:
    """Every endpoint, oldest first."""
    query = select(endpoints).order_by(endpoints.c.id)
    if enabled_only:
        query = query.where(endpoints.c.enabled.is_(True))
    return [_endpoint(row) for row in session.execute(query)]


def update_endpoint(session: Session | Connection, endpoint_id: int, **changes: Any) -> Endpoint:
    """Change an endpoint's columns (url, description, event_types, campaign_ids, …)."""
    get_endpoint(session, endpoint_id)
    if "event_types" in changes:
        changes["event_types"] = list(changes["event_types"])
    if "campaign_ids" in changes:
        changes["campaign_ids"] = [int(item) for item in changes["campaign_ids"]]
    session.execute(update(endpoints).where(endpoints.c.id == endpoint_id).values(**changes))
    return get_endpoint(session, endpoint_id)


def disable_endpoint(session: Session | Connection, endpoint_id: int, reason: str) -> None:
    """Stop delivering to an endpoint, saying why; its queued rows wait, not lost."""
    session.execute(
        update(endpoints)
        .where(endpoints.c.id == endpoint_id)
        .values(enabled=False, disabled_reason=reason[:300])
    )


def enable_endpoint(session: Session | Connection, endpoint_id: int) -> None:
    """Deliver to an endpoint again, from its oldest pending row."""
    get_endpoint(session, endpoint_id)
    session.execute(
        update(endpoints)
        .where(endpoints.c.id == endpoint_id)
        .values(enabled=True, disabled_reason=None)
    )


def remove_endpoint(session: Session | Connection, endpoint_id: int) -> None:
    """Delete an endpoint and its delivery log (the caller forgets its secret)."""
    get_endpoint(session, endpoint_id)
    session.execute(deliveries.delete().where(deliveries.c.endpoint_id == endpoint_id))
    session.execute(endpoints.delete().where(endpoints.c.id == endpoint_id))


# --- The queue ---------------------------------------------------------------------------


def enqueue(
    session: Session | Connection,
    endpoint_id: int,
    event_type: str,
    body: str,
    now: datetime,
    *,
    event_id: int | None = None,
    webhook_id: str | None = None,
    state: str = PENDING,
) -> int:
    """Queue one delivery, due now; returns its id."""
    result = session.execute(
        insert(deliveries).values(
            endpoint_id=endpoint_id,
            webhook_id=webhook_id or new_webhook_id(),
            event_type=event_type,
            event_id=event_id,
            body=body,
            state=state,
            attempts=0,
            next_attempt_at=now,
            last_attempt_at=now if state == DELIVERING else None,
            created_at=now,
        )
    )
    return int(result.inserted_primary_key[0])


def enqueue_many(connection: Session | Connection, rows: Iterable[dict[str, Any]]) -> int:
    """Queue many deliveries in one statement (the feed's batch); returns how many.

    Each row: endpoint_id, event_type, event_id, body, now; a webhook_id is made for each.
    """
    values = [
        {
            "endpoint_id": row["endpoint_id"],
            "webhook_id": new_webhook_id(),
            "event_type": row["event_type"],
            "event_id": row.get("event_id"),
            "body": row["body"],
            "state": PENDING,
            "attempts": 0,
            "next_attempt_at": row["now"],
            "created_at": row["now"],
        }
        for row in rows
    ]
    if values:
        connection.execute(insert(deliveries), values)
    return len(values)


def get_delivery(session: Session | Connection, delivery_id: int) -> Delivery:
    """The delivery `delivery_id`; FluenzrError naming it when there is none."""
    row = session.execute(select(deliveries).where(deliveries.c.id == delivery_id)).first()
    if row is None:
        raise NotFound(f"no webhook delivery {delivery_id} (see `fluenzr webhook deliveries`)")
    return _delivery(row)


def _heads() -> Any:
    """Each enabled endpoint's oldest undelivered row id."""
    return (
        select(func.min(deliveries.c.id).label("head_id"))
        .join(endpoints, endpoints.c.id == deliveries.c.endpoint_id)
        .where(endpoints.c.enabled.is_(True), deliveries.c.state.in_(UNDELIVERED))
        .group_by(deliveries.c.endpoint_id)
        .subquery()
    )


def due_heads(
    connection: Session | Connection, now: datetime, busy: Iterable[int] = ()
) -> list[Delivery]:
    """The head rows that are pending and due, one per enabled endpoint not in `busy`."""
    heads = _heads()
    query = (
        select(deliveries)
        .join(heads, heads.c.head_id == deliveries.c.id)
        .where(deliveries.c.state == PENDING, deliveries.c.next_attempt_at <= now)
        .order_by(deliveries.c.next_attempt_at, deliveries.c.id)
    )
    busy = set(busy)
    return [
        delivery
        for delivery in map(_delivery, connection.execute(query))
        if delivery.endpoint_id not in busy
    ]


def next_due_at(connection: Session | Connection) -> datetime | None:
    """When the earliest pending head falls due (None when nothing waits)."""
    heads = _heads()
    return connection.execute(
        select(func.min(deliveries.c.next_attempt_at))
        .join(heads, heads.c.head_id == deliveries.c.id)
        .where(deliveries.c.state == PENDING)
    ).scalar()


def claim(connection: Session | Connection, delivery_id: int, now: datetime) -> bool:
    """Take a pending row for one attempt (pending → delivering); False if taken already."""
    result = connection.execute(
        update(deliveries)
        .where(deliveries.c.id == delivery_id, deliveries.c.state == PENDING)
        .values(state=DELIVERING, last_attempt_at=now)
    )
    return result.rowcount == 1


def record_success(
    connection: Session | Connection,
    delivery_id: int,
    now: datetime,
    status: int,
    response: str | None,
) -> None:
    """The receiver answered 2xx: delivered."""
    connection.execute(
        update(deliveries)
        .where(deliveries.c.id == delivery_id)
        .values(
            state=DELIVERED,
            attempts=deliveries.c.attempts + 1,
            last_attempt_at=now,
            last_status=status,
            last_response=(response or "")[:RESPONSE_CHARS],
            last_error=None,
            delivered_at=now,
        )
    )


def record_failure(
    connection: Session | Connection,
    delivery_id: int,
    now: datetime,
    *,
    status: int | None,
    response: str | None,
    error: str | None,
    retry_at: datetime | None,
) -> None:
    """An attempt failed: pending again until `retry_at`, or failed for good (None)."""
    values: dict[str, Any] = {
        "attempts": deliveries.c.attempts + 1,
        "last_attempt_at": now,
        "last_status": status,
        "last_response": None if response is None else response[:RESPONSE_CHARS],
        "last_error": None if error is None else error[:ERROR_CHARS],
        "state": FAILED if retry_at is None else PENDING,
    }
    if retry_at is not None:
        values["next_attempt_at"] = retry_at
    connection.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(**values))


def release_stale(
    connection: Session | Connection, endpoint_ids: Iterable[int] | None = None
) -> int:
    """Rows left `delivering` (a crash mid-post) go back to pending; returns how many.

    Call it when no other process is delivering (the engine holds the workspace lock).
    """
    query = update(deliveries).where(deliveries.c.state == DELIVERING)
    if endpoint_ids is not None:
        query = query.where(deliveries.c.endpoint_id.in_(list(endpoint_ids)))
    return connection.execute(query.values(state=PENDING)).rowcount


def redeliver(session: Session | Connection, delivery_id: int, now: datetime) -> int:
    """Queue a delivery again (same webhook-id and body) at the end of its endpoint's queue."""
    original = get_delivery(session, delivery_id)
    return enqueue(
        session,
        original.endpoint_id,
        original.event_type,
        original.body,
        now,
        event_id=original.event_id,
        webhook_id=original.webhook_id,
    )


def list_deliveries(
    session: Session | Connection,
    endpoint_id: int,
    *,
    failed_only: bool = False,
    limit: int = 100,
) -> list[Delivery]:
    """An endpoint's deliveries, newest first; `failed_only`: failed, or retrying after an error."""
    query = select(deliveries).where(deliveries.c.endpoint_id == endpoint_id)
    if failed_only:
        query = query.where(
            (deliveries.c.state == FAILED)
            | and_(deliveries.c.state == PENDING, deliveries.c.attempts > 0)
        )
    query = query.order_by(deliveries.c.id.desc()).limit(limit)
    return [_delivery(row) for row in session.execute(query)]


def queue_counts(session: Session | Connection) -> dict[int, dict[str, int]]:
    """Per endpoint, how many deliveries are in each state."""
    counts: dict[int, dict[str, int]] = {}
    query = select(deliveries.c.endpoint_id, deliveries.c.state, func.count()).group_by(
        deliveries.c.endpoint_id, deliveries.c.state
    )
    for endpoint_id, state, count in session.execute(query):
        counts.setdefault(endpoint_id, {})[state] = count
    return counts


# --- The feed's cursor over `events` ------------------------------------------------------


def feed_cursor(connection: Session | Connection) -> int | None:
    """The id of the last event turned into deliveries; None before the first run."""
    value = connection.execute(
        select(settings_table.c.value).where(settings_table.c.key == FEED_CURSOR_KEY)
    ).scalar()
    return None if value is None else int(value)


def move_feed_cursor(connection: Session | Connection, old: int | None, new: int) -> bool:
    """Move the cursor from `old` to `new` if nobody moved it meanwhile (compare and set)."""
    if old is None:
        exists = connection.execute(
            select(settings_table.c.key).where(settings_table.c.key == FEED_CURSOR_KEY)
        ).first()
        if exists is not None:
            return False
        connection.execute(insert(settings_table).values(key=FEED_CURSOR_KEY, value=new))
        return True
    result = connection.execute(
        update(settings_table)
        .where(settings_table.c.key == FEED_CURSOR_KEY, settings_table.c.value == old)
        .values(value=new)
    )
    return result.rowcount == 1
