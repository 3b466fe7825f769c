"""The inspector's A/B variant tabs: add, duplicate, remove, weights and settings, each one
undo step; a variant's problem on its tab; the live preview follows the tab chosen."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from fluenzr_desktop.gui.canvas.workbench import SequenceWorkbench

CONTACTS = [
    ("Ada Lovelace", {"firstName": "Ada", "email": "ada@example.com", "company": "Analytical"}),
    ("Bob Smith", {"firstName": "Bob", "email": "bob@example.com", "company": "Globex"}),
]

DOCUMENT = {
    "version": 1,
    "nodes": [
        {"id": "s", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "position": [0, 140], "subject": "Hi {{firstName}}",
         "body": "Hello {{firstName}}"},
        {"id": "d", "type": "delay", "position": [0, 280], "amount": 2, "unit": "days"},
        {"id": "e2", "type": "email", "position": [0, 420], "subject": "", "body": "Ping"},
        {"id": "end", "type": "end", "position": [0, 560]},
    ],
    "edges": [{"from": "s", "to": "e1"}, {"from": "e1", "to": "d"}, {"from": "d", "to": "e2"},
              {"from": "e2", "to": "end"}],
}  # fmt: skip


def _varied(**b_props) -> dict:
    """DOCUMENT with e1 tested: A takes the node's texts, B has its own props."""
    document = copy.deepcopy(DOCUMENT)
    document["nodes"][1]["variants"] = [{"id": "A", "weight": 1}, {"id": "B", **b_props}]
    return document


@pytest.fixture
def open_bench(qtbot, workbench):
    def make(document: dict) -> SequenceWorkbench:
        bench = workbench(document, CONTACTS)
        loader = bench.inspector.preview.loader
        loader.ensure_loaded()
        qtbot.waitUntil(lambda: loader.contacts is not None)
        return bench

    return make


def select(bench: SequenceWorkbench, node_id: str) -> None:
    bench.editor.scene.clearSelection()
    bench.editor.scene.node_item(node_id).setSelected(True)


def node(bench: SequenceWorkbench, node_id: str) -> dict:
    return next(n for n in bench.to_document()["nodes"] if n["id"] == node_id)


