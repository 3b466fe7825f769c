"""Starting the desktop app: arguments, workspace, translations and the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

# The sizes of resources/icons/fluenzr-N.png (made by packaging/icons/make_icons.py).
WINDOW_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def _parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fluenzr-desktop", description="FluenzR Desktop")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder to open")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the window as PNG and exit")
    parser.add_argument(
        "--no-engine", action="store_true", help="do not send anything from this window"
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="print the time the window was first shown, then exit (bench/gui_startup.py)",
    )
    parser.add_argument(
        "--view",
        default=None,
        help="view shown first: dashboard, campaigns, contacts, accounts, settings or "
        "campaign:ID (default: the dashboard once there are campaigns)",
    )
    return parser.parse_args(argv)


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window on the chosen workspace; returns the exit status."""
    args = _parse_arguments(sys.argv[1:] if argv is None else argv)
    if (args.screenshot or args.startup_probe) and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not _has_display():
        # Qt would abort the process with a long, cryptic message.
        print(
            "fluenzr-desktop: error: no display found (DISPLAY/WAYLAND_DISPLAY unset); "
            "use the `fluenzr` command on a headless machine",
            file=sys.stderr,
        )
        return 1

    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ..domain.errors import FluenzrError
    from ..ops.settings import interface_language
    from ..workspace import open_workspace
    from .main_window import MainWindow
    from .translations import install_translator

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from .collector import GuiThreadCollector

    collector = GuiThreadCollector(app)  # no garbage collection on a worker thread
    app.setApplicationName("FluenzR Desktop")
    app.setOrganizationName("FluenzR")
    app.setWindowIcon(window_icon())
    # Ties the windows to packaging/linux/fluenzr-desktop.desktop (Wayland app id, docks).
    app.setDesktopFileName("fluenzr-desktop")
    # The system's language until the workspace says otherwise (its open errors need one).
    translator = install_translator(app)
    quiet = args.screenshot or args.no_engine or args.startup_probe
    try:
        # The engine will write: a damaged database is refused before the window opens.
        workspace = open_workspace(args.workspace, check=not quiet)
    except FluenzrError as error:
        if args.screenshot:
            print(f"fluenzr-desktop: error: {error}", file=sys.stderr)
        else:
            QMessageBox.critical(
                None, QCoreApplication.translate("App", "FluenzR Desktop"), str(error)
            )
        return 1
    language = interface_language(workspace)
    if language is not None:  # the language chosen in Settings wins over the system's
        if translator is not None:
            app.removeTranslator(translator)
        install_translator(app, QLocale(language))
    engine, elsewhere = (None, None) if quiet else start_engine(app, workspace)
    window = MainWindow(workspace, engine, engine_elsewhere=elsewhere)
    window.show()
    front = window.show_view(args.view) if args.view else window
    if args.screenshot:
        from .screenshot import save_when_settled

        return save_when_settled(app, front, args.screenshot)
    if args.startup_probe:
        from PySide6.QtCore import QTimer

        from ..domain.clock import wall_time

        # The first turn of the event loop comes after the window's first paint.
        QTimer.singleShot(0, lambda: (print(wall_time(), flush=True), app.quit()))
        app.exec()
        close_after_writes(workspace)
        return 0
    status = app.exec()
    close_after_writes(workspace)
    collector.stop()
    return status


def window_icon():
    """The app icon (QIcon) at every size shipped in resources/icons, for title bars and docks."""
    from PySide6.QtGui import QIcon

    from .translations import TRANSLATIONS_DIR

    # resources/ is found where the translations are, in the repository and frozen alike.
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        icon.addFile(str(TRANSLATIONS_DIR.parent / "icons" / f"fluenzr-{size}.png"))
    return icon


def close_after_writes(workspace) -> None:
    """Close the workspace once every database job in flight (writes too) has finished.

    A read-only job blocked on the system (the keyring lookup) is not waited for: Ctrl+Q
    quits at once, and no write is lost.
    """
    from .tasks import finish_database_jobs

    finish_database_jobs()
    workspace.close()


def start_engine(app, workspace):
    """Start the sending engine in a background thread: (engine, None).

    (None, who) when another process already sends for this workspace (`fluenzr engine
    run`, another window): the window then says so instead of starting a second engine.
    (None, None), after a message, when the engine cannot start.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from ..domain.errors import FluenzrError
    from ..engine.lock import EngineBusy
    from ..engine.service import EngineService
    from ..ops.accounts import list_accounts
    from .master_password import ask_master_password

    def ask_password(_prompt: str) -> str:
        refusal = QCoreApplication.translate(
            "App", "no master password given: the engine stays off"
        )
        return ask_master_password(None, refusal)

    from ..engine.connections import Connections

    if workspace.read_only:
        return None, None  # a mounted backup: it can be read, never sent from
    secrets = workspace.secret_store(prompt=ask_password)
    engine = EngineService(
        workspace, connections=Connections(secrets), owner="the FluenzR Desktop window"
    )
    try:
        engine.exclusive()
    except EngineBusy:
        return None, engine.lock.holder()
    try:
        # Unlock the password store here, on the GUI thread, where a dialog can ask.
        for account in list_accounts(workspace):
            if account["username"]:  # an account without login has no password to unlock
                secrets.get_password(account["id"])
        engine.start()
        return engine, None
    except FluenzrError as error:
        engine.stop()
        QMessageBox.warning(None, QCoreApplication.translate("App", "FluenzR Desktop"), str(error))
        return None, None


def run() -> None:
    """GUI-script entry point."""
    sys.exit(main())
