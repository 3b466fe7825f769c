"""Turning one email node into one message for one contact: render, thread, sign."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import Message

from ..domain.errors import FluenzrError, TemplateError
from ..domain.subjects import subject_as_sent
from ..domain.templating import missing_variables, render_body, render_subject
from ..domain.unsubscribe import make_token
from ..domain.variants import effective_email
from ..domain.workflow import Node
from ..mail.message import Sender, build_tracked_message, unsubscribe_mailto
from ..mail.tracking import TrackingLinks
from ..store.contacts import template_variables
from ..store.models import Account, Contact


@dataclass(frozen=True)
class ComposedEmail:
    """A message ready to send and what the outbox records of it."""

    message: Message
    subject: str
    # The destinations of the tracked links: click token "l" == index in this list.
    links: list[str]


def sender_of(account: Account) -> Sender:
    """The From identity of an account."""
    return Sender(account.email, account.from_name or None, account.reply_to or None)


def render_subject_and_body(
    node: Node,
    contact: Contact,
    account: Account,
    previous_subject: str | None,
    variant: str | None = None,
) -> tuple[str, str]:
    """The subject and body of a node (its `variant`, if A/B tested) for a contact;
    TemplateError names the node's field.

    `previous_subject` is what the contact's last email in this thread went out with:
    an empty subject replies to it (`domain.subjects`, the one rule), so a follow-up keeps
    the subject of the variant that started the thread. A contact lacking a value the
    templates print without a default gets FluenzrError("missing value: …").
    """
    variables = template_variables(contact, account.signature)
    subject_source, body_source = effective_email(node, variant)
    # An email that would print a variable empty is not sent ("Une question rapide pour ").
    missing = missing_variables([subject_source, body_source], variables)
    if missing:
        raise FluenzrError(f"missing value: {', '.join(missing)}")
    try:
        own_subject = render_subject(subject_source, variables)
    except TemplateError as error:
        raise TemplateError(f"node {node.id}, subject: {error}") from None
    try:
        body = render_body(body_source, variables)
    except TemplateError as error:
        raise TemplateError(f"node {node.id}, body: {error}") from None
    subject = subject_as_sent(own_subject, previous_subject)
    if not subject:
        raise FluenzrError(f"node {node.id}: no subject, and no earlier email to reply to")
    return subject, body


def compose(
    *,
    node: Node,
    contact: Contact,
    account: Account,
    enrollment_id: int,
    message_id: str,
    previous_subject: str | None,
    references: Sequence[str],
    unsubscribe_secret: bytes,
    date: datetime,
    tracking: TrackingLinks | None = None,
    unsubscribe_sentence: str | None = None,
    variant: str | None = None,
) -> ComposedEmail:
    """Build the message of one step: threaded after the contact's earlier emails.

    With `tracking` (a relay is set), the message carries what the campaign tracks and a
    one-click unsubscribe (`mail.tracking`); `unsubscribe_sentence` None is the default line.
    """
    subject, body = render_subject_and_body(node, contact, account, previous_subject, variant)
    name = " ".join(filter(None, [contact.first_name, contact.last_name])) or None
    message, links = build_tracked_message(
        sender=sender_of(account),
        to_address=contact.email,
        to_name=name,
        subject=subject,
        body=body,
        message_id=message_id,
        in_reply_to=references[-1] if references else None,
        references=list(references),
        list_unsubscribe=unsubscribe_mailto(
            account.email, make_token(unsubscribe_secret, enrollment_id)
        ),
        date=date,
        tracking=tracking,
        unsubscribe_sentence=unsubscribe_sentence,
    )
    return ComposedEmail(message, subject, links)
