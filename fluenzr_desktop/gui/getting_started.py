"""Help › Getting started: a short page on what the app does, from a mailbox to replies.

A dialog with a QTextBrowser whose text is built from tr() sentences (so it reads in the
window's language); its links open the Keyboard shortcuts dialog and, while first steps
remain (read in a worker), the Welcome screen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.plans import FREE_DAILY_LIMIT
from ..workspace import Workspace
from .tasks import run_in_background

SHORTCUTS_LINK = "fluenzr:shortcuts"


class GettingStartedDialog(QDialog):
    """The Getting started page; asks the window for the shortcuts or the Welcome screen."""

    shortcuts_requested = Signal()
    welcome_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))
        self.state_known = False  # whether first steps remain has been read
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        self.browser.setHtml(self.page_html())
        self.welcome_button = QPushButton(self.tr("Show the first steps"))
        self.welcome_button.hide()  # shown once a read says steps remain
        self.welcome_button.clicked.connect(self._welcome)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.welcome_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        if parent is not None:
            available = parent.screen().availableGeometry()
            self.resize(min(640, available.width()), min(600, available.height() - 40))

        from .welcome import read_welcome_state, steps_remain

        run_in_background(
            self,
            lambda _report: steps_remain(read_welcome_state(workspace)),
            on_done=self._show_remaining,
            on_failed=lambda _message: self._show_remaining(False),  # the page reads on
        )

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) of each section, in the window's language."""
        return [
            (
                self.tr("1. Connect your mailbox"),
                self.tr(
                    "Under Accounts, choose your provider, type your address and password, "
                    "and test the connection. Emails go out from your own mailbox; the "
                    "password never goes into the workspace's database."
                ),
            ),
            (
                self.tr("2. Import contacts"),
                self.tr(
                    "File › Import contacts reads a CSV file from a spreadsheet or a CRM; "
                    "the Contacts screen also adds one by hand. Tags keep them in groups."
                ),
            ),
            (
                self.tr("3. Draw the sequence"),
                self.tr(
                    "A campaign's Sequence tab is a canvas: Start, then Email and Delay "
                    "steps, to End. Write each email with {{firstName}} and {{company}}, "
                    "and check the preview for a real contact."
                ),
            ),
            (
                self.tr("4. Activate"),
                self.tr(
                    "Enroll contacts in the campaign's Contacts tab, then click Activate. "
                    "Emails go out within the sending window, at a human pace, while the "
                    "window (or the fluenzr engine run command) is open."
                ),
            ),
            (
                self.tr("5. Replies stop the sequence"),
                self.tr(
                    "With an IMAP server set on the account, a contact who replies gets no "
                    "more emails; bounces and unsubscribes stop too."
                ),
            ),
            (
                self.tr("Statistics"),
                self.tr(
                    "The Dashboard shows today's sends, the replies to answer and the best "
                    "campaigns; a campaign's Analytics tab shows each step's figures, reply "
                    "rate first (opens and clicks when tracking is on)."
                ),
            ),
            (
                self.tr("Plans"),
                self.tr(
                    "Free sends up to %1 emails a day. Starter lifts that cap and adds A/B "
                    "tests; Pro adds Condition steps, webhooks and the API. Drafting is "
                    "never limited; a licence is added under Settings."
                ).replace("%1", str(FREE_DAILY_LIMIT)),
            ),
        ]

    def page_html(self) -> str:
        """The page as HTML: the sections, then the link to the keyboard shortcuts."""
        title = self.tr("What FluenzR Desktop does")  # outside f-strings: lupdate reads it
        parts = [f"<h2>{escape(title)}</h2>"]
        for heading, text in self.sections():
            parts.append(f"<h3>{escape(heading)}</h3><p>{escape(text)}</p>")
        link = escape(self.tr("Keyboard shortcuts"))
        parts.append(
            "<p>"
            + escape(self.tr("The canvas and the window have keys for everything: %1.")).replace(
                "%1", f'<a href="{SHORTCUTS_LINK}">{link}</a>'
            )
            + "</p>"
        )
        return "".join(parts)

    def _link_clicked(self, url: QUrl) -> None:
        if url.toString() == SHORTCUTS_LINK:
            self.shortcuts_requested.emit()

    def _show_remaining(self, remaining: bool) -> None:
        self.welcome_button.setVisible(remaining)
        self.state_known = True

    def _welcome(self) -> None:
        self.welcome_requested.emit()
        self.accept()
