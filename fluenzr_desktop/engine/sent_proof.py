"""Whether "not in the Sent folder" can be trusted: does this provider file its own sends?

Only then does absence mean a message never left; otherwise it is held for the user.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Account, OutboxMessage

PROOF_SAMPLE = 3


def proof_ids(session: Session, account_id: int, exclude: set[str] = frozenset()) -> list[str]:
    """Message-IDs this account sent for sure (the latest few), to test its Sent folder."""
    rows = session.scalars(
        select(OutboxMessage.message_id)
        .where(OutboxMessage.account_id == account_id, OutboxMessage.state == "sent")
        .order_by(OutboxMessage.sent_at.desc())
        .limit(PROOF_SAMPLE + len(exclude))
    )
    return [message_id for message_id in rows if message_id not in exclude][:PROOF_SAMPLE]


def provider_files_copies(account: Account, proofs: list[str], found: set[str]) -> bool:
    """Whether the account's server is seen to file what it sends in the Sent folder.

    Only then does "not in Sent" mean "never left". Copies we append ourselves
    (`append_to_sent`) come after the send, so they never count as proof.
    """
    if (account.options or {}).get("append_to_sent") or not proofs:
        return False
    return all(message_id in found for message_id in proofs)
