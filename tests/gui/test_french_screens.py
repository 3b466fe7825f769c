"""A French window shows no English: every screen is built and every visible text checked.

With the French catalogues installed as the app installs them, each screen is built
(the main window's five sections on a workspace with a campaign, contacts and an account;
a campaign's three tabs; the import wizard's pages; the add-contact dialog) and its widgets
walked: labels, buttons, placeholders, group titles, tabs, combo items, table headers,
window titles, menu and toolbar actions. A text fails when it is an English source string
of the window (a tr() call of the code or an entry of fluenzr_fr.ts) that has no finished
French, or whose French differs from it (so it is shown untranslated), when it is one of
Qt's own English button texts, or when it carries a "(s)" (a count needs `%n` plural
forms). Data (names, addresses, numbers) is in no catalogue and passes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.contact_dialog import ContactDialog
from fluenzr_desktop.gui.import_wizard import ImportWizard
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.ops.accounts import add_account
from fluenzr_desktop.store.campaigns import create_campaign, enroll
from fluenzr_desktop.store.contacts import list_contacts
from fluenzr_desktop.store.csv_io import import_contacts
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.gui.test_translations import FRENCH, _code, unfinished

FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)
# Qt's own English texts, which Qt's French catalogue (qtbase_fr.qm) translates.
QT_ENGLISH = {"Cancel", "&Cancel", "< &Back", "&Next >", "&Finish", "&Yes", "&No", "&Close",
              "Close", "Apply", "&Apply", "Help", "&Help", "Save", "&Save", "Discard"}  # fmt: skip
_PLURAL_LEFTOVER = re.compile(r"\w\(s\)")


def _catalogue() -> dict[str, bool]:
    """English source → whether showing it as is would be wrong (no French, or other French).

    A text that is also a finished French translation (e.g. "Contacts", "Email" → "E-mail"
    elsewhere) is French on screen: it passes.
    """
    entries = [e for e in unfinished.read_catalogue(FRENCH) if e.in_use and not e.numerus]
    french = {entry.forms[0] for entry in entries if entry.finished}
    untranslated: dict[str, bool] = {}
    for entry in entries:
        untranslated.setdefault(entry.source, True)
        if entry.finished and entry.forms[0] == entry.source:
            untranslated[entry.source] = False
    calls, _problems = _code()
    for call in calls:  # a string of the code the catalogue does not know yet
        if not call.numerus:
            untranslated.setdefault(call.source, True)
    return {source: wrong and source not in french for source, wrong in untranslated.items()}


UNTRANSLATED = _catalogue()


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `widget` shows a user."""
    name = type(widget).__name__
    if widget.isWindow() and widget.windowTitle():
        yield f"{name} window title", widget.windowTitle()
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
        yield f"{name} text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield f"{name} text", widget.text()
        if widget.toolTip():
            yield f"{name} tooltip", widget.toolTip()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield f"{name} title", widget.title()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{name} tab", widget.tabText(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{name} item", widget.itemText(index)
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        # A table's column (and row) titles, as its header shows them.
        for section in range(widget.count() if widget.count() < 100 else 0):
            title = widget.model().headerData(section, widget.orientation())
            if isinstance(title, str):
                yield f"{name} header", title
    for action in widget.actions():
        yield f"{name} action", action.text()
        if action.menu() is not None:
            yield from _texts(action.menu())
    if isinstance(widget, QMenu):
        yield f"{name} title", widget.title()


def english_left(*tops: QWidget) -> list[str]:
    """The texts of these windows (and their children) that a French user would read in English."""
    found: set[str] = set()
    for top in tops:
        for widget in [top, *top.findChildren(QWidget)]:
            for where, text in _texts(widget):
                if not text:
                    continue
                plain = text.strip()
                if UNTRANSLATED.get(plain) or plain in QT_ENGLISH:
                    found.add(f"{where}: “{plain}”")
                elif _PLURAL_LEFTOVER.search(plain):
                    found.add(f"{where}: “{plain}” (a count needs %n plural forms)")
    return sorted(found)


