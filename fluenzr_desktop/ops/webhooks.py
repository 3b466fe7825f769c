"""Outgoing webhooks, the user's actions: add, change, test and remove endpoints, read the log.

An endpoint's signing secret (`whsec_…`) lives in the workspace's secret store under
`webhook:<id>` (the previous one under `webhook:<id>:previous` while a rotation lasts,
`ROTATION_OVERLAP`), never in the database; only `webhook_secret` and
`rotate_webhook_secret` return it. Adding, changing, testing, enabling and redelivering
need a plan with webhooks (Pro); listing, reading the log, disabling, removing and the
secret stay open on any plan, so a user whose licence lapsed can still clean up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from ..domain.errors import FluenzrError
from ..domain.plans import WEBHOOKS, PlanRequired, feature_gate
from ..domain.webhooks import (
    DISABLED_BY_USER,
    EVENT_TYPES,
    PING,
    SETTING_UP,
    new_secret,
    validate_event_types,
)
from ..store import webhooks as store
from ..store.models import Campaign
from ..workspace import Workspace
from .licence import plan_status

URL_MAX_CHARS = 2048
DESCRIPTION_MAX_CHARS = 200
# How long the previous secret keeps signing after a rotation (receivers switch meanwhile).
ROTATION_OVERLAP = timedelta(hours=24)
# Why an endpoint is off while its secret is being stored (seen only if that was cut short).


@dataclass(frozen=True)
class DeliveryView:
    """One row of an endpoint's delivery log: what was sent, its state and the last answer."""

    id: int
    endpoint_id: int
    webhook_id: str
    event_type: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_status: int | None
    last_response: str | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: times as ISO 8601 UTC with a Z."""
        return {
            "id": self.id,
            "endpoint_id": self.endpoint_id,
            "webhook_id": self.webhook_id,
            "event_type": self.event_type,
            "state": self.state,
            "attempts": self.attempts,
            "next_attempt_at": _iso(self.next_attempt_at),
            "last_attempt_at": _iso(self.last_attempt_at),
            "last_status": self.last_status,
            "last_response": self.last_response,
            "last_error": self.last_error,
            "delivered_at": _iso(self.delivered_at),
            "created_at": _iso(self.created_at),
        }


@dataclass(frozen=True)
class WebhookView:
    """An endpoint as the user sees it: what it receives, whether it is on, its queue."""

    id: int
    url: str
    description: str | None
    event_types: tuple[str, ...]  # () = every type
    campaign_ids: tuple[int, ...]  # () = every campaign
    enabled: bool
    disabled_reason: str | None
    counts: dict[str, int]  # deliveries per state (every state, 0 included)
    last_delivery: DeliveryView | None
    previous_secret_until: datetime | None = None  # the old secret signs too until then
    created_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (never the secret)."""
        return {
            "id": self.id,
            "url": self.url,
            "description": self.description,
            "event_types": list(self.event_types),
            "campaign_ids": list(self.campaign_ids),
            "enabled": self.enabled,
            "disabled_reason": self.disabled_reason,
            "counts": dict(self.counts),
            "last_delivery": self.last_delivery.to_dict() if self.last_delivery else None,
            "previous_secret_until": _iso(self.previous_secret_until),
            "created_at": _iso(self.created_at),
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None


def _secret_name(webhook_id: int) -> str:
    return f"webhook:{webhook_id}"


def _previous_secret_name(webhook_id: int) -> str:
    return f"webhook:{webhook_id}:previous"


# --- Checks -------------------------------------------------------------------------------


def require_webhooks_plan(workspace: Workspace) -> None:
    """PlanRequired (one line naming the plan) unless the plan in force includes webhooks."""
    status = plan_status(workspace)
    gate = feature_gate(WEBHOOKS, status.plan, status.features)
    if gate is not None:
        raise PlanRequired(gate)


def check_url(url: str) -> str:
    """A receiver's URL, trimmed: http(s), a host, no credentials, ≤ 2048 characters."""
    text = (url or "").strip()
    if not text:
        raise FluenzrError("a webhook needs a URL (https://…)")
    if len(text) > URL_MAX_CHARS:
        raise FluenzrError(
            f"webhook URL too long: {len(text)} characters (at most {URL_MAX_CHARS})"
        )
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in text):
        raise FluenzrError(f"webhook URL contains spaces or control characters: {text!r}")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise FluenzrError(f"not a URL: {text!r}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FluenzrError(f"webhook URL must start with https:// or http://, got {text!r}")
    if not parts.hostname:
        raise FluenzrError(f"webhook URL has no host: {text!r}")
    if parts.username is not None or parts.password is not None:
        raise FluenzrError(
            "webhook URL must not contain a user name or password (user:pass@); "
            "receivers check the signature instead"
        )
    if port == 0:
        raise FluenzrError(f"port 0 is not a port: {text!r}")
    return text


def _check_description(description: str | None) -> str | None:
    text = (description or "").strip()
    if len(text) > DESCRIPTION_MAX_CHARS:
        raise FluenzrError(
            f"webhook description too long: {len(text)} characters (at most {DESCRIPTION_MAX_CHARS})"
        )
    return text or None


def _check_campaigns(session: Session, campaign_ids: Sequence[int]) -> tuple[int, ...]:
    """The campaign ids, each existing; FluenzrError naming the first missing one."""
    checked: list[int] = []
    for value in campaign_ids:
        try:
            campaign_id = int(value)
        except (TypeError, ValueError):
            raise FluenzrError(f"campaign id must be a number, got {value!r}") from None
        if session.get(Campaign, campaign_id) is None:
            raise FluenzrError(f"no campaign with id {campaign_id} (see `fluenzr campaign list`)")
        checked.append(campaign_id)
    return tuple(dict.fromkeys(checked))


# --- Views --------------------------------------------------------------------------------


def _delivery_view(delivery: store.Delivery) -> DeliveryView:
    return DeliveryView(
        **{name: getattr(delivery, name) for name in DeliveryView.__dataclass_fields__}
    )


def _view(
    session: Session, endpoint: store.Endpoint, counts: dict[int, dict[str, int]]
) -> WebhookView:
    latest = store.list_deliveries(session, endpoint.id, limit=1)
    own = counts.get(endpoint.id, {})
    return WebhookView(
        id=endpoint.id,
        url=endpoint.url,
        description=endpoint.description,
        event_types=endpoint.event_types,
        campaign_ids=endpoint.campaign_ids,
        enabled=endpoint.enabled,
        disabled_reason=endpoint.disabled_reason,
        counts={state: own.get(state, 0) for state in store.DELIVERY_STATES},
        last_delivery=_delivery_view(latest[0]) if latest else None,
        previous_secret_until=endpoint.previous_secret_until,
        created_at=endpoint.created_at,
    )


def list_webhooks(workspace: Workspace) -> list[WebhookView]:
    """Every endpoint, oldest first, with its queue's counts and last delivery."""
    with workspace.sessions() as session:
        counts = store.queue_counts(session)
        return [_view(session, endpoint, counts) for endpoint in store.list_endpoints(session)]


def get_webhook(workspace: Workspace, webhook_id: int) -> WebhookView:
    """One endpoint; FluenzrError naming it when there is none."""
    with workspace.sessions() as session:
        endpoint = store.get_endpoint(session, webhook_id)
        return _view(session, endpoint, store.queue_counts(session))


# --- Changes ------------------------------------------------------------------------------


def add_webhook(
    workspace: Workspace,
    url: str,
    event_types: Sequence[str] = (),
    campaign_ids: Sequence[int] = (),
    description: str | None = None,
) -> WebhookView:
    """A new endpoint with a fresh signing secret (Pro); nothing is kept if any step fails.

    The row is made disabled, its secret stored, then it is enabled: the engine never
    sees an endpoint it cannot sign for. An endpoint added while none is enabled starts the
    feed at the latest event (no replay of history).
    """
    from ..engine.webhook_feed import start_feed_at_latest

    require_webhooks_plan(workspace)
    url = check_url(url)
    types = validate_event_types(list(event_types))
    description = _check_description(description)
    with workspace.session() as session:
        campaigns = _check_campaigns(session, campaign_ids)
        first = not store.list_endpoints(session, enabled_only=True)
        webhook_id = store.add_endpoint(session, url, types, campaigns, description)
        store.disable_endpoint(session, webhook_id, SETTING_UP)
        if first:
            start_feed_at_latest(session)
    try:
        workspace.secret_store().set_secret(_secret_name(webhook_id), new_secret())
    except BaseException:
        with workspace.session() as session:
            store.remove_endpoint(session, webhook_id)
        raise
    with workspace.session() as session:
        store.enable_endpoint(session, webhook_id)
    return get_webhook(workspace, webhook_id)


def update_webhook(
    workspace: Workspace,
    webhook_id: int,
    *,
    url: str | None = None,
    event_types: Sequence[str] | None = None,
    campaign_ids: Sequence[int] | None = None,
    description: str | None = None,
) -> WebhookView:
    """Change an endpoint's URL, types, campaigns or description (None: unchanged; Pro)."""
    require_webhooks_plan(workspace)
    changes: dict[str, Any] = {}
    if url is not None:
        changes["url"] = check_url(url)
    if event_types is not None:
        changes["event_types"] = validate_event_types(list(event_types))
    if description is not None:
        changes["description"] = _check_description(description)
    with workspace.session() as session:
        store.get_endpoint(session, webhook_id)
        if campaign_ids is not None:
            changes["campaign_ids"] = _check_campaigns(session, campaign_ids)
        if changes:
            store.update_endpoint(session, webhook_id, **changes)
    return get_webhook(workspace, webhook_id)


def set_webhook_enabled(workspace: Workspace, webhook_id: int, enabled: bool) -> WebhookView:
    """Turn delivery to an endpoint on (Pro) or off (any plan); queued rows wait, not lost."""
    if enabled:
        require_webhooks_plan(workspace)
    from ..engine.webhook_feed import start_feed_at_latest

    with workspace.session() as session:
        store.get_endpoint(session, webhook_id)
        if enabled:
            if not store.list_endpoints(session, enabled_only=True):
                start_feed_at_latest(session)  # nobody listened meanwhile: no late replay
            store.enable_endpoint(session, webhook_id)
        else:
            store.disable_endpoint(session, webhook_id, DISABLED_BY_USER)
    return get_webhook(workspace, webhook_id)


def remove_webhook(workspace: Workspace, webhook_id: int) -> None:
    """Delete an endpoint, its delivery log and its secrets."""
    with workspace.session() as session:
        store.remove_endpoint(session, webhook_id)
    secrets = workspace.secret_store()
    try:
        secrets.delete_secret(_secret_name(webhook_id))
        secrets.delete_secret(_previous_secret_name(webhook_id))
    except FluenzrError as error:
        raise FluenzrError(
            f"webhook {webhook_id} removed, but its secret could not be forgotten: {error}"
        ) from None


# --- Secrets ------------------------------------------------------------------------------


def webhook_secret(workspace: Workspace, webhook_id: int) -> str:
    """An endpoint's signing secret (`whsec_…`), for the user to copy into the receiver."""
    with workspace.sessions() as session:
        store.get_endpoint(session, webhook_id)
    secret = workspace.secret_store().get_secret(_secret_name(webhook_id))
    if secret is None:
        raise FluenzrError(
            f"webhook {webhook_id} has no signing secret in the password store; "
            f"make one with `fluenzr webhook secret {webhook_id} --rotate`"
        )
    return secret


def rotate_webhook_secret(workspace: Workspace, webhook_id: int) -> str:
    """A new signing secret; the old one keeps signing too for `ROTATION_OVERLAP`.

    Order matters: the old secret is kept as the previous one and its deadline committed
    before the new one replaces it, so a failure half-way never leaves a delivery
    signed only with a secret the receiver does not know.
    """
    with workspace.sessions() as session:
        store.get_endpoint(session, webhook_id)
    secrets = workspace.secret_store()
    old = secrets.get_secret(_secret_name(webhook_id))
    new = new_secret()
    if old is not None:
        secrets.set_secret(_previous_secret_name(webhook_id), old)
        until = workspace.clock.now() + ROTATION_OVERLAP
    else:
        secrets.delete_secret(_previous_secret_name(webhook_id))
        until = None
    with workspace.session() as session:
        store.update_endpoint(session, webhook_id, previous_secret_until=until)
    secrets.set_secret(_secret_name(webhook_id), new)
    return new


# --- Deliveries ---------------------------------------------------------------------------


def test_webhook(workspace: Workspace, webhook_id: int) -> DeliveryView:
    """Send a `test.ping` to an endpoint now and return how it went (Pro).

    The row is queued already claimed (delivering) so the engine does not post it as
    well, then attempted once in this thread (up to the 15 s time-out).
    """
    from ..engine.webhook_delivery import attempt
    from ..engine.webhook_feed import ping_body

    require_webhooks_plan(workspace)
    now = workspace.clock.now()
    with workspace.session() as session:
        store.get_endpoint(session, webhook_id)
        delivery_id = store.enqueue(
            session, webhook_id, PING, ping_body(webhook_id, now), now, state=store.DELIVERING
        )
    delivery = attempt(
        workspace.sessions,
        workspace.clock,
        workspace.secret_store(),
        delivery_id,
        claimed=True,
    )
    return _delivery_view(delivery)


test_webhook.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def webhook_deliveries(
    workspace: Workspace, webhook_id: int, failed_only: bool = False, limit: int = 100
) -> list[DeliveryView]:
    """An endpoint's deliveries, newest first; `failed_only`: failed or retrying after an error."""
    if limit < 1:
        raise FluenzrError(f"limit must be at least 1, got {limit}")
    with workspace.sessions() as session:
        store.get_endpoint(session, webhook_id)
        rows = store.list_deliveries(session, webhook_id, failed_only=failed_only, limit=limit)
    return [_delivery_view(row) for row in rows]


def get_delivery(workspace: Workspace, delivery_id: int) -> DeliveryView:
    """One delivery; FluenzrError naming it when there is none."""
    with workspace.sessions() as session:
        return _delivery_view(store.get_delivery(session, delivery_id))


def redeliver(workspace: Workspace, delivery_id: int) -> DeliveryView:
    """Queue a delivery again, same `webhook-id` and body, behind its endpoint's queue (Pro)."""
    require_webhooks_plan(workspace)
    with workspace.session() as session:
        new_id = store.redeliver(session, delivery_id, workspace.clock.now())
    return get_delivery(workspace, new_id)


__all__ = [
    "EVENT_TYPES",
    "PING",
    "ROTATION_OVERLAP",
    "DeliveryView",
    "WebhookView",
    "add_webhook",
    "check_url",
    "get_delivery",
    "get_webhook",
    "list_webhooks",
    "redeliver",
    "remove_webhook",
    "require_webhooks_plan",
    "rotate_webhook_secret",
    "set_webhook_enabled",
    "test_webhook",
    "update_webhook",
    "webhook_deliveries",
    "webhook_secret",
]
