"""A failing test leaves no engine behind: the `processes` fixture ends what it started."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FAILING_TEST = """
import time
from tests.fixtures.processes import fluenzr_command

def test_fails_while_an_engine_runs(processes):
    engine = processes.popen(fluenzr_command("engine", "run", "--workspace", {workspace!r}))
    with open({pid_file!r}, "w") as handle:
        handle.write(str(engine.pid))
    time.sleep(1.5)
    assert engine.poll() is None, "the engine should still be running here"
    assert False, "this test fails on purpose"
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead, only not yet reaped.
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def test_a_failing_test_leaves_no_engine_running(tmp_path):
    pid_file = tmp_path / "engine.pid"
    test_file = tmp_path / "test_failing.py"
    test_file.write_text(
        FAILING_TEST.format(workspace=str(tmp_path / "ws"), pid_file=str(pid_file)),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "-p", "tests.fixtures.processes", "--rootdir", str(tmp_path), str(test_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "this test fails on purpose" in result.stdout
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), f"fluenzr engine run (PID {pid}) outlived its failed test"
