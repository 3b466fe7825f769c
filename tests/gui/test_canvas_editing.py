"""Canvas editing: palette drops, the right-click menu, copy/paste, waiting counts, layout."""

from __future__ import annotations

import copy
import itertools

import pytest
from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu

from fluenzr_desktop.domain.workflow import Edge, new_document
from fluenzr_desktop.gui.canvas import EditNode, SequenceEditor
from fluenzr_desktop.gui.canvas.commands import AddLink
from fluenzr_desktop.gui.canvas.items import NODE_HEIGHT, NODE_WIDTH, path_crosses
from fluenzr_desktop.gui.canvas.palette import node_type_mime
from fluenzr_desktop.gui.canvas.scene import snap


@pytest.fixture
def editor(canvas_editor):
    return canvas_editor(centre=(0, 0))


def action(menu: QMenu, name: str):
    """The menu entry whose data() is name."""
    found = [a for a in menu.actions() if a.data() == name]
    assert found, [a.data() for a in menu.actions()]
    return found[0]


def centre_of(editor: SequenceEditor, node_id: str) -> QPointF:
    return editor.scene.node_item(node_id).sceneBoundingRect().center()


def drop(editor: SequenceEditor, mime, scene_point: QPointF) -> QDropEvent:
    """Enter, move over and drop on the view's viewport, as the palette's QDrag would."""
    point = editor.view.mapFromScene(scene_point)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    viewport = editor.view.viewport()
    enter = QDragEnterEvent(point, *args)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(point, *args)
    QApplication.sendEvent(viewport, move)
    event = QDropEvent(QPointF(point), *args)
    if enter.isAccepted() and move.isAccepted():
        QApplication.sendEvent(viewport, event)
    else:
        event.ignore()
    return event


@pytest.mark.parametrize("node_type", ["start", "email", "delay", "condition", "end"])
def test_dropping_a_palette_entry_adds_that_node_where_dropped(editor, node_type):
    assert set(editor.palette_strip.buttons) == {"start", "email", "delay", "condition", "end"}
    where = QPointF(333, 217)
    mime = node_type_mime(node_type)
    event = drop(editor, mime, where)
    assert event.isAccepted()
    assert editor.undo_stack.count() == 1
    (node,) = editor.document.nodes()
    assert node.type == node_type
    # Centred under the pointer, on the grid (the view maps to whole pixels: allow a pixel).
    dropped = editor.view.mapToScene(editor.view.mapFromScene(where))
    expected = [snap(dropped.x() - NODE_WIDTH / 2), snap(dropped.y() - NODE_HEIGHT / 2)]
    assert node.props["position"] == expected
    assert editor.scene.node_item(node.id).pos() == QPointF(*expected)
    editor.undo_stack.undo()
    assert editor.document.nodes() == []


def test_palette_buttons_add_on_click_and_foreign_drops_are_ignored(qtbot, editor):
    qtbot.mouseClick(editor.palette_strip.buttons["delay"], Qt.MouseButton.LeftButton)
    assert [node.type for node in editor.document.nodes()] == ["delay"]
    text = QMimeData()
    text.setText("email")
    drop(editor, text, QPointF(0, 0))
    assert len(editor.document.nodes()) == 1


def test_context_menu_on_empty_canvas_adds_each_type_here(editor):
    where = QPointF(400, 400)
    menu = editor.context_menu(where)
    names = [a.data() for a in menu.actions() if a.data()]
    assert names[:5] == [f"add:{t}" for t in ("start", "email", "delay", "condition", "end")]
    assert not action(menu, "paste").isEnabled()  # nothing copied yet
    action(menu, "add:email").trigger()
    (node,) = editor.document.nodes()
    assert node.type == "email"
    assert node.props["position"] == [snap(400 - NODE_WIDTH / 2), snap(400 - NODE_HEIGHT / 2)]
    assert editor.undo_stack.count() == 1


