"""Loading the UI translation (French or English) that matches the system locale.

Two catalogues make a French window: ours (`fluenzr_fr.qm`) and Qt's own
(`qtbase_fr.qm`, shipped by PySide6 in `QLibraryInfo`'s translations folder), which
translates the buttons Qt draws itself: a wizard's "< Back" / "Next >", a button box's
"Cancel", a line edit's context menu. Both live in one installed translator, so a
caller (or a test) that removes it removes the whole language at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

# The repository's resources/ folder (packaging copies it beside the package).
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
# English is the source language, but its plural forms ("1 contact" / "5 contacts") live
# in this catalogue: a locale we do not translate to gets English with real plurals.
FALLBACK_CATALOGUE = "fluenzr_en"


def qt_translations_dir() -> str:
    """The folder of Qt's own catalogues (qtbase_fr.qm, …) for the Qt in use."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class Catalogue(QTranslator):
    """Our catalogue, then Qt's own for the strings Qt's widgets translate themselves."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qt = QTranslator(self)

    def load_language(self, locale: QLocale) -> bool:
        """Load ours and Qt's catalogues for `locale`; False when we do not ship that language."""
        if not self.load(locale, "fluenzr", "_", str(TRANSLATIONS_DIR)):
            return False
        # Qt ships no catalogue for its source language: English needs none.
        if locale.language() != QLocale.Language.English:
            self.qt.load(locale, "qtbase", "_", qt_translations_dir())
        return True

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """Our translation when there is one, else Qt's; None when neither has it.

        None, not "": Qt takes an empty string from a translator as the translation
        (a null string means "not here"), and would blank every untranslated text.
        """
        found = super().translate(context, source, disambiguation, n)
        if not found and not self.qt.isEmpty():
            found = self.qt.translate(context, source, disambiguation, n)
        return found or None

    def isEmpty(self) -> bool:
        """Whether neither catalogue holds anything."""
        return super().isEmpty() and self.qt.isEmpty()


def install_translator(app: QApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install the catalogues for the locale (ours and Qt's); English for other languages.

    Returns the installed translator (`app.removeTranslator()` undoes it), or None when
    not even the English catalogue can be read.
    """
    translator = Catalogue(app)
    chosen = locale or QLocale.system()
    if translator.load_language(chosen) or translator.load(
        FALLBACK_CATALOGUE, str(TRANSLATIONS_DIR)
    ):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    return None
