"""`--screenshot FILE.png`: let the event loop settle, save the window, exit."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

SETTLE_MS = 300


def save_when_settled(app: QApplication, window: QWidget, path: str) -> int:
    """Run the event loop briefly, grab the window to `path`; returns the exit status."""
    outcome = {"status": 1}

    def grab() -> None:
        if window.grab().save(path, "PNG"):
            outcome["status"] = 0
        else:
            print(f"fluenzr-desktop: error: {path}: cannot write the PNG file")
        app.quit()

    QTimer.singleShot(SETTLE_MS, grab)
    app.exec()
    return outcome["status"]
