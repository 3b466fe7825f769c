"""Campaign use cases: one function per user action, for the window and `fluenzr campaign`.

Create, duplicate, rename or update, delete, save the sequence or the settings, change
status (activate / pause / resume / archive), retry contacts in error, preview, and the
reads the screens and the listings need. Writes return (or carry) the `Changes` they made.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from ..domain.errors import FluenzrError
from ..domain.preflight import MissingValue
from ..domain.problems import Problem
from ..domain.schedule import SendingWindow, to_local
from ..domain.states import SEQUENCE_EDITABLE
from ..domain.workflow import new_document, new_node_id
from ..store import campaigns as store
from ..store import previews
from ..store.accounts import list_accounts
from ..store.campaigns import ENROLLABLE as ENROLLABLE  # the statuses that take contacts
from ..store.campaigns import STARTING_VERBS
from ..store.contacts import all_tags, find_contact
from ..store.models import Campaign
from ..workspace import Workspace
from . import NOTHING, Changes
from .settings import campaign_defaults

SAVED = Changes(campaigns=True)
# A status change also moves contacts (activating makes waiting ones due).
MOVED = Changes(campaigns=True, enrollments=True)
# Deleting takes the campaign's contacts' progress, messages and events with it.
DELETED = Changes(campaigns=True, enrollments=True, outbox=True)


@dataclass(frozen=True)
class CampaignCheck:
    """A campaign's id and every problem activation would look at (warnings included)."""

    id: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that refuse activation."""
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems reported without blocking anything."""
        return [problem for problem in self.problems if problem.severity != "error"]


@dataclass(frozen=True)
class CampaignSaved(CampaignCheck):
    """A campaign created or changed: its problems now and its sending account."""

    account: int | None = None
    changes: Changes = SAVED


@dataclass(frozen=True)
class SettingsSaved:
    """The settings as stored after a save (unknown keys kept)."""

    settings: dict[str, Any]
    changes: Changes = SAVED


@dataclass(frozen=True)
class StatusOutcome:
    """After a status verb: the campaign's status, or the values contacts lack.

    When some contacts lack a value the emails print and the caller did not confirm,
    nothing changed (`needs_confirmation`): `lacking` says which values, out of `total`.
    """

    id: int
    name: str
    status: str
    status_reason: str | None
    total: int = 0
    lacking: list[MissingValue] = field(default_factory=list)
    needs_confirmation: bool = False

    @property
    def changes(self) -> Changes:
        """What moved: nothing while the user is still asked."""
        return NOTHING if self.needs_confirmation else MOVED


@dataclass(frozen=True)
class ActivationSummary:
    """What activating a campaign will do, for the one question asked before it starts.

    `contacts`: enrolled contacts still on their way (the ones it will mail);
    `first_send`: the next opening of the sending window from the workspace clock's now,
    aware, in the campaign's zone (`timezone` names it); `lacking`: the pre-flight counts
    of contacts missing a value the emails print, out of `total`.
    """

    id: int
    name: str
    contacts: int
    first_send: datetime
    timezone: str
    daily_cap: int
    total: int = 0
    lacking: list[MissingValue] = field(default_factory=list)


@dataclass(frozen=True)
class RetryOutcome:
    """Contacts put back in the sequence, those skipped (with a reason), the status now."""

    retried: list[str]
    skipped: list[dict[str, str]]
    status: str

    @property
    def changes(self) -> Changes:
        """A retry moves contacts (and may reopen a completed campaign)."""
        return MOVED if self.retried else NOTHING


class EnrollmentRow(NamedTuple):
    """One contact in a campaign, as the Contacts tab and `campaign contacts` list it."""

    email: str
    state: str
    current_node: str | None
    next_action_at: datetime | None  # naive UTC, as stored
    last_error: str | None


