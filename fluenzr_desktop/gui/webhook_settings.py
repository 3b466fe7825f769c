"""The Settings page's "Webhooks" group: the endpoints FluenzR posts events to, and their log.

A table of endpoints (URL, events, campaigns, state, delivered/failed/pending, last delivery)
read in a worker with `ops.webhooks.list_webhooks`; buttons add, edit, test, turn on or off,
copy or rotate the signing secret, remove, and open the delivery log. Every call to `ops`
runs in a worker; a refusal is one line under the buttons. On a plan without webhooks a
line with the plan's badge says so; Add, Edit and Test are off, the list stays readable,
and turning off, removing and the log still work (the user can clean up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.plans import Gate, PlanRequired
from ..domain.webhooks import disabled_reason_parts
from ..ops import Changes
from ..ops.campaigns import campaign_summaries
from ..ops.webhooks import (
    DeliveryView,
    WebhookView,
    list_webhooks,
    remove_webhook,
    require_webhooks_plan,
    rotate_webhook_secret,
    set_webhook_enabled,
    test_webhook,
    webhook_secret,
)
from ..workspace import Workspace
from .api_settings import GateLine
from .changes import change_hub
from .event_text import fill_places
from .settings_rows import ERROR_STYLE, HELP_STYLE, one_line
from .tasks import run_in_background
from .webhook_dialog import WebhookDialog
from .webhook_log import WebhookLogDialog, answer_text, delivery_state_text, local_moment_text

COLUMNS = 6  # URL, events, campaigns, state, deliveries, last delivery
URL_WIDTH = 240  # the URL's first width, in pixels; the user may drag it
# The widest a column of lists (events, campaigns, state) starts (elided; the tooltip has all).
LIST_COLUMN_WIDTH = 170


def read_webhooks(workspace: Workspace) -> tuple[list[WebhookView], dict[int, str], Gate | None]:
    """The endpoints, the campaigns' names by id and the plan's gate (off the GUI thread)."""
    webhooks = list_webhooks(workspace)
    campaigns = {int(row["id"]): str(row["name"]) for row in campaign_summaries(workspace)}
    try:
        require_webhooks_plan(workspace)
    except PlanRequired as refusal:
        return webhooks, campaigns, refusal.gate
    return webhooks, campaigns, None


def reason_text(reason: str | None) -> str:
    """Why an endpoint is off, in the window's language (the engine stores it in English)."""
    code, params = disabled_reason_parts(reason)
    words = {
        "by_user": QCoreApplication.translate("WebhooksGroup", "turned off by you"),
        "setting_up": QCoreApplication.translate(
            "WebhooksGroup", "being set up: its signing secret was not stored"
        ),
        "gone": QCoreApplication.translate(
            "WebhooksGroup", "the receiver answered 410 Gone: it no longer takes these webhooks"
        ),
    }
    if code == "gave_up":
        return fill_places(
            QCoreApplication.translate(
                "WebhooksGroup", "gave up after %1 attempts; last answer: %2"
            ),
            [params["attempts"], one_line(params["answer"])],
        )
    return words.get(code) or one_line(params.get("text", ""))


