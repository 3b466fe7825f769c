"""The webhook feed: new rows of the `events` table turned into queued webhook deliveries.

Each event of a webhook kind becomes one body (Standard Webhooks 1.0: `type`, `timestamp`,
`data`) serialized once, and one delivery row per enabled endpoint that subscribed to its
type and campaign (`store.webhooks`). A cursor (the id of the last event read) moves in the
same transaction as the rows are queued, by compare and set: an event is queued once even
when two processes feed at once, and a crash loses nothing. The cursor starts at the
latest event, so adding the first endpoint never replays the workspace's history; it moves
while no endpoint is enabled too, so enabling one later does not replay either.

`data` of every type: event_id, campaign {id, name}, lead {id, email, …, tags}, step
{id, type, name}, variant, message_id (our sent message the event is about; for inbound
mail the one it answers, by the statistics' attribution rule `store.stats`), account
{id, name, email}; then the type's own keys (see `_own_keys`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ..domain.clock import Clock
from ..domain.errors import DocumentError
from ..domain.webhooks import PING, webhook_type
from ..domain.workflow import Node, Workflow, email_steps, parse_document
from ..store.schema import accounts, campaigns, contact_tags, contacts, events, outbox_messages
from ..store.stats import attributed_message
from ..store.webhooks import enqueue_many, feed_cursor, list_endpoints, move_feed_cursor

log = logging.getLogger(__name__)

# Batches read by one `run_once`: a long backlog is caught up over several calls.
MAX_BATCHES = 10
PING_MESSAGE = "This is a test webhook from FluenzR Desktop (endpoint {id})."
_LEAD_FIELDS = ("email", "first_name", "last_name", "company", "title", "phone")


def iso_utc(value: datetime) -> str:
    """A stored time (naive UTC) as ISO 8601 with a "Z", as the webhook timestamp."""
    return value.isoformat() + "Z"


def serialize(payload: dict[str, Any]) -> str:
    """The body's bytes as text, made once per event: every retry posts exactly these."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _common_data() -> dict[str, Any]:
    return dict.fromkeys(
        ("event_id", "campaign", "lead", "step", "variant", "message_id", "account")
    )


def ping_body(endpoint_id: int, now: datetime) -> str:
    """The body of a `test.ping` to endpoint `endpoint_id` at `now` (naive UTC)."""
    data = {**_common_data(), "message": PING_MESSAGE.format(id=endpoint_id)}
    return serialize({"type": PING, "timestamp": iso_utc(now), "data": data})


def start_feed_at_latest(connection: Session | Any) -> None:
    """Move the cursor to the latest event (no replay of history to a new endpoint).

    ops calls it, and commits, when an endpoint is added while none is enabled: events
    that happened while nobody listened (the engine off, say) are never sent late.
    """
    latest = connection.execute(select(func.max(events.c.id))).scalar() or 0
    current = feed_cursor(connection)
    if current is None or current < latest:
        move_feed_cursor(connection, current, latest)


