"""`fluenzr contacts import|list|export`, end to end with real CSV files."""

from __future__ import annotations

import csv

from tests.cli.helpers import write_csv

STANDARD_KEYS = {"email", "first_name", "last_name", "company", "title", "phone", "timezone"}


def by_email(listing: list[dict]) -> dict[str, dict]:
    return {contact["email"]: contact for contact in listing}


def test_import_reports_counts_and_rejected_lines_as_json(cli, tmp_path):
    source = write_csv(
        tmp_path / "leads.csv",
        "email,first name,company\n"
        "ann@acme.com,Ann,Acme\n"
        "not-an-address,X,Y\n"
        "bob@globex.com,Bob,Globex\n"
        " ANN@ACME.COM ,Annie,\n"
        ",Nobody,Nowhere\n",
    )

    result = cli("contacts", "import", source, "--json")

    assert result.code == 0, result.stderr
    report = result.json
    assert list(report) == ["imported", "updated", "skipped", "errors"]
    assert (report["imported"], report["updated"], report["skipped"]) == (2, 1, 0)
    assert [error["line"] for error in report["errors"]] == [3, 6]
    assert all(set(error) == {"line", "reason"} for error in report["errors"])
    assert "not-an-address" in report["errors"][0]["reason"]
    contacts = by_email(cli("contacts", "list", "--json").json)
    assert set(contacts) == {"ann@acme.com", "bob@globex.com"}
    # the duplicate row (same address, other case) updated Ann without erasing her company
    assert contacts["ann@acme.com"]["first_name"] == "Annie"
    assert contacts["ann@acme.com"]["company"] == "Acme"


def test_import_text_output_is_readable(cli, tmp_path):
    source = write_csv(tmp_path / "leads.csv", "email,company\nann@acme.com,Acme\nbroken@,Nope\n")

    result = cli("contacts", "import", source)

    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 imported, 0 updated, 0 skipped, 1 rejected"
    assert lines[1].strip().startswith("line 3:")
    assert "broken@" in lines[1]
    assert not result.stdout.lstrip().startswith("{")


def test_reimport_with_skip_keeps_existing_values(cli, contacts, tmp_path):
    changed = write_csv(tmp_path / "again.csv", "email,company\nann@acme.com,NewCo\nnew@x.com,X\n")

    result = cli("contacts", "import", changed, "--on-duplicate", "skip", "--json")

    assert result.json == {"imported": 1, "updated": 0, "skipped": 1, "errors": []}
    contacts = by_email(cli("contacts", "list", "--json").json)
    assert contacts["ann@acme.com"]["company"] == "Acme"
    assert "new@x.com" in contacts


def test_reimport_with_update_changes_values_and_keeps_the_rest(cli, contacts, tmp_path):
    changed = write_csv(tmp_path / "again.csv", "email,company,first name\nann@acme.com,NewCo,\n")

    result = cli("contacts", "import", changed, "--on-duplicate", "update", "--json")

    assert result.json == {"imported": 0, "updated": 1, "skipped": 0, "errors": []}
    ann = by_email(cli("contacts", "list", "--json").json)["ann@acme.com"]
    assert ann["company"] == "NewCo"
    assert ann["first_name"] == "Ann"  # an empty cell does not erase
    assert ann["custom_fields"] == {"LinkedIn": "https://linkedin.com/ann"}
    assert sorted(ann["tags"]) == ["fr", "vip"]


def test_import_tag_option_tags_every_imported_contact(cli, contacts_csv):
    result = cli("contacts", "import", contacts_csv, "--tag", "webinar", "--tag", "q3", "--json")

    assert result.code == 0, result.stderr
    listing = cli("contacts", "list", "--json").json
    assert len(listing) == 3
    assert all({"webinar", "q3"} <= set(contact["tags"]) for contact in listing)
    tagged = cli("contacts", "list", "--tag", "webinar", "--json").json
    assert len(tagged) == 3


def test_map_option_overrides_auto_mapping(cli, tmp_path):
    source = write_csv(
        tmp_path / "crm.csv",
        "Contact,Boîte,Notes,Junk,Country\n"
        "ann@acme.com,Acme,met at SaaStr,zzz,FR\n"
        "bob@globex.com,Globex,,zzz,DE\n",
    )

    result = cli(
        "contacts",
        "import",
        source,
        "--map",
        "Contact=email",
        "--map",
        "Boîte=company",
        "--map",
        "Notes=custom:Remarks",
        "--map",
        "Junk=ignore",
        "--json",
    )

    assert result.json == {"imported": 2, "updated": 0, "skipped": 0, "errors": []}
    ann = by_email(cli("contacts", "list", "--json").json)["ann@acme.com"]
    assert ann["company"] == "Acme"
    # Notes went to the custom field it was mapped to, Junk nowhere, Country by its own name
    assert ann["custom_fields"] == {"Remarks": "met at SaaStr", "Country": "FR"}


