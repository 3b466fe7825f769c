"""`/v1/events`: what happened, in order, after a cursor (poll it to follow a workspace)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ..ops.events import list_events
from .deps import WorkspaceDep
from .models import Event, utc
from .pages import DEFAULT_LIMIT, MAX_ROW_ID, Cursor, Limit, decode_cursor, encode_cursor
from .problems import PROBLEM_RESPONSES


class EventPage(BaseModel):
    """A page of events; unlike other lists, its cursor is kept even on the last page."""

    items: list[Event]
    next_cursor: str | None = Field(
        description="Where to resume: pass it as `after` now (if has_more) or later to get "
        "newer events; null only while the workspace has no event after the one asked."
    )
    has_more: bool = Field(description="Whether more events are there already.")


router = APIRouter(prefix="/v1", tags=["events"], responses=PROBLEM_RESPONSES)


@router.get("/events", summary="Events after a cursor, oldest first")
def events(
    workspace: WorkspaceDep,
    after: Annotated[
        Cursor,
        Query(description="The `next_cursor` of the previous page; absent: from the first event."),
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    campaign_id: Annotated[
        int | None, Query(ge=1, le=MAX_ROW_ID, description="Only this campaign's events.")
    ] = None,
    kind: Annotated[
        list[str] | None,
        Query(max_length=50, description="Only these kinds (repeat the parameter)."),
    ] = None,
) -> EventPage:
    """A page of events in id order. To follow a workspace, keep passing `next_cursor`."""
    after_id = decode_cursor(after)
    found = list_events(workspace, after_id, limit + 1, campaign_id, kind)
    shown = found[:limit]
    items = [Event(**{**vars(event), "occurred_at": utc(event.occurred_at)}) for event in shown]
    last = shown[-1].id if shown else after_id
    return EventPage(
        items=items,
        next_cursor=encode_cursor(last) if last else None,
        has_more=len(found) > limit,
    )
