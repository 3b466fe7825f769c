"""What a classified inbound message does to enrollments, events and the suppression list.

The inbox sync (engine/inbox.py) fetches mail and finds which enrollments a message is
about; this module acts on it: a reply stops the contact (and their other campaigns,
as each campaign's settings say), an opt-out stops every campaign and suppresses the
address, a final bounce stops this campaign, an out-of-office pushes the next step
past the stated return. Every state change goes through the domain's state machine.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..domain.states import ACTIVE_STATE_VALUES, EnrollmentState
from ..mail.classify import Classification
from ..store.models import Contact, Enrollment
from ..store.schema import events as events_table
from ..store.suppressions import suppress
from .steps import move_to

# Verdicts by which an address says "never again" (suppressed for good), and the event
# each one is recorded as.
OPT_OUT_EVENTS = {"unsubscribe": "unsubscribed", "feedback": "complained"}
OPT_OUTS = tuple(OPT_OUT_EVENTS)

log = logging.getLogger(__name__)


def record_inbound(
    session: Session,
    now: datetime,
    kind: str,
    enrollment: Enrollment,
    inbound_id: str | None,
    detail: dict[str, Any],
) -> None:
    """An inbound event, keyed by the inbound Message-ID."""
    session.execute(
        insert(events_table).values(
            kind=kind,
            campaign_id=enrollment.campaign_id,
            enrollment_id=enrollment.id,
            contact_id=enrollment.contact_id,
            node_id=None,
            message_id=inbound_id,
            occurred_at=now,
            detail=detail,
        )
    )


def opt_out_without_enrollment(
    session: Session,
    now: datetime,
    verdict: Classification,
    sender: str,
    subject: str,
    inbound_id: str | None,
) -> list[str]:
    """Suppress the address that opted out though no enrollment matches (any more).

    Returns the addresses suppressed.
    """
    addresses = [a.lower() for a in verdict.failed_recipients] or [sender]
    kind = OPT_OUT_EVENTS[verdict.kind]
    suppressed = []
    for address in filter(None, addresses):
        suppress(session, address, _opt_out_reason(kind, verdict, subject))
        contact_id = session.scalar(select(Contact.id).where(Contact.email == address))
        session.execute(
            insert(events_table).values(
                kind=kind,
                contact_id=contact_id,
                message_id=inbound_id,
                occurred_at=now,
                detail={"from": sender, "address": address},
            )
        )
        log.info("%s %s: suppressed (no enrollment matches)", kind, address)
        suppressed.append(address)
    return suppressed


def _opt_out_reason(kind: str, verdict: Classification, subject: str) -> str:
    """How an address opted out, as `contacts show` tells it."""
    if kind == "complained":
        return "complained (marked as spam)"
    if verdict.unsubscribe_token:
        return "unsubscribed with the unsubscribe link"
    return f"unsubscribed by reply ({subject})"[:300]


def _stop(enrollment: Enrollment, state: EnrollmentState, reason: str | None = None) -> None:
    """End an active contact's sequence in `state`; a finished one is left as it is."""
    if enrollment.state in ACTIVE_STATE_VALUES:
        move_to(enrollment, state)
        enrollment.next_action_at = None
        enrollment.waiting_until = None
        if reason:
            enrollment.last_error = reason


def _other_active(session: Session, enrollment: Enrollment) -> list[Enrollment]:
    """The same contact's other enrollments that are still running."""
    return list(
        session.scalars(
            select(Enrollment).where(
                Enrollment.contact_id == enrollment.contact_id,
                Enrollment.id != enrollment.id,
                Enrollment.state.in_(ACTIVE_STATE_VALUES),
            )
        )
    )


def _setting(enrollment: Enrollment, key: str, default: bool) -> bool:
    """A yes/no setting of the enrollment's campaign (its default when unset or not a bool)."""
    settings = (enrollment.campaign.document or {}).get("settings") or {}
    value = settings.get(key, default)
    return value if isinstance(value, bool) else default


def apply_verdict(
    session: Session,
    now: datetime,
    verdict: Classification,
    targets: list[Enrollment],
    sender: str,
    subject: str,
    inbound_id: str | None,
) -> str:
    """Apply a classified message to its enrollments; returns the SyncReport counter to bump.

    `sender` is the message's From address, `subject` its subject on one line.
    """
    if verdict.kind == "bounce":
        for enrollment in targets:
            detail = {
                "hard": verdict.hard,
                "final": verdict.final,
                "diagnostic": verdict.diagnostic[:500],
            }
            record_inbound(session, now, "bounced", enrollment, inbound_id, detail)
            if not verdict.final:
                continue  # a "delayed" warning: the server still tries; nothing changes
            # Delivery was given up: this campaign stops for the contact (its next step
            # would go to an address that never got the first). Only a bad address is
            # suppressed everywhere; a full mailbox may work for another campaign later.
            reason = f"bounced: {verdict.diagnostic or 'delivery failed'}"[:500]
            _stop(enrollment, EnrollmentState.ERROR, reason)
            if verdict.hard:
                suppress(session, enrollment.contact.email, reason)
        return "bounces"
    if verdict.kind in OPT_OUTS:
        kind = OPT_OUT_EVENTS[verdict.kind]
        for enrollment in targets:
            record_inbound(session, now, kind, enrollment, inbound_id, {"from": sender})
            reason = _opt_out_reason(kind, verdict, subject)
            opt_out(session, enrollment, enrollment.contact.email, reason)
        return "unsubscribes"
    if verdict.kind == "auto_reply":
        for enrollment in targets:
            detail = {"from": sender, "subject": subject, "text": verdict.text[:2000]}
            if verdict.return_date:
                detail["return_date"] = verdict.return_date.isoformat()
            record_inbound(session, now, "auto_replied", enrollment, inbound_id, detail)
            if _setting(enrollment, "stop_on_auto_reply", False):
                _stop(enrollment, EnrollmentState.REPLIED)
            elif verdict.return_date and enrollment.state in ACTIVE_STATE_VALUES:
                _wait_until_back(enrollment, verdict.return_date)
        return "auto_replies"
    for enrollment in targets:
        detail = {"from": sender, "subject": subject, "text": verdict.text[:4000]}
        record_inbound(session, now, "replied", enrollment, inbound_id, detail)
        if _setting(enrollment, "stop_on_reply", True):
            _stop(enrollment, EnrollmentState.REPLIED)
        for other in _other_active(session, enrollment):
            if _setting(other, "stop_on_reply", True):
                _stop(other, EnrollmentState.REPLIED)
    return "replies"


def opt_out(session: Session, enrollment: Enrollment | None, address: str, reason: str) -> None:
    """An address said "never again": every campaign stops for it, and it is suppressed.

    The one effect of every opt-out: a mailed unsubscribe, a spam complaint, a one-click
    unsubscribe through the tracking relay. `enrollment` may be None (its contact deleted).
    """
    if enrollment is not None:
        _stop(enrollment, EnrollmentState.UNSUBSCRIBED)
        for other in _other_active(session, enrollment):
            _stop(other, EnrollmentState.UNSUBSCRIBED)
    suppress(session, address, reason)


def _wait_until_back(enrollment: Enrollment, back_on: date) -> None:
    """The next step waits until the day after the stated return (the engine's window applies)."""
    if enrollment.next_action_at is None:
        return  # not scheduled (its campaign is not running): nothing to move
    back = datetime.combine(back_on + timedelta(days=1), datetime.min.time())
    if enrollment.next_action_at < back:
        enrollment.next_action_at = back
    if enrollment.waiting_until is not None and enrollment.waiting_until < back:
        enrollment.waiting_until = back
