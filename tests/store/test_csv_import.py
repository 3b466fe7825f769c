"""Importing contacts from real CSV files: formats, header mapping, bad rows, duplicates, failures."""

from __future__ import annotations

import zipfile

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.csv_io import ImportReport, import_contacts
from tests.conftest import write_bytes
from tests.store.conftest import contact_count, contacts_by_email


def run_import(workspace, path, **options) -> ImportReport:
    return import_contacts(workspace.engine, path, **options)


def assert_every_row_counted(report: ImportReport, data_rows: int) -> None:
    total = report.imported + report.updated + report.skipped + len(report.errors)
    assert total == data_rows, report.to_dict()


def error_lines(report: ImportReport) -> list[int]:
    return [error.line for error in report.errors]


# --- Formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "company"),
    [
        (",", "Dupont; Fils et Cie"),
        (";", "Dupont, Fils et Cie"),
        ("\t", "Dupont; Fils, et Cie"),
    ],
    ids=["comma", "semicolon", "tab"],
)
def test_the_delimiter_is_detected(workspace, tmp_path, delimiter, company):
    # The company holds the other delimiters unquoted: only the right guess keeps it whole.
    rows = [
        ["email", "first name", "company"],
        ["anne@example.com", "Anne", company],
        ["bob@example.com", "Bob", "Solo"],
    ]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    report = run_import(workspace, write_bytes(tmp_path / "contacts.csv", text))

    assert report.imported == 2
    assert report.errors == []
    contacts = contacts_by_email(workspace)
    assert contacts["anne@example.com"]["company"] == company
    assert contacts["anne@example.com"]["first_name"] == "Anne"
    assert contacts["bob@example.com"]["company"] == "Solo"


FRENCH_EXCEL = (
    "Prénom;Nom;Société;E-mail;Poste\r\n"
    "Élodie;Lefèvre;Société Générale;elodie.lefevre@example.fr;Chargée d'études\r\n"
    "François;Nœud;Crédit Agricole;francois@example.fr;Directeur général\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_french_excel_exports_are_decoded_in_every_supported_encoding(
    workspace, tmp_path, encoding
):
    path = write_bytes(tmp_path / "export.csv", FRENCH_EXCEL, encoding)
    if encoding == "utf-16":
        assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")

    report = run_import(workspace, path)

    assert report.imported == 2
    assert report.errors == []
    contacts = contacts_by_email(workspace)
    elodie = contacts["elodie.lefevre@example.fr"]
    assert elodie["first_name"] == "Élodie"
    assert elodie["last_name"] == "Lefèvre"
    assert elodie["company"] == "Société Générale"
    assert elodie["title"] == "Chargée d'études"
    assert elodie["custom_fields"] == {}  # the BOM did not glue itself to the first header
    assert contacts["francois@example.fr"]["last_name"] == "Nœud"  # œ exists in cp1252


def test_quoted_fields_with_newlines_and_delimiters_keep_line_numbers_right(workspace, tmp_path):
    text = (
        "email,first name,notes\n"  # line 1
        'anne@example.com,Anne,"first line\n'  # line 2
        'second line, with a comma"\n'  # line 3
        "not-an-address,Bob,x\n"  # line 4
        '"cy@example.com","Cy","one\n'  # line 5
        "two\n"  # line 6
        'three; four"\n'  # line 7
        "also bad,Dan,y\n"  # line 8
        "dora@example.com,Dora,z\n"  # line 9
    )
    report = run_import(workspace, write_bytes(tmp_path / "notes.csv", text))

    assert error_lines(report) == [4, 8]
    assert report.imported == 3
    contacts = contacts_by_email(workspace)
    assert contacts["anne@example.com"]["custom_fields"] == {
        "notes": "first line\nsecond line, with a comma"
    }
    assert contacts["cy@example.com"]["custom_fields"] == {"notes": "one\ntwo\nthree; four"}


def test_an_excel_sep_line_sets_the_delimiter_and_lines_count_from_the_file(workspace, tmp_path):
    text = "sep=;\r\nemail;company\r\nanne@example.com;Dupont, Fils\r\nnope;X\r\n"
    report = run_import(workspace, write_bytes(tmp_path / "sep.csv", text, "cp1252"))

    assert report.imported == 1
    assert error_lines(report) == [4]
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["company"] == "Dupont, Fils"
    assert "sep=;" not in str(contact)


