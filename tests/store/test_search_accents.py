"""Searching contacts finds accented names whatever the case typed (SQLite folds ASCII only)."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.contacts import search_variants
from fluenzr_desktop.store.contacts import list_contacts
from fluenzr_desktop.store.csv_io import import_contacts


@pytest.mark.parametrize("typed", ["Éloïse", "éloïse", "ÉLOÏSE", "loïse", "eloise@", "ÉTIENNE"])
def test_accented_names_are_found_in_any_case(workspace, tmp_path, typed):
    source = tmp_path / "c.csv"
    source.write_text(
        "email,prénom,société\neloise@acme.fr,Éloïse,Société Générale\n"
        "etienne@acme.fr,Étienne,Acme\nbob@acme.fr,Bob,Acme\n",
        encoding="utf-8",
    )
    import_contacts(workspace.engine, source)
    with workspace.sessions() as session:
        found = [c.email for c in list_contacts(session, search=typed)]
    expected = "etienne@acme.fr" if "TIENNE" in typed else "eloise@acme.fr"
    assert found == [expected]


def test_company_with_accents_and_ascii_terms():
    assert search_variants("ACME") == ["acme"]
    assert "Société Générale" in search_variants("société générale")