def tabs(bench: SequenceWorkbench) -> list[str]:
    bar = bench.inspector.variant_tabs.tab_bar
    return [bar.tabText(i) for i in range(bar.count())] if bar.isVisible() else []


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def replace_text(qtbot, widget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_variants_are_added_edited_duplicated_removed_and_each_step_undoes(qtbot, open_bench):
    bench = open_bench(DOCUMENT)
    inspector, stack = bench.inspector, bench.editor.undo_stack
    variants = inspector.variant_tabs
    select(bench, "e1")
    assert tabs(bench) == [] and not inspector.ab_settings.isVisible()

    # The first add: A keeps the email's texts, B is new and inherits them.
    click(qtbot, variants.add_first_button)
    assert node(bench, "e1")["variants"] == [
        {"id": "A", "subject": "Hi {{firstName}}", "body": "Hello {{firstName}}", "weight": 1},
        {"id": "B", "weight": 1},
    ]
    assert tabs(bench) == ["A", "B"] and variants.tab_bar.currentIndex() == 1
    assert inspector.subject_edit.text() == ""
    assert inspector.subject_edit.placeholderText() == "Hi {{firstName}}"  # inherited, shown
    assert inspector.body_edit.placeholderText() == "Hello {{firstName}}"
    assert inspector.ab_settings.isVisible()
    assert variants.share_label.text() == "50 % of contacts"

    # Typing edits B's own subject, never the node's or A's; the preview shows B.
    replace_text(qtbot, inspector.subject_edit, "{{company}} and cold email")
    saved = node(bench, "e1")
    assert saved["variants"][1]["subject"] == "{{company}} and cold email"
    assert saved["subject"] == "Hi {{firstName}}"
    assert inspector.preview.title() == "Preview of variant B"
    assert inspector.preview_subject.text() == "Analytical and cold email"
    assert inspector.preview_body.toPlainText() == "Hello Ada"  # B inherits the body

    variants.weight_spin.setValue(3)
    assert node(bench, "e1")["variants"][1]["weight"] == 3
    assert variants.share_label.text() == "75 % of contacts"

    click(qtbot, variants.duplicate_button)
    assert tabs(bench) == ["A", "B", "C"] and variants.tab_bar.currentIndex() == 2
    assert node(bench, "e1")["variants"][2] == {
        "id": "C", "subject": "{{company}} and cold email", "weight": 3}  # fmt: skip
    assert inspector.subject_edit.text() == "{{company}} and cold email"

    click(qtbot, variants.add_button)
    assert tabs(bench) == ["A", "B", "C", "D"]
    click(qtbot, variants.add_button)
    assert tabs(bench) == ["A", "B", "C", "D", "E"]
    assert not variants.add_button.isEnabled() and not variants.duplicate_button.isEnabled()

    # Removing: the tab before is chosen; with one left the email is plain, with its texts.
    # Only the chosen tab has a ×; removing it chooses the tab before.
    assert variants.close_button(4) is not None and variants.close_button(3) is None
    click(qtbot, variants.close_button(4))
    assert tabs(bench) == ["A", "B", "C", "D"] and variants.tab_bar.currentIndex() == 3
    variants.tab_bar.setCurrentIndex(0)
    click(qtbot, variants.close_button(0))
    assert tabs(bench) == ["B", "C", "D"] and variants.tab_bar.currentIndex() == 0
    assert inspector.subject_edit.text() == "{{company}} and cold email"  # B's
    variants.tab_bar.setCurrentIndex(2)
    click(qtbot, variants.close_button(2))
    assert tabs(bench) == ["B", "C"] and variants.tab_bar.currentIndex() == 1
    click(qtbot, variants.close_button(1))
    plain = node(bench, "e1")
    assert "variants" not in plain and "ab_test" not in plain
    # C's own subject, and the node's body it took
    assert (plain["subject"], plain["body"]) == (
        "{{company}} and cold email",
        "Hello {{firstName}}",
    )
    assert tabs(bench) == [] and variants.add_first_button.isVisible()

    # Every change above is one undo step (typing one field merges), and all undo.
    assert [stack.text(i) for i in range(stack.count())] == ["Edit variants"] * 10
    while stack.canUndo():
        stack.undo()
    assert node(bench, "e1") == next(n for n in DOCUMENT["nodes"] if n["id"] == "e1")
    assert tabs(bench) == [] and inspector.subject_edit.text() == "Hi {{firstName}}"
    for _ in range(3):
        stack.redo()
    assert tabs(bench) == ["A", "B"]
    assert node(bench, "e1")["variants"][1] == {
        "id": "B", "weight": 3, "subject": "{{company}} and cold email"}  # fmt: skip


def test_typing_in_two_variants_is_two_steps_and_a_cleared_text_inherits(qtbot, open_bench):
    bench = open_bench(_varied(weight=1))
    inspector, stack = bench.inspector, bench.editor.undo_stack
    select(bench, "e1")
    variants = inspector.variant_tabs
    variants.tab_bar.setCurrentIndex(0)
    replace_text(qtbot, inspector.body_edit, "A's body")
    variants.tab_bar.setCurrentIndex(1)
    assert inspector.body_edit.toPlainText() == ""
    replace_text(qtbot, inspector.body_edit, "B's body")
    assert stack.count() == 2
    assert [v.get("body") for v in node(bench, "e1")["variants"]] == ["A's body", "B's body"]

    replace_text(qtbot, inspector.body_edit, "")
    qtbot.keyClick(inspector.body_edit, Qt.Key.Key_Delete)
    assert "body" not in node(bench, "e1")["variants"][1]  # blank: the node's again
    assert inspector.preview_body.toPlainText() == "Hello Ada"
    assert stack.count() == 2  # still typing in B's body: the same step
    stack.undo()
    assert [v.get("body") for v in node(bench, "e1")["variants"]] == ["A's body", None]
    stack.undo()
    assert [v.get("body") for v in node(bench, "e1")["variants"]] == [None, None]
    assert inspector.body_edit.toPlainText() == ""


def test_the_ab_settings_are_written_into_the_node_one_step_each(qtbot, open_bench):
    bench = open_bench(_varied(weight=1))
    select(bench, "e1")
    box = bench.inspector.ab_settings
    assert box.metric_combo.currentData() == "replies"
    assert not box.auto_winner_check.isChecked()
    assert box.allocation_combo.currentData() == "weights"

    box.metric_combo.setCurrentIndex(box.metric_combo.findData("clicks"))
    click(qtbot, box.auto_winner_check)
    box.allocation_combo.setCurrentIndex(box.allocation_combo.findData("thompson"))

    settings = {"metric": "clicks", "auto_winner": True, "allocation": "thompson"}
    assert node(bench, "e1")["ab_test"] == settings
    assert bench.inspector.variant_tabs.share_label.text() == "50 % at first"
    stack = bench.editor.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert box.allocation_combo.currentData() == "weights"
    assert node(bench, "e1")["ab_test"] == {"metric": "clicks", "auto_winner": True}


def test_a_problem_of_variant_b_is_shown_on_its_tab(qtbot, open_bench):
    bench = open_bench(_varied(weight=0, body="Hi {{ firstName }"))
    inspector = bench.inspector
    select(bench, "e1")
    bar = inspector.variant_tabs.tab_bar

    assert bar.tabIcon(0).isNull() and bar.tabToolTip(0) == ""
    assert not bar.tabIcon(1).isNull()
    tip = bar.tabToolTip(1).splitlines()
    assert len(tip) == 2
    assert any("weight of variant B" in line for line in tip)
    assert any(line.startswith("• the body does not compile") for line in tip)
    # The step's list has them too, saying which variant a text problem is about.
    problems = inspector.problems_label.text().splitlines()
    assert problems[0] == "Problems with this step:"
    assert any(line.startswith("• variant B: the body does not compile") for line in problems)
    assert any(line.startswith("• the weight of variant B") for line in problems)

    # Fixing the weight takes one problem off the tab.
    bar.setCurrentIndex(1)
    inspector.variant_tabs.weight_spin.setValue(2)
    assert len(bar.tabToolTip(1).splitlines()) == 1


def test_the_preview_shows_the_chosen_variant_and_its_thread(qtbot, open_bench):
    bench = open_bench(_varied(subject="Question for {{company}}", body="B for {{firstName}}"))
    inspector = bench.inspector
    select(bench, "e1")
    bar = inspector.variant_tabs.tab_bar

    bar.setCurrentIndex(0)
    assert inspector.preview.title() == "Preview of variant A"
    assert inspector.preview_subject.text() == "Hi Ada"
    assert inspector.preview_body.toPlainText() == "Hello Ada"
    bar.setCurrentIndex(1)
    assert inspector.preview.title() == "Preview of variant B"
    assert inspector.preview_subject.text() == "Question for Analytical"
    assert inspector.preview_body.toPlainText() == "B for Ada"
    inspector.contact_combo.setCurrentIndex(1)
    assert inspector.preview_subject.text() == "Question for Globex"

    # The follow-up replies to whichever variant started the thread.
    select(bench, "e2")
    assert inspector.preview.title() == "Preview"
    lines = inspector.preview_subject.text().splitlines()
    assert lines[0] == "Depends on the variant the contact got earlier:"
    assert lines[1:] == ["• Re: Hi Bob", "• Re: Question for Globex"]

    # Back on e1, its tab is as it was left.
    select(bench, "e1")
    assert bar.currentIndex() == 1
    assert inspector.preview_subject.text() == "Question for Globex"


def test_a_running_campaign_shows_the_variants_without_changing_them(qtbot, open_bench):
    bench = open_bench(_varied(subject="B"))
    inspector = bench.inspector
    select(bench, "e1")
    inspector.set_read_only(True)
    variants = inspector.variant_tabs
    for widget in (
        variants.add_button,
        variants.duplicate_button,
        inspector.ab_settings.metric_combo,
        inspector.ab_settings.auto_winner_check,
    ):
        assert not widget.isEnabled()  # fmt: skip
    assert variants.close_button(0) is None  # no × to remove a variant
    assert variants.weight_spin.isReadOnly()
    variants.tab_bar.setCurrentIndex(1)
    assert inspector.subject_edit.text() == "B"
    assert inspector.preview_subject.text() == "B"
    assert bench.editor.undo_stack.count() == 0
