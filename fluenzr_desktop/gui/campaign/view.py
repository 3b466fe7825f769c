"""One campaign: a header with its status and verbs, and Sequence / Contacts / Settings /
Analytics tabs.

The campaign row is read on the GUI thread (one row; WAL readers never wait for the
engine's writes); every write runs through `run_op`, and the screen reloads its header
and contacts when the change hub says its campaign or its contacts moved, whoever moved
them (the list, the engine). The canvas and the settings form are never reloaded under
the user: they are the document being edited.

Edits are saved as they are made (`Autosaver`): each tab owns its part of the stored
document (Sequence the nodes and edges, Settings the settings), so saving one never
undoes a save of the other. Pending edits are flushed when the screen is hidden, before
a status verb, and by `flush_edits()` when the window closes. Activation asks first, with
what it will do (`ask_activation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from ...domain.errors import ActivationRefused
from ...domain.plans import Gate, PlanRequired
from ...domain.problems import Problem
from ...domain.schedule import zone
from ...domain.states import CampaignStatus
from ...domain.workflow import default_settings
from ...ops import NOTHING, Changes
from ...ops.campaigns import (
    SAVED,
    ActivationSummary,
    CampaignSaved,
    SettingsSaved,
    StatusOutcome,
    activation_summary,
    campaign_header,
    change_campaign_status,
    open_campaign,
    preview_contacts,
    save_sequence,
    save_settings,
)
from ...workspace import Workspace
from ..canvas.items import node_summary, type_title
from ..changes import change_hub, run_op
from ..plan_text import gate_text
from ..problem_text import problem_text
from ..tasks import run_in_background
from .analytics_tab import AnalyticsTab
from .autosave import FAILED, Autosaver
from .confirmations import ask_activation, ask_archive, ask_missing_values
from .contacts_tab import ContactsTab
from .header import CampaignHeader
from .sequence_tab import SequenceTab
from .settings_form import SettingsForm
from .statuses import campaign_status_text

RUNNING = (CampaignStatus.ACTIVE, CampaignStatus.PAUSED)


@dataclass(frozen=True)
class _Attempt:
    """A status verb tried from the window: its outcome, or the problems or plan that refused it."""

    outcome: StatusOutcome | None
    refused: list[Problem] = field(default_factory=list)
    gate: Gate | None = None  # the plan in force lacks a feature the campaign uses

    @property
    def changes(self) -> Changes:
        return self.outcome.changes if self.outcome is not None else NOTHING


class CampaignView(QWidget):
    """The screen of one campaign: header with Activate / Pause / Resume / Archive, and tabs."""

    def __init__(self, workspace: Workspace, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.name = ""
        self.status = CampaignStatus.DRAFT.value
        self.status_reason: str | None = None
        self.problems: list[Problem] = []

        self.header = CampaignHeader()
        self.header.verb_requested.connect(self.request_verb)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_list = QListWidget()
        self.problems_list.setToolTip(self.tr("Click a problem to show where it is"))
        self.problems_list.setStyleSheet("QListWidget { color: #b3261e; }")
        self.problems_list.hide()
        self.problems_list.itemClicked.connect(self._problem_clicked)
        self.problems_list.itemActivated.connect(self._problem_clicked)

        self.sequence_tab = SequenceTab(
            workspace, campaign_id, lambda: preview_contacts(workspace, campaign_id)
        )
        self.editor = self.sequence_tab.editor
        self.contacts_tab = ContactsTab(workspace, campaign_id, self.node_text)
        self.contacts_tab.loaded.connect(self._show_waiting)
        self.contacts_tab.message.connect(self.show_message)
        self.settings_tab = SettingsForm(workspace, campaign_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sequence_tab, self.tr("Sequence"))
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        self.tabs.addTab(self.settings_tab, self.tr("Settings"))
        self.analytics_tab = AnalyticsTab(workspace, campaign_id, self.node_text)
        self.tabs.addTab(self.analytics_tab, self.tr("Analytics"))
        # The step selected on the canvas is the one whose figures the Analytics tab selects.
        self.editor.scene.selectionChanged.connect(self._canvas_selection_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.tabs, 1)
        self._loading = False
        self.autosave = Autosaver(self)
        self._watch_edits()
        self.load()
        change_hub().changed.connect(self._on_changes)

    # -- saving as the user edits -----------------------------------------------------------------

    def _watch_edits(self) -> None:
        """Every canvas or settings edit schedules a save; Ctrl+S saves at once."""
        workspace, campaign_id = self.workspace, self.campaign_id
        self.autosave.add_part(
            "sequence",
            self._sequence_snapshot,
            lambda canvas: save_sequence(workspace, campaign_id, canvas),
            self._sequence_saved,
        )
        self.autosave.add_part(
            "settings",
            self.settings_tab.snapshot,
            lambda settings: save_settings(workspace, campaign_id, settings),
            self._settings_saved,
        )
        self.autosave.state_changed.connect(self._save_state_changed)
        document = self.editor.document
        for signal in (
            document.node_added,
            document.node_removed,
            document.node_moved,
            document.node_changed,
            document.link_added,
            document.link_removed,
        ):
            signal.connect(self._canvas_edited)
        self.settings_tab.edited.connect(lambda: self.autosave.edited("settings"))
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.activated.connect(lambda: self.autosave.flush())

    def _canvas_edited(self, _item: object) -> None:
        # Loading fills the document through the same signals: that is not an edit.
        if not self._loading and self.sequence_tab.editable():
            self.autosave.edited("sequence")

    def _sequence_snapshot(self) -> dict[str, Any] | None:
        """The canvas to store, or None while the campaign runs (its sequence is locked)."""
        return self.editor.to_document() if self.sequence_tab.editable() else None

    def _save_state_changed(self, state: str, message: str) -> None:
        self.header.show_save_state(state, message)
        if state == FAILED:
            self.show_message(self.tr("Your last edits are not saved: %1").replace("%1", message))

    def _settings_saved(self, result: SettingsSaved) -> None:
        self.settings_tab.saved(result)
        self._show_time_zone(result.settings)

    def _show_time_zone(self, settings: dict[str, Any]) -> None:
        """Times on this screen are the campaign's: its zone (the default one when unset)."""
        name = settings.get("timezone") if isinstance(settings, dict) else None
        fallback = default_settings()["timezone"]
        self.contacts_tab.set_time_zone(zone(name if isinstance(name, str) else None, fallback).key)

    def flush_edits(self) -> bool:
        """Store every pending edit now, before returning (the window is closing)."""
        return self.autosave.flush_now()

    def hideEvent(self, event) -> None:
        """Leaving the screen (another page, another campaign, closing) saves at once."""
        super().hideEvent(event)
        self.autosave.flush()

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the campaign and show it everywhere (the canvas's undo history is reset)."""
        screen = open_campaign(self.workspace, self.campaign_id)
        self._loading = True
        try:
            self.editor.load_document(screen.document)
            self.editor.undo_stack.clear()
            self.settings_tab.fill(screen.document.get("settings") or {}, screen.accounts)
            self._show_time_zone(screen.document.get("settings") or {})
        finally:
            self._loading = False
        self._show_status(screen.name, screen.status, screen.status_reason)
        self.contacts_tab.load_enrollments()
        if self.sequence_tab.editable():
            self.select_first_email()

    def select_first_email(self) -> None:
        """Select the first Email step, so the inspector shows it (a draft opens ready to write)."""
        email = next((node for node in self.editor.document.nodes() if node.type == "email"), None)
        item = self.editor.scene.node_item(email.id) if email is not None else None
        if item is not None:
            self.editor.scene.clearSelection()
            item.setSelected(True)

    def refresh(self) -> None:
        """Re-read the status and the enrollments (the canvas and the form keep their edits)."""
        workspace, campaign_id = self.workspace, self.campaign_id
        # A deleted campaign fails the read: its one line is shown under the header.
        run_in_background(
            self, lambda _report: campaign_header(workspace, campaign_id),
            on_done=lambda header: self._show_status(*header), on_failed=self.show_message,
        )  # fmt: skip
        self.contacts_tab.load_enrollments()

    def _on_changes(self, changes: Changes) -> None:
        """Reload what a write elsewhere moved (the canvas and the form are never reloaded)."""
        if changes == SAVED and self.autosave.writing():
            return  # this screen's own save: nothing it shows moved
        if changes.campaigns or changes.enrollments:
            self.refresh()
        if changes.accounts:
            self.settings_tab.reload_accounts()

    def _show_status(self, name: str, status: str, reason: str | None) -> None:
        """Header, button availability and read-only parts, from this status."""
        self.name, self.status, self.status_reason = name, status, reason
        self.header.show_campaign(name, status, reason)
        self.sequence_tab.set_status(status)
        self.settings_tab.set_status(status)
        self.contacts_tab.set_status(status)

    def _show_waiting(self, waiting: dict[str, int]) -> None:
        self.editor.set_waiting_counts(waiting if self.status in RUNNING else {})

    def _canvas_selection_changed(self) -> None:
        selected = self.editor.scene.selected_node_ids()
        self.analytics_tab.highlight_step(selected[0] if len(selected) == 1 else None)

    # -- texts --------------------------------------------------------------------------------

    def node_text(self, node_id: str | None) -> str:
        """A node as "Email — subject", from the canvas's document."""
        if node_id is None:
            return ""
        node = self.editor.document.node(node_id)
        if node is None:
            return self.tr("(removed step)")
        return f"{type_title(node.type)} — {node_summary(node, self.editor.document.workflow)}"

    def located_problem_text(self, problem: Problem) -> str:
        """One line for a problem: where it is (its node, or the settings), then what is wrong."""
        text = problem_text(problem)
        node = self.editor.document.node(problem.node_id) if problem.node_id else None
        if node is not None:
            return f"{type_title(node.type)} “{node_summary(node, self.editor.document.workflow)}”: {text}"
        if problem.field and problem.field.startswith("settings"):
            return self.tr("Settings: %1").replace("%1", text)
        return text

    def show_message(self, text: str) -> None:
        """One line under the header: what was done, or why it was refused."""
        self.message.setText(text)

    # -- problems -----------------------------------------------------------------------------

    def show_problems(self, problems: list[Problem]) -> None:
        """List problems one a line (hidden when there are none)."""
        self.problems = list(problems)
        self.problems_list.clear()
        for problem in self.problems:
            text = self.located_problem_text(problem)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, problem.node_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, problem.field)
            item.setToolTip(text)
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

    def _sequence_saved(self, result: CampaignSaved) -> None:
        """The problems listed follow the saved sequence."""
        if self.problems_list.isVisible():
            self.show_problems(result.errors)
            if not result.errors:
                self.show_message("")

    # -- status changes -----------------------------------------------------------------------

    def request_verb(self, verb: str) -> None:
        """Apply a header verb once the pending edits are stored; archive and activate ask."""
        if verb == "archive":
            self.autosave.flush(
                then=lambda: ask_archive(self, self.name, lambda: self.change_status("archive"))
            )
        elif verb == "activate":
            self.autosave.flush(then=self.confirm_activation)
        else:
            self.autosave.flush(then=lambda: self.change_status(verb))

    def confirm_activation(self) -> None:
        """Read what activation will do, then ask (problems refuse it first, listed)."""
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> ActivationSummary | list[Problem] | Gate:
            try:
                return activation_summary(workspace, campaign_id)
            except ActivationRefused as refusal:
                return list(refusal.problems)
            except PlanRequired as refusal:  # its code, translated here (not its English)
                return refusal.gate

        run_in_background(self, work, on_done=self._ask_activation, on_failed=self.show_message)

    def _ask_activation(self, summary: ActivationSummary | list[Problem] | Gate) -> None:
        if isinstance(summary, Gate):
            self._plan_refused(summary)
            return
        if isinstance(summary, list):
            self._refused(summary)
            return
        self.show_problems([])
        ask_activation(
            self,
            summary,
            on_go=lambda: self.change_status("activate", confirmed=True),
            on_enroll=self.enroll_instead,
            on_cancel=lambda: self.show_message(self.tr("Nothing started.")),
        )

    def enroll_instead(self) -> None:
        """Open the Contacts tab's enroll dialog (activation waits for contacts)."""
        self.tabs.setCurrentWidget(self.contacts_tab)
        self.contacts_tab.open_enroll_dialog()

    def _refused(self, problems: list[Problem]) -> None:
        self.show_problems(problems)
        self.show_message(self.tr("The campaign cannot be activated yet: fix the problems below."))

    def _plan_refused(self, gate: Gate) -> None:
        """The plan in force lacks a feature: one line naming the plan that lifts it."""
        self.show_problems([])
        self.show_message(gate_text(gate))

    def change_status(self, verb: str, confirmed: bool = False) -> None:
        """Apply a verb in the background, checked as `fluenzr campaign VERB` checks it.

        Problems refuse it (they are listed); when resuming while some contacts lack a
        value the emails print, the user is asked before anything starts.
        """
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> _Attempt:
            try:
                outcome = change_campaign_status(workspace, campaign_id, verb, confirmed=confirmed)
            except ActivationRefused as refusal:
                return _Attempt(None, list(refusal.problems))
            except PlanRequired as refusal:  # activate or resume on a plan that lacks a feature
                return _Attempt(None, gate=refusal.gate)
            return _Attempt(outcome)

        run_op(
            self,
            work,
            on_done=lambda attempt: self._status_changed(verb, attempt),
            on_failed=self.show_message,
        )

    def _status_changed(self, verb: str, attempt: _Attempt) -> None:
        outcome = attempt.outcome
        if attempt.gate is not None:
            self._plan_refused(attempt.gate)
            return
        if outcome is None:
            self._refused(attempt.refused)
            return
        self.show_problems([])
        if outcome.needs_confirmation:
            ask_missing_values(
                self,
                verb,
                outcome.total,
                outcome.lacking,
                on_go=lambda: self.change_status(verb, confirmed=True),
                on_cancel=lambda: self.show_message(
                    self.tr("Nothing started: fill the missing values first.")
                ),
            )
            return
        self._show_status(outcome.name, outcome.status, outcome.status_reason)
        self.show_message(
            self.tr("The campaign is now %1.").replace(
                "%1", campaign_status_text(self.status).lower()
            )
        )
