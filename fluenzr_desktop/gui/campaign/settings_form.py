"""The Settings tab: sending account, time zone, window, gap, daily cap, when to stop, tracking.

Every change of a field says `edited`; the campaign screen saves the form's `snapshot()`
into the document's settings (the stored graph stays). The form is checked as the user
types by the domain's one check of settings, `settings_problems`: a draft is saved even
with problems (activation refuses them), a running campaign only with none. Tracking on
without a tracking relay is the workspace's problem (`workspace_problems`): it is shown
beside the tracking boxes, and refuses activation, not the save.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTime, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.preflight import WorkspaceFacts, workspace_problems
from ...domain.problems import Problem
from ...domain.states import CampaignStatus
from ...domain.validation import settings_problems
from ...domain.workflow import (
    MAX_DAILY_CAP,
    MAX_GAP_SECONDS,
    MAX_UNSUBSCRIBE_TEXT,
    WEEKDAYS,
    Workflow,
    default_settings,
)
from ...mail.tracking import UNSUBSCRIBE_SENTENCE
from ...ops import Changes
from ...ops.campaigns import SettingsSaved, account_choices
from ...ops.settings import get_setting
from ...workspace import Workspace
from ..changes import change_hub
from ..problem_text import problem_text
from ..tasks import run_in_background
from .time_zones import COMMON_TIME_ZONES

# The default unsubscribe sentence is sent in English (`UNSUBSCRIBE_SENTENCE`); this literal
# of the same text lets lupdate collect it, so the form shows its translation as the hint.
DEFAULT_UNSUBSCRIBE_SOURCE = QT_TRANSLATE_NOOP("SettingsForm", "Unsubscribe from these emails")
NOTE_STYLE = "color: #b3261e;"  # the colour of the campaign screen's problems
HINT_STYLE = "color: palette(placeholder-text);"


class OneLineValidator(QValidator):
    """Keeps a line edit to one line: pasted line breaks become spaces."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        flat = " ".join(text.splitlines())
        return QValidator.State.Acceptable, flat, min(position, len(flat))


def default_unsubscribe_sentence() -> str:
    """The default unsubscribe sentence in the interface language (the email gets English)."""
    return QCoreApplication.translate("SettingsForm", UNSUBSCRIBE_SENTENCE)


