"""A/B tests on the command line: `fluenzr stats ID --by variant` and
`fluenzr campaign pick-variant ID NODE_ID VARIANT|--clear`."""

from __future__ import annotations

import argparse
from typing import Any

from ..domain.stats import percent_text
from .common import workspace_of
from .output import Output, table


def register_pick(verbs: Any, common: argparse.ArgumentParser) -> None:
    """Add `campaign pick-variant` to the campaign verbs."""
    picking = verbs.add_parser(
        "pick-variant",
        help="make one A/B variant the winner of an email node (or --clear: back to the split)",
        description="Every contact not yet sent at the node gets the picked variant; "
        "a pick overrides automatic winners until cleared.",
        parents=[common],
    )
    picking.add_argument("id", metavar="ID")
    picking.add_argument("node", metavar="NODE_ID")
    choice = picking.add_mutually_exclusive_group(required=True)
    choice.add_argument("variant", nargs="?", metavar="VARIANT", help="the variant id (A, B…)")
    choice.add_argument("--clear", action="store_true", help="no pick: back to the split")
    picking.set_defaults(handler=pick_variant_command)


def pick_variant_command(args: argparse.Namespace, output: Output) -> int:
    """Record a manual pick (or clear it) at the workspace clock's time."""
    from ..ops.ab_tests import pick_variant

    with workspace_of(args) as workspace:
        pick = pick_variant(workspace, args.id, args.node, None if args.clear else args.variant)
    text = (
        f"campaign {pick.campaign_id}, node {pick.node_id}: back to the split"
        if pick.variant is None
        else f"campaign {pick.campaign_id}, node {pick.node_id}: variant {pick.variant} "
        "is the winner (picked by hand)"
    )
    output.result(pick.to_dict(), text)
    return 0


def variant_stats_command(args: argparse.Namespace, output: Output) -> int:
    """Each A/B tested node's per-variant table and verdict."""
    from ..ops.ab_tests import ab_test_report

    with workspace_of(args) as workspace:
        tests = ab_test_report(workspace, args.campaign)
    payload = {"campaign_id": int(args.campaign), "by": "variant"}
    payload["nodes"] = [test.to_dict() for test in tests]
    output.result(payload, _text(tests) if tests else "no A/B tested email node in this campaign")
    return 0


def _interval(low: float, high: float) -> str:
    return f"[{low * 100:.1f}–{high * 100:.1f}%]"


def _text(tests: list) -> str:
    from ..ops.ab_tests import verdict_text

    blocks = []
    for test in tests:
        rate_header = {"replies": "REPLY RATE", "clicks": "CLICK RATE"}.get(
            str(test.metric), "RATE"
        )
        headers = [
            "VARIANT",
            "SENT",
            "DELIVERED",
            "REPLIES",
            f"{rate_header} [90% INTERVAL]",
            "HUMAN OPENS (UNRELIABLE)",
            "CLICKS",
            "P(BEST)",
            "EXPECTED LOSS",
        ]
        rows = []
        for variant in test.variants:
            c, judged = variant.figures.counts, variant.test
            rows.append(
                [
                    variant.id,
                    str(c.sent),
                    str(variant.delivered),
                    str(c.replied),
                    f"{percent_text(judged.rate)} "
                    f"{_interval(judged.interval_low, judged.interval_high)}",
                    str(c.opened),
                    str(c.clicked),
                    percent_text(judged.probability_best),
                    percent_text(judged.expected_loss),
                ]
            )
        auto = "on" if test.auto_winner else "off"
        title = (
            f"{test.label} (node {test.node_id}; metric: {test.metric}; automatic winner: {auto})"
        )
        blocks.append("\n".join([title, table(rows, headers), verdict_text(test)]))
    note = (
        "Rates per delivered message (clicks: per delivered message with tracked links). "
        "Opens are unreliable: Apple Mail Privacy Protection opens every message; "
        "tests never judge on them."
    )
    return "\n\n".join([*blocks, note])
