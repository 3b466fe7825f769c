"""Campaign operations on the database: create, list, status changes, enrollment, preview."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.contacts import normalise_email
from ..domain.errors import ActivationRefused, FluenzrError, NotEditable
from ..domain.plans import PlanRequired, activation_gate
from ..domain.preflight import (
    MissingValue,
    WorkspaceFacts,
    preflight,
    required_by_sequence,
    workspace_problems,
)
from ..domain.problems import Problem
from ..domain.states import (
    ACTIVE_STATE_VALUES,
    DELETABLE,
    SEQUENCE_EDITABLE,
    CampaignStatus,
    EnrollmentState,
    campaign_after_retry,
    campaign_verb_target,
    enrollment_retry,
)
from ..domain.templating import (
    contact_variables,
)
from ..domain.validation import validate
from ..domain.workflow import Workflow, parse_document
from .contacts import custom_columns
from .licence import plan_in_force
from .lookup import get_by_id
from .models import Account, Campaign, Contact, ContactTag, Enrollment
from .schema import now_of
from .settings import get_setting
from .suppressions import suppression_reasons

# The verbs that start a campaign sending: checked for problems and pre-flighted first.
STARTING_VERBS = ("activate", "resume")
# The campaigns that take new contacts (the window's enroll buttons ask the same set).
ENROLLABLE = frozenset({CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED})


def get_campaign(session: Session, campaign_id: int | str) -> Campaign:
    """The campaign with this id, or a FluenzrError naming the id."""
    return get_by_id(session, Campaign, campaign_id, "campaign")


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
    """Replace a campaign's document (a new revision); the account follows settings.account.

    Refused (FluenzrError, one line) when the sequence would change while the campaign
    runs or is over, or when it would remove a step where contacts are waiting.
    Settings alone may change in any status but archived.
    """
    workflow = parse_document(document)
    status = CampaignStatus(campaign.status)
    if status is CampaignStatus.ARCHIVED:
        raise NotEditable(f"campaign {campaign.id} is archived: it cannot change")
    old = workflow_of(campaign)
    if _graph(workflow) != _graph(old):
        _refuse_unless_editable(campaign, "its sequence")
        _refuse_removing_waiting_steps(session, campaign, workflow)
    campaign.account_id = _resolve_account(session, workflow, None)
    campaign.document = workflow.to_document()
    campaign.document_revision += 1
    return workflow


def _refuse_unless_editable(campaign: Campaign, what: str, option: str = "") -> None:
    """Only a draft or paused campaign changes its sequence or account (one line otherwise)."""
    status = CampaignStatus(campaign.status)
    if status not in SEQUENCE_EDITABLE:
        hint = " (pause it first)" if status is CampaignStatus.ACTIVE else ""
        raise NotEditable(
            f"{option}campaign {campaign.id} is {status.value}: {what} cannot change{hint}"
        )


def _graph(workflow: Workflow) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The part of a document that contacts walk through: nodes and links (not settings)."""
    return [n.to_dict() for n in workflow.nodes], [e.to_dict() for e in workflow.edges]


def _refuse_removing_waiting_steps(
    session: Session, campaign: Campaign, workflow: Workflow
) -> None:
    kept = {node.id for node in workflow.nodes}
    waiting = waiting_per_step(session, campaign.id)
    lost = {node: count for node, count in waiting.items() if node not in kept}
    if lost:
        where = ", ".join(f"{node} ({count})" for node, count in sorted(lost.items()))
        raise FluenzrError(
            f"campaign {campaign.id}: contacts are waiting at steps the new sequence removes: "
            f"{where}; keep those steps"
        )


def waiting_per_step(bind: Any, campaign_id: int) -> dict[str, int]:
    """Step id → how many contacts still on their way stand there (session or connection)."""
    rows = bind.execute(
        select(Enrollment.current_node, func.count())
        .where(
            Enrollment.campaign_id == campaign_id,
            Enrollment.state.in_(ACTIVE_STATE_VALUES),
            Enrollment.current_node.is_not(None),
        )
        .group_by(Enrollment.current_node)
    )
    return {node: count for node, count in rows}


