"""Leftovers of the campaign editor: sample preview contact, problems in the inspector, the
first email's subject hint, the enroll dialog's tags, and the editor at a small window size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from fluenzr_desktop.gui.campaign.enroll_dialog import EnrollDialog
from fluenzr_desktop.gui.canvas.workbench import SequenceWorkbench
from fluenzr_desktop.ops.campaigns import create_campaign
from fluenzr_desktop.ops.contacts import save_contact

DOCUMENT = {
    "version": 1,
    "nodes": [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [0, 140],
         "subject": "A question for {{firstName}}?", "body": "Hello {{firstName}} at {{company}}"},
        {"id": "d", "type": "delay", "position": [0, 280], "amount": 2, "unit": "days"},
        {"id": "e2", "type": "email", "position": [0, 420], "subject": "", "body": "Ping"},
        {"id": "end", "type": "end", "position": [0, 560]},
    ],
    "edges": [
        {"from": "s", "to": "e1"}, {"from": "e1", "to": "d"},
        {"from": "d", "to": "e2"}, {"from": "e2", "to": "end"},
    ],
}  # fmt: skip

SAMPLE = "Sample contact — Ada Lovelace, Analytical Engines"


@pytest.fixture
def empty_bench(workbench):
    """A workbench over a workspace without any contact."""
    return workbench(DOCUMENT)


def click_node(qtbot, bench: SequenceWorkbench, node_id: str) -> None:
    view = bench.editor.view
    item = bench.editor.scene.node_item(node_id)
    point = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_preview_uses_a_labelled_sample_contact_when_there_is_none(qtbot, empty_bench):
    inspector = empty_bench.inspector
    before = empty_bench.to_document()
    click_node(qtbot, empty_bench, "e1")
    assert inspector.node_id == "e1"
    qtbot.waitUntil(lambda: not inspector.preview.is_loading())
    assert inspector.contact_combo.currentText() == SAMPLE
    assert inspector.preview.sample_note.isVisible()
    assert inspector.preview_subject.text() == "A question for Ada?"
    assert inspector.preview_body.toPlainText() == "Hello Ada at Analytical Engines"
    assert inspector.warning_label.isHidden()
    # The sample lives only in the preview: the sequence is unchanged.
    assert empty_bench.to_document() == before


def test_a_real_contact_replaces_the_sample(qtbot):
    contacts = [("bob@example.com", {"firstName": "Bob", "company": "Acme"})]
    bench = SequenceWorkbench(contacts_source=lambda: contacts)
    qtbot.addWidget(bench)
    bench.load_document(DOCUMENT)
    bench.show()
    click_node(qtbot, bench, "e1")
    qtbot.waitUntil(lambda: not bench.inspector.preview.is_loading())
    combo = bench.inspector.contact_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["bob@example.com"]
    assert not bench.inspector.preview.sample_note.isVisible()
    assert bench.inspector.preview_subject.text() == "A question for Bob?"


def test_a_nodes_problems_show_on_hover_and_in_the_inspector(qtbot, empty_bench):
    inspector = empty_bench.inspector
    click_node(qtbot, empty_bench, "e1")
    assert inspector.problems_label.isHidden()
    # Emptying the body gives the step a problem: the badge appears and says why on hover.
    qtbot.keyClick(inspector.body_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(inspector.body_edit, Qt.Key.Key_Delete)
    badge = empty_bench.editor.scene.node_item("e1").badge
    assert badge.isVisible()
    view = empty_bench.editor.view
    point = view.mapFromScene(badge.sceneBoundingRect().center())
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: "the body is empty" in QToolTip.text())
    # The inspector lists the same problem above the fields.
    assert inspector.problems_label.isVisible()
    assert inspector.problems_label.text() == "Problems with this step:\n• the body is empty"
    # Fixed: the list goes away.
    qtbot.keyClicks(inspector.body_edit, "Hi")
    assert inspector.problems_label.isHidden()
    QToolTip.hideText()


def test_the_first_emails_subject_hint_says_it_is_required(qtbot, empty_bench):
    inspector = empty_bench.inspector
    click_node(qtbot, empty_bench, "e1")
    assert inspector.subject_edit.placeholderText() == "Subject of the first email (required)"
    click_node(qtbot, empty_bench, "e2")
    assert inspector.subject_edit.placeholderText() == (
        "Empty on a follow-up: “Re: <previous subject>”"
    )


def open_enroll_dialog(qtbot, view) -> EnrollDialog:
    view.tabs.setCurrentWidget(view.contacts_tab)
    qtbot.mouseClick(view.contacts_tab.enroll_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(EnrollDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_enroll_dialog_shows_the_tags_once_loaded(qtbot, workspace, campaign_view):
    save_contact(workspace, None, {"email": "anne@example.com"}, ["lead", "vip"])
    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    dialog = open_enroll_dialog(qtbot, campaign_view(campaign.id))
    qtbot.waitUntil(lambda: dialog.tag_combo.isEnabled(), timeout=10_000)
    assert dialog.tag_combo.currentText() == "lead"
    assert dialog.tag_combo.count() == 2
    qtbot.mouseClick(dialog.tag_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() == ("tag", "lead")
    dialog.reject()


def test_enroll_dialog_says_when_there_are_no_tags(qtbot, workspace, campaign_view):
    save_contact(workspace, None, {"email": "anne@example.com"}, [])
    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    dialog = open_enroll_dialog(qtbot, campaign_view(campaign.id))
    qtbot.waitUntil(lambda: dialog.tag_combo.placeholderText() == "No tags yet", timeout=10_000)
    assert dialog.tag_combo.currentText() == ""
    assert not dialog.tag_button.isEnabled()
    dialog.reject()


def test_small_window_keeps_the_toolbar_and_eight_body_lines(qtbot, workspace):
    from PySide6.QtWidgets import QToolBar, QToolButton

    from fluenzr_desktop.gui.main_window import MainWindow

    campaign = create_campaign(workspace, "Launch", DOCUMENT)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_campaign_view(campaign.id)
    bench = view.sequence_tab.workbench
    qtbot.waitUntil(lambda: bench.editor.scene.node_item("e1") is not None)
    click_node(qtbot, bench, "e1")
    inspector = bench.inspector
    qtbot.waitUntil(lambda: inspector.body_edit.isVisible())
    # No canvas action hides behind the toolbar's "»" button.
    for toolbar in bench.editor.findChildren(QToolBar):
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible()
    # The body shows at least 8 lines; the preview sits below it (the inspector scrolls).
    body = inspector.body_edit
    assert body.viewport().height() >= 8 * body.fontMetrics().lineSpacing()
    preview_top = inspector.preview.mapTo(inspector, inspector.preview.rect().topLeft()).y()
    body_bottom = body.mapTo(inspector, body.rect().bottomLeft()).y()
    assert preview_top > body_bottom
