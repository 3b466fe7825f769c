"""Enrolling contacts in a campaign: the one way the window and the command line do it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..store.campaigns import ENROLLABLE, contacts_for_enrollment, enroll, get_campaign
from ..store.contacts import contact_dict
from ..store.models import Campaign, Contact, Enrollment
from ..store.suppressions import cause_of
from ..workspace import Workspace
from . import Changes

# The reason given for an address that is no contact of the workspace.
NO_SUCH_CONTACT = "no such contact"

ENROLLED = Changes(enrollments=True, campaigns=True)


@dataclass(frozen=True)
class EnrollOutcome:
    """How many contacts joined, who was skipped and why (unknown addresses first)."""

    enrolled: int
    skipped: list[dict[str, str]] = field(default_factory=list)
    changes: Changes = ENROLLED

    @property
    def skipped_by_cause(self) -> dict[str, int]:
        """Skipped contacts counted by cause (unsubscribed, bounced, already…), most first."""
        return dict(Counter(cause_of(entry["reason"]) for entry in self.skipped).most_common())


def enroll_contacts(
    workspace: Workspace,
    campaign_id: int | str,
    *,
    everyone: bool = False,
    tag: str | None = None,
    emails: Iterable[str] = (),
    ids: Iterable[int] = (),
) -> EnrollOutcome:
    """Add everyone, a tag's contacts, addresses or ids to a campaign, in one commit.

    Suppressed contacts and contacts already in the campaign are skipped with a reason;
    an address that is no contact is skipped as "no such contact". A campaign that takes
    no new contacts (completed, archived) is refused with a FluenzrError.
    """
    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        contacts, unknown = contacts_for_enrollment(
            session, everyone=everyone, tag=tag, emails=emails, ids=ids
        )
        enrolled, skipped = enroll(session, campaign, contacts)
    missing = [{"email": email, "reason": NO_SUCH_CONTACT} for email in unknown]
    return EnrollOutcome(enrolled, missing + skipped)


def enrollable_campaigns(workspace: Workspace) -> list[tuple[int, str]]:
    """(id, name) of the campaigns that take new contacts, oldest first."""
    statuses = [status.value for status in ENROLLABLE]
    with workspace.sessions() as session:
        rows = session.execute(
            select(Campaign.id, Campaign.name)
            .where(Campaign.status.in_(statuses))
            .order_by(Campaign.id)
        )
        return [(campaign_id, name) for campaign_id, name in rows]


@dataclass(frozen=True)
class EnrollmentView:
    """One contact in a campaign with its ids and fields: a row of the API's enrollment list."""

    id: int
    contact: dict[str, Any]  # id, the standard fields, custom_fields, tags
    state: str
    current_node: str | None
    next_action_at: datetime | None  # naive UTC, as stored
    last_error: str | None
    created_at: datetime  # naive UTC, as stored


def enrollment_page(
    workspace: Workspace,
    campaign_id: int | str,
    *,
    state: str | None = None,
    after_id: int = 0,
    limit: int = 50,
) -> list[EnrollmentView]:
    """Up to `limit` enrollments of a campaign after `after_id`, in id order (one state or all).

    Keyed on the enrollment id, so a client paging through a campaign whose contacts move
    between states never sees one twice nor skips one that stayed.
    """
    with workspace.sessions() as session:
        campaign = get_campaign(session, campaign_id)
        statement = (
            select(Enrollment, Contact)
            .join(Contact, Contact.id == Enrollment.contact_id)
            .where(Enrollment.campaign_id == campaign.id, Enrollment.id > after_id)
            .order_by(Enrollment.id)
            .limit(limit)
            .options(selectinload(Contact.tags))
        )
        if state is not None:
            statement = statement.where(Enrollment.state == state)
        return [
            EnrollmentView(
                enrollment.id,
                {"id": contact.id, **contact_dict(contact)},
                enrollment.state,
                enrollment.current_node,
                enrollment.next_action_at,
                enrollment.last_error,
                enrollment.created_at,
            )
            for enrollment, contact in session.execute(statement)
        ]
