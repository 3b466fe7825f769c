"""A campaign's sequence opened on the canvas, saved back as its version-1 document."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..workspace import Workspace
from .canvas import SequenceEditor

# Running campaigns keep their graph: contacts stand on its nodes.
EDITABLE = ("draft", "paused")


class CampaignEditorDialog(QDialog):
    """The canvas of one campaign with Save and Close; `saved` after a save."""

    saved = Signal(int)

    def __init__(self, workspace: Workspace, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        from ..store.campaigns import get_campaign

        self.workspace = workspace
        self.campaign_id = campaign_id
        with workspace.sessions() as session:
            campaign = get_campaign(session, campaign_id)
            name, status, document = campaign.name, campaign.status, campaign.document
        self.setWindowTitle(self.tr("Sequence — %1").replace("%1", name))
        self.resize(1000, 720)
        self.editor = SequenceEditor(self)
        self.editor.load_document(document)
        self.editable = status in EDITABLE
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        if not self.editable:
            self.notice.setText(
                self.tr("This campaign is %1: pause it to change its sequence.").replace(
                    "%1", status
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.editable)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)

    def save(self) -> bool:
        """Write the canvas back to the campaign (a new document revision)."""
        from ..store.campaigns import get_campaign, save_document

        try:
            with self.workspace.session() as session:
                save_document(session, get_campaign(session, self.campaign_id),
                              self.editor.to_document())  # fmt: skip
        except FluenzrError as error:
            QMessageBox.warning(self, self.tr("Sequence"), str(error))
            return False
        problems = self.editor.document.problems()
        self.notice.setText(
            self.tr("Saved. %n problem(s) to fix before activation.", "", len(problems))
            if problems
            else self.tr("Saved.")
        )
        self.saved.emit(self.campaign_id)
        return True
