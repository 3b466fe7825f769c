"""The Accounts screen: the list of sending accounts beside the form that edits one.

The list is read in a worker and reloads whenever a write anywhere changes the accounts
(`change_hub().changed`), keeping the selection and updating its rows in place (no
flicker); the form (`account_form.AccountForm`) reads and saves in workers too.
"""

from __future__ import annotations

import ssl
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..ops import Changes
from ..ops.accounts import list_accounts
from ..store.secrets import SecretStore
from ..workspace import Workspace
from .account_form import AccountForm
from .changes import change_hub
from .tasks import run_in_background


class AccountsView(QWidget):
    """Accounts list + form; emits `account_saved(id)` after a save (its connection is stale)."""

    account_saved = Signal(int)
    loaded = Signal()  # the list shows freshly read accounts

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
        self._request = 0  # the newest read wins
        self._loaded_once = False
        self.account_list = QListWidget()
        # Narrow enough that the form beside it needs no horizontal scrolling at 1024 pixels.
        self.account_list.setFixedWidth(220)
        # Two lines an account (name, address): room around them so they read as one item.
        self.account_list.setSpacing(2)
        self.account_list.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.account_list.currentItemChanged.connect(self._selected)
        # Inside the empty list, what to do about it (hidden once an account is listed).
        self.empty_hint = QLabel(self.tr("No mailbox yet: fill in the form to connect one."))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_hint.hide()
        hint_layout = QVBoxLayout(self.account_list.viewport())
        hint_layout.setContentsMargins(10, 10, 10, 10)
        hint_layout.addWidget(self.empty_hint)
        hint_layout.addStretch(1)
        self.new_button = QPushButton(self.tr("New account"))
        self.new_button.clicked.connect(self.new_account)
        self.form = AccountForm(workspace, secrets=secrets, ssl_context=ssl_context)
        self.form.saved.connect(self._saved)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        left = QVBoxLayout()
        left.addWidget(self.account_list, 1)
        left.addWidget(self.message)
        left.addWidget(self.new_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.form, 1)
        change_hub().changed.connect(self._changed)

        self.refresh()  # the first account is selected once the list is in

    def refresh(self) -> None:
        """Reload the list of accounts in a worker; the selection is kept."""
        self._request += 1
        request, workspace = self._request, self.workspace
        run_in_background(
            self,
            lambda _report: list_accounts(workspace),
            on_done=lambda accounts: self._show_accounts(request, accounts),
            on_failed=lambda message: self._read_failed(request, message),
        )

    def _show_accounts(self, request: int, accounts: list[dict[str, Any]]) -> None:
        """Update the rows in place (no clearing, so no flicker) and keep the account shown."""
        if request != self._request:
            return  # a newer read is on its way
        first = not self._loaded_once
        self._loaded_once = True
        self.message.hide()
        shown = self.form.shown_account_id()
        listed = self.account_list
        listed.setUpdatesEnabled(False)
        listed.blockSignals(True)
        try:
            while listed.count() > len(accounts):
                listed.takeItem(listed.count() - 1)
            current = None
            for row, account in enumerate(accounts):
                item = listed.item(row)
                if item is None:
                    item = QListWidgetItem()
                    listed.addItem(item)
                item.setText(f"{account['name']}\n{account['email']}")
                item.setData(Qt.ItemDataRole.UserRole, account["id"])
                if account["id"] == shown:
                    current = item
            if current is None:
                listed.clearSelection()
            listed.setCurrentItem(current)
        finally:
            listed.blockSignals(False)
            listed.setUpdatesEnabled(True)
        self.empty_hint.setVisible(not accounts)
        if current is not None:
            self.form.refresh_account()  # shown again only if the user has not edited it
        elif shown is not None:
            self.new_account()  # the account shown was deleted meanwhile
        elif first and accounts and not self.form.is_dirty():
            listed.setCurrentRow(0)  # opening the screen: show the first account
        self.loaded.emit()

    def _read_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.message.setText(message)
            self.message.show()

    def new_account(self) -> None:
        """Empty the form for a new account, nothing selected in the list."""
        self.account_list.blockSignals(True)
        self.account_list.clearSelection()
        self.account_list.setCurrentItem(None)
        self.account_list.blockSignals(False)
        self.form.new_account()

    def _selected(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is not None:
            self.form.load_account(int(current.data(Qt.ItemDataRole.UserRole)))

    def _changed(self, changes: Changes) -> None:
        if changes.accounts:
            self.refresh()

    def _saved(self, account_id: int) -> None:
        self.refresh()  # the form now shows the saved account: select it once listed
        self.account_saved.emit(account_id)