# --- Header mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Email", "email"),
        ("E-mail", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("Email Address", "email"),
        ("First name", "first_name"),
        ("Prénom", "first_name"),
        ("Last name", "last_name"),
        ("Nom", "last_name"),
        ("Company", "company"),
        ("Entreprise", "company"),
        ("Société", "company"),
        ("Job title", "title"),
        ("Poste", "title"),
        ("Phone", "phone"),
        ("Téléphone", "phone"),
        ("Fuseau horaire", "timezone"),
    ],
)
def test_common_english_and_french_headers_map_to_standard_fields(
    workspace, tmp_path, header, field
):
    if field == "email":
        text = f"{header}\nanne@example.com\n"
    else:
        text = f"email,{header}\nanne@example.com,valeur-{field}\n"
    report = run_import(workspace, write_bytes(tmp_path / "h.csv", text))

    assert report.imported == 1
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["custom_fields"] == {}
    if field != "email":
        assert contact[field] == f"valeur-{field}"


def test_a_tags_column_is_split_into_tags(workspace, tmp_path):
    text = "Courriel;Étiquettes\nanne@example.com;vip, salon-2025 | paris\n"
    run_import(workspace, write_bytes(tmp_path / "t.csv", text))
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["tags"] == ["paris", "salon-2025", "vip"]
    assert contact["custom_fields"] == {}


def test_unknown_columns_become_custom_fields_under_their_own_names(workspace, tmp_path):
    text = "email,LinkedIn URL,Ville,Nombre de salariés\nanne@example.com,in/anne,Lyon,12\n"
    run_import(workspace, write_bytes(tmp_path / "c.csv", text))
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["custom_fields"] == {
        "LinkedIn URL": "in/anne",
        "Ville": "Lyon",
        "Nombre de salariés": "12",
    }


def test_explicit_overrides_name_the_email_a_custom_field_and_an_ignored_column(
    workspace, tmp_path
):
    text = (
        "Adresse pro,Nom,Boîte,Notes internes\nanne@example.com,Martin,Dupont SA,ne pas exporter\n"
    )
    report = run_import(
        workspace,
        write_bytes(tmp_path / "o.csv", text),
        overrides={"Adresse pro": "email", "Boîte": "custom:Employeur", "Notes internes": "ignore"},
    )

    assert report.imported == 1
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["last_name"] == "Martin"
    assert contact["company"] is None
    assert contact["custom_fields"] == {"Employeur": "Dupont SA"}
    assert "ne pas exporter" not in str(contact)


def test_an_override_can_send_an_auto_mapped_column_elsewhere(workspace, tmp_path):
    text = "email,Nom\nanne@example.com,Dupont SA\n"
    run_import(workspace, write_bytes(tmp_path / "o.csv", text), overrides={"Nom": "company"})
    contact = contacts_by_email(workspace)["anne@example.com"]
    assert contact["company"] == "Dupont SA"
    assert contact["last_name"] is None


def test_an_override_naming_a_missing_column_is_refused_and_imports_nothing(workspace, tmp_path):
    text = "email,Nom\nanne@example.com,Martin\n"
    with pytest.raises(FluenzrError, match="Adresse pro") as caught:
        run_import(
            workspace, write_bytes(tmp_path / "o.csv", text), overrides={"Adresse pro": "email"}
        )
    assert "\n" not in str(caught.value)
    assert contact_count(workspace) == 0


def test_a_file_without_an_email_column_is_refused_naming_the_file(workspace, tmp_path):
    path = write_bytes(tmp_path / "noemail.csv", "name,company\nAnne,Acme\n")
    with pytest.raises(FluenzrError, match="no email column") as caught:
        run_import(workspace, path)
    assert str(path) in str(caught.value)
    assert contact_count(workspace) == 0


