"""The Welcome screen: three steps from a new workspace to a first campaign, with progress.

Shown by the main window in place of the campaigns list while the workspace has no
account (and again from Help › Getting started while steps remain): 1. connect a mailbox
(the account form, whose connection test must pass for the saved values), 2. import
contacts (the CSV wizard, or one by hand), 3. create a first campaign (the template
gallery, or a blank campaign). What is done is read from the workspace in a worker, so a
done step stays ticked when the user comes back; "Skip for now" leads to the normal screens.
"""

from __future__ import annotations

import importlib.util
import ssl
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..ops import Changes
from ..ops.accounts import list_accounts
from ..ops.campaigns import campaign_summaries
from ..ops.contacts import count_contacts, save_contact
from ..store.secrets import SecretStore
from ..workspace import Workspace
from .account_fields import ERROR_STYLE
from .account_form import AccountForm
from .changes import change_hub, run_op
from .contact_dialog import ContactDialog
from .import_wizard import ImportWizard
from .tasks import run_in_background

DONE_STYLE = "color: #1b7f3b; font-weight: 600;"
LINK_STYLE = "QPushButton { border: none; color: palette(link); text-decoration: underline; }"
STEP_COUNT = 3


@dataclass(frozen=True)
class WelcomeState:
    """What the workspace holds that the steps ask for: accounts, contacts, campaigns."""

    accounts: tuple[tuple[int, str], ...]  # (id, email address), oldest first
    contacts: int
    campaigns: bool


def read_welcome_state(workspace: Workspace) -> WelcomeState:
    """Read the accounts, the contacts count and whether a campaign exists (run it in a worker)."""
    accounts = tuple((account["id"], account["email"]) for account in list_accounts(workspace))
    return WelcomeState(accounts, count_contacts(workspace), bool(campaign_summaries(workspace)))


def steps_remain(state: WelcomeState) -> bool:
    """Whether a first step is still to take (no account, no contact or no campaign)."""
    return not (state.accounts and state.contacts and state.campaigns)


def gallery_available() -> bool:
    """Whether the template gallery ships with this build (its module is present)."""
    return importlib.util.find_spec(f"{__package__}.template_gallery") is not None


def passed(results: dict[str, dict[str, object]]) -> bool:
    """A connection test passed: SMTP logged in, and IMAP did too or was not set."""
    return results.get("smtp", {}).get("ok") is True and results.get("imap", {}).get("ok") in (
        True,
        None,
    )


class CheckedAccountForm(AccountForm):
    """The account form, saying which values a connection test passed for (step 1 needs it)."""

    test_passed = Signal(object)  # the form's fields as the passing test saw them

    _testing: dict[str, Any] | None = None

    def test_connection(self) -> None:
        """Note the values tested (before the worker starts, so no answer is missed), test."""
        try:
            self._testing = self.form_fields()
        except FluenzrError:
            self._testing = None  # the form says why it does not test
        super().test_connection()

    def _tested(self, results: dict[str, dict[str, object]]) -> None:
        super()._tested(results)
        if passed(results) and self._testing is not None:
            self.test_passed.emit(self._testing)


