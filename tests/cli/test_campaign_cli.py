"""`fluenzr campaign create|list|show|export|validate|preview|enroll`, end to end."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import (
    add_suppression,
    assert_refused,
    broken_document,
    sample_document,
    write_csv,
    write_json,
)

ENROLLMENT_STATES = {"added", "in_progress", "replied", "completed", "unsubscribed", "error"}


def create(cli, tmp_path, document, name="Launch", account: int | None = None) -> int:
    path = write_json(tmp_path / f"{name}.json", document)
    chosen = ["--account", str(account)] if account is not None else []
    result = cli("campaign", "create", "--name", name, "--from-file", path, *chosen, "--json")
    assert result.code == 0, result.stderr
    return result.json["id"]


# --- create, list, show -------------------------------------------------------------------


def test_create_prints_the_new_id_and_makes_a_draft(cli, sample_file):
    result = cli(
        "campaign", "create", "--name", "Q3 outreach", "--from-file", sample_file, "--json"
    )

    assert result.code == 0, result.stderr
    campaign_id = result.json["id"]
    assert isinstance(campaign_id, int)
    shown = cli("campaign", "show", campaign_id, "--json").json
    assert (shown["id"], shown["name"], shown["status"]) == (campaign_id, "Q3 outreach", "draft")


def test_create_text_output_names_the_campaign(cli, sample_file, account_id):
    result = cli("campaign", "create", "--name", "Q3", "--from-file", sample_file,
                 "--account", str(account_id))  # fmt: skip

    assert result.code == 0
    assert result.stdout.strip() == "campaign 1 created (draft)"


def test_create_without_an_account_says_it_needs_one(cli, sample_file):
    result = cli("campaign", "create", "--name", "Q3", "--from-file", sample_file)

    assert result.code == 0
    assert "1 problem(s) to fix before activation" in result.stdout
    problems = cli("campaign", "validate", "1", "--json").json["problems"]
    assert problems == [{"node": None, "field": "settings.account", "code": "no_account",
                         "params": {},
                         "message": "no sending account is chosen for this campaign"}]  # fmt: skip


def test_create_accepts_a_document_with_problems_and_says_so(cli, tmp_path, account_id):
    path = write_json(tmp_path / "broken.json", broken_document())

    result = cli("campaign", "create", "--name", "WIP", "--from-file", path,
                 "--account", str(account_id))  # fmt: skip

    assert result.code == 0, result.stderr
    assert "created (draft)" in result.stdout
    assert "2 problem(s)" in result.stdout


def test_each_campaign_gets_its_own_id_and_list_shows_them(cli, tmp_path):
    first = create(cli, tmp_path, sample_document(), "First")
    second = create(cli, tmp_path, broken_document(), "Second")

    listing = cli("campaign", "list", "--json").json

    assert first != second
    assert [(c["id"], c["name"], c["status"]) for c in listing] == [
        (first, "First", "draft"),
        (second, "Second", "draft"),
    ]
    assert all(c["enrollments"] == 0 for c in listing)
    text = cli("campaign", "list").stdout.splitlines()
    assert text[0].split() == ["ID", "NAME", "STATUS", "CONTACTS"]
    assert text[1].split() == [str(first), "First", "draft", "0"]


def test_list_on_an_empty_workspace(cli):
    assert cli("campaign", "list", "--json").json == []
    assert cli("campaign", "list").stdout.strip() == "no campaigns"


def test_show_gives_status_settings_and_every_enrollment_state(cli, campaign_id, contacts):
    cli("campaign", "enroll", campaign_id, "--email", "ann@acme.com", "--email", "bob@globex.com")

    result = cli("campaign", "show", campaign_id, "--json")

    assert result.code == 0, result.stderr
    shown = result.json
    assert shown["status"] == "draft"
    assert shown["settings"]["timezone"] == "Europe/Paris"
    assert shown["settings"]["daily_cap"] == 50
    assert shown["settings"]["window"] == sample_document()["settings"]["window"]
    assert set(shown["counts"]) == ENROLLMENT_STATES
    assert shown["counts"]["added"] == 2
    assert sum(shown["counts"].values()) == 2


def test_show_fills_settings_a_document_leaves_out(cli, tmp_path):
    document = sample_document()
    document["settings"] = {"timezone": "America/New_York"}
    campaign_id = create(cli, tmp_path, document)

    settings = cli("campaign", "show", campaign_id, "--json").json["settings"]

    assert settings["timezone"] == "America/New_York"
    assert {"window", "gap_seconds", "daily_cap", "stop_on_reply"} <= set(settings)


def test_show_text_output(cli, campaign_id):
    result = cli("campaign", "show", campaign_id)

    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"campaign {campaign_id}: Sample"
    assert "status: draft" in lines
    contacts_line = next(line for line in lines if line.startswith("contacts:"))
    for state in ENROLLMENT_STATES:
        assert f"{state} 0" in contacts_line


# --- export -------------------------------------------------------------------------------


def test_export_gives_back_the_document_with_unknown_fields_kept(cli, tmp_path):
    document = sample_document()
    document["x-canvas"] = {"zoom": 1.5, "theme": "dark"}
    document["settings"]["x-tracking"] = {"pixel": False}
    document["nodes"][1]["note"] = "A/B later"
    document["nodes"][2]["colour"] = "#ff0"
    document["edges"][0]["label"] = "go"
    campaign_id = create(cli, tmp_path, document)

    as_json = cli("campaign", "export", campaign_id, "--json")
    as_text = cli("campaign", "export", campaign_id)

    assert as_json.code == 0 and as_text.code == 0
    assert json.loads(as_json.stdout) == document
    assert json.loads(as_text.stdout) == document
    # the exported document can create an identical campaign
    again = write_csv(tmp_path / "exported.json", as_text.stdout)
    result = cli("campaign", "create", "--name", "Copy", "--from-file", again, "--json")
    assert json.loads(cli("campaign", "export", result.json["id"]).stdout) == document


# --- validate -----------------------------------------------------------------------------


def test_validate_a_valid_document_exits_0(cli, campaign_id):
    as_json = cli("campaign", "validate", campaign_id, "--json")
    as_text = cli("campaign", "validate", campaign_id)

    assert as_json.code == 0 and as_json.json == {"problems": [], "warnings": []}
    assert as_text.code == 0
    assert "no problems" in as_text.stdout


def test_validate_lists_the_problems_and_exits_1(cli, tmp_path, account_id):
    campaign_id = create(cli, tmp_path, broken_document(), account=account_id)

    as_json = cli("campaign", "validate", campaign_id, "--json")
    as_text = cli("campaign", "validate", campaign_id)

    assert as_json.code == 1
    problems = as_json.json["problems"]
    assert {(p["node"], p["field"]) for p in problems} == {("e1", "subject"), ("c1", "edges")}
    assert all(p["message"] for p in problems)
    assert as_text.code == 1
    assert "Traceback" not in as_text.stderr
    assert "node e1" in as_text.stdout and "node c1" in as_text.stdout


def test_validate_reports_unknown_node_types_without_crashing(cli, tmp_path):
    document = sample_document()
    document["nodes"].append({"id": "t1", "type": "teleport"})
    document["edges"].append({"from": "t1", "to": "end"})
    campaign_id = create(cli, tmp_path, document)

    result = cli("campaign", "validate", campaign_id, "--json")

    assert result.code == 1
    assert any(p["node"] == "t1" and "teleport" in p["message"] for p in result.json["problems"])


# --- preview ------------------------------------------------------------------------------


def preview_document() -> dict:
    document = sample_document()
    document["nodes"] = [
        {"id": "start", "type": "start"},
        {
            "id": "e1",
            "type": "email",
            "subject": "Hello {{ firstName }} from {{ company }}",
            "body": "Hi {{ firstName | default('there') }}, {{ LinkedIn }} / {{ lastName }}",
        },
        {"id": "d1", "type": "delay", "amount": 2, "unit": "days"},
        {"id": "e2", "type": "email", "subject": "", "body": "<p>Still at {{ company }}?</p>"},
        {"id": "end", "type": "end"},
    ]
    document["edges"] = [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "d1"},
        {"from": "d1", "to": "e2"},
        {"from": "e2", "to": "end"},
    ]
    return document


def test_preview_renders_every_email_for_the_contact(cli, tmp_path, contacts):
    campaign_id = create(cli, tmp_path, preview_document())

    result = cli("campaign", "preview", campaign_id, "--contact", "ANN@acme.com", "--json")

    assert result.code == 0, result.stderr
    preview = result.json
    assert preview["contact"] == "ann@acme.com"
    first, second = preview["emails"]
    assert first["node"] == "e1"
    assert first["subject"] == "Hello Ann from Acme"
    assert first["body"] == "Hi Ann, https://linkedin.com/ann / Lee"
    assert first["missing"] == []
    assert second["node"] == "e2"
    assert second["subject"] == "Re: Hello Ann from Acme"
    assert second["body"] == "<p>Still at Acme?</p>"


def test_preview_lists_missing_variables_and_uses_fallbacks(cli, tmp_path, contacts):
    campaign_id = create(cli, tmp_path, preview_document())

    # Carol has no last name and no LinkedIn; her first name is there
    result = cli("campaign", "preview", campaign_id, "--contact", "carol@initech.com", "--json")

    first = result.json["emails"][0]
    assert sorted(first["missing"]) == ["LinkedIn", "lastName"]
    # with a fallback, a missing first name is not reported
    no_name = write_csv(tmp_path / "noname.csv", "email\nanon@corp.com\n")
    cli("contacts", "import", no_name)
    anon = cli("campaign", "preview", campaign_id, "--contact", "anon@corp.com", "--json").json
    assert anon["emails"][0]["body"].startswith("Hi there,")
    assert "firstName" in anon["emails"][0]["missing"]  # still missing from the subject
    assert "company" in anon["emails"][1]["missing"]


def test_preview_renders_contact_values_literally(cli, tmp_path, contacts):
    campaign_id = create(cli, tmp_path, preview_document())

    result = cli("campaign", "preview", campaign_id, "--contact", "carol@initech.com", "--json")

    first, second = result.json["emails"]
    assert first["subject"] == "Hello Carol from {{ 7*7 }}"
    assert "49" not in first["subject"]
    assert "{{ 7*7 }}" in second["body"]
    assert "49" not in second["body"]


def test_preview_escapes_contact_values_in_html_bodies(cli, tmp_path):
    source = write_csv(
        tmp_path / "x.csv", 'email,company\nx@corp.com,"<script>alert(1)</script>"\n'
    )
    cli("contacts", "import", source)
    campaign_id = create(cli, tmp_path, preview_document())

    result = cli("campaign", "preview", campaign_id, "--contact", "x@corp.com", "--json")

    body = result.json["emails"][1]["body"]
    assert "<script>" not in body
    assert "&lt;script&gt;" in body


def test_preview_text_output(cli, campaign_id, contacts):
    result = cli("campaign", "preview", campaign_id, "--contact", "bob@globex.com")

    assert result.code == 0, result.stderr
    assert "Subject: Quick question, Bob" in result.stdout
    assert "Hi Bob, ..." in result.stdout
    assert "Missing" not in result.stdout


# --- enroll -------------------------------------------------------------------------------


def test_enroll_by_email_skips_unknown_addresses_with_a_reason(cli, campaign_id, contacts):
    result = cli(
        "campaign",
        "enroll",
        campaign_id,
        "--email",
        "Ann@Acme.com",
        "--email",
        "ghost@nowhere.com",
        "--json",
    )

    assert result.code == 0, result.stderr
    assert list(result.json) == ["enrolled", "skipped", "skipped_by"]
    assert result.json["skipped_by"] == {"no such contact": 1}
    assert result.json["enrolled"] == 1
    [skipped] = result.json["skipped"]
    assert skipped["email"] == "ghost@nowhere.com"
    assert skipped["reason"]
    assert cli("campaign", "show", campaign_id, "--json").json["counts"]["added"] == 1


def test_enroll_all_then_again_skips_contacts_already_in(cli, campaign_id, contacts):
    first = cli("campaign", "enroll", campaign_id, "--all", "--json").json
    second = cli("campaign", "enroll", campaign_id, "--all", "--json").json

    assert first == {"enrolled": 3, "skipped": [], "skipped_by": {}}
    assert second["skipped_by"] == {"already in this campaign": 3}
    assert second["enrolled"] == 0
    assert sorted(s["email"] for s in second["skipped"]) == [
        "ann@acme.com",
        "bob@globex.com",
        "carol@initech.com",
    ]
    assert all("already" in s["reason"] for s in second["skipped"])
    counts = cli("campaign", "show", campaign_id, "--json").json["counts"]
    assert counts["added"] == 3


def test_enroll_by_tag_takes_only_tagged_contacts(cli, campaign_id, contacts):
    result = cli("campaign", "enroll", campaign_id, "--tag", "fr", "--json")

    assert result.json == {"enrolled": 2, "skipped": [], "skipped_by": {}}
    assert cli("campaign", "enroll", campaign_id, "--tag", "nope", "--json").json == {
        "enrolled": 0,
        "skipped": [],
        "skipped_by": {},
    }
    # Carol (no tag) can still be added afterwards
    assert cli("campaign", "enroll", campaign_id, "--all", "--json").json["enrolled"] == 1


def test_enroll_skips_suppressed_addresses_and_domains(cli, campaign_id, contacts, workspace_dir):
    add_suppression(workspace_dir, "ann@acme.com", reason="hard bounce")
    add_suppression(workspace_dir, "globex.com", kind="domain", reason="asked")

    result = cli("campaign", "enroll", campaign_id, "--all", "--json")

    assert result.json["enrolled"] == 1
    reasons = {s["email"]: s["reason"] for s in result.json["skipped"]}
    assert set(reasons) == {"ann@acme.com", "bob@globex.com"}
    assert "suppressed" in reasons["ann@acme.com"]
    assert "suppressed" in reasons["bob@globex.com"]
    assert "globex.com" in reasons["bob@globex.com"]
    assert result.json["skipped_by"] == {"bounced": 1, "suppressed": 1}
    text = cli("campaign", "enroll", campaign_id, "--all").stdout.splitlines()[0]
    assert text == "0 enrolled, 3 skipped: 1 bounced, 1 suppressed, 1 already in this campaign"
    counts = cli("campaign", "show", campaign_id, "--json").json["counts"]
    assert counts["added"] == 1


def test_enroll_text_output_lists_each_skip(cli, campaign_id, contacts, workspace_dir):
    add_suppression(workspace_dir, "bob@globex.com")

    result = cli(
        "campaign", "enroll", campaign_id, "--email", "bob@globex.com", "--email", "a@b.com"
    )

    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "0 enrolled, 2 skipped: 1 no such contact, 1 suppressed"
    assert any(line.strip().startswith("bob@globex.com: suppressed") for line in lines)
    assert any(line.strip().startswith("a@b.com:") for line in lines)


def test_enroll_into_an_archived_campaign_is_refused(cli, campaign_id, contacts):
    assert cli("campaign", "archive", campaign_id).code == 0

    result = cli("campaign", "enroll", campaign_id, "--all", "--json")

    assert "archived" in assert_refused(result, json_mode=True)


@pytest.mark.parametrize("who", [[], ["--all", "--tag", "fr"]])
def test_enroll_needs_exactly_one_way_to_choose_contacts(cli, campaign_id, who):
    result = cli("campaign", "enroll", campaign_id, *who)

    assert_refused(result, code=2)


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "campaign", "list"],
        ["campaign", "--json", "list"],
        ["campaign", "list", "--json"],
    ],
    ids=["before the group", "before the verb", "after the verb"],
)
def test_json_option_is_accepted_anywhere(cli, campaign_id, args):
    result = cli(*args)

    assert result.code == 0, result.stderr
    assert [c["id"] for c in result.json] == [campaign_id]
