"""A campaign's sequence opens on the canvas from the main window and is saved back."""

from __future__ import annotations

from fluenzr_desktop.domain.workflow import parse_document
from fluenzr_desktop.gui.main_window import MainWindow
from fluenzr_desktop.store.campaigns import change_status, create_campaign, get_campaign

SAMPLE = {
    "version": 1,
    "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {"id": "e1", "type": "email", "subject": "Hi {{firstName}}", "body": "Hello",
         "position": [0, 120], "color": "teal"},
        {"id": "end", "type": "end", "position": [0, 240]},
    ],
    "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
}  # fmt: skip


def test_open_edit_and_save_a_sequence_from_the_campaign_list(qtbot, workspace):
    with workspace.session() as session:
        campaign_id = create_campaign(session, "Launch", SAMPLE).id
    window = MainWindow(workspace)
    qtbot.addWidget(window)

    dialog = window.open_campaign(0)
    assert dialog is not None and dialog.editable
    assert {node.id for node in dialog.editor.document.nodes()} == {"start", "e1", "end"}
    new_id = dialog.editor.add_node("delay")
    assert dialog.save()

    with workspace.sessions() as session:
        stored = get_campaign(session, campaign_id)
        revision, document = stored.document_revision, stored.document
    workflow = parse_document(document)
    assert workflow.node(new_id).type == "delay"
    assert workflow.node("e1").props["color"] == "teal"  # unknown fields survive the canvas
    assert revision == 2
    assert "problem" in dialog.notice.text()  # the new delay is linked to nothing


def test_a_running_campaign_opens_read_only(qtbot, workspace):
    with workspace.session() as session:
        campaign = create_campaign(session, "Live", {**SAMPLE, "nodes": [
            {k: v for k, v in n.items() if k != "color"} for n in SAMPLE["nodes"]]})  # fmt: skip
        change_status(session, campaign, "activate")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_campaign(0)
    assert not dialog.editable
    assert "pause it" in dialog.notice.text()
