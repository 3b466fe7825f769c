"""The contacts table model: only the matching ids in memory, rows fetched by pages on demand.

Anki's browser table: a filter or sort change runs one id-only query off the GUI thread
(`SELECT id … WHERE … ORDER BY …`), the ids are kept in a compact array, and the rows
actually painted are read 200 at a time by primary key into a small LRU cache. The custom
field columns and the tag list need a scan of the whole table, so they are found in the
background after the first ids arrive and appended as columns when known. The queries
themselves (and their speed tricks) are `ops.contacts` / `store.contacts` functions.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import chain
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from ..ops.contacts import (
    TABLE_FIELDS,
    ContactColumn,
    ContactQuery,
    Row,
    find_ids,
    table_metadata,
    table_rows,
)
from ..workspace import Workspace
from .contact_fields import field_titles
from .tasks import run_in_background

PAGE_SIZE = 200
CACHE_PAGES = 30  # 6,000 rows: several screens either side of the visible one
TAGS_KEY = "tags"  # the tags column's name (see `field_titles`)
# A row (see `ops.contacts.table_rows`) is (TABLE_FIELDS values..., custom fields, tags).
_CUSTOM_INDEX = len(TABLE_FIELDS)
_TAGS_INDEX = _CUSTOM_INDEX + 1


def merge_intervals(rows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(top, bottom) row intervals merged so that each row appears once, in order."""
    merged: list[list[int]] = []
    for top, bottom in sorted(rows):
        if merged and top <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    return [(top, bottom) for top, bottom in merged]


def selected_ids(ids: array, rows: Iterable[tuple[int, int]]) -> list[int]:
    """The ids of (top, bottom) row intervals, each row once, in display order."""
    merged = merge_intervals(rows)
    return list(chain.from_iterable(ids[top : bottom + 1] for top, bottom in merged))


class ContactsModel(QAbstractTableModel):
    """A read-only table over the workspace's contacts; filtering and sorting run in SQL."""

    loaded = Signal()  # a new id list is in place (after a filter, sort or refresh)
    metadata_changed = Signal()  # the custom columns or the tag list changed
    failed = Signal(str)  # a query failed; one line for the user

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._query = ContactQuery()
        self._ids = array("q")
        self._pages: OrderedDict[int, list[Row | None]] = OrderedDict()
        self._columns = [ContactColumn("field", name) for name in TABLE_FIELDS]
        self._columns.append(ContactColumn("tags", TAGS_KEY))
        self.tags: list[str] = []
        self._generation = 0  # bumped by every id query started; older answers are dropped
        self.loaded_once = False
        self.metadata_loaded = False
        self._metadata_generation = 0
        self._metadata_wanted = False
        self._titles = field_titles()
        self.refresh()

    # -- what is shown -------------------------------------------------------

    @property
    def query(self) -> ContactQuery:
        return self._query

    @property
    def columns(self) -> list[ContactColumn]:
        return list(self._columns)

    @property
    def custom_columns(self) -> list[str]:
        return [column.name for column in self._columns if column.kind == "custom"]

    @property
    def ids(self) -> array:
        return self._ids

    @property
    def is_filtered(self) -> bool:
        return bool(self._query.search.strip() or self._query.tag)

    def set_search(self, text: str) -> None:
        """Show the contacts whose email, names or company contain `text` (any case)."""
        if text.strip() != self._query.search.strip():
            self._query = replace(self._query, search=text)
            self._load_ids()

    def set_tag(self, tag: str | None) -> None:
        """Show only the contacts with this tag (None: every contact)."""
        tag = tag or None
        if tag != self._query.tag:
            self._query = replace(self._query, tag=tag)
            self._load_ids()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in SQL; a column outside the table (-1) means by id."""
        key = self._columns[column] if 0 <= column < len(self._columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self._query = replace(self._query, sort=key, descending=descending)
            self._load_ids()

    def refresh(self) -> None:
        """Read everything again (contacts changed): the ids, the rows, columns and tags.

        When the ids come back unchanged (an edit, a tag), only the cached rows are
        dropped: the selection and the scroll position stay.
        """
        # The scan starts once the ids are in: run together, both want the GIL and the
        # first rows would show later.
        self._metadata_wanted = True
        self._load_ids()

    def contact_id(self, row: int) -> int:
        """The id of the contact shown on `row`."""
        return self._ids[row]

    def ids_of_rows(self, intervals: Iterable[tuple[int, int]]) -> list[int]:
        """The ids of (top, bottom) row intervals, in display order."""
        return selected_ids(self._ids, intervals)

    def row_values(self, row: int) -> Row | None:
        """(standard values..., custom fields, tags) of a row; None if the contact is gone."""
        page = self._page(row // PAGE_SIZE)
        return page[row % PAGE_SIZE]

    # -- background queries --------------------------------------------------

    def _start(self, work: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        run_in_background(self, work, on_done=on_done, on_failed=self.failed.emit)

    def _load_ids(self) -> None:
        self._generation += 1
        generation, query, workspace = self._generation, self._query, self._workspace
        self._start(
            lambda _report: find_ids(workspace, query),
            lambda ids: self._ids_arrived(generation, ids),
        )

    def _ids_arrived(self, generation: int, ids: array) -> None:
        if generation != self._generation:  # a newer filter was asked for meanwhile
            return
        if ids == self._ids and self.loaded_once:
            self._pages.clear()
            if ids:
                last = self.index(len(ids) - 1, len(self._columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._ids = ids
            self._pages.clear()
            self.endResetModel()
        self.loaded_once = True
        self.loaded.emit()
        if self._metadata_wanted:
            self._metadata_wanted = False
            self._load_metadata()

    def _load_metadata(self) -> None:
        self._metadata_generation += 1
        generation, workspace = self._metadata_generation, self._workspace
        self._start(
            lambda _report: table_metadata(workspace),
            lambda found: self._metadata_arrived(generation, found),
        )

    def _metadata_arrived(self, generation: int, found: tuple[list[str], list[str]]) -> None:
        if generation != self._metadata_generation:
            return
        names, tags = found
        current = self.custom_columns
        changed = tags != self.tags or names != current
        self.tags = tags
        if names != current:
            fixed = [column for column in self._columns if column.kind != "custom"]
            wanted = [ContactColumn("custom", name) for name in names]
            if names[: len(current)] == current:  # only new columns: keep scroll and selection
                first = len(self._columns)
                self.beginInsertColumns(QModelIndex(), first, first + len(names) - len(current) - 1)
                self._columns = fixed + wanted
                self.endInsertColumns()
            else:
                self.beginResetModel()
                self._columns = fixed + wanted
                self.endResetModel()
        self.metadata_loaded = True
        if changed:
            self.metadata_changed.emit()

    # -- rows ----------------------------------------------------------------

    def _page(self, number: int) -> list[Row | None]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE].tolist()
        found = table_rows(self._workspace, ids)
        # A contact deleted since the ids were read shows as an empty row until the refresh.
        page = [found.get(contact_id) for contact_id in ids]
        self._pages[number] = page
        if len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- QAbstractTableModel -------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        values = self.row_values(index.row())
        if values is None:
            return None
        column = self._columns[index.column()]
        if column.kind == "field":
            value = values[TABLE_FIELDS.index(column.name)]
        elif column.kind == "tags":
            value = ", ".join(values[_TAGS_INDEX])
        else:
            value = (values[_CUSTOM_INDEX] or {}).get(column.name)
        return None if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        return self._titles.get(column.name) if column.kind != "custom" else column.name
