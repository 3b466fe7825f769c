"""The canvas wires what it shows: palette inserts and drops splice into links, a used output's
link is replaced, the node menu connects and inserts, summaries read as sent, a locked canvas
still shows the selected step."""

from __future__ import annotations

import copy
import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QApplication, QMenu

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.campaign.sequence_tab import SequenceTab
from fluenzr_desktop.gui.canvas import canvas_shortcuts
from fluenzr_desktop.gui.canvas.items import NODE_HEIGHT, NODE_WIDTH, wrapped_lines
from fluenzr_desktop.gui.canvas.palette import node_type_mime
from fluenzr_desktop.gui.canvas.view import LEGIBLE_SCALE


@pytest.fixture
def bench(workbench):
    return workbench(contacts=[("Ada", {"firstName": "Ada"})])


def shown_preview_contacts(qtbot, inspector) -> None:
    """Wait for the preview's contacts, read in a worker the first time an email is shown."""
    qtbot.waitUntil(lambda: not inspector.preview.is_loading())


def ids_of(editor) -> tuple[str, str]:
    start, end = (node.id for node in editor.document.nodes())
    return start, end


def links(editor) -> set[tuple[str, str, str | None]]:
    return {(e.source, e.target, e.port) for e in editor.document.links()}


def boxes(editor) -> dict[str, QRectF]:
    return {
        node.id: QRectF(*node.position, NODE_WIDTH, NODE_HEIGHT) for node in editor.document.nodes()
    }


def assert_no_overlap(editor) -> None:
    for (a, box_a), (b, box_b) in itertools.combinations(boxes(editor).items(), 2):
        assert not box_a.intersects(box_b), (a, b)


def select(editor, node_id: str) -> None:
    editor.scene.clearSelection()
    editor.scene.node_item(node_id).setSelected(True)


def click_node(qtbot, editor, node_id: str, button=Qt.MouseButton.LeftButton) -> None:
    centre = editor.scene.node_item(node_id).sceneBoundingRect().center()
    qtbot.mouseClick(editor.view.viewport(), button, pos=editor.view.mapFromScene(centre))


def drag(qtbot, editor, start: QPointF, end: QPointF, steps: int = 4) -> None:
    viewport = editor.view.viewport()
    a, b = editor.view.mapFromScene(start), editor.view.mapFromScene(end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for step in range(1, steps + 1):
        qtbot.mouseMove(
            viewport,
            pos=QPoint(a.x() + (b.x() - a.x()) * step // steps,
                       a.y() + (b.y() - a.y()) * step // steps),
        )  # fmt: skip
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def drop(editor, node_type: str, scene_point: QPointF) -> None:
    """Enter, move over and drop a palette entry on the view, as the palette's QDrag would."""
    point = editor.view.mapFromScene(scene_point)
    mime = node_type_mime(node_type)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    viewport = editor.view.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(point, *args))
    QApplication.sendEvent(viewport, QDragMoveEvent(point, *args))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), *args))


def entry(menu: QMenu, name: str):
    """The entry (searching submenus too) whose data() is name."""
    for action in menu.actions():
        if action.data() == name:
            return action
        if action.menu() is not None:
            found = entry(action.menu(), name)
            if found is not None:
                return found
    return None


def test_palette_click_after_start_wires_the_email_between_start_and_end(qtbot, bench):
    editor = bench.editor
    editor.load_document(new_document())  # Start at (0, 0) → End at (0, 240)
    start, end = ids_of(editor)
    before = copy.deepcopy(editor.to_document())
    select(editor, start)

    qtbot.mouseClick(editor.palette_strip.buttons["email"], Qt.MouseButton.LeftButton)

    email = next(n.id for n in editor.document.nodes() if n.type == "email")
    assert links(editor) == {(start, email, None), (email, end, None)}
    assert editor.document.problems_by_node().get(email, []) != []  # empty body, but wired:
    assert not any(p.code.startswith("unreachable") for p in editor.document.problems())
    assert editor.scene.selected_node_ids() == [email]
    assert_no_overlap(editor)
    top = {node_id: box.top() for node_id, box in boxes(editor).items()}
    assert top[start] < top[email] < top[end]  # End made room below
    assert len(editor.scene.link_items()) == 2
    assert editor.undo_stack.count() == 1  # one step
    editor.undo_stack.undo()
    assert editor.to_document() == before

    # Nothing selected: the step goes at the end of the main path, just before End.
    editor.undo_stack.redo()
    editor.scene.clearSelection()
    editor.add_actions["delay"].trigger()
    delay = next(n.id for n in editor.document.nodes() if n.type == "delay")
    assert links(editor) == {(start, email, None), (email, delay, None), (delay, end, None)}
    assert_no_overlap(editor)


