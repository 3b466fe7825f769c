"""The window shows every domain problem in its own language, parameters filled in."""

from __future__ import annotations

import re
import string

import pytest
from PySide6.QtCore import QLocale

from fluenzr_desktop.domain.problems import ENGLISH, PROBLEM_CODES, Problem
from fluenzr_desktop.domain.validation import validate
from fluenzr_desktop.domain.workflow import parse_document
from fluenzr_desktop.gui.problem_text import TEXTS, problem_text
from fluenzr_desktop.gui.translations import install_translator


def test_every_domain_code_has_a_window_text():
    assert set(TEXTS) == set(PROBLEM_CODES)  # no code falls back to English silently


@pytest.mark.parametrize("code", sorted(PROBLEM_CODES))
def test_each_text_fills_its_places_from_the_domain_parameters(code):
    source, names = TEXTS[code]
    places = sorted({int(n) for n in re.findall(r"%(\d)", source)})
    assert places == list(range(1, len(names) + 1)), source
    english_fields = {name for _, name, _, _ in string.Formatter().parse(ENGLISH[code]) if name}
    # The window may leave out English-only wording (article, node type, expected lists).
    assert set(names) <= english_fields | {"value"}, (code, names)
    required = english_fields - {"article", "type", "expected", "value_or_missing"}
    assert required <= set(names), (code, names)


def test_the_parameters_are_substituted(qapp):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        too_long = Problem("delay_amount_too_large", {"max": 8760, "unit": "hours"}, "d1", "amount")
        assert problem_text(too_long) == "the delay must be at most one year (8,760 hours)"
        unknown = Problem(
            "unknown_variable_suggestion", {"name": "prenom", "suggestion": "firstName"}
        )
        assert problem_text(unknown) == "unknown variable 'prenom' — did you mean firstName?"
        limit = Problem("template_repeats", {"what": "subject", "max": 1_000_000}, "e1", "subject")
        assert (
            problem_text(limit)
            == "the subject repeats text too many times (over 1,000,000 characters)"
        )
        missing = Problem("condition_kind_unknown", {"value": None, "expected": "field, opened"})
        assert problem_text(missing) == "unknown condition kind missing (expected field, opened)"
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_problems_of_a_broken_sequence_all_read_as_sentences(qapp):
    workflow = parse_document(
        {
            "version": 1,
            "nodes": [
                {"id": "e", "type": "email", "subject": "{{ 'ab' * 30000000 }}", "label": 3},
                {"id": "d", "type": "delay", "amount": 10**9, "unit": "days"},
                {"id": "c", "type": "condition", "condition": {"kind": "field", "op": "?"}},
                {"id": "x", "type": "teleport"},
            ],
            "edges": [{"from": "e", "to": "gone"}, {"from": "c", "to": "d", "port": "maybe"}],
            "settings": {"timezone": "Mars/Base", "daily_cap": 0, "window": {"start": "9h"}},
        }
    )
    problems = validate(workflow)
    assert len({problem.code for problem in problems}) > 10
    for problem in problems:
        text = problem_text(problem)
        assert text and "%" not in text and "{" not in text, (problem.code, text)


def test_a_french_window_shows_french_problems(qapp):
    """Passes once the French catalogue has the "Problems" entries (resources/translations)."""
    translator = install_translator(qapp, QLocale(QLocale.Language.French, QLocale.Country.France))
    assert translator is not None
    try:
        assert problem_text(Problem("body_empty", {}, "e1", "body")) == (
            "le corps du message est vide"
        )
        too_long = Problem("delay_amount_too_large", {"max": 365, "unit": "days"}, "d1", "amount")
        assert problem_text(too_long) == "le délai ne peut pas dépasser un an (365 jours)"
    finally:
        qapp.removeTranslator(translator)
