"""Help › Getting started: a short page in the window's language, leading to the shortcuts
and, while first steps remain, back to the Welcome screen with the done steps ticked."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from fluenzr_desktop.gui.getting_started import GettingStartedDialog
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.ops.contacts import save_contact

HEADINGS = [
    "1. Connect your mailbox", "2. Import contacts", "3. Draw the sequence", "4. Activate",
    "5. Replies stop the sequence", "Statistics", "Plans",
]  # fmt: skip


def opened_page(qtbot, window) -> GettingStartedDialog:
    """Help › Getting started, once it knows whether first steps remain."""
    window.menus.getting_started_action.trigger()
    dialog = window.findChild(GettingStartedDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.state_known, timeout=10_000)
    return dialog


def shown_rows(dialog) -> dict[str, str]:
    table = dialog.findChild(QTableWidget)
    return {
        table.item(row, 0).text(): table.item(row, 1).text() if table.item(row, 1) else ""
        for row in range(table.rowCount())
    }


def test_the_page_explains_the_app_in_sections_and_links_to_the_shortcuts(qtbot, main_window):
    window = main_window()
    page = opened_page(qtbot, window)
    text = page.browser.toPlainText()
    assert all(heading in text for heading in HEADINGS)
    assert "50 emails a day" in text  # the Free plan's limit, from the plans' rules

    page.browser.setFocus()
    qtbot.keyClick(page.browser, Qt.Key.Key_Tab)  # a keyboard user reaches the link
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    shortcuts = next(
        w for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.windowTitle() == "Keyboard shortcuts"
    )  # fmt: skip
    rows = shown_rows(shortcuts)
    assert rows["Delete the selection"].startswith("Del")
    assert rows["Copy"].startswith("Ctrl+C") and rows["Paste"].startswith("Ctrl+V")
    assert rows["Duplicate"] == "Ctrl+D"
    assert rows["Undo"].startswith("Ctrl+Z") and "Ctrl+Y" in rows["Redo"]
    assert "Ctrl+0" in rows["Show the whole sequence"]
    shortcuts.reject()
    page.reject()


def test_while_steps_remain_the_page_leads_back_to_the_welcome_screen(
    qtbot, relay_account, main_window, workspace
):
    save_contact(workspace, None, {"email": "ada@example.com"}, [])
    window = main_window()
    assert window.welcome is None  # an account exists: the window opened on its screens
    page = opened_page(qtbot, window)
    assert page.welcome_button.isVisible()
    qtbot.mouseClick(page.welcome_button, Qt.MouseButton.LeftButton)
    welcome = window.welcome
    assert welcome is not None and window.pages.currentWidget() is welcome
    qtbot.waitUntil(lambda: welcome.state is not None, timeout=10_000)
    # The steps already taken stay ticked; the screen opens on the one still to take.
    assert [button.text() for button in welcome.step_buttons] == [
        "✓ Connect your mailbox", "✓ Import contacts", "3. Create your first campaign",
    ]  # fmt: skip
    assert welcome.progress_label.text() == "Step 3 of 3"
    qtbot.waitUntil(lambda: window.findChild(GettingStartedDialog) is None)  # closed


def test_once_every_step_is_taken_the_page_offers_no_first_steps(
    qtbot, relay_account, main_window, workspace
):
    save_contact(workspace, None, {"email": "ada@example.com"}, [])
    create_campaign(workspace, "Launch")
    page = opened_page(qtbot, main_window())
    assert not page.welcome_button.isVisible()
    page.reject()


def test_the_page_reads_in_french_in_a_french_window(qtbot, qapp, workspace):
    translator = install_translator(qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        page = GettingStartedDialog(workspace)
        qtbot.addWidget(page)
        assert page.windowTitle() == "Bien démarrer"
        text = page.browser.toPlainText()
        assert "Ce que fait FluenzR Desktop" in text
        assert "Les réponses arrêtent la séquence" in text
        assert "Raccourcis clavier" in text
    finally:
        qapp.removeTranslator(translator)
