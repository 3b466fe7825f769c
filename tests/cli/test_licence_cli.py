"""`fluenzr licence install FILE` and `fluenzr licence show`, end to end.

The command runs on the real clock: licence dates are relative to today (UTC).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.helpers import assert_refused
from tests.ops.test_licence import (
    MINT_SCRIPT,
    LicenceKey,
    make_key,
    trusted_key,
    write_licence,
)


@pytest.fixture
def licence_key(tmp_path, monkeypatch) -> LicenceKey:
    return trusted_key(tmp_path, monkeypatch)


def utc_today():
    return datetime.now(UTC).date()


def test_show_without_a_licence_says_free_and_its_limit(cli):
    shown = cli("licence", "show")

    assert shown.code == 0, shown.stderr
    assert shown.stdout.splitlines() == [
        "plan: Free",
        "licence: none (fluenzr licence install FILE)",
        "limit: 50 emails a day across the workspace",
    ]
    assert cli("licence", "show", "--json").json == {
        "plan": "free",
        "features": ["analytics"],
        "expired": False,
        "licence": None,
        "problem": None,
    }


@pytest.mark.parametrize(
    ("plan", "name", "features"),
    [
        ("free", "Free", ["analytics"]),
        ("starter", "Starter", ["ab_tests", "analytics"]),
        ("pro", "Pro", ["ab_tests", "analytics", "api", "conditions", "webhooks"]),
    ],
)
def test_install_then_show_each_plan(cli, licence_key, tmp_path, plan, name, features):
    today = utc_today()
    expires = today + timedelta(days=365)
    file = write_licence(tmp_path / "licence.json", licence_key, plan, issued=today,
                         expires=expires)  # fmt: skip

    installed = cli("licence", "install", file)

    assert installed.code == 0, installed.stderr
    assert installed.stdout.strip() == f"licence installed: {name}, licensed to Acme SAS"
    shown = cli("licence", "show")
    assert shown.stdout.splitlines()[:7] == [
        f"plan: {name}",
        f"licence plan: {name}",
        "licensee: Acme SAS",
        "email: ann@acme.io",
        f"issued: {today.isoformat()}",
        f"expires: {expires.isoformat()}",
        f"features: {', '.join(features) or 'none'}",
    ]
    as_json = cli("licence", "show", "--json").json
    assert (as_json["plan"], as_json["features"], as_json["expired"]) == (plan, features, False)
    assert as_json["licence"]["licensee"] == "Acme SAS"


def test_a_licence_without_end_shows_expires_none(cli, licence_key, tmp_path):
    file = write_licence(tmp_path / "licence.json", licence_key, "pro", issued=utc_today())
    assert cli("licence", "install", file).code == 0
    assert "expires: none" in cli("licence", "show").stdout.splitlines()


def test_an_expired_licence_installs_and_shows_free_with_the_day_it_ended(
    cli, licence_key, tmp_path
):
    today = utc_today()
    ended = today - timedelta(days=2)
    file = write_licence(tmp_path / "licence.json", licence_key, "pro",
                         issued=today - timedelta(days=400), expires=ended)  # fmt: skip

    installed = cli("licence", "install", file)

    assert installed.code == 0, installed.stderr
    assert installed.stdout.strip() == (
        f"licence installed: Free (the Pro licence of Acme SAS expired on {ended.isoformat()})"
    )
    shown = cli("licence", "show").stdout.splitlines()
    assert shown[0] == "plan: Free"
    assert (
        f"expired on {ended.isoformat()}: the Free plan applies until a new licence is "
        "installed (fluenzr licence install FILE)"
    ) in shown
    as_json = cli("licence", "show", "--json").json
    assert (as_json["plan"], as_json["expired"], as_json["licence"]["plan"]) == (
        "free",
        True,
        "pro",
    )


def test_a_tampered_licence_is_refused_in_one_line_and_nothing_changes(cli, licence_key, tmp_path):
    file = write_licence(tmp_path / "licence.json", licence_key, "starter", issued=utc_today())
    document = json.loads(file.read_text(encoding="utf-8"))
    document["licence"]["licensee"] = "Someone Else"
    file.write_text(json.dumps(document, indent=2), encoding="utf-8")

    error = assert_refused(cli("licence", "install", file))

    assert error == (
        f"fluenzr: error: {file}: the signature does not match — this file was altered "
        "or not issued for FluenzR"
    )
    assert cli("licence", "show", "--json").json["plan"] == "free"
    as_json = cli("licence", "install", file, "--json")
    assert "the signature does not match" in assert_refused(as_json, json_mode=True)


def test_a_licence_for_another_key_is_refused(cli, licence_key, tmp_path):
    file = write_licence(tmp_path / "licence.json", make_key(tmp_path, "other"), "pro",
                         issued=utc_today())  # fmt: skip
    assert "the signature does not match" in assert_refused(cli("licence", "install", file))
    assert cli("licence", "show", "--json").json["licence"] is None


def test_malformed_or_missing_files_are_refused_naming_them(cli, licence_key, tmp_path):
    broken = tmp_path / "licence.json"
    broken.write_text('{"licence": ', encoding="utf-8")
    error = assert_refused(cli("licence", "install", broken))
    assert error.startswith(f"fluenzr: error: {broken}: not a FluenzR licence (not JSON")
    missing = assert_refused(cli("licence", "install", tmp_path / "nowhere.json"))
    assert missing == f"fluenzr: error: {tmp_path / 'nowhere.json'}: no such file"


def test_a_file_from_mint_installs(cli, licence_key, tmp_path):
    import subprocess
    import sys

    output = tmp_path / "acme.licence.json"
    completed = subprocess.run(
        [sys.executable, str(MINT_SCRIPT), "--private-key", str(licence_key.pem_file),
         "--plan", "pro", "--to", "Acme SAS", "--email", "ann@acme.io", "-o", str(output)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr

    assert cli("licence", "install", output).code == 0
    assert cli("licence", "show", "--json").json["plan"] == "pro"
