"""First run: a new workspace opens on the Welcome screen, whose three steps lead to a campaign.

Real widgets offscreen, a real SMTP server on loopback for the connection test, the
workspace's real SQLite file; the window's language from a French system, in a process
of its own (Qt reads the system locale once per process).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from fluenzr_desktop.gui.contact_dialog import ContactDialog
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.gui.welcome import gallery_available
from fluenzr_desktop.ops.contacts import count_contacts
from tests.fixtures.smtp_server import (  # noqa: F401
    smtp_certificate,
    smtp_server,
    smtp_server_factory,
)

FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)


def step_texts(welcome) -> list[str]:
    """The progress indicator as the user reads it: a tick or a number per step."""
    return [button.text() for button in welcome.step_buttons]


def opened_welcome(main_window, until):
    """The main window on a new workspace, with its Welcome screen read and shown."""
    window = main_window()
    welcome = window.welcome
    assert welcome is not None and window.pages.currentWidget() is welcome
    until(lambda: welcome.state is not None)
    return window, welcome


def test_a_new_workspace_opens_on_the_welcome_screen_at_step_one(main_window, until):
    window, welcome = opened_welcome(main_window, until)
    assert welcome.isVisible() and not window.campaigns_list.isVisible()
    assert window.sidebar.currentItem().text() == "Campaigns"
    assert welcome.progress_label.text() == "Step 1 of 3"
    assert step_texts(welcome) == [
        "1. Connect your mailbox", "2. Import contacts", "3. Create your first campaign",
    ]  # fmt: skip
    assert welcome.account_form.isVisible()  # the account form, with its presets
    assert welcome.account_form.preset_combo.count() > 1


def test_step_one_ticks_once_the_saved_account_passed_the_connection_test(
    qtbot,
    main_window,
    until,
    smtp_server,  # noqa: F811
):
    _window, welcome = opened_welcome(main_window, until)
    form = welcome.account_form
    form.name_edit.setText("Founder")
    form.email_edit.setText("founder@startup.io")
    form.set_preset("other")
    form.smtp_host_edit.setText(smtp_server.host)
    form.smtp_port_spin.setValue(smtp_server.port)
    form.smtp_security_combo.setCurrentIndex(form.smtp_security_combo.findData("none"))
    assert form.imap_host_edit.text() == ""  # no IMAP server: replies are not watched

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    until(lambda: bool(welcome.state.accounts))
    assert welcome.done_steps()[0] is False  # saved, but no test has passed yet
    assert step_texts(welcome)[0] == "1. Connect your mailbox"

    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    until(lambda: welcome.done_steps()[0])
    assert form.smtp_result_label.text().startswith("SMTP ✓")
    assert step_texts(welcome)[0] == "✓ Connect your mailbox"
    assert welcome.mailbox_done.isVisible()
    assert "founder@startup.io" in welcome.mailbox_done.text()
    assert welcome.next_button.isDefault()  # on to step 2


def test_a_failed_connection_test_leaves_step_one_to_do(qtbot, main_window, until):
    _window, welcome = opened_welcome(main_window, until)
    form = welcome.account_form
    form.name_edit.setText("Founder")
    form.email_edit.setText("founder@startup.io")
    form.set_preset("other")
    form.smtp_host_edit.setText("127.0.0.1")
    form.smtp_port_spin.setValue(9)  # nothing listens there
    form.smtp_security_combo.setCurrentIndex(form.smtp_security_combo.findData("none"))
    qtbot.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    until(lambda: form.smtp_result_label.text().startswith("SMTP ✗"))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    until(lambda: bool(welcome.state.accounts))
    assert welcome.done_steps()[0] is False
    assert not welcome.mailbox_done.isVisible()


def test_step_two_adds_a_contact_by_hand_and_ticks(qtbot, main_window, until, workspace):
    _window, welcome = opened_welcome(main_window, until)
    qtbot.mouseClick(welcome.next_button, Qt.MouseButton.LeftButton)
    assert welcome.progress_label.text() == "Step 2 of 3"
    qtbot.mouseClick(welcome.add_contact_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ContactDialog)
    dialog.fields["email"].setText("ada@example.com")
    dialog.accept()
    until(lambda: welcome.done_steps()[1])
    assert step_texts(welcome)[1] == "✓ Import contacts"
    assert welcome.contacts_done.isVisible()
    assert count_contacts(workspace) == 1


def test_step_three_creates_a_campaign_from_a_template_and_lands_on_it(qtbot, main_window, until):
    window, welcome = opened_welcome(main_window, until)
    welcome.go_to(2)
    assert welcome.progress_label.text() == "Step 3 of 3"
    if not gallery_available():  # a build without the gallery: the blank campaign instead
        create_blank(qtbot, welcome, "First outreach")
    else:
        assert welcome.template_button.isVisible()
        qtbot.mouseClick(welcome.template_button, Qt.MouseButton.LeftButton)
        gallery = QApplication.activeModalWidget()
        assert type(gallery).__name__ == "TemplateGallery"
        gallery.template_list.setCurrentRow(0)  # the first template, as a click picks it
        gallery.name_edit.setText("First outreach")
        qtbot.mouseClick(gallery.create_button, Qt.MouseButton.LeftButton)
    until(lambda: window.campaign_view is not None)
    assert window.pages.currentWidget() is window.campaign_view
    assert window.campaign_view.header.name_label.text() == "First outreach"


def test_step_three_offers_a_blank_campaign_too(qtbot, main_window, until):
    window, welcome = opened_welcome(main_window, until)
    welcome.go_to(2)
    create_blank(qtbot, welcome, "Blank start")
    until(lambda: window.campaign_view is not None)
    assert window.campaign_view.header.name_label.text() == "Blank start"


def create_blank(qtbot, welcome, name: str) -> None:
    """Blank campaign…: the campaigns list's New… flow, which asks for a name."""
    qtbot.mouseClick(welcome.blank_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue(name)
    dialog.accept()


def test_skip_for_now_leads_to_the_campaigns_screen(qtbot, main_window, until):
    window, welcome = opened_welcome(main_window, until)
    qtbot.mouseClick(welcome.skip_button, Qt.MouseButton.LeftButton)
    assert window.campaigns_list.isVisible() and not welcome.isVisible()
    assert window.campaigns_list.empty_state.isVisible()  # its first steps, as before


def test_an_account_made_before_opens_the_window_on_the_campaigns_list(relay_account, main_window):
    window = main_window()
    assert window.welcome is None
    assert window.campaigns_list.isVisible()


def test_a_french_window_shows_the_welcome_screen_in_french(qtbot, qapp, main_window, until):
    translator = install_translator(qapp, FRANCE)
    try:
        _window, welcome = opened_welcome(main_window, until)
        assert welcome.skip_button.text() == "Passer pour l’instant"
        assert welcome.progress_label.text() == "Étape 1 sur 3"
        assert step_texts(welcome)[0] == "1. Connecter votre boîte mail"
        assert welcome.account_form.test_button.text() == "Tester la connexion"
    finally:
        qapp.removeTranslator(translator)


# Runs the app's own start-up (app.main) with a screenshot hook that reports what shows.
STARTUP_PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from fluenzr_desktop.gui import app, screenshot

    def report(qapp, window, _path):
        def look():
            if window.welcome is None:
                QTimer.singleShot(20, look)
                return
            print(window.sidebar.item(1).text())
            print(window.welcome.account_form.title_label.text())
            qapp.quit()
        look()
        qapp.exec()
        return 0

    screenshot.save_when_settled = report
    sys.exit(app.main(["--workspace", sys.argv[1], "--screenshot", "unused.png"]))
    """
)


def first_run_texts(workspace_dir, language: str) -> list[str]:
    """The Campaigns section's name and the account form's title in a new process."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": ""}
    environment.update(LANG=language, LC_ALL=language, LC_MESSAGES=language)
    completed = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, str(workspace_dir)],
        capture_output=True, text=True, timeout=120, env=environment,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.splitlines()


def test_a_french_system_opens_the_first_run_in_french_with_no_setting_made(workspace_dir):
    assert first_run_texts(workspace_dir, "fr_FR.UTF-8") == ["Campagnes", "Nouveau compte"]