def test_keyboard_inserts_after_the_selection_and_conditions_carry_on_by_yes(qtbot, bench):
    editor = bench.editor
    editor.load_document(new_document())
    start, end = ids_of(editor)
    select(editor, start)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_C)
    condition = editor.scene.selected_node_ids()[0]
    assert editor.document.node(condition).type == "condition"
    assert links(editor) == {(start, condition, None), (condition, end, "yes")}
    # With the condition selected, the next step takes its free No output.
    qtbot.keyClick(editor.view, Qt.Key.Key_E)
    email = editor.scene.selected_node_ids()[0]
    assert (condition, email, "no") in links(editor)
    assert_no_overlap(editor)
    texts = dict(canvas_shortcuts())
    assert texts["Insert an Email step after the selection"] == "E"
    assert "Ctrl+Z" in texts["Undo"]
    assert "(E)" in editor.add_actions["email"].toolTip()
    assert "(L)" in editor.layout_action.toolTip()


def test_dropping_on_a_link_splices_and_elsewhere_never_covers_a_node(qtbot, bench):
    editor = bench.editor
    editor.load_document(new_document())
    start, end = ids_of(editor)
    middle = editor.scene.link_items()[0].path().pointAtPercent(0.5)
    drop(editor, "delay", middle + QPointF(6, 0))  # near the line is close enough
    delay = next(n.id for n in editor.document.nodes() if n.type == "delay")
    assert links(editor) == {(start, delay, None), (delay, end, None)}
    assert editor.undo_stack.count() == 1
    assert_no_overlap(editor)

    # On End's box: placed unlinked, next to it, not on top.
    end_centre = editor.scene.node_item(end).sceneBoundingRect().center()
    drop(editor, "email", end_centre)
    email = next(n.id for n in editor.document.nodes() if n.type == "email")
    assert not any(email in (s, t) for s, t, _ in links(editor))
    assert_no_overlap(editor)


def test_dragging_from_a_used_output_replaces_its_link_in_one_step(qtbot, bench):
    editor = bench.editor
    document = new_document()
    start, end = (node["id"] for node in document["nodes"])
    document["nodes"].append({"id": "e", "type": "email", "position": [300, 120],
                              "subject": "Hi", "body": "x"})  # fmt: skip
    editor.load_document(document)
    editor.view.fit_to_view()
    refusals: list[str] = []
    editor.scene.link_refused.connect(refusals.append)
    port = editor.scene.node_item(start).output_ports[None].scenePos()

    drag(qtbot, editor, port, editor.scene.node_item("e").input_port.scenePos())
    assert links(editor) == {(start, "e", None)}
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert links(editor) == {(start, end, None)}
    editor.undo_stack.redo()

    # A refused replacement keeps the old link and says why.
    drag(qtbot, editor, port, editor.scene.node_item(start).sceneBoundingRect().center())
    assert refusals == ["A node cannot link to itself."]
    assert links(editor) == {(start, "e", None)}


def test_node_menu_connects_and_inserts_a_step_after(qtbot, bench):
    editor = bench.editor
    editor.load_document(new_document())
    start, end = ids_of(editor)
    centre = editor.scene.node_item(start).sceneBoundingRect().center()
    menu = editor.context_menu(centre)
    entry(menu, "insert:delay").trigger()
    delay = editor.scene.selected_node_ids()[0]
    assert links(editor) == {(start, delay, None), (delay, end, None)}
    assert editor.undo_stack.count() == 1

    # Connect to…: the targets a link may go to (not Start, not itself); a condition asks Yes/No.
    menu = editor.context_menu(editor.scene.node_item(delay).sceneBoundingRect().center())
    targets = [a.data() for a in entry(menu, "connect").menu().actions()]
    assert targets == [f"connect::{end}"]
    editor.insert_step("condition", after=delay)
    condition = editor.scene.selected_node_ids()[0]
    menu = editor.context_menu(editor.scene.node_item(condition).sceneBoundingRect().center())
    assert entry(menu, "connect:yes") is not None and entry(menu, "connect:no") is not None
    entry(menu, f"connect:no:{end}").trigger()
    assert links(editor) >= {(condition, end, "yes"), (condition, end, "no")}
    assert_no_overlap(editor)


