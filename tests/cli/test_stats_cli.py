"""`fluenzr stats`: the hand-counted campaign as text and JSON, the export, and bad input."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from tests.cli.helpers import assert_refused
from tests.ops.test_stats import World


@pytest.fixture
def world(workspace) -> World:
    built = World(workspace)
    workspace.close()  # the command opens the workspace itself
    return built


def test_the_headline_puts_the_reply_rate_first_with_percentages(cli, world) -> None:
    result = cli("stats", world.campaign)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f'Campaign {world.campaign} "Hand count": all time (days in Europe/Paris)'
    assert lines[1].split()[:3] == ["reply", "rate", "28.6%"]
    assert "2 replied / 7 delivered" in lines[1]
    assert lines[2].split()[:3] == ["open", "rate", "50.0%"]
    assert "3 opened (unique, human) / 6 delivered tracked for opens" in lines[2]
    assert lines[3].split()[:3] == ["click", "rate", "33.3%"]
    assert "1 hard, 0 soft" in result.stdout
    assert "2 d 13 h" in result.stdout  # median time to first reply: 61 h
    # The values line up in one column.
    assert len({line.index("%") for line in lines[1:5]}) == 1


def test_a_rate_without_denominator_is_a_dash(cli, world) -> None:
    result = cli("stats", world.other)
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[1].split()[:3] == ["reply", "rate", "—"]


def test_per_step_table_is_aligned_and_attributes_replies(cli, world) -> None:
    result = cli("stats", world.campaign, "--by", "step")
    assert result.code == 0, result.stderr
    table = result.stdout.split("\n\n", 1)[1].splitlines()
    header, first, second = table[0], table[1], table[2]
    assert header.startswith("STEP") and "REPLY RATE" in header
    column = header.index("REPLY RATE")
    assert first.startswith("Email 1: Quick question")
    assert first[column:].split()[0] == "20.0%"  # 1 reply / 5 delivered
    assert second.startswith("Email 2")
    assert second[column:].split()[0] == "50.0%"  # C's reply came after e2
    assert "per delivered message tracked for opens/clicks" in table[-1]


def test_json_carries_every_figure_and_the_rows(cli, world) -> None:
    result = cli("stats", world.campaign, "--by", "account", "--json")
    assert result.code == 0, result.stderr
    payload = result.json
    assert payload["total"]["sent"] == 8 and payload["total"]["opened"] == 3
    assert payload["rates_against"]["open_rate"] == "delivered messages tracked for opens"
    rows = {row["account"]: row for row in payload["rows"]}
    assert rows[world.acc1]["replied"] == 1 and rows[world.acc2]["replied"] == 1
    assert rows[world.acc2]["rates"]["open_rate"] == 0.0  # 2 tracked, none opened


def test_a_period_and_the_daily_breakdown(cli, world) -> None:
    last = (world.day0 + timedelta(days=3)).isoformat()
    result = cli("stats", world.campaign, "--from", last, "--to", last, "--json")
    assert result.code == 0, result.stderr
    assert (result.json["total"]["sent"], result.json["from"]) == (2, last)
    daily = cli("stats", world.campaign, "--by", "day")
    assert daily.code == 0, daily.stderr
    assert world.day0.isoformat() in daily.stdout and last in daily.stdout


def test_links_and_every_campaign(cli, world) -> None:
    links = cli("stats", world.campaign, "--by", "link")
    assert links.code == 0, links.stderr
    assert "https://startup.io/pricing" in links.stdout and "MACHINE CLICKS" in links.stdout
    everything = cli("stats")
    assert everything.code == 0, everything.stderr
    rows = everything.stdout.splitlines()
    assert rows[0].startswith("ID") and "REPLY RATE" in rows[0]
    assert rows[1].split()[0] == str(world.campaign)  # ranked by reply rate


def test_export_writes_a_csv(cli, world, tmp_path) -> None:
    target = tmp_path / "out.csv"
    result = cli("stats", "export", world.campaign, target)
    assert result.code == 0, result.stderr
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert result.stdout.strip() == f"wrote {len(rows)} rows to {target}"
    assert rows[0]["by"] == "total" and rows[0]["sent"] == "8"


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (("999",), "no campaign with id 999", 1),
        (("{campaign}", "--from", "2031-13-01"), "--from: expected a date as YYYY-MM-DD", 1),
        (("{campaign}", "--from", "{later}", "--to", "{day0}"), "is after", 1),
        (("--by", "step"), "--by needs a CAMPAIGN_ID", 1),
        (("{campaign}", "--by", "week"), "invalid choice", 2),
        (("export", "{campaign}"), "stats export needs CAMPAIGN_ID and FILE", 2),
        (("{campaign}", "{campaign}"), "one CAMPAIGN_ID at most", 2),
    ],
)
@pytest.mark.parametrize("json_mode", [False, True])
def test_bad_input_is_one_line(cli, world, args, message, code, json_mode) -> None:
    values = {
        "campaign": world.campaign,
        "day0": world.day0.isoformat(),
        "later": (world.day0 + timedelta(days=2)).isoformat(),
    }
    argv = [arg.format(**values) for arg in args] + (["--json"] if json_mode else [])
    error = assert_refused(cli("stats", *argv), json_mode=json_mode, code=code)
    assert message in error


def test_export_into_a_missing_folder_is_refused(cli, world, tmp_path) -> None:
    result = cli("stats", "export", world.campaign, tmp_path / "nowhere" / "out.csv")
    assert message_in(assert_refused(result), "cannot write")


def message_in(error: str, part: str) -> bool:
    return part in error