@pytest.fixture
def french(qapp):
    translator = install_translator(qapp, FRANCE)
    assert translator is not None
    previous = QLocale()
    QLocale.setDefault(FRANCE)
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def filled(workspace, tmp_path, memory_keyring):  # noqa: F811
    source = tmp_path / "contacts.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        # French headers: the wizard's preview shows them, and "Email" is also an English
        # string of the window (the check cannot tell a file's header from a label).
        writer.writerow(["Adresse e-mail", "Prénom", "Société", "Étiquettes", "Secteur"])
        writer.writerow(["eloise@acme.fr", "Éloïse", "Acme", "client", "BTP"])
        writer.writerow(["bob@acme.fr", "Bob", "Acme", "", ""])
    import_contacts(workspace.engine, source)
    account = add_account(
        workspace,
        {"name": "Prospection", "email": "founder@example.com", "smtp_host": "smtp.example.com"},
    )
    with workspace.session() as session:
        campaign = create_campaign(session, "Lancement", new_document(), account.account["id"])
        enroll(session, campaign, list_contacts(session))
        campaign_id = campaign.id
    return workspace, campaign_id, source


def _report(found: list[str]) -> str:
    return f"English (or “(s)”) left in the French window ({len(found)}):\n  " + "\n  ".join(found)


def test_every_screen_of_the_main_window_speaks_french(qtbot, french, filled, main_window):
    _workspace, campaign_id, _source = filled
    window = main_window()
    found: set[str] = set()
    for name in ("dashboard", "campaigns", "contacts", "accounts", "settings"):
        window.show_view(name)
        qtbot.wait(50)
        if name == "dashboard":
            qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=10_000)
        if name == "contacts":
            view = window.contacts_view
            qtbot.waitUntil(lambda v=view: v.model.loaded_once and v.model.metadata_loaded,
                            timeout=10_000)  # fmt: skip
        if name == "accounts":
            qtbot.waitUntil(lambda: window.accounts_view.account_list.count() == 1)
            window.accounts_view.account_list.setCurrentRow(0)
        found.update(english_left(window))
    window.show_view(f"campaign:{campaign_id}")
    tabs = window.campaign_view.findChild(QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(100)
        found.update(english_left(window))
    assert not found, _report(sorted(found))


def test_the_import_wizard_and_the_contact_dialog_speak_french(qtbot, french, filled):
    workspace, _campaign_id, source = filled
    wizard = ImportWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.set_path(source)
    wizard.show()
    found = set(english_left(wizard))
    for _page in range(3):  # preview, mapping, options
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=10_000)
        found.update(english_left(wizard))
    assert wizard.buttonText(QWizard.WizardButton.NextButton).replace("&", "") == "Suivant >"

    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["email"].setText("eloise@acme")
    dialog.accept()
    assert dialog.problem_label.isVisible()
    found.update(english_left(dialog))
    assert not found, _report(sorted(found))


def test_the_scan_itself_catches_english_and_plural_leftovers(qtbot, french):
    """The check is not blind: an English tr() string, Qt's Cancel, a "(s)" are reported."""
    untranslated = (
        next(source for source, wrong in UNTRANSLATED.items() if wrong)
        if any(UNTRANSLATED.values())
        else None
    )
    holder = QWidget()
    qtbot.addWidget(holder)
    QLabel("Éloïse Durand", holder)  # data: passes
    QLabel("3 contact(s)", holder)
    QLabel("Cancel", holder)
    if untranslated is not None:
        QLabel(untranslated, holder)
    found = english_left(holder)
    assert "QLabel text: “Éloïse Durand”" not in found
    assert "QLabel text: “Cancel”" in found
    assert any("3 contact(s)" in line for line in found)
    if untranslated is not None:
        assert f"QLabel text: “{untranslated}”" in found


def test_the_scan_reads_the_catalogue_the_app_ships():
    assert Path(FRENCH).is_file()
    assert UNTRANSLATED.get("Contacts") is False  # "Contacts" is French too
