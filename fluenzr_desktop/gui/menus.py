"""The main window's menu bar (File, View, Help) and its Keyboard shortcuts dialog.

Help › Getting started opens `getting_started.GettingStartedDialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__

if TYPE_CHECKING:
    from .main_window import MainWindow


def shown_keys(keys: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """A shortcut as this platform writes it (Ctrl+Q, ⌘Q…)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def plain_title(text: str) -> str:
    """A menu entry's text without its mnemonic ampersand and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class WindowMenus(QObject):
    """Builds the window's menus; its actions are attributes (tests trigger them too)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        self.import_action = self._action(
            file_menu, self.tr("&Import contacts…"), window.import_contacts
        )
        self.export_action = self._action(
            file_menu, self.tr("&Export contacts…"), window.export_contacts
        )
        file_menu.addSeparator()
        self.quit_action = self._action(
            file_menu, self.tr("&Quit"), window.close, QKeySequence("Ctrl+Q")
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        view_menu = bar.addMenu(self.tr("&View"))
        self.view_actions: dict[str, QAction] = {}
        for number, (name, title) in enumerate(
            (
                ("dashboard", self.tr("&Dashboard")),
                ("campaigns", self.tr("&Campaigns")),
                ("contacts", self.tr("C&ontacts")),
                ("accounts", self.tr("&Accounts")),
                ("settings", self.tr("&Settings")),
            ),
            start=1,
        ):
            self.view_actions[name] = self._action(
                view_menu,
                title,
                lambda _checked=False, name=name: window.show_view(name),
                QKeySequence(f"Ctrl+{number}"),
            )

        help_menu = bar.addMenu(self.tr("&Help"))
        self.getting_started_action = self._action(
            help_menu, self.tr("&Getting started…"), self.show_getting_started
        )
        self.shortcuts_action = self._action(
            help_menu, self.tr("&Keyboard shortcuts…"), self.show_shortcuts
        )
        self.about_action = self._action(
            help_menu, self.tr("&About FluenzR Desktop"), self.show_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(
        self,
        menu,
        text: str,
        slot: Callable[..., object],
        keys: QKeySequence | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if keys is not None:
            action.setShortcut(keys)
        return action

    def window_shortcuts(self) -> list[tuple[str, str]]:
        """(what, keys) for every menu entry that has a shortcut."""
        rows = []
        for menu_action in self.window.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                if not action.shortcut().isEmpty():
                    rows.append((plain_title(action.text()), shown_keys(action.shortcut())))
        return rows

    def canvas_shortcuts(self) -> list[tuple[str, str]]:
        """(what, keys) of the sequence canvas, from the canvas's one table of shortcuts."""
        from .canvas.shortcuts import canvas_shortcuts

        return canvas_shortcuts()

    def shortcuts_dialog(self) -> QDialog:
        """A dialog listing the window's and the canvas's keyboard shortcuts."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(dialog)
        sections = [(self.tr("Window"), self.window_shortcuts())]
        canvas = self.canvas_shortcuts()
        if canvas:
            sections.append((self.tr("Sequence canvas"), canvas))
        layout.addWidget(_shortcut_table(sections, [self.tr("Action"), self.tr("Keys")]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        available = self.window.screen().availableGeometry()
        dialog.resize(min(620, available.width()), min(560, available.height() - 40))
        return dialog

    def show_shortcuts(self) -> QDialog:
        """Open the Keyboard shortcuts dialog (not modal to the work)."""
        dialog = self.shortcuts_dialog()
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_getting_started(self) -> QDialog:
        """Open the Getting started page; its links open the shortcuts and the Welcome screen."""
        from .getting_started import GettingStartedDialog

        dialog = GettingStartedDialog(self.window.workspace, self.window)
        dialog.shortcuts_requested.connect(self.show_shortcuts)
        dialog.welcome_requested.connect(self.window.show_welcome)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        """The name, version and what the app does, in one box."""
        QMessageBox.about(
            self.window,
            self.tr("About FluenzR Desktop"),
            self.tr(
                "<b>FluenzR Desktop %1</b><p>Cold-email sequences sent from your own "
                "computer, through your own email account. Everything stays in your "
                "workspace folder.</p>"
            ).replace("%1", __version__),
        )


def _shortcut_table(
    sections: list[tuple[str, list[tuple[str, str]]]], headers: list[str]
) -> QWidget:
    """One read-only table: a bold heading row per section, then (what, keys) rows."""
    table = QTableWidget(0, 2)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setShowGrid(False)
    table.setWordWrap(True)
    for title, rows in sections:
        row = table.rowCount()
        table.insertRow(row)
        heading = QTableWidgetItem(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        table.setItem(row, 0, heading)
        table.setSpan(row, 0, 1, 2)
        for what, keys in rows:
            row = table.rowCount()
            table.insertRow(row)
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
    table.resizeRowsToContents()
    return table
