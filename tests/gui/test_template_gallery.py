"""The template gallery: pick a sequence, name it, Create → the campaign exists and opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fluenzr_desktop.gui.template_gallery import TemplateGallery
from fluenzr_desktop.ops.campaigns import campaign_details, campaign_summaries, check_campaign
from fluenzr_desktop.ops.templates import list_templates
from fluenzr_desktop.workspace import open_workspace


def _click_template(qtbot, gallery: TemplateGallery, name: str) -> None:
    items = gallery.template_list.findItems(name, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, name
    rect = gallery.template_list.visualItemRect(items[0])
    qtbot.mouseClick(gallery.template_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _steps(gallery: TemplateGallery) -> list[str]:
    return [gallery.steps_list.item(row).text() for row in range(gallery.steps_list.count())]


def test_a_template_from_the_campaigns_screen_opens_as_a_campaign_ready_to_activate(
    qtbot, workspace, relay_account, main_window
):
    window = main_window()
    listing = window.campaigns_list
    qtbot.mouseClick(listing.template_button, Qt.MouseButton.LeftButton)
    gallery = QApplication.activeModalWidget()
    assert isinstance(gallery, TemplateGallery)
    assert [gallery.template_list.item(row).text() for row in range(3)] == [
        "3-step cold outreach", "Meeting follow-up", "Re-engage old leads",
    ]  # fmt: skip

    _click_template(qtbot, gallery, "Re-engage old leads")
    assert gallery.title_label.text() == "Re-engage old leads"
    assert "months ago" in gallery.description_label.text()
    assert _steps(gallery) == [
        "Email 1: Still a priority for your team?",
        "    Wait 5 days",
        "Email 2: Re: Still a priority for your team?",
        "    Wait 7 days",
        "Email 3: Re: Still a priority for your team?",
    ]
    qtbot.keyClicks(gallery.name_edit, "Lost deals 2025")
    with qtbot.waitSignal(listing.open_requested, timeout=10_000) as opened:
        qtbot.mouseClick(gallery.create_button, Qt.MouseButton.LeftButton)

    campaign_id = opened.args[0]
    assert gallery.created_campaign_id == campaign_id
    view = window.campaign_view
    assert view is not None and window.pages.currentWidget() is view
    assert view.header.name_label.text() == "Lost deals 2025"
    kinds = [node.type for node in view.editor.document.nodes()]
    assert kinds.count("email") == 3 and kinds.count("delay") == 2
    assert campaign_details(workspace, campaign_id)["account"] == relay_account
    assert check_campaign(workspace, campaign_id).problems == []


def test_a_french_gallery_names_the_campaign_after_the_template(qtbot, workspace, until):
    gallery = TemplateGallery(workspace, language="fr")
    qtbot.addWidget(gallery)
    gallery.show()
    french = list_templates("fr")

    _click_template(qtbot, gallery, french[1].name)
    assert gallery.name_edit.placeholderText() == "Suivi après un rendez-vous"
    assert _steps(gallery)[0] == "Email 1: Merci pour notre échange"  # texts: data, in French
    with qtbot.waitSignal(gallery.accepted, timeout=10_000):
        qtbot.keyClick(gallery.name_edit, Qt.Key.Key_Return)  # Enter creates

    names = {row["id"]: row["name"] for row in campaign_summaries(workspace)}
    assert names == {gallery.created_campaign_id: "Suivi après un rendez-vous"}


def test_a_refusal_shows_in_one_line_and_the_gallery_stays(qtbot, workspace, workspace_dir, until):
    backup = open_workspace(workspace_dir, read_only=True)  # a mounted backup: no writes
    gallery = TemplateGallery(backup)
    qtbot.addWidget(gallery)
    gallery.show()

    try:
        qtbot.mouseClick(gallery.create_button, Qt.MouseButton.LeftButton)
        until(lambda: gallery.error_label.isVisible())
    finally:
        backup.close()
    assert "\n" not in gallery.error_label.text() and "read-only" in gallery.error_label.text()
    assert gallery.isVisible() and gallery.created_campaign_id is None
    assert gallery.create_button.isEnabled()  # the user may try again
    assert campaign_summaries(workspace) == []