class WebhookFeed:
    """Queues a delivery per (new event, enabled endpoint that wants it); `run_once`."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        batch: int = 500,
        max_batches: int = MAX_BATCHES,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.batch = batch
        self.max_batches = max_batches

    def run_once(self) -> int:
        """Read new events (up to `max_batches` batches); returns the deliveries queued."""
        queued = 0
        for _ in range(self.max_batches):
            with self.sessions() as session:
                outcome = self._one_batch(session)
            if outcome is None:
                break
            queued += outcome
        return queued

    def _one_batch(self, session: Session) -> int | None:
        """One batch in one transaction; None when caught up (or another feeder moved on)."""
        cursor = feed_cursor(session)
        if cursor is None:
            start_feed_at_latest(session)
            session.commit()
            return None
        latest = session.execute(select(func.max(events.c.id))).scalar()
        if latest is None or latest <= cursor:
            return None
        endpoints = list_endpoints(session, enabled_only=True)
        if not endpoints:
            # Nothing listens: skip to the end, so enabling an endpoint later does not
            # deliver what happened while none was on.
            if move_feed_cursor(session, cursor, latest):
                session.commit()
            return None
        rows = list(session.execute(_batch_query(cursor, self.batch)))
        if not rows:
            return None
        now = self.clock.now()
        deliveries = []
        for event_type, campaign_id, event_id, body in _bodies(session, rows):
            for endpoint in endpoints:
                if endpoint.wants(event_type, campaign_id):
                    deliveries.append(
                        {
                            "endpoint_id": endpoint.id,
                            "event_type": event_type,
                            "event_id": event_id,
                            "body": body,
                            "now": now,
                        }
                    )
        if not move_feed_cursor(session, cursor, rows[-1].id):
            session.rollback()  # another process fed these events: they are queued once
            return None
        queued = enqueue_many(session, deliveries)
        session.commit()
        return queued


def _batch_query(cursor: int, limit: int) -> Any:
    """The next events with their campaign, contact and the sent message each is about."""
    e = events
    page = (
        select(
            e.c.id,
            e.c.kind,
            e.c.occurred_at,
            e.c.campaign_id,
            e.c.contact_id,
            e.c.node_id,
            e.c.detail,
            attributed_message(e).label("about"),
        )
        .where(e.c.id > cursor)
        .order_by(e.c.id)
        .limit(limit)
        .subquery("page")
    )
    o = outbox_messages
    c = campaigns
    k = contacts
    return (
        select(
            page,
            c.c.name.label("campaign_name"),
            o.c.message_id.label("sent_message_id"),
            o.c.node_id.label("sent_node_id"),
            o.c.account_id,
            o.c.variant,
            o.c.subject,
            *(k.c[name].label(f"lead_{name}") for name in _LEAD_FIELDS),
            k.c.custom_fields.label("lead_custom_fields"),
        )
        .select_from(
            page.outerjoin(o, o.c.message_id == page.c.about)
            .outerjoin(c, c.c.id == page.c.campaign_id)
            .outerjoin(k, k.c.id == page.c.contact_id)
        )
        .order_by(page.c.id)
    )


def _bodies(session: Session, rows: Sequence[Any]) -> list[tuple[str, int | None, int, str]]:
    """(type, campaign id, event id, body) of each row of a webhook kind, in event order."""
    typed = [(row, _type_of(row)) for row in rows]
    wanted = [row for row, event_type in typed if event_type is not None]
    tags = _tags(session, {row.contact_id for row in wanted if row.lead_email is not None})
    account_ids = {row.account_id for row in wanted if row.account_id is not None}
    account_ids |= {_detail_account(row) for row in wanted if row.kind == "mailbox_error"}
    named_accounts = _accounts(session, account_ids - {None})
    workflows = _workflows(
        session, {row.campaign_id for row in wanted if row.campaign_id is not None}
    )
    bodies = []
    for row, event_type in typed:
        if event_type is None:
            continue
        detail = row.detail if isinstance(row.detail, dict) else {}
        account_id = _detail_account(row) if row.kind == "mailbox_error" else row.account_id
        data = {
            "event_id": row.id,
            "campaign": (
                {"id": row.campaign_id, "name": row.campaign_name}
                if row.campaign_id is not None and row.campaign_name is not None
                else None
            ),
            "lead": _lead(row, tags),
            "step": _step(workflows.get(row.campaign_id), row.node_id or row.sent_node_id),
            "variant": row.variant,
            "message_id": row.sent_message_id,
            "account": named_accounts.get(account_id) if account_id is not None else None,
            **_own_keys(row, detail),
        }
        payload = {"type": event_type, "timestamp": iso_utc(row.occurred_at), "data": data}
        bodies.append((event_type, row.campaign_id, row.id, serialize(payload)))
    return bodies


def _type_of(row: Any) -> str | None:
    """The webhook type of an event row; None for kinds that are not webhooks."""
    return webhook_type(row.kind, row.detail)


def _own_keys(row: Any, detail: dict[str, Any]) -> dict[str, Any]:
    """The keys a type adds to the common data, from the event's kind and detail."""
    kind = row.kind
    if kind == "sent":
        return {"subject": row.subject if row.subject is not None else detail.get("subject")}
    if kind == "bounced":
        return {"reason": detail.get("diagnostic") or None, "hard": bool(detail.get("hard"))}
    if kind in ("opened", "open_proxied", "open_machine"):
        return {"machine": kind == "open_machine", "proxied": kind == "open_proxied"}
    if kind in ("clicked", "click_machine"):
        return {"url": detail.get("url"), "suspected_bot": kind == "click_machine"}
    if kind in ("replied", "auto_replied"):
        return {
            "is_auto_reply": kind == "auto_replied",
            "text": detail.get("text"),
            "subject": detail.get("subject"),
            "from": detail.get("from"),
        }
    if kind in ("unsubscribed", "complained"):
        return {"reason": "complaint" if kind == "complained" else "unsubscribe"}
    if kind in ("lead_status", "campaign_status"):
        return {key: detail.get(key) for key in ("from", "to", "reason")}
    if kind == "mailbox_error":
        return {"error": detail.get("error")}
    return {}


