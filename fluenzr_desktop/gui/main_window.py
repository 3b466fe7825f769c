"""The main window: a sidebar of sections (Campaigns, Contacts, Accounts, Settings) and their pages.

The screens refresh themselves from `change_hub().changed`; the window only reloads its
own summary (the contacts count) there, shows the engine's state in the status bar, and
turns the engine's data-changing events into one throttled broadcast
(`bridge.EngineChangeRelay`), so open screens follow what the engine sends. Its menu bar
(File, View, Help) lives in `gui.menus`.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..domain.schedule import to_local, zone
from ..engine.events import EngineEvent, EventKind
from ..engine.service import EngineService
from ..engine.status import SendingStatus
from ..ops import Changes
from ..workspace import Workspace
from .accounts_view import AccountsView
from .bridge import EngineBridge, EngineChangeRelay
from .campaign import CampaignView
from .campaigns_list import CampaignsList
from .changes import change_hub
from .contacts_view import ContactsView
from .import_wizard import ImportWizard
from .menus import WindowMenus
from .settings_view import SettingsView
from .tasks import run_in_background
from .time_text import local_time_text

VIEWS = ("campaigns", "contacts", "accounts", "settings")
# How long a passing message ("Exported 3 contacts.") stays in the status bar.
STATUS_MESSAGE_MS = 5000
# Engine events after which the status bar is read again (per-contact events stay off
# the GUI thread; the screens hear of those through EngineChangeRelay's broadcasts).
WINDOW_EVENTS = frozenset(
    {
        EventKind.TICK,
        EventKind.ENGINE,
        EventKind.ERROR,
        EventKind.PAUSED,
        EventKind.CAMPAIGN_COMPLETED,
        EventKind.INBOX,
    }
)


def fitting_size(available: QSize) -> QSize:
    """The window's first size: 1100×700, or less on a small screen (a 1024×640 laptop)."""
    return QSize(min(1100, available.width()), min(700, available.height()))


