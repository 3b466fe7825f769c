"""Python's cyclic garbage collection, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate past its
threshold: a background read (`gui/tasks`) may then free Qt objects caught in reference
cycles from a worker thread, which Qt does not allow and which can crash the process.
So the automatic collector is turned off and a timer on the GUI thread collects the same
generations at the same thresholds (pyqtgraph's `GarbageCollector` does the same).
Reference counting still frees everything that is not in a cycle, on the spot.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the GUI thread looks at the allocation counts.
INTERVAL_MS = 1000


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """What the automatic collector would do now, on the calling thread; objects freed."""
    first, second, third = gc.get_count()
    if first <= thresholds[0]:
        return 0
    if second <= thresholds[1]:
        return gc.collect(0)
    if third <= thresholds[2]:
        return gc.collect(1)
    return gc.collect(2)


class GuiThreadCollector(QObject):
    """Runs `gc` on the GUI thread; the automatic collector stays off while it lives."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        return collect_due(self.thresholds)

    def stop(self) -> None:
        """Hand collection back to Python (the application is closing)."""
        self.timer.stop()
        gc.enable()
