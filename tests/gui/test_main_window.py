"""The first main window: opens on a fresh workspace and shows what the workspace holds."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QImage

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.gui.main_window import MainWindow
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.store.campaigns import create_campaign, enroll
from fluenzr_desktop.store.contacts import list_contacts
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.settings import set_setting


def test_opens_on_a_fresh_workspace_with_its_five_sections(qtbot, workspace):
    window = MainWindow(workspace)
    with qtbot.waitSignal(window.campaigns_list.loaded, timeout=5000):
        qtbot.addWidget(window)
        window.show()
    sections = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sections == ["Dashboard", "Campaigns", "Contacts", "Accounts", "Settings"]
    # No account yet: the window opens on the Welcome screen, under Campaigns.
    assert window.sidebar.currentItem().text() == "Campaigns"
    assert window.welcome is not None and window.welcome.isVisible()
    assert window.campaigns_list.table.rowCount() == 0
    with qtbot.waitSignal(window.summary_shown, timeout=5000):  # read in a worker
        window.show_view("contacts")
    assert window.pages.currentIndex() == 2
    assert window.contacts_summary.text() == ""
    window.show_view("settings")
    assert window.pages.currentWidget().isAncestorOf(window.settings_view)
    qtbot.waitUntil(lambda: window.settings_view.cap_edit.text() == "50", timeout=5000)


def test_shows_imported_contacts_and_campaigns(qtbot, workspace, tmp_path):
    source = tmp_path / "contacts.csv"
    source.write_text("email,first name\nann@acme.io,Ann\nbob@acme.io,Bob\n", encoding="utf-8")
    import_contacts(workspace.engine, source)
    with workspace.session() as session:
        campaign = create_campaign(session, "Launch", new_document())
        enroll(session, campaign, list_contacts(session))

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.summary_shown, timeout=5000):  # read in a worker
        window.show_view("contacts")
    assert "2 contact" in window.contacts_summary.text()
    window.show_view("campaigns")
    table = window.campaigns_list.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5000)
    cells = [table.item(0, c).text() for c in range(3)]
    assert cells == ["Launch", "Draft", "2"]
    view = window.open_campaign_view(window.campaigns_list.rows[0]["id"])
    assert window.pages.currentWidget() is view
    window.show_view("campaigns")
    assert window.pages.currentWidget() is not view


def test_the_summaries_follow_a_write_broadcast_on_the_change_hub(qtbot, workspace, tmp_path):
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.summary_shown, timeout=5000).wait()  # the first read, in a worker
    assert window.contacts_summary.text() == ""
    source = tmp_path / "contacts.csv"
    source.write_text("email\nann@acme.io\nbob@acme.io\n", encoding="utf-8")
    import_contacts(workspace.engine, source)
    with workspace.session() as session:
        set_setting(session, "plan_daily_cap", "80")

    with qtbot.waitSignal(window.summary_shown, timeout=5000):
        broadcast(Changes(contacts=True, settings=True))

    assert "2 contact" in window.contacts_summary.text()
    qtbot.waitUntil(lambda: window.settings_view.cap_edit.text() == "80", timeout=5000)


def test_screenshot_flag_writes_a_png_of_the_window(tmp_path):
    target = tmp_path / "shot.png"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "fluenzr_desktop",
            "--workspace",
            str(tmp_path / "ws"),
            "--screenshot",
            str(target),
            "--view",
            "settings",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert completed.returncode == 0, completed.stderr
    image = QImage(str(target))
    # The whole window: as wide as the 800-px offscreen screen allows with a frame around it.
    assert image.width() >= 760 and image.height() >= 500
    assert (tmp_path / "ws" / "fluenzr.db").exists()


def test_the_window_speaks_french_with_the_french_catalogue(qtbot, qapp, workspace):
    from PySide6.QtCore import QLocale

    from fluenzr_desktop.gui.translations import install_translator

    translator = install_translator(qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
    assert translator is not None
    try:
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        qtbot.waitSignal(window.summary_shown, timeout=5000).wait()
        sections = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert sections == ["Tableau de bord", "Campagnes", "Contacts", "Comptes", "Paramètres"]
        assert window.contacts_summary.text() == ""
    finally:
        qapp.removeTranslator(translator)


def test_the_next_send_names_the_time_zone_it_is_shown_in(qtbot, workspace):
    from datetime import datetime

    from PySide6.QtCore import QLocale

    from fluenzr_desktop.domain.schedule import to_local, zone
    from fluenzr_desktop.gui.main_window import machine_zone

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    qtbot.waitSignal(window.status_shown, timeout=5000).wait()  # read in a worker
    assert window.next_label.text() == "Next send: none scheduled"

    window.show_next_send(datetime(2026, 12, 7, 8, 0))  # naive UTC, as stored

    local = to_local(datetime(2026, 12, 7, 8, 0), zone(machine_zone()))
    day = QLocale().dayName(local.isoweekday(), QLocale.FormatType.ShortFormat)
    assert window.next_label.text() == (
        f"Next send: {day} {local.day} {QLocale().monthName(local.month, QLocale.FormatType.ShortFormat)} "
        f"{local:%H:%M} ({machine_zone()})"
    )
    assert "/" in machine_zone() or machine_zone() == "UTC"


def test_the_window_and_its_frame_fit_a_small_screen(qtbot, workspace):
    from PySide6.QtCore import QMargins, QSize

    from fluenzr_desktop.gui.main_window import fitting_size

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    # Room left for the title bar and borders the window manager adds (40 px, 16 px).
    assert window.height() <= area.height() - 40 and window.width() <= area.width() - 16
    assert window.statusBar().isVisible()
    # A 1024×640 laptop: the frame's real size is used once known, a guess before.
    assert fitting_size(QSize(1024, 640)) == QSize(1008, 600)
    assert fitting_size(QSize(1024, 640), QMargins(1, 20, 1, 5)) == QSize(1022, 615)
    assert fitting_size(QSize(1920, 1050), QMargins(1, 20, 1, 5)) == QSize(1100, 700)


def test_an_empty_workspace_shows_only_the_ways_to_begin_until_it_has_contacts(
    qtbot, main_window, until
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QPushButton

    from fluenzr_desktop.gui.contact_dialog import ContactDialog

    window = main_window()
    window.show_view("contacts")
    view = window.contacts_view
    until(lambda: view.empty_state.isVisible())
    assert not view.search_bar.isVisible() and not view.action_bar.isVisible()
    assert not view.table.isVisible() and not window.import_button.isVisible()
    shown = [b.text() for b in window.findChildren(QPushButton) if b.isVisible()]
    assert shown == ["Import a CSV file…", "Add a contact…"]

    qtbot.mouseClick(view.empty_add_button, Qt.MouseButton.LeftButton)
    until(lambda: isinstance(QApplication.activeModalWidget(), ContactDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.fields["email"], "ada@example.com")
    dialog.accept()  # saved through run_op: its broadcast reloads the screen and the window
    until(lambda: view.table.isVisible() and window.import_button.isVisible())
    assert view.search_bar.isVisible() and view.action_bar.isVisible()
    assert not view.empty_state.isVisible()
    assert view.count_label.text() == "1 contact"


def test_the_sidebar_shows_keyboard_focus_but_no_rectangle_after_a_click(qtbot, main_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = main_window()
    sidebar = window.sidebar
    window.campaigns_list.setFocus()
    qtbot.waitUntil(lambda: not sidebar.hasFocus())
    unfocused = sidebar.grab().toImage()

    selected = sidebar.visualItemRect(sidebar.currentItem()).center()
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=selected)
    qtbot.waitUntil(sidebar.hasFocus)
    assert sidebar.grab().toImage() == unfocused  # a click: the highlight alone says it

    window.campaigns_list.setFocus()
    qtbot.waitUntil(lambda: not sidebar.hasFocus())
    for _ in range(40):  # Tab round the window until the sidebar has the keyboard
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if sidebar.hasFocus():
            break
    assert sidebar.hasFocus()
    assert sidebar.grab().toImage() != unfocused


def test_an_open_campaign_is_shown_under_campaigns_in_the_sidebar(qtbot, main_window, workspace):
    from fluenzr_desktop.ops.campaigns import create_campaign

    campaign_id = create_campaign(workspace, "Launch").id
    window = main_window()
    window.show_view("settings")
    view = window.open_campaign_view(campaign_id)

    assert window.pages.currentWidget() is view  # the campaign stays in front
    assert window.sidebar.currentItem().text() == "Campaigns"
