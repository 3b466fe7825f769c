"""Every visible string of the window ships in French: the catalogue covers the code."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "fluenzr_fr.ts"


def _sources(path: Path) -> dict[str, ET.Element]:
    return {m.find("source").text: m for m in ET.parse(path).getroot().iter("message")}


def test_every_tr_string_of_the_gui_has_a_french_translation(tmp_path):
    scanned = tmp_path / "scan.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    gui_files = sorted(str(p) for p in (ROOT / "fluenzr_desktop" / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), *gui_files, "-ts", str(scanned)], check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    in_code = set(_sources(scanned))
    shipped = _sources(CATALOGUE)
    assert in_code, "lupdate found no tr() strings"
    assert in_code <= set(shipped), sorted(in_code - set(shipped))
    for source in in_code:
        translation = shipped[source].find("translation")
        assert translation.get("type") != "unfinished", source
        assert (translation.text or "").strip() or len(translation), source


def test_compiled_catalogues_are_shipped():
    for language in ("fr", "en"):
        assert (CATALOGUE.parent / f"fluenzr_{language}.qm").stat().st_size > 0