class WebhooksGroup(QGroupBox):
    """The webhook endpoints and what can be done to them."""

    loaded = Signal()  # the table shows a fresh read
    answered = Signal(str)  # an action finished ("test", "remove", …), well or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Webhooks"))
        self.workspace = workspace
        self.webhooks: list[WebhookView] = []
        self.campaigns: dict[int, str] = {}
        self.gate: Gate | None = None
        self.read_once = False
        self.busy = False
        self.dialog: WebhookDialog | None = None
        self.log: WebhookLogDialog | None = None
        self._read_serial = 0

        intro = QLabel(
            self.tr(
                "FluenzR posts each event you choose to your endpoints (a CRM, Zapier, Make, "
                "n8n, a script), signed as Standard Webhooks describes, while this window or "
                "the engine runs. Failed deliveries are retried for about three days."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HELP_STYLE)
        self.gate_line = GateLine()
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("URL"),
                self.tr("Events"),
                self.tr("Campaigns"),
                self.tr("State"),
                self.tr("Deliveries"),
                self.tr("Last delivery"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(200)
        header = self.table.horizontalHeader()
        # Every column keeps a readable width; a narrow window scrolls the table sideways.
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._follow_selection)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.empty_label = QLabel(self.tr("No webhooks yet."))
        self.empty_label.setStyleSheet(HELP_STYLE)

        self.add_button = self._button(self.tr("Add…"), self.add)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.test_button = self._button(self.tr("Test"), self.test_selected)
        self.enable_button = self._button(self.tr("Disable"), self.toggle_selected)
        self.copy_button = self._button(self.tr("Copy secret"), self.copy_secret)
        self.rotate_button = self._button(self.tr("Rotate secret…"), self.ask_rotate)
        self.remove_button = self._button(self.tr("Remove…"), self.ask_remove)
        self.log_button = self._button(self.tr("Delivery log…"), self.open_log)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        for index, button in enumerate(
            (
                self.add_button, self.edit_button, self.remove_button, self.enable_button,
                self.test_button, self.log_button, self.copy_button, self.rotate_button,
            )
        ):  # fmt: skip
            buttons.addWidget(button, index // 4, index % 4)
        buttons.setColumnStretch(4, 1)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.gate_line)
        column.addWidget(self.table)
        column.addWidget(self.empty_label)
        column.addLayout(buttons)
        column.addWidget(self.result_label)

        change_hub().changed.connect(self._on_changes)
        self._follow_selection()
        self.reload()

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the endpoints, the campaigns' names and the plan in a worker, and show them."""
        workspace = self.workspace
        self._read_serial += 1
        serial = self._read_serial

        def done(state: tuple[list[WebhookView], dict[int, str], Gate | None]) -> None:
            if serial == self._read_serial:  # an older read answering late is stale
                self.show_webhooks(*state)

        def failed(message: str) -> None:
            if serial == self._read_serial:
                self._result(one_line(message), error=True)
                self.loaded.emit()

        run_in_background(self, lambda _report: read_webhooks(workspace), on_done=done,
                          on_failed=failed)  # fmt: skip

    def _on_changes(self, changes: Changes) -> None:
        # A licence (settings) changes the plan; campaigns renamed or removed change names.
        if changes.settings or changes.campaigns:
            self.reload()

    def show_webhooks(
        self, webhooks: list[WebhookView], campaigns: dict[int, str], gate: Gate | None
    ) -> None:
        """Fill the table, keeping the selected endpoint selected; show the plan's line."""
        selected = self.selected_webhook()
        self.webhooks = list(webhooks)
        self.campaigns = campaigns
        self.gate = gate
        self.read_once = True
        self.gate_line.show_gate(gate)
        self.table.setRowCount(len(self.webhooks))
        for row, webhook in enumerate(self.webhooks):
            for column, (text, tip) in enumerate(self._cells(webhook)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if column == 3 and not webhook.enabled:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
            if selected is not None and webhook.id == selected.id:
                self.table.selectRow(row)
        self.table.setColumnWidth(0, URL_WIDTH)
        for column in range(1, COLUMNS):
            self.table.resizeColumnToContents(column)
            if column <= 3:
                width = min(self.table.columnWidth(column), LIST_COLUMN_WIDTH)
                self.table.setColumnWidth(column, width)
        self.table.setVisible(bool(self.webhooks))
        self.empty_label.setVisible(not self.webhooks)
        if self.webhooks and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._follow_selection()
        self.loaded.emit()

    def _cells(self, webhook: WebhookView) -> list[tuple[str, str]]:
        """The (text, tooltip) of each column of an endpoint's row."""
        url_tip = webhook.url + (f"\n{webhook.description}" if webhook.description else "")
        events = ", ".join(webhook.event_types) if webhook.event_types else self.tr("All events")
        names = [
            self.campaigns.get(campaign_id, self.tr("campaign %1").replace("%1", str(campaign_id)))
            for campaign_id in webhook.campaign_ids
        ]
        campaigns = ", ".join(names) if names else self.tr("All campaigns")
        state = (
            self.tr("Enabled")
            if webhook.enabled
            else self.tr("Disabled: %1").replace("%1", reason_text(webhook.disabled_reason))
        )
        counts = webhook.counts
        deliveries = (
            self.tr("%1 delivered · %2 failed · %3 pending")
            .replace("%1", str(counts.get("delivered", 0)))
            .replace("%2", str(counts.get("failed", 0)))
            .replace("%3", str(counts.get("pending", 0) + counts.get("delivering", 0)))
        )
        last = webhook.last_delivery
        last_text = self._last_delivery_text(last) if last is not None else self.tr("none yet")
        last_tip = answer_text(last) if last is not None else ""
        url_text = f"{webhook.url} — {webhook.description}" if webhook.description else webhook.url
        return [
            (url_text, url_tip),
            (events, events),
            (campaigns, campaigns),
            (state, state),
            (deliveries, deliveries),
            (last_text, last_tip),
        ]

    @staticmethod
    def _last_delivery_text(delivery: DeliveryView) -> str:
        moment = delivery.last_attempt_at or delivery.created_at
        return f"{local_moment_text(moment)} · {delivery_state_text(delivery)}"

    def selected_webhook(self) -> WebhookView | None:
        """The endpoint of the selected row, if any."""
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.webhooks):
            return None
        return self.webhooks[rows[0].row()]

    def _follow_selection(self) -> None:
        """Buttons follow the selection, the plan and a running action."""
        webhook = self.selected_webhook()
        chosen = webhook is not None and not self.busy
        allowed = self.gate is None and self.read_once
        self.add_button.setEnabled(allowed and not self.busy)
        self.edit_button.setEnabled(chosen and allowed)
        self.test_button.setEnabled(chosen and allowed)
        # Turning on needs the plan; turning off never does.
        self.enable_button.setEnabled(chosen and (allowed or bool(webhook and webhook.enabled)))
        self.enable_button.setText(
            self.tr("Enable") if webhook is not None and not webhook.enabled else self.tr("Disable")
        )
        for button in (self.copy_button, self.rotate_button, self.remove_button, self.log_button):
            button.setEnabled(chosen)
        tip = "" if self.gate is None else self.gate_line.text.text()
        for button in (self.add_button, self.edit_button, self.test_button):
            button.setToolTip(tip)

    # -- adding and editing -----------------------------------------------------------------

    def add(self) -> WebhookDialog:
        """Open the dialog adding an endpoint (its save runs in a worker)."""
        return self._open_dialog(None)

    def edit_selected(self) -> WebhookDialog | None:
        """Open the dialog changing the selected endpoint."""
        webhook = self.selected_webhook()
        if webhook is None or self.gate is not None:
            return None
        return self._open_dialog(webhook)

    def _open_dialog(self, webhook: WebhookView | None) -> WebhookDialog:
        campaigns = sorted(self.campaigns.items())
        dialog = WebhookDialog(self.workspace, campaigns, webhook, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, webhook: WebhookView) -> None:
        self._result(self.tr("Webhook saved: %1").replace("%1", webhook.url))
        self._select_after_reload(webhook.id)
        self.answered.emit("save")

    def _select_after_reload(self, webhook_id: int) -> None:
        def select() -> None:
            self.loaded.disconnect(select)
            for row, webhook in enumerate(self.webhooks):
                if webhook.id == webhook_id:
                    self.table.selectRow(row)

        self.loaded.connect(select)
        self.reload()

    # -- actions on the selected endpoint ---------------------------------------------------

    def _run(
        self,
        name: str,
        work: Callable[[Any], Any],
        done: Callable[[Any], str],
        progress_text: str = "",
    ) -> None:
        """Run `work` in a worker; show `done(result)` or the refusal, then read again."""
        self.busy = True
        self._follow_selection()
        if progress_text:
            self._result(progress_text)

        def finished(result: Any) -> None:
            self.busy = False
            self._result(done(result))
            self.reload()
            self.answered.emit(name)

        def failed(message: str) -> None:
            self.busy = False
            self._result(one_line(message), error=True)
            self.reload()
            self.answered.emit(name)

        run_in_background(self, lambda _report: work(self.workspace), on_done=finished,
                          on_failed=failed)  # fmt: skip

    def test_selected(self) -> None:
        """Send a test.ping to the selected endpoint now and show the receiver's answer."""
        webhook = self.selected_webhook()
        if webhook is None or self.busy:
            return
        webhook_id = webhook.id
        self._run(
            "test",
            lambda workspace: test_webhook(workspace, webhook_id),
            self.test_text,
            self.tr("Sending a test to %1…").replace("%1", webhook.url),
        )

    def test_text(self, delivery: DeliveryView) -> str:
        """How a test went: "Test delivered: HTTP 200 — ok" or "Test failed: …"."""
        answer = answer_text(delivery)
        status = f"HTTP {delivery.last_status}" if delivery.last_status is not None else ""
        said = " — ".join(part for part in (status, answer) if part)
        if delivery.state == "delivered":
            return self.tr("Test delivered: %1").replace("%1", said or "HTTP 2xx")
        return self.tr("Test not delivered: %1").replace("%1", said or self.tr("no answer"))

    def toggle_selected(self) -> None:
        """Turn the selected endpoint off, or on again (its queued deliveries then go out)."""
        webhook = self.selected_webhook()
        if webhook is None or self.busy:
            return
        webhook_id, enable = webhook.id, not webhook.enabled
        self._run(
            "enable",
            lambda workspace: set_webhook_enabled(workspace, webhook_id, enable),
            lambda view: (
                self.tr("Webhook enabled: %1") if view.enabled else self.tr("Webhook disabled: %1")
            ).replace("%1", view.url),
        )

    def copy_secret(self) -> None:
        """Copy the selected endpoint's signing secret to the clipboard (never shown)."""
        webhook = self.selected_webhook()
        if webhook is None or self.busy:
            return
        webhook_id = webhook.id

        def copied(secret: str) -> str:
            QGuiApplication.clipboard().setText(secret)
            return self.tr("Signing secret copied to the clipboard.")

        self._run("copy", lambda workspace: webhook_secret(workspace, webhook_id), copied)

    def ask_rotate(self) -> QMessageBox | None:
        """Ask before making a new signing secret; the answer comes without a nested loop."""
        webhook = self.selected_webhook()
        if webhook is None or self.busy:
            return None
        return self._ask(
            self.tr("Rotate the signing secret"),
            self.tr(
                "Make a new signing secret for %1? For 24 hours deliveries are signed with "
                "both, so the receiver can switch; the new secret is copied to the clipboard."
            ).replace("%1", webhook.url),
            self.tr("Rotate"),
            lambda: self.rotate(webhook.id),
        )

    def rotate(self, webhook_id: int) -> None:
        """Make a new signing secret and copy it (no question asked: `ask_rotate` asks)."""

        def copied(secret: str) -> str:
            QGuiApplication.clipboard().setText(secret)
            return self.tr(
                "New signing secret copied to the clipboard; the old one still signs for 24 hours."
            )

        self._run("rotate", lambda workspace: rotate_webhook_secret(workspace, webhook_id), copied)

    def ask_remove(self) -> QMessageBox | None:
        """Ask before removing the selected endpoint and its log."""
        webhook = self.selected_webhook()
        if webhook is None or self.busy:
            return None
        return self._ask(
            self.tr("Remove the webhook"),
            self.tr(
                "Remove the webhook to %1? Its delivery log and signing secret are deleted "
                "and nothing more is sent to it."
            ).replace("%1", webhook.url),
            self.tr("Remove"),
            lambda: self.remove(webhook.id, webhook.url),
        )

    def remove(self, webhook_id: int, url: str) -> None:
        """Remove an endpoint (no question asked: `ask_remove` asks)."""
        self._run(
            "remove",
            lambda workspace: remove_webhook(workspace, webhook_id),
            lambda _none: self.tr("Webhook removed: %1").replace("%1", url),
        )

    def _ask(self, title: str, text: str, action: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: then() if button is confirm else None)
        box.open()
        return box

    def open_log(self) -> WebhookLogDialog | None:
        """Open the selected endpoint's delivery log."""
        webhook = self.selected_webhook()
        if webhook is None:
            return None
        log = WebhookLogDialog(self.workspace, webhook.id, webhook.url, gate=self.gate,
                               parent=self)  # fmt: skip
        log.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        log.answered.connect(lambda _text: self.reload())
        self.log = log
        log.open()
        return log

    def _result(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setVisible(bool(text))
