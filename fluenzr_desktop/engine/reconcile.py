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

from ..domain.errors import FluenzrError, NotFound
from ..store.models import Account, Enrollment, OutboxMessage
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
    sent_lookup: SentLookup | None,
) -> Reconciliation:
    """Resolve every outbox row left in `sending` (run before the first tick)."""
    settled = Reconciliation()
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
                # Absent from Sent proves nothing unless this provider is seen to file
                # every sent message there (many relays and self-hosted servers don't,
                # and copies we append ourselves may lag the send): the user decides.
                if found is None:
                    decided = None
                elif row.message_id in found:
                    decided = True
                else:
                    decided = False if files_copies else None
                outcome = runner.settle_in_doubt(session, enrollment, row, decided, HELD_REASON)
                lists = {"sent": settled.confirmed_sent, "queued": settled.requeued}
                lists.get(outcome, settled.held).append(row.message_id)
            session.commit()
    for name, ids in vars(settled).items():
        if ids:
            log.info("reconciliation: %d message(s) %s", len(ids), name.replace("_", " "))
    return settled


def resolve_held(session: Session, runner: Runner, message_id: str, was_sent: bool) -> str:
    """The user's decision on a held message: it was sent (move on) or send it again."""
    row = session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == message_id))
    if row is None or row.state != "held":
        raise NotFound(f"no held message with Message-ID {message_id}")
    enrollment = session.get(Enrollment, row.enrollment_id)
    runner.settle_in_doubt(session, enrollment, row, was_sent, HELD_REASON)
    if not was_sent:
        row.last_error = None  # the user's own answer, not a finding of the Sent folder
    return "recorded as sent" if was_sent else "queued to be sent again"
