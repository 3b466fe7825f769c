"""`fluenzr workspace check`, and every verb on an empty, damaged or read-only workspace.

Real files (truncated, overwritten) and real `fluenzr` processes: one line, exit 1,
never a traceback nor a new empty workspace in place of the user's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fluenzr_desktop.cli.workspace_cmd import PROBLEMS_SHOWN
from fluenzr_desktop.workspace import READ_ONLY_VARIABLE
from tests.cli.helpers import assert_refused, write_csv
from tests.conftest import run_fluenzr
from tests.store.test_workspace_safety import BACKUP_NAME, damaged_workspace, fill_workspace

MODES = pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])


def test_check_of_a_sound_workspace_says_ok_and_lists_its_backups(cli, workspace_dir):
    database = fill_workspace(workspace_dir, count=20)
    shutil.copy(database, workspace_dir / BACKUP_NAME)

    result = cli("workspace", "check")

    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{database}: ok"
    assert lines[1] == "backups beside it (1, newest first):"
    assert lines[2].startswith(f"  {BACKUP_NAME}  ") and lines[2].endswith(" KB")
    assert " UTC " in lines[2]
    assert "copy the backup over" in lines[3] and str(database) in lines[3]

    payload = cli("workspace", "check", "--json").json
    assert payload["ok"] is True and payload["problems"] == []
    assert payload["database"] == str(database)
    (backup,) = payload["backups"]
    assert backup["path"] == str(workspace_dir / BACKUP_NAME)
    assert backup["size"] == database.stat().st_size
    assert backup["modified"].endswith("Z")


def test_check_of_a_workspace_without_backups_says_so(cli, workspace_dir):
    fill_workspace(workspace_dir, count=5)
    result = cli("workspace", "check")
    assert result.code == 0
    assert result.stdout.splitlines()[1] == "no backup beside it (fluenzr.db.*.bak)"


def test_check_of_a_damaged_workspace_lists_problems_capped_and_exits_1(cli, workspace_dir):
    database = damaged_workspace(workspace_dir)

    result = cli("workspace", "check")

    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{database}: damaged"
    problems = [line for line in lines[1:] if line.startswith("  ") and "bak" not in line]
    assert len(problems) == PROBLEMS_SHOWN + 1
    assert problems[-1].startswith("  … and ") and "more" in problems[-1]
    assert any(BACKUP_NAME in line for line in lines)
    assert "Traceback" not in result.stdout + result.stderr

    payload = cli("workspace", "check", "--json").json
    assert payload["ok"] is False and len(payload["problems"]) > PROBLEMS_SHOWN


def test_check_of_an_empty_database_file_exits_1(cli, workspace_dir):
    workspace_dir.mkdir()
    (workspace_dir / "fluenzr.db").touch()
    result = cli("workspace", "check", "--json")
    assert result.code == 1
    assert result.json["problems"] == ["the file is empty (0 bytes)"]


@MODES
def test_check_of_a_folder_without_a_workspace_creates_nothing(cli, tmp_path, json_mode):
    missing = tmp_path / "nothing-here"
    result = cli("workspace", "check", *(["--json"] if json_mode else []), workspace=missing)
    assert "no workspace here" in assert_refused(result, json_mode=json_mode)
    assert not missing.exists()


@MODES
def test_a_verb_meeting_a_damaged_page_says_so_in_one_line(cli, workspace_dir, json_mode):
    database = damaged_workspace(workspace_dir)

    result = cli("contacts", "list", *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode)
    assert str(database) in message and "damaged" in message
    assert f"fluenzr workspace check --workspace {workspace_dir}" in message
    assert BACKUP_NAME in message
    assert "SELECT" not in message and "internal error" not in message


def test_real_processes_refuse_a_damaged_or_empty_workspace_in_one_line(workspace_dir, tmp_path):
    database = damaged_workspace(workspace_dir)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "fluenzr.db").touch()

    for root, verb, expected in (
        (workspace_dir, ["contacts", "list"], "damaged"),
        (workspace_dir, ["contacts", "export", tmp_path / "out.csv"], "damaged"),
        (empty, ["contacts", "list"], "empty (0 bytes"),
        (empty, ["engine", "run", "--once"], "empty (0 bytes"),
        (empty, ["settings", "list"], "empty (0 bytes"),
    ):
        result = run_fluenzr(*verb, "--workspace", root)
        message = assert_refused(result)
        assert expected in message, (verb, message)
    assert (empty / "fluenzr.db").stat().st_size == 0
    assert database.exists() and not (tmp_path / "out.csv").exists()


def test_a_read_only_workspace_reads_and_refuses_writes_in_one_line(workspace_dir, tmp_path):
    fill_workspace(workspace_dir, count=3)
    before = (workspace_dir / "fluenzr.db").read_bytes()
    read_only = {READ_ONLY_VARIABLE: "1"}

    listed = run_fluenzr("contacts", "list", "--workspace", workspace_dir, env=read_only)
    assert listed.code == 0, listed.stderr
    assert "p2@example.com" in listed.stdout
    settings = run_fluenzr("settings", "list", "--workspace", workspace_dir, env=read_only)
    assert settings.code == 0 and "plan_daily_cap = 50" in settings.stdout

    new_contacts = write_csv(tmp_path / "new.csv", "email\nnew@example.com\n")
    for verb in (
        ["settings", "set", "plan_daily_cap", "40"],
        ["contacts", "import", new_contacts],
    ):
        result = run_fluenzr(*verb, "--workspace", workspace_dir, env=read_only)
        message = assert_refused(result)
        assert f"the workspace {workspace_dir} is read-only (a mounted backup?)" in message
    assert (workspace_dir / "fluenzr.db").read_bytes() == before


def test_processes_started_at_once_on_a_new_folder_all_succeed(tmp_path):
    root = tmp_path / "fresh"
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(lambda _: run_fluenzr("contacts", "list", "--workspace", root), range(6))
        )
    assert [result.code for result in results] == [0] * 6, [r.stderr for r in results]
    assert all(result.stdout.strip() == "no contacts" for result in results)


def _can_mount_read_only(folder: Path) -> bool:
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", f"mount --bind '{folder}' '{folder}' && "
         f"mount -o remount,ro,bind '{folder}' '{folder}'"],
        capture_output=True, timeout=30,
    )  # fmt: skip
    return probe.returncode == 0


def test_a_workspace_on_a_real_read_only_mount_is_readable(workspace_dir):
    """The mounted backup itself: SQLite cannot make its -shm there (`immutable=1` reads)."""
    fill_workspace(workspace_dir, count=3)
    before = {p.name: p.read_bytes() for p in workspace_dir.rglob("*") if p.is_file()}
    if shutil.which("unshare") is None or not _can_mount_read_only(workspace_dir):
        pytest.skip("no private mount namespace here (needs root and unshare)")
    fluenzr = Path(sys.executable).with_name("fluenzr")
    script = (
        f"mount --bind '{workspace_dir}' '{workspace_dir}' && "
        f"mount -o remount,ro,bind '{workspace_dir}' '{workspace_dir}' && "
        f"'{fluenzr}' contacts list --workspace '{workspace_dir}' && "
        f"'{fluenzr}' settings set plan_daily_cap 40 --workspace '{workspace_dir}'"
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert "p2@example.com" in result.stdout, result.stderr
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"fluenzr: error: the workspace {workspace_dir} is read-only (a mounted backup?): "
        "cannot save changes; copy it to a writable folder to change it"
    ]
    assert {p.name: p.read_bytes() for p in workspace_dir.rglob("*") if p.is_file()} == before


def test_the_engine_refuses_a_damaged_workspace_before_it_starts(workspace_dir):
    """It used to exit 0 with all zeros: the check runs when the engine opens the workspace."""
    database = damaged_workspace(workspace_dir)

    result = run_fluenzr("engine", "run", "--once", "--workspace", workspace_dir)

    message = assert_refused(result)
    assert str(database) in message and "damaged" in message and BACKUP_NAME in message
