"""`/v1/campaigns`: list, read, create, edit, validate, preview and change a campaign's status.

Every route calls the same use cases as the window and `fluenzr campaign` (`ops.campaigns`):
the document is loaded by the one tolerant loader, activation is refused by the one check.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field, model_validator

from ..domain.errors import ActivationRefused, IllegalTransition
from ..domain.plans import PlanRequired
from ..domain.states import CampaignStatus
from ..ops import campaigns as ops
from ..ops.contacts import load_contact
from .deps import WorkspaceDep
from .pages import MAX_ROW_ID, Cursor, Limit, Page, decode_cursor, page_of
from .problems import PROBLEM_RESPONSES, ApiProblem, ProblemItem, problem_items

router = APIRouter(prefix="/v1", tags=["campaigns"], responses=PROBLEM_RESPONSES)

CampaignId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="The campaign's id.")]
AccountId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
CampaignName = Annotated[
    str, Field(min_length=1, max_length=200, pattern=r"\S", description="Not blank.")
]
StatusVerb = Literal["activate", "pause", "resume", "archive"]

DOCUMENT_DESCRIPTION = (
    "The campaign document, version 1 (docs/document-format.md): a JSON object with "
    "`version` (1), `settings` (account, timezone, window, gap_seconds, daily_cap, "
    "stop_on_reply, stop_on_auto_reply, track_opens, track_clicks, unsubscribe_text), "
    "`nodes` (each with `id`, `type` start|email|delay|condition|end and its fields) and "
    "`edges` (each `from`, `to`, optional `port` yes|no). Unknown fields are kept. It is "
    "loaded as the window and `fluenzr campaign create` load it: a document too malformed "
    "to load is a 422 `invalid_document`; one that loads may still have problems, which "
    "`validate` lists and which refuse activation."
)
Document = Annotated[dict[str, Any], Field(description=DOCUMENT_DESCRIPTION)]


class CampaignSummary(BaseModel):
    """A campaign in a listing: its status and how many contacts stand in each state."""

    id: int
    name: str
    status: CampaignStatus
    status_reason: str | None = Field(description="Why the engine paused it, if it did.")
    account: int | None = Field(description="The sending account's id.")
    enrollments: int = Field(description="Contacts enrolled, every state.")
    counts: dict[str, int] = Field(description="Enrolled contacts per enrollment state.")


class Campaign(CampaignSummary):
    """One campaign with its effective settings and its document."""

    settings: dict[str, Any] = Field(description="The settings in force (defaults filled in).")
    document: Document


class CampaignSaved(BaseModel):
    """A campaign after a create or an edit, with the problems activation would find now."""

    campaign: Campaign
    problems: list[ProblemItem] = Field(description="Errors: they refuse activation.")
    warnings: list[ProblemItem] = Field(description="Reported, never blocking.")


class CampaignCreate(BaseModel):
    """A new draft: a name and a document (Start → End with the workspace defaults if none)."""

    name: CampaignName
    document: Document | None = None
    account_id: AccountId | None = Field(
        default=None, description="The sending account (else the document's settings.account)."
    )


class CampaignPatch(BaseModel):
    """What to change: any of name, account, settings, or the whole document (not with settings)."""

    name: CampaignName | None = None
    account_id: AccountId | None = Field(default=None, description="Draft or paused only.")
    settings: dict[str, Any] | None = Field(
        default=None, description="Replace the settings (any status but archived); graph kept."
    )
    document: Document | None = Field(
        default=None,
        description="Replace the document; the sequence changes only while draft or paused.",
    )

    @model_validator(mode="after")
    def _one_edit(self) -> CampaignPatch:
        if self.settings is not None and self.document is not None:
            raise ValueError("give settings or document, not both (a document has settings)")
        if all(value is None for value in (self.name, self.account_id, self.settings)) and (
            self.document is None
        ):
            raise ValueError("nothing to change: give name, account_id, settings or document")
        return self


class MissingValueOut(BaseModel):
    """Contacts lacking a value the emails print (they would not be sent those emails)."""

    variable: str
    nodes: list[str]
    missing: int
    examples: list[str]


class StatusChanged(BaseModel):
    """A campaign's status after a verb, with the values some contacts lack (a warning)."""

    id: int
    name: str
    status: CampaignStatus
    status_reason: str | None
    missing_values: list[MissingValueOut] = Field(default_factory=list)


