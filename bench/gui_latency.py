"""Benchmark: how long the GUI thread stalls while the window works on 1,000,000 contacts.

A 10 ms QTimer measures the event loop's gaps while the window, offscreen, goes
through what a founder does: open, show the contacts (a million ids load in the
background), filter, clear the filter, sort, open the campaigns list, then the
accounts and settings pages. Prints the longest stall of each step and the 99th
percentile gap overall, next to the floor (the same timer in an idle window).
Target (issue 5): the GUI thread never blocks for more than ~100 ms.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_latency.py [--workspace DIR]
(the 1,000,000-contact workspace is the one bench/contacts_table.py builds and caches)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from fluenzr_desktop.gui.main_window import MainWindow  # noqa: E402
from fluenzr_desktop.workspace import open_workspace  # noqa: E402

DEFAULT = Path(tempfile.gettempdir()) / "fluenzr-bench-contacts-table-1000000" / "workspace"


class StallMeter:
    """Records the gaps between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def mark(self) -> int:
        return len(self.gaps)


def wait(milliseconds: int, until=None) -> None:
    """Run the event loop for a while (or until `until()` holds), like a user waiting."""
    loop = QEventLoop()
    deadline = time.perf_counter() + milliseconds / 1000
    poll = QTimer()
    poll.setInterval(20)

    def check() -> None:
        if time.perf_counter() > deadline or (until is not None and until()):
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not (args.workspace / "fluenzr.db").exists():
        sys.exit(f"no workspace at {args.workspace}: run bench/contacts_table.py first")

    app = QApplication.instance() or QApplication([])
    meter = StallMeter()
    wait(500)
    steps: list[tuple[str, int, int]] = []

    def step(label: str, action, settle_ms: int, until=None) -> None:
        start = meter.mark()
        action()
        wait(settle_ms, until)
        steps.append((label, start, meter.mark()))

    step("idle (floor)", lambda: None, 500)
    with open_workspace(args.workspace) as workspace:
        holder: dict = {}

        def open_window() -> None:
            holder["window"] = MainWindow(workspace)
            holder["window"].show()

        step("open the window", open_window, 800)
        window = holder["window"]
        step("show 1,000,000 contacts", lambda: window.show_view("contacts"), 4000,
             lambda: window.contacts_view is not None
             and window.contacts_view.model.loaded_once)  # fmt: skip
        view = window.contacts_view
        step("filter 'globex'", lambda: view.search.setText("globex"), 2500)
        step("clear the filter", lambda: view.search.setText(""), 2500)
        step("sort by company", lambda: view.table.sortByColumn(3, Qt.SortOrder.AscendingOrder),
             3000)  # fmt: skip
        step("campaigns list", lambda: window.show_view("campaigns"), 800)
        step("accounts page", lambda: window.show_view("accounts"), 500)
        step("settings page", lambda: window.show_view("settings"), 500)
        window.close()
    meter.timer.stop()
    app.quit()

    print(f"GUI thread stalls on {args.workspace} (10 ms timer; a stall is a gap above 10 ms)")
    print(f"{'step':<28}{'longest gap ms':>16}")
    for label, start, end in steps:
        gaps = meter.gaps[start:end] or [0.0]
        print(f"{label:<28}{max(gaps) * 1000:>16.0f}")
    busy = [gap for label, s, e in steps[1:] for gap in meter.gaps[s:e]]
    busy.sort()
    p99 = busy[int(len(busy) * 0.99)] if busy else 0.0
    print(f"99th percentile gap while working: {p99 * 1000:.0f} ms; target: no stall > ~100 ms")


if __name__ == "__main__":
    main()
