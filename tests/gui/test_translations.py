"""Every visible string of the window ships in French, found the way Qt looks it up.

At run time Qt finds a translation by context and source: `self.tr("…")` looks under the
name of the object's class (then its base classes), `QCoreApplication.translate(ctx, "…")`
under `ctx`. The code's tr() calls are read here with `ast`, which knows the enclosing
class, and compared with what pyside6-lupdate extracts (it misses tr() inside f-strings and
sometimes loses the class), then with the French catalogue. A forgotten
`make translations` (a .qm older than its .ts) fails too.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "fluenzr_desktop" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
FRENCH = TRANSLATIONS / "fluenzr_fr.ts"
ENGLISH = TRANSLATIONS / "fluenzr_en.ts"
HOW_TO_FILL = (
    "run `make translations`, then `python resources/translations/unfinished.py` "
    "(its docstring says how to fill the French), then `make translations` again"
)


def _load_unfinished():
    """The catalogue reader of resources/translations/unfinished.py: one notion of finished."""
    spec = importlib.util.spec_from_file_location("unfinished", TRANSLATIONS / "unfinished.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("unfinished", module)  # dataclasses resolve their module
    spec.loader.exec_module(module)
    return module


unfinished = _load_unfinished()


@dataclass(frozen=True)
class TrCall:
    """One tr() call of the code: what Qt will look up, and where it is."""

    context: str
    source: str
    comment: str
    numerus: bool
    where: str

    def __str__(self) -> str:
        return f"{self.where}  {self.context or '(no context)'}  “{self.source}”"


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _text(node: ast.expr | None, names: dict[str, str]) -> str | None:
    """A literal string (or a module constant holding one); None when only known at run time."""
    if node is None:
        return ""
    if isinstance(node, ast.Constant) and isinstance(node.value, str | type(None)):
        return node.value or ""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def _scan(path: Path) -> tuple[list[TrCall], list[str]]:
    """The tr() calls of one file, and the calls whose context cannot be known statically.

    A call with a source only known at run time (`translate(CONTEXT, source)`) looks up a
    string marked elsewhere with QT_TRANSLATE_NOOP, which is scanned instead.
    """
    where = str(path.relative_to(ROOT))
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = {
        target.id: statement.value.value
        for statement in tree.body
        if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }  # fmt: skip
    calls: list[TrCall] = []
    problems: list[str] = []

    def visit(node: ast.AST, class_name: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            class_name = node.name
        if isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else ast.unparse(function)
            receiver = ast.unparse(function.value) if isinstance(function, ast.Attribute) else ""
            line = f"{where}:{node.lineno}"
            context, offset = None, None
            if name in ("tr", "QT_TR_NOOP"):
                offset = 0
                context = class_name if receiver in ("self", "") else None
                if context is None:
                    problems.append(
                        f"{line}  {ast.unparse(node)}: Qt looks this up under the class of "
                        f"`{receiver or 'the module'}` at run time, which lupdate cannot know; "
                        f'call self.tr() in a class, or QCoreApplication.translate("Context", …)'
                    )
            elif name == "QT_TRANSLATE_NOOP" or (
                name == "translate" and receiver.endswith("QCoreApplication")
            ):
                offset = 1
                context = _text(_argument(node, 0, "context"), names)
            if offset is not None and context is not None:
                source = _text(_argument(node, offset, "sourceText" if offset else "source"), names)
                comment = _text(_argument(node, offset + 1, "disambiguation"), names)
                count = _argument(node, offset + 2, "n")
                if source and comment is not None:
                    calls.append(TrCall(context, source, comment, count is not None, line))
        for child in ast.iter_child_nodes(node):
            visit(child, class_name)

    visit(tree, None)
    return calls, problems


def _code() -> tuple[list[TrCall], list[str]]:
    calls: list[TrCall] = []
    problems: list[str] = []
    for path in sorted(GUI.rglob("*.py")):
        found, wrong = _scan(path)
        calls += found
        problems += wrong
    return calls, problems


@pytest.fixture(scope="module")
def code() -> tuple[list[TrCall], list[str]]:
    calls, problems = _code()
    assert calls, "no tr() call found in fluenzr_desktop/gui"
    return calls, problems


def _report(title: str, lines: list[str], hint: str) -> str:
    return f"{title} ({len(lines)}); {hint}:\n  " + "\n  ".join(sorted(lines))


def test_lupdate_extracts_every_tr_call_under_the_context_qt_looks_up(code, tmp_path):
    calls, problems = code
    scanned = tmp_path / "scan.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = [str(path) for path in sorted(GUI.rglob("*.py"))]
    subprocess.run([str(lupdate), *files, "-ts", str(scanned)], check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    extracted = {entry.key: entry for entry in unfinished.read_catalogue(scanned)}
    # Where lupdate put each string it found, by file:line (its paths are relative to scan.ts).
    filed = {
        (str((scanned.parent / name).resolve().relative_to(ROOT)) + f":{line}", entry.source): entry
        for entry in extracted.values()
        for name, line in entry.locations
    }
    expected = {(c.context, c.source, c.comment) for c in calls}
    lines = list(problems)
    for call in calls:
        if (call.context, call.source, call.comment) in extracted:
            continue
        elsewhere = filed.get((call.where, call.source))
        if elsewhere is not None and elsewhere.key not in expected:
            lines.append(f"{call}: lupdate files it under {elsewhere.context or '(no context)'}")
            expected.add(elsewhere.key)  # reported here, not again below
        else:
            lines.append(
                f"{call}: lupdate does not extract it (inside an f-string?), "
                f"so `make translations` will not carry it"
            )
    reported = {problem.split("  ")[0] for problem in problems}
    lines += [
        f"{where}  {entry.context or '(no context)'}  “{entry.source}”: lupdate "
        f"files it where Qt will not look at run time"
        for (where, _source), entry in filed.items()
        if entry.key not in expected and where not in reported
    ]
    assert not lines, _report(
        "tr() calls that would show in English", lines, "the fix is in the code"
    )


def _missing_translations(calls: list[TrCall], catalogue: Path, plurals_only: bool) -> list[str]:
    entries = {entry.key: entry for entry in unfinished.read_catalogue(catalogue)}
    lines = []
    for call in calls:
        if plurals_only and not call.numerus:
            continue
        entry = entries.get((call.context, call.source, call.comment))
        if entry is None or not entry.in_use:
            lines.append(f"{call}: not in {catalogue.name}")
        elif call.numerus and not entry.numerus:
            lines.append(f"{call}: passes n but {catalogue.name} has no plural forms for it")
        elif not entry.finished:
            lines.append(f"{call}: unfinished or empty in {catalogue.name}")
    return sorted(set(lines))


def test_every_tr_string_has_a_finished_french_translation(code):
    lines = _missing_translations(code[0], FRENCH, plurals_only=False)
    assert not lines, _report("strings without French", lines, HOW_TO_FILL)


def test_every_plural_string_has_its_english_forms(code):
    lines = _missing_translations(code[0], ENGLISH, plurals_only=True)
    hint = HOW_TO_FILL.replace(
        "unfinished.py", "unfinished.py --ts resources/translations/fluenzr_en.ts"
    )
    assert not lines, _report("plurals without English forms", lines, hint)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_shipped_qm_is_built_from_its_ts(language, tmp_path):
    built = tmp_path / f"fluenzr_{language}.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TRANSLATIONS / f"fluenzr_{language}.ts"), "-qm", str(built)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    shipped = TRANSLATIONS / f"fluenzr_{language}.qm"
    assert shipped.read_bytes() == built.read_bytes(), (
        f"{shipped.name} is not built from fluenzr_{language}.ts: run `make translations`"
    )


def test_a_french_window_gets_qt_own_buttons_in_french_too(qapp):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox, QWizard

    from fluenzr_desktop.gui.translations import install_translator, qt_translations_dir

    # PySide6 (pyside6-essentials) ships Qt's catalogue: nothing of ours to bundle.
    assert (Path(qt_translations_dir()) / "qtbase_fr.qm").is_file()
    translator = install_translator(qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
    assert translator is not None
    try:
        wizard = QWizard()
        texts = [wizard.buttonText(b) for b in (QWizard.WizardButton.BackButton,
                 QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)]  # fmt: skip
        assert [t.replace("&", "") for t in texts] == ["< Précédent", "Suivant >", "Annuler"]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in buttons.buttons()] == ["Annuler"]
        wizard.deleteLater()
        buttons.deleteLater()
    finally:
        qapp.removeTranslator(translator)
    # Removing the one translator takes Qt's French away too.
    assert QWizard().buttonText(QWizard.WizardButton.CancelButton) == "Cancel"


def test_a_language_we_do_not_ship_gets_english_with_its_plural_forms(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from fluenzr_desktop.gui.translations import install_translator

    translator = install_translator(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert translator is not None
    try:
        shown = QCoreApplication.translate("MainWindow", "%n contact(s) in this workspace.", "", 1)
        assert shown == "1 contact in this workspace."
        # Untranslated text stays the English source (never blanked).
        assert QCoreApplication.translate("Nowhere", "Plain English") == "Plain English"
    finally:
        qapp.removeTranslator(translator)


def test_filling_a_disambiguated_entry_leaves_its_namesake_alone(tmp_path):
    """`tr("Completed")` (a campaign: Terminée) and `tr("Completed", "contacts")` (a column
    of contacts: Terminés) are two entries; filling one must not overwrite the other."""
    catalogue = tmp_path / "fr.ts"
    catalogue.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="fr_FR">\n<context>\n    <name>CampaignsList</name>\n'
        "    <message>\n        <source>Completed</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "    <message>\n        <source>Completed</source>\n"
        "        <comment>contacts</comment>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "</context>\n</TS>\n",
        encoding="utf-8",
    )
    fills = tmp_path / "todo.tsv"
    fills.write_text("CampaignsList|contacts\tCompleted\tTerminés\n", encoding="utf-8")

    assert unfinished.main(["--ts", str(catalogue), "--fill", str(fills)]) == 0
    by_comment = {e.comment: e for e in unfinished.read_catalogue(catalogue)}
    assert by_comment["contacts"].forms == ("Terminés",) and by_comment["contacts"].finished
    assert not by_comment[""].finished  # still to translate, not "Terminés"

    fills.write_text("CampaignsList\tCompleted\tTerminée\n", encoding="utf-8")
    assert unfinished.main(["--ts", str(catalogue), "--fill", str(fills)]) == 0
    forms = {e.comment: e.forms for e in unfinished.read_catalogue(catalogue)}
    assert forms == {"": ("Terminée",), "contacts": ("Terminés",)}
