"""`/v1/webhooks`: endpoints (add, list, get, change, remove), test pings, the delivery log,
redelivery and signing secrets — the same operations as `fluenzr webhook` and Settings."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from ..ops import webhooks as ops
from .deps import WorkspaceDep
from .models import Delivery, Secret, Webhook, WebhookCreated, WebhookIn, WebhookPatch
from .pages import Page, RowId
from .problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["webhooks"], responses=PROBLEM_RESPONSES)


def _webhook(view: ops.WebhookView) -> dict[str, Any]:
    return view.to_dict()


@router.get("/webhooks", summary="List webhook endpoints")
def list_webhooks(workspace: WorkspaceDep) -> Page[Webhook]:
    """Every endpoint (there are few: one page, `next_cursor` null)."""
    return Page(items=[_webhook(view) for view in ops.list_webhooks(workspace)], next_cursor=None)


@router.post("/webhooks", status_code=201, summary="Add a webhook endpoint")
def add_webhook(workspace: WorkspaceDep, webhook: WebhookIn) -> WebhookCreated:
    """A new endpoint; the answer carries its signing secret (also at `/secret`)."""
    view = ops.add_webhook(
        workspace, webhook.url, webhook.event_types, webhook.campaign_ids, webhook.description
    )
    return WebhookCreated(**_webhook(view), secret=ops.webhook_secret(workspace, view.id))


@router.get("/webhooks/{webhook_id}", summary="Get a webhook endpoint")
def get_webhook(workspace: WorkspaceDep, webhook_id: RowId) -> Webhook:
    """One endpoint, with its queue's counts and last delivery."""
    return Webhook(**_webhook(ops.get_webhook(workspace, webhook_id)))


@router.patch("/webhooks/{webhook_id}", summary="Change a webhook endpoint")
def update_webhook(workspace: WorkspaceDep, webhook_id: RowId, patch: WebhookPatch) -> Webhook:
    """Change the fields given; `enabled` switches delivery on or off (queued rows wait)."""
    ops.get_webhook(workspace, webhook_id)
    given = patch.model_dump(exclude_unset=True)
    changes = {key: given.get(key) for key in ("url", "event_types", "campaign_ids", "description")}
    if any(value is not None for value in changes.values()):
        ops.update_webhook(workspace, webhook_id, **changes)
    if given.get("enabled") is not None:
        ops.set_webhook_enabled(workspace, webhook_id, given["enabled"])
    return Webhook(**_webhook(ops.get_webhook(workspace, webhook_id)))


@router.delete(
    "/webhooks/{webhook_id}",
    status_code=204,
    summary="Remove a webhook endpoint",
    response_class=Response,
)
def remove_webhook(workspace: WorkspaceDep, webhook_id: RowId) -> Response:
    """Remove an endpoint, its queue and its secrets."""
    ops.remove_webhook(workspace, webhook_id)
    return Response(status_code=204)


@router.post("/webhooks/{webhook_id}/test", summary="Send a test.ping now")
def test_webhook(workspace: WorkspaceDep, webhook_id: RowId) -> Delivery:
    """Post a signed `test.ping` to the endpoint at once (waits up to 15 s) and show the outcome."""
    return Delivery(**ops.test_webhook(workspace, webhook_id).to_dict())


@router.get("/webhooks/{webhook_id}/deliveries", summary="An endpoint's delivery log")
def deliveries(
    workspace: WorkspaceDep,
    webhook_id: RowId,
    failed: Annotated[bool, Query(description="Only failed deliveries, or retrying ones.")] = False,
    limit: Annotated[int, Query(ge=1, le=500, description="How many, newest first.")] = 100,
) -> Page[Delivery]:
    """The newest deliveries first (one page, `next_cursor` null)."""
    rows = ops.webhook_deliveries(workspace, webhook_id, failed_only=failed, limit=limit)
    return Page(items=[row.to_dict() for row in rows], next_cursor=None)


@router.post(
    "/deliveries/{delivery_id}/redeliver", status_code=201, summary="Deliver an event again"
)
def redeliver(workspace: WorkspaceDep, delivery_id: RowId) -> Delivery:
    """Queue the delivery again: same `webhook-id` and body, behind its endpoint's queue."""
    return Delivery(**ops.redeliver(workspace, delivery_id).to_dict())


@router.get("/webhooks/{webhook_id}/secret", summary="An endpoint's signing secret")
def secret(workspace: WorkspaceDep, webhook_id: RowId) -> Secret:
    """The `whsec_…` secret that signs what the endpoint receives."""
    return Secret(secret=ops.webhook_secret(workspace, webhook_id))


@router.post("/webhooks/{webhook_id}/rotate-secret", summary="Rotate an endpoint's secret")
def rotate_secret(workspace: WorkspaceDep, webhook_id: RowId) -> Secret:
    """A new secret; the old one still signs for 24 hours (both signatures are sent)."""
    return Secret(secret=ops.rotate_webhook_secret(workspace, webhook_id))
