"""The Contacts screen's detail panel: who the selected contact is, their campaigns, their history.

It shows what `fluenzr contacts show EMAIL` prints (`ops.contacts.contact_card`), read in a
worker; the newest read wins. It reads again when a write or the engine touches contacts,
enrollments or campaigns while a contact is shown. Everything that comes from the contact
or their mail (names, a subject, a reply, a URL) is shown as plain text, never as rich text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..ops import Changes
from ..ops.contacts import contact_card, load_contact
from ..workspace import Workspace
from .campaign.statuses import enrollment_state_text, stopped
from .changes import change_hub
from .event_text import event_text, fill_places
from .tasks import run_in_background
from .time_text import local_time_text

# Events listed: the latest ones, newest first.
LATEST_EVENTS = 50


def local_text(moment: datetime) -> str:
    """A stored time (naive UTC) as the computer's local time, in the interface's words."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_time_text(moment.astimezone())


def _plain_label(bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # contact data is never rich text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        label.setFont(font)
    return label


def _plain_list() -> QListWidget:
    shown = QListWidget()
    shown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    shown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    shown.setWordWrap(True)
    shown.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    shown.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    shown.setAlternatingRowColors(True)  # a wrapped line stays visibly one event
    shown.setSpacing(1)
    return shown


class ContactPanel(QWidget):
    """One contact's card: name, email, company, tags, opt-out, campaigns, latest events."""

    loaded = Signal()  # a card (or "no longer exists") is on screen

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.contact_id: int | None = None
        self._request = 0  # the newest read wins; an older one arriving late is dropped

        self.hint = QLabel(self.tr("Select a contact to see its campaigns and history"))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)  # drawn greyed: a hint, not content

        self.name_label = _plain_label(bold=True)
        self.email_label = _plain_label()
        self.company_label = _plain_label()
        self.tags_label = _plain_label()
        self.suppressed_label = _plain_label()
        self.suppressed_label.setStyleSheet("color: #b3261e;")
        self.campaigns_heading = QLabel(self.tr("Campaigns"))
        self.campaigns_label = _plain_label()  # one line per campaign, wrapped when long
        self._campaign_lines: list[str] = []
        self.events_heading = QLabel(self.tr("Latest events"))
        self.events_list = _plain_list()
        for heading in (self.campaigns_heading, self.events_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)

        card = QWidget()
        column = QVBoxLayout(card)
        column.setContentsMargins(8, 4, 4, 4)
        for label in (
            self.name_label,
            self.email_label,
            self.company_label,
            self.tags_label,
            self.suppressed_label,
        ):
            column.addWidget(label)
        column.addSpacing(6)
        column.addWidget(self.campaigns_heading)
        column.addWidget(self.campaigns_label)
        column.addSpacing(6)
        column.addWidget(self.events_heading)
        column.addWidget(self.events_list, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self.pages.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        change_hub().changed.connect(self._workspace_changed)

    # -- what is shown -------------------------------------------------------

    def show_contact(self, contact_id: int | None) -> None:
        """Show this contact's card (read in the background), or the hint for None."""
        if contact_id == self.contact_id:
            return
        self.contact_id = contact_id
        if contact_id is None:
            self._request += 1  # a read still running is no longer wanted
            self.pages.setCurrentWidget(self.hint)
            return
        self.reload()

    def reload(self) -> None:
        """Read the shown contact's card again (nothing when none is shown)."""
        contact_id, workspace = self.contact_id, self.workspace
        if contact_id is None:
            return
        self._request += 1
        request = self._request

        def work(_report: Any) -> dict[str, Any] | None:
            loaded = load_contact(workspace, contact_id)
            if loaded is None:
                return None
            return contact_card(workspace, loaded[0]["email"], LATEST_EVENTS)

        run_in_background(
            self, work,
            on_done=lambda card: self._arrived(request, card),
            on_failed=lambda message: self._failed(request, message),
        )  # fmt: skip

    def _workspace_changed(self, changes: Changes) -> None:
        if changes.contacts or changes.enrollments or changes.campaigns:
            self.reload()

    def _arrived(self, request: int, card: dict[str, Any] | None) -> None:
        if request != self._request:
            return
        if card is None:
            self._show_gone()
        else:
            self._show_card(card)
        self.pages.setCurrentIndex(1)
        self.loaded.emit()

    def _failed(self, request: int, message: str) -> None:
        """The read failed: the panel says so in one line, never stays silently stale."""
        if request != self._request:
            return
        self._clear()
        self.name_label.setText(self.tr("This contact could not be read."))
        self.email_label.setText(message.splitlines()[0] if message else "")
        self.pages.setCurrentIndex(1)
        self.loaded.emit()

    def _clear(self) -> None:
        for label in (
            self.name_label,
            self.email_label,
            self.company_label,
            self.tags_label,
            self.suppressed_label,
        ):
            label.clear()
            label.hide()
        for widget in (
            self.campaigns_heading,
            self.campaigns_label,
            self.events_heading,
            self.events_list,
        ):
            widget.hide()
        self.name_label.show()
        self.email_label.show()
        self._campaign_lines = []
        self.campaigns_label.clear()
        self.events_list.clear()

    def _show_gone(self) -> None:
        self._clear()
        self.name_label.setText(self.tr("This contact no longer exists."))

    def _show_card(self, card: dict[str, Any]) -> None:
        self._clear()
        name = " ".join(filter(None, [card.get("first_name"), card.get("last_name")]))
        self.name_label.setText(name or card["email"])
        self.email_label.setText(card["email"])
        self.email_label.setVisible(bool(name))
        self._show_line(self.company_label, card.get("company"))
        tags = card.get("tags") or []
        if tags:
            self._show_line(self.tags_label, self.tr("Tags: %1").replace("%1", ", ".join(tags)))
        suppressed = card.get("suppressed")
        if suppressed is not None:
            text = fill_places(
                self.tr("Never mailed again since %1 (%2)"),
                [local_text(suppressed["since"]), str(suppressed.get("reason") or "")],
            )
            self._show_line(self.suppressed_label, text)
        self._fill_campaigns(card.get("enrollments") or [])
        self._fill_events(card.get("events") or [])

    @staticmethod
    def _show_line(label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))

    def _fill_campaigns(self, enrollments: list[dict[str, Any]]) -> None:
        lines = [] if enrollments else [self.tr("In no campaign")]
        for enrollment in enrollments:
            state = enrollment_state_text(
                enrollment["state"], enrollment.get("campaign_status", "")
            )
            campaign_over = stopped(enrollment.get("campaign_status", ""), enrollment["state"])
            if enrollment.get("next_action_at") is not None and not campaign_over:
                text = fill_places(
                    self.tr("%1: %2, next action %3"),
                    [
                        enrollment["campaign_name"],
                        state,
                        local_text(enrollment["next_action_at"]),
                    ],
                )
            else:
                text = fill_places(self.tr("%1: %2"), [enrollment["campaign_name"], state])
            error = " ".join(str(enrollment.get("last_error") or "").split())
            lines.append(f"{text} — {error}" if error else text)
        self._campaign_lines = lines
        self.campaigns_label.setText("\n".join(lines))
        self.campaigns_heading.show()
        self.campaigns_label.show()

    def _fill_events(self, events: list[dict[str, Any]]) -> None:
        self.events_heading.show()
        self.events_list.show()
        if not events:
            self._add_line(self.events_list, self.tr("Nothing has happened yet"))
        for event in events:
            what = event_text(event["kind"], event.get("detail"))
            self._add_line(self.events_list, f"{local_text(event['at'])}   {what}")

    @staticmethod
    def _add_line(shown: QListWidget, text: str) -> None:
        # An item's text is plain: no markup is interpreted. No tooltip: Qt would guess
        # whether the contact's text is rich text and render a reply's HTML.
        shown.addItem(QListWidgetItem(text))

    def event_lines(self) -> list[str]:
        """The lines of the events list, top (newest) first."""
        return [self.events_list.item(i).text() for i in range(self.events_list.count())]

    def campaign_lines(self) -> list[str]:
        """The lines of the campaigns list, in enrolment order."""
        return list(self._campaign_lines)
