"""The Accounts screen: the list of sending accounts beside the form that edits one.

The list reloads whenever a write anywhere changes the accounts (`change_hub().changed`);
the form (`account_form.AccountForm`) saves through `run_op`.
"""

from __future__ import annotations

import ssl

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
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


class AccountsView(QWidget):
    """Accounts list + form; emits `account_saved(id)` after a save (its connection is stale)."""

    account_saved = Signal(int)

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
        self.account_list = QListWidget()
        self.account_list.setMinimumWidth(220)
        # Two lines an account (name, address): room around them so they read as one item.
        self.account_list.setSpacing(2)
        self.account_list.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.account_list.currentItemChanged.connect(self._selected)
        self.new_button = QPushButton(self.tr("New account"))
        self.new_button.clicked.connect(self.new_account)
        self.form = AccountForm(workspace, secrets=secrets, ssl_context=ssl_context)
        self.form.saved.connect(self._saved)
        left = QVBoxLayout()
        left.addWidget(self.account_list, 1)
        left.addWidget(self.new_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.form, 1)
        change_hub().changed.connect(self._changed)

        self.refresh()
        if self.account_list.count():
            self.account_list.setCurrentRow(0)

    def refresh(self) -> None:
        """Reload the list of accounts (a small read), keeping the selection."""
        shown = self.form.account_id
        self.account_list.blockSignals(True)
        self.account_list.clear()
        for account in list_accounts(self.workspace):
            item = QListWidgetItem(f"{account['name']}\n{account['email']}")
            item.setData(Qt.ItemDataRole.UserRole, account["id"])
            self.account_list.addItem(item)
            if account["id"] == shown:
                self.account_list.setCurrentItem(item)
        self.account_list.blockSignals(False)

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
        if not changes.accounts:
            return
        self.refresh()
        if self.form.account_id is not None and self.account_list.currentItem() is None:
            self.new_account()  # the account shown was deleted meanwhile

    def _saved(self, account_id: int) -> None:
        self.refresh()  # the form now shows the saved account: select it
        self.account_saved.emit(account_id)