# --- Duplicate columns --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Email,Email,Name,Name\nann@example.com,ann@perso.fr,Ann,Annie\n",
            ("columns 1 and 2", "'Email', 'Email'", "email field", "--map 'Email=ignore'"),
        ),
        (
            "Email,E-mail\nann@example.com,ann@perso.fr\n",
            ("columns 1 and 2", "'Email', 'E-mail'", "email field", "--map 'E-mail=ignore'"),
        ),
        (
            "Courriel;Prénom;PRENOM\nann@example.com;Ann;Annie\n",
            ("columns 2 and 3", "'Prénom', 'PRENOM'", "first_name field"),
        ),
        (
            "email,Name,Name\nann@example.com,Ann,Annie\n",
            ("columns 2 and 3", "custom field 'Name'", "--map 'Name=ignore'"),
        ),
    ],
    ids=["same header twice", "email synonyms", "accents and case", "same custom field"],
)
def test_a_file_with_two_columns_for_one_field_is_refused_and_imports_nothing(
    workspace, tmp_path, text, names
):
    path = write_bytes(tmp_path / "twice.csv", text)
    with pytest.raises(FluenzrError) as caught:
        run_import(workspace, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    for name in names:
        assert name in message, (name, message)
    assert contact_count(workspace) == 0


def test_map_resolves_two_columns_for_one_field(workspace, tmp_path):
    text = "Email,E-mail,Name,Name\nann@example.com,ann@perso.fr,Ann,Annie\n"
    path = write_bytes(tmp_path / "twice.csv", text)

    report = run_import(workspace, path, overrides={"E-mail": "custom:Personal", "Name": "ignore"})

    assert report.imported == 1
    contact = contacts_by_email(workspace)["ann@example.com"]
    # The second "Name" column is kept, as a custom field; the first was ignored.
    assert contact["custom_fields"] == {"Personal": "ann@perso.fr", "Name": "Annie"}


def test_columns_named_by_position_import_a_file_with_one_header_twice(workspace, tmp_path):
    text = "Email,Email,Name,Name\nann@example.com,ann@perso.fr,Ann,Annie\n"
    path = write_bytes(tmp_path / "twice.csv", text)

    report = run_import(
        workspace, path, overrides={0: "ignore", 1: "email", 2: "first_name", 3: "ignore"}
    )

    assert report.imported == 1
    assert contacts_by_email(workspace)["ann@perso.fr"]["first_name"] == "Ann"


# --- Bad rows ----------------------------------------------------------------------------------


def test_invalid_addresses_are_rejected_per_row_and_the_rest_imported(workspace, tmp_path):
    text = (
        "email,first name\n"
        "anne@example.com,Anne\n"  # 2
        "not-an-address,Bob\n"  # 3
        "cy@@example.com,Cy\n"  # 4
        ",Nobody\n"  # 5
        "dora@example.com,Dora\n"  # 6
        "eve@localhost,Eve\n"  # 7
    )
    report = run_import(workspace, write_bytes(tmp_path / "bad.csv", text))

    assert error_lines(report) == [3, 4, 5, 7]
    reasons = {error.line: error.reason for error in report.errors}
    assert "not-an-address" in reasons[3]
    assert "cy@@example.com" in reasons[4]
    assert "no email" in reasons[5]
    assert report.imported == 2
    assert set(contacts_by_email(workspace)) == {"anne@example.com", "dora@example.com"}
    assert_every_row_counted(report, 6)


def test_a_row_with_more_fields_than_the_header_is_rejected_with_its_line(workspace, tmp_path):
    text = (
        "email,first name\n"
        "anne@example.com,Anne\n"  # 2
        "bob@example.com,Bob,surprise\n"  # 3
        "cy@example.com,Cy,,\n"  # 4: trailing empty cells, as Excel writes them
    )
    report = run_import(workspace, write_bytes(tmp_path / "wide.csv", text))

    assert error_lines(report) == [3]
    assert "3 fields" in report.errors[0].reason
    assert set(contacts_by_email(workspace)) == {"anne@example.com", "cy@example.com"}
    assert_every_row_counted(report, 3)


# --- Duplicates --------------------------------------------------------------------------------


def _seed_alice(workspace, tmp_path):
    seed = "email,first name,company,title,Ville,tags\nalice@example.com,Alice,Acme,CTO,Paris,vip\n"
    report = run_import(workspace, write_bytes(tmp_path / "seed.csv", seed))
    assert report.imported == 1


def test_update_merges_duplicates_by_normalised_email_without_erasing(workspace, tmp_path):
    _seed_alice(workspace, tmp_path)
    text = (
        "email,first name,company,title,Score,tags\n"
        "  ALICE@Example.COM  ,,Acme SAS,,5,salon\n"  # empty cells must not erase
        "alice@example.com,,,CEO,,\n"  # same person again, inside the file
        "bob@example.com,Bob,Beta,,,\n"
        "Bob@Example.com,Robert,,,,new\n"
    )
    report = run_import(
        workspace, write_bytes(tmp_path / "update.csv", text), on_duplicate="update"
    )

    assert (report.imported, report.updated, report.skipped) == (1, 3, 0)
    assert_every_row_counted(report, 4)
    contacts = contacts_by_email(workspace)
    assert set(contacts) == {"alice@example.com", "bob@example.com"}
    alice = contacts["alice@example.com"]
    assert alice["first_name"] == "Alice"
    assert alice["company"] == "Acme SAS"
    assert alice["title"] == "CEO"
    assert alice["custom_fields"] == {"Ville": "Paris", "Score": "5"}
    assert alice["tags"] == ["salon", "vip"]
    bob = contacts["bob@example.com"]
    assert bob["first_name"] == "Robert"
    assert bob["company"] == "Beta"
    assert bob["tags"] == ["new"]


def test_skip_leaves_the_workspace_contact_untouched_and_keeps_the_first_row(workspace, tmp_path):
    _seed_alice(workspace, tmp_path)
    before = contacts_by_email(workspace)["alice@example.com"]
    text = (
        "email,first name,company,Score,tags\n"
        "Alice@Example.com,Alicia,Other Co,5,salon\n"
        "bob@example.com,Bob,Beta,,\n"
        "BOB@example.com,Robert,Gamma,,\n"
    )
    report = run_import(
        workspace, write_bytes(tmp_path / "skip.csv", text), on_duplicate="skip", tags=["import-2"]
    )

    assert (report.imported, report.updated, report.skipped) == (1, 0, 2)
    assert_every_row_counted(report, 3)
    contacts = contacts_by_email(workspace)
    assert contacts["alice@example.com"] == before
    assert contacts["bob@example.com"]["first_name"] == "Bob"
    assert contacts["bob@example.com"]["company"] == "Beta"
    assert contacts["bob@example.com"]["tags"] == ["import-2"]


def test_extra_tags_are_added_to_new_and_updated_contacts(workspace, tmp_path):
    _seed_alice(workspace, tmp_path)
    text = "email,tags\nalice@example.com,\ncarol@example.com,lead\n"
    report = run_import(
        workspace, write_bytes(tmp_path / "tags.csv", text), tags=["salon-2025", " q3 "]
    )

    assert (report.imported, report.updated) == (1, 1)
    contacts = contacts_by_email(workspace)
    assert contacts["alice@example.com"]["tags"] == ["q3", "salon-2025", "vip"]
    assert contacts["carol@example.com"]["tags"] == ["lead", "q3", "salon-2025"]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(workspace, tmp_path):
    text = "email,first name,tags\nanne@example.com,Anne,vip\nbob@example.com,Bob,\n"
    path = write_bytes(tmp_path / "twice.csv", text)
    run_import(workspace, path)
    first = contacts_by_email(workspace)
    report = run_import(workspace, path)
    assert (report.imported, report.updated) == (0, 2)
    assert contacts_by_email(workspace) == first


def test_an_unknown_duplicate_policy_is_refused(workspace, tmp_path):
    path = write_bytes(tmp_path / "p.csv", "email\nanne@example.com\n")
    with pytest.raises(FluenzrError, match="update or skip"):
        run_import(workspace, path, on_duplicate="merge")
    assert contact_count(workspace) == 0


# --- Unreadable files: clear error, nothing written --------------------------------------------


def _xlsx(path):
    with zipfile.ZipFile(path, "w") as workbook:
        workbook.writestr("[Content_Types].xml", "<Types/>")
        workbook.writestr("xl/workbook.xml", "<workbook/>")
    return path


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("empty", lambda p: write_bytes(p, "")),
        ("blank lines", lambda p: write_bytes(p, "\r\n\r\n  \n")),
        ("only a BOM", lambda p: write_bytes(p, "", "utf-8-sig")),
        ("binary", lambda p: p.write_bytes(bytes(range(256)) * 4) and p),
        ("workbook", _xlsx),
        # 0x81 is neither UTF-8 here nor defined in Windows-1252.
        ("undecodable", lambda p: p.write_bytes(b"email\nanne\x81@example.com\n") and p),
    ],
)
def test_unreadable_files_are_refused_naming_the_file(workspace, tmp_path, name, make):
    path = tmp_path / "contacts.csv"
    make(path)
    with pytest.raises(FluenzrError) as caught:
        run_import(workspace, path)
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    assert contact_count(workspace) == 0


