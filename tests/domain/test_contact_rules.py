"""Contact rules: address syntax (fast path agrees with email-validator), header mapping."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from fluenzr_desktop.domain.contacts import (
    ColumnTarget,
    address_problem,
    auto_map,
    normalise_email,
    normalise_header,
    parse_map_option,
    split_tags,
)
from fluenzr_desktop.domain.errors import FluenzrError

ADDRESSES = [
    "john.doe@acme.com",
    "a@b.co",
    "first+tag@sub.domain.io",
    "o'brien@irish.ie",
    "x_y-z@a-b.c-d.fr",
    "a..b@acme.com",
    ".a@acme.com",
    "a.@acme.com",
    "a@acme",
    "a@-acme.com",
    "a@acme-.com",
    "a@acme..com",
    "a@acme.test",
    "a@acme.local",
    "a@localhost",
    "a@acme.c",
    "a@acme.c0m",
    "a@123.com",
    "jean@société.fr",
    "é@acme.fr",
    "a b@acme.com",
    "@acme.com",
    "a@",
    "a" * 65 + "@acme.com",
    "a@" + "b" * 64 + ".com",
    "a@" + ".".join(["abcdefghij"] * 25) + ".com",
    '"quoted"@acme.com',
    "a@[127.0.0.1]",
]


def _validator_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@pytest.mark.parametrize("address", ADDRESSES)
def test_verdict_equals_email_validator(address):
    assert (address_problem(address) is None) == _validator_accepts(address)


def test_problem_names_the_address_and_reason():
    problem = address_problem("a..b@acme.com")
    assert "a..b@acme.com" in problem and "period" in problem
    assert address_problem("") == "no email address"


def test_normalisation_is_trim_and_lower_case():
    assert normalise_email("  John.Doe@ACME.com \t") == "john.doe@acme.com"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Email", "email"),
        ("E-mail", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("First Name", "first_name"),
        ("Prénom", "first_name"),
        ("Last name", "last_name"),
        ("Nom", "last_name"),
        ("Company", "company"),
        ("Entreprise", "company"),
        ("Société", "company"),
        ("Job Title", "title"),
        ("Poste", "title"),
        ("Téléphone", "phone"),
        ("Time zone", "timezone"),
    ],
)
def test_headers_map_in_english_and_french(header, field):
    assert auto_map([header]) == [ColumnTarget("field", field)]


def test_unknown_columns_become_custom_fields_and_duplicates_stay_data():
    targets = auto_map(["Email", "LinkedIn", "E-mail", "Étiquettes", "", "none"])
    assert targets == [
        ColumnTarget("field", "email"),
        ColumnTarget("custom", "LinkedIn"),
        ColumnTarget("custom", "E-mail"),
        ColumnTarget("tags", "tags"),
        ColumnTarget("ignore"),
        ColumnTarget("custom", "none"),
    ]


def test_overrides_win_over_automatic_mapping():
    targets = auto_map(
        ["Adresse pro", "Email perso", "Nom", "Notes"],
        {"adresse pro": "email", "Email perso": "custom:Personal", "Notes": "ignore"},
    )
    assert targets == [
        ColumnTarget("field", "email"),
        ColumnTarget("custom", "Personal"),
        ColumnTarget("field", "last_name"),
        ColumnTarget("ignore"),
    ]


def test_override_naming_a_missing_column_is_refused():
    with pytest.raises(FluenzrError, match="no column named 'Mail'"):
        auto_map(["Email"], {"Mail": "email"})


def test_map_option_parsing():
    assert parse_map_option("Adresse pro=email") == ("Adresse pro", "email")
    with pytest.raises(FluenzrError, match="COLUMN=FIELD"):
        parse_map_option("email")


def test_header_normalisation_and_tags():
    assert normalise_header("  Prénom usuel ") == "prenomusuel"
    assert split_tags("vip, fr; 2024 | ") == ["vip", "fr", "2024"]
