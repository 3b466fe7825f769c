"""A field this version does not know is a warning: kept, reported, never blocking."""

from __future__ import annotations

import copy
import json

import pytest

from .helpers import SAMPLE_DOCUMENT

# Condition nodes need the Pro plan: these tests are about the sequence, not the plan.
pytestmark = pytest.mark.usefixtures("pro_workspace")


def test_unknown_node_field_is_a_warning_and_activation_goes_ahead(cli, tmp_path, account_id):
    document = copy.deepcopy(SAMPLE_DOCUMENT)
    document["settings"]["account"] = account_id
    document["nodes"][1]["color"] = "teal"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    campaign_id = cli("campaign", "create", "--name", "C", "--from-file", path, "--json").json["id"]

    result = cli("campaign", "validate", str(campaign_id), "--json")
    assert result.code == 0
    assert result.json["problems"] == []
    assert result.json["warnings"] == [
        {"node": "e1", "field": "color", "message": "unknown field 'color' on an email node",
         "severity": "warning", "code": "unknown_field",
         "params": {"name": "color", "type": "email"}}
    ]  # fmt: skip
    text = cli("campaign", "validate", str(campaign_id))
    assert "warning: node e1, color" in text.stdout
    assert cli("campaign", "activate", str(campaign_id)).code == 0
    exported = json.loads(cli("campaign", "export", str(campaign_id)).stdout)
    assert exported["nodes"][1]["color"] == "teal"
