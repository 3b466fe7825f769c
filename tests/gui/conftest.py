"""Qt tests run offscreen (set before any Qt import); the fixtures the GUI tests share."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

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
def until(qtbot) -> Callable[[Callable[[], object]], None]:
    """Waits (up to 10 s) until a condition holds: background jobs answer on the event loop."""

    def wait(condition: Callable[[], object]) -> None:
        qtbot.waitUntil(condition, timeout=10_000)

    return wait


@pytest.fixture
def broadcasts():
    """Every Changes broadcast on the change hub while the test runs."""
    from fluenzr_desktop.gui.changes import change_hub

    heard: list = []
    change_hub().changed.connect(heard.append)
    yield heard
    change_hub().changed.disconnect(heard.append)


@pytest.fixture
def relay_account(workspace) -> int:
    """The id of a sending account on a local relay (127.0.0.1:2525, no login, no password)."""
    from fluenzr_desktop.store.accounts import add_account

    with workspace.session() as session:
        return add_account(
            session, name="Relay", email="founder@startup.io", smtp_host="127.0.0.1",
            smtp_port=2525, smtp_security="none",
        ).id  # fmt: skip


@pytest.fixture
def main_window(qtbot, workspace):
    """Opens the main window on the test's workspace, shown, active and with its campaigns listed."""
    from fluenzr_desktop.gui.main_window import MainWindow

    def make(engine=None, engine_elsewhere: str | None = None) -> MainWindow:
        window = MainWindow(workspace, engine, engine_elsewhere=engine_elsewhere)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.campaigns_list.loaded, timeout=10_000):
            window.resize(1200, 800)
            window.show()
            window.activateWindow()  # its menu shortcuts answer keys
        qtbot.waitExposed(window)
        return window

    return make


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


@pytest.fixture
def canvas_editor(qtbot):
    """Opens a sequence canvas (1100×950, shown) centred on a chosen scene point."""
    from fluenzr_desktop.gui.canvas import SequenceEditor

    def make(centre: tuple[float, float] = (0, 0)) -> SequenceEditor:
        editor = SequenceEditor()
        qtbot.addWidget(editor)
        editor.resize(1100, 950)
        editor.show()
        qtbot.waitExposed(editor)
        editor.view.centerOn(*centre)
        return editor

    return make


@pytest.fixture
def workbench(qtbot):
    """Opens a sequence workbench (canvas + inspector, shown) on a document and sample contacts."""
    from fluenzr_desktop.gui.canvas.workbench import SequenceWorkbench

    def make(document: dict | None = None, contacts: list | tuple = ()) -> SequenceWorkbench:
        bench = SequenceWorkbench(contacts_source=lambda: list(contacts))
        qtbot.addWidget(bench)
        bench.resize(1200, 800)
        if document is not None:
            bench.load_document(document)
        bench.show()
        qtbot.waitExposed(bench)
        return bench

    return make


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """As the app does (gui/collector.py): no cyclic garbage collection on a worker thread
    during a test, and what the test left in cycles is freed here, on the GUI thread."""
    import gc

    from fluenzr_desktop.gui.collector import collect_due

    thresholds = gc.get_threshold()
    gc.disable()
    yield
    collect_due(thresholds)  # only what is due: a full collection per test costs seconds
    gc.enable()