def test_a_missing_file_is_refused_naming_it(workspace, tmp_path):
    with pytest.raises(FluenzrError, match="no such file") as caught:
        run_import(workspace, tmp_path / "absent.csv")
    assert "absent.csv" in str(caught.value)


BROKEN_QUOTING = {
    "unterminated at the end": (
        "email,first name,company\n"
        "new1@example.com,New,One\n"
        "alice@example.com,Changed,Changed Co\n"
        'new2@example.com,"Two,never closed\n'  # line 4
        "new3@example.com,Three,Co\n",
        4,
    ),
    "stray quote inside a field": (
        "email,first name,company\n"
        "new1@example.com,New,One\n"
        "alice@example.com,Changed,Changed Co\n"
        'new2@example.com,"Two"x,Co\n'  # line 4
        "new3@example.com,Three,Co\n",
        4,
    ),
}


@pytest.mark.parametrize("seeded", [False, True], ids=["empty workspace", "with contacts"])
@pytest.mark.parametrize("case", sorted(BROKEN_QUOTING))
def test_broken_quoting_names_file_and_line_and_changes_nothing(workspace, tmp_path, case, seeded):
    if seeded:
        _seed_alice(workspace, tmp_path)
    before = contacts_by_email(workspace)
    text, line = BROKEN_QUOTING[case]
    path = write_bytes(tmp_path / "broken.csv", text)

    with pytest.raises(FluenzrError) as caught:
        run_import(workspace, path, tags=["should-not-appear"])

    message = str(caught.value)
    assert str(path) in message
    assert f"line {line}" in message
    assert "\n" not in message
    assert contacts_by_email(workspace) == before
    assert contact_count(workspace) == len(before)


