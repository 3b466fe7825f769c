"""The installed `fluenzr` console script, run as a real process (a handful of runs: ~0.5 s each)."""

from __future__ import annotations

import subprocess
import sys

from tests.cli.helpers import CONTACTS_CSV, assert_refused, write_csv
from tests.conftest import run_fluenzr


def test_fluenzr_workspace_variable_chooses_the_workspace(tmp_path):
    workspace = tmp_path / "from-env"
    source = write_csv(tmp_path / "contacts.csv", CONTACTS_CSV)
    env = {"FLUENZR_WORKSPACE": str(workspace)}

    imported = run_fluenzr("contacts", "import", source, "--json", env=env)
    listed = run_fluenzr("--json", "contacts", "list", "--tag", "vip", env=env)

    assert imported.code == 0, imported.stderr
    assert imported.json == {"imported": 3, "updated": 0, "skipped": 0, "errors": []}
    assert (workspace / "fluenzr.db").is_file()
    assert listed.code == 0, listed.stderr
    assert [contact["email"] for contact in listed.json] == ["ann@acme.com"]


def test_workspace_option_wins_over_the_variable_and_may_come_first(tmp_path):
    chosen, ignored = tmp_path / "chosen", tmp_path / "ignored"
    env = {"FLUENZR_WORKSPACE": str(ignored)}

    result = run_fluenzr(
        "--workspace", chosen, "--json", "settings", "set", "plan_daily_cap", "20", env=env
    )
    after_verb = run_fluenzr("settings", "get", "plan_daily_cap", "--workspace", chosen)

    assert result.code == 0, result.stderr
    assert result.json == {"plan_daily_cap": 20}
    assert (chosen / "fluenzr.db").is_file()
    assert not ignored.exists()
    assert after_verb.code == 0 and after_verb.stdout.strip() == "20"


def test_refused_input_exits_1_with_one_line_and_no_traceback(tmp_path):
    missing = tmp_path / "missing.csv"

    result = run_fluenzr("--json", "contacts", "import", missing, "--workspace", tmp_path / "w")

    assert "missing.csv" in assert_refused(result, json_mode=True)


def test_unknown_verb_exits_2_with_one_line(tmp_path):
    result = run_fluenzr("campaign", "launch", "1", "--workspace", tmp_path / "w")

    assert "launch" in assert_refused(result, code=2)


def test_an_internal_error_shows_no_traceback(tmp_path):
    """A bug met before the workspace's log is open must not print its traceback either."""
    workspace = tmp_path / "w"
    code = (
        "import sys; from fluenzr_desktop.cli import main; "
        "sys.exit(main(['campaign', 'create', '--name', 'x', '--from-file', 'a\\x00b', "
        f"'--workspace', {str(workspace)!r}]))"
    )

    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )

    assert completed.returncode == 70
    assert "Traceback" not in completed.stdout + completed.stderr
    assert completed.stderr.count("\n") == 1
    assert completed.stderr.startswith("fluenzr: error: internal error")
