"""Starting the desktop app: arguments, workspace, translations and the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fluenzr-desktop", description="FluenzR Desktop")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder to open")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the window as PNG and exit")
    parser.add_argument(
        "--view",
        default="campaigns",
        help="view shown first: campaigns, contacts, accounts or settings",
    )
    return parser.parse_args(argv)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window on the chosen workspace; returns the exit status."""
    args = _parse_arguments(sys.argv[1:] if argv is None else argv)
    if args.screenshot and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not _has_display():
        # Qt would abort the process with a long, cryptic message.
        print(
            "fluenzr-desktop: error: no display found (DISPLAY/WAYLAND_DISPLAY unset); "
            "use the `fluenzr` command on a headless machine",
            file=sys.stderr,
        )
        return 1

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..domain.errors import FluenzrError
    from ..workspace import open_workspace
    from .main_window import MainWindow
    from .translations import install_translator

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("FluenzR Desktop")
    app.setOrganizationName("FluenzR")
    install_translator(app)
    try:
        workspace = open_workspace(args.workspace)
    except FluenzrError as error:
        if args.screenshot:
            print(f"fluenzr-desktop: error: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(None, app.tr("FluenzR Desktop"), str(error))
        return 1
    window = MainWindow(workspace)
    window.show_view(args.view)
    window.show()
    if args.screenshot:
        from .screenshot import save_when_settled

        return save_when_settled(app, window, args.screenshot)
    status = app.exec()
    workspace.close()
    return status


def run() -> None:
    """GUI-script entry point."""
    sys.exit(main())
