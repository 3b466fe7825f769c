"""The Contacts tab's table: one row per contact in the campaign, read-only.

Times are shown in the campaign's time zone (named in the column's header).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ...domain.schedule import to_local, zone
from ...ops.campaigns import EnrollmentRow

NEXT_ACTION = 3  # the column of the next action's time


def local_time(moment: datetime | None, zone_name: str | None = None) -> str:
    """A stored time (naive UTC) in this zone (the computer's without one), to the minute."""
    if moment is None:
        return ""
    # The database stores naive UTC.
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    if zone_name:
        return to_local(moment, zone(zone_name)).strftime("%Y-%m-%d %H:%M")
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


class EnrollmentsModel(QAbstractTableModel):
    """Rows of (email, state, current node, next action, last error), read-only."""

    def __init__(
        self,
        headers: list[str],
        state_text: Callable[[str], str],
        node_text: Callable[[str | None], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = headers
        self.state_text = state_text
        self.node_text = node_text
        self.rows: list[EnrollmentRow] = []
        self.zone_name: str | None = None
        self.hide_next_action: Callable[[str], bool] = lambda _state: False

    def set_time_zone(self, zone_name: str, header: str) -> None:
        """Show times in this zone, under this header (which names it)."""
        self.zone_name = zone_name
        self.headers[NEXT_ACTION] = header
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, NEXT_ACTION, NEXT_ACTION)
        self.refresh_cells()

    def refresh_cells(self) -> None:
        """Redraw every cell (how they read changed; the rows and the selection stay)."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1)
            )

    def set_rows(self, rows: Sequence[EnrollmentRow]) -> None:
        """Show these rows instead of the current ones."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        email, state, node_id, next_action, last_error = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return email
        if column == 1:
            return self.state_text(state)
        if column == 2:
            return self.node_text(node_id)
        if column == NEXT_ACTION:
            # A stopped contact has no next action, whatever the row still holds.
            return "" if self.hide_next_action(state) else local_time(next_action, self.zone_name)
        return last_error or ""
