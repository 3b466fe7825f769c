"""The campaign screen never loses an edit: it saves as the user types, like a word processor."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from fluenzr_desktop.domain.workflow import new_document
from fluenzr_desktop.gui.campaign import CampaignView
from fluenzr_desktop.gui.main_window import VIEWS, MainWindow
from fluenzr_desktop.ops.campaigns import campaign_document, create_campaign


def _emails(workspace, campaign_id: int) -> list[tuple[str, str]]:
    """(subject, body) of every Email step as stored."""
    nodes = campaign_document(workspace, campaign_id)["nodes"]
    return [(n.get("subject", ""), n.get("body", "")) for n in nodes if n["type"] == "email"]


def _click_sidebar(qtbot, window: MainWindow, title: str) -> None:
    item = window.sidebar.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _type_email(qtbot, view: CampaignView, subject: str, body: str) -> str:
    """Add an Email step from the palette, select it, type its subject and body."""
    before = {node.id for node in view.editor.document.nodes()}
    view.editor.add_actions["email"].trigger()
    (node_id,) = {node.id for node in view.editor.document.nodes()} - before
    view.editor.scene.clearSelection()
    view.editor.scene.node_item(node_id).setSelected(True)
    inspector = view.sequence_tab.workbench.inspector
    qtbot.keyClicks(inspector.subject_edit, subject)
    qtbot.keyClicks(inspector.body_edit, body)
    return node_id


def test_an_email_typed_then_leaving_for_contacts_is_kept(
    qtbot, until, workspace, relay_account, main_window
):
    window = main_window()
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    view = window.open_campaign_view(campaign_id)
    qtbot.waitExposed(view)

    node_id = _type_email(qtbot, view, "Quick question", "Hi there")
    assert view.header.save_state_label.text() == "Saving…"
    until(lambda: view.header.save_state_label.text() == "Saved")
    assert _emails(workspace, campaign_id) == [("Quick question", "Hi there")]
    # Saving reloaded nothing: the canvas keeps its undo history.
    assert view.editor.undo_stack.canUndo()

    # More typing, then straight to Contacts without waiting for the pause.
    qtbot.keyClicks(view.sequence_tab.workbench.inspector.body_edit, ", Ann")
    _click_sidebar(qtbot, window, "Contacts")
    assert window.pages.currentIndex() == VIEWS.index("contacts")
    until(lambda: _emails(workspace, campaign_id) == [("Quick question", "Hi there, Ann")])

    _click_sidebar(qtbot, window, "Campaigns")
    assert window.pages.currentWidget() is not view
    until(lambda: window.campaigns_list.select_campaign(campaign_id))  # listed
    qtbot.mouseClick(window.campaigns_list.open_button, Qt.MouseButton.LeftButton)
    reopened = window.campaign_view
    assert window.pages.currentWidget() is reopened
    node = reopened.editor.document.node(node_id)
    assert (node.props["subject"], node.props["body"]) == ("Quick question", "Hi there, Ann")


def test_a_setting_changed_then_another_campaign_opened_is_kept(
    qtbot, until, workspace, relay_account, main_window
):
    window = main_window()
    first = create_campaign(workspace, "Launch", new_document(), relay_account).id
    second = create_campaign(workspace, "Follow-up", new_document()).id
    view = window.open_campaign_view(first)
    view.tabs.setCurrentWidget(view.settings_tab)
    view.settings_tab.daily_cap.setValue(35)
    view.settings_tab.stop_on_auto_reply.setChecked(True)

    window.open_campaign_view(second)

    until(lambda: campaign_document(workspace, first)["settings"]["daily_cap"] == 35)
    assert campaign_document(workspace, first)["settings"]["stop_on_auto_reply"] is True
    assert campaign_document(workspace, second)["settings"]["daily_cap"] == 50


def test_closing_the_window_right_after_an_edit_keeps_it(
    qtbot, until, workspace, relay_account, main_window
):
    window = main_window()
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    view = window.open_campaign_view(campaign_id)
    _type_email(qtbot, view, "Last words", "Typed just before closing")

    window.close()  # the window saves what is pending before it goes (flush_edits)

    assert _emails(workspace, campaign_id) == [("Last words", "Typed just before closing")]


def test_undo_is_saved_too_and_a_hub_refresh_keeps_unsaved_edits(
    qtbot, until, workspace, relay_account, main_window
):
    window = main_window()
    document = copy.deepcopy(new_document())
    campaign_id = create_campaign(workspace, "Launch", document, relay_account).id
    view = window.open_campaign_view(campaign_id)
    _type_email(qtbot, view, "Hello", "Body")
    # A write elsewhere (the list renames the campaign) while the edit waits to be saved.
    window.campaigns_list.rename_campaign(campaign_id, "Launch v2")
    until(lambda: view.header.name_label.text() == "Launch v2")
    assert len([n for n in view.editor.document.nodes() if n.type == "email"]) == 1
    until(lambda: _emails(workspace, campaign_id) == [("Hello", "Body")])

    while view.editor.undo_stack.canUndo():
        view.editor.undo_stack.undo()
    until(lambda: _emails(workspace, campaign_id) == [])
