"""The Sequence tab: the canvas and its inspector, editable while the campaign is not running.

The campaign screen saves the canvas as the user edits it (`CampaignView`'s autosave).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.states import SEQUENCE_EDITABLE, CampaignStatus
from ...workspace import Workspace
from ..canvas.workbench import SequenceWorkbench
from .statuses import campaign_status_text

PreviewContacts = Callable[[], list[tuple[str, dict[str, str]]]]


class SequenceTab(QWidget):
    """The campaign's graph on a canvas; it only changes while the campaign is not running."""

    def __init__(
        self,
        workspace: Workspace,
        campaign_id: int,
        preview_contacts: PreviewContacts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaign_id = campaign_id
        self.status = CampaignStatus.DRAFT.value
        # Previews use a few of the campaign's contacts (the workspace's when none is enrolled).
        self.workbench = SequenceWorkbench(self, contacts_source=preview_contacts)
        self.editor = self.workbench.editor
        self.sequence_note = QLabel()
        self.sequence_note.setWordWrap(True)
        self.sequence_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.workbench, 1)
        layout.addWidget(self.sequence_note)

    def editable(self) -> bool:
        """Whether the graph may change now (running campaigns keep it: contacts stand on it)."""
        return self.status in SEQUENCE_EDITABLE

    def set_status(self, status: str) -> None:
        """Open or lock the canvas for this campaign status, and say why it is locked."""
        self.status = status
        editable = self.editable()
        self._set_editable(editable)
        self.sequence_note.setVisible(not editable)
        if editable:
            self.sequence_note.setText("")
        elif status == CampaignStatus.ACTIVE:
            self.sequence_note.setText(
                self.tr("This campaign is running: pause it to change its sequence.")
            )
        else:
            self.sequence_note.setText(
                self.tr("This campaign is %1: its sequence can no longer change.").replace(
                    "%1", campaign_status_text(status).lower()
                )
            )

    def _set_editable(self, editable: bool) -> None:
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
