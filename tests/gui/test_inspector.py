"""The inspector: edit an email and watch its preview change; edit a delay and a condition."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from fluenzr_desktop.gui.canvas.workbench import SequenceWorkbench

CONTACTS = [
    ("Ada Lovelace", {"firstName": "Ada", "email": "ada@example.com", "company": "Analytical"}),
    ("Bob Smith", {"firstName": "Bob", "email": "bob@example.com", "deal_size": "10k"}),
]

DOCUMENT = {
    "version": 1,
    "nodes": [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [0, 140], "subject": "Old subject", "body": "x"},
        {"id": "d", "type": "delay", "position": [0, 280], "amount": 2, "unit": "days"},
        {
            "id": "c",
            "type": "condition",
            "position": [0, 420],
            "condition": {"kind": "field", "field": "company", "op": "is_empty"},
        },
        {"id": "e2", "type": "email", "position": [0, 560], "subject": "", "body": "Ping"},
        {"id": "end", "type": "end", "position": [240, 560]},
    ],
    "edges": [
        {"from": "s", "to": "e1"},
        {"from": "e1", "to": "d"},
        {"from": "d", "to": "c"},
        {"from": "c", "to": "e2", "port": "yes"},
        {"from": "c", "to": "end", "port": "no"},
    ],
}


@pytest.fixture
def bench(qtbot, workbench):
    widget = workbench(DOCUMENT, CONTACTS)
    loaded_contacts(qtbot, widget)  # the preview reads its contacts in a worker
    return widget


def loaded_contacts(qtbot, bench: SequenceWorkbench) -> None:
    """Read the preview contacts (in a worker, as the first email shown does) and wait for them."""
    loader = bench.inspector.preview.loader
    loader.ensure_loaded()
    qtbot.waitUntil(lambda: loader.contacts is not None)


def select(bench: SequenceWorkbench, node_id: str) -> None:
    bench.editor.scene.clearSelection()
    bench.editor.scene.node_item(node_id).setSelected(True)


def node(bench: SequenceWorkbench, node_id: str) -> dict:
    return next(n for n in bench.to_document()["nodes"] if n["id"] == node_id)


def replace_text(qtbot, widget, text: str) -> None:
    """Select everything in a text field and type over it, as a user would."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_edit_an_email_and_see_the_preview_change(qtbot, bench):
    inspector = bench.inspector
    assert inspector.pages.currentWidget() is inspector.hint_page
    select(bench, "e1")
    assert inspector.pages.currentWidget() is inspector.email_page
    assert inspector.subject_edit.text() == "Old subject"

    replace_text(qtbot, inspector.subject_edit, "Hi {{firstName}}")
    replace_text(qtbot, inspector.body_edit, "Hello {{firstName}} at {{company}}")
    assert inspector.preview_subject.text() == "Hi Ada"
    assert inspector.preview_body.toPlainText() == "Hello Ada at Analytical"
    assert inspector.warning_label.isHidden()
    # The canvas shows the new subject on the node.
    assert bench.editor.scene.node_item("e1").summary == "Hi {{firstName}}"

    inspector.contact_combo.setCurrentIndex(1)
    assert inspector.preview_subject.text() == "Hi Bob"
    assert inspector.preview_body.toPlainText() == "Hello Bob at "
    assert not inspector.warning_label.isHidden()
    assert inspector.warning_label.text() == "Missing for this contact: company"

    # Insert a custom field at the end of the body from the menu.
    inspector.body_edit.setFocus()
    inspector.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    inspector.field_menu.popup(inspector.insert_button.mapToGlobal(QPoint(0, 0)))
    names = [action.data() for action in inspector.field_menu.actions() if action.data()]
    assert names[:7] == ["firstName", "lastName", "email", "company", "title", "phone", "signature"]
    assert "deal_size" in names
    inspector.field_menu.hide()
    next(a for a in inspector.field_menu.actions() if a.data() == "deal_size").trigger()
    assert inspector.body_edit.toPlainText() == "Hello {{firstName}} at {{company}}{{deal_size}}"
    assert inspector.preview_body.toPlainText() == "Hello Bob at 10k"

    saved = node(bench, "e1")
    assert saved["subject"] == "Hi {{firstName}}"
    assert saved["body"] == "Hello {{firstName}} at {{company}}{{deal_size}}"

    # Typing in one field is one undo step: two undos bring the old subject and body back.
    stack = bench.editor.undo_stack
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert node(bench, "e1")["subject"] == "Old subject"
    assert inspector.subject_edit.text() == "Old subject"
    assert inspector.body_edit.toPlainText() == "x"
    assert inspector.preview_subject.text() == "Old subject"
    assert stack.count() == 2 and stack.index() == 0  # refilling the fields pushed nothing
    stack.redo()
    assert inspector.subject_edit.text() == "Hi {{firstName}}"


def _email(node_id: str, subject: str, y: int) -> dict:
    return {"id": node_id, "type": "email", "position": [0, y], "subject": subject, "body": "x"}


def test_a_three_email_chain_previews_re_second(qtbot, bench):
    bench.load_document({
        "version": 1,
        "nodes": [{"id": "s", "type": "start", "position": [0, 0]}, _email("a", "First", 140),
                  _email("b", "Second", 280), _email("c", "", 420),
                  {"id": "end", "type": "end", "position": [0, 560]}],
        "edges": [{"from": "s", "to": "a"}, {"from": "a", "to": "b"}, {"from": "b", "to": "c"},
                  {"from": "c", "to": "end"}],
    })  # fmt: skip
    select(bench, "c")
    assert bench.inspector.preview_subject.text() == "Re: Second"