def _detail_account(row: Any) -> int | None:
    value = row.detail.get("account_id") if isinstance(row.detail, dict) else None
    return value if isinstance(value, int) else None


def _lead(row: Any, tags: dict[int, list[str]]) -> dict[str, Any] | None:
    if row.lead_email is None:
        return None  # no contact, or the contact was deleted since
    lead: dict[str, Any] = {"id": row.contact_id}
    lead.update({name: getattr(row, f"lead_{name}") for name in _LEAD_FIELDS})
    lead["custom_fields"] = row.lead_custom_fields or {}
    lead["tags"] = tags.get(row.contact_id, [])
    return lead


def _tags(session: Session, contact_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each contact's tags, sorted."""
    found: dict[int, list[str]] = {}
    ids = sorted(contact_ids)
    if not ids:
        return found
    query = (
        select(contact_tags.c.contact_id, contact_tags.c.tag)
        .where(contact_tags.c.contact_id.in_(ids))
        .order_by(contact_tags.c.contact_id, contact_tags.c.tag)
    )
    for contact_id, tag in session.execute(query):
        found.setdefault(contact_id, []).append(tag)
    return found


def _accounts(session: Session, account_ids: set[int]) -> dict[int, dict[str, Any]]:
    """{id, name, email} of each account (no server settings, never a secret)."""
    if not account_ids:
        return {}
    query = select(accounts.c.id, accounts.c.name, accounts.c.email).where(
        accounts.c.id.in_(sorted(account_ids))
    )
    return {
        row.id: {"id": row.id, "name": row.name, "email": row.email}
        for row in session.execute(query)
    }


def _workflows(session: Session, campaign_ids: set[int]) -> dict[int, Workflow | None]:
    """Each campaign's document, loaded once per batch (None when it cannot be read)."""
    loaded: dict[int, Workflow | None] = {}
    if not campaign_ids:
        return loaded
    query = select(campaigns.c.id, campaigns.c.document).where(
        campaigns.c.id.in_(sorted(campaign_ids))
    )
    for campaign_id, document in session.execute(query):
        try:
            loaded[campaign_id] = parse_document(document)
        except DocumentError as error:
            log.warning("campaign %s: document unreadable for webhooks: %s", campaign_id, error)
            loaded[campaign_id] = None
    return loaded


def _step(workflow: Workflow | None, node_id: str | None) -> dict[str, Any] | None:
    """{id, type, name} of a step; type and name None when the document no longer has it."""
    if node_id is None:
        return None
    node = workflow.node(node_id) if workflow is not None else None
    if node is None:
        return {"id": node_id, "type": None, "name": None}
    return {"id": node_id, "type": node.type or None, "name": _step_name(workflow, node)}


def _step_name(workflow: Workflow, node: Node) -> str | None:
    """The step's canvas label; an unlabelled email as the statistics name it
    ("Email N: subject", `domain.workflow.email_steps`)."""
    label = node.get("label")
    if isinstance(label, str) and label.strip():
        return " ".join(label.split())
    return dict(email_steps(workflow.to_document())).get(node.id)
