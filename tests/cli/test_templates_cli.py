"""`fluenzr campaign templates` and `campaign create --template`: a campaign in one command."""

from __future__ import annotations

from tests.cli.helpers import assert_refused


def test_templates_lists_each_sequence_with_its_emails(cli):
    text = cli("campaign", "templates")
    french = cli("campaign", "templates", "--language", "fr", "--json")

    assert text.code == 0, text.stderr
    assert "cold-outreach" in text.stdout and "3-step cold outreach" in text.stdout
    ids = [template["id"] for template in french.json]
    assert ids[:3] == ["cold-outreach", "meeting-follow-up", "re-engage"]
    first = french.json[0]
    assert first["name"] == "Prospection à froid en 3 étapes" and first["steps"] == 3
    assert first["description"]


def test_a_template_becomes_a_campaign_ready_to_activate(cli, account_id):
    created = cli(
        "campaign", "create", "--template", "meeting-follow-up", "--language", "fr",
        "--account", str(account_id), "--json",
    )  # fmt: skip

    assert created.code == 0, created.stderr
    assert created.json["problems"] == 0
    campaign = str(created.json["id"])
    listed = cli("campaign", "list", "--json").json
    assert [row["name"] for row in listed] == ["Suivi après un rendez-vous"]
    validated = cli("campaign", "validate", campaign, "--json").json
    assert validated == {"problems": [], "warnings": []}
    named = cli("campaign", "create", "--template", "re-engage", "--name", "Q1 leads", "--json")
    assert named.code == 0 and cli("campaign", "show", str(named.json["id"])).stdout.startswith(
        f"campaign {named.json['id']}: Q1 leads"
    )


def test_an_unknown_template_or_a_file_without_a_name_is_refused_in_one_line(cli, tmp_path):
    message = assert_refused(
        cli("campaign", "create", "--template", "cold", "--json"), json_mode=True
    )
    assert "cold-outreach" in message

    assert "--name" in assert_refused(cli("campaign", "create", "--from-file", tmp_path / "x.json"))
    assert cli("campaign", "list", "--json").json == []
