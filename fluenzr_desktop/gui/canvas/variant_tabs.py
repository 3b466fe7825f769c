"""The A/B variants of an email in the inspector: tabs A, B, C… with add, remove, duplicate and
a weight each, and the box saying how the test decides (the node's `ab_test`).

Like the rest of the inspector, nothing here changes a node: each edit works out the node's
new props (the `*_changes` functions, on plain data) and hands them to the inspector's `push`,
which puts one `EditVariants` on the undo stack. The texts and the inheritance rule are
`domain.variants`'s; this module only lays them out.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import Problem
from ...domain.variants import (
    AB_ALLOCATIONS,
    AB_METRICS,
    DEFAULT_WEIGHT,
    MAX_VARIANT_WEIGHT,
    MAX_VARIANTS,
    ab_settings,
    next_variant_letter,
    own_text,
    raw_variants,
    valid_weight,
    variant_field,
    variant_ids,
    variants_of,
)
from ...domain.workflow import Node
from ..problem_text import problem_text
from .commands import EditNode
from .document import REMOVED, SequenceDocument
from .preview import text_prop

# (props to change, merge key or None): what the inspector's `push` takes.
Push = Callable[[dict[str, Any], object], None]

_VARIANT_EDIT_ID = 1003


class EditVariants(EditNode):
    """An edit of a node's variants or A/B settings: one undo step each, except that typing in
    one text of one variant (or stepping one weight) merges, as typing in a field does."""

    def __init__(
        self,
        document: SequenceDocument,
        node_id: str,
        changes: dict[str, Any],
        merge_key: object = None,
        parent=None,
    ) -> None:
        super().__init__(document, node_id, changes, merge=merge_key is not None, parent=parent)
        self.setText(QCoreApplication.translate("SequenceCanvas", "Edit variants"))
        self.merge_key = merge_key

    def id(self) -> int:
        return _VARIANT_EDIT_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, EditVariants) or self.merge_key is None:
            return False
        if (other.node_id, other.merge_key) != (self.node_id, self.merge_key):
            return False
        self.new = other.new
        return True


# -- the edits, on plain data -------------------------------------------------------------------


def _entries(node: Node) -> list[Any]:
    return copy.deepcopy(raw_variants(node))


def added_changes(node: Node) -> tuple[dict[str, Any], int] | None:
    """(changes, index of the new variant); None when the node has the most it may.

    The first add turns a plain email into A (its texts) and B (blank texts: the node's).
    """
    entries = _entries(node)
    if not entries:
        first: dict[str, Any] = {"id": "A"}
        for key in ("subject", "body"):
            if text_prop(node.get(key)).strip():
                first[key] = text_prop(node.get(key))
        first["weight"] = DEFAULT_WEIGHT
        return {"variants": [first, {"id": "B", "weight": DEFAULT_WEIGHT}]}, 1
    letter = next_variant_letter(_ids(entries))
    if letter is None or len(entries) >= MAX_VARIANTS:
        return None
    entries.append({"id": letter, "weight": DEFAULT_WEIGHT})
    return {"variants": entries}, len(entries) - 1


def duplicated_changes(node: Node, index: int) -> tuple[dict[str, Any], int] | None:
    """(changes, index of the copy, placed last); None when no more variants may be added."""
    entries = _entries(node)
    letter = next_variant_letter(_ids(entries))
    if (
        letter is None
        or len(entries) >= MAX_VARIANTS
        or not 0 <= index < len(entries)
        or not isinstance(entries[index], dict)
    ):
        return None
    entries.append({**copy.deepcopy(entries[index]), "id": letter})
    return {"variants": entries}, len(entries) - 1


def removed_changes(node: Node, index: int) -> dict[str, Any]:
    """Remove one variant; when one would remain, the email is plain again with its texts."""
    entries = _entries(node)
    if not 0 <= index < len(entries):
        return {}
    del entries[index]
    if len(entries) > 1:
        return {"variants": entries}
    changes: dict[str, Any] = {"variants": REMOVED, "ab_test": REMOVED}
    remaining = entries[0] if entries and isinstance(entries[0], dict) else {}
    for key in ("subject", "body"):
        changes[key] = own_text(remaining, key) or text_prop(node.get(key))
    return changes


def text_changes(node: Node, index: int, key: str, text: str) -> dict[str, Any]:
    """Set a variant's own subject or body; a blank one is dropped (it takes the node's)."""
    entries = _entries(node)
    if not 0 <= index < len(entries) or not isinstance(entries[index], dict):
        return {}
    if text.strip():
        entries[index][key] = text
    else:
        entries[index].pop(key, None)
    return {"variants": entries}


def weight_changes(node: Node, index: int, weight: float) -> dict[str, Any]:
    """Set a variant's weight (a whole number is saved as a JSON integer)."""
    entries = _entries(node)
    if not 0 <= index < len(entries) or not isinstance(entries[index], dict):
        return {}
    entries[index]["weight"] = int(weight) if float(weight).is_integer() else weight
    return {"variants": entries}


