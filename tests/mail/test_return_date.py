"""Return dates read from out-of-office texts in six languages."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fluenzr_desktop.mail.return_date import return_date

NOW = datetime(2026, 12, 2, 9, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm back on 12 December.", date(2026, 12, 12)),
        ("I will be returning December 12th.", date(2026, 12, 12)),
        ("I am out of the office until 12/12.", date(2026, 12, 12)),
        ("Out until 12/31, limited email.", date(2026, 12, 31)),  # clearly month first
        ("I will be back on Monday 14 December 2026.", date(2026, 12, 14)),
        ("Back 2026-12-12.", date(2026, 12, 12)),
        ("I'm away from 20 Dec to 5 January.", date(2027, 1, 5)),  # year rolls over
        ("Je serai de retour le 12/12.", date(2026, 12, 12)),
        ("Je serai absent jusqu'au 12 décembre inclus.", date(2026, 12, 12)),
        ("Je suis absente du 20/12 au 05/01.", date(2027, 1, 5)),
        ("De retour le mar. 15 déc.", date(2026, 12, 15)),  # "mar." is mardi, not March
        ("De retour le 1er janvier.", date(2027, 1, 1)),
        ("Ich bin am 12. Dezember zurück. Zurück am 12. Dezember.", date(2026, 12, 12)),
        ("Ich bin bis zum 12.12.2026 nicht erreichbar.", date(2026, 12, 12)),
        ("Ich bin bis Mo. 14.12. nicht im Büro.", date(2026, 12, 14)),
        ("Estaré fuera hasta el 12 de diciembre.", date(2026, 12, 12)),
        ("Estaré de vuelta el 3 de enero de 2027.", date(2027, 1, 3)),
        ("Sarò fuori ufficio fino al 12 dicembre.", date(2026, 12, 12)),
        ("Rientro il 7 gennaio.", date(2027, 1, 7)),
        ("Ik ben terug op 12 december.", date(2026, 12, 12)),
        ("Afwezig t/m 18-12-2026.", date(2026, 12, 18)),
    ],
)
def test_return_dates(text, expected):
    assert return_date(text, NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "I am out of the office with no access to email.",
        "Meeting moved to 10.30 tomorrow.",
        "Version 3.1.2 is out.",
        "Founded in 1998. Back soon.",
        "Call me on +33 1 23 45 67 89.",
        "Back on 31 February.",  # no such day
    ],
)
def test_no_date_gives_none(text):
    assert return_date(text, NOW) is None


def test_a_missing_year_is_the_next_occurrence():
    assert return_date("back on 1 December", NOW) == date(2027, 12, 1)
    assert return_date("back on 2 December", NOW) == date(2026, 12, 2)


def test_the_triggered_date_wins_over_other_dates_in_the_text():
    text = "Back on 14 December. For invoices dated 20 December, call Anna."
    assert return_date(text, NOW) == date(2026, 12, 14)


def test_far_dates_are_ignored():
    assert return_date("Back on 2030-01-01.", NOW) is None