@dataclass(frozen=True)
class CampaignScreen:
    """What the campaign screen shows on opening: header, document and account choices."""

    name: str
    status: str
    status_reason: str | None
    document: dict[str, Any]
    accounts: list[tuple[int, str, str]]


def merged_document(stored: dict[str, Any], changed: dict[str, Any], part: str) -> dict[str, Any]:
    """`stored` with only its settings (part="settings") or its graph (part="sequence") replaced.

    Each part has its own editor (the settings form, the canvas): saving one never undoes
    a save of the other.
    """
    if part == "settings":
        document = copy.deepcopy(stored)
        document["settings"] = copy.deepcopy(changed["settings"])
        return document
    document = copy.deepcopy(changed)
    if "settings" in stored:
        document["settings"] = copy.deepcopy(stored["settings"])
    else:
        document.pop("settings", None)
    return document


# -- writes ------------------------------------------------------------------------------------


def new_campaign_document(workspace: Workspace) -> dict[str, Any]:
    """Start → End with the workspace's defaults for new campaigns (zone, sending window)."""
    document = new_document()
    document.setdefault("settings", {}).update(campaign_defaults(workspace))
    return document


def starter_document(workspace: Workspace) -> dict[str, Any]:
    """A fresh draft (the workspace's defaults) with one Email step between Start and End."""
    document = new_campaign_document(workspace)
    start, end = (node["id"] for node in document["nodes"])
    email = {"id": new_node_id(), "type": "email", "subject": "", "body": "", "position": [0, 120]}
    document["nodes"].insert(1, email)
    document["nodes"][-1]["position"] = [0, 240]
    document["edges"] = [{"from": start, "to": email["id"]}, {"from": email["id"], "to": end}]
    return document


def create_campaign(
    workspace: Workspace, name: str, document: Any = None, account_id: int | None = None
) -> CampaignSaved:
    """A new draft (Start → End when no document is given); it may still have problems.

    Without a chosen account (the argument or the document's settings.account), a
    workspace with exactly one account sends through it.
    """
    document = document if document is not None else new_campaign_document(workspace)
    with workspace.session() as session:
        if account_id is None and not _chooses_account(document):
            accounts = list_accounts(session)
            account_id = accounts[0].id if len(accounts) == 1 else None
        campaign = store.create_campaign(session, name, document, account_id)
        return _saved(session, campaign)


def _chooses_account(document: Any) -> bool:
    """Whether a document names its sending account (settings.account set)."""
    settings = document.get("settings") if isinstance(document, dict) else None
    return isinstance(settings, dict) and settings.get("account") is not None


def duplicate_campaign(workspace: Workspace, source_id: int, name: str) -> CampaignSaved:
    """A new draft called `name` with the sequence and settings of another campaign."""
    with workspace.session() as session:
        source = store.get_campaign(session, source_id)
        return _saved(session, store.create_campaign(session, name, source.document))


def update_campaign(
    workspace: Workspace,
    campaign_id: int | str,
    *,
    name: str | None = None,
    account_id: int | None = None,
    document: Any = None,
) -> CampaignSaved:
    """Rename, change the account or replace the document (the last two: draft or paused)."""
    with workspace.session() as session:
        campaign = store.get_campaign(session, campaign_id)
        store.update_campaign(
            session, campaign, name=name, account_id=account_id, document=document
        )
        return _saved(session, campaign)


def delete_campaign(workspace: Workspace, campaign_id: int | str) -> Changes:
    """Delete a draft or archived campaign with its contacts' progress, messages and events."""
    with workspace.session() as session:
        store.delete_campaign(session, store.get_campaign(session, campaign_id))
    return DELETED


def save_sequence(
    workspace: Workspace, campaign_id: int | str, canvas: dict[str, Any]
) -> CampaignSaved:
    """Store the canvas's nodes and links (draft or paused only); the stored settings stay.

    The result lists the errors activation will find (the sequence's and the workspace's).
    """
    with workspace.session() as session:
        campaign = store.get_campaign(session, campaign_id)
        if campaign.status not in SEQUENCE_EDITABLE:
            raise FluenzrError(f"campaign {campaign.id} is {campaign.status}")
        store.save_document(
            session, campaign, merged_document(campaign.document, canvas, "sequence")
        )
        return _saved(session, campaign)