class Validation(BaseModel):
    """Every problem activation would look at, and whether activating would be accepted now."""

    id: int
    problems: list[ProblemItem] = Field(description="Errors: they refuse activation.")
    warnings: list[ProblemItem]
    can_activate: bool = Field(
        description="Whether `activate` would be accepted now: no errors, a status that "
        "allows it and a plan that includes what the sequence uses."
    )
    refused_because: str | None = Field(description="Why activation would be refused.")


class PreviewEmail(BaseModel):
    """One email step rendered for the contact."""

    node: str
    variant: str | None = Field(description="The A/B variant shown (null without variants).")
    subject: str
    subjects: list[str] | None = Field(
        default=None, description="Where paths merge: every subject the contact may get."
    )
    body: str | None = Field(default=None, description="Null when it cannot render.")
    missing: list[str] = Field(description="Variables the contact has no value for.")
    error: str | None = Field(default=None, description="Why it cannot render.")


class Preview(BaseModel):
    """Every email of the sequence as one contact would get it."""

    contact: str = Field(description="The contact's address.")
    emails: list[PreviewEmail]


def _campaign(workspace, campaign_id: int) -> Campaign:
    details = ops.campaign_details(workspace, campaign_id)
    details.pop("nodes", None)
    return Campaign(**details, document=ops.campaign_document(workspace, campaign_id))


def _saved(workspace, saved: ops.CampaignCheck) -> CampaignSaved:
    return CampaignSaved(
        campaign=_campaign(workspace, saved.id),
        problems=problem_items(saved.errors),
        warnings=problem_items(saved.warnings),
    )


