"""Benchmark: process start to main window shown, on an empty and on a 1,000,000-contact workspace.

Each run starts `python -m fluenzr_desktop --workspace DIR --startup-probe` offscreen: the
app prints the time from interpreter start to the first paint of the main window and
exits. Next to it, in the same run, a bare PySide6 process showing an empty QMainWindow
gives the floor (interpreter + Qt start). Target (issue 5): start ≤ 1.0 s.

Usage: .venv/bin/python bench/gui_startup.py [--runs 5] [--big DIR]
(the 1,000,000-contact workspace is the one bench/contacts_table.py builds and caches)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from PySide6.QtCore import QTimer
app = QApplication([])
window = QMainWindow(); window.resize(1100, 700); window.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""
DEFAULT_BIG = Path(tempfile.gettempdir()) / "fluenzr-bench-contacts-table-1000000" / "workspace"


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time from spawning the process to the window's first paint (printed by it)."""
    started = time.time()
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if completed.returncode != 0:
        sys.exit(f"{command[:3]} failed: {completed.stderr.strip()[-400:]}")
    shown_at = float(completed.stdout.strip().splitlines()[-1])
    return shown_at - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=Path, default=DEFAULT_BIG, help="1M-contact workspace")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="fluenzr-start-") as empty:
        subprocess.run([python, "-m", "fluenzr_desktop", "--workspace", empty,
                        "--startup-probe"], env=env, capture_output=True, check=False)  # fmt: skip
        rows = [("bare PySide6 window (floor)", [python, "-c", BARE])]
        rows.append(
            (
                "FluenzR, empty workspace",
                [python, "-m", "fluenzr_desktop", "--workspace", empty, "--startup-probe"],
            )
        )
        if (args.big / "fluenzr.db").exists():
            rows.append(("FluenzR, 1,000,000 contacts",
                         [python, "-m", "fluenzr_desktop", "--workspace", str(args.big),
                          "--startup-probe"]))  # fmt: skip
        else:
            print(f"(no 1,000,000-contact workspace at {args.big}: run bench/contacts_table.py)")
        print(f"{'process start → main window shown':<40}{'median s':>10}   runs (s)")
        for label, command in rows:
            times = [timed(command, {**env, "PYTHONSTARTTIME": "1"}) for _ in range(args.runs)]
            runs = " ".join(f"{t:.3f}" for t in times)
            print(f"{label:<40}{statistics.median(times):>10.3f}   {runs}")
    print("target: ≤ 1.0 s")


if __name__ == "__main__":
    main()
