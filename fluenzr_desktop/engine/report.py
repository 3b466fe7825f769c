"""What one tick (or one `engine run --once`) did: sent, failed, waiting by cause, paused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Why a contact waits, as reported: each `_wait` reason maps to one of these causes.
WAIT_CAUSES = ("delay", "window", "cap", "pacing", "retry", "held", "relay")


@dataclass
class TickReport:
    """What one tick (or one `engine run --once`) did.

    `waiting` holds, per enrollment, the cause of its last wait in the tick (one of
    WAIT_CAUSES); `paused` the campaigns the tick paused, with the reason.
    """

    sent: int = 0
    failed: int = 0
    completed: int = 0
    waiting: dict[int, str] = field(default_factory=dict)
    paused: list[dict[str, Any]] = field(default_factory=list)

    def wait(self, enrollment_id: int, cause: str) -> None:
        self.waiting[enrollment_id] = cause

    def to_dict(self) -> dict[str, Any]:
        by_cause = dict.fromkeys(WAIT_CAUSES, 0)
        for cause in self.waiting.values():
            by_cause[cause] = by_cause.get(cause, 0) + 1
        return {
            "sent": self.sent,
            "failed": self.failed,
            "waiting": len(self.waiting),
            "waiting_by": by_cause,
            "completed": self.completed,
            "paused": list(self.paused),
        }

    def add(self, other: TickReport) -> None:
        self.sent += other.sent
        self.failed += other.failed
        self.completed += other.completed
        self.waiting.update(other.waiting)
        self.paused += other.paused
