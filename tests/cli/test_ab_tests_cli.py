"""`fluenzr stats ID --by variant` and `fluenzr campaign pick-variant` on the hand-counted
A/B campaign of tests/ops/test_ab_tests.py (A: 1 reply / 3 delivered, B: 2 / 3)."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.ab_test import decide
from fluenzr_desktop.store.campaigns import create_campaign
from tests.cli.helpers import assert_refused
from tests.ops.test_ab_tests import AbWorld, hand_counted


@pytest.fixture
def world(workspace) -> AbWorld:
    built = hand_counted(workspace)
    with workspace.session() as session:
        built.plain = create_campaign(session, "Plain", {"version": 1, "nodes": []}, built.acc1).id
    workspace.close()  # the command opens the workspace itself
    return built


def test_by_variant_prints_one_table_per_tested_node_and_its_verdict(cli, world) -> None:
    result = cli("stats", world.campaign, "--by", "variant")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Email 1: Quick question (node e1; metric: replies; automatic winner: off)")
    header, row_a, row_b, verdict = lines[1:5]
    assert header.split("  ")[0] == "VARIANT"
    for column in ("REPLY RATE [90% INTERVAL]", "HUMAN OPENS (UNRELIABLE)", "P(BEST)"):
        assert column in header
    start = header.index("REPLY RATE")
    assert row_a.split()[:4] == ["A", "4", "3", "1"]
    assert row_a[start:].startswith("33.3% [")
    assert row_b.split()[:4] == ["B", "4", "3", "2"]
    assert row_b[start:].startswith("66.7% [")
    expected = decide([("A", 3, 1), ("B", 3, 2)])
    assert row_b[header.index("P(BEST)") :].split()[0] == (
        f"{expected.variants[1].probability_best * 100:.1f}%"
    )
    assert row_a[header.index("HUMAN OPENS") :].split()[:2] == ["2", "1"]  # opens, clicks
    assert verdict == (
        "not enough data yet: each variant needs 100 sends (A has 3); 5 replies in all are "
        "needed (3 so far); no variant is 95% likely to be best (B: 75.7%); about "
        f"{expected.more_sends_needed} more sends per variant would typically settle it"
    )
    assert "Apple Mail Privacy Protection" in lines[-1]


def test_by_variant_json_carries_figures_intervals_and_the_decision(cli, world) -> None:
    result = cli("stats", world.campaign, "--by", "variant", "--json")
    assert result.code == 0, result.stderr
    [node] = result.json["nodes"]
    assert (node["node_id"], node["metric"], node["opens_reliable"]) == ("e1", "replies", False)
    a, b = node["variants"]
    assert {k: a[k] for k in ("variant", "sent", "delivered", "replied", "opened", "clicked")} == {
        "variant": "A",
        "sent": 4,
        "delivered": 3,
        "replied": 1,
        "opened": 2,
        "clicked": 1,
    }
    assert b["reply_rate"] == pytest.approx(2 / 3)
    low, high = b["interval_90"]
    assert low < 2 / 3 < high
    assert a["probability_best"] + b["probability_best"] == pytest.approx(1)
    assert node["decision"]["winner"] is None
    assert node["decision"]["reasons"] == ["too_few_sends", "too_few_successes", "not_confident"]
    assert node["winner_in_force"] is None


def test_a_campaign_without_variants_says_so(cli, world) -> None:
    result = cli("stats", world.plain, "--by", "variant")
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == "no A/B tested email node in this campaign"


def test_by_variant_refuses_a_period_in_one_line(cli, world) -> None:
    result = cli("stats", world.campaign, "--by", "variant", "--from", "2026-01-01")
    assert "--by variant counts every send" in assert_refused(result)


def test_pick_variant_records_a_winner_and_clear_goes_back_to_the_split(cli, world) -> None:
    picked = cli("campaign", "pick-variant", world.campaign, "e1", "B")
    assert picked.code == 0, picked.stderr
    assert picked.stdout.strip() == (
        f"campaign {world.campaign}, node e1: variant B is the winner (picked by hand)"
    )
    shown = cli("stats", world.campaign, "--by", "variant", "--json").json["nodes"][0]
    assert shown["winner_in_force"]["variant"] == "B"
    assert shown["winner_in_force"]["manual"] is True
    text = cli("stats", world.campaign, "--by", "variant").stdout
    assert "in force: B (picked by hand" in text

    cleared = cli("campaign", "pick-variant", world.campaign, "e1", "--clear", "--json")
    assert cleared.code == 0, cleared.stderr
    assert cleared.json["variant"] is None
    shown = cli("stats", world.campaign, "--by", "variant", "--json").json["nodes"][0]
    assert shown["winner_in_force"] is None


def test_pick_variant_refuses_unknown_nodes_and_variants_in_one_line(cli, world) -> None:
    error = assert_refused(cli("campaign", "pick-variant", world.campaign, "e9", "A"))
    assert "has no A/B tested email node 'e9' (its A/B tested nodes: e1)" in error
    error = assert_refused(
        cli("campaign", "pick-variant", world.campaign, "e1", "Z", "--json"), json_mode=True
    )
    assert error == "node e1 has no variant 'Z' (its variants: A, B)"
    error = assert_refused(cli("campaign", "pick-variant", "999", "e1", "A"))
    assert "no campaign with id 999" in error
    both = cli("campaign", "pick-variant", world.campaign, "e1", "A", "--clear")
    assert "not allowed with argument" in assert_refused(both, code=2)
    neither = cli("campaign", "pick-variant", world.campaign, "e1")
    assert "VARIANT" in assert_refused(neither, code=2)
