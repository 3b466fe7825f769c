"""The main window: a sidebar of sections (Dashboard, Campaigns, Contacts, Accounts, Settings)
and their pages.

It opens on the Dashboard when the workspace has campaigns, else on the Welcome screen
(`welcome.WelcomeView`, under Campaigns) when it has no account either, else on the
Campaigns page and its first steps (decided when the campaigns are first read, unless a
section was chosen). Help › Getting started shows the Welcome screen again on request.

The screens refresh themselves from `change_hub().changed`; the window only reloads its
own summary (the contacts count) there, shows the engine's state in the status bar, and
turns the engine's data-changing events into one throttled broadcast
(`bridge.EngineChangeRelay`), so open screens follow what the engine sends. Its menu bar
(File, View, Help) lives in `gui.menus`.

The plan in force is read once for the window (`plan_usage.PlanWatcher`) and shown in the
status bar ("Free · 12/50 today"), on the Dashboard and as badges on the open campaign's
canvas palette.

The window serves the local API while it is open, if it is switched on and the plan allows
it (`api_settings.ApiGroup` owns the server); a webhook the engine turned off
(`WebhookDisabled`) is said in the status bar and the Settings page's Webhooks group reads
its endpoints again.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QSize, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics
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
from ..engine.events import EngineEvent, EventKind, WebhookDisabled
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
from .dashboard import DashboardView
from .event_text import fill_places
from .import_wizard import ImportWizard
from .menus import WindowMenus
from .plan_text import date_text, plan_name, plan_usage_text
from .plan_usage import PlanUsage, PlanWatcher
from .settings_view import SettingsView
from .tasks import run_in_background
from .time_text import local_time_text
from .webhook_settings import reason_text

if TYPE_CHECKING:
    from .welcome import WelcomeView

VIEWS = ("dashboard", "campaigns", "contacts", "accounts", "settings")
# The widest the workspace's folder is shown in the status bar, in pixels (then elided).
WORKSPACE_PATH_WIDTH = 150
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
        EventKind.WEBHOOK_DISABLED,
    }
)


# The window manager's frame before it is known (title bar and borders), in pixels.
FRAME_GUESS = QMargins(8, 32, 8, 8)
# The sidebar: no dotted rectangle around the selected section after a click (the
# highlight says it), but a visible border while the keyboard is on it (Tab).
# The frame is 2 px either way (1 px + 1 px padding), so the items never shift.
SIDEBAR_STYLE = (
    "QListWidget { outline: 0; border: 1px solid palette(mid); padding: 1px;"
    " background: palette(base); }"
    " QListWidget::item { padding: 8px 10px; }"
    ' QListWidget[keyboardFocus="true"] { border: 2px solid palette(highlight); padding: 0; }'
)


def fitting_size(available: QSize, frame: QMargins | None = None) -> QSize:
    """The window's size: 1100×700, or what fits on a small screen with its frame around it.

    `available` is the screen's area without panels; `frame` the window manager's title bar
    and borders (guessed when not known yet): a 1024×640 laptop keeps the status bar on screen.
    """
    if frame is None or frame.isNull():
        frame = FRAME_GUESS
    width = available.width() - frame.left() - frame.right()
    height = available.height() - frame.top() - frame.bottom()
    return QSize(max(1, min(1100, width)), max(1, min(700, height)))


class SectionList(QListWidget):
    """The sidebar: it shows a focus border only when reached by the keyboard, not by a click."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Mark keyboard focus (Tab, Backtab, a shortcut) so the stylesheet draws its border."""
        reason = event.reason()
        if reason != Qt.FocusReason.ActiveWindowFocusReason:  # back to the window: as it was
            self._mark(
                reason not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason)
            )
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """The border goes when the focus leaves (a window deactivated keeps its mark)."""
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:
            self._mark(False)
        super().focusOutEvent(event)

    def mousePressEvent(self, event) -> None:
        """A click on the focused list: the selection says where it is, no border needed."""
        self._mark(False)
        super().mousePressEvent(event)

    def _mark(self, keyboard: bool) -> None:
        if bool(self.property("keyboardFocus")) != keyboard:
            self.setProperty("keyboardFocus", keyboard)
            self.style().unpolish(self)
            self.style().polish(self)
            self.update()


