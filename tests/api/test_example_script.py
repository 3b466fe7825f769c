"""docs/api/examples/enroll_and_watch.py, run as a user would against a real API server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fluenzr_desktop.api.server import ApiServer
from fluenzr_desktop.ops.api_access import api_token
from fluenzr_desktop.ops.campaigns import create_campaign, list_enrollments
from fluenzr_desktop.ops.contacts import load_contact
from tests.cli.helpers import sample_document

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "api" / "examples" / "enroll_and_watch.py"


@pytest.fixture
def server(api_workspace):
    """The workspace's API on a free loopback port."""
    running = ApiServer(api_workspace, port=0)
    running.start()
    yield running
    running.stop()


def _run(server, token: str, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCRIPT), "--url", server.url, "--token", token, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_script_adds_a_contact_enrolls_it_and_prints_its_state(server, api_workspace):
    campaign_id = create_campaign(api_workspace, "Launch", sample_document()).id
    token = api_token(api_workspace)
    args = ("--campaign", str(campaign_id), "--email", "Ann@Acme.io", "--first-name", "Ann")

    first = _run(server, token, *args)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    contact_id = int(lines[0].removeprefix("contact ").split(":")[0])
    assert lines == [
        f"contact {contact_id}: ann@acme.io",
        "enrolled: 1",
        "state: added",
        "next action: -",
    ]
    values, _tags = load_contact(api_workspace, contact_id)
    assert (values["email"], values["first_name"]) == ("ann@acme.io", "Ann")
    assert [(row.email, row.state) for row in list_enrollments(api_workspace, campaign_id)] == [
        ("ann@acme.io", "added")
    ]

    # Run again: the contact is found, not duplicated, and said to be in already.
    again = _run(server, token, *args)
    assert again.returncode == 0, again.stderr
    assert "skipped: already in this campaign" in again.stdout.splitlines()
    assert again.stdout.splitlines()[0] == f"contact {contact_id}: ann@acme.io"
    assert "state: added" in again.stdout.splitlines()
    assert len(list_enrollments(api_workspace, campaign_id)) == 1
