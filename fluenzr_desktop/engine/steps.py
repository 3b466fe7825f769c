"""What every part of a contact's visit shares: the stop signal, moves, requeueing."""

from __future__ import annotations

from datetime import datetime

from ..domain.states import EnrollmentState, enrollment_transition
from ..store.models import Enrollment, OutboxMessage


def move_to(enrollment: Enrollment, target: EnrollmentState) -> None:
    """Change an enrollment's state through the domain's state machine (illegal → error)."""
    enrollment.state = enrollment_transition(enrollment.state, target).value


def requeue(outbox: OutboxMessage, at: datetime | None = None) -> None:
    """Put a message back in the queue, unsent, due at `at` (None: at once)."""
    outbox.state = "queued"
    outbox.sent_at = None
    outbox.next_attempt_at = at


class Stop(Exception):
    """The visit of one enrollment ends here (it waits, failed or finished)."""
