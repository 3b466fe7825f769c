"""The plan's gates on the command line: drafting is free, starting needs the plan."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.cli.helpers import assert_refused, write_json
from tests.ops.test_licence import trusted_key, write_licence


@pytest.fixture
def install(cli, tmp_path, monkeypatch):
    """Install a licence of a plan through `fluenzr licence install`."""
    key = trusted_key(tmp_path, monkeypatch)

    def run(plan: str) -> None:
        today = datetime.now(UTC).date()
        file = write_licence(tmp_path / f"{plan}.json", key, plan, issued=today)
        result = cli("licence", "install", file)
        assert result.code == 0, result.stderr

    return run


def status_of(cli, campaign_id) -> str:
    return cli("campaign", "show", campaign_id, "--json").json["status"]


@pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])
def test_condition_nodes_are_drafted_on_free_and_started_only_on_pro(
    cli, campaign_id, install, json_mode
):
    # The sample document has a Condition node: it validates and previews on Free…
    assert cli("campaign", "validate", campaign_id).code == 0
    extra = ["--json"] if json_mode else []
    error = assert_refused(cli("campaign", "activate", campaign_id, *extra), json_mode=json_mode)
    assert error.endswith("Condition nodes need the Pro plan")
    assert status_of(cli, campaign_id) == "draft"
    install("starter")  # Starter does not lift it
    error = assert_refused(cli("campaign", "activate", campaign_id))
    assert error.endswith("Condition nodes need the Pro plan")
    install("pro")
    assert cli("campaign", "activate", campaign_id).code == 0
    assert status_of(cli, campaign_id) == "active"


def test_ab_variants_need_starter(cli, account_id, tmp_path, install):
    document = {
        "version": 1,
        "nodes": [
            {"id": "start", "type": "start"},
            {
                "id": "e1",
                "type": "email",
                "subject": "Hello",
                "body": "Hi",
                "variants": [{"id": "A"}, {"id": "B", "subject": "Another idea"}],
            },
            {"id": "end", "type": "end"},
        ],
        "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
    }
    created = cli("campaign", "create", "--name", "AB", "--from-file",
                  write_json(tmp_path / "ab.json", document), "--account", str(account_id),
                  "--json")  # fmt: skip
    assert created.code == 0, created.stderr
    campaign_id = created.json["id"]
    error = assert_refused(cli("campaign", "activate", campaign_id))
    assert error.endswith("A/B variants need Starter")
    install("starter")
    assert cli("campaign", "activate", campaign_id).code == 0
