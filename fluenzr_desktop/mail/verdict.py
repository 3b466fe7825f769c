"""The verdict on one inbound message: what it is, and what the inbox needs to act on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Classification:
    """The verdict on one inbound message, with what the caller needs to act on it."""

    kind: str  # "bounce" | "feedback" | "unsubscribe" | "auto_reply" | "reply"
    # Bounces: `final` when delivery was given up (Action: failed, a failure notice), not a
    # "delayed" warning; `hard` when the address itself is bad (5.1.x user unknown…), which
    # alone puts it on the suppression list. A final failure stops the contact's campaign.
    hard: bool = False
    final: bool = False
    failed_recipients: tuple[str, ...] = ()
    original_message_ids: tuple[str, ...] = ()
    diagnostic: str = ""
    unsubscribe_token: str | None = None
    return_date: date | None = None
    text: str = ""
