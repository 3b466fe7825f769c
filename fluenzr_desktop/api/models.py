"""Pydantic models the API's contacts, events and webhooks endpoints read and answer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# Text fields are bounded so one request cannot ask the workspace to store megabytes.
SHORT_TEXT = 500


def utc(value: datetime | None) -> datetime | None:
    """A stored (naive UTC) time as an aware UTC time, so JSON shows it with a Z."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class ContactFields(BaseModel):
    """A contact's id, standard fields, custom fields (read-only here) and tags."""

    id: int
    email: str
    first_name: str | None = None
    last_name: str | None = None
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    timezone: str | None = None
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] = Field(default_factory=list)


class Contact(ContactFields):
    """A contact, with when it was added and last changed."""

    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: dict[str, Any]) -> Contact:
        """The model of a row from `ops.contact_pages` (its times are ISO UTC text)."""
        return cls(**row)


class ContactIn(BaseModel):
    """A new contact: an email address, the other standard fields and tags."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=SHORT_TEXT)
    first_name: str | None = Field(default=None, max_length=SHORT_TEXT)
    last_name: str | None = Field(default=None, max_length=SHORT_TEXT)
    company: str | None = Field(default=None, max_length=SHORT_TEXT)
    title: str | None = Field(default=None, max_length=SHORT_TEXT)
    phone: str | None = Field(default=None, max_length=SHORT_TEXT)
    tags: list[str] = Field(default_factory=list, max_length=100)


class ContactPatch(BaseModel):
    """Changes to a contact: only the fields given change (null clears one); `tags` replaces."""

    model_config = ConfigDict(extra="forbid")

    email: str | None = Field(default=None, max_length=SHORT_TEXT)
    first_name: str | None = Field(default=None, max_length=SHORT_TEXT)
    last_name: str | None = Field(default=None, max_length=SHORT_TEXT)
    company: str | None = Field(default=None, max_length=SHORT_TEXT)
    title: str | None = Field(default=None, max_length=SHORT_TEXT)
    phone: str | None = Field(default=None, max_length=SHORT_TEXT)
    tags: list[str] | None = Field(default=None, max_length=100)


class ImportRowError(BaseModel):
    """One CSV line an import refused (1 = the header), and why."""

    line: int
    reason: str


class ImportResult(BaseModel):
    """What a CSV import did: counts, and the lines it refused."""

    imported: int
    updated: int
    skipped: int
    errors: list[ImportRowError]


class Event(BaseModel):
    """One thing that happened (a row of the events table), with its webhook type if any."""

    id: int
    kind: str
    occurred_at: datetime
    campaign_id: int | None
    enrollment_id: int | None
    contact_id: int | None
    node_id: str | None
    message_id: str | None
    detail: dict[str, Any]
    webhook_type: str | None = Field(
        description="The webhook event type this kind is delivered as; null when none."
    )


class Delivery(BaseModel):
    """One delivery of a webhook event to an endpoint: its state, attempts, last answer."""

    id: int
    endpoint_id: int
    webhook_id: str
    event_type: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: int | None
    last_response: str | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime | None


class Webhook(BaseModel):
    """An endpoint: what it receives, whether it is on (and why not), its queue."""

    id: int
    url: str
    description: str | None
    event_types: list[str] = Field(description="Types received; empty means every type.")
    campaign_ids: list[int] = Field(description="Campaigns followed; empty means every one.")
    enabled: bool
    disabled_reason: str | None
    counts: dict[str, int]
    last_delivery: Delivery | None
    previous_secret_until: datetime | None = None
    created_at: datetime | None = None


class WebhookCreated(Webhook):
    """A new endpoint with its signing secret (`whsec_…`), to verify what it receives."""

    secret: str


class WebhookIn(BaseModel):
    """A new endpoint: its URL, the event types and campaigns it follows (empty: all)."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=4096)
    event_types: list[str] = Field(default_factory=list, max_length=50)
    campaign_ids: list[int] = Field(default_factory=list, max_length=1000)
    description: str | None = Field(default=None, max_length=SHORT_TEXT)


class WebhookPatch(BaseModel):
    """Changes to an endpoint: only the fields given change."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, max_length=4096)
    event_types: list[str] | None = Field(default=None, max_length=50)
    campaign_ids: list[int] | None = Field(default=None, max_length=1000)
    description: str | None = Field(default=None, max_length=SHORT_TEXT)
    enabled: bool | None = None


class Secret(BaseModel):
    """An endpoint's signing secret."""

    secret: str


class Stats(BaseModel):
    """A campaign's figures over a period, as `fluenzr stats --json` gives them."""

    model_config = ConfigDict(extra="allow")

    campaign_id: int
    name: str
    timezone: str
    by: str | None = None
    total: dict[str, Any]
    rows: list[dict[str, Any]] | None = None
    links: list[dict[str, Any]] | None = None
    variants: list[dict[str, Any]] | None = Field(
        default=None, description="With by=variant: each A/B tested email's variants."
    )
