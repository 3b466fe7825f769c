"""The inspector: edits the selected canvas node (email, delay, condition) through undo commands.

It never changes a node itself: every edit is an `EditNode` pushed on the editor's undo stack,
and the fields are refilled from the document's signals, so undo, redo and typing take the
same path. A guard flag stops the refill from being taken for the user's typing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.problems import Problem
from ...domain.templating import STANDARD_VARIABLES
from ...domain.variants import own_text
from ...domain.workflow import (
    CONDITION_KINDS,
    DELAY_UNITS,
    EVENT_CONDITION_KINDS,
    FIELD_OPS,
    FIELD_OPS_WITH_VALUE,
    MAX_DELAY_AMOUNTS,
    Node,
)
from ..problem_text import problem_text
from .commands import EditNode
from .document import REMOVED
from .fields import PreviewContact, custom_field_names, field_menu_entries
from .items import type_title
from .preview import ContactsSource, EmailPreview, LinesPlainTextEdit, keep_lines, text_prop
from .variant_tabs import AbSettingsBox, EditVariants, VariantTabs
from .view import SequenceEditor

__all__ = ["ContactsSource", "NodeInspector"]

_ABSENT = object()
BODY_MIN_LINES = 8  # the body editor never shows fewer lines (the inspector scrolls instead)
_CONDITION_KEYS = ("kind", "field", "op", "value", "node")


class NodeInspector(QWidget):
    """Edits the one selected node of a SequenceEditor; shows a hint otherwise."""

    def __init__(
        self,
        editor: SequenceEditor,
        contacts_source: ContactsSource = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = editor.document
        self._contacts_source = contacts_source  # read in a worker by the preview's loader
        self._node_id: str | None = None
        self._updating = False
        self._read_only = False
        self.setMinimumWidth(300)

        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        # What the validation finds wrong with this step: the canvas badge's list, readable here.
        self.problems_label = QLabel(self)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(
            "color: #b71c1c; background: #ffebee; border-radius: 4px; padding: 6px;"
        )
        self.problems_label.setVisible(False)
        self.pages = QStackedWidget(self)
        self.hint_page = QLabel(self.tr("Select a step to edit it"), self)
        self.hint_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_page.setWordWrap(True)
        self.hint_page.setStyleSheet("color: #607d8b;")
        self.plain_page = QLabel(self.tr("This step has nothing to set."), self)
        self.plain_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.plain_page.setWordWrap(True)
        self.email_page = self._build_email_page()
        self.delay_page = self._build_delay_page()
        self.condition_page = self._build_condition_page()
        for page in (
            self.hint_page,
            self.plain_page,
            self.email_page,
            self.delay_page,
            self.condition_page,
        ):
            self.pages.addWidget(page)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.problems_label)
        box.addWidget(self.pages, 1)

        self.editor.scene.selectionChanged.connect(self._on_selection_changed)
        # Any change may matter: a subject seen by a follow-up's "Re:", the list of emails a
        # condition can name, the current node undone or deleted.
        for signal in (
            self.document.node_added,
            self.document.node_removed,
            self.document.node_changed,
            self.document.link_added,
            self.document.link_removed,
        ):
            signal.connect(self._on_document_changed)
        self.document.problems_changed.connect(lambda _problems: self._show_problems())
        self._on_selection_changed()

    # -- building ----------------------------------------------------------------------------

    def _build_email_page(self) -> QScrollArea:
        page = QWidget()
        # The preview owns the contacts' loader; the field menu and conditions use it too.
        self.preview = EmailPreview(self._contacts_source, page)
        self.preview.loader.loaded.connect(self._on_contacts_loaded)
        # A/B variants: tabs over the texts, and below them how the test decides.
        self.variant_tabs = VariantTabs(self._edit_variants, page)
        self.variant_tabs.current_changed.connect(self._refresh)
        self.ab_settings = AbSettingsBox(self._edit_variants, page)
        self.subject_edit = QLineEdit(page)
        self.subject_edit.textEdited.connect(self._on_subject_edited)
        self.body_edit = LinesPlainTextEdit(page)
        keep_lines(self.body_edit, BODY_MIN_LINES)
        self.body_edit.setPlaceholderText(self.tr("Hello {{firstName}}, …"))
        self.body_edit.textChanged.connect(self._on_body_changed)
        self._field_target: QWidget = self.body_edit
        for widget in (self.subject_edit, self.body_edit):
            widget.installEventFilter(self)

        self.field_menu = QMenu(page)
        self.field_menu.aboutToShow.connect(self._on_field_menu_opening)
        self.field_menu.triggered.connect(lambda action: self.insert_field(action.data()))
        self.insert_button = QToolButton(page)
        self.insert_button.setText(self.tr("Insert field"))
        self.insert_button.setToolTip(
            self.tr("Insert a contact field where the cursor is, in the subject or the body")
        )
        self.insert_button.setMenu(self.field_menu)
        self.insert_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Room for the menu arrow, which Fusion otherwise draws over the last letter.
        self.insert_button.setStyleSheet("QToolButton { padding-right: 12px; }")
        # Clicking the button must leave the cursor in the field being written.
        self.insert_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._fill_field_menu()

        # The preview's parts, by the names the inspector always gave them.
        self.contact_combo = self.preview.contact_combo
        self.preview_subject = self.preview.subject_label
        self.preview_body = self.preview.body_view
        self.warning_label = self.preview.warning_label

        body_row = QHBoxLayout()
        body_row.addWidget(QLabel(self.tr("Body"), page), 1)
        body_row.addWidget(self.insert_button)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        subject_row = QHBoxLayout()
        subject_row.addWidget(QLabel(self.tr("Subject"), page), 1)
        subject_row.addWidget(self.variant_tabs.add_first_button)
        box.addWidget(self.variant_tabs)
        box.addLayout(subject_row)
        box.addWidget(self.subject_edit)
        box.addLayout(body_row)
        box.addWidget(self.body_edit, 1)
        box.addWidget(self.ab_settings)
        box.addWidget(self.preview, 1)
        # The body and the preview share the room; below their minimums the step scrolls.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        # The page keeps the inspector's background instead of the scroll area's own.
        scroll.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        return scroll

    def _build_delay_page(self) -> QWidget:
        page = QWidget(self)
        self.amount_spin = _AmountSpin(page)
        self.amount_spin.setDecimals(2)
        # Up to a year in minutes; validation names the limit of the unit chosen.
        self.amount_spin.setRange(0.01, max(MAX_DELAY_AMOUNTS.values()))
        self.amount_spin.valueChanged.connect(self._on_amount_changed)
        self.unit_combo = QComboBox(page)
        units = {
            "minutes": self.tr("minutes"),
            "hours": self.tr("hours"),
            "days": self.tr("days"),
        }
        for unit in DELAY_UNITS:
            self.unit_combo.addItem(units.get(unit, unit), unit)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_changed)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Wait"), self.amount_spin)
        form.addRow(self.tr("Unit"), self.unit_combo)
        return page

    def _build_condition_page(self) -> QWidget:
        page = QWidget(self)
        kinds = {
            "field": self.tr("A contact field"),
            "opened": self.tr("Opened an email"),
            "clicked": self.tr("Clicked a link in an email"),
            "replied": self.tr("Replied to an email"),
        }
        self.kind_combo = QComboBox(page)
        for kind in CONDITION_KINDS:
            self.kind_combo.addItem(kinds.get(kind, kind), kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.field_combo = QComboBox(page)
        self.field_combo.setEditable(True)
        self.field_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.field_combo.editTextChanged.connect(self._on_condition_field_changed)
        ops = {
            "equals": self.tr("equals"),
            "not_equals": self.tr("does not equal"),
            "contains": self.tr("contains"),
            "is_empty": self.tr("is empty"),
            "is_not_empty": self.tr("is not empty"),
        }
        self.op_combo = QComboBox(page)
        for op in FIELD_OPS:
            self.op_combo.addItem(ops.get(op, op), op)
        self.op_combo.currentIndexChanged.connect(self._on_op_changed)
        self.value_edit = QLineEdit(page)
        self.value_edit.textEdited.connect(self._on_value_edited)
        self.email_combo = QComboBox(page)
        self.email_combo.setPlaceholderText(self.tr("Choose an email"))
        self.email_combo.currentIndexChanged.connect(self._on_email_chosen)
        self.condition_form = QFormLayout(page)
        self.condition_form.setContentsMargins(0, 0, 0, 0)
        self.condition_form.addRow(self.tr("If the contact"), self.kind_combo)
        self.condition_form.addRow(self.tr("Field"), self.field_combo)
        self.condition_form.addRow(self.tr("Comparison"), self.op_combo)
        self.condition_form.addRow(self.tr("Value"), self.value_edit)
        self.condition_form.addRow(self.tr("Email"), self.email_combo)
        return page

    # -- public ------------------------------------------------------------------------------

    @property
    def node_id(self) -> str | None:
        """The id of the node being edited, or None when the hint shows."""
        return self._node_id

    def contacts(self) -> list[PreviewContact]:
        """The preview contacts (label, variables) read so far; empty until the read is back.

        Never reads on the GUI thread: the preview's loader reads in a worker.
        """
        return list(self.preview.loader.contacts or [])

    def setEnabled(self, enabled: bool) -> None:
        """Locking the inspector (a running campaign) keeps the step readable: read-only."""
        self.set_read_only(not enabled)

    def set_read_only(self, read_only: bool) -> None:
        """Show the selected step without letting it change (the preview still works)."""
        self._read_only = read_only
        self.hint_page.setText(
            self.tr("Select a step to see it") if read_only else self.tr("Select a step to edit it")
        )
        for edit in (self.subject_edit, self.body_edit, self.value_edit, self.amount_spin):
            edit.setReadOnly(read_only)
        combos = (self.unit_combo, self.kind_combo, self.field_combo, self.op_combo)
        for widget in (self.insert_button, self.email_combo, *combos):
            widget.setEnabled(not read_only)
        self.variant_tabs.set_read_only(read_only)
        self.ab_settings.set_read_only(read_only)

    def insert_field(self, name: str) -> None:
        """Insert `{{name}}` at the cursor of the subject or body (the one last focused)."""
        if not name or self._read_only or self._node_type() != "email":
            return
        text = "{{" + name + "}}"
        if self._field_target is self.subject_edit:
            self.subject_edit.insert(text)
            self._on_subject_edited(self.subject_edit.text())
            self.subject_edit.setFocus()
        else:
            self.body_edit.insertPlainText(text)  # textChanged commits it
            self.body_edit.setFocus()

    # -- following the canvas ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.subject_edit, self.body_edit):
            self._field_target = watched  # the menu steals focus: remember where to insert
        return super().eventFilter(watched, event)

    def _on_selection_changed(self) -> None:
        selected = self.editor.scene.selected_node_ids()
        node_id = selected[0] if len(selected) == 1 else None
        if node_id != self._node_id:
            self._node_id = node_id
            self._field_target = self.body_edit
        self._refresh()
        self._show_problems()

    def _show_problems(self) -> None:
        """List the selected step's problems (those its red "!" badge names) above its fields."""
        problems = self.document.problems_by_node().get(self._node_id, [])
        if self._node_type() == "email":
            self.variant_tabs.show_problems(problems)  # a marker on each variant's tab
        if self._node_id is None or not problems:
            self.problems_label.setVisible(False)
            self.problems_label.clear()
            return
        lines = [self.tr("Problems with this step:")]
        lines += [f"• {self._problem_line(problem)}" for problem in problems]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.setVisible(True)

    def _problem_line(self, problem: Problem) -> str:
        """A problem's sentence; one of a variant's texts says which variant it is about."""
        text = problem_text(problem)
        variant = problem.params.get("variant")
        if variant is None or problem.code.startswith("variant"):
            return text  # the sentence names the variant itself
        # Filled in one pass: neither the id nor the sentence is read for the other's marker.
        before, _marker, after = self.tr("variant %1: %2").partition("%2")
        return before.replace("%1", str(variant)) + text + after.replace("%1", str(variant))

    def _on_document_changed(self, _item: object) -> None:
        self._refresh()

    def _node(self) -> Node | None:
        return None if self._node_id is None else self.document.node(self._node_id)

    def _node_type(self) -> str | None:
        node = self._node()
        return None if node is None else node.type

    def _refresh(self) -> None:
        """Show the current node's props; a field the user is typing in is left alone."""
        node = self._node()
        self._updating = True
        try:
            if node is None:
                self._node_id = None
                self.title.setText(self.tr("Inspector"))
                self.pages.setCurrentWidget(self.hint_page)
                return
            self.title.setText(type_title(node.type))
            if node.type == "email":
                self._show_email(node)
            elif node.type == "delay":
                self._show_delay(node)
            elif node.type == "condition":
                self._show_condition(node)
            else:
                self.pages.setCurrentWidget(self.plain_page)
        finally:
            self._updating = False

    # -- email -------------------------------------------------------------------------------

    def _show_email(self, node: Node) -> None:
        self.pages.setCurrentWidget(self.email_page)
        # The domain says which emails open a path: those need a subject of their own.
        if node.id in self.document.workflow.first_email_ids():
            hint = self.tr("Subject of the first email (required)")
        else:
            hint = self.tr("Empty on a follow-up: “Re: <previous subject>”")
        body_hint = self.tr("Hello {{firstName}}, …")
        subject, body = text_prop(node.get("subject")), text_prop(node.get("body"))
        problems = self.document.problems_by_node().get(node.id, [])
        self.variant_tabs.show_node(node, problems)
        self.ab_settings.show_node(node)
        variant = self.variant_tabs.current_entry()
        if variant is not None:
            # A variant's blank text is the node's: shown greyed, as the placeholder.
            hint, body_hint = subject.strip() or hint, body.strip() or body_hint
            subject = own_text(variant, "subject") or ""
            body = own_text(variant, "body") or ""
        self.subject_edit.setPlaceholderText(hint)
        self.body_edit.setPlaceholderText(body_hint)
        # Only replace text that differs, so the cursor stays put while typing.
        if self.subject_edit.text() != subject:
            self.subject_edit.setText(subject)
        if self.body_edit.toPlainText() != body:
            self.body_edit.setPlainText(body)
        self.preview.show_email(
            node, self.document.workflow, self.variant_tabs.current_variant_id()
        )

    def preview_contact(self) -> PreviewContact | None:
        """The contact chosen for the preview (the sample contact when there are none)."""
        return self.preview.preview_contact()

    def _on_field_menu_opening(self) -> None:
        self.preview.loader.ensure_loaded()  # custom fields show once the contacts are read
        self._fill_field_menu()

    def _on_contacts_loaded(self) -> None:
        """Fresh contacts: their custom fields join the menu and a shown condition's fields."""
        if not self.field_menu.isVisible():
            self._fill_field_menu()
        if self._node_type() == "condition":
            self._refresh()

    def _fill_field_menu(self) -> None:
        self.field_menu.clear()
        standard, custom = field_menu_entries(self.contacts())
        for text, name in standard:
            self.field_menu.addAction(text).setData(name)
        if custom:
            self.field_menu.addSection(self.tr("Custom fields"))
            for name in custom:
                self.field_menu.addAction(name).setData(name)

    def _on_subject_edited(self, text: str) -> None:
        self._edit_text("subject", text)

    def _on_body_changed(self) -> None:
        self._edit_text("body", self.body_edit.toPlainText())

    def _edit_text(self, key: str, text: str) -> None:
        """The subject or body typed: the selected variant's own, or the node's."""
        if self._updating:
            return
        if self.variant_tabs.current_index() is not None:
            self.variant_tabs.edit_text(key, text)
        else:
            self._edit({key: text})

    # -- delay -------------------------------------------------------------------------------

    def _show_delay(self, node: Node) -> None:
        self.pages.setCurrentWidget(self.delay_page)
        amount = node.get("amount")
        is_number = isinstance(amount, int | float) and not isinstance(amount, bool)
        if is_number and self.amount_spin.value() != amount:
            self.amount_spin.setValue(float(amount))
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(node.get("unit")))

    def _on_amount_changed(self, value: float) -> None:
        if not self._updating:
            # Whole numbers are saved as JSON integers, as a hand-written document would be.
            self._edit({"amount": int(value) if float(value).is_integer() else value})

    def _on_unit_changed(self, _index: int) -> None:
        unit = self.unit_combo.currentData()
        if not self._updating and unit is not None:
            self._edit({"unit": unit})

    # -- condition ---------------------------------------------------------------------------

    def _show_condition(self, node: Node) -> None:
        self.pages.setCurrentWidget(self.condition_page)
        condition = self._condition(node)
        kind = condition.get("kind")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        is_field = kind == "field"
        is_event = kind in EVENT_CONDITION_KINDS

        self.preview.loader.ensure_loaded()
        fields = [*STANDARD_VARIABLES, *custom_field_names(self.contacts())]
        current_fields = [self.field_combo.itemText(i) for i in range(self.field_combo.count())]
        if current_fields != fields:
            self.field_combo.clear()
            self.field_combo.addItems(fields)
        field_name = text_prop(condition.get("field"))
        if self.field_combo.currentText() != field_name:
            self.field_combo.setEditText(field_name)
        op = condition.get("op")
        self.op_combo.setCurrentIndex(self.op_combo.findData(op))
        value = condition.get("value")
        value_text = "" if value is None else str(value)
        if self.value_edit.text() != value_text:
            self.value_edit.setText(value_text)

        self.email_combo.clear()
        for position, email in enumerate(self.document.workflow.email_nodes(), start=1):
            subject = text_prop(email.get("subject")).strip() or self.tr("(no subject)")
            self.email_combo.addItem(f"{position}. {subject}", email.id)
        self.email_combo.setCurrentIndex(self.email_combo.findData(condition.get("node")))

        self.condition_form.setRowVisible(self.field_combo, is_field)
        self.condition_form.setRowVisible(self.op_combo, is_field)
        self.condition_form.setRowVisible(self.value_edit, is_field and op in FIELD_OPS_WITH_VALUE)
        self.condition_form.setRowVisible(self.email_combo, is_event)

    @staticmethod
    def _condition(node: Node) -> dict[str, Any]:
        condition = node.get("condition")
        return dict(condition) if isinstance(condition, dict) else {}

    def _edit_condition(self, changes: Mapping[str, Any]) -> None:
        node = self._node()
        if self._updating or node is None:
            return
        condition = self._condition(node)
        for key, value in changes.items():
            if value is REMOVED:
                condition.pop(key, None)
            else:
                condition[key] = value
        self._edit({"condition": condition})

    def _on_kind_changed(self, _index: int) -> None:
        kind = self.kind_combo.currentData()
        node = self._node()
        if self._updating or node is None or kind is None:
            return
        old = self._condition(node)
        # Keep keys this version does not know; drop the other kind's settings.
        condition = {key: value for key, value in old.items() if key not in _CONDITION_KEYS}
        condition["kind"] = kind
        if kind == "field":
            condition["field"] = self.field_combo.currentText()
            condition["op"] = self.op_combo.currentData() or "equals"
            if condition["op"] in FIELD_OPS_WITH_VALUE:
                condition["value"] = self.value_edit.text()
        else:
            condition["node"] = old.get("node") or self._default_email(node.id)
        self._edit({"condition": condition})

    def _default_email(self, condition_id: str) -> str | None:
        """The email a new opened/clicked/replied condition most likely means: the one before."""
        previous = self.document.workflow.previous_email_id(condition_id)
        if previous is not None:
            return previous
        emails = self.document.workflow.email_nodes()
        return emails[-1].id if emails else None

    def _on_condition_field_changed(self, text: str) -> None:
        self._edit_condition({"field": text})

    def _on_op_changed(self, _index: int) -> None:
        op = self.op_combo.currentData()
        if op is None:
            return
        value = self.value_edit.text() if op in FIELD_OPS_WITH_VALUE else REMOVED
        self._edit_condition({"op": op, "value": value})

    def _on_value_edited(self, text: str) -> None:
        self._edit_condition({"value": text})

    def _on_email_chosen(self, _index: int) -> None:
        node_id = self.email_combo.currentData()
        if node_id is not None:
            self._edit_condition({"node": node_id})

    # -- editing -----------------------------------------------------------------------------

    def _edit(self, changes: dict[str, Any]) -> None:
        """Push one EditNode for the current node; consecutive edits of a field merge."""
        node = self._node()
        if self._updating or self._read_only or node is None:
            return
        if all(node.props.get(key, _ABSENT) == value for key, value in changes.items()):
            return  # nothing changes: no empty undo step
        self.editor.undo_stack.push(EditNode(self.document, node.id, changes, merge=True))

    def _edit_variants(self, changes: dict[str, Any], merge_key: object) -> None:
        """Push one EditVariants (variants, A/B settings) for the current node."""
        node = self._node()
        if self._updating or self._read_only or node is None or not changes:
            return
        if all(node.props.get(key, _ABSENT) == value for key, value in changes.items()):
            return  # nothing changes: no empty undo step
        self.editor.undo_stack.push(EditVariants(self.document, node.id, changes, merge_key))


class _AmountSpin(QDoubleSpinBox):
    """A delay amount: "3", not "3.00", while still taking "1.5"."""

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(value, "g", 8)