def test_french_excel_export_in_windows_1252_with_semicolons(cli, tmp_path):
    source = write_csv(
        tmp_path / "excel.csv",
        "Courriel;Prénom;Nom;Société\r\nhelene@exemple.fr;Hélène;Dupré;Société Générale\r\n",
        encoding="cp1252",
    )

    result = cli("contacts", "import", source, "--json")

    assert result.json["imported"] == 1
    [helene] = cli("contacts", "list", "--json").json
    assert (helene["first_name"], helene["last_name"]) == ("Hélène", "Dupré")
    assert helene["company"] == "Société Générale"


def test_list_gives_every_field_custom_fields_and_tags(cli, contacts):
    result = cli("contacts", "list", "--json")

    assert result.code == 0, result.stderr
    listing = result.json
    assert [contact["email"] for contact in listing] == [
        "ann@acme.com",
        "bob@globex.com",
        "carol@initech.com",
    ]
    for contact in listing:
        assert STANDARD_KEYS | {"custom_fields", "tags"} <= set(contact)
    ann = listing[0]
    assert (ann["first_name"], ann["last_name"], ann["company"]) == ("Ann", "Lee", "Acme")
    assert ann["custom_fields"] == {"LinkedIn": "https://linkedin.com/ann"}
    assert sorted(ann["tags"]) == ["fr", "vip"]
    assert listing[2]["company"] == "{{ 7*7 }}"
    assert listing[2]["tags"] == []


def test_list_filters_by_tag(cli, contacts):
    emails = [c["email"] for c in cli("contacts", "list", "--tag", "vip", "--json").json]
    assert emails == ["ann@acme.com"]
    emails = [c["email"] for c in cli("contacts", "list", "--tag", "fr", "--json").json]
    assert emails == ["ann@acme.com", "bob@globex.com"]
    assert cli("contacts", "list", "--tag", "nobody-has-it", "--json").json == []


def test_search_matches_email_names_and_company_ignoring_case(cli, contacts):
    def search(text: str) -> list[str]:
        result = cli("contacts", "list", "--search", text, "--json")
        assert result.code == 0, result.stderr
        return [contact["email"] for contact in result.json]

    assert search("GLOBEX") == ["bob@globex.com"]  # company (and email domain)
    assert search("anN") == ["ann@acme.com"]  # first name / email
    assert search("martin") == ["bob@globex.com"]  # last name only
    assert search("acme") == ["ann@acme.com"]
    assert search("INITECH.COM") == ["carol@initech.com"]  # email only
    assert search("linkedin") == []  # custom fields are not searched
    assert search("%") == []  # a LIKE wildcard is matched literally
    assert search("zzz-nothing") == []


def test_search_and_tag_combine(cli, contacts):
    result = cli("contacts", "list", "--tag", "fr", "--search", "ann", "--json")
    assert [contact["email"] for contact in result.json] == ["ann@acme.com"]


def test_list_text_output_is_a_table(cli, contacts):
    result = cli("contacts", "list")

    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["EMAIL", "NAME", "COMPANY", "TAGS", "CUSTOM"]
    ann_line = next(line for line in lines if line.startswith("ann@acme.com"))
    assert "Ann Lee" in ann_line and "Acme" in ann_line and "vip" in ann_line
    assert len(lines) == 4


def test_list_on_an_empty_workspace(cli):
    assert cli("contacts", "list", "--json").json == []
    text = cli("contacts", "list")
    assert text.code == 0 and text.stdout.strip() == "no contacts"


def test_export_then_import_into_another_workspace_gives_the_same_list(cli, tmp_path):
    source = write_csv(
        tmp_path / "rich.csv",
        "email,first name,last name,company,title,phone,timezone,LinkedIn,Budget,tags\n"
        'ann@acme.com,Ann,Lee,"Acme, Inc.",CEO,+33 1 23 45 67 89,Europe/Paris,'
        'https://l.com/ann,"10k\n(yearly)","vip, fr"\n'
        "bob@globex.com,Bob,,Globex,,,,,,\n"
        "zoe@exemple.fr,Zoé,Müller,Société Générale,,,,,5k,de\n",
    )
    assert cli("contacts", "import", source, "--tag", "imported", "--json").code == 0
    before = cli("contacts", "list", "--json").json
    exported = tmp_path / "out" / "contacts.csv"
    exported.parent.mkdir()

    result = cli("contacts", "export", exported, "--json")

    assert result.code == 0, result.stderr
    assert result.json["exported"] == 3
    with exported.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 3
    other = tmp_path / "other-workspace"
    again = cli("contacts", "import", exported, "--json", workspace=other)
    assert again.json == {"imported": 3, "updated": 0, "skipped": 0, "errors": []}
    after = cli("contacts", "list", "--json", workspace=other).json
    normalise = [{**contact, "tags": sorted(contact["tags"])} for contact in before]
    assert [{**c, "tags": sorted(c["tags"])} for c in after] == normalise
    assert after[0]["custom_fields"]["Budget"] == "10k\n(yearly)"


def test_export_text_output_says_where(cli, contacts, tmp_path):
    target = tmp_path / "all.csv"

    result = cli("contacts", "export", target)

    assert result.code == 0
    assert result.stdout.strip() == f"3 contacts written to {target}"
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("email,")
