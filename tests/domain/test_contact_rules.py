"""Contact rules: address syntax (fast path agrees with email-validator), header mapping."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from fluenzr_desktop.domain.contacts import (
    ColumnTarget,
    DuplicateColumns,
    address_problem,
    auto_map,
    duplicate_columns,
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


def test_unknown_columns_become_custom_fields():
    targets = auto_map(["Email", "LinkedIn", "Étiquettes", "", "none", "Tags", ""])
    assert targets == [
        ColumnTarget("field", "email"),
        ColumnTarget("custom", "LinkedIn"),
        ColumnTarget("tags", "tags"),
        ColumnTarget("ignore"),
        ColumnTarget("custom", "none"),
        ColumnTarget("tags", "tags"),  # two tags columns add up: nothing is lost
        ColumnTarget("ignore"),
    ]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (
            ["Email", "E-mail", "Name"],
            "columns 1 and 2 ('Email', 'E-mail') are both the email field: keep one, "
            "or map one with --map 'E-mail=ignore'",
        ),
        (
            ["Email", "Email", "Name", "Name"],
            "columns 1 and 2 ('Email', 'Email') are both the email field: keep one, "
            "or map one with --map 'Email=ignore'",
        ),
        (
            ["Courriel", "Prénom", " PRENOM "],
            "columns 2 and 3 ('Prénom', ' PRENOM ') are both the first_name field",
        ),
        (
            ["email", "Ville", "Notes", "Ville"],
            "columns 2 and 4 ('Ville', 'Ville') are both the custom field 'Ville': keep one, "
            "or map one with --map 'Ville=ignore'",
        ),
        (
            ["email", "l'entreprise", "Company", "Société"],
            "columns 3 and 4 ('Company', 'Société') are both the company field: keep one, "
            "or map one with --map 'Société=ignore'",
        ),
    ],
    ids=["synonyms", "same header", "accents and case", "custom", "second pair"],
)
def test_two_columns_filling_the_same_field_are_refused_naming_both(headers, message):
    with pytest.raises(DuplicateColumns) as caught:
        auto_map(headers)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_header_with_a_quote_is_suggested_shell_quoted():
    with pytest.raises(DuplicateColumns) as caught:
        auto_map(["email", "l'adresse", "l'adresse"])
    assert str(caught.value).endswith("""--map 'l'"'"'adresse=ignore'""")


def test_the_map_option_resolves_a_duplicate():
    headers = ["Email", "E-mail", "Name", "Name"]
    assert auto_map(headers, {"E-mail": "ignore", "Name": "ignore"}) == [
        ColumnTarget("field", "email"),
        ColumnTarget("ignore"),
        ColumnTarget("ignore"),  # --map names the first column of that header
        ColumnTarget("custom", "Name"),
    ]
    assert auto_map(headers, {"Email": "custom:Personal", "Name": "first_name"}) == [
        ColumnTarget("custom", "Personal"),
        ColumnTarget("field", "email"),
        ColumnTarget("field", "first_name"),
        ColumnTarget("custom", "Name"),
    ]


def test_an_explicit_mapping_that_clashes_suggests_the_other_column():
    with pytest.raises(DuplicateColumns) as caught:
        auto_map(["Adresse pro", "Email"], {"Adresse pro": "email"})
    assert "columns 1 and 2 ('Adresse pro', 'Email') are both the email field" in str(caught.value)
    assert str(caught.value).endswith("--map 'Email=ignore'")
    with pytest.raises(DuplicateColumns, match="--map 'Email=ignore'"):
        auto_map(["Email", "Adresse pro"], {"Adresse pro": "email"})


def test_columns_may_be_named_by_position_and_duplicates_allowed_for_a_front_end():
    headers = ["Email", "Email", "Name", "Name"]
    assert auto_map(headers, {0: "ignore", 3: "custom:Other"}) == [
        ColumnTarget("ignore"),
        ColumnTarget("field", "email"),
        ColumnTarget("custom", "Name"),
        ColumnTarget("custom", "Other"),
    ]
    assert auto_map(headers, allow_duplicates=True) == [
        ColumnTarget("field", "email"),
        ColumnTarget("field", "email"),
        ColumnTarget("custom", "Name"),
        ColumnTarget("custom", "Name"),
    ]
    assert duplicate_columns(auto_map(headers, allow_duplicates=True)) == (0, 1)
    with pytest.raises(FluenzrError, match="no column 5"):
        auto_map(headers, {4: "ignore"})


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
