"""The campaign's Analytics tab on the hand-counted campaign of tests/ops/test_stats.py.

Contacts A–G: 8 emails sent (6 from the first step, 2 from the second), 1 hard bounce,
replies from B (to the first email) and C (to the second): reply rate 2/7 overall, 1/5 for
the first step, 1/2 for the second. Figures are read in the background, so each check
waits until the tab shows them.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from sqlalchemy import insert, update

from fluenzr_desktop.gui.changes import broadcast
from fluenzr_desktop.gui.translations import install_translator
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.store.campaigns import create_campaign
from fluenzr_desktop.store.schema import events, outbox_messages
from tests.ops.test_stats import DEMO, PRICING, World, stats_document

FRANCE = QLocale(QLocale.Language.French, QLocale.Country.France)


@pytest.fixture
def world(workspace) -> World:
    return World(workspace)


def open_analytics(view, until):
    """Show the Analytics tab and wait for its figures."""
    tab = view.analytics_tab
    view.tabs.setCurrentWidget(tab)
    until(lambda: tab.analytics is not None and not tab.loading())
    return tab


def table_rows(table) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def add_reply(workspace, world: World, name: str, days_after_t0: float) -> None:
    """`name` answers (a reply with its own Message-ID), as the inbox sync records it."""
    at = world.t0 + timedelta(days=days_after_t0)
    with workspace.engine.begin() as db:
        db.execute(
            insert(events).values(
                kind="replied",
                occurred_at=at,
                campaign_id=world.campaign,
                enrollment_id=world.enrollment[name],
                contact_id=world.contact[name],
                message_id=f"<late.{name}.{int(at.timestamp())}@client.com>",
                detail={},
            )
        )


def test_the_tab_shows_the_hand_counted_figures_reply_rate_first(
    campaign_view, until, workspace, world
):
    view = campaign_view(world.campaign)
    assert view.tabs.tabText(3) == "Analytics"
    tab = open_analytics(view, until)

    assert tab.reply_tile.value.text() == "28.6%"  # 2 replies / 7 delivered
    assert tab.reply_tile.detail.text() == "replied: 2 · delivered: 7"
    shown = {key: tile.value.text() for key, tile in tab.tiles.items()}
    assert shown == {
        "sent": "8",
        "delivered": "7",
        "opened": "50.0%",  # 3 of the 6 delivered messages that carried a pixel
        "clicked": "33.3%",  # 2 of 6
        "bounced": "1",
        "unsubscribed": "1",
        "errors": "1",
        "first_reply": "2 d 13 h",  # median of 47 h (B) and 75 h (C): 61 h
    }
    assert tab.tiles["unsubscribed"].detail.text() == "spam complaints: 1"
    assert tab.tracking_note.text() == "Apple proxied opens: 1 · Machine hits: 3 (messages: 2)"
    assert "Apple Mail Privacy Protection" in tab.tracking_note.toolTip()

    header = [
        tab.step_table.horizontalHeaderItem(c).text() for c in range(tab.step_table.columnCount())
    ]
    assert header[:2] == ["Step", "Reply rate"]
    assert tab.step_table.step_ids == ["e1", "e2"]
    rows = table_rows(tab.step_table)
    assert rows[0][0] == "Email — Quick question"
    # Step 1: 5 of its 6 emails carried a pixel, one of them bounced; D unsubscribed, F
    # complained (both after step 1).
    assert rows[0][1:] == ["20.0%", "6", "5", "50.0%", "25.0%", "1", "2"]
    assert rows[1][1:] == ["50.0%", "2", "2", "50.0%", "50.0%", "0", "0"]
    assert [step.values for step in tab.funnel.steps] == [(6, 2, 1, 1), (2, 1, 1, 1)]

    links = {row[0]: row[1:] for row in table_rows(tab.link_table)}
    assert links == {PRICING: ["1", "1", "1"], DEMO: ["1", "1", "1"]}
    assert tab.chart.is_loaded()
    assert sum(sum(values) for values in tab.chart._series.values()) > 0


def test_a_new_reply_updates_the_figures_when_broadcast_and_waits_while_hidden(
    campaign_view, until, workspace, world
):
    view = campaign_view(world.campaign)
    tab = open_analytics(view, until)

    add_reply(workspace, world, "A", 4)  # after A's second email: counts for step 2
    broadcast(Changes(enrollments=True))  # what the engine's relay says after an inbox sync
    until(lambda: tab.reply_tile.value.text() == "42.9%")  # 3 / 7
    assert table_rows(tab.step_table)[1][1] == "100.0%"

    view.tabs.setCurrentWidget(view.sequence_tab)
    add_reply(workspace, world, "F", 4)  # F's first email: step 1
    reads = tab.reads
    broadcast(Changes(campaigns=True))
    assert tab.stale and tab.reads == reads  # hidden: nothing read, only marked
    assert tab.reply_tile.value.text() == "42.9%"

    view.tabs.setCurrentWidget(tab)
    until(lambda: tab.reply_tile.value.text() == "57.1%")  # 4 / 7, read on show
    assert table_rows(tab.step_table)[0][1] == "40.0%"


def test_selecting_a_step_on_the_canvas_selects_its_figures(
    qtbot, campaign_view, until, workspace, world
):
    view = campaign_view(world.campaign)
    tab = open_analytics(view, until)
    view.tabs.setCurrentWidget(view.sequence_tab)
    scene, canvas = view.editor.scene, view.editor.view

    item = scene.node_item("e2")
    canvas.centerOn(item)
    point = canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert scene.selected_node_ids() == ["e2"]
    assert tab.step_table.selected_step() == "e2"
    assert tab.funnel.selected == "e2"

    scene.clearSelection()
    scene.node_item("d1").setSelected(True)  # a delay has no figures: nothing selected
    assert tab.step_table.selected_step() is None
    assert tab.funnel.selected is None

    scene.clearSelection()
    scene.node_item("e1").setSelected(True)
    view.tabs.setCurrentWidget(tab)
    assert tab.step_table.selected_step() == "e1"
    assert tab.step_table.selectionModel().selectedRows()[0].row() == 0


def test_a_campaign_that_sent_nothing_says_so(campaign_view, until, workspace, relay_account):
    with workspace.session() as session:
        campaign = create_campaign(session, "Not yet", stats_document(), relay_account).id
    view = campaign_view(campaign)
    tab = open_analytics(view, until)
    assert tab.empty.isVisible()
    assert tab.empty.text() == "No emails sent yet: figures appear as the campaign sends."
    assert not tab.figures.isVisible()


def test_pyqtgraph_is_imported_only_when_the_analytics_tab_is_shown(tmp_path):
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from fluenzr_desktop.workspace import open_workspace
        from fluenzr_desktop.gui.main_window import MainWindow
        from fluenzr_desktop.store.campaigns import create_campaign
        from fluenzr_desktop.domain.workflow import new_document

        app = QApplication([])
        workspace = open_workspace({str(tmp_path / "ws")!r})
        with workspace.session() as session:
            campaign = create_campaign(session, "Launch", new_document(), None).id
        window = MainWindow(workspace, None)
        window.show()
        view = window.open_campaign_view(campaign)
        app.processEvents()
        print("before", "pyqtgraph" in sys.modules)
        view.tabs.setCurrentWidget(view.analytics_tab)
        app.processEvents()
        print("after", "pyqtgraph" in sys.modules)
        window.close()
        workspace.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "before False" in done.stdout
    assert "after True" in done.stdout


@pytest.mark.parametrize("language", ["english", "french"])
@pytest.mark.parametrize("size", [(1024, 640), (1440, 900)])
def test_the_tab_reads_in_the_users_language_and_scrolls_to_every_part(
    qapp, qtbot, main_window, until, workspace, world, size, language
):
    translator = install_translator(qapp, FRANCE) if language == "french" else None
    previous = QLocale()
    if language == "french":
        QLocale.setDefault(FRANCE)
    try:
        window = main_window()
        window.resize(*size)
        window.show_view(f"campaign:{world.campaign}")
        view = window.campaign_view
        view.editor.scene.clearSelection()
        view.editor.scene.node_item("e1").setSelected(True)
        tab = open_analytics(view, until)
        qtbot.wait(100)
        assert tab.reply_tile.isVisible()
        # The decimal comma is the locale's; the space before "%" comes with the catalogue.
        assert tab.reply_tile.value.text().startswith("28,6" if language == "french" else "28.6%")
        # Every part of the tab is reachable: scrolled down, the link table shows.
        tab.scroll.verticalScrollBar().setValue(tab.scroll.verticalScrollBar().maximum())
        until(lambda: tab.link_table.isVisible() and not tab.link_table.visibleRegion().isEmpty())
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)


def test_opens_and_clicks_say_tracking_off_when_nothing_was_tracked(
    campaign_view, until, workspace, world
):
    with workspace.engine.begin() as db:
        db.execute(
            update(outbox_messages)
            .where(outbox_messages.c.campaign_id == world.campaign)
            .values(track_opens=False, tracked_links=None)
        )
    view = campaign_view(world.campaign)
    tab = open_analytics(view, until)
    for key in ("opened", "clicked"):
        assert tab.tiles[key].value.text() == "—"
        assert tab.tiles[key].detail.text() == "tracking off"
    assert tab.reply_tile.value.text() == "28.6%"  # replies need no tracking
