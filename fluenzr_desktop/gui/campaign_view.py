"""One campaign: a header with its status and actions, and Sequence / Contacts / Settings tabs.

The campaign row is read on the GUI thread (one row; WAL readers never wait for the
engine's writes); every write, the enrollments table and enrolling run through
`run_in_background`. Each tab owns its part of the stored document: Sequence saves the
nodes and edges and keeps the stored settings, Settings saves the settings and keeps the
stored graph, so saving one tab never undoes a save of the other.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.states import (
    SEQUENCE_EDITABLE,
    CampaignStatus,
    EnrollmentState,
)
from ..domain.workflow import (
    MAX_DAILY_CAP,
    MAX_GAP_SECONDS,
    WEEKDAYS,
    Problem,
    default_settings,
)
from ..workspace import Workspace
from .campaigns_list import campaign_status_text, verb_allowed
from .canvas.items import node_summary, type_title
from .canvas.workbench import SequenceWorkbench
from .tasks import run_in_background

# Running campaigns keep their graph: contacts stand on its nodes.
EDITABLE = SEQUENCE_EDITABLE
ENROLLABLE = (CampaignStatus.DRAFT, CampaignStatus.ACTIVE, CampaignStatus.PAUSED)
VERBS = ("activate", "pause", "resume", "archive")
COMMON_TIME_ZONES = (
    "Europe/Paris",
    "Europe/London",
    "Europe/Brussels",
    "Europe/Zurich",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Lisbon",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Montreal",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "America/Martinique",
    "Africa/Casablanca",
    "Africa/Dakar",
    "Africa/Abidjan",
    "Indian/Reunion",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
)
_EMAIL_SEPARATORS = re.compile(r"[\s,;]+")


def merged_document(stored: dict[str, Any], changed: dict[str, Any], part: str) -> dict[str, Any]:
    """`stored` with only its settings (part="settings") or its graph (part="sequence") replaced."""
    if part == "settings":
        document = copy.deepcopy(stored)
        document["settings"] = copy.deepcopy(changed["settings"])
        return document
    document = copy.deepcopy(changed)
    if "settings" in stored:
        document["settings"] = copy.deepcopy(stored["settings"])
    else:
        document.pop("settings", None)
    return document


def _is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _local_time(moment: datetime | None) -> str:
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
        self.rows: list[tuple[Any, ...]] = []

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Show these rows instead of the current ones."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
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
            return _local_time(next_action)
        return last_error or ""


class EnrollDialog(QDialog):
    """Choose whom to enroll: every contact, the contacts with a tag, or pasted addresses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enroll contacts"))
        self.resize(460, 360)
        self.all_button = QRadioButton(self.tr("All contacts"))
        self.tag_button = QRadioButton(self.tr("Contacts with the tag"))
        self.emails_button = QRadioButton(self.tr("These addresses (one per line)"))
        self.group = QButtonGroup(self)
        for button in (self.all_button, self.tag_button, self.emails_button):
            self.group.addButton(button)
        self.all_button.setChecked(True)
        self.tag_combo = QComboBox()
        self.tag_combo.setEnabled(False)
        self.tag_combo.setPlaceholderText(self.tr("Loading tags…"))
        self.emails_edit = QPlainTextEdit()
        self.emails_edit.setPlaceholderText("anne@example.com\nbruno@example.com")
        self.emails_edit.textChanged.connect(lambda: self.emails_button.setChecked(True))
        self.tag_combo.activated.connect(lambda _index: self.tag_button.setChecked(True))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enroll"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.all_button)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.tag_button)
        tag_row.addWidget(self.tag_combo, 1)
        layout.addLayout(tag_row)
        layout.addWidget(self.emails_button)
        layout.addWidget(self.emails_edit, 1)
        layout.addWidget(self.buttons)

    def set_tags(self, tags: list[str]) -> None:
        """Offer these tags (none: the tag choice is disabled)."""
        self.tag_combo.clear()
        self.tag_combo.addItems(tags)
        self.tag_combo.setEnabled(bool(tags))
        self.tag_button.setEnabled(bool(tags))
        if not tags:
            self.tag_combo.setPlaceholderText(self.tr("No tags yet"))

    def choice(self) -> tuple[str, Any]:
        """("all", None), ("tag", tag) or ("emails", [address, …])."""
        if self.tag_button.isChecked() and self.tag_combo.currentText():
            return "tag", self.tag_combo.currentText()
        if self.emails_button.isChecked():
            text = self.emails_edit.toPlainText()
            return "emails", [part for part in _EMAIL_SEPARATORS.split(text) if part]
        return "all", None