def active_enrollment_count(session: Session, campaign_id: int) -> int:
    """How many of the campaign's contacts are still on their way (the ones it will mail)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Enrollment)
            .where(
                Enrollment.campaign_id == campaign_id,
                Enrollment.state.in_(ACTIVE_STATE_VALUES),
            )
        )
        or 0
    )


def update_campaign(
    session: Session,
    campaign: Campaign,
    *,
    name: str | None = None,
    account_id: int | None = None,
    document: Any = None,
) -> Campaign:
    """Rename, change the account (draft or paused) or replace the document (draft or paused)."""
    if name is not None:
        if not name.strip():
            raise FluenzrError("--name: a campaign needs a name")
        campaign.name = name.strip()
    if document is None and account_id is None:
        return campaign
    if account_id is not None:
        _refuse_unless_editable(campaign, "its account", option="--account: ")
    new_document = copy.deepcopy(document if document is not None else campaign.document)
    if account_id is None and document is not None and campaign.account_id is not None:
        # A document without an account keeps the campaign's.
        settings = new_document.get("settings") if isinstance(new_document, dict) else None
        if not isinstance(settings, dict) or "account" not in settings:
            account_id = campaign.account_id
    if account_id is not None:
        if not isinstance(new_document, dict):
            raise FluenzrError("document: expected a JSON object")
        settings = new_document.setdefault("settings", {})
        if not isinstance(settings, dict):
            raise FluenzrError("settings: expected an object")
        settings["account"] = account_id
    save_document(session, campaign, new_document)
    return campaign


def delete_campaign(session: Session, campaign: Campaign) -> None:
    """Delete a draft or archived campaign with its contacts' progress, messages and events."""
    status = CampaignStatus(campaign.status)
    if status not in DELETABLE:
        raise NotEditable(
            f"campaign {campaign.id} is {status.value}: only a draft or an archived campaign "
            "can be deleted (pause and archive it first)"
        )
    # The database's foreign keys take the enrollments, messages and events with it.
    session.execute(delete(Campaign).where(Campaign.id == campaign.id))
    session.expunge(campaign)


def retry_enrollments(
    session: Session, campaign: Campaign, *, emails: Iterable[str] = (), all_errors: bool = False
) -> tuple[list[str], list[dict[str, str]]]:
    """Put contacts in Error back where they stood; returns (retried, skipped with reasons).

    Each goes back to the step it failed at, due now; a completed campaign reopens. A
    contact on the suppression list (it bounced or unsubscribed) is not retried.
    """
    reopened = campaign_after_retry(campaign.status)
    statement = (
        select(Enrollment, Contact.email)
        .join(Contact, Contact.id == Enrollment.contact_id)
        .where(Enrollment.campaign_id == campaign.id)
        .order_by(Enrollment.id)
    )
    wanted = list(dict.fromkeys(normalise_email(email) for email in emails))
    if not all_errors:
        if not wanted:
            raise FluenzrError("name the contacts to retry (--email E) or use --all-errors")
        statement = statement.where(Contact.email.in_(wanted))
    else:
        statement = statement.where(Enrollment.state == EnrollmentState.ERROR.value)
    found = list(session.execute(statement))
    skipped = [
        {"email": email, "reason": "not in this campaign"}
        for email in wanted
        if email not in {row.email for row in found}
    ]
    suppressed = suppression_reasons(session, [row.email for row in found])
    now = now_of(session)
    retried: list[str] = []
    for enrollment, email in found:
        if enrollment.state != EnrollmentState.ERROR.value:
            skipped.append({"email": email, "reason": f"not in error ({enrollment.state})"})
        elif email in suppressed:
            skipped.append({"email": email, "reason": suppressed[email]})
        else:
            enrollment.state = enrollment_retry(
                enrollment.state, enrollment.current_node is not None
            ).value
            enrollment.last_error = None
            enrollment.next_action_at = now
            retried.append(email)
    if retried and reopened.value != campaign.status:
        campaign.status = reopened.value
        campaign.status_reason = None
    return retried, skipped


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


def account_signature(session: Session, campaign: Campaign) -> str | None:
    """The signature of the campaign's sending account (None without an account)."""
    if campaign.account_id is None:
        return None
    account = session.get(Account, campaign.account_id)
    return account.signature if account else None