def test_context_menu_on_a_node_duplicates_copies_and_deletes(editor):
    email = editor.add_node("email", (0, 0))
    editor.undo_stack.push(EditNode(editor.document, email, {"subject": "Hi"}))
    count = editor.undo_stack.count()
    menu = editor.context_menu(centre_of(editor, email))
    names = [a.data() for a in menu.actions() if a.data()]
    assert names == ["connect", "insert", "duplicate", "copy", "delete"]
    assert editor.scene.selected_node_ids() == [email]  # right-click selects the node

    action(menu, "duplicate").trigger()
    assert editor.undo_stack.count() == count + 1
    copy_id = next(n.id for n in editor.document.nodes() if n.id != email)
    duplicate = editor.document.node(copy_id)
    assert duplicate.props["subject"] == "Hi"
    assert duplicate.props["position"] == [40, 40]
    assert editor.scene.selected_node_ids() == [copy_id]  # the copy is selected, ready to move

    menu = editor.context_menu(centre_of(editor, email))
    assert editor.scene.selected_node_ids() == [email]
    action(menu, "delete").trigger()
    assert [n.id for n in editor.document.nodes()] == [copy_id]
    assert editor.undo_stack.count() == count + 2


def test_context_menu_on_a_link_deletes_it(editor):
    editor.load_document(new_document())
    (edge,) = editor.document.links()
    link = editor.scene.link_items()[0]
    middle = link.path().pointAtPercent(0.5)
    menu = editor.context_menu(middle)
    assert [a.data() for a in menu.actions()] == ["insert", "delete_link"]
    action(menu, "delete_link").trigger()
    assert editor.document.links() == []
    assert editor.scene.link_items() == []
    editor.undo_stack.undo()
    assert editor.document.links() == [edge]


def test_copy_paste_two_linked_nodes_is_one_step_with_new_ids(qtbot, editor):
    first = editor.add_node("email", (0, 0))
    second = editor.add_node("delay", (0, 140))
    lone = editor.add_node("end", (400, 0))
    editor.undo_stack.push(AddLink(editor.document, Edge(first, second)))
    editor.undo_stack.push(AddLink(editor.document, Edge(second, lone)))
    for node_id in (first, second):
        editor.scene.node_item(node_id).setSelected(True)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    before, count = editor.to_document(), editor.undo_stack.count()

    new_ids = editor.paste(QPointF(600, 300))
    assert editor.undo_stack.count() == count + 1
    assert len(new_ids) == 2 and not set(new_ids) & {first, second, lone}
    pasted = [editor.document.node(i) for i in new_ids]
    assert [n.type for n in pasted] == ["email", "delay"]
    assert [n.props["position"] for n in pasted] == [[600, 300], [600, 440]]
    new_links = [e for e in editor.document.links() if e.source in new_ids or e.target in new_ids]
    assert [(e.source, e.target) for e in new_links] == [(new_ids[0], new_ids[1])]
    assert len(editor.scene.link_items()) == 3
    assert set(editor.scene.selected_node_ids()) == set(new_ids)

    editor.undo_stack.undo()
    assert editor.to_document() == before

    # Ctrl+V with the pointer away from the canvas pastes beside the originals, offset.
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.undo_stack.count() == count + 1
    positions = sorted(n.props["position"] for n in editor.document.nodes())
    assert len(positions) == 5 and len({tuple(p) for p in positions}) == 5

    # Ctrl+D duplicates the selection (the pasted nodes) as one more step.
    qtbot.keyClick(editor.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert editor.undo_stack.count() == count + 2
    assert len(editor.document.nodes()) == 7
    assert len(editor.document.links()) == 4


def test_a_pasted_condition_watches_the_pasted_email_and_start_stays_single(editor):
    editor.load_document(new_document())
    email = editor.add_node("email", (0, 120))
    condition = editor.add_node("condition", (0, 260))
    change = {"condition": {"kind": "replied", "node": email}}
    editor.undo_stack.push(EditNode(editor.document, condition, change))
    for item in editor.scene.node_items():
        item.setSelected(True)
    assert editor.copy_selection()
    new_ids = editor.paste(QPointF(800, 0))
    types = [editor.document.node(i).type for i in new_ids]
    assert sorted(types) == ["condition", "email", "end"]  # no second Start
    new_email = new_ids[types.index("email")]
    new_condition = editor.document.node(new_ids[types.index("condition")])
    assert new_condition.props["condition"]["node"] == new_email


def test_waiting_counts_show_badges_but_do_not_touch_the_document(editor):
    editor.load_document(new_document())
    start, end = (node.id for node in editor.document.nodes())
    before = copy.deepcopy(editor.to_document())
    editor.set_waiting_counts({start: 12, end: 0})
    start_badge = editor.scene.node_item(start).waiting_badge
    assert start_badge.isVisible() and start_badge.text == "12"
    assert "12" in start_badge.toolTip()
    assert not editor.scene.node_item(end).waiting_badge.isVisible()
    assert editor.to_document() == before
    assert editor.undo_stack.count() == 0

    editor.set_waiting_counts({end: 3})
    assert not start_badge.isVisible()
    assert editor.scene.node_item(end).waiting_badge.text == "3"
    # A node drawn again (undo of a delete) keeps its badge.
    editor.scene.node_item(end).setSelected(True)
    editor.scene.delete_selection()
    editor.undo_stack.undo()
    assert editor.scene.node_item(end).waiting_badge.isVisible()
    assert editor.to_document() == before


def _branching_document() -> dict:
    nodes = [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [500, 90], "subject": "Hi", "body": "x"},
        {"id": "d", "type": "delay", "position": [-300, 60], "amount": 2, "unit": "days"},
        {
            "id": "c",
            "type": "condition",
            "position": [200, 600],
            "condition": {"kind": "replied", "node": "e1"},
        },
        {"id": "e2", "type": "email", "position": [0, 300], "subject": "Again", "body": "y"},
        {"id": "end", "type": "end", "position": [40, 40]},
    ]
    edges = [
        {"from": "s", "to": "e1"},
        {"from": "e1", "to": "d"},
        {"from": "d", "to": "c"},
        {"from": "c", "to": "end", "port": "yes"},
        {"from": "c", "to": "e2", "port": "no"},
        {"from": "e2", "to": "end"},
    ]
    return {**new_document(), "nodes": nodes, "edges": edges}