def test_summaries_show_the_subject_as_sent_on_two_lines(qtbot, bench):
    editor = bench.editor
    document = new_document()
    start, end = (node["id"] for node in document["nodes"])
    long = "A rather long subject line about our offer for your growing team in Lyon"
    document["nodes"][2:2] = [
        {"id": "e1", "type": "email", "position": [0, 120], "subject": long, "body": "x"},
        {"id": "e2", "type": "email", "position": [0, 260], "subject": "", "body": "y"},
    ]
    document["nodes"][1]["position"] = [0, 400]
    document["edges"] = [{"from": start, "to": "e1"}, {"from": "e1", "to": "e2"},
                         {"from": "e2", "to": end}]  # fmt: skip
    editor.load_document(document)
    assert editor.scene.node_item("e2").summary == f"Re: {long}"
    lines = wrapped_lines(editor.scene.node_item("e1").summary, QFont(), NODE_WIDTH - 32)
    assert len(lines) == 2 and lines[0].startswith("A rather long") and lines[1].endswith("…")
    # Undoing an edit of the first subject updates the follow-up's summary too.
    bench.inspector.editor.scene.node_item("e1").setSelected(True)
    bench.inspector.subject_edit.setText("")
    qtbot.keyClicks(bench.inspector.subject_edit, "Quick question")
    assert editor.scene.node_item("e2").summary == "Re: Quick question"
    editor.undo_stack.undo()
    assert editor.scene.node_item("e2").summary == f"Re: {long}"


def test_fit_stays_legible_and_scroll_bars_show_only_when_needed(qtbot, bench):
    editor = bench.editor
    editor.load_document(new_document())
    editor.view.fit_to_view()
    policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert editor.view.verticalScrollBarPolicy() == policy
    for _ in range(14):
        editor.insert_step("delay")
    editor.auto_layout()
    assert editor.view.zoom() >= LEGIBLE_SCALE
    assert editor.view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_a_running_campaign_still_shows_the_clicked_step_read_only(qtbot):
    tab = SequenceTab(None, 1, lambda: [("Ada", {"firstName": "Ada"})])
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    document = new_document()
    start, end = (node["id"] for node in document["nodes"])
    document["nodes"].append({"id": "e", "type": "email", "position": [0, 120],
                              "subject": "Hello {{firstName}}", "body": "Hi"})  # fmt: skip
    document["edges"] = [{"from": start, "to": "e"}, {"from": "e", "to": end}]
    tab.editor.load_document(document)
    tab.set_status("active")
    tab.show()
    qtbot.waitExposed(tab)
    editor, inspector = tab.editor, tab.workbench.inspector
    editor.view.fit_to_view()
    assert inspector.hint_page.text() == "Select a step to see it"  # not "to edit it"

    click_node(qtbot, editor, "e")
    assert editor.scene.selected_node_ids() == ["e"]
    assert inspector.pages.currentWidget() is inspector.email_page
    assert inspector.subject_edit.text() == "Hello {{firstName}}"
    shown_preview_contacts(qtbot, inspector)
    assert inspector.preview_subject.text() == "Hello Ada"
    assert inspector.subject_edit.isReadOnly() and not inspector.insert_button.isEnabled()
    before = copy.deepcopy(editor.to_document())
    qtbot.keyClicks(inspector.subject_edit, "x")
    qtbot.keyClick(editor.view, Qt.Key.Key_E)  # the insert key is locked too
    drag(qtbot, editor, editor.scene.node_item("e").sceneBoundingRect().center(),
         QPointF(400, 400))  # fmt: skip
    assert editor.to_document() == before
    menu = editor.context_menu(editor.scene.node_item("e").sceneBoundingRect().center())
    assert [a.data() for a in menu.actions()] == ["copy"]


def test_insert_field_names_the_standard_fields(qtbot, bench):
    bench.editor.load_document(new_document())
    bench.editor.insert_step("email")
    inspector = bench.inspector
    inspector.field_menu.popup(inspector.insert_button.mapToGlobal(QPoint(0, 0)))
    texts = {a.data(): a.text() for a in inspector.field_menu.actions() if a.data()}
    assert texts["firstName"] == "First name\t{{firstName}}"
    assert texts["signature"] == "Signature\t{{signature}}"
    inspector.field_menu.hide()
