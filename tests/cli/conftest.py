"""Fixtures of the end-to-end tests of the `fluenzr` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.workspace import open_workspace
from tests.cli.helpers import CONTACTS_CSV, sample_document, write_csv, write_json


@pytest.fixture
def contacts_csv(tmp_path) -> Path:
    """Three valid contacts: Ann (tags vip, fr), Bob (fr), Carol (company `{{ 7*7 }}`)."""
    return write_csv(tmp_path / "contacts.csv", CONTACTS_CSV)


@pytest.fixture
def sample_file(tmp_path) -> Path:
    return write_json(tmp_path / "sample.json", sample_document())


@pytest.fixture
def account_id(workspace_dir) -> int:
    """A sending account (a local relay without login: it needs no password)."""
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        return add_account(
            session, name="Relay", email="founder@startup.io", smtp_host="127.0.0.1",
            smtp_port=2525, smtp_security="none",
        ).id  # fmt: skip


@pytest.fixture
def campaign_id(cli, sample_file, account_id) -> int:
    """A draft campaign made from the valid sample document, sending through `account_id`."""
    result = cli("campaign", "create", "--name", "Sample", "--from-file", sample_file,
                 "--account", str(account_id), "--json")  # fmt: skip
    assert result.code == 0, result.stderr
    return result.json["id"]


@pytest.fixture
def contacts(cli, contacts_csv) -> Path:
    """The workspace holds the three contacts of CONTACTS_CSV."""
    result = cli("contacts", "import", contacts_csv, "--json")
    assert result.code == 0, result.stderr
    assert result.json["imported"] == 3
    return contacts_csv
