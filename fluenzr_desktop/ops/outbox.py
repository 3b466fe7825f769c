"""Outbox use cases: list the messages, and settle one held after a crash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.reconcile import resolve_held
from ..engine.runner import Runner
from ..store.outbox import outbox_rows
from ..workspace import Workspace
from . import Changes

# Settling a held message moves its contact on (or queues the message again).
RESOLVED = Changes(outbox=True, enrollments=True)


@dataclass(frozen=True)
class Resolution:
    """The user's decision on a held message, as one line ("recorded as sent"…)."""

    message_id: str
    decision: str
    changes: Changes = RESOLVED


def list_outbox(workspace: Workspace, state: str | None = None) -> list[dict[str, Any]]:
    """Every outbox message (or those in `state`), oldest first; `sent_at` is naive UTC."""
    with workspace.sessions() as session:
        return outbox_rows(session, state)


def resolve_held_message(workspace: Workspace, message_id: str, was_sent: bool) -> Resolution:
    """Settle a held message: it is in the Sent folder (move on) or it never left (resend)."""
    runner = Runner(
        workspace.sessions,
        workspace.clock,
        lambda account: None,  # type: ignore[arg-type,return-value]  # nothing is sent here
        unsubscribe_secret=workspace.unsubscribe_secret,
    )
    with workspace.session() as session:
        decision = resolve_held(session, runner, message_id, was_sent)
    return Resolution(message_id, decision)