def save_settings(
    workspace: Workspace, campaign_id: int | str, settings: dict[str, Any]
) -> SettingsSaved:
    """Store the campaign's settings (any status but archived); the stored graph stays."""
    with workspace.session() as session:
        campaign = store.get_campaign(session, campaign_id)
        document = merged_document(campaign.document, {"settings": settings}, "settings")
        store.save_document(session, campaign, document)
        return SettingsSaved(copy.deepcopy(campaign.document.get("settings") or {}))


def change_campaign_status(
    workspace: Workspace, campaign_id: int | str, verb: str, *, confirmed: bool = False
) -> StatusOutcome:
    """Apply activate / pause / resume / archive, checked in the one order both fronts use.

    First what refuses the verb outright (the state machine, then the campaign's problems:
    IllegalTransition or ActivationRefused, one line); then, when starting, the values
    some contacts lack: without `confirmed` nothing changes and the outcome asks.
    """
    with workspace.session() as session:
        campaign = store.get_campaign(session, campaign_id)
        store.refuse_problems(session, campaign, verb)
        total, lacking = 0, []
        if verb in STARTING_VERBS:
            total, lacking = store.activation_preflight(session, campaign)
            if lacking and not confirmed:
                return StatusOutcome(
                    campaign.id,
                    campaign.name,
                    campaign.status,
                    campaign.status_reason,
                    total,
                    lacking,
                    needs_confirmation=True,
                )
        status = store.change_status(session, campaign, verb, checked=True)
        return StatusOutcome(
            campaign.id, campaign.name, status.value, campaign.status_reason, total, lacking
        )


def activation_summary(workspace: Workspace, campaign_id: int | str) -> ActivationSummary:
    """What activating will do: contacts mailed, first send, daily cap, missing values.

    What refuses activation outright is raised first, as `change_campaign_status` does
    (IllegalTransition, or ActivationRefused with the problems).
    """
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        store.refuse_problems(session, campaign, "activate")
        contacts = store.active_enrollment_count(session, campaign.id)
        total, lacking = store.activation_preflight(session, campaign)
        settings = store.workflow_of(campaign).effective_settings()
        window = SendingWindow.from_settings(settings)
        first_send = to_local(window.next_open(workspace.clock.now()), window.timezone)
        return ActivationSummary(
            campaign.id,
            campaign.name,
            contacts,
            first_send,
            window.timezone.key,
            int(settings["daily_cap"]),
            total,
            lacking,
        )


def retry_contacts(
    workspace: Workspace,
    campaign_id: int | str,
    *,
    emails: list[str] | tuple[str, ...] = (),
    all_errors: bool = False,
) -> RetryOutcome:
    """Put contacts in Error back where they stood (a completed campaign reopens)."""
    with workspace.session() as session:
        campaign = store.get_campaign(session, campaign_id)
        retried, skipped = store.retry_enrollments(
            session, campaign, emails=emails, all_errors=all_errors
        )
        return RetryOutcome(retried, skipped, campaign.status)


# -- reads -------------------------------------------------------------------------------------


def open_campaign(workspace: Workspace, campaign_id: int | str) -> CampaignScreen:
    """The campaign as its screen opens on it (a FluenzrError for an unknown id)."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        return CampaignScreen(
            campaign.name,
            campaign.status,
            campaign.status_reason,
            copy.deepcopy(campaign.document),
            _account_choices(session),
        )


def campaign_header(workspace: Workspace, campaign_id: int | str) -> tuple[str, str, str | None]:
    """(name, status, why it is paused) of one campaign."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        return campaign.name, campaign.status, campaign.status_reason


