"""Bad input everywhere: one clear line, a non-zero exit, no traceback, nothing half-written."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.helpers import assert_refused, sample_document, write_csv, write_json

MODES = pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])


@dataclass
class Case:
    """A refused command: how to build its arguments in `tmp_path`, and what the error names."""

    build: Callable[[Path], list]
    names: tuple[str, ...] = ()
    code: int = 1


def _import(name: str, text: str | None, *options: str, encoding: str = "utf-8"):
    def build(tmp: Path) -> list:
        path = tmp / name if text is None else write_csv(tmp / name, text, encoding)
        return ["contacts", "import", path, *options]

    return build


def _create(name: str, text: str | None, *options: str):
    def build(tmp: Path) -> list:
        path = tmp / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
        return ["campaign", "create", "--name", "X", "--from-file", path, *options]

    return build


GOOD_CSV = "Email,First name\nzed@corp.com,Zed\n"

IMPORT_CASES = {
    "missing file": Case(_import("nope.csv", None), ("nope.csv", "no such file")),
    "no email column": Case(
        _import("names.csv", "name,company\nAnn,Acme\n"), ("names.csv", "email", "'name'")
    ),
    "map names a missing column": Case(
        _import("ok.csv", GOOD_CSV, "--map", "Courriel=email"), ("--map", "Courriel", "'Email'")
    ),
    "map without =": Case(_import("ok.csv", GOOD_CSV, "--map", "Email"), ("--map", "'Email'")),
    "map without a field": Case(_import("ok.csv", GOOD_CSV, "--map", "Email="), ("--map",)),
    "map to an empty custom field": Case(
        _import("ok.csv", GOOD_CSV, "--map", "First name=custom:"), ("--map", "custom")
    ),
    "broken quoting after a good row": Case(
        _import("quotes.csv", 'email,name\nzed@corp.com,Zed\nyan@corp.com,"Yan\n'),
        ("quotes.csv", "line 3"),
    ),
    "empty file": Case(_import("empty.csv", ""), ("empty.csv", "empty")),
    "workbook instead of CSV": Case(
        _import("book.csv", "PK\x03\x04 not really a zip"), ("book.csv", "CSV")
    ),
    "binary file": Case(_import("blob.csv", "email\x00\x01\x02"), ("blob.csv",)),
    "a folder": Case(lambda tmp: ["contacts", "import", tmp], ("is a folder",)),
    "empty tag": Case(_import("ok.csv", GOOD_CSV, "--tag", "  "), ("tag",)),
    "two email columns": Case(
        _import("twice.csv", "Email,E-mail\nzed@corp.com,zed@perso.fr\n"),
        ("twice.csv", "columns 1 and 2 ('Email', 'E-mail')", "--map 'E-mail=ignore'"),
    ),
    "one custom column twice": Case(
        _import("names.csv", "Email,Name,Name\nzed@corp.com,Zed,Z\n"),
        ("names.csv", "columns 2 and 3", "custom field 'Name'"),
    ),
}


@pytest.mark.parametrize("case", IMPORT_CASES.values(), ids=IMPORT_CASES.keys())
@MODES
def test_a_refused_import_changes_nothing(cli, contacts, tmp_path, case, json_mode):
    before = cli("contacts", "list", "--json").json
    args = case.build(tmp_path)

    result = cli(*args, *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode, code=case.code)
    for name in case.names:
        assert name in message, (name, message)
    assert cli("contacts", "list", "--json").json == before


DOCUMENT_CASES = {
    "missing file": Case(_create("nope.json", None), ("nope.json", "no such file")),
    "malformed JSON": Case(
        _create("bad.json", '{"version": 1,\n "nodes": [\n  {"id": "a",}\n]}'),
        ("bad.json", "line 3", "column 14"),
    ),
    "truncated JSON": Case(
        _create("cut.json", json.dumps(sample_document(), indent=1)[:-40]), ("cut.json", "line")
    ),
    "wrong version": Case(
        _create("v2.json", json.dumps({**sample_document(), "version": 2})),
        ("v2.json", "version", "2"),
    ),
    "version as text": Case(
        _create("v1s.json", json.dumps({**sample_document(), "version": "1"})),
        ("v1s.json", "version"),
    ),
    "no version": Case(
        _create("nov.json", json.dumps({"nodes": [], "edges": []})), ("nov.json", "version")
    ),
    "not an object": Case(_create("list.json", "[1, 2]"), ("list.json", "object")),
    "nodes not a list": Case(
        _create("nodes.json", json.dumps({"version": 1, "nodes": {"a": 1}})),
        ("nodes.json", "nodes"),
    ),
    "duplicate node id": Case(
        _create(
            "dup.json",
            json.dumps({"version": 1, "nodes": [{"id": "a", "type": "end"}] * 2, "edges": []}),
        ),
        ("dup.json", "nodes[1].id", "'a'"),
    ),
    "edge without target": Case(
        _create(
            "edge.json",
            json.dumps({"version": 1, "nodes": [], "edges": [{"from": "a"}]}),
        ),
        ("edge.json", "edges[0].to"),
    ),
    "not UTF-8": Case(
        lambda tmp: [
            "campaign",
            "create",
            "--name",
            "X",
            "--from-file",
            write_csv(tmp / "latin.json", '{"version": 1, "x": "é"}', "latin-1"),
        ],
        ("latin.json", "UTF-8"),
    ),
    "JSON nested too deeply": Case(
        _create("deep.json", "[" * 100_000 + "]" * 100_000), ("deep.json", "nested")
    ),
    "unknown account": Case(
        lambda tmp: [
            "campaign",
            "create",
            "--name",
            "X",
            "--from-file",
            write_json(tmp / "ok.json", sample_document()),
            "--account",
            "99",
        ],
        ("account", "99"),
    ),
    "blank name": Case(
        lambda tmp: [
            "campaign",
            "create",
            "--name",
            "   ",
            "--from-file",
            write_json(tmp / "ok.json", sample_document()),
        ],
        ("--name",),
    ),
    "non-numeric account": Case(
        lambda tmp: ["campaign", "create", "--name", "X", "--from-file", "x", "--account", "one"],
        ("--account",),
        code=2,
    ),
}


@pytest.mark.parametrize("case", DOCUMENT_CASES.values(), ids=DOCUMENT_CASES.keys())
@MODES
def test_a_refused_document_creates_no_campaign(cli, tmp_path, case, json_mode):
    args = case.build(tmp_path)

    result = cli(*args, *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode, code=case.code)
    for name in case.names:
        assert name in message, (name, message)
    assert cli("campaign", "list", "--json").json == []


def test_a_document_nested_600_deep_is_a_document_error(cli, tmp_path):
    nested = "[" * 600 + "]" * 600
    path = tmp_path / "deep.json"
    path.write_text('{"version": 1, "nodes": [], "x": ' + nested + "}", encoding="utf-8")

    result = cli("campaign", "create", "--name", "X", "--from-file", path, "--json")

    assert "deep.json" in assert_refused(result, json_mode=True)


ID_VERBS = {
    "show": ["show"],
    "export": ["export"],
    "validate": ["validate"],
    "preview": ["preview", "--contact", "ann@acme.com"],
    "enroll": ["enroll", "--all"],
    "activate": ["activate"],
    "pause": ["pause"],
    "resume": ["resume"],
    "archive": ["archive"],
}


@pytest.mark.parametrize("verb", ID_VERBS.values(), ids=ID_VERBS.keys())
@pytest.mark.parametrize(("campaign", "names"), [("999", ("999",)), ("abc", ("number", "abc"))])
@MODES
def test_an_unknown_or_non_numeric_campaign_id_is_refused(
    cli, campaign_id, contacts, verb, campaign, names, json_mode
):
    name, *options = verb

    result = cli("campaign", name, campaign, *options, *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode)
    for text in names:
        assert text in message
    assert cli("campaign", "show", campaign_id, "--json").json["status"] == "draft"


@MODES
def test_preview_for_an_unknown_contact_is_refused(cli, campaign_id, contacts, json_mode):
    result = cli(
        "campaign",
        "preview",
        campaign_id,
        "--contact",
        "ghost@nowhere.com",
        *(["--json"] if json_mode else []),
    )

    assert "ghost@nowhere.com" in assert_refused(result, json_mode=json_mode)


USAGE_CASES = {
    "unknown command": ["frobnicate"],
    "unknown verb": ["campaign", "frobnicate"],
    "unknown option": ["contacts", "list", "--bogus"],
    "missing argument": ["campaign", "show"],
    "missing required option": ["campaign", "create", "--name", "X"],
    "bad choice": ["contacts", "import", "x.csv", "--on-duplicate", "merge"],
    "no command": [],
    "no verb": ["contacts"],
}


@pytest.mark.parametrize("args", USAGE_CASES.values(), ids=USAGE_CASES.keys())
@MODES
def test_a_malformed_command_line_exits_2_in_one_line(cli, args, json_mode):
    result = cli(*args, *(["--json"] if json_mode else []))

    assert_refused(result, json_mode=json_mode, code=2)


def test_a_workspace_that_is_a_file_is_refused(cli, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("hello", encoding="utf-8")

    result = cli("contacts", "list", "--json", workspace=not_a_folder)

    assert "not a folder" in assert_refused(result, json_mode=True)
    assert not_a_folder.read_text(encoding="utf-8") == "hello"


def test_a_corrupt_database_is_refused_in_one_line(cli, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "fluenzr.db").write_bytes(b"this is not SQLite at all" * 100)

    result = cli("contacts", "list", workspace=broken)

    assert "fluenzr.db" in assert_refused(result)


def test_the_suggested_map_option_imports_a_file_with_two_email_columns(cli, tmp_path):
    path = write_csv(tmp_path / "twice.csv", "Email,E-mail\nzed@corp.com,zed@perso.fr\n")
    refused = assert_refused(cli("contacts", "import", path))
    suggested = refused.rsplit("--map ", 1)[1].strip("'")

    result = cli("contacts", "import", path, "--map", suggested, "--json")

    assert result.code == 0, result.stderr
    assert result.json["imported"] == 1
    listed = cli("contacts", "list", "--json").json
    assert [contact["email"] for contact in listed] == ["zed@corp.com"]


@MODES
def test_export_into_a_missing_folder_is_refused(cli, contacts, tmp_path, json_mode):
    target = tmp_path / "no" / "such" / "out.csv"

    result = cli("contacts", "export", target, *(["--json"] if json_mode else []))

    assert "does not exist" in assert_refused(result, json_mode=json_mode)
    assert not target.parent.exists()


def test_export_onto_a_folder_is_refused(cli, contacts, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()

    result = cli("contacts", "export", folder, "--json")

    assert "a-folder" in assert_refused(result, json_mode=True)
    assert list(folder.iterdir()) == []
    assert not list(tmp_path.glob(".export-*"))


def test_a_blank_name_is_blamed_on_the_option_not_on_the_document(cli, sample_file):
    message = assert_refused(cli("campaign", "create", "--name", " ", "--from-file", sample_file))

    assert "--name" in message
    assert sample_file.name not in message