class SettingsForm(QWidget):
    """The campaign's settings as a form; unknown keys of the stored settings are kept."""

    edited = Signal()  # the user changed a field (not a fill from the database)

    def __init__(
        self, workspace: Workspace, campaign_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.stored_settings: dict[str, Any] = {}
        self.status = CampaignStatus.DRAFT.value
        self._filling = False
        self.account_combo = QComboBox()
        self.account_combo.setMinimumWidth(320)
        self.timezone_combo = QComboBox()
        self.timezone_combo.setEditable(True)
        self.timezone_combo.addItems(COMMON_TIME_ZONES)
        self.timezone_combo.setMinimumWidth(320)
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
        self.gap_min = QSpinBox()
        self.gap_max = QSpinBox()
        for spin in (self.gap_min, self.gap_max):
            spin.setRange(0, MAX_GAP_SECONDS)
            spin.setSuffix(self.tr(" s"))
        self.daily_cap = QSpinBox()
        self.daily_cap.setRange(1, MAX_DAILY_CAP)
        self.stop_on_reply = QCheckBox(self.tr("Stop a contact's sequence when they reply"))
        self.stop_on_auto_reply = QCheckBox(
            self.tr("Stop a contact's sequence on an automatic reply (out of office)")
        )
        self.settings_note = QLabel()
        self.settings_note.setWordWrap(True)
        self.has_relay: bool | None = None  # unknown until read
        tracking = self._tracking_group()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Sending account"), self.account_combo)
        form.addRow(self.tr("Time zone"), self.timezone_combo)
        form.addRow(self.tr("Sending days"), days_row)
        form.addRow(self.tr("Sending hours"), self._pair(self.start_edit, self.end_edit))
        form.addRow(self.tr("Gap between two emails"), self._pair(self.gap_min, self.gap_max))
        form.addRow(self.tr("Daily cap"), self.daily_cap)
        form.addRow("", self.stop_on_reply)
        form.addRow("", self.stop_on_auto_reply)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(form)
        layout.addWidget(tracking)
        layout.addWidget(self.settings_note)
        layout.addStretch(1)
        # A small window (or a long translation) scrolls the form rather than squeezing it.
        self.scroll_area = QScrollArea()
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self._watch_fields()
        change_hub().changed.connect(self._on_changes)

    def _tracking_group(self) -> QGroupBox:
        """Open and click tracking (off by default, with its warning) and the unsubscribe line."""
        self.track_opens = QCheckBox(self.tr("Track opens (a tiny image in the email)"))
        self.track_clicks = QCheckBox(
            self.tr("Track clicks (links go through your tracking relay)")
        )
        self.tracking_warning = self._note(
            self.tr(
                "Pixels and rewritten links can send cold email to spam. "
                "Replies are what counts: track only if you need to."
            )
        )
        self.relay_note = self._note("", NOTE_STYLE)
        self.relay_note.hide()
        self.unsubscribe_edit = QLineEdit()
        self.unsubscribe_edit.setMaxLength(MAX_UNSUBSCRIBE_TEXT)
        self.unsubscribe_edit.setValidator(OneLineValidator(self.unsubscribe_edit))
        self.unsubscribe_edit.setMinimumWidth(420)
        self.unsubscribe_edit.setPlaceholderText(default_unsubscribe_sentence())
        self.unsubscribe_help = self._note(
            self.tr(
                "Added at the end of every email when a tracking relay is set, "
                "with a one-click unsubscribe link."
            ),
            HINT_STYLE,
        )
        self.unsubscribe_language_note = self._note(
            self.tr(
                "Left empty, the line is sent in English (“%1”): "
                "type your own in your prospects' language."
            ).replace("%1", UNSUBSCRIBE_SENTENCE)
        )
        self.unsubscribe_language_note.hide()
        unsubscribe = QVBoxLayout()
        for widget in (
            self.unsubscribe_edit,
            self.unsubscribe_help,
            self.unsubscribe_language_note,
        ):
            unsubscribe.addWidget(widget)
        group = QGroupBox(self.tr("Tracking"))
        rows = QFormLayout(group)
        rows.addRow(self.track_opens)
        rows.addRow(self.track_clicks)
        rows.addRow(self.tracking_warning)
        rows.addRow(self.relay_note)
        rows.addRow(self.tr("Unsubscribe line"), unsubscribe)
        return group

    @staticmethod
    def _note(text: str, style: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        if style:
            label.setStyleSheet(style)
        return label

    def _watch_fields(self) -> None:
        """Every field's change says `edited` (fills from the database are silent)."""
        self.account_combo.currentIndexChanged.connect(self._changed)
        self.timezone_combo.currentTextChanged.connect(self._changed)
        for box in (
            *self.day_boxes.values(),
            self.stop_on_reply,
            self.stop_on_auto_reply,
            self.track_opens,
            self.track_clicks,
        ):
            box.toggled.connect(self._changed)
        self.unsubscribe_edit.textChanged.connect(self._changed)
        for edit in (self.start_edit, self.end_edit):
            edit.timeChanged.connect(self._changed)
        for spin in (self.gap_min, self.gap_max, self.daily_cap):
            spin.valueChanged.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self._show_tracking_notes()
        if self._filling:
            return
        self.show_problems()
        self.edited.emit()

    def _pair(self, low: QWidget, high: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(low)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(high)
        row.addStretch(1)
        return row

    def set_status(self, status: str) -> None:
        """Settings may change in any status but archived."""
        self.status = status
        settings_open = status != CampaignStatus.ARCHIVED
        for widget in self._fields():
            widget.setEnabled(settings_open)

    def _fields(self) -> list[QWidget]:
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
            self.track_opens,
            self.track_clicks,
            self.unsubscribe_edit,
        ]

    # -- filling ----------------------------------------------------------------------------

    def set_accounts(self, accounts: list[tuple[int, str, str]], chosen: Any = None) -> None:
        """Offer None and these (id, name, address) accounts; select `chosen` if listed."""
        filling, self._filling = self._filling, True
        try:
            self.account_combo.clear()
            self.account_combo.addItem(self.tr("None"), None)
            for account_id, name, email in accounts:
                self.account_combo.addItem(f"{name} <{email}>", account_id)
            index = self.account_combo.findData(chosen)
            self.account_combo.setCurrentIndex(max(index, 0))
        finally:
            self._filling = filling

    def reload_accounts(self) -> None:
        """Read the accounts again (one was added, renamed or deleted); the choice stays."""
        workspace = self.workspace

        def done(accounts: list[tuple[int, str, str]]) -> None:
            self.set_accounts(accounts, self.account_combo.currentData())

        run_in_background(self, lambda _report: account_choices(workspace), on_done=done)

    def fill(self, stored: dict[str, Any], accounts: list[tuple[int, str, str]]) -> None:
        """Show stored settings; a malformed value shows its default instead."""
        self._filling = True
        try:
            self._fill(stored, accounts)
        finally:
            self._filling = False

    def _fill(self, stored: dict[str, Any], accounts: list[tuple[int, str, str]]) -> None:
        stored = stored if isinstance(stored, dict) else {}
        self.stored_settings = copy.deepcopy(stored)
        defaults = default_settings()
        # Shallow is enough: a malformed value falls back to its default field by field below.
        values = {**defaults, **stored}
        self.set_accounts(accounts, values.get("account"))
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
        self.track_opens.setChecked(values.get("track_opens") is True)
        self.track_clicks.setChecked(values.get("track_clicks") is True)
        self.unsubscribe_edit.setText(_shown_unsubscribe_text(values.get("unsubscribe_text")))
        self._show_tracking_notes()
        self.reload_relay()

    # -- saving -----------------------------------------------------------------------------

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
                "track_opens": self.track_opens.isChecked(),
                "track_clicks": self.track_clicks.isChecked(),
                "unsubscribe_text": self.unsubscribe_edit.text().strip(),
            }
        )
        return settings

    # -- tracking -------------------------------------------------------------------------------

    def reload_relay(self) -> None:
        """Read whether the workspace has a tracking relay (set in the window's Settings)."""
        workspace = self.workspace

        def done(url: object) -> None:
            self.has_relay = bool(url)
            self._show_tracking_notes()

        run_in_background(
            self, lambda _report: get_setting(workspace, "tracking_relay_url"), on_done=done
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self.reload_relay()

    def showEvent(self, event) -> None:
        """Coming back from the window's Settings screen reads the relay again."""
        super().showEvent(event)
        self.reload_relay()

    def _show_tracking_notes(self) -> None:
        """The missing relay (with tracking on), and that an empty line is sent in English."""
        texts = [problem_text(p) for p in self._relay_problems()]
        self.relay_note.setText("\n".join(text[:1].upper() + text[1:] for text in texts))
        self.relay_note.setVisible(bool(texts))
        english = default_unsubscribe_sentence() == UNSUBSCRIBE_SENTENCE
        self.unsubscribe_language_note.setVisible(
            not english and not self.unsubscribe_edit.text().strip()
        )

    def _relay_problems(self) -> list[Problem]:
        """The workspace's one rule on tracking without a relay, applied to the form's values."""
        if self.has_relay is None:
            return []
        facts = WorkspaceFacts(has_relay=self.has_relay)
        workflow = Workflow(version=1, settings=self.settings_from_form(), nodes=[], edges=[])
        return [p for p in workspace_problems(workflow, facts) if p.code == "tracking_needs_relay"]

    def show_problems(self) -> list[str]:
        """List what is wrong with the form under it (nothing when all is well)."""
        problems = [problem_text(p) for p in settings_problems(self.settings_from_form())]
        self.settings_note.setText("\n".join(problems))
        return problems

    def snapshot(self) -> dict[str, Any] | None:
        """The settings to store now, or None when they may not be stored (the note says why).

        A draft is stored as it is (activation refuses its problems); a running campaign
        keeps its stored settings until the form has no problem; an archived one never
        changes.
        """
        if self.status == CampaignStatus.ARCHIVED:
            return None
        if self.show_problems() and self.status != CampaignStatus.DRAFT:
            return None
        return self.settings_from_form()

    def saved(self, result: SettingsSaved) -> None:
        """The settings were stored: unknown keys are kept from now on."""
        self.stored_settings = result.settings


def _shown_unsubscribe_text(value: object) -> str:
    """A stored unsubscribe sentence as the one-line field shows it ("" = the default)."""
    if not isinstance(value, str):
        return ""
    line = " ".join(value.split())  # as the email prints it
    return line if len(line) <= MAX_UNSUBSCRIBE_TEXT else ""