def ab_test_changes(node: Node, key: str, value: object) -> dict[str, Any]:
    """Set one A/B setting of the node, keeping the others (and keys this version lacks)."""
    raw = node.get("ab_test")
    settings = dict(raw) if isinstance(raw, dict) else {}
    settings[key] = value
    return {"ab_test": settings}


def _ids(entries: Sequence[Any]) -> list[str]:
    return [e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def tab_label(entry: object, index: int) -> str:
    """A tab's name: the variant's id, or its number when it has none."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"].strip():
        return entry["id"]
    return f"#{index + 1}"


# -- the widgets --------------------------------------------------------------------------------


class VariantTabs(QWidget):
    """Tabs over an email's variants, the buttons that change them and the selected one's weight.

    Hidden for a plain email: then only `add_first_button` shows, which the inspector lays
    out beside the subject's label. `current_changed` says another tab was chosen: the
    inspector shows that variant's texts.
    """

    current_changed = Signal()

    def __init__(self, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._push = push
        self._node: Node | None = None
        self._chosen: dict[str, int] = {}  # node id → the tab last chosen on it
        self._pending: int | None = None  # the tab to choose once an add or remove is shown
        self._updating = False
        self._read_only = False

        self.add_first_button = QToolButton(self)
        self.add_first_button.setText(self.tr("+ A/B variant"))
        self.add_first_button.setToolTip(
            self.tr("Test another version of this email: it becomes variant A, the new one B")
        )
        self.add_first_button.clicked.connect(self.add_variant)
        self.tab_bar = QTabBar(self)
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDrawBase(False)
        self.tab_bar.setUsesScrollButtons(True)
        # The chosen tab's × removes its variant (the room is short for a Remove button, and
        # for a × on every tab).
        self.tab_bar.currentChanged.connect(self._on_tab_changed)
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add a variant"))
        self.add_button.clicked.connect(self.add_variant)
        self.weight_spin = _WeightSpin(self)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setRange(0.01, MAX_VARIANT_WEIGHT)
        self.weight_spin.setToolTip(
            self.tr("The variant's share of the contacts is its weight over the total")
        )
        self.weight_spin.valueChanged.connect(self._on_weight_changed)
        self.share_label = QLabel(self)
        self.share_label.setStyleSheet("color: #607d8b;")
        self.duplicate_button = QToolButton(self)
        self.duplicate_button.setText(self.tr("Duplicate"))
        self.duplicate_button.setToolTip(self.tr("Add a copy of this variant"))
        self.duplicate_button.clicked.connect(self.duplicate_variant)

        tabs_row = QHBoxLayout()
        tabs_row.setContentsMargins(0, 0, 0, 0)
        tabs_row.addWidget(self.tab_bar)
        tabs_row.addWidget(self.add_button)
        tabs_row.addStretch(1)
        tabs_row.addWidget(self.duplicate_button)
        self.weight_label = QLabel(self.tr("Weight"), self)
        weight_row = QHBoxLayout()
        weight_row.setContentsMargins(0, 0, 0, 0)
        weight_row.addWidget(self.weight_label)
        weight_row.addWidget(self.weight_spin)
        weight_row.addWidget(self.share_label, 1)
        self.weight_row = QWidget(self)
        self.weight_row.setLayout(weight_row)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addLayout(tabs_row)
        box.addWidget(self.weight_row)

    # -- what the inspector asks -------------------------------------------------------------

    def current_index(self) -> int | None:
        """The index of the variant being edited; None for a plain email."""
        if self._node is None or not raw_variants(self._node):
            return None
        index = self.tab_bar.currentIndex()
        return index if index >= 0 else None

    def current_entry(self) -> dict[str, Any] | None:
        """The stored entry of the variant being edited (None: plain, or not an object)."""
        index = self.current_index()
        entries = raw_variants(self._node) if self._node is not None else []
        if index is None or index >= len(entries) or not isinstance(entries[index], dict):
            return None
        return entries[index]

    def current_variant_id(self) -> str | None:
        """The id of the variant being edited when the node can send it (for the preview)."""
        entry = self.current_entry()
        if entry is None or self._node is None:
            return None
        variant_id = entry.get("id")
        return variant_id if variant_id in variant_ids(self._node) else None

    def set_read_only(self, read_only: bool) -> None:
        """A running campaign: the tabs still switch, nothing else changes."""
        self._read_only = read_only
        if self._node is not None:
            self._enable_buttons(self._node)

    # -- following the node ------------------------------------------------------------------

    def show_node(self, node: Node, problems: Sequence[Problem]) -> None:
        """Show this email node's variants (the tab chosen on it before stays chosen)."""
        if self._pending is not None:
            current, self._pending = self._pending, None
        elif self._node is None or self._node.id != node.id:
            current = self._chosen.get(node.id, 0)
        else:
            current = self.tab_bar.currentIndex()
        self._node = node
        entries = raw_variants(node)
        labels = [tab_label(entry, index) for index, entry in enumerate(entries)]
        self._updating = True
        try:
            if [self.tab_bar.tabText(i) for i in range(self.tab_bar.count())] != labels:
                while self.tab_bar.count():
                    self.tab_bar.removeTab(0)
                for label in labels:
                    self.tab_bar.addTab(label)
            if labels:
                self.tab_bar.setCurrentIndex(min(max(current, 0), len(labels) - 1))
            self._chosen[node.id] = self.tab_bar.currentIndex()
            self._place_close_button()
            self.show_problems(problems)
            self._show_weight(node)
        finally:
            self._updating = False
        varied = bool(entries)
        self.setVisible(varied)
        # On a plain email only this button shows (the inspector puts it by the subject).
        self.add_first_button.setVisible(not varied)
        self._enable_buttons(node)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Mark each tab whose variant has a problem (an icon, red text, the list as tip)."""
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tab_bar.count()):
            field = variant_field(index)
            mine = [
                problem_text(problem)
                for problem in problems
                if problem.field == field or (problem.field or "").startswith(field + ".")
            ]
            self.tab_bar.setTabIcon(index, warning if mine else QIcon())
            self.tab_bar.setTabTextColor(index, QColor("#b71c1c") if mine else QColor())
            self.tab_bar.setTabToolTip(index, "\n".join(f"• {text}" for text in mine))

    def _show_weight(self, node: Node) -> None:
        entry = self.current_entry()
        weight = entry.get("weight", DEFAULT_WEIGHT) if entry is not None else DEFAULT_WEIGHT
        if not valid_weight(weight):
            weight = DEFAULT_WEIGHT  # validation names the bad one; the box cannot show it
        if self.weight_spin.value() != weight:
            self.weight_spin.setValue(float(weight))
        variants = variants_of(node)
        total = sum(variant.weight for variant in variants)
        variant_id = self.current_variant_id()
        share = next((v.weight / total for v in variants if v.id == variant_id), None)
        if share is None or total <= 0:
            self.share_label.clear()
        elif ab_settings(node).allocation == "thompson":
            self.share_label.setText(self.tr("%1 % at first").replace("%1", _percent(share)))
        else:
            self.share_label.setText(self.tr("%1 % of contacts").replace("%1", _percent(share)))

    def _enable_buttons(self, node: Node) -> None:
        editable = not self._read_only
        more = next_variant_letter(_ids(raw_variants(node))) is not None
        self.add_first_button.setEnabled(editable)
        self.add_button.setEnabled(editable and more)
        self.duplicate_button.setEnabled(editable and more and self.current_entry() is not None)
        if (self.close_button(self.tab_bar.currentIndex()) is None) == editable:
            self._place_close_button()
        self.weight_spin.setReadOnly(not editable or self.current_entry() is None)

    def close_button(self, index: int) -> QWidget | None:
        """The × of a tab: only the chosen one has it, and none when read-only."""
        if not 0 <= index < self.tab_bar.count():
            return None
        return self.tab_bar.tabButton(index, QTabBar.ButtonPosition.RightSide)

    def _place_close_button(self) -> None:
        """Give the chosen tab (only) its ×, unless read-only."""
        side = QTabBar.ButtonPosition.RightSide
        for index in range(self.tab_bar.count()):
            old = self.tab_bar.tabButton(index, side)
            if old is not None:
                self.tab_bar.setTabButton(index, side, None)
                old.deleteLater()
        current = self.tab_bar.currentIndex()
        if self._read_only or current < 0:
            return
        button = QToolButton(self.tab_bar)
        button.setText("×")
        button.setAutoRaise(True)
        button.setFixedSize(16, 16)
        button.setToolTip(self.tr("Remove this variant (with one left, the email is plain again)"))
        button.clicked.connect(lambda: self.remove_variant())
        self.tab_bar.setTabButton(current, side, button)

    def _on_tab_changed(self, index: int) -> None:
        if self._updating or self._node is None:
            return
        self._chosen[self._node.id] = index
        self._place_close_button()
        self._updating = True
        try:
            self._show_weight(self._node)
        finally:
            self._updating = False
        self._enable_buttons(self._node)
        self.current_changed.emit()

    # -- edits -------------------------------------------------------------------------------

    def add_variant(self) -> None:
        """Add a variant (the first add makes A and B) and select it."""
        if self._node is None or self._read_only:
            return
        added = added_changes(self._node)
        if added is not None:
            self._select_after_push(added[1], added[0])

    def duplicate_variant(self) -> None:
        """Add a copy of the selected variant (its own texts and weight) and select it."""
        index = self.current_index()
        if self._node is None or self._read_only or index is None:
            return
        duplicated = duplicated_changes(self._node, index)
        if duplicated is not None:
            self._select_after_push(duplicated[1], duplicated[0])

    def remove_variant(self, index: int | None = None) -> None:
        """Remove a variant (by default the selected one); the chosen tab stays chosen, or
        the one before it when it is the one removed."""
        current = self.current_index()
        index = current if index is None else index
        if self._node is None or self._read_only or index is None or current is None:
            return
        chosen = current - 1 if index < current else current if index > current else index - 1
        self._select_after_push(max(chosen, 0), removed_changes(self._node, index))

    def edit_text(self, key: str, text: str) -> None:
        """The user typed the selected variant's subject or body."""
        index = self.current_index()
        if self._node is not None and index is not None and not self._read_only:
            self._push(text_changes(self._node, index, key, text), ("text", index, key))

    def _on_weight_changed(self, value: float) -> None:
        index = self.current_index()
        if self._updating or self._node is None or index is None or self._read_only:
            return
        self._push(weight_changes(self._node, index, value), ("weight", index))

    def _select_after_push(self, index: int, changes: dict[str, Any]) -> None:
        if self._node is None or not changes:
            return
        self._pending = index  # the refresh the push causes shows this tab
        try:
            self._push(changes, None)
        finally:
            self._pending = None


class AbSettingsBox(QGroupBox):
    """How an A/B tested email decides: the metric, the automatic winner, the allocation."""

    def __init__(self, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("A/B test"))
        self._push = push
        self._node: Node | None = None
        self._updating = False
        metrics = {"replies": self.tr("Replies"), "clicks": self.tr("Clicks")}
        self.metric_combo = QComboBox(self)
        for metric in AB_METRICS:
            self.metric_combo.addItem(metrics.get(metric, metric), metric)
        self.metric_combo.setToolTip(
            self.tr("What the variants are judged on; opens are not reliable enough to judge on")
        )
        self.metric_combo.currentIndexChanged.connect(
            lambda _index: self._edit("metric", self.metric_combo.currentData())
        )
        # A check box cannot wrap its text: this one's is a label beside it, which wraps in a
        # narrow inspector (French is long) and toggles it when clicked.
        self.auto_winner_check = QCheckBox(self)
        self.auto_winner_label = _ToggleLabel(self.tr("Pick the winner automatically"), self)
        self.auto_winner_label.setBuddy(self.auto_winner_check)
        self.auto_winner_check.setAccessibleName(self.auto_winner_label.text())
        self.auto_winner_check.setToolTip(
            self.tr("Once a variant is the winner, every contact not yet sent this email gets it")
        )
        self.auto_winner_check.toggled.connect(lambda on: self._edit("auto_winner", on))
        allocations = {
            "weights": self.tr("By weight"),
            "thompson": self.tr("Thompson sampling"),
        }
        self.allocation_combo = QComboBox(self)
        for allocation in AB_ALLOCATIONS:
            self.allocation_combo.addItem(allocations.get(allocation, allocation), allocation)
        self.allocation_combo.setToolTip(
            self.tr(
                "Thompson sampling sends more of the variant doing better, "
                "keeping each at 10 % at least"
            )
        )
        self.allocation_combo.currentIndexChanged.connect(
            lambda _index: self._edit("allocation", self.allocation_combo.currentData())
        )
        for combo in (self.metric_combo, self.allocation_combo):
            # Narrower than its longest item when the inspector is: the text is cut, not the page.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Judged on"), self.metric_combo)
        form.addRow(self.tr("Split"), self.allocation_combo)
        self.auto_winner_label.setToolTip(self.auto_winner_check.toolTip())
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto_winner_check, 0, Qt.AlignmentFlag.AlignTop)
        auto_row.addWidget(self.auto_winner_label, 1)
        form.addRow(auto_row)

    def show_node(self, node: Node) -> None:
        """Show this node's settings (hidden for a plain email)."""
        self._node = node
        self.setVisible(bool(raw_variants(node)))
        settings = ab_settings(node)
        self._updating = True
        try:
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(settings.metric))
            self.auto_winner_check.setChecked(settings.auto_winner)
            self.allocation_combo.setCurrentIndex(
                self.allocation_combo.findData(settings.allocation)
            )
        finally:
            self._updating = False

    def set_read_only(self, read_only: bool) -> None:
        """A running campaign: the settings show, unchangeable."""
        for widget in (self.metric_combo, self.auto_winner_check, self.allocation_combo):
            widget.setEnabled(not read_only)

    def _edit(self, key: str, value: object) -> None:
        if self._updating or self._node is None or value is None:
            return
        self._push(ab_test_changes(self._node, key, value), None)


class _ToggleLabel(QLabel):
    """A word-wrapped label that clicks its buddy check box when clicked."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        buddy = self.buddy()
        if isinstance(buddy, QCheckBox) and buddy.isEnabled():
            buddy.click()
        super().mouseReleaseEvent(event)


class _WeightSpin(QDoubleSpinBox):
    """A weight: "2", not "2.00", while still taking "0.5"."""

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(value, "g", 8)


def _percent(share: float) -> str:
    """A share as a whole percentage in the window's number format ("33")."""
    return QLocale().toString(round(share * 100))
