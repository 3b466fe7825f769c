"""The main window's menu bar and keys: screens by Ctrl+1…5, Quit, the shortcuts list, closing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget


def menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def entries(window, title):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]


def test_the_menu_bar_has_file_view_and_help_with_their_shortcuts(main_window):
    window = main_window()
    assert menu_titles(window) == ["&File", "&View", "&Help"]
    assert entries(window, "&File") == [
        ("&Import contacts…", ""),
        ("&Export contacts…", ""),
        ("&Quit", "Ctrl+Q"),
    ]
    assert entries(window, "&View") == [
        ("&Dashboard", "Ctrl+1"),
        ("&Campaigns", "Ctrl+2"),
        ("C&ontacts", "Ctrl+3"),
        ("&Accounts", "Ctrl+4"),
        ("&Settings", "Ctrl+5"),
    ]
    assert [text for text, _keys in entries(window, "&Help")] == [
        "&Getting started…",
        "&Keyboard shortcuts…",
        "&About FluenzR Desktop",
    ]


def test_ctrl_number_shows_each_screen(qtbot, main_window):
    window = main_window()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == 2
    assert window.sidebar.currentItem().text() == "Contacts"
    assert window.contacts_view is not None
    qtbot.waitUntil(window.contacts_view.isVisible, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.settings_view.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.campaigns_list.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.dashboard.isVisible()
    assert window.sidebar.currentItem().text() == "Dashboard"


def test_ctrl_q_closes_the_window(qtbot, main_window):
    window = main_window()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_help_lists_the_keyboard_shortcuts(qtbot, main_window):
    window = main_window()
    window.menus.shortcuts_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"
    )
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    rows = {
        table.item(r, 0).text(): table.item(r, 1).text() if table.item(r, 1) else None
        for r in range(table.rowCount())
    }
    assert rows["Window"] is None and rows["Sequence canvas"] is None  # section headings
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Dashboard"] == "Ctrl+1"
    assert rows["Contacts"] == "Ctrl+3"
    assert rows["Settings"] == "Ctrl+5"
    assert rows["Undo"].startswith("Ctrl+Z")  # the sequence canvas's own keys are listed too
    dialog.reject()


def test_import_contacts_from_the_file_menu_opens_the_wizard(qtbot, main_window):
    window = main_window()
    window.menus.import_action.trigger()
    assert window.import_wizard is not None
    qtbot.waitExposed(window.import_wizard)
    window.import_wizard.reject()


def test_export_with_no_contacts_says_so_in_a_passing_status_message(main_window):
    window = main_window()
    window.menus.export_action.trigger()
    assert window.pages.currentIndex() == 2
    assert window.statusBar().currentMessage() == "No contacts to export."
    assert window.workspace_label.text().startswith("Workspace: ")
