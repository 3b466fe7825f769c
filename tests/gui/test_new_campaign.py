"""New…: an empty name is refused in the dialog; the campaign opens ready to write its email."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit

from fluenzr_desktop.ops.campaigns import campaign_details


def test_new_refuses_an_empty_name_then_opens_the_campaign_on_its_email(
    qtbot, workspace, relay_account, main_window
):
    window = main_window()
    listing = window.campaigns_list

    qtbot.mouseClick(listing.new_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    name_edit = dialog.findChild(QLineEdit)
    assert not ok.isEnabled()  # no name yet
    qtbot.keyClicks(name_edit, "   ")
    assert not ok.isEnabled()  # blanks are no name
    name_edit.clear()
    qtbot.keyClicks(name_edit, "Spring outreach")
    assert ok.isEnabled()

    with qtbot.waitSignal(listing.open_requested, timeout=10_000) as opened:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    campaign_id = opened.args[0]

    view = window.campaign_view
    assert view is not None and window.pages.currentWidget() is view
    assert view.campaign_id == campaign_id
    assert view.header.name_label.text() == "Spring outreach"
    selected = view.editor.scene.selected_node_ids()
    assert [view.editor.document.node(n).type for n in selected] == ["email"]
    inspector = view.sequence_tab.workbench.inspector
    assert inspector.subject_edit.isVisible()
    # Start → Email → End, wired.
    workflow = view.editor.document
    links = {(link.source, link.target) for link in workflow.links()}
    kinds = {node.id: node.type for node in workflow.nodes()}
    assert sorted((kinds[a], kinds[b]) for a, b in links) == [("email", "end"), ("start", "email")]
    # The workspace's only account sends it.
    assert view.settings_tab.account_combo.currentData() == relay_account
    assert campaign_details(workspace, campaign_id)["account"] == relay_account
