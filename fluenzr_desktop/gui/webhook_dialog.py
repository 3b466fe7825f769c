"""The dialog adding or changing a webhook endpoint: URL, description, event types, campaigns.

"All events" and "All campaigns" are the default (stored as empty lists, as ops has it).
Saving runs `ops.webhooks.add_webhook` / `update_webhook` in a worker; a refusal (a bad
URL, the plan) is shown in one line in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..ops.webhooks import EVENT_TYPES, WebhookView, add_webhook, update_webhook
from ..workspace import Workspace
from .settings_rows import ERROR_STYLE, HELP_STYLE, one_line
from .tasks import run_in_background

# What each event type means, shown beside its name (the name is what a receiver reads).
EVENT_TEXTS: dict[str, str] = {
    "email.sent": QT_TRANSLATE_NOOP("WebhookText", "An email was sent"),
    "email.bounced": QT_TRANSLATE_NOOP("WebhookText", "An email bounced"),
    "email.opened": QT_TRANSLATE_NOOP("WebhookText", "An email was opened"),
    "email.clicked": QT_TRANSLATE_NOOP("WebhookText", "A link was clicked"),
    "reply.received": QT_TRANSLATE_NOOP("WebhookText", "A contact replied"),
    "lead.unsubscribed": QT_TRANSLATE_NOOP("WebhookText", "A contact unsubscribed"),
    "lead.status_changed": QT_TRANSLATE_NOOP("WebhookText", "A contact's state changed"),
    "sequence.completed": QT_TRANSLATE_NOOP("WebhookText", "A contact finished the sequence"),
    "campaign.status_changed": QT_TRANSLATE_NOOP("WebhookText", "A campaign's status changed"),
    "mailbox.error": QT_TRANSLATE_NOOP("WebhookText", "A mailbox could not be read or used"),
    "test.ping": QT_TRANSLATE_NOOP("WebhookText", "A test sent from this window"),
}


def event_type_text(event_type: str) -> str:
    """An event type's meaning in the window's language; an unknown type as itself."""
    source = EVENT_TEXTS.get(event_type)
    return QCoreApplication.translate("WebhookText", source) if source else event_type


Campaigns = Sequence[tuple[int, str]]  # (id, name) of every campaign, for the list


class WebhookDialog(QDialog):
    """Add an endpoint (`webhook` None) or change one; `saved` gives the stored endpoint."""

    saved = Signal(object)  # the WebhookView as stored
    refused = Signal(str)  # the one line shown in the dialog

    def __init__(
        self,
        workspace: Workspace,
        campaigns: Campaigns,
        webhook: WebhookView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.webhook = webhook
        self.busy = False
        self.setWindowTitle(
            self.tr("Add a webhook") if webhook is None else self.tr("Edit webhook")
        )

        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://hooks.example.com/fluenzr")
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(self.tr("What it feeds, e.g. CRM deals"))
        self.all_events_box = QCheckBox(self.tr("All events"))
        self.all_events_box.toggled.connect(self._follow_all)
        self.event_boxes: dict[str, QCheckBox] = {}
        events_grid = QGridLayout()
        events_grid.setContentsMargins(18, 0, 0, 0)
        for index, event_type in enumerate(EVENT_TYPES):
            box = QCheckBox(f"{event_type_text(event_type)} ({event_type})")
            self.event_boxes[event_type] = box
            events_grid.addWidget(box, index // 2, index % 2)
        self.all_campaigns_box = QCheckBox(self.tr("All campaigns"))
        self.all_campaigns_box.toggled.connect(self._follow_all)
        self.campaign_list = QListWidget()
        self.campaign_list.setMaximumHeight(110)
        for campaign_id, name in campaigns:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, campaign_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.campaign_list.addItem(item)
        self.no_campaigns_label = QLabel(self.tr("No campaigns yet: new ones are included."))
        self.no_campaigns_label.setStyleSheet(HELP_STYLE)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_webhook")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("URL"), self.url_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        events = QVBoxLayout()
        events.addWidget(self.all_events_box)
        events.addLayout(events_grid)
        form.addRow(self.tr("Events"), events)
        campaigns_column = QVBoxLayout()
        campaigns_column.addWidget(self.all_campaigns_box)
        campaigns_column.addWidget(self.campaign_list)
        campaigns_column.addWidget(self.no_campaigns_label)
        form.addRow(self.tr("Campaigns"), campaigns_column)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fill(webhook)
        self.campaign_list.setVisible(bool(campaigns))
        self.no_campaigns_label.setVisible(not campaigns)
        self.all_campaigns_box.setEnabled(bool(campaigns))

    def _fill(self, webhook: WebhookView | None) -> None:
        event_types = webhook.event_types if webhook is not None else ()
        campaign_ids = webhook.campaign_ids if webhook is not None else ()
        if webhook is not None:
            self.url_edit.setText(webhook.url)
            self.description_edit.setText(webhook.description or "")
        for event_type, box in self.event_boxes.items():
            box.setChecked(event_type in event_types)
        self.all_events_box.setChecked(not event_types)
        for row in range(self.campaign_list.count()):
            item = self.campaign_list.item(row)
            chosen = item.data(Qt.ItemDataRole.UserRole) in campaign_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.all_campaigns_box.setChecked(not campaign_ids)
        self._follow_all()

    def _follow_all(self, _checked: bool = False) -> None:
        """ "All …" checked: the single choices are kept but greyed out (they do not apply)."""
        for box in self.event_boxes.values():
            box.setEnabled(not self.all_events_box.isChecked())
        self.campaign_list.setEnabled(not self.all_campaigns_box.isChecked())

    # -- the user's choice --------------------------------------------------------------------

    def chosen_event_types(self) -> tuple[str, ...]:
        """The event types ticked; () for all events."""
        if self.all_events_box.isChecked():
            return ()
        return tuple(event_type for event_type, box in self.event_boxes.items() if box.isChecked())

    def chosen_campaign_ids(self) -> tuple[int, ...]:
        """The campaigns ticked; () for all campaigns."""
        if self.all_campaigns_box.isChecked() or not self.campaign_list.count():
            return ()
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.campaign_list.item(row) for row in range(self.campaign_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def save(self) -> None:
        """Store the endpoint in a worker; close on success, say why in one line otherwise."""
        if self.busy:
            return
        event_types = self.chosen_event_types()
        campaign_ids = self.chosen_campaign_ids()
        # An empty choice would be stored as "all": the user meant something narrower.
        if not self.all_events_box.isChecked() and not event_types:
            self._refuse(self.tr("Tick at least one event, or All events."))
            return
        if (
            not self.all_campaigns_box.isChecked()
            and self.campaign_list.count()
            and not campaign_ids
        ):
            self._refuse(self.tr("Tick at least one campaign, or All campaigns."))
            return
        workspace = self.workspace
        url = self.url_edit.text()
        description = self.description_edit.text().strip() or None
        webhook = self.webhook
        work: Callable[[object], WebhookView]
        if webhook is None:
            work = lambda _report: add_webhook(  # noqa: E731
                workspace, url, event_types, campaign_ids, description
            )
        else:
            work = lambda _report: update_webhook(  # noqa: E731
                workspace, webhook.id, url=url, event_types=event_types,
                campaign_ids=campaign_ids, description=description or "",
            )  # fmt: skip
        self.busy = True
        self.buttons.setEnabled(False)
        self.error_label.hide()
        run_in_background(self, work, on_done=self._saved, on_failed=self._failed)

    def _saved(self, view: WebhookView) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.saved.emit(view)
        self.accept()

    def _failed(self, message: str) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self._refuse(one_line(message))

    def _refuse(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.refused.emit(text)