def test_a_large_import_over_an_existing_workspace_counts_and_merges_every_row(workspace, tmp_path):
    # More rows than one query chunk, half of them already in the workspace.
    seed = "email,first name,tags\n" + "".join(
        f"person{n}@example.com,Old{n},seed\n" for n in range(0, 1200, 2)
    )
    assert run_import(workspace, write_bytes(tmp_path / "seed.csv", seed)).imported == 600
    rows = [f"PERSON{n}@example.com,New{n},,Team {n % 7}" for n in range(1200)]
    rows[11] = "broken address,X,,"  # person11 was new
    text = "email,first name,company,Équipe\n" + "\n".join(rows) + "\n"

    report = run_import(workspace, write_bytes(tmp_path / "big.csv", text), tags=["batch"])

    assert (report.imported, report.updated, len(report.errors)) == (599, 600, 1)
    assert error_lines(report) == [13]
    assert_every_row_counted(report, 1200)
    contacts = contacts_by_email(workspace)
    assert len(contacts) == 1199
    assert contacts["person0@example.com"]["first_name"] == "New0"
    assert contacts["person0@example.com"]["tags"] == ["batch", "seed"]
    assert contacts["person1@example.com"]["tags"] == ["batch"]
    assert contacts["person1@example.com"]["custom_fields"] == {"Équipe": "Team 1"}
    assert contacts["person1@example.com"]["company"] is None


def test_bulk_json_of_custom_fields_is_exactly_what_json_dumps_writes():
    import json

    from fluenzr_desktop.store.csv_io import _json_of_strings

    samples = [
        {},
        {"LinkedIn": "https://linkedin.com/in/x"},
        {
            "Ville": "Orléans",
            "Note": 'dit "bonjour"\n\tà 9h',
            "表": "日本語",
            "e": "\x00\x1f\u2028",
        },
    ]
    for sample in samples:
        assert _json_of_strings(sample) == json.dumps(sample)
        assert json.loads(_json_of_strings(sample)) == sample