class MainWindow(QMainWindow):
    """Sidebar + stacked pages over one open workspace, and the engine's status."""

    # The contacts count and the status bar's figures, read in a worker, are shown.
    summary_shown = Signal()
    status_shown = Signal()
    plan_shown = Signal()  # the plan, read in a worker, is in the status bar and the screens

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
        self._summary_request = 0  # the newest contacts-count read, likewise
        self.bridge: EngineBridge | None = None
        self.engine_changes: EngineChangeRelay | None = None
        self.import_wizard: ImportWizard | None = None
        self.setWindowTitle(self.tr("FluenzR Desktop — %1").replace("%1", str(workspace.root)))
        self._first_size = fitting_size(self.screen().availableGeometry().size())
        self._framed = False  # fitted once with the window manager's real frame
        self.resize(self._first_size)

        self.sidebar = SectionList()
        self.sidebar.setFixedWidth(180)
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.addItems(
            [
                self.tr("Dashboard"),
                self.tr("Campaigns"),
                self.tr("Contacts"),
                self.tr("Accounts"),
                self.tr("Settings"),
            ]
        )
        self.pages = QStackedWidget()
        # Until the campaigns are first read, the opening section is still ours to choose.
        self._opening = True
        self.dashboard = DashboardView(workspace, self)
        self.dashboard.campaign_requested.connect(self.open_campaign_view)
        self.dashboard.contact_requested.connect(self.show_contact)
        self.dashboard.campaigns_requested.connect(lambda: self.show_view("campaigns"))
        self.campaigns_list = CampaignsList(workspace, self)
        self.campaigns_list.open_requested.connect(self.open_campaign_view)
        self.campaigns_list.section_requested.connect(self.show_view)
        self.campaigns_list.loaded.connect(self._choose_opening_section)
        self.campaign_view: CampaignView | None = None
        self.welcome: WelcomeView | None = None  # built when first shown
        campaigns_page = self.campaigns_list
        self.contacts_summary = QLabel()
        # Built when the Contacts page is first shown: loading a million ids in the
        # background would compete with the window's start for the interpreter.
        self.contacts_view: ContactsView | None = None
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_contacts)
        # Shown once the workspace has contacts: until then the empty state offers its own.
        self.import_button.hide()
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
            (self.tr("Dashboard"), self.dashboard),
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
        self.sidebar.itemClicked.connect(self._section_clicked)
        self.sidebar.currentRowChanged.connect(lambda _row: self.refresh())
        self.sidebar.currentRowChanged.connect(self._ensure_page)
        self.sidebar.setCurrentRow(0)

        self.menus = WindowMenus(self)
        self.workspace_label = QLabel()
        # A long folder is shortened in its middle (its name stays): the status bar has room
        # for the plan and the engine's figures too, on a 1024-pixel screen and in French.
        folder = QFontMetrics(self.workspace_label.font()).elidedText(
            str(workspace.root), Qt.TextElideMode.ElideMiddle, WORKSPACE_PATH_WIDTH
        )
        self.workspace_label.setText(self.tr("Workspace: %1").replace("%1", folder))
        self.workspace_label.setToolTip(str(workspace.root))
        self.engine_label = QLabel()
        self.sent_label = QLabel()
        self.next_label = QLabel()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("statusPlan")
        for label in (
            self.workspace_label, self.plan_label, self.engine_label, self.sent_label,
            self.next_label,
        ):  # fmt: skip
            self.statusBar().addPermanentWidget(label)
        self.plan_watcher = PlanWatcher(workspace, self)
        self.plan_watcher.loaded.connect(self.show_plan)
        self.plan_watcher.failed.connect(self.show_status)
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
        self.settings_view.api.start_if_enabled()

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
        if isinstance(event, WebhookDisabled):
            self.show_webhook_disabled(event)
            return
        self.refresh_status()

    def show_webhook_disabled(self, event: WebhookDisabled) -> None:
        """Say that a webhook was turned off, until another message, and show it in Settings."""
        reason = reason_text(event.reason)
        self.statusBar().showMessage(
            fill_places(self.tr("Webhook turned off: %1 — %2"), [event.url, reason])
        )
        self.settings_view.webhooks.reload()

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
        # Today's sends on Free, and a licence that ends at midnight, follow the same beat.
        self.plan_watcher.refresh()
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

    def show_plan(self, usage: PlanUsage) -> None:
        """The plan in force in the status bar, on the Dashboard and on the canvas palette."""
        self.plan_label.setText(plan_usage_text(usage.plan, usage.sent_today))
        status = usage.status
        tip = ""
        if status.problem:
            tip = status.problem  # the stored licence no longer verifies: ops says why
        elif status.expired and status.licence is not None and status.licence.expires:
            tip = (
                self.tr("The %1 licence expired on %2: the Free plan applies.")
                .replace("%1", plan_name(status.licence.plan))
                .replace("%2", date_text(status.licence.expires))
            )
        self.plan_label.setToolTip(tip)
        self.dashboard.show_plan(usage)
        if self.campaign_view is not None:
            self.campaign_view.editor.palette_strip.set_plan(usage.features)
        self.plan_shown.emit()

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

    def showEvent(self, event) -> None:
        """Once the window manager has framed the window, keep the frame on the screen."""
        super().showEvent(event)
        if not event.spontaneous():
            QTimer.singleShot(0, self.fit_to_screen)

    def moveEvent(self, event) -> None:
        """The window manager placed the window: its frame is known now, fit with it."""
        super().moveEvent(event)
        if self.isVisible() and not self._framed and self.size() == self._first_size:
            QTimer.singleShot(0, self.fit_to_screen)

    def fit_to_screen(self) -> None:
        """Size a window still at its first size so that it and its frame fit the screen."""
        if self.size() != self._first_size or self.isMaximized() or self.isFullScreen():
            return  # the user (or a test) chose its size
        area = self.screen().availableGeometry()
        frame = self.frameGeometry()
        inner = self.geometry()
        margins = QMargins(
            inner.left() - frame.left(), inner.top() - frame.top(),
            frame.right() - inner.right(), frame.bottom() - inner.bottom(),
        )  # fmt: skip
        size = fitting_size(area.size(), margins)
        self._first_size = size
        self._framed = not margins.isNull()  # later moves are the user's: left alone
        if size != self.size():
            self.resize(size)
        frame = self.frameGeometry()
        left = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
        top = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
        if (left, top) != (frame.left(), frame.top()):
            self.move(max(left, area.left()), max(top, area.top()))

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
        self.settings_view.api.stop_server()
        super().closeEvent(event)

    def _section_clicked(self, item) -> None:
        """A click on a section shows it (also back to the list from an open campaign)."""
        self._opening = False
        self.pages.setCurrentIndex(self.sidebar.row(item))

    def _choose_opening_section(self) -> None:
        """On the first read of the campaigns: the Dashboard if there are some, else the
        Campaigns page and its first steps (unless the user or a caller chose already)."""
        if not self._opening:
            return
        self._opening = False
        if not self.campaigns_list.rows:
            steps = self.campaigns_list.first_steps
            if steps is not None and not steps.mailbox:
                self.show_welcome()
            else:
                self.show_view("campaigns")

    def show_welcome(self) -> WelcomeView:
        """Show the Welcome screen's three steps under Campaigns (built the first time)."""
        from .welcome import WelcomeView

        self._opening = False
        if self.welcome is None:
            welcome = WelcomeView(
                self.workspace,
                self,
                secrets=self.engine.connections.secrets if self.engine is not None else None,
            )
            welcome.open_requested.connect(self.open_campaign_view)
            welcome.blank_campaign_requested.connect(self.campaigns_list.new_campaign)
            welcome.skipped.connect(lambda: self.show_view("campaigns"))
            welcome.account_saved.connect(self._account_saved)
            self.pages.addWidget(welcome)
            self.welcome = welcome
        self.pages.setCurrentWidget(self.welcome)
        blocked = self.sidebar.blockSignals(True)  # under Campaigns, as an open campaign is
        self.sidebar.setCurrentRow(VIEWS.index("campaigns"))
        self.sidebar.blockSignals(blocked)
        return self.welcome

    def open_campaign_view(self, campaign_id: int) -> CampaignView:
        """Show one campaign (header, Sequence, Contacts, Settings) in place of the list."""
        self._opening = False
        if self.campaign_view is not None:
            self.pages.removeWidget(self.campaign_view)
            self.campaign_view.deleteLater()
        self.campaign_view = CampaignView(self.workspace, campaign_id, self)
        if self.plan_watcher.usage is not None:  # else set when the plan is read
            self.campaign_view.editor.palette_strip.set_plan(self.plan_watcher.usage.features)
        self.pages.addWidget(self.campaign_view)
        self.pages.setCurrentWidget(self.campaign_view)
        # The sidebar says where the user is (a campaign is under Campaigns), without
        # switching the page back to the list.
        blocked = self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(VIEWS.index("campaigns"))
        self.sidebar.blockSignals(blocked)
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
        self._opening = False
        key, _, argument = name.partition(":")
        if key == "campaign":
            self.sidebar.setCurrentRow(VIEWS.index("campaigns"))
            # A wrong id leaves the list in front (a screenshot still shows something).
            with contextlib.suppress(ValueError, FluenzrError):
                self.open_campaign_view(int(argument))
            return self
        row = VIEWS.index(key) if key in VIEWS else 0
        self.sidebar.setCurrentRow(row)
        self.pages.setCurrentIndex(row)  # also back to the list from an open campaign
        return self

    def show_contact(self, contact_id: int) -> None:
        """The Contacts screen with this contact selected and its detail panel shown.

        A search or tag filter that hides the contact is cleared first. The table's ids are
        read in the background: the contact is selected once they are in.
        """
        self.show_view("contacts")
        view = self.contacts_view
        assert view is not None  # built by show_view("contacts")
        model = view.model

        def select() -> bool:
            """Select the contact if the loaded ids hold it; False while they do not."""
            if not model.loaded_once:
                return False
            try:
                row = model.ids.index(contact_id)
            except ValueError:
                return False
            view.table.clearSelection()
            view.table.selectRow(row)
            view.table.scrollTo(model.index(row, 0))
            view.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True

        def once_loaded() -> None:
            model.loaded.disconnect(once_loaded)
            if not select():
                self.show_status(self.tr("This contact no longer exists."))

        if select():
            return
        if not model.loaded_once:
            model.loaded.connect(once_loaded)
        elif model.is_filtered:
            # Shown unfiltered: a typed search or a tag must not hide the contact asked for.
            model.loaded.connect(once_loaded)
            view.search.blockSignals(True)
            view.search.clear()
            view.search.blockSignals(False)
            view.tag_filter.setCurrentIndex(0)  # "All tags": the model drops its tag
            model.set_search("")
        else:
            self.show_status(self.tr("This contact no longer exists."))

    def refresh(self) -> None:
        """Reload the summary this window shows itself (the contacts count; none when empty)."""
        from ..ops.contacts import count_contacts

        workspace = self.workspace
        self._summary_request += 1
        request = self._summary_request

        def show(contact_count: int) -> None:
            if request != self._summary_request:
                return  # a newer read is on its way
            self.contacts_summary.setText(
                self.tr("%n contact(s) in this workspace.", "", contact_count)
                if contact_count
                else ""
            )
            self.import_button.setVisible(contact_count > 0)
            self.summary_shown.emit()

        run_in_background(
            self, lambda _report: count_contacts(workspace), on_done=show,
            on_failed=self.show_status,
        )  # fmt: skip


def machine_zone() -> str:
    """This computer's time zone as an IANA name (Europe/Paris), UTC when unknown."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name or "UTC"