def _box(editor: SequenceEditor, node_id: str) -> QRectF:
    x, y = editor.document.node(node_id).position
    return QRectF(x, y, NODE_WIDTH, NODE_HEIGHT)


def test_auto_layout_puts_a_shared_end_below_the_branches_and_links_miss_the_boxes(editor):
    editor.load_document(_branching_document())
    editor.auto_layout()
    box = {node.id: _box(editor, node.id) for node in editor.document.nodes()}
    chain = ["s", "e1", "d", "c"]
    assert all(box[a].bottom() < box[b].top() for a, b in itertools.pairwise(chain))
    assert box["e2"].top() > box["c"].bottom()
    assert box["end"].top() > box["e2"].bottom()  # the shared End waits below the No branch
    assert box["e2"].left() > box["c"].left()  # No goes right …
    assert box["end"].right() > box["c"].left()  # … and End stays under the condition
    for link in editor.scene.link_items():
        for node_id, rect in box.items():
            if node_id not in (link.source, link.target):
                assert not path_crosses(link.path(), rect), (link.key, node_id)


def test_links_route_around_a_box_dropped_in_their_way(editor):
    editor.load_document(new_document())  # Start at (0, 0) linked to End at (0, 240)
    link = editor.scene.link_items()[0]
    blocker = editor.add_node("email", (0, 120))
    assert not path_crosses(link.path(), _box(editor, blocker))
    editor.undo_stack.undo()  # gone again: the link goes straight down once more
    assert link.path().controlPointRect().width() < 10


def test_the_app_exits_cleanly_after_a_copy_to_the_clipboard():
    """A crash at exit would be a user's lost session: copy, quit, exit status 0."""
    import os
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from fluenzr_desktop.gui.canvas import SequenceEditor\n"
        "app = QApplication([])\n"
        "editor = SequenceEditor()\n"
        "node = editor.add_node('email')\n"
        "editor.scene.node_item(node).setSelected(True)\n"
        "assert editor.copy_selection()\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr.decode()[-500:]


def test_arrow_keys_nudge_the_selection_one_grid_step_shift_five_each_one_undo_step(qtbot, editor):
    moved = editor.add_node("email", (0, 0))
    still = editor.add_node("end", (400, 0))
    editor.scene.node_item(moved).setSelected(True)
    editor.view.setFocus()
    steps = editor.undo_stack.index()

    qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)

    assert editor.document.node(moved).props["position"] == [20, 100]
    assert editor.document.node(still).props["position"] == [400, 0]
    assert editor.undo_stack.index() == steps + 2
    editor.undo_stack.undo()
    assert editor.document.node(moved).props["position"] == [20, 0]

    editor.scene.clearSelection()  # nothing selected: the arrows leave the nodes alone
    qtbot.keyClick(editor.view, Qt.Key.Key_Left)
    assert editor.document.node(moved).props["position"] == [20, 0]
    assert editor.undo_stack.index() == steps + 1
