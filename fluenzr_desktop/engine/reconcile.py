"""After a crash: resolve the messages left `sending`, never sending one twice blindly.

A message found in `sending` at start-up may or may not have reached the server.
When the account has IMAP, its Sent folder says: found by Message-ID → it was sent
(record it and move the contact on); absent → it never left (queue it again, same
Message-ID). Without IMAP the message is `held` for the user's decision
(`fluenzr outbox resolve`), and its contact waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ..domain.clock import Clock
from ..domain.errors import FluenzrError
from ..store.models import Account, Enrollment, Event, OutboxMessage
from .runner import Runner
from .sent_proof import proof_ids, provider_files_copies

log = logging.getLogger(__name__)

# Which of these Message-IDs are in the account's Sent folder; raises on failure.
SentLookup = Callable[[Account, list[str]], set[str]]

HELD_REASON = (
    "held: the app stopped while this email was being sent and the Sent folder could not "
    "be checked; look in your Sent folder, then run `fluenzr outbox resolve`"
)


@dataclass
class Reconciliation:
    """What start-up reconciliation decided."""

    confirmed_sent: list[str] = field(default_factory=list)
    requeued: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)


def reconcile(
    sessions: sessionmaker[Session],
    runner: Runner,
    clock: Clock,
    sent_lookup: SentLookup | None,
) -> Reconciliation:
    """Resolve every outbox row left in `sending` (run before the first tick)."""
    outcome = Reconciliation()
    with sessions() as session:
        rows = list(session.scalars(select(OutboxMessage).where(OutboxMessage.state == "sending")))
        by_account: dict[int | None, list[OutboxMessage]] = {}
        for row in rows:
            by_account.setdefault(row.account_id, []).append(row)
        for account_id, account_rows in by_account.items():
            account = session.get(Account, account_id) if account_id is not None else None
            found: set[str] | None = None
            files_copies = False
            if account is not None and account.imap_host and sent_lookup is not None:
                proofs = proof_ids(session, account.id, {row.message_id for row in account_rows})
                try:
                    found = sent_lookup(account, [row.message_id for row in account_rows] + proofs)
                except (FluenzrError, OSError) as error:
                    log.warning("cannot check the Sent folder of account %s: %s", account_id, error)
                else:
                    files_copies = provider_files_copies(account, proofs, found)
            for row in account_rows:
                enrollment = session.get(Enrollment, row.enrollment_id)
                if found is None:
                    _hold(session, row, enrollment, clock)
                    outcome.held.append(row.message_id)
                elif row.message_id in found:
                    _confirm(session, runner, row, enrollment, clock)
                    outcome.confirmed_sent.append(row.message_id)
                elif not files_copies:
                    # Absent from Sent proves nothing unless this provider is seen to file
                    # every sent message there (many relays and self-hosted servers don't,
                    # and copies we append ourselves may lag the send): the user decides.
                    _hold(session, row, enrollment, clock)
                    outcome.held.append(row.message_id)
                else:
                    row.state = "queued"
                    row.sent_at = None
                    row.next_attempt_at = None
                    row.last_error = "not in the Sent folder after a restart: sending again"
                    if enrollment is not None:
                        enrollment.next_action_at = clock.now()
                    outcome.requeued.append(row.message_id)
            session.commit()
    for name, ids in vars(outcome).items():
        if ids:
            log.info("reconciliation: %d message(s) %s", len(ids), name.replace("_", " "))
    return outcome


def _hold(session: Session, row: OutboxMessage, enrollment: Enrollment | None, clock) -> None:
    row.state = "held"
    row.last_error = HELD_REASON
    if enrollment is not None:
        enrollment.next_action_at = None
        enrollment.last_error = HELD_REASON
        session.add(
            Event(
                kind="held",
                campaign_id=enrollment.campaign_id,
                enrollment_id=enrollment.id,
                contact_id=enrollment.contact_id,
                node_id=row.node_id,
                message_id=row.message_id,
                occurred_at=clock.now(),
            )
        )


def _confirm(
    session: Session, runner: Runner, row: OutboxMessage, enrollment: Enrollment | None, clock
) -> None:
    if enrollment is None:
        row.state = "sent"
        return
    workflow = runner.workflow_for(enrollment.campaign)
    node = workflow.node(row.node_id)
    if node is None:
        row.state = "sent"
        return
    runner.record_sent(
        session, enrollment, row, node, workflow, row.sent_at or clock.now(), "found in Sent"
    )
    enrollment.next_action_at = clock.now()


def resolve_held(session: Session, runner: Runner, message_id: str, was_sent: bool, clock) -> str:
    """The user's decision on a held message: it was sent (move on) or send it again."""
    row = session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == message_id))
    if row is None or row.state != "held":
        raise FluenzrError(f"no held message with Message-ID {message_id}")
    enrollment = session.get(Enrollment, row.enrollment_id)
    if was_sent:
        _confirm(session, runner, row, enrollment, clock)
        decision = "recorded as sent"
    else:
        row.state = "queued"
        row.sent_at = None
        row.last_error = None
        if enrollment is not None:
            enrollment.next_action_at = clock.now()
            enrollment.last_error = None
        decision = "queued to be sent again"
    return decision
