"""SQLAlchemy 2 typed ORM classes, mapped onto the Core tables of `schema.py`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from . import schema

__all__ = [
    "Account",
    "Base",
    "Campaign",
    "Contact",
    "ContactTag",
    "Enrollment",
    "Event",
    "OutboxMessage",
    "Setting",
    "Suppression",
]


class Base(DeclarativeBase):
    """Declarative base over the one MetaData of `schema.py`."""

    metadata = schema.metadata


class Account(Base):
    """A sending mailbox: SMTP and IMAP settings. The password lives in the OS keyring."""

    __table__ = schema.accounts

    id: Mapped[int]
    name: Mapped[str]
    email: Mapped[str]
    from_name: Mapped[str | None]
    reply_to: Mapped[str | None]
    smtp_host: Mapped[str | None]
    smtp_port: Mapped[int | None]
    smtp_security: Mapped[str | None]
    imap_host: Mapped[str | None]
    imap_port: Mapped[int | None]
    imap_security: Mapped[str | None]
    username: Mapped[str | None]
    daily_cap: Mapped[int | None]
    timezone: Mapped[str | None]
    signature: Mapped[str | None]
    options: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    next_send_at: Mapped[datetime | None]


class Contact(Base):
    """A person to write to; `email` is unique after trim + lower-case."""

    __table__ = schema.contacts

    id: Mapped[int]
    email: Mapped[str]
    first_name: Mapped[str | None]
    last_name: Mapped[str | None]
    company: Mapped[str | None]
    title: Mapped[str | None]
    phone: Mapped[str | None]
    timezone: Mapped[str | None]
    custom_fields: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    search_folded: Mapped[str]  # filled by the column's default on insert

    tags: Mapped[list[ContactTag]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )

    @property
    def tag_names(self) -> list[str]:
        """The contact's tags, sorted."""
        return sorted(tag.tag for tag in self.tags)


class ContactTag(Base):
    """One tag on one contact."""

    __table__ = schema.contact_tags

    contact_id: Mapped[int]
    tag: Mapped[str]

    contact: Mapped[Contact] = relationship(back_populates="tags")


class Campaign(Base):
    """A campaign: its status, its account and its workflow document (version 1 JSON)."""

    __table__ = schema.campaigns

    id: Mapped[int]
    name: Mapped[str]
    status: Mapped[str]
    status_reason: Mapped[str | None]
    account_id: Mapped[int | None]
    document: Mapped[dict[str, Any]]
    document_revision: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Enrollment(Base):
    """One contact in one campaign: lifecycle state, position in the graph, next action time."""

    __table__ = schema.enrollments

    id: Mapped[int]
    campaign_id: Mapped[int]
    contact_id: Mapped[int]
    state: Mapped[str]
    current_node: Mapped[str | None]
    next_action_at: Mapped[datetime | None]
    variants: Mapped[dict[str, Any]]
    thread_message_id: Mapped[str | None]
    last_message_id: Mapped[str | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    waiting_until: Mapped[datetime | None]
    version: Mapped[int]

    contact: Mapped[Contact] = relationship()
    campaign: Mapped[Campaign] = relationship()


class OutboxMessage(Base):
    """One email to send, with its own state and a Message-ID generated before sending."""

    __table__ = schema.outbox_messages

    id: Mapped[int]
    enrollment_id: Mapped[int]
    account_id: Mapped[int | None]
    node_id: Mapped[str]
    message_id: Mapped[str]
    state: Mapped[str]
    to_address: Mapped[str]
    subject: Mapped[str]
    attempts: Mapped[int]
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    campaign_id: Mapped[int | None]
    track_opens: Mapped[bool]
    tracked_links: Mapped[int | None]
    variant: Mapped[str | None]


class Event(Base):
    """Something that happened to a contact in a campaign; the source of every statistic."""

    __table__ = schema.events

    id: Mapped[int]
    kind: Mapped[str]
    occurred_at: Mapped[datetime]
    campaign_id: Mapped[int | None]
    enrollment_id: Mapped[int | None]
    contact_id: Mapped[int | None]
    node_id: Mapped[str | None]
    message_id: Mapped[str | None]
    detail: Mapped[dict[str, Any]]
    source_id: Mapped[str | None]


class Suppression(Base):
    """An address or a whole domain that no campaign may mail."""

    __table__ = schema.suppressions

    id: Mapped[int]
    value: Mapped[str]
    kind: Mapped[str]
    reason: Mapped[str | None]
    created_at: Mapped[datetime]


class Setting(Base):
    """A workspace setting, its value stored as JSON."""

    __table__ = schema.settings

    key: Mapped[str]
    value: Mapped[Any]
    updated_at: Mapped[datetime]
