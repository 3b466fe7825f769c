"""Campaign operations on the database: create, list, status changes, enrollment, preview."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..domain.contacts import normalise_email
from ..domain.errors import ActivationRefused, FluenzrError
from ..domain.states import (
    CampaignStatus,
    EnrollmentState,
    campaign_verb_target,
)
from ..domain.subjects import possible_subjects
from ..domain.templating import missing_variables, render
from ..domain.workflow import Workflow, activation_problems, parse_document
from .contacts import template_variables
from .models import Account, Campaign, Contact, ContactTag, Enrollment
from .schema import now_of
from .suppressions import suppression_reasons

# Campaigns that can still take new contacts.
_ENROLLABLE = {CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED}


def get_campaign(session: Session, campaign_id: int | str) -> Campaign:
    """The campaign with this id, or a FluenzrError naming the id."""
    try:
        key = int(campaign_id)
    except (TypeError, ValueError):
        raise FluenzrError(f"campaign id must be a number, got {campaign_id!r}") from None
    campaign = session.get(Campaign, key)
    if campaign is None:
        raise FluenzrError(f"no campaign with id {key}")
    return campaign


def _resolve_account(session: Session, workflow: Workflow, account_id: int | None) -> int | None:
    chosen = account_id if account_id is not None else workflow.settings.get("account")
    if chosen is None:
        return None
    if isinstance(chosen, bool) or not isinstance(chosen, int):
        raise FluenzrError(f"settings.account: expected an account id, got {chosen!r}")
    if session.get(Account, chosen) is None:
        raise FluenzrError(f"settings.account: no account with id {chosen}")
    return chosen


def create_campaign(
    session: Session, name: str, document: Any, account_id: int | None = None
) -> Campaign:
    """Store a new draft campaign; the document must load (it may still have problems)."""
    if not name or not name.strip():
        raise FluenzrError("--name: a campaign needs a name")
    workflow = parse_document(document)
    resolved = _resolve_account(session, workflow, account_id)
    stored = workflow.to_document()
    if resolved is not None:
        stored.setdefault("settings", {})["account"] = resolved
    campaign = Campaign(
        name=name.strip(),
        status=CampaignStatus.DRAFT.value,
        account_id=resolved,
        document=stored,
    )
    session.add(campaign)
    session.flush()
    return campaign


def save_document(session: Session, campaign: Campaign, document: Any) -> Workflow:
    """Replace a campaign's document (a new revision); the account follows settings.account."""
    workflow = parse_document(document)
    campaign.account_id = _resolve_account(session, workflow, None)
    campaign.document = workflow.to_document()
    campaign.document_revision += 1
    return workflow


def workflow_of(campaign: Campaign) -> Workflow:
    """The campaign's document, loaded."""
    return parse_document(campaign.document)


