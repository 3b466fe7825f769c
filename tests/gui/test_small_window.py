"""A 1024×640 window, in English and in French, keeps the campaign editor usable (issue 13).

The campaign screen is opened in the main window at 1024×640 with an email step selected:
every canvas toolbar action is on screen (none behind the toolbar's "»" button, even with
French's longer words); the email body shows at least 8 lines and the preview's rendered
body at least 5, below it: both in sight at once when there is a contact to preview, and
each brought wholly into sight by scrolling the inspector when the sample contact's note
takes room; auto layout keeps the nodes' text legible (the canvas scrolls instead of
zooming further out).
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QToolButton, QWidget

from fluenzr_desktop.domain.workflow import DOCUMENT_VERSION, default_settings
from fluenzr_desktop.gui.canvas.view import LEGIBLE_SCALE
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.ops.contacts import save_contact
from fluenzr_desktop.store.campaigns import create_campaign

FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)
BODY = "Hi {{firstName}},\n\nI noticed {{company}} is growing.\nA short call next week?\n\nBest"


def _document() -> dict:
    """Start → Email → Delay → Email → End, taller than a small canvas shows at 100 %."""
    nodes = [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [0, 140], "subject": "Hello", "body": BODY},
        {"id": "d", "type": "delay", "position": [0, 280], "amount": 3, "unit": "days"},
        {"id": "e2", "type": "email", "position": [0, 420], "subject": "", "body": "Ping"},
        {"id": "x", "type": "end", "position": [0, 560]},
    ]
    order = [node["id"] for node in nodes]
    edges = [{"from": a, "to": b} for a, b in pairwise(order)]
    return {"version": DOCUMENT_VERSION, "settings": default_settings(), "nodes": nodes,
            "edges": edges}  # fmt: skip


@pytest.fixture(params=["English", "French"])
def language(request, qapp):
    """The window's language: English (installed for every GUI test) or French on top of it."""
    if request.param == "English":
        yield request.param
        return
    translator = install_translator(qapp, FRANCE)
    assert translator is not None
    previous = QLocale()
    QLocale.setDefault(FRANCE)
    yield request.param
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def small_campaign_screen(workspace, main_window, language, until):
    """Opens the main window at 1024×640 on a campaign with its first email selected."""

    def make(with_contact: bool = True):
        if with_contact:
            save_contact(workspace, None, {"email": "ada@example.com", "first_name": "Ada"}, [])
        return _open(workspace, main_window, until)

    return make


def _open(workspace, main_window, until):
    with workspace.session() as session:
        campaign_id = create_campaign(session, "Spring outreach", _document()).id
    window = main_window()
    window.resize(1024, 640)
    window.show_view(f"campaign:{campaign_id}")
    view = window.campaign_view
    editor = view.sequence_tab.workbench.editor
    until(lambda: editor.scene.node_item("e1") is not None)
    editor.scene.clearSelection()
    editor.scene.node_item("e1").setSelected(True)
    inspector = view.sequence_tab.workbench.inspector
    # The preview's contacts are read in a worker: measure once the page is complete.
    until(lambda: inspector.body_edit.isVisible() and inspector.contact_combo.isEnabled())
    until(lambda: window.size().width() == 1024 and window.size().height() == 640)
    return window, view


def _inside(widget: QWidget, container: QWidget) -> bool:
    """Whether the whole of `widget` lies within `container`'s rectangle."""
    top_left = widget.mapTo(container, QPoint(0, 0))
    return container.rect().contains(QRect(top_left, widget.size()))


def test_every_toolbar_action_is_on_screen(small_campaign_screen):
    _window, view = small_campaign_screen()
    toolbar = view.sequence_tab.workbench.editor.toolbar
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None and not extension.isVisible()  # no "»"
    shown = [action for action in toolbar.actions() if not action.isSeparator()]
    for action in shown:
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert _inside(button, toolbar), action.text()
    # Undo, redo, zoom and fit show a symbol: the tooltip says what each does, translated.
    for action in shown:
        if action.toolTip():
            assert toolbar.widgetForAction(action).toolTip() == action.toolTip()
    editor = view.sequence_tab.workbench.editor
    assert editor.view.zoom_in_action in shown and editor.view.zoom_out_action in shown
    assert editor.fit_action in shown and editor.layout_action in shown


def _body_and_preview(view):
    inspector = view.sequence_tab.workbench.inspector
    body, preview = inspector.body_edit, inspector.preview_body
    assert body.viewport().height() >= 8 * body.fontMetrics().lineSpacing()
    assert preview.viewport().height() >= 5 * preview.fontMetrics().lineSpacing()
    page = inspector.email_page.widget()
    body_bottom = body.mapTo(page, QPoint(0, body.height())).y()
    assert preview.mapTo(page, QPoint(0, 0)).y() >= body_bottom  # the preview is below
    scroll = inspector.email_page
    assert isinstance(scroll, QScrollArea)
    return body, preview, scroll


def test_the_body_shows_eight_lines_beside_five_of_the_preview(small_campaign_screen):
    _window, view = small_campaign_screen()
    body, preview, scroll = _body_and_preview(view)
    # With a contact to preview, the writer sees both at once, without scrolling.
    assert _inside(body, scroll.viewport())
    assert _inside(preview, scroll.viewport())


def test_without_contacts_the_sample_note_scrolls_the_preview_into_sight(small_campaign_screen):
    _window, view = small_campaign_screen(with_contact=False)
    assert view.sequence_tab.workbench.inspector.preview.sample_note.isVisible()
    body, preview, scroll = _body_and_preview(view)
    # The note takes room: the inspector scrolls, and each part comes wholly into sight.
    scroll.ensureWidgetVisible(preview, 0, 0)
    assert _inside(preview, scroll.viewport())
    scroll.ensureWidgetVisible(body, 0, 0)
    assert _inside(body, scroll.viewport())


def test_auto_layout_scrolls_rather_than_shrinking_the_text(small_campaign_screen):
    _window, view = small_campaign_screen()
    editor = view.sequence_tab.workbench.editor
    editor.layout_action.trigger()
    # The five steps are taller than the small canvas: they stay legible and it scrolls.
    assert editor.view.zoom() >= LEGIBLE_SCALE
    assert editor.view.verticalScrollBar().maximum() > 0