def test_where_paths_merge_the_inspector_shows_each_subject(qtbot, bench):
    document = {key: list(value) for key, value in DOCUMENT.items() if key != "version"}
    document["version"] = 1
    # The condition's "no" branch now also reaches e2, past an email of its own.
    document["nodes"].append(_email("e3", "Case study for {{company}}", 560))
    document["edges"] = [e for e in document["edges"] if e.get("port") != "no"]
    document["edges"] += [{"from": "c", "to": "e3", "port": "no"}, {"from": "e3", "to": "e2"},
                          {"from": "e2", "to": "end"}]  # fmt: skip
    bench.load_document(document)
    select(bench, "e2")
    lines = bench.inspector.preview_subject.text().splitlines()
    assert lines[0] == "Depends on the path the contact took:"
    assert sorted(lines[1:]) == ["• Re: Case study for Analytical", "• Re: Old subject"]


def test_an_empty_follow_up_previews_as_a_reply(qtbot, bench):
    select(bench, "e2")
    inspector = bench.inspector
    assert inspector.subject_edit.text() == ""
    assert inspector.preview_subject.text() == "Re: Old subject"
    qtbot.keyClicks(inspector.subject_edit, "Own subject ")
    assert inspector.preview_subject.text() == "Own subject"
    # The field goes where the cursor was: the subject had the focus last.
    bench.activateWindow()
    qtbot.waitActive(bench)
    inspector.body_edit.setFocus()
    inspector.subject_edit.setFocus()
    inspector.insert_field("firstName")
    assert node(bench, "e2")["subject"] == "Own subject {{firstName}}"
    assert inspector.preview_subject.text() == "Own subject Ada"
    assert node(bench, "e2")["body"] == "Ping"


def test_a_broken_template_shows_a_one_line_error(qtbot, bench):
    select(bench, "e1")
    inspector = bench.inspector
    replace_text(qtbot, inspector.body_edit, "Hello {{ firstName }")
    lines = inspector.warning_label.text().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("body, line 1: ")
    assert "}" in lines[0]
    # The preview still shows the text, unrendered.
    assert inspector.preview_body.toPlainText() == "Hello {{ firstName }"


def test_edit_the_delay(qtbot, bench):
    select(bench, "d")
    inspector = bench.inspector
    assert inspector.pages.currentWidget() is inspector.delay_page
    assert inspector.amount_spin.value() == 2
    inspector.amount_spin.setValue(3)
    inspector.unit_combo.setCurrentIndex(inspector.unit_combo.findData("hours"))
    saved = node(bench, "d")
    assert saved["amount"] == 3 and isinstance(saved["amount"], int)
    assert saved["unit"] == "hours"
    assert bench.editor.scene.node_item("d").summary == "3 hours"
    bench.editor.undo_stack.undo()
    assert inspector.unit_combo.currentData() == "days"
    replace_text(qtbot, inspector.amount_spin, "1.5")
    assert node(bench, "d")["amount"] == 1.5
    assert inspector.amount_spin.text() == "1.5"


def test_edit_the_condition(qtbot, bench):
    select(bench, "c")
    inspector = bench.inspector
    assert inspector.pages.currentWidget() is inspector.condition_page
    assert inspector.field_combo.currentText() == "company"
    assert inspector.op_combo.currentData() == "is_empty"
    assert inspector.value_edit.isHidden()
    assert inspector.email_combo.isHidden()

    inspector.op_combo.setCurrentIndex(inspector.op_combo.findData("contains"))
    assert not inspector.value_edit.isHidden()
    qtbot.keyClicks(inspector.value_edit, "Acme")
    assert node(bench, "c")["condition"] == {
        "kind": "field",
        "field": "company",
        "op": "contains",
        "value": "Acme",
    }

    inspector.kind_combo.setCurrentIndex(inspector.kind_combo.findData("replied"))
    assert node(bench, "c")["condition"] == {"kind": "replied", "node": "e1"}
    assert not inspector.email_combo.isHidden()
    assert inspector.field_combo.isHidden()
    assert inspector.email_combo.currentData() == "e1"
    assert inspector.email_combo.currentText() == "1. Old subject"
    assert not bench.editor.document.problems_by_node().get("c")

    inspector.email_combo.setCurrentIndex(inspector.email_combo.findData("e2"))
    assert node(bench, "c")["condition"]["node"] == "e2"
    # e2 comes after the condition: the canvas badge says so.
    assert bench.editor.document.problems_by_node().get("c")


def test_nothing_or_several_selected_shows_the_hint(qtbot, bench):
    inspector = bench.inspector
    select(bench, "e1")
    bench.editor.scene.node_item("d").setSelected(True)
    assert inspector.pages.currentWidget() is inspector.hint_page
    select(bench, "s")
    assert inspector.pages.currentWidget() is inspector.plain_page
    select(bench, "e1")
    bench.editor.scene.delete_selection()
    assert inspector.pages.currentWidget() is inspector.hint_page
    assert inspector.node_id is None


def test_undoing_the_first_subject_of_a_follow_up_removes_the_key(qtbot, bench):
    document = {**DOCUMENT, "nodes": [dict(n) for n in DOCUMENT["nodes"]]}
    del document["nodes"][4]["subject"]
    bench.load_document(document)
    select(bench, "e2")
    qtbot.keyClicks(bench.inspector.subject_edit, "New")
    assert node(bench, "e2")["subject"] == "New"
    bench.editor.undo_stack.undo()
    assert "subject" not in node(bench, "e2")
    assert bench.inspector.subject_edit.text() == ""