class MainWindow(QMainWindow):
    """Sidebar + stacked pages over one open workspace, and the engine's status."""

    # The contacts count and the status bar's figures, read in a worker, are shown.
    summary_shown = Signal()
    status_shown = Signal()

    def __init__(
        self,
        workspace: Workspace,
        engine: EngineService | None = None,
        engine_elsewhere: str | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.engine = engine
        # Who sends for this workspace when it is not this window (engine run, a window).
        self.engine_elsewhere = engine_elsewhere
        self._status_request = 0  # the newest status-bar read; older answers are dropped
        self.bridge: EngineBridge | None = None
        self.engine_changes: EngineChangeRelay | None = None
        self.import_wizard: ImportWizard | None = None
        self.setWindowTitle(self.tr("FluenzR Desktop — %1").replace("%1", str(workspace.root)))
        self.resize(fitting_size(self.screen().availableGeometry().size()))

        self.sidebar = QListWidget()
        self.sidebar.setFixedWidth(180)
        # No dotted focus rectangle around the selected section (the highlight says it).
        self.sidebar.setStyleSheet(
            "QListWidget { outline: 0; } QListWidget::item { padding: 8px 10px; }"
        )
        self.sidebar.addItems(
            [self.tr("Campaigns"), self.tr("Contacts"), self.tr("Accounts"), self.tr("Settings")]
        )
        self.pages = QStackedWidget()
        self.campaigns_list = CampaignsList(workspace, self)
        self.campaigns_list.open_requested.connect(self.open_campaign_view)
        self.campaign_view: CampaignView | None = None
        campaigns_page = self.campaigns_list
        self.contacts_summary = QLabel()
        # Built when the Contacts page is first shown: loading a million ids in the
        # background would compete with the window's start for the interpreter.
        self.contacts_view: ContactsView | None = None
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_contacts)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        self._contacts_layout = contacts_layout
        contacts_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.contacts_summary, 1)
        top.addWidget(self.import_button)
        contacts_layout.addLayout(top)
        self.accounts_view = AccountsView(
            workspace, secrets=engine.connections.secrets if engine is not None else None
        )
        self.accounts_view.account_saved.connect(self._account_saved)
        self.settings_view = SettingsView(workspace, self)
        for title, body in (
            (self.tr("Campaigns"), campaigns_page),
            (self.tr("Contacts"), contacts_page),
            (self.tr("Accounts"), self.accounts_view),
            (self.tr("Settings"), self.settings_view),
        ):
            self.pages.addWidget(self._page(title, body))

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        # Clicking "Campaigns" again while a campaign is open goes back to the list.
        self.sidebar.itemClicked.connect(
            lambda item: self.pages.setCurrentIndex(self.sidebar.row(item))
        )
        self.sidebar.currentRowChanged.connect(lambda _row: self.refresh())
        self.sidebar.currentRowChanged.connect(self._ensure_page)
        self.sidebar.setCurrentRow(0)

        self.menus = WindowMenus(self)
        self.workspace_label = QLabel(self.tr("Workspace: %1").replace("%1", str(workspace.root)))
        self.engine_label = QLabel()
        self.sent_label = QLabel()
        self.next_label = QLabel()
        for label in (self.workspace_label, self.engine_label, self.sent_label, self.next_label):
            self.statusBar().addPermanentWidget(label)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(30_000)
        self._status_timer.timeout.connect(self.refresh_status)
        if engine is not None:
            self.bridge = EngineBridge(engine.bus, WINDOW_EVENTS, self)
            self.bridge.event.connect(self._on_engine_event)
            self.engine_changes = EngineChangeRelay(engine.bus, self)
        change_hub().changed.connect(self._on_changes)
        if engine is not None or engine_elsewhere:
            self._status_timer.start()
        self.refresh_status()

    @staticmethod
    def _page(title: str, body: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        if isinstance(body, QLabel):
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            body.setWordWrap(True)
        layout.addWidget(body, 1)
        return page

    def _on_engine_event(self, event: EngineEvent) -> None:
        """Runs on the GUI thread (queued by the bridge): the status bar follows the engine."""
        self.refresh_status()

    def _on_changes(self, changes: Changes) -> None:
        """A write anywhere: reload the summary this window shows itself."""
        if changes.contacts:
            self.refresh()

    def refresh_status(self) -> None:
        """Engine state, emails sent today against the cap, the next scheduled send."""
        from ..ops.status import sending_status

        if self.engine is None and self.engine_elsewhere:
            self.engine_label.setText(self.tr("Sending is handled by another FluenzR process"))
            self.engine_label.setToolTip(self.engine_elsewhere)
        elif self.engine is None and self.workspace.read_only:
            self.engine_label.setText(self.tr("Read-only workspace: nothing is sent"))
        elif self.engine is None:
            self.engine_label.setText(self.tr("Engine: off"))
        elif self.engine.last_error:
            self.engine_label.setText(self.tr("Engine: error — %1").replace(
                "%1", self.engine.last_error))  # fmt: skip
        elif self.engine.running:
            self.engine_label.setText(self.tr("Engine: running"))
        else:
            self.engine_label.setText(self.tr("Engine: stopped"))
        next_due = self.engine.runner.next_due() if self.engine is not None else None
        workspace = self.workspace
        self._status_request += 1
        request = self._status_request

        def show(status: SendingStatus) -> None:
            if request != self._status_request:
                return  # a newer read is on its way
            self.sent_label.setText(
                self.tr("Sent today: %1 / %2")
                .replace("%1", str(status.sent_today))
                .replace("%2", str(status.daily_cap))
            )
            self.show_next_send(status.next_send)
            self.status_shown.emit()

        # A database read: never on the GUI thread (it runs every 30 s and on engine events).
        run_in_background(
            self, lambda _report: sending_status(workspace, next_due), on_done=show,
            on_failed=self.show_status,
        )  # fmt: skip

    def show_next_send(self, next_send: datetime | None) -> None:
        """ "Next send: Mon 7 Dec 09:00 (Europe/Paris)", in this computer's zone, named."""
        if next_send is None:
            self.next_label.setText(self.tr("Next send: none scheduled"))
            return
        zone_name = machine_zone()
        local = to_local(next_send, zone(zone_name))
        self.next_label.setText(
            self.tr("Next send: %1 (%2)")
            .replace("%1", local_time_text(local))
            .replace("%2", zone_name)
        )

    def show_status(self, text: str) -> None:
        """A passing message in the status bar; it goes away after a few seconds."""
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def closeEvent(self, event) -> None:
        """Keep the open campaign's edits, then stop the engine (after the message in flight)."""
        if self.campaign_view is not None:
            self.campaign_view.flush_edits()
        self._status_timer.stop()
        if self.bridge is not None:
            self.bridge.detach()
        if self.engine_changes is not None:
            self.engine_changes.detach()
        if self.engine is not None:
            self.engine.stop()
        super().closeEvent(event)

    def open_campaign_view(self, campaign_id: int) -> CampaignView:
        """Show one campaign (header, Sequence, Contacts, Settings) in place of the list."""
        if self.campaign_view is not None:
            self.pages.removeWidget(self.campaign_view)
            self.campaign_view.deleteLater()
        self.campaign_view = CampaignView(self.workspace, campaign_id, self)
        self.pages.addWidget(self.campaign_view)
        self.pages.setCurrentWidget(self.campaign_view)
        return self.campaign_view

    def import_contacts(self) -> ImportWizard:
        """Open the CSV import wizard (its import is broadcast: the screens reload)."""
        wizard = ImportWizard(self.workspace, self)
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def export_contacts(self) -> None:
        """Export the contacts shown (the selection, or all of them when none is selected)."""
        self.show_view("contacts")
        view = self.contacts_view
        assert view is not None  # built by show_view("contacts")
        from ..ops.contacts import count_contacts

        # The store, not the table: the table may not have loaded its ids yet.
        if count_contacts(self.workspace) == 0:
            self.show_status(self.tr("No contacts to export."))
            return
        if view.selected_count() == 0:
            view.table.selectAll()
        view.export_selected()

    def _ensure_page(self, row: int) -> None:
        """Build a heavy page the first time it is shown."""
        if row == VIEWS.index("contacts") and self.contacts_view is None:
            self.contacts_view = ContactsView(self.workspace, self)
            self._contacts_layout.addWidget(self.contacts_view, 1)

    def _account_saved(self, account_id: int) -> None:
        """A changed account: drop its cached connection, watch its inbox if it has one."""
        if self.engine is not None:
            self.engine.connections.forget(account_id)
            if self.engine.running and self.engine.watcher is not None:
                self.engine.watcher.start()

    def show_view(self, name: str) -> QWidget:
        """Select a section by name, or open `campaign:ID`; returns the widget now in front."""
        key, _, argument = name.partition(":")
        if key == "campaign":
            self.sidebar.setCurrentRow(0)
            # A wrong id leaves the list in front (a screenshot still shows something).
            with contextlib.suppress(ValueError, FluenzrError):
                self.open_campaign_view(int(argument))
            return self
        row = VIEWS.index(key) if key in VIEWS else 0
        self.sidebar.setCurrentRow(row)
        self.pages.setCurrentIndex(row)  # also back to the list from an open campaign
        return self

    def refresh(self) -> None:
        """Reload the summary this window shows itself (the contacts count; none when empty)."""
        from ..ops.contacts import count_contacts

        workspace = self.workspace

        def show(contact_count: int) -> None:
            self.contacts_summary.setText(
                self.tr("%n contact(s) in this workspace.", "", contact_count)
                if contact_count
                else ""
            )
            self.summary_shown.emit()

        run_in_background(
            self, lambda _report: count_contacts(workspace), on_done=show,
            on_failed=self.show_status,
        )  # fmt: skip


def machine_zone() -> str:
    """This computer's time zone as an IANA name (Europe/Paris), UTC when unknown."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name or "UTC"