@router.get("/campaigns", response_model=Page[CampaignSummary])
def list_campaigns(
    workspace: WorkspaceDep,
    status: Annotated[CampaignStatus | None, Query(description="Only this status.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[CampaignSummary]:
    """Campaigns, oldest first, a page at a time."""
    after = decode_cursor(cursor)
    chosen = [
        summary
        for summary in ops.campaign_summaries(workspace)
        if summary["id"] > after and (status is None or summary["status"] == status.value)
    ][: limit + 1]
    return page_of(
        [CampaignSummary(**summary) for summary in chosen],
        [summary["id"] for summary in chosen],
        limit,
    )


@router.post("/campaigns", response_model=CampaignSaved, status_code=201)
def create_campaign(workspace: WorkspaceDep, body: CampaignCreate) -> CampaignSaved:
    """Create a draft from a document; it may still have problems (listed in the answer)."""
    saved = ops.create_campaign(workspace, body.name, body.document, body.account_id)
    return _saved(workspace, saved)


@router.get("/campaigns/{campaign_id}", response_model=Campaign)
def get_campaign(workspace: WorkspaceDep, campaign_id: CampaignId) -> Campaign:
    """One campaign with its document."""
    return _campaign(workspace, campaign_id)


@router.patch("/campaigns/{campaign_id}", response_model=CampaignSaved)
def update_campaign(
    workspace: WorkspaceDep, campaign_id: CampaignId, body: CampaignPatch
) -> CampaignSaved:
    """Rename, change the account, the settings or the document (as the window allows)."""
    if body.settings is not None:
        ops.save_settings(workspace, campaign_id, body.settings)
    saved = ops.update_campaign(
        workspace,
        campaign_id,
        name=body.name,
        account_id=body.account_id,
        document=body.document,
    )
    return _saved(workspace, saved)


@router.post("/campaigns/{campaign_id}/validate", response_model=Validation)
def validate_campaign(workspace: WorkspaceDep, campaign_id: CampaignId) -> Validation:
    """List the problems of the campaign and say whether it can be activated now."""
    check = ops.check_campaign(workspace, campaign_id)
    refused: str | None = None
    try:
        ops.activation_summary(workspace, campaign_id)
    except (ActivationRefused, IllegalTransition, PlanRequired) as error:
        refused = str(error)
    return Validation(
        id=check.id,
        problems=problem_items(check.errors),
        warnings=problem_items(check.warnings),
        can_activate=refused is None,
        refused_because=refused,
    )


def _change_status(workspace, campaign_id: int, verb: str, confirm: bool) -> StatusChanged:
    outcome = ops.change_campaign_status(workspace, campaign_id, verb, confirmed=confirm)
    lacking = [MissingValueOut(**entry.to_dict()) for entry in outcome.lacking]
    if outcome.needs_confirmation:
        names = ", ".join(entry.variable for entry in lacking)
        raise ApiProblem(
            409,
            "missing_values",
            "Some contacts lack values",
            f"campaign {outcome.id} not changed: some of its {outcome.total} contact(s) lack "
            f"a value the emails print ({names}) and would not be sent those emails; fill "
            "the values, give a default, or repeat with confirm=true",
            [
                ProblemItem(code="missing_value", params=entry.model_dump(), node=entry.nodes[0])
                for entry in lacking
            ],
        )
    return StatusChanged(
        id=outcome.id,
        name=outcome.name,
        status=outcome.status,
        status_reason=outcome.status_reason,
        missing_values=lacking,
    )


Confirm = Annotated[
    bool,
    Query(
        description="Go on even if some contacts lack a value the emails print "
        "(else a 409 `missing_values` problem lists them and nothing changes)."
    ),
]


@router.post("/campaigns/{campaign_id}/activate", response_model=StatusChanged)
def activate_campaign(
    workspace: WorkspaceDep, campaign_id: CampaignId, confirm: Confirm = False
) -> StatusChanged:
    """Start sending; refused (422 `activation_refused`) while the campaign has problems."""
    return _change_status(workspace, campaign_id, "activate", confirm)


@router.post("/campaigns/{campaign_id}/pause", response_model=StatusChanged)
def pause_campaign(workspace: WorkspaceDep, campaign_id: CampaignId) -> StatusChanged:
    """Stop sending until resumed; contacts keep their place."""
    return _change_status(workspace, campaign_id, "pause", False)


@router.post("/campaigns/{campaign_id}/resume", response_model=StatusChanged)
def resume_campaign(
    workspace: WorkspaceDep, campaign_id: CampaignId, confirm: Confirm = False
) -> StatusChanged:
    """Sending again after a pause; checked as activation is."""
    return _change_status(workspace, campaign_id, "resume", confirm)


@router.post("/campaigns/{campaign_id}/archive", response_model=StatusChanged)
def archive_campaign(workspace: WorkspaceDep, campaign_id: CampaignId) -> StatusChanged:
    """Put the campaign away: it sends nothing more and cannot change."""
    return _change_status(workspace, campaign_id, "archive", False)


@router.get("/campaigns/{campaign_id}/preview", response_model=Preview)
def preview_campaign(
    workspace: WorkspaceDep,
    campaign_id: CampaignId,
    contact: Annotated[
        str, Query(min_length=1, max_length=320, description="The contact's address or id.")
    ],
    variant: Annotated[
        str | None,
        Query(max_length=50, description="Show this A/B variant (default: the contact's own)."),
    ] = None,
) -> Preview:
    """Every email of the campaign rendered for one contact (sends nothing)."""
    address, emails = ops.preview_emails(
        workspace, campaign_id, _address_of(workspace, contact), variant
    )
    return Preview(contact=address, emails=[PreviewEmail(**email) for email in emails])


def _address_of(workspace, contact: str) -> str:
    """The address of a contact named by address or by id (a 404 for an unknown id)."""
    text = contact.strip()
    if not (text.isascii() and text.isdigit()):
        return text
    loaded = load_contact(workspace, int(text)) if 0 < int(text) <= MAX_ROW_ID else None
    if loaded is None:
        raise ApiProblem(404, "not_found", "Not found", f"no contact with id {text}")
    return loaded[0]["email"]