def state_counts(session: Session, campaign_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """For each campaign, the number of enrollments in every state (zeros included)."""
    ids = list(campaign_ids)
    counts = {cid: {state.value: 0 for state in EnrollmentState} for cid in ids}
    if not ids:
        return counts
    rows = session.execute(
        select(Enrollment.campaign_id, Enrollment.state, func.count())
        .where(Enrollment.campaign_id.in_(ids))
        .group_by(Enrollment.campaign_id, Enrollment.state)
    )
    for campaign_id, state, count in rows:
        counts[campaign_id][state] = count
    return counts


def list_campaigns(session: Session) -> list[Campaign]:
    """Every campaign, oldest first."""
    return list(session.scalars(select(Campaign).order_by(Campaign.id)))


def campaign_summary(campaign: Campaign, counts: dict[str, int]) -> dict[str, Any]:
    """A campaign as plain data for listings."""
    return {
        "id": campaign.id,
        "name": campaign.name,
        "status": campaign.status,
        "status_reason": campaign.status_reason,
        "account": campaign.account_id,
        "enrollments": sum(counts.values()),
        "counts": counts,
    }


def change_status(session: Session, campaign: Campaign, verb: str) -> CampaignStatus:
    """Apply activate / pause / resume / archive, following the state machine.

    Activation is refused with ActivationRefused when the document has problems.
    Contacts waiting in a draft start at the engine's next tick once activated.
    """
    current = CampaignStatus(campaign.status)
    target = campaign_verb_target(current, verb)
    if verb == "activate":
        problems = activation_problems(workflow_of(campaign))
        if problems:
            count = len(problems)
            raise ActivationRefused(
                f"campaign {campaign.id} cannot be activated: {count} "
                f"problem{'s' if count != 1 else ''} in its sequence",
                problems,
            )
        session.execute(
            update(Enrollment)
            .where(
                Enrollment.campaign_id == campaign.id,
                Enrollment.state == EnrollmentState.ADDED.value,
                Enrollment.next_action_at.is_(None),
            )
            .values(next_action_at=now_of(session))
        )
    campaign.status = target.value
    campaign.status_reason = None
    return target


def enroll(
    session: Session, campaign: Campaign, contacts: Iterable[Any]
) -> tuple[int, list[dict[str, str]]]:
    """Add contacts to a campaign; returns (enrolled, skipped with reasons).

    Suppressed addresses and contacts already in the campaign are skipped. In an
    active campaign new contacts are due at once (the engine's next tick).
    """
    status = CampaignStatus(campaign.status)
    if status not in _ENROLLABLE:
        raise FluenzrError(f"campaign {campaign.id} is {status.value}: it takes no new contacts")
    contact_list = list(contacts)
    already = set(
        session.scalars(select(Enrollment.contact_id).where(Enrollment.campaign_id == campaign.id))
    )
    suppressed = suppression_reasons(session, [contact.email for contact in contact_list])
    now = now_of(session)
    due = now if status is not CampaignStatus.DRAFT else None
    skipped: list[dict[str, str]] = []
    rows: list[dict[str, Any]] = []
    for contact in contact_list:
        if contact.id in already:
            skipped.append({"email": contact.email, "reason": "already in this campaign"})
        elif contact.email in suppressed:
            skipped.append({"email": contact.email, "reason": suppressed[contact.email]})
        else:
            already.add(contact.id)
            rows.append(
                {
                    "campaign_id": campaign.id,
                    "contact_id": contact.id,
                    "state": EnrollmentState.ADDED.value,
                    "next_action_at": due,
                }
            )
    if rows:
        session.execute(
            Enrollment.__table__.insert(),
            [{**row, "variants": {}, "created_at": now, "updated_at": now} for row in rows],
        )
    return len(rows), skipped


# Addresses per lookup query (SQLite's bound-parameter limit is 999 on older builds).
_LOOKUP_CHUNK = 500


def contacts_for_enrollment(
    session: Session,
    *,
    everyone: bool = False,
    tag: str | None = None,
    emails: Iterable[str] = (),
    ids: Iterable[int] = (),
) -> tuple[list[Any], list[str]]:
    """(rows with .id and .email, addresses not found) for all, a tag, addresses or ids.

    Only ids and addresses are read: enrolling a million contacts needs nothing more.
    """
    columns = select(Contact.id, Contact.email).order_by(Contact.id)
    if everyone:
        return list(session.execute(columns)), []
    if tag is not None:
        tagged = select(ContactTag.contact_id).where(ContactTag.tag == tag)
        return list(session.execute(columns.where(Contact.id.in_(tagged)))), []
    id_list = list(dict.fromkeys(ids))
    rows: list[Any] = []
    for start in range(0, len(id_list), _LOOKUP_CHUNK):
        chunk = id_list[start : start + _LOOKUP_CHUNK]
        rows += session.execute(columns.where(Contact.id.in_(chunk)))
    wanted = list(dict.fromkeys(normalise_email(email) for email in emails))
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[start : start + _LOOKUP_CHUNK]
        for row in session.execute(columns.where(Contact.email.in_(chunk))):
            found[row.email] = row
    rows += [found[email] for email in wanted if email in found]
    return rows, [email for email in wanted if email not in found]


def preview(session: Session, campaign: Campaign, contact: Contact) -> list[dict[str, Any]]:
    """Every email node rendered for one contact, with the variables it lacks.

    An empty subject shows what the engine sends (`domain.subjects`); where paths merge
    and the earlier subject depends on the path, `subjects` lists each possibility.
    """
    workflow = workflow_of(campaign)
    signature = None
    if campaign.account_id is not None:
        account = session.get(Account, campaign.account_id)
        signature = account.signature if account else None
    variables = template_variables(contact, signature)
    own_subjects: dict[str, str] = {}
    results: list[dict[str, Any]] = []
    for node in workflow.email_nodes():
        subject_source = str(node.props.get("subject") or "")
        body_source = str(node.props.get("body") or "")
        entry: dict[str, Any] = {"node": node.id}
        try:
            own_subjects[node.id] = render(subject_source, variables, html=False)
            entry["body"] = render(body_source, variables)
        except FluenzrError as error:
            entry["error"] = str(error)
        entry["missing"] = missing_variables([subject_source, body_source], variables)
        results.append(entry)
    for entry in results:
        subjects = possible_subjects(workflow, entry["node"], own_subjects)
        entry["subject"] = subjects[0] if subjects else ""
        if len(subjects) > 1:
            entry["subjects"] = subjects
    keys = ("node", "subject", "subjects", "body", "missing", "error")
    return [{key: entry[key] for key in keys if key in entry} for entry in results]
