"""One campaign: a header with its status and verbs, and Sequence / Contacts / Settings tabs.

The campaign row is read on the GUI thread (one row; WAL readers never wait for the
engine's writes); every write runs through `run_op`, and the screen reloads when the
change hub says its campaign or its contacts moved, whoever moved them (this screen, the
list, the engine). Each tab owns its part of the stored document: Sequence saves the
nodes and edges, Settings the settings, so saving one never undoes a save of the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from ...domain.errors import ActivationRefused, FluenzrError
from ...domain.problems import Problem
from ...domain.states import CampaignStatus
from ...ops import NOTHING, Changes
from ...ops.campaigns import (
    CampaignSaved,
    StatusOutcome,
    campaign_header,
    change_campaign_status,
    open_campaign,
    preview_contacts,
    save_sequence,
)
from ...workspace import Workspace
from ..canvas.items import node_summary, type_title
from ..changes import change_hub, run_op
from ..problem_text import problem_text
from .confirmations import ask_archive, ask_missing_values
from .contacts_tab import ContactsTab
from .header import CampaignHeader
from .sequence_tab import SequenceTab
from .settings_form import SettingsForm
from .statuses import campaign_status_text

RUNNING = (CampaignStatus.ACTIVE, CampaignStatus.PAUSED)


@dataclass(frozen=True)
class _Attempt:
    """A status verb tried from the window: the canvas saved first, then the outcome."""

    saved: CampaignSaved | None
    outcome: StatusOutcome | None
    refused: list[Problem] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        saved = self.saved.changes if self.saved is not None else NOTHING
        return saved | (self.outcome.changes if self.outcome is not None else NOTHING)


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
        self.sequence_tab.saved.connect(self._sequence_saved)
        self.sequence_tab.message.connect(self.show_message)
        self.contacts_tab = ContactsTab(workspace, campaign_id, self.node_text)
        self.contacts_tab.loaded.connect(self._show_waiting)
        self.contacts_tab.message.connect(self.show_message)
        self.settings_tab = SettingsForm(workspace, campaign_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sequence_tab, self.tr("Sequence"))
        self.tabs.addTab(self.contacts_tab, self.tr("Contacts"))
        self.tabs.addTab(self.settings_tab, self.tr("Settings"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addWidget(self.problems_list)
        layout.addWidget(self.tabs, 1)
        self.load()
        change_hub().changed.connect(self._on_changes)

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the campaign and show it everywhere (the canvas's undo history is reset)."""
        screen = open_campaign(self.workspace, self.campaign_id)
        self.editor.load_document(screen.document)
        self.editor.undo_stack.clear()
        self.settings_tab.fill(screen.document.get("settings") or {}, screen.accounts)
        self._show_status(screen.name, screen.status, screen.status_reason)
        self.contacts_tab.load_enrollments()

    def refresh(self) -> None:
        """Re-read the status and the enrollments (the canvas and the form keep their edits)."""
        self._show_status(*campaign_header(self.workspace, self.campaign_id))
        self.contacts_tab.load_enrollments()

    def _on_changes(self, changes: Changes) -> None:
        """Reload what a write elsewhere (or here) moved."""
        try:
            if changes.campaigns or changes.enrollments:
                self.refresh()
        except FluenzrError as error:  # the campaign was deleted meanwhile
            self.show_message(str(error))
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

    # -- texts --------------------------------------------------------------------------------

    def node_text(self, node_id: str | None) -> str:
        """A node as "Email — subject", from the canvas's document."""
        if node_id is None:
            return ""
        node = self.editor.document.node(node_id)
        if node is None:
            return self.tr("(removed step)")
        return f"{type_title(node.type)} — {node_summary(node)}"

    def located_problem_text(self, problem: Problem) -> str:
        """One line for a problem: where it is (its node, or the settings), then what is wrong."""
        text = problem_text(problem)
        node = self.editor.document.node(problem.node_id) if problem.node_id else None
        if node is not None:
            return f"{type_title(node.type)} “{node_summary(node)}”: {text}"
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
        problems = result.errors
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

    # -- status changes -----------------------------------------------------------------------

    def request_verb(self, verb: str) -> None:
        """Apply a header verb: archive asks first; activate saves unsaved canvas edits first."""
        if verb == "archive":
            ask_archive(self, self.name, lambda: self.change_status("archive"))
            return
        unsaved = self.sequence_tab.editable() and not self.editor.undo_stack.isClean()
        canvas = self.editor.to_document() if verb == "activate" and unsaved else None
        self.change_status(verb, canvas)

    def change_status(
        self, verb: str, canvas: dict[str, Any] | None = None, confirmed: bool = False
    ) -> None:
        """Apply a verb in the background, checked as `fluenzr campaign VERB` checks it.

        Problems refuse it (they are listed); when some contacts lack a value the emails
        print, the user is asked before anything starts.
        """
        workspace, campaign_id = self.workspace, self.campaign_id

        def work(_report: Any) -> _Attempt:
            # The canvas is saved even when the verb is then refused: it is the user's work.
            saved = save_sequence(workspace, campaign_id, canvas) if canvas is not None else None
            try:
                outcome = change_campaign_status(workspace, campaign_id, verb, confirmed=confirmed)
            except ActivationRefused as refusal:
                return _Attempt(saved, None, list(refusal.problems))
            return _Attempt(saved, outcome)

        run_op(
            self,
            work,
            on_done=lambda attempt: self._status_changed(verb, attempt),
            on_failed=self.show_message,
        )

    def _status_changed(self, verb: str, attempt: _Attempt) -> None:
        if attempt.saved is not None:
            self.editor.undo_stack.setClean()
        outcome = attempt.outcome
        if outcome is None:
            self.show_problems(attempt.refused)
            self.show_message(
                self.tr("The campaign cannot be activated yet: fix the problems below.")
            )
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