class WelcomeView(QWidget):
    """The three first steps, one at a time, with "step N of 3" and a tick per done step."""

    loaded = Signal()  # the steps show freshly read state
    open_requested = Signal(int)  # a campaign id to open (created from a template)
    blank_campaign_requested = Signal()  # the campaigns list's New… flow
    skipped = Signal()  # "Skip for now": the normal screens
    account_saved = Signal(int)  # an account was stored from step 1

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        secrets: SecretStore | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.state: WelcomeState | None = None
        self.step = 0
        self._request = 0  # the newest read wins
        self._saved_here: dict[int, dict[str, Any]] = {}  # accounts saved in step 1: fields
        self._verified: set[int] = set()  # of those, the ones a passing test covers
        self._passed_fields: dict[str, Any] | None = None  # the form's last passing test

        heading = QLabel(self.tr("Welcome to FluenzR Desktop"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(self.tr("Three steps to your first campaign, sent from your own mailbox."))
        intro.setWordWrap(True)
        self.progress_label = QLabel()
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        titles = (
            self.tr("Connect your mailbox"),
            self.tr("Import contacts"),
            self.tr("Create your first campaign"),
        )
        self.step_titles = titles
        self.step_buttons: list[QPushButton] = []
        indicator = QHBoxLayout()
        indicator.setSpacing(4)
        for index, _title in enumerate(titles):
            button = QPushButton()
            button.setFlat(True)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _checked=False, index=index: self.go_to(index))
            self.step_buttons.append(button)
            if index:
                indicator.addWidget(QLabel("›"))
            indicator.addWidget(button)
        indicator.addStretch(1)
        indicator.addWidget(self.progress_label)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._mailbox_page(secrets, ssl_context))
        self.pages.addWidget(self._contacts_page())
        self.pages.addWidget(self._campaign_page())

        self.message = QLabel()  # why a read or a save failed, in one line
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.skip_button = QPushButton(self.tr("Skip for now"))
        self.skip_button.setStyleSheet(LINK_STYLE)
        self.skip_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.skip_button.clicked.connect(self.skipped.emit)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.go_to(self.step - 1))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.clicked.connect(lambda: self.go_to(self.step + 1))
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_button)
        bottom.addStretch(1)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(indicator)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._show_step()
        change_hub().changed.connect(self._on_changes)
        self.refresh()

    # -- the pages ----------------------------------------------------------------------------

    @staticmethod
    def _explanation(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    @staticmethod
    def _done_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(DONE_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _mailbox_page(
        self, secrets: SecretStore | None, ssl_context: ssl.SSLContext | None
    ) -> QWidget:
        page = QWidget()
        self.mailbox_done = self._done_label()
        self.account_form = CheckedAccountForm(
            self.workspace, secrets=secrets, ssl_context=ssl_context
        )
        self.account_form.test_passed.connect(self._test_passed)
        self.account_form.saved.connect(self._account_saved)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            self._explanation(
                self.tr(
                    "Choose your provider, fill in your address and password, click "
                    "Test connection, then Save."
                )
            )
        )
        layout.addWidget(self.mailbox_done)
        layout.addWidget(self.account_form, 1)
        return page

    def _contacts_page(self) -> QWidget:
        self.contacts_done = self._done_label()
        self.import_button = QPushButton(self.tr("Import a CSV file…"))
        self.import_button.clicked.connect(self.import_contacts)
        self.add_contact_button = QPushButton(self.tr("Add one by hand…"))
        self.add_contact_button.clicked.connect(self.add_contact)
        return self._action_page(
            self.tr(
                "Bring in the people you will write to: a CSV file exported from a "
                "spreadsheet or a CRM, or one contact typed by hand."
            ),
            self.contacts_done,
            (self.import_button, self.add_contact_button),
        )

    def _campaign_page(self) -> QWidget:
        self.campaign_done = self._done_label()
        self.template_button = QPushButton(self.tr("Start from a template…"))
        self.template_button.clicked.connect(self.choose_template)
        self.blank_button = QPushButton(self.tr("Blank campaign…"))
        self.blank_button.clicked.connect(self.blank_campaign_requested.emit)
        page = self._action_page(
            self.tr(
                "A campaign is a sequence of emails drawn on a canvas. Start from a "
                "ready-made sequence and edit it, or from a blank one."
            ),
            self.campaign_done,
            (self.template_button, self.blank_button),
        )
        # Only once in its page: toggled while parentless, it took the window's activation.
        self.template_button.setVisible(gallery_available())
        return page

    @staticmethod
    def _action_page(text: str, done: QLabel, buttons: tuple[QPushButton, ...]) -> QWidget:
        page = QWidget()
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        explanation.setMaximumWidth(explanation.fontMetrics().averageCharWidth() * 72)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(done)
        layout.addStretch(1)
        return page

    # -- progress -----------------------------------------------------------------------------

    def done_steps(self) -> tuple[bool, bool, bool]:
        """Which of the three steps are done (all False until the first read)."""
        state = self.state
        if state is None:
            return (False, False, False)
        return (bool(self.connected_mailboxes()), state.contacts > 0, state.campaigns)

    def connected_mailboxes(self) -> list[str]:
        """The addresses of the accounts that count as connected (a test passed, or made
        before this screen: an account saved here without a passing test does not)."""
        accounts = self.state.accounts if self.state is not None else ()
        return [
            email
            for account_id, email in accounts
            if account_id not in self._saved_here or account_id in self._verified
        ]

    def go_to(self, step: int) -> None:
        """Show one step (0, 1 or 2)."""
        self.step = max(0, min(STEP_COUNT - 1, step))
        self._show_step()

    def _show_step(self) -> None:
        done = self.done_steps()
        self.pages.setCurrentIndex(self.step)
        self.progress_label.setText(
            self.tr("Step %1 of %2")
            .replace("%1", str(self.step + 1))
            .replace("%2", str(STEP_COUNT))
        )
        for index, (button, title) in enumerate(
            zip(self.step_buttons, self.step_titles, strict=True)
        ):
            mark = "✓" if done[index] else f"{index + 1}."
            button.setText(f"{mark} {title}")
            button.setChecked(index == self.step)
            style = "font-weight: 600;" if index == self.step else ""
            button.setStyleSheet(f"QPushButton {{ {style} {DONE_STYLE if done[index] else ''} }}")
        self.back_button.setEnabled(self.step > 0)
        self.next_button.setVisible(self.step < STEP_COUNT - 1)
        self.next_button.setDefault(done[self.step])
        self._show_done(done)

    def _show_done(self, done: tuple[bool, bool, bool]) -> None:
        state = self.state
        if state is None:
            return
        connected = self.connected_mailboxes()
        self.mailbox_done.setVisible(bool(connected))
        if connected:
            self.mailbox_done.setText(
                self.tr("✓ Mailbox connected: %1").replace("%1", connected[0])
            )
        self.contacts_done.setVisible(done[1])
        self.contacts_done.setText(
            self.tr("✓ %n contact(s) in this workspace.", "", state.contacts)
        )
        self.campaign_done.setVisible(done[2])
        self.campaign_done.setText(self.tr("✓ You have a campaign: the Campaigns screen lists it."))

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read what the workspace holds (in a worker), then tick the done steps."""
        self._request += 1
        request, workspace, first = self._request, self.workspace, self.state is None
        run_in_background(
            self,
            lambda _report: read_welcome_state(workspace),
            on_done=lambda state: self._show_state(request, state, first),
            on_failed=self.message.setText,
        )

    def _show_state(self, request: int, state: WelcomeState, first: bool) -> None:
        if request != self._request:
            return  # a newer read is on its way
        self.state = state
        self.message.clear()
        form = self.account_form
        if state.accounts and form.shown_account_id() is None and not form.is_dirty():
            form.load_account(state.accounts[0][0])  # the mailbox already connected
        if first:  # opening: the first step still to take
            done = self.done_steps()
            self.step = next((index for index, taken in enumerate(done) if not taken), 0)
        self._show_step()
        self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.accounts or changes.contacts or changes.campaigns:
            self.refresh()

    # -- step 1: the connection test must pass for the saved values ---------------------------

    def _test_passed(self, fields: dict[str, Any]) -> None:
        self._passed_fields = fields
        for account_id, saved in self._saved_here.items():
            if saved == fields:
                self._verified.add(account_id)
        self._show_step()

    def _account_saved(self, account_id: int) -> None:
        try:
            fields = self.account_form.form_fields()
        except FluenzrError:
            fields = {}
        self._saved_here[account_id] = fields
        if fields and fields == self._passed_fields:
            self._verified.add(account_id)
        else:
            self._verified.discard(account_id)
        self.account_saved.emit(account_id)
        self.refresh()

    # -- step 2 -------------------------------------------------------------------------------

    def import_contacts(self) -> ImportWizard:
        """Open the CSV import wizard (its import is broadcast: the step ticks)."""
        wizard = ImportWizard(self.workspace, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def add_contact(self) -> ContactDialog:
        """Open the contact dialog; the contact is saved in a worker when it is accepted."""
        dialog = ContactDialog(self)
        workspace = self.workspace

        def save() -> None:
            values, tags = dialog.values(), dialog.tags()
            self.message.clear()
            run_op(
                self,
                lambda _report: save_contact(workspace, None, values, tags),
                on_failed=self.message.setText,
            )

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- step 3 -------------------------------------------------------------------------------

    def choose_template(self) -> QWidget:
        """Open the template gallery; the campaign it creates is opened."""
        from .template_gallery import TemplateGallery

        gallery = TemplateGallery(self.workspace, self)

        def created() -> None:
            campaign_id = gallery.created_campaign_id
            if campaign_id is not None:
                self.open_requested.emit(campaign_id)

        gallery.accepted.connect(created)
        gallery.finished.connect(gallery.deleteLater)
        gallery.open()
        return gallery
