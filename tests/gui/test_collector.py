"""Garbage collection runs on the GUI thread only (gui/collector.py)."""

from __future__ import annotations

import gc
import threading

from fluenzr_desktop.gui.collector import GuiThreadCollector


def test_cycles_are_freed_by_the_gui_thread_and_never_by_a_worker(qtbot):
    gc.enable()
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()  # a worker allocating a lot never starts a collection
        freed_on: list[str] = []

        class Cycle:
            def __init__(self) -> None:
                self.me = self

            def __del__(self) -> None:
                freed_on.append(threading.current_thread().name)

        def allocate() -> None:
            for _ in range(5_000):
                Cycle()

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert freed_on == []
        qtbot.waitUntil(lambda: len(freed_on) == 5_000, timeout=10_000)
        assert set(freed_on) == {threading.main_thread().name}
    finally:
        collector.stop()
        gc.disable()  # the suite's own fixture turns it back on after the test
    assert gc.get_threshold() == collector.thresholds