def enrollment_rows(
    session: Session, campaign_id: int, state: str | None = None
) -> list[tuple[str, str, str | None, datetime | None, str | None]]:
    """(email, state, current node, next action, last error) of a campaign's contacts.

    In enrollment order, only those in `state` when one is given; plain tuples (five
    columns, no ORM objects), so a table of many contacts loads quickly.
    """
    statement = (
        select(
            Contact.email,
            Enrollment.state,
            Enrollment.current_node,
            Enrollment.next_action_at,
            Enrollment.last_error,
        )
        .join(Contact, Contact.id == Enrollment.contact_id)
        .where(Enrollment.campaign_id == campaign_id)
        .order_by(Enrollment.id)
    )
    if state is not None:
        statement = statement.where(Enrollment.state == state)
    return [tuple(row) for row in session.execute(statement)]


def workspace_facts(session: Session) -> WorkspaceFacts:
    """The accounts and custom fields of the workspace, for validation."""
    return WorkspaceFacts(
        account_ids=frozenset(session.scalars(select(Account.id))),
        custom_fields=frozenset(custom_columns(session)),
        has_relay=bool(get_setting(session, "tracking_relay_url")),
    )


def campaign_problems(session: Session, campaign: Campaign) -> list[Problem]:
    """Every problem of a campaign: its sequence's, then those the workspace causes."""
    workflow = workflow_of(campaign)
    return validate(workflow) + workspace_problems(workflow, workspace_facts(session))


def activation_preflight(session: Session, campaign: Campaign) -> tuple[int, list[MissingValue]]:
    """(contacts still to go, the variables some of them lack) before activating or resuming.

    A contact whose email would print such a variable empty is not sent that email: the
    engine moves it to Error ("missing value: company").
    """
    workflow = workflow_of(campaign)
    if not required_by_sequence(workflow):
        return 0, []
    signature = account_signature(session, campaign)
    rows = session.execute(
        select(*_VARIABLE_COLUMNS)
        .join(Enrollment, Enrollment.contact_id == Contact.id)
        .where(
            Enrollment.campaign_id == campaign.id,
            Enrollment.state.in_(ACTIVE_STATE_VALUES),
        )
        .execution_options(yield_per=5000)
    )
    contacts = (
        (row.email, contact_variables(**row._asdict(), signature=signature)) for row in rows
    )
    return preflight(workflow, contacts)


# The contact columns templates read (`domain.templating.contact_variables`).
_VARIABLE_COLUMNS = (
    Contact.email,
    Contact.first_name,
    Contact.last_name,
    Contact.company,
    Contact.title,
    Contact.phone,
    Contact.custom_fields,
)


def refuse_problems(session: Session, campaign: Campaign, verb: str) -> None:
    """Refuse a verb the state machine forbids (IllegalTransition), or starting a campaign
    that has problems (ActivationRefused: its sequence's or the workspace's, such as no
    account or an unknown variable), each in one line."""
    campaign_verb_target(campaign.status, verb)
    if verb not in STARTING_VERBS:
        return
    problems = [p for p in campaign_problems(session, campaign) if p.severity == "error"]
    if problems:
        done = "activated" if verb == "activate" else "resumed"
        what = str(problems[0]) if len(problems) == 1 else f"{len(problems)} problems to fix"
        raise ActivationRefused(f"campaign {campaign.id} cannot be {done}: {what}", problems)
    # Drafting is never gated by the plan; starting is (domain.plans).
    plan = plan_in_force(session, now_of(session).date())
    gate = activation_gate(workflow_of(campaign), plan.plan, plan.features)
    if gate is not None:
        raise PlanRequired(gate)


def change_status(
    session: Session, campaign: Campaign, verb: str, *, checked: bool = False
) -> CampaignStatus:
    """Apply activate / pause / resume / archive, following the state machine.

    Starting (activate, resume) runs `refuse_problems` first, unless the caller just did
    (`checked`, between it and its pre-flight). Contacts waiting in a draft start at the
    engine's next tick once activated.
    """
    target = campaign_verb_target(campaign.status, verb)
    if not checked:
        refuse_problems(session, campaign, verb)
    if verb in STARTING_VERBS:
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
    if status not in ENROLLABLE:
        raise NotEditable(f"campaign {campaign.id} is {status.value}: it takes no new contacts")
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
