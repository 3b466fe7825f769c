"""Qt tests run offscreen (set before any Qt import)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale

from fluenzr_desktop.gui.translations import install_translator

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture(autouse=True)
def english(qapp):
    """The English catalogue (plural forms: "1 contact", "5 contacts") and number format,
    as the app installs them on an English system."""
    previous = QLocale()
    QLocale.setDefault(ENGLISH)
    translator = install_translator(qapp, ENGLISH)
    yield
    if translator is not None:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def campaign_view(qtbot, workspace):
    """Opens a campaign's screen, shown and with its contacts loaded, as a user finds it."""
    from fluenzr_desktop.gui.campaign import CampaignView

    def make(campaign_id: int) -> CampaignView:
        view = CampaignView(workspace, campaign_id)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.contacts_tab.loaded, timeout=10_000):
            view.resize(1000, 700)
            view.show()
        qtbot.waitExposed(view)
        return view

    return make