class CampaignView(QWidget):
    """The screen of one campaign: header with Activate / Pause / Resume / Archive, and tabs."""

    changed = Signal()  # the campaign was saved, changed status or took contacts
    settled = Signal()  # a background job ended, whatever its outcome
    enrollments_loaded = Signal()

    def __init__(self, workspace: Workspace, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.name = ""
        self.status = CampaignStatus.DRAFT.value
        self.status_reason: str | None = None
        self.stored_settings: dict[str, Any] = {}
        self.active_dialog: QDialog | None = None  # the dialog or message box last opened
        self.busy = 0
        self.problems: list[Problem] = []
        self._enrollments_request = 0

        self._build_header()
        self.tabs = QTabWidget()
        self.sequence_tab = self._build_sequence_tab()
        self.contacts_tab = self._build_contacts_tab()
        self.settings_tab = self._build_settings_tab()
        self.tabs.addTab(self.sequence_tab, self.tr("Sequence"))
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        self.tabs.addTab(self.settings_tab, self.tr("Settings"))

        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.tabs, 1)
        self.load()

    # -- building -----------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.activate_button = QPushButton(self.tr("Activate"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.verb_buttons = {
            "activate": self.activate_button,
            "pause": self.pause_button,
            "resume": self.resume_button,
            "archive": self.archive_button,
        }
        self.activate_button.clicked.connect(self.activate)
        self.pause_button.clicked.connect(lambda: self.change_status("pause"))
        self.resume_button.clicked.connect(lambda: self.change_status("resume"))
        self.archive_button.clicked.connect(self.archive)
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.status_label)
        self.header = QHBoxLayout()
        self.header.addLayout(titles, 1)
        for button in self.verb_buttons.values():
            self.header.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_list = QListWidget()
        self.problems_list.setToolTip(self.tr("Click a problem to show where it is"))
        self.problems_list.setStyleSheet("QListWidget { color: #b3261e; }")
        self.problems_list.hide()
        self.problems_list.itemClicked.connect(self._problem_clicked)
        self.problems_list.itemActivated.connect(self._problem_clicked)

    def _build_sequence_tab(self) -> QWidget:
        page = QWidget()
        # The canvas with the inspector beside it; previews use a few of the campaign's
        # contacts (or of the workspace's when none is enrolled yet).
        self.workbench = SequenceWorkbench(page, contacts_source=self._preview_contacts)
        self.editor = self.workbench.editor
        self.sequence_note = QLabel()
        self.sequence_note.setWordWrap(True)
        self.save_sequence_button = QPushButton(self.tr("Save sequence"))
        self.save_sequence_button.clicked.connect(self.save_sequence)
        row = QHBoxLayout()
        row.addWidget(self.sequence_note, 1)
        row.addWidget(self.save_sequence_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.workbench, 1)
        layout.addLayout(row)
        return page

    def _preview_contacts(self) -> list[tuple[str, dict[str, str]]]:
        """Up to 20 contacts to preview emails for: enrolled ones first (one small query)."""
        from sqlalchemy import select

        from ..store.contacts import template_variables
        from ..store.models import Account, Campaign, Contact, Enrollment

        with self.workspace.sessions() as session:
            campaign = session.get(Campaign, self.campaign_id)
            account = (
                session.get(Account, campaign.account_id)
                if campaign and campaign.account_id
                else None
            )
            enrolled = select(Enrollment.contact_id).where(
                Enrollment.campaign_id == self.campaign_id
            )
            contacts = list(
                session.scalars(select(Contact).where(Contact.id.in_(enrolled)).limit(20))
            )
            if not contacts:
                contacts = list(session.scalars(select(Contact).order_by(Contact.id).limit(20)))
            return [
                (
                    contact.email,
                    template_variables(contact, account.signature if account else None),
                )
                for contact in contacts
            ]

    def _build_contacts_tab(self) -> QWidget:
        page = QWidget()
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All states"), None)
        for state in EnrollmentState:
            self.state_filter.addItem(self.state_text(state.value), state.value)
        self.state_filter.currentIndexChanged.connect(lambda _index: self.load_enrollments())
        self.enrollment_count = QLabel()
        self.enroll_button = QPushButton(self.tr("Enroll…"))
        self.enroll_button.clicked.connect(self.open_enroll_dialog)
        self.retry_button = QPushButton(self.tr("Retry errors"))
        self.retry_button.setToolTip(
            self.tr(
                "Put the selected contacts in error (all of them if none is selected) back "
                "where they stood, once you fixed the cause."
            )
        )
        self.retry_button.clicked.connect(self.retry_selected)
        self.enrollments = EnrollmentsModel(
            [
                self.tr("Email"),
                self.tr("State"),
                self.tr("Current step"),
                self.tr("Next action"),
                self.tr("Last error"),
            ],
            self.state_text,
            self.node_text,
            self,
        )
        self.enrollments_table = QTableView()
        self.enrollments_table.setModel(self.enrollments)
        self.enrollments_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.enrollments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.enrollments_table.setAlternatingRowColors(True)
        self.enrollments_table.setWordWrap(False)
        self.enrollments_table.verticalHeader().setVisible(False)
        rows = self.enrollments_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.enrollments_table.horizontalHeader()
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 240)
        header.setStretchLastSection(True)
        self.enroll_progress = QProgressBar()
        self.enroll_progress.setRange(0, 0)  # enroll() reports no progress: a busy bar
        self.enroll_progress.setMaximumWidth(200)
        self.enroll_progress.hide()
        self.enroll_report = QLabel()
        self.enroll_report.setWordWrap(True)
        self.skipped_list = QListWidget()
        self.skipped_list.setMaximumHeight(120)
        self.skipped_list.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("State:")))
        top.addWidget(self.state_filter)
        top.addWidget(self.enrollment_count, 1)
        top.addWidget(self.enroll_progress)
        top.addWidget(self.retry_button)
        top.addWidget(self.enroll_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.enrollments_table, 1)
        layout.addWidget(self.enroll_report)
        layout.addWidget(self.skipped_list)
        return page

    def _build_settings_tab(self) -> QWidget:
        page = QWidget()
        self.account_combo = QComboBox()
        self.timezone_combo = QComboBox()
        self.timezone_combo.setEditable(True)
        self.timezone_combo.addItems(COMMON_TIME_ZONES)
        self.day_boxes: dict[str, QCheckBox] = {}
        day_names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        days_row = QHBoxLayout()
        for day, title in zip(WEEKDAYS, day_names, strict=True):
            box = QCheckBox(title)
            self.day_boxes[day] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.start_edit = QTimeEdit()
        self.end_edit = QTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.start_edit)
        hours_row.addWidget(QLabel(self.tr("to")))
        hours_row.addWidget(self.end_edit)
        hours_row.addStretch(1)
        self.gap_min = QSpinBox()
        self.gap_max = QSpinBox()
        for spin in (self.gap_min, self.gap_max):
            spin.setRange(0, MAX_GAP_SECONDS)
            spin.setSuffix(self.tr(" s"))
        gap_row = QHBoxLayout()
        gap_row.addWidget(self.gap_min)
        gap_row.addWidget(QLabel(self.tr("to")))
        gap_row.addWidget(self.gap_max)
        gap_row.addStretch(1)
        self.daily_cap = QSpinBox()
        self.daily_cap.setRange(1, MAX_DAILY_CAP)
        self.stop_on_reply = QCheckBox(self.tr("Stop a contact's sequence when they reply"))
        self.stop_on_auto_reply = QCheckBox(
            self.tr("Stop a contact's sequence on an automatic reply (out of office)")
        )
        self.save_settings_button = QPushButton(self.tr("Save settings"))
        self.save_settings_button.clicked.connect(self.save_settings)
        self.settings_note = QLabel()
        self.settings_note.setWordWrap(True)
        self.account_combo.setMinimumWidth(320)
        self.timezone_combo.setMinimumWidth(320)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Sending account"), self.account_combo)
        form.addRow(self.tr("Time zone"), self.timezone_combo)
        form.addRow(self.tr("Sending days"), days_row)
        form.addRow(self.tr("Sending hours"), hours_row)
        form.addRow(self.tr("Gap between two emails"), gap_row)
        form.addRow(self.tr("Daily cap"), self.daily_cap)
        form.addRow("", self.stop_on_reply)
        form.addRow("", self.stop_on_auto_reply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.settings_note, 1)
        buttons.addWidget(self.save_settings_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # -- texts --------------------------------------------------------------------------------

    def state_text(self, state: str) -> str:
        """The translated name of an enrollment state."""
        names = {
            EnrollmentState.ADDED: self.tr("Waiting to start"),
            EnrollmentState.IN_PROGRESS: self.tr("In progress"),
            EnrollmentState.REPLIED: self.tr("Replied"),
            EnrollmentState.COMPLETED: self.tr("Completed"),
            EnrollmentState.UNSUBSCRIBED: self.tr("Unsubscribed"),
            EnrollmentState.ERROR: self.tr("Error"),
        }
        return names.get(state, state)

    def node_text(self, node_id: str | None) -> str:
        """A node as "Email — subject", from the canvas's document."""
        if node_id is None:
            return ""
        node = self.editor.document.node(node_id)
        if node is None:
            return self.tr("(removed step)")
        return f"{type_title(node.type)} — {node_summary(node)}"

    def problem_text(self, problem: Problem) -> str:
        """One line for a problem: where it is, then what is wrong."""
        node = self.editor.document.node(problem.node_id) if problem.node_id else None
        if node is not None:
            return f"{type_title(node.type)} “{node_summary(node)}”: {problem.message}"
        if problem.field and problem.field.startswith("settings"):
            return self.tr("Settings: %1").replace("%1", problem.message)
        return problem.message

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the campaign and show it everywhere (the canvas's undo history is reset)."""
        from ..store.accounts import list_accounts
        from ..store.campaigns import get_campaign

        with self.workspace.sessions() as session:
            campaign = get_campaign(session, self.campaign_id)
            document = copy.deepcopy(campaign.document)
            self._take_header(campaign.name, campaign.status, campaign.status_reason)
            accounts = [(a.id, a.name, a.email) for a in list_accounts(session)]
        self.editor.load_document(document)
        self.editor.undo_stack.clear()
        self._fill_settings(document.get("settings") or {}, accounts)
        self._apply_status()
        self.load_enrollments()

    def refresh(self) -> None:
        """Re-read the status and the enrollments (after the engine moved things on)."""
        from ..store.campaigns import get_campaign

        with self.workspace.sessions() as session:
            campaign = get_campaign(session, self.campaign_id)
            self._take_header(campaign.name, campaign.status, campaign.status_reason)
        self._apply_status()
        self.load_enrollments()

    def _take_header(self, name: str, status: str, reason: str | None) -> None:
        self.name, self.status, self.status_reason = name, status, reason

    def _apply_status(self) -> None:
        """Header texts, button availability and read-only parts, from the current status."""
        self.name_label.setText(self.name)
        shown = campaign_status_text(self.status)
        if self.status == CampaignStatus.PAUSED and self.status_reason:
            shown = self.tr("%1 — %2").replace("%1", shown).replace("%2", self.status_reason)
        self.status_label.setText(shown)
        for verb, button in self.verb_buttons.items():
            button.setEnabled(verb_allowed(self.status, verb))
        editable = self.status in EDITABLE
        self._set_sequence_editable(editable)
        if editable:
            self.sequence_note.setText("")
        elif self.status == CampaignStatus.ACTIVE:
            self.sequence_note.setText(
                self.tr("This campaign is running: pause it to change its sequence.")
            )
        else:
            self.sequence_note.setText(
                self.tr("This campaign is %1: its sequence can no longer change.").replace(
                    "%1", campaign_status_text(self.status).lower()
                )
            )
        settings_open = self.status != CampaignStatus.ARCHIVED
        for widget in self._settings_widgets():
            widget.setEnabled(settings_open)
        self.enroll_button.setEnabled(self.status in ENROLLABLE)

    def _set_sequence_editable(self, editable: bool) -> None:
        self.editor.view.setInteractive(editable)
        self.editor.view.setAcceptDrops(editable)
        for action in self.editor.add_actions.values():
            action.setEnabled(editable)
        # getattr: the canvas grows actions over time; any that edits must follow the status.
        for name in ("layout_action", "paste_action", "duplicate_action", "delete_action"):
            action = getattr(self.editor, name, None)
            if action is not None:
                action.setEnabled(editable)
        palette = getattr(self.editor, "palette_strip", None)
        if palette is not None:
            palette.setEnabled(editable)
        self.workbench.inspector.setEnabled(editable)
        if not editable:
            # Nothing may change the graph now, so the history would only undo saved work.
            self.editor.undo_stack.clear()
        self.save_sequence_button.setEnabled(editable)

    def _settings_widgets(self) -> list[QWidget]:
        return [
            self.account_combo,
            self.timezone_combo,
            *self.day_boxes.values(),
            self.start_edit,
            self.end_edit,
            self.gap_min,
            self.gap_max,
            self.daily_cap,
            self.stop_on_reply,
            self.stop_on_auto_reply,
            self.save_settings_button,
        ]

    def _fill_settings(self, stored: dict[str, Any], accounts: list[tuple[int, str, str]]) -> None:
        stored = stored if isinstance(stored, dict) else {}
        self.stored_settings = copy.deepcopy(stored)
        defaults = default_settings()
        # Shallow is enough: a malformed value falls back to its default field by field below.
        values = {**defaults, **stored}
        self.account_combo.clear()
        self.account_combo.addItem(self.tr("None"), None)
        for account_id, name, email in accounts:
            self.account_combo.addItem(f"{name} <{email}>", account_id)
        index = self.account_combo.findData(values.get("account"))
        self.account_combo.setCurrentIndex(max(index, 0))
        timezone = values.get("timezone")
        self.timezone_combo.setCurrentText(
            timezone if isinstance(timezone, str) else defaults["timezone"]
        )
        window = values.get("window") if isinstance(values.get("window"), dict) else {}
        days = window.get("days") if isinstance(window.get("days"), list) else []
        for day, box in self.day_boxes.items():
            box.setChecked(day in days)
        for edit, key in ((self.start_edit, "start"), (self.end_edit, "end")):
            time = QTime.fromString(str(window.get(key, "")), "HH:mm")
            if not time.isValid():
                time = QTime.fromString(defaults["window"][key], "HH:mm")
            edit.setTime(time)
        gap = values.get("gap_seconds")
        if not (isinstance(gap, list) and len(gap) == 2 and all(isinstance(v, int) for v in gap)):
            gap = defaults["gap_seconds"]
        self.gap_min.setValue(gap[0])
        self.gap_max.setValue(gap[1])
        cap = values.get("daily_cap")
        self.daily_cap.setValue(cap if isinstance(cap, int) and cap >= 1 else defaults["daily_cap"])
        self.stop_on_reply.setChecked(values.get("stop_on_reply") is not False)
        self.stop_on_auto_reply.setChecked(values.get("stop_on_auto_reply") is True)

    # -- status changes -----------------------------------------------------------------------

    def activate(self) -> None:
        """Activate (saving unsaved canvas edits first); problems are listed, not raised."""
        canvas = None
        if self.status in EDITABLE and not self.editor.undo_stack.isClean():
            canvas = self.editor.to_document()
        self._change_status("activate", canvas)

    def change_status(self, verb: str) -> None:
        """Apply pause / resume / archive (activate goes through `activate`)."""
        if verb == "activate":
            self.activate()
        else:
            self._change_status(verb, None)

    def archive(self) -> QMessageBox:
        """Ask for confirmation, then archive (archived campaigns never reopen)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Archive campaign"),
            self.tr("Archive “%1”? An archived campaign cannot be reopened.").replace(
                "%1", self.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(
            lambda button: self._change_status("archive", None) if button is yes else None
        )
        self.active_dialog = box
        box.open()
        return box

    def _change_status(
        self, verb: str, canvas: dict[str, Any] | None, confirmed: bool = False
    ) -> None:
        """Apply a verb in the background; activating or resuming first checks the contacts.

        When some enrolled contacts lack a value the emails print (the pre-flight), the
        user is asked before anything starts (`confirm_missing_values`).
        """
        from ..domain.errors import ActivationRefused
        from ..store.campaigns import (
            activation_preflight,
            campaign_problems,
            change_status,
            get_campaign,
            save_document,
        )

        workspace, campaign_id = self.workspace, self.campaign_id
        starting = verb in ("activate", "resume")

        def work(_report: Any) -> tuple[str, Any]:
            with workspace.session() as session:
                campaign = get_campaign(session, campaign_id)
                if canvas is not None:
                    save_document(
                        session, campaign, merged_document(campaign.document, canvas, "sequence")
                    )
                if starting and not confirmed:
                    problems = campaign_problems(session, campaign)
                    if any(problem.severity == "error" for problem in problems):
                        return "refused", [p for p in problems if p.severity == "error"]
                    total, lacking = activation_preflight(session, campaign)
                    if lacking:
                        return "confirm", (total, lacking)
                try:
                    status = change_status(session, campaign, verb)
                except ActivationRefused as refusal:
                    # The canvas save above is still committed: it was the user's work.
                    return "refused", list(refusal.problems)
                return "done", (campaign.name, status.value, campaign.status_reason)

        def done(result: tuple[str, Any]) -> None:
            kind, value = result
            if canvas is not None:
                self.editor.undo_stack.setClean()
            if kind == "confirm":
                self.show_problems([])
                self.confirm_missing_values(verb, *value)
                return
            if kind == "refused":
                self.show_problems(value)
                self.show_message(
                    self.tr("The campaign cannot be activated yet: fix the problems below.")
                )
                if canvas is not None:
                    self.changed.emit()
                return
            self.show_problems([])
            self._take_header(*value)
            self._apply_status()
            self.show_message(
                self.tr("The campaign is now %1.").replace(
                    "%1", campaign_status_text(self.status).lower()
                )
            )
            self.load_enrollments()
            self.changed.emit()

        self._run(work, done)

    def confirm_missing_values(self, verb: str, total: int, lacking: list) -> QMessageBox:
        """Say which values some contacts lack, and go on only if the user agrees."""
        lines = []
        for entry in lacking:
            examples = ", ".join(entry.examples)
            lines.append(
                self.tr("• %1: missing for %2 of %3 contact(s), e.g. %4")
                .replace("%1", entry.variable)
                .replace("%2", str(entry.missing))
                .replace("%3", str(total))
                .replace("%4", examples)
            )
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Missing values"),
            self.tr(
                "Some contacts have no value for a field the emails print without a default. "
                "They will not get those emails and will move to Error; you can fill the "
                "values and retry them later."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText("\n".join(lines))
        go_on = box.addButton(
            self.tr("Activate anyway") if verb == "activate" else self.tr("Resume anyway"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: (
                self._change_status(verb, None, confirmed=True)
                if button is go_on
                else self.show_message(self.tr("Nothing started: fill the missing values first."))
            )
        )
        self.active_dialog = box
        box.open()
        return box

    # -- problems -----------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """List problems one a line (hidden when there are none)."""
        self.problems = list(problems)
        self.problems_list.clear()
        for problem in self.problems:
            item = QListWidgetItem(self.problem_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.node_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, problem.field)
            item.setToolTip(str(problem))
            self.problems_list.addItem(item)
        # As tall as its lines (up to five, then it scrolls): the canvas keeps the room.
        rows = min(max(len(self.problems), 1), 5)
        self.problems_list.setFixedHeight(rows * self.problems_list.sizeHintForRow(0) + 6)
        self.problems_list.setVisible(bool(self.problems))

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        self.select_problem(self.problems_list.row(item))

    def select_problem(self, row: int) -> None:
        """Show where problem `row` is: select and centre its node, or open the Settings tab."""
        if not 0 <= row < len(self.problems):
            return
        problem = self.problems[row]
        item = self.editor.scene.node_item(problem.node_id) if problem.node_id else None
        if item is None:
            if problem.field and problem.field.startswith("settings"):
                self.tabs.setCurrentWidget(self.settings_tab)
            return
        self.tabs.setCurrentWidget(self.sequence_tab)
        self.editor.scene.clearSelection()
        item.setSelected(True)
        self.editor.view.centerOn(item)
        self.editor.view.setFocus()

    # -- saving -------------------------------------------------------------------------------

    def save_sequence(self) -> None:
        """Write the canvas back as the campaign's document (draft or paused only)."""
        if self.status not in EDITABLE:
            self.show_message(self.sequence_note.text())
            return
        from ..domain.workflow import activation_problems
        from ..store.campaigns import get_campaign, save_document

        canvas = self.editor.to_document()
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> list[Problem]:
            with workspace.session() as session:
                campaign = get_campaign(session, campaign_id)
                if campaign.status not in EDITABLE:
                    from ..domain.errors import FluenzrError

                    raise FluenzrError(f"campaign {campaign_id} is {campaign.status}")
                workflow = save_document(
                    session, campaign, merged_document(campaign.document, canvas, "sequence")
                )
            return activation_problems(workflow)

        def done(problems: list[Problem]) -> None:
            self.editor.undo_stack.setClean()
            if self.problems_list.isVisible():
                self.show_problems(problems)
            if problems:
                self.show_message(
                    self.tr("Saved. %1 problem(s) to fix before activation.").replace(
                        "%1", str(len(problems))
                    )
                )
            else:
                self.show_message(self.tr("Saved."))
            self.changed.emit()

        self._run(work, done)

    def settings_from_form(self) -> dict[str, Any]:
        """The stored settings with the form's values written over (unknown keys kept)."""
        settings = copy.deepcopy(self.stored_settings)
        window = settings.get("window")
        window = dict(window) if isinstance(window, dict) else {}
        window["days"] = [day for day in WEEKDAYS if self.day_boxes[day].isChecked()]
        window["start"] = self.start_edit.time().toString("HH:mm")
        window["end"] = self.end_edit.time().toString("HH:mm")
        settings.update(
            {
                "account": self.account_combo.currentData(),
                "timezone": self.timezone_combo.currentText().strip(),
                "window": window,
                "gap_seconds": [self.gap_min.value(), self.gap_max.value()],
                "daily_cap": self.daily_cap.value(),
                "stop_on_reply": self.stop_on_reply.isChecked(),
                "stop_on_auto_reply": self.stop_on_auto_reply.isChecked(),
            }
        )
        return settings

    def settings_problem(self, settings: dict[str, Any]) -> str | None:
        """Why the form cannot be saved, or None."""
        if not _is_time_zone(settings["timezone"]):
            return self.tr("Unknown time zone “%1” (e.g. Europe/Paris).").replace(
                "%1", settings["timezone"]
            )
        if not settings["window"]["days"]:
            return self.tr("Choose at least one sending day.")
        if settings["window"]["start"] >= settings["window"]["end"]:
            return self.tr("The sending hours must end after they start.")
        if settings["gap_seconds"][0] > settings["gap_seconds"][1]:
            return self.tr("The minimum gap is larger than the maximum.")
        return None

    def save_settings(self) -> None:
        """Write the form into the document's settings (the stored graph is kept)."""
        from ..store.campaigns import get_campaign, save_document

        settings = self.settings_from_form()
        problem = self.settings_problem(settings)
        if problem is not None:
            self.settings_note.setText(problem)
            return
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> dict[str, Any]:
            with workspace.session() as session:
                campaign = get_campaign(session, campaign_id)
                document = merged_document(campaign.document, {"settings": settings}, "settings")
                save_document(session, campaign, document)
                return copy.deepcopy(campaign.document.get("settings") or {})

        def done(stored: dict[str, Any]) -> None:
            self.stored_settings = stored
            self.settings_note.setText(self.tr("Settings saved."))
            self.changed.emit()

        self._run(work, done, failed=self.settings_note.setText)

    # -- contacts -----------------------------------------------------------------------------

    def load_enrollments(self) -> None:
        """Reload the enrollments table for the chosen state (in the background)."""
        from sqlalchemy import select

        from ..store.campaigns import waiting_per_step
        from ..store.models import Contact, Enrollment

        state = self.state_filter.currentData()
        statement = (
            select(
                Contact.email,
                Enrollment.state,
                Enrollment.current_node,
                Enrollment.next_action_at,
                Enrollment.last_error,
            )
            .join(Contact, Contact.id == Enrollment.contact_id)
            .where(Enrollment.campaign_id == self.campaign_id)
            .order_by(Enrollment.id)
        )
        if state is not None:
            statement = statement.where(Enrollment.state == state)
        engine = self.workspace.engine
        self._enrollments_request += 1
        request = self._enrollments_request

        campaign_id = self.campaign_id

        def work(_report: Any) -> tuple[list[tuple[Any, ...]], dict[str, int]]:
            with engine.connect() as connection:
                rows = [tuple(row) for row in connection.execute(statement)]
                counts = waiting_per_step(connection, campaign_id)
            return rows, counts

        def done(result: tuple[list[tuple[Any, ...]], dict[str, int]]) -> None:
            if request != self._enrollments_request:
                return  # a newer filter was chosen meanwhile
            rows, counts = result
            running = self.status in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED)
            self.editor.set_waiting_counts(counts if running else {})
            self.enrollments.set_rows(rows)
            self.enrollment_count.setText(self.tr("%1 contact(s)").replace("%1", str(len(rows))))
            self.enrollments_loaded.emit()

        self._run(work, done)

    def open_enroll_dialog(self) -> EnrollDialog:
        """The Enroll dialog; its tags load in the background."""
        from sqlalchemy import select

        from ..store.models import ContactTag

        dialog = EnrollDialog(self)
        dialog.accepted.connect(lambda: self.enroll(*dialog.choice()))
        engine = self.workspace.engine

        def work(_report: Any) -> list[str]:
            with engine.connect() as connection:
                return list(
                    connection.scalars(select(ContactTag.tag).distinct().order_by(ContactTag.tag))
                )

        self._run(work, dialog.set_tags)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def enroll(self, mode: str, value: Any = None) -> None:
        """Enroll all contacts, a tag's contacts or pasted addresses; report the skipped ones."""
        from ..store.campaigns import contacts_for_enrollment, enroll, get_campaign

        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> tuple[int, list[dict[str, str]], list[str]]:
            with workspace.session() as session:
                campaign = get_campaign(session, campaign_id)
                contacts, unknown = contacts_for_enrollment(
                    session,
                    everyone=mode == "all",
                    tag=value if mode == "tag" else None,
                    emails=value if mode not in ("all", "tag") else (),
                )
                enrolled, skipped = enroll(session, campaign, contacts)
            return enrolled, skipped, unknown

        def done(result: tuple[int, list[dict[str, str]], list[str]]) -> None:
            enrolled, skipped, unknown = result
            self.enroll_progress.hide()
            lines = [f"{entry['email']} — {entry['reason']}" for entry in skipped]
            lines += [f"{email} — {self.tr('no contact with this address')}" for email in unknown]
            self.enroll_report.setText(
                self.tr("%1 contact(s) enrolled, %2 skipped.")
                .replace("%1", str(enrolled))
                .replace("%2", str(len(lines)))
            )
            self.skipped_list.clear()
            self.skipped_list.addItems(lines)
            self.skipped_list.setVisible(bool(lines))
            self.load_enrollments()
            if enrolled:
                self.changed.emit()

        def failed(message: str) -> None:
            self.enroll_progress.hide()
            self.enroll_report.setText(message)

        self.enroll_progress.show()
        self.enroll_report.setText(self.tr("Enrolling…"))
        self._run(work, done, failed=failed)

    def retry_selected(self) -> None:
        """Retry the selected contacts in error, or every contact in error if none is selected."""
        from ..store.campaigns import get_campaign, retry_enrollments

        rows = {index.row() for index in self.enrollments_table.selectionModel().selectedRows()}
        chosen = [self.enrollments.rows[row] for row in sorted(rows)]
        emails = [row[0] for row in chosen if row[1] == EnrollmentState.ERROR.value]
        if chosen and not emails:
            self.enroll_report.setText(self.tr("None of the selected contacts is in error."))
            return
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> tuple[list[str], list[dict[str, str]], str]:
            with workspace.session() as session:
                campaign = get_campaign(session, campaign_id)
                retried, skipped = retry_enrollments(
                    session, campaign, emails=emails, all_errors=not emails
                )
                return retried, skipped, campaign.status

        def done(result: tuple[list[str], list[dict[str, str]], str]) -> None:
            retried, skipped, status = result
            self.enroll_report.setText(
                self.tr("%1 contact(s) back in the sequence, %2 skipped.")
                .replace("%1", str(len(retried)))
                .replace("%2", str(len(skipped)))
            )
            self.skipped_list.clear()
            self.skipped_list.addItems([f"{e['email']} — {e['reason']}" for e in skipped])
            self.skipped_list.setVisible(bool(skipped))
            if status != self.status:
                self.refresh()  # a completed campaign reopened
            else:
                self.load_enrollments()
            if retried:
                self.changed.emit()

        self._run(work, done, failed=self.enroll_report.setText)

    # -- helpers ------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """One line under the header: what was done, or why it was refused."""
        self.message.setText(text)

    def _run(
        self,
        work: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        self.busy += 1
        on_failed = failed or self.show_message

        def done(result: Any) -> None:
            self.busy -= 1
            on_done(result)
            self.settled.emit()

        def fail(message: str) -> None:
            self.busy -= 1
            on_failed(message)
            self.settled.emit()

        run_in_background(self, work, on_done=done, on_failed=fail)