def account_choices(workspace: Workspace) -> list[tuple[int, str, str]]:
    """(id, name, address) of every sending account, for a campaign's account choice."""
    with workspace.sessions() as session:
        return _account_choices(session)


def campaign_summaries(workspace: Workspace) -> list[dict[str, Any]]:
    """Every campaign, oldest first, with its enrollment count per state."""
    with workspace.sessions() as session:
        campaigns = store.list_campaigns(session)
        counts = store.state_counts(session, [campaign.id for campaign in campaigns])
        return [store.campaign_summary(c, counts[c.id]) for c in campaigns]


def campaign_details(workspace: Workspace, campaign_id: int | str) -> dict[str, Any]:
    """One campaign's summary, its effective settings and its number of nodes."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        counts = store.state_counts(session, [campaign.id])[campaign.id]
        summary = store.campaign_summary(campaign, counts)
        workflow = store.workflow_of(campaign)
    summary["settings"] = workflow.effective_settings()
    summary["nodes"] = len(workflow.nodes)
    return summary


def campaign_document(workspace: Workspace, campaign_id: int | str) -> dict[str, Any]:
    """The campaign's stored document (unknown fields kept)."""
    with workspace.sessions() as session:
        return copy.deepcopy(store.get_campaign(session, campaign_id).document)


def check_campaign(workspace: Workspace, campaign_id: int | str) -> CampaignCheck:
    """Every problem activation would find: the sequence's, then the workspace's."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        return CampaignCheck(campaign.id, store.campaign_problems(session, campaign))


def preview_emails(
    workspace: Workspace, campaign_id: int | str, contact_email: str, variant: str | None = None
) -> tuple[str, list[dict[str, Any]]]:
    """(the contact's address, every email node rendered for them with what they lack).

    An email with A/B variants shows `variant` where it has it, else the contact's own
    (the one it was or would be sent); a variant no email has is a FluenzrError.
    """
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        contact = find_contact(session, contact_email)
        return contact.email, previews.preview(session, campaign, contact, variant)


def preview_contacts(
    workspace: Workspace, campaign_id: int | str, limit: int = 20
) -> list[tuple[str, dict[str, str]]]:
    """A few (address, template variables) to preview emails with: enrolled contacts first."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        return previews.preview_contacts(session, campaign, limit)


def list_enrollments(
    workspace: Workspace, campaign_id: int | str, state: str | None = None
) -> list[EnrollmentRow]:
    """The campaign's contacts and where they stand, in enrollment order (one state or all)."""
    with workspace.sessions() as session:
        campaign = store.get_campaign(session, campaign_id)
        return [EnrollmentRow(*row) for row in store.enrollment_rows(session, campaign.id, state)]


def waiting_per_step(workspace: Workspace, campaign_id: int) -> dict[str, int]:
    """Step id → how many contacts still on their way stand there."""
    with workspace.sessions() as session:
        return store.waiting_per_step(session, campaign_id)


def tag_names(workspace: Workspace) -> list[str]:
    """Every tag in use, sorted: the choices when enrolling by tag."""
    with workspace.sessions() as session:
        return all_tags(session)


def simulate_campaign(
    workspace: Workspace, campaign_id: int | str, days: int, start: datetime
) -> dict[str, Any]:
    """Forecast the emails per day of a campaign for `days` days from `start` (sends nothing)."""
    from ..engine.simulate import simulate

    with workspace.sessions() as session:
        key = store.get_campaign(session, campaign_id).id
    return simulate(str(workspace.database_path), key, days, start)


def _saved(session: Session, campaign: Campaign) -> CampaignSaved:
    session.flush()
    problems = store.campaign_problems(session, campaign)
    return CampaignSaved(campaign.id, problems, campaign.account_id)


def _account_choices(session: Session) -> list[tuple[int, str, str]]:
    return [(account.id, account.name, account.email) for account in list_accounts(session)]
