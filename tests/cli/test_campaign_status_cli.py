"""`fluenzr campaign activate|pause|resume|archive`: the campaign state machine, end to end."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_refused, broken_document, write_csv, write_json

# Condition nodes need the Pro plan: these tests are about the sequence, not the plan.
pytestmark = pytest.mark.usefixtures("pro_workspace")


def status_of(cli, campaign_id) -> str:
    return cli("campaign", "show", campaign_id, "--json").json["status"]


def test_a_campaign_goes_through_its_whole_life(cli, campaign_id):
    for verb, expected in [
        ("activate", "active"),
        ("pause", "paused"),
        ("resume", "active"),
        ("pause", "paused"),
        ("archive", "archived"),
    ]:
        result = cli("campaign", verb, campaign_id, "--json")
        assert result.code == 0, (verb, result.stderr)
        assert result.json == {"id": campaign_id, "status": expected}
        assert status_of(cli, campaign_id) == expected


def test_status_change_text_output(cli, campaign_id):
    result = cli("campaign", "activate", campaign_id)

    assert result.code == 0
    assert result.stdout.strip() == f"campaign {campaign_id} is now active"


def test_a_draft_can_be_archived(cli, campaign_id):
    assert cli("campaign", "archive", campaign_id).code == 0
    assert status_of(cli, campaign_id) == "archived"


# (verbs that bring the campaign to its starting status, the illegal verb, its status after)
ILLEGAL = [
    ([], "resume", "draft"),
    ([], "pause", "draft"),
    (["activate"], "activate", "active"),
    (["activate"], "resume", "active"),
    (["activate"], "archive", "active"),
    (["activate", "pause"], "activate", "paused"),
    (["activate", "pause"], "pause", "paused"),
    (["archive"], "activate", "archived"),
    (["archive"], "resume", "archived"),
    (["archive"], "archive", "archived"),
    (["activate", "pause", "archive"], "resume", "archived"),
]


@pytest.mark.parametrize(("path", "verb", "status"), ILLEGAL)
@pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])
def test_an_illegal_transition_is_refused_in_one_line(
    cli, campaign_id, path, verb, status, json_mode
):
    for step in path:
        assert cli("campaign", step, campaign_id).code == 0
    assert status_of(cli, campaign_id) == status

    result = cli("campaign", verb, campaign_id, *(["--json"] if json_mode else []))

    assert_refused(result, json_mode=json_mode)
    assert status_of(cli, campaign_id) == status


def test_resume_on_a_draft_points_to_activate(cli, campaign_id):
    message = assert_refused(cli("campaign", "resume", campaign_id))
    assert "activate" in message


def test_archive_of_an_active_campaign_says_to_pause_first(cli, campaign_id):
    cli("campaign", "activate", campaign_id)
    message = assert_refused(cli("campaign", "archive", campaign_id))
    assert "pause" in message


def test_activation_of_a_document_with_problems_is_refused_with_the_list(cli, tmp_path, account_id):
    path = write_json(tmp_path / "broken.json", broken_document())
    campaign_id = cli("campaign", "create", "--name", "WIP", "--from-file", path,
                      "--account", str(account_id), "--json").json["id"]  # fmt: skip

    result = cli("campaign", "activate", campaign_id, "--json")

    assert result.code == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.startswith("fluenzr")
    assert len(result.stderr.splitlines()) == 1  # with --json the problems are on stdout
    payload = result.json
    assert set(payload) == {"error", "problems"}
    assert str(campaign_id) in payload["error"]
    assert {(p["node"], p["field"]) for p in payload["problems"]} == {
        ("e1", "subject"),
        ("c1", "edges"),
    }
    assert all(p["message"] for p in payload["problems"])
    assert status_of(cli, campaign_id) == "draft"


def test_refused_activation_in_text_mode_lists_problems_after_the_error_line(
    cli, tmp_path, account_id
):
    path = write_json(tmp_path / "broken.json", broken_document())
    campaign_id = cli("campaign", "create", "--name", "WIP", "--from-file", path,
                      "--account", str(account_id), "--json").json["id"]  # fmt: skip

    result = cli("campaign", "activate", campaign_id)

    assert result.code == 1
    assert result.stdout == ""
    first, *details = result.stderr.splitlines()
    assert first.startswith("fluenzr: error:")
    assert "2 problems" in first
    assert len(details) == 2
    assert any("node e1" in line for line in details)
    assert any("node c1" in line for line in details)
    assert "Traceback" not in result.stderr
    assert status_of(cli, campaign_id) == "draft"


def test_contacts_enrolled_in_a_draft_stay_after_activation(cli, campaign_id, contacts):
    cli("campaign", "enroll", campaign_id, "--all")

    assert cli("campaign", "activate", campaign_id).code == 0

    shown = cli("campaign", "show", campaign_id, "--json").json
    assert shown["status"] == "active"
    assert shown["enrollments"] == 3
    # an active campaign still takes new contacts
    cli("contacts", "import", write_csv(contacts.parent / "late.csv", "email\nlate@corp.com\n"))
    enrolled = cli("campaign", "enroll", campaign_id, "--email", "late@corp.com", "--json")
    assert enrolled.json == {"enrolled": 1, "skipped": [], "skipped_by": {}}
