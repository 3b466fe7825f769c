"""The Analytics tab's A/B tests section on the hand-counted A/B campaign of
tests/ops/test_ab_tests.py (A: 1 reply / 3 delivered, 2 human opens; B: 2 / 3), and on a
campaign whose test has a winner (A 2/100 against B 8/100)."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.ab_test import decide
from fluenzr_desktop.store.ab_winners import current_winners
from tests.gui.test_analytics_tab import open_analytics, table_rows
from tests.ops.test_ab_tests import AbWorld, hand_counted
from tests.ops.test_stats import World


@pytest.fixture
def world(workspace) -> AbWorld:
    return hand_counted(workspace)


def winners_of(workspace, campaign_id: int) -> dict:
    with workspace.sessions() as session:
        return current_winners(session.connection(), campaign_id)


def test_the_section_shows_each_variant_with_intervals_and_the_verdict(
    campaign_view, until, workspace, world
):
    tab = open_analytics(campaign_view(world.campaign), until)
    panel = tab.ab_panel
    assert panel.isVisible() and panel.title() == "A/B tests"
    box = panel.boxes["e1"]
    assert box.title() == "Email — A/B test, 2 variants · Quick question"
    table = box.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == [
        "Variant",
        "Sent",
        "Delivered",
        "Replies",
        "Reply rate\n[90% interval]",
        "Human opens\n(unreliable)",
        "Clicks",
        "P(best)",
        "Expected\nloss",
    ]
    expected = decide([("A", 3, 1), ("B", 3, 2)])
    a, b = expected.variants
    rows = table_rows(table)
    assert rows[0][:4] == ["A · Quick question", "4", "3", "1"]  # subjects tell them apart
    assert rows[0][4] == (f"33.3% [{a.interval_low * 100:.1f}% – {a.interval_high * 100:.1f}%]")
    assert rows[0][5:7] == ["2", "1"]  # human opens, clicks
    assert rows[1][:4] == ["B · A faster way to book demos", "4", "3", "2"]
    assert rows[1][7] == f"{b.probability_best * 100:.1f}%"
    assert "Apple Mail Privacy Protection" in table.item(0, 5).toolTip()
    assert "Apple Mail Privacy Protection" in table.horizontalHeaderItem(5).toolTip()
    assert box.verdict.text() == (
        "Not enough data yet: each variant needs 100 sends (A has 3); 5 replies in all are "
        "needed (3 so far); no variant is 95% likely to be best yet (B: 75.7%). About "
        f"{expected.more_sends_needed} more sends per variant would typically settle it."
    )
    assert box.in_force.text() == "No winner in force: contacts are split between the variants."
    assert box.pick_button.text() == "Make B the winner"  # the leader
    assert not box.split_button.isVisible()


def test_the_pick_button_records_a_pick_and_back_to_the_split_clears_it(
    campaign_view, until, workspace, world
):
    tab = open_analytics(campaign_view(world.campaign), until)
    box = tab.ab_panel.boxes["e1"]
    box.pick_button.click()
    until(lambda: box.in_force.text().startswith("In force: variant B, picked by hand"))
    winner = winners_of(workspace, world.campaign)["e1"]
    assert (winner.variant, winner.manual, winner.at) == ("B", True, world.now)
    assert box.split_button.isVisible() and box.split_button.isEnabled()

    assert box.pick_button.text() == "Pick another variant"  # B is picked: the others
    [make_a] = box.pick_menu.actions()
    assert make_a.text() == "Make A the winner"
    make_a.trigger()
    until(lambda: box.in_force.text().startswith("In force: variant A, picked by hand"))
    assert winners_of(workspace, world.campaign)["e1"].variant == "A"

    box.split_button.click()
    until(lambda: box.in_force.text().startswith("No winner in force"))
    assert winners_of(workspace, world.campaign) == {}
    assert not box.split_button.isVisible()


def test_a_declared_winner_is_said_in_one_sentence(campaign_view, until, workspace):
    world = AbWorld(workspace)
    world.bulk("A", 100, 2)
    world.bulk("B", 100, 8)
    tab = open_analytics(campaign_view(world.campaign), until)
    box = tab.ab_panel.boxes["e1"]
    assert box.verdict.text() == "Variant B wins: it is 97.1% likely to be best on replies."
    assert table_rows(box.table)[1][1:4] == ["100", "100", "8"]
    assert box.table.item(1, 0).font().bold()


def test_a_campaign_without_variants_has_no_section(campaign_view, until, workspace):
    world = World(workspace)
    tab = open_analytics(campaign_view(world.campaign), until)
    assert tab.ab_panel.isHidden()
    assert tab.ab_panel.boxes == {}
