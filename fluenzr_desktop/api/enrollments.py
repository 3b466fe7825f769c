"""`/v1/campaigns/{id}/enrollments`: add contacts to a campaign, and list where they stand.

Enrolling goes through `ops.enrollments.enroll_contacts`, as the window and
`fluenzr campaign enroll` do: suppressed contacts and those already in are skipped with a
reason, and every address or id that is no contact is reported, never dropped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field, model_validator

from ..domain.states import EnrollmentState
from ..ops.contacts import table_rows
from ..ops.enrollments import NO_SUCH_CONTACT, EnrollOutcome, enroll_contacts, enrollment_page
from .campaigns import CampaignId
from .deps import WorkspaceDep
from .models import ContactFields, utc
from .pages import MAX_ROW_ID, Cursor, Limit, Page, decode_cursor, page_of
from .problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["enrollments"], responses=PROBLEM_RESPONSES)

# Contacts named in one request; a tag reaches any number of them.
MAX_NAMED = 1000
# Ids looked up per query (SQLite's bound-parameter limit is 999 on older builds).
_LOOKUP_CHUNK = 500
ContactId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
Address = Annotated[str, Field(min_length=1, max_length=320)]


class EnrollRequest(BaseModel):
    """Which contacts to enroll: exactly one of `contact_ids`, `tag` or `emails`."""

    contact_ids: list[ContactId] | None = Field(
        default=None, min_length=1, max_length=MAX_NAMED, description="Contacts by id."
    )
    tag: str | None = Field(
        default=None, min_length=1, max_length=200, description="Every contact with this tag."
    )
    emails: list[Address] | None = Field(
        default=None, min_length=1, max_length=MAX_NAMED, description="Contacts by address."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> EnrollRequest:
        given = [value for value in (self.contact_ids, self.tag, self.emails) if value is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of contact_ids, tag or emails")
        return self


class Skipped(BaseModel):
    """A contact not enrolled, and why."""

    email: str | None = Field(description="The address (null for an unknown id).")
    contact_id: int | None = Field(default=None, description="The id asked for, if unknown.")
    reason: str = Field(description='e.g. "already in this campaign", "no such contact".')


class EnrollResult(BaseModel):
    """How many contacts joined and who was skipped, with counts per cause."""

    enrolled: int
    skipped: list[Skipped]
    skipped_by: dict[str, int] = Field(
        description="Skipped contacts per cause (already in, unsubscribed, bounced, "
        "no such contact…), most first."
    )


class EnrolledContact(ContactFields):
    """The contact of an enrollment."""


class Enrollment(BaseModel):
    """One contact in the campaign and where it stands."""

    id: int
    contact: EnrolledContact
    state: EnrollmentState
    current_step: str | None = Field(description="The id of the node the contact stands at.")
    next_action_at: datetime | None = Field(description="When the engine moves it on (UTC).")
    last_error: str | None
    enrolled_at: datetime


def _unknown_ids(workspace, ids: list[int]) -> list[int]:
    """The ids among `ids` that are no contact, in the order given."""
    wanted = list(dict.fromkeys(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        found.update(table_rows(workspace, wanted[start : start + _LOOKUP_CHUNK]))
    return [contact_id for contact_id in wanted if contact_id not in found]


@router.post("/campaigns/{campaign_id}/enrollments", response_model=EnrollResult)
def enroll(workspace: WorkspaceDep, campaign_id: CampaignId, body: EnrollRequest) -> EnrollResult:
    """Add contacts (by ids, a tag or addresses) to a draft, active or paused campaign."""
    unknown = _unknown_ids(workspace, body.contact_ids) if body.contact_ids else []
    outcome = enroll_contacts(
        workspace,
        campaign_id,
        tag=body.tag,
        emails=body.emails or (),
        ids=body.contact_ids or (),
    )
    missing = [{"email": None, "contact_id": key, "reason": NO_SUCH_CONTACT} for key in unknown]
    counted = EnrollOutcome(outcome.enrolled, missing + outcome.skipped)
    return EnrollResult(
        enrolled=counted.enrolled,
        skipped=[Skipped(**entry) for entry in counted.skipped],
        skipped_by=counted.skipped_by_cause,
    )


@router.get("/campaigns/{campaign_id}/enrollments", response_model=Page[Enrollment])
def list_enrollments(
    workspace: WorkspaceDep,
    campaign_id: CampaignId,
    state: Annotated[EnrollmentState | None, Query(description="Only this state.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[Enrollment]:
    """The campaign's contacts in enrollment order, a page at a time (one state or all)."""
    views = enrollment_page(
        workspace,
        campaign_id,
        state=state.value if state is not None else None,
        after_id=decode_cursor(cursor),
        limit=limit + 1,
    )
    items = [
        Enrollment(
            id=view.id,
            contact=EnrolledContact(**view.contact),
            state=view.state,
            current_step=view.current_node,
            next_action_at=utc(view.next_action_at),
            last_error=view.last_error,
            enrolled_at=utc(view.created_at),
        )
        for view in views
    ]
    return page_of(items, [view.id for view in views], limit)
