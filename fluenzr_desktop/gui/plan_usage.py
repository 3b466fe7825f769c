"""The plan in force and today's sends, read once for the whole window.

The status bar, the Dashboard and the canvas palette all show the plan; they are fed by
one `PlanWatcher` that reads `ops.licence.plan_status` and today's sends
(`ops.status.sending_status`, the status bar's count) in a worker, never on the GUI
thread, and reads again when a write or the engine says the settings (a licence
installed) or the outbox (emails sent) moved, or when asked (`refresh`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..domain.plans import FREE
from ..ops import Changes
from ..ops.licence import PlanStatus, plan_status
from ..ops.status import sending_status
from ..workspace import Workspace
from .changes import change_hub
from .tasks import run_in_background


@dataclass(frozen=True)
class PlanUsage:
    """The plan in force (and why), and the emails sent today across the workspace."""

    status: PlanStatus
    sent_today: int

    @property
    def plan(self) -> str:
        return self.status.plan

    @property
    def features(self) -> frozenset[str]:
        return self.status.features

    @property
    def free(self) -> bool:
        return self.status.plan == FREE


def read_plan_usage(workspace: Workspace) -> PlanUsage:
    """The plan in force and today's sends (two reads: run it off the GUI thread)."""
    return PlanUsage(plan_status(workspace), sending_status(workspace).sent_today)


class PlanWatcher(QObject):
    """Reads the plan and today's sends in the background; `loaded` gives each fresh read.

    At most one read runs; changes heard meanwhile make one more read when it is in, so a
    burst of sends is never a pile of reads. A failed read is reported on `failed`.
    """

    loaded = Signal(object)  # a PlanUsage
    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.usage: PlanUsage | None = None  # the latest read, None until the first is in
        self._reading = False
        self._again = False
        change_hub().changed.connect(self._on_changes)

    def refresh(self) -> None:
        """Read the plan and today's sends again (after the read in flight, if any)."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        workspace = self.workspace
        run_in_background(
            self,
            lambda _report: read_plan_usage(workspace),
            on_done=self._read,
            on_failed=self._failed,
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings or changes.outbox:
            self.refresh()

    def _settle(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.refresh()

    def _read(self, usage: PlanUsage) -> None:
        self._settle()
        self.usage = usage
        self.loaded.emit(usage)

    def _failed(self, message: str) -> None:
        self._settle()
        self.failed.emit(message)
