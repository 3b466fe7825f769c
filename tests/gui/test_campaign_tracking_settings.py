"""A campaign's tracking settings: opens and clicks off by default, a warning, the unsubscribe line.

The user ticks and types in the Settings tab; the campaign's stored document is read back
through `ops`, as every other screen reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from fluenzr_desktop.domain.workflow import MAX_UNSUBSCRIBE_TEXT, new_document
from fluenzr_desktop.gui.campaign.settings_form import DEFAULT_UNSUBSCRIBE_SOURCE
from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.gui.problem_text import problem_sentence
from fluenzr_desktop.mail.tracking import UNSUBSCRIBE_SENTENCE
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.campaigns import campaign_document, change_campaign_status, create_campaign
from fluenzr_desktop.ops.settings import set_setting

RELAY_MISSING = problem_sentence("tracking_needs_relay", {})


def _settings(workspace, campaign_id: int) -> dict:
    return campaign_document(workspace, campaign_id).get("settings") or {}


def _settings_tab(view):
    view.tabs.setCurrentWidget(view.settings_tab)
    return view.settings_tab


def _click(qtbot, form, widget) -> None:
    """A left click on a widget of the form, scrolled into view first."""
    form.scroll_area.ensureWidgetVisible(widget)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_ticking_track_opens_is_saved_and_tracking_starts_off(
    qtbot, until, workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))
    assert not form.track_opens.isChecked() and not form.track_clicks.isChecked()

    _click(qtbot, form, form.track_opens)

    until(lambda: _settings(workspace, campaign_id).get("track_opens") is True)
    stored = _settings(workspace, campaign_id)
    assert stored["track_clicks"] is False
    assert stored["unsubscribe_text"] == ""  # untouched: the default sentence


def test_the_deliverability_warning_is_shown_under_the_boxes(
    workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))

    assert form.tracking_warning.isVisible()
    assert "spam" in form.tracking_warning.text()
    assert "Replies are what counts" in form.tracking_warning.text()


def test_typing_an_unsubscribe_sentence_saves_it(
    qtbot, until, workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))
    assert form.unsubscribe_edit.placeholderText() == UNSUBSCRIBE_SENTENCE

    form.scroll_area.ensureWidgetVisible(form.unsubscribe_edit)
    qtbot.keyClicks(form.unsubscribe_edit, "No more emails? Click here")

    until(
        lambda: (
            _settings(workspace, campaign_id).get("unsubscribe_text")
            == "No more emails? Click here"
        )
    )

    form.unsubscribe_edit.selectAll()
    qtbot.keyClick(form.unsubscribe_edit, Qt.Key.Key_Delete)
    until(lambda: _settings(workspace, campaign_id).get("unsubscribe_text") == "")


def test_the_unsubscribe_sentence_stays_one_line_of_at_most_300_characters(
    qtbot, until, workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))
    edit = form.unsubscribe_edit

    qtbot.keyClicks(edit, "x" * (MAX_UNSUBSCRIBE_TEXT + 1))
    assert len(edit.text()) == MAX_UNSUBSCRIBE_TEXT
    until(lambda: len(_settings(workspace, campaign_id).get("unsubscribe_text", "")) == 300)

    edit.clear()
    qtbot.keyClicks(edit, "Stop")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter does not start a second line
    qtbot.keyClicks(edit, " here")
    QGuiApplication.clipboard().setText("\nplease\r\nthanks")
    edit.paste()  # nor does a pasted line break
    assert edit.text() == "Stop here please thanks"
    until(lambda: _settings(workspace, campaign_id).get("unsubscribe_text") == edit.text())


def test_tracking_without_a_relay_says_a_relay_is_needed_until_one_is_set(
    qtbot, until, workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))
    assert not form.relay_note.isVisible()  # tracking is off: nothing to say

    _click(qtbot, form, form.track_clicks)
    until(form.relay_note.isVisible)
    assert form.relay_note.text().lower() == RELAY_MISSING.lower()

    # The relay is set in the window's Settings screen, which says the settings changed.
    broadcast(set_setting(workspace, "tracking_relay_url", "https://relay.example.com").changes)
    until(lambda: not form.relay_note.isVisible())
    until(lambda: _settings(workspace, campaign_id).get("track_clicks") is True)


def test_a_workspace_with_a_relay_shows_no_relay_problem(
    qtbot, workspace, relay_account, campaign_view
):
    set_setting(workspace, "tracking_relay_url", "https://relay.example.com")
    document = new_document()
    document["settings"] = {"track_opens": True, "unsubscribe_text": "Plus de mails ? Cliquez"}
    campaign_id = create_campaign(workspace, "Launch", document, relay_account).id
    form = _settings_tab(campaign_view(campaign_id))
    qtbot.waitUntil(lambda: form.has_relay is True, timeout=10_000)

    assert form.track_opens.isChecked()
    assert form.unsubscribe_edit.text() == "Plus de mails ? Cliquez"
    assert not form.relay_note.isVisible()
    broadcast(Changes(settings=True))  # read again: still set
    qtbot.waitUntil(lambda: form.has_relay is True, timeout=10_000)
    assert not form.relay_note.isVisible()


def test_an_archived_campaign_shows_its_tracking_read_only(workspace, relay_account, campaign_view):
    document = new_document()
    document["settings"] = {"track_clicks": True}
    campaign_id = create_campaign(workspace, "Launch", document, relay_account).id
    change_campaign_status(workspace, campaign_id, "archive")
    form = _settings_tab(campaign_view(campaign_id))

    assert form.track_clicks.isChecked()
    for widget in (form.track_opens, form.track_clicks, form.unsubscribe_edit):
        assert not widget.isEnabled()


class _FrenchDefault(QTranslator):
    """The French of the default sentence alone (what the French catalogue gives)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if (context, source) == ("SettingsForm", UNSUBSCRIBE_SENTENCE):
            return "Se désinscrire de ces e-mails"
        return None

    def isEmpty(self) -> bool:
        return False


def test_an_empty_line_in_another_language_says_the_default_is_sent_in_english(
    qtbot, qapp, workspace, relay_account, campaign_view
):
    french = _FrenchDefault(qapp)
    qapp.installTranslator(french)
    try:
        campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
        form = _settings_tab(campaign_view(campaign_id))
        form.scroll_area.ensureWidgetVisible(form.unsubscribe_edit)

        assert form.unsubscribe_edit.placeholderText() == "Se désinscrire de ces e-mails"
        assert form.unsubscribe_language_note.isVisible()
        assert f"“{UNSUBSCRIBE_SENTENCE}”" in form.unsubscribe_language_note.text()

        qtbot.keyClicks(form.unsubscribe_edit, "Ne plus recevoir")  # ASCII: QTest types no accents
        assert not form.unsubscribe_language_note.isVisible()
    finally:
        qapp.removeTranslator(french)


def test_an_english_window_does_not_warn_about_the_english_default(
    workspace, relay_account, campaign_view
):
    campaign_id = create_campaign(workspace, "Launch", new_document(), relay_account).id
    form = _settings_tab(campaign_view(campaign_id))

    assert form.unsubscribe_edit.text() == ""
    assert not form.unsubscribe_language_note.isVisible()


def test_the_translated_default_sentence_is_the_one_the_email_sends():
    # lupdate collects the form's literal; the email sends the constant: they must agree.
    assert DEFAULT_UNSUBSCRIBE_SOURCE == UNSUBSCRIBE_SENTENCE
