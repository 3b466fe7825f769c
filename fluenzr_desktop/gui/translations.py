"""Loading the UI translation (French or English) that matches the system locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

# The repository's resources/ folder (packaging copies it beside the package).
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install the `.qm` catalogue for the locale when one ships; English is the source."""
    translator = QTranslator(app)
    chosen = locale or QLocale.system()
    if translator.load(chosen, "fluenzr", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(translator)
        return translator
    return None
