"""What the status bar shows: today's sends against the cap, and the next send."""

from __future__ import annotations

from datetime import datetime

from ..engine.status import SendingStatus
from ..engine.status import sending_status as _sending_status
from ..workspace import Workspace


def sending_status(workspace: Workspace, next_due: datetime | None = None) -> SendingStatus:
    """Today's sends (UTC day, by the workspace's clock) against the cap; the next send."""
    with workspace.sessions() as session:
        return _sending_status(session, workspace.clock.now(), next_due)
