"""The Contacts tab's table: one row per contact in the campaign, read-only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ...ops.campaigns import EnrollmentRow


def local_time(moment: datetime | None) -> str:
    """A stored time (naive UTC) in the computer's time zone, to the minute."""
    if moment is None:
        return ""
    # The database stores naive UTC.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


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
        if column == 3:
            return local_time(next_action)
        return last_error or ""
