"""The campaign screen's header: its name, its status (and why it paused), whether the
last edits are stored ("Saving…" / "Saved"), and its verbs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.states import CampaignStatus
from .statuses import campaign_status_text, verb_allowed


class CampaignHeader(QWidget):
    """Name and status on the left; Activate / Pause / Resume / Archive on the right."""

    verb_requested = Signal(str)  # activate, pause, resume or archive: the button clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.save_state_label = QLabel()
        self.save_state_label.setStyleSheet("QLabel { color: palette(mid); }")
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
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.status_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(titles, 1)
        layout.addWidget(self.save_state_label)
        layout.addSpacing(12)
        for verb, button in self.verb_buttons.items():
            button.clicked.connect(lambda _checked=False, verb=verb: self.verb_requested.emit(verb))
            layout.addWidget(button)

    def show_campaign(self, name: str, status: str, reason: str | None) -> None:
        """Show this name and status; only the verbs the state machine allows are enabled."""
        self.name_label.setText(name)
        shown = campaign_status_text(status)
        if status == CampaignStatus.PAUSED and reason:
            shown = self.tr("%1 — %2").replace("%1", shown).replace("%2", reason)
        self.status_label.setText(shown)
        for verb, button in self.verb_buttons.items():
            button.setEnabled(verb_allowed(status, verb))

    def show_save_state(self, state: str, message: str = "") -> None:
        """Say whether the last edits are stored: saving, saved, or why they are not."""
        if state == "saving":
            self.save_state_label.setText(self.tr("Saving…"))
            self.save_state_label.setToolTip("")
        elif state == "saved":
            self.save_state_label.setText(self.tr("Saved"))
            self.save_state_label.setToolTip("")
        else:
            self.save_state_label.setText(self.tr("Not saved"))
            self.save_state_label.setToolTip(message)
