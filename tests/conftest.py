"""Shared fixtures: isolated workspaces and a way to run the `fluenzr` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fluenzr_desktop.cli import main as cli_main
from fluenzr_desktop.workspace import Workspace, open_workspace
from tests.fixtures.licences import grant_plan  # noqa: F401  (a Starter or Pro licence)
from tests.fixtures.processes import (
    SHIFT_VARIABLE,
    processes,  # noqa: F401  (a fixture for every test)
)
from tests.fixtures.relay_server import (  # noqa: F401  (fixtures: a real tracking relay)
    relay,
    relay_keys,
    start_relay,
)

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser):
    parser.addoption(
        "--travel",
        metavar="ISO8601",
        help="run with the process's clock moved to this instant and ticking (time-machine)",
    )


def pytest_configure(config):
    destination = config.getoption("--travel")
    if not destination:
        return
    import time_machine

    moved = datetime.fromisoformat(destination.replace("Z", "+00:00"))
    if moved.tzinfo is None:
        moved = moved.replace(tzinfo=UTC)
    # The `fluenzr` processes the tests start are moved by the same amount.
    os.environ[SHIFT_VARIABLE] = str((moved - datetime.now(UTC)).total_seconds())
    traveller = time_machine.travel(moved, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


def pytest_report_header(config):
    destination = config.getoption("--travel")
    return f"clock moved to {destination} (time-machine, ticking)" if destination else None


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's data folder or workspace."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("FLUENZR_WORKSPACE", raising=False)


@pytest.fixture
def workspace_dir(tmp_path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def workspace(workspace_dir) -> Workspace:
    opened = open_workspace(workspace_dir)
    yield opened
    opened.close()


@pytest.fixture
def pro_workspace(workspace_dir, grant_plan) -> None:  # noqa: F811 (the fixture)
    """The test's workspace holds a Pro licence: for tests of Condition nodes and A/B
    variants themselves, not of the plans (tests/engine/test_ab_variants.py and the
    licence tests check the gates)."""
    opened = open_workspace(workspace_dir)
    try:
        grant_plan(opened, "pro")
    finally:
        opened.close()


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli(capsys, workspace_dir):
    """Run `fluenzr ARGS --workspace <tmp>` in-process; returns code, stdout, stderr."""

    def run(*args: str, workspace: Path | None = None) -> CliResult:
        argv = [*map(str, args), "--workspace", str(workspace or workspace_dir)]
        try:
            code = cli_main(argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def run_fluenzr(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> CliResult:
    """Run the installed `fluenzr` console script as a separate process."""
    executable = Path(sys.executable).with_name("fluenzr")
    completed = subprocess.run(
        [str(executable), *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def write_bytes(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write `text` with an explicit encoding and no newline translation."""
    path.write_bytes(text.encode(encoding))
    return path
