"""The Settings page: the workspace's settings as a form, each with one line of help.

A field is saved when the user commits it (Enter, leaving the field, a click), through
`run_op` and `ops.settings`; the domain's rules (`domain.settings.parse_setting`) decide,
and a refusal is shown in one line beside the field, with nothing stored. The page
reloads itself when a write anywhere says the settings changed. The Tracking group is
`gui/tracking_settings.py`, the Plan and licence group `gui/plan_settings.py`, the Webhooks
group `gui/webhook_settings.py` and the Local API group `gui/api_settings.py`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..domain.settings import SettingRefused, parse_setting, setting_spec
from ..domain.workflow import WEEKDAYS
from ..ops import Changes
from ..ops.settings import PasswordStorage, SettingChanged, list_settings, password_storage
from ..ops.settings import set_setting as store_setting
from ..workspace import Workspace
from .api_settings import ApiGroup
from .campaign.time_zones import COMMON_TIME_ZONES
from .changes import change_hub, run_op
from .plan_settings import PlanGroup
from .problem_text import problem_text
from .settings_rows import ERROR_STYLE, add_row, new_group
from .tasks import run_in_background
from .tracking_settings import TrackingGroup
from .webhook_settings import WebhooksGroup


class SettingsView(QWidget):
    """Plan and licence, plan cap, new campaigns' zone and hours, relay, webhooks, local API,
    language, folder, passwords."""

    loaded = Signal()  # the fields show the stored values
    setting_saved = Signal(str)  # a setting's key, once stored
    setting_refused = Signal(str)  # a setting's key, when its value was refused

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.values: dict[str, Any] = {}
        self.errors: dict[str, QLabel] = {}
        # Saves still in the worker, by key: a read that raced them must not undo a click.
        self.pending: dict[str, int] = {}
        # The value last sent to the worker, by key (Enter in a combo box commits twice).
        self.last_sent: dict[str, Any] = {}
        self.row_titles: list[QLabel] = []
        self._read_serial = 0

        self.cap_edit = QLineEdit()
        self.cap_edit.setMaximumWidth(120)
        self.cap_edit.editingFinished.connect(
            lambda: self.save("plan_daily_cap", self.cap_edit.text())
        )
        self.language_combo = QComboBox()
        for code, title in (
            ("system", self.tr("System")),
            ("fr", "Français"),  # each language in its own name
            ("en", "English"),
        ):
            self.language_combo.addItem(title, code)
        self.language_combo.activated.connect(
            lambda _index: self.save("interface_language", self.language_combo.currentData())
        )
        self.timezone_combo = QComboBox()
        self.timezone_combo.setEditable(True)
        self.timezone_combo.addItems(COMMON_TIME_ZONES)
        self.timezone_combo.setMinimumWidth(240)
        self.timezone_combo.lineEdit().editingFinished.connect(self._save_time_zone)
        self.timezone_combo.activated.connect(lambda _index: self._save_time_zone())
        self.day_boxes: dict[str, QCheckBox] = {}
        days_row = QHBoxLayout()
        day_names = (
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
            self.tr("Fri"), self.tr("Sat"), self.tr("Sun"),
        )  # fmt: skip
        for day, title in zip(WEEKDAYS, day_names, strict=True):
            box = QCheckBox(title)
            box.clicked.connect(self._save_days)
            self.day_boxes[day] = box
            days_row.addWidget(box)
        days_row.addStretch(1)
        self.start_edit = QTimeEdit()
        self.end_edit = QTimeEdit()
        hours_row = QHBoxLayout()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
            edit.editingFinished.connect(self._save_hours)
        hours_row.addWidget(self.start_edit)
        hours_row.addWidget(QLabel(self.tr("to")))
        hours_row.addWidget(self.end_edit)
        hours_row.addStretch(1)
        self.folder_label = QLabel(str(workspace.root))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        self.passwords_label = QLabel(self.tr("Looking…"))
        self.passwords_label.setWordWrap(True)

        self.plan = PlanGroup(workspace)
        self.row_titles.extend(self.plan.row_titles)
        sending = self._group(self.tr("Sending"))
        self._row(
            sending, self.tr("Daily cap, all accounts"), self.cap_edit, "plan_daily_cap",
            self.tr("Emails per day across all accounts and campaigns; the Free plan allows "
                    "50 at most. 0 sends nothing."),
        )  # fmt: skip
        campaigns = self._group(self.tr("New campaigns"))
        campaigns_help = self.tr(
            "Used by campaigns created from now on; each campaign can change them in its "
            "Settings tab."
        )
        self._row(
            campaigns, self.tr("Time zone"), self.timezone_combo, "campaign_timezone",
            self.tr("The zone the sending hours are read in."),
        )  # fmt: skip
        self._row(campaigns, self.tr("Sending days"), days_row, "campaign_days", campaigns_help)
        self._row(
            campaigns, self.tr("Sending hours"), hours_row, "campaign_hours",
            self.tr("Emails go out only between these hours, in the time zone above."),
        )  # fmt: skip
        interface = self._group(self.tr("Interface"))
        self._row(
            interface, self.tr("Language"), self.language_combo, "interface_language",
            self.tr("Applies at next start. System follows the computer's language."),
        )  # fmt: skip
        self.tracking = TrackingGroup(workspace)
        self.row_titles.extend(self.tracking.row_titles)
        self.webhooks = WebhooksGroup(workspace)
        self.api = ApiGroup(workspace)
        self.row_titles.extend(self.api.row_titles)
        storage = self._group(self.tr("Workspace"))
        self._row(
            storage, self.tr("Folder"), folder_row, None,
            self.tr("Holds the database, the logs and this workspace's settings."),
        )  # fmt: skip
        self._row(
            storage, self.tr("Passwords"), self.passwords_label, None,
            self.tr("Account passwords are never written in the database or a log."),
        )  # fmt: skip

        # One label column for every group, so the fields line up down the page.
        title_width = max(label.sizeHint().width() for label in self.row_titles)
        for label in self.row_titles:
            label.setMinimumWidth(title_width)
        content = QWidget()
        column = QVBoxLayout(content)
        for group in (
            self.plan, sending, campaigns, self.tracking, self.webhooks, self.api, interface,
            storage,
        ):  # fmt: skip
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        change_hub().changed.connect(self._on_changes)
        self.reload()
        self._find_password_storage()

    # -- building ---------------------------------------------------------------------------

    def _group(self, title: str) -> QGroupBox:
        return new_group(QGroupBox(title))

    def _row(
        self,
        group: QGroupBox,
        title: str,
        field: QWidget | QHBoxLayout,
        key: str | None,
        help_text: str,
    ) -> None:
        """One labelled field: the field and its error line side by side, the help below."""
        line = QHBoxLayout()
        if isinstance(field, QWidget):
            line.addWidget(field, 0 if key is not None else 1)
        else:
            line.addLayout(field)
        if key is not None:
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setObjectName(f"error_{key}")
            self.errors[key] = error
            line.addWidget(error, 1)
        self.row_titles.append(add_row(group, title, line, help_text))

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the settings in the background and show them."""
        workspace = self.workspace
        self._read_serial += 1
        serial = self._read_serial

        def done(values: dict[str, Any]) -> None:
            if serial == self._read_serial:  # an older read answering late is stale
                self.fill(values)

        run_in_background(self, lambda _report: list_settings(workspace), on_done=done)

    def fill(self, values: dict[str, Any]) -> None:
        """Show stored values; a field being saved or showing a refusal keeps the user's input."""
        self.values = dict(values)

        def untouched(key: str) -> bool:
            return not self.errors[key].text() and not self.pending.get(key)

        if untouched("plan_daily_cap"):
            self.cap_edit.setText(str(values["plan_daily_cap"]))
        if untouched("interface_language"):
            index = self.language_combo.findData(values["interface_language"])
            self.language_combo.setCurrentIndex(max(index, 0))
        if untouched("campaign_timezone"):
            self.timezone_combo.setCurrentText(str(values["campaign_timezone"]))
        if untouched("campaign_days"):
            days = str(values["campaign_days"]).split(",")
            for day, box in self.day_boxes.items():
                box.setChecked(day in days)
        if untouched("campaign_hours"):
            start, _, end = str(values["campaign_hours"]).partition("-")
            self.start_edit.setTime(QTime.fromString(start, "HH:mm"))
            self.end_edit.setTime(QTime.fromString(end, "HH:mm"))
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self.reload()

    def _find_password_storage(self) -> None:
        workspace = self.workspace
        run_in_background(
            self,
            lambda _report: password_storage(workspace),
            on_done=self._show_password_storage,
            on_failed=lambda _message: self.passwords_label.setText(
                self.tr("Decided when a password is first needed.")
            ),
            # Asking which keyring the OS has may wait seconds on D-Bus: on its own thread,
            # it never delays the database reads of other screens, nor quitting.
            blocks_on_system=True,
        )

    def _show_password_storage(self, storage: PasswordStorage) -> None:
        if storage.kind == "keyring":
            text = self.tr("In the computer's keyring (%1).").replace("%1", storage.backend)
        else:
            text = self.tr(
                "In an encrypted file, %1, unlocked by your master password "
                "(no keyring was found on this computer)."
            ).replace("%1", str(storage.path))
        self.passwords_label.setText(text)

    # -- saving -----------------------------------------------------------------------------

    def _save_time_zone(self) -> None:
        self.save("campaign_timezone", self.timezone_combo.currentText())

    def _save_days(self) -> None:
        days = [day for day, box in self.day_boxes.items() if box.isChecked()]
        self.save("campaign_days", ",".join(days))

    def _save_hours(self) -> None:
        start = self.start_edit.time().toString("HH:mm")
        end = self.end_edit.time().toString("HH:mm")
        self.save("campaign_hours", f"{start}-{end}")

    def save(self, key: str, text: str) -> None:
        """Store one setting as typed; a value the domain refuses is explained beside it."""
        try:
            value = parse_setting(key, text)
        except FluenzrError as refusal:
            self._refuse(key, self.refusal_text(key, refusal))
            return
        already = self.last_sent[key] if self.pending.get(key) else self.values.get(key)
        if key in self.values and value == already:
            self.errors[key].clear()  # the stored (or being stored) value: nothing to write
            return
        self.last_sent[key] = value
        workspace = self.workspace
        self.pending[key] = self.pending.get(key, 0) + 1

        def failed(message: str) -> None:
            self.pending[key] -= 1
            self._refuse(key, message)

        run_op(
            self,
            lambda _report: store_setting(workspace, key, text),
            on_done=self._saved,
            on_failed=failed,
        )

    def _saved(self, changed: SettingChanged) -> None:
        self.pending[changed.key] -= 1
        self.values[changed.key] = changed.value
        self.errors[changed.key].clear()
        self.setting_saved.emit(changed.key)

    def _refuse(self, key: str, message: str) -> None:
        self.errors[key].setText(message.splitlines()[0] if message else "")
        self.setting_refused.emit(key)

    def refusal_text(self, key: str, refusal: FluenzrError) -> str:
        """The domain's refusal in the window's language, in one line."""
        problems = refusal.problems if isinstance(refusal, SettingRefused) else []
        if problems:
            return problem_text(problems[0])
        if key == "plan_daily_cap":
            minimum = setting_spec(key).minimum or 0
            return self.tr("Enter a whole number, %1 or more.").replace("%1", str(minimum))
        return str(refusal)

    def open_folder(self) -> None:
        """Show the workspace folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workspace.root)))
