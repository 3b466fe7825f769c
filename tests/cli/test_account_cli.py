"""`fluenzr account add/update/delete/list/test`: the password goes to the keyring, never
anywhere else; an account without a username sends without login and has no password."""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import func, insert, select

from fluenzr_desktop.store.schema import inbox_folders
from tests.cli.helpers import assert_refused, sample_document, write_json
from tests.conftest import run_fluenzr
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_auth_server,
    smtp_certificate,
    smtp_server,
    smtp_server_factory,
)

# Condition nodes need the Pro plan: the campaigns these tests activate have some.
pytestmark = pytest.mark.usefixtures("pro_workspace")

PASSWORD = "Zq-unique-app-password-4711"
MASTER = "master of the workspace"


@pytest.fixture(autouse=True)
def os_keyring(memory_keyring, monkeypatch):  # noqa: F811
    """Every test here has an OS keyring (in memory) unless it installs another one."""
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    monkeypatch.delenv("FLUENZR_MASTER_PASSWORD", raising=False)
    return memory_keyring


@pytest.fixture
def stdin(monkeypatch):
    """Feed standard input of the in-process command."""

    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    return feed


def add_args(**overrides: str | None) -> list[str]:
    """`account add` options; an override of None drops the option."""
    options: dict[str, str | None] = {
        "--name": "Founder",
        "--email": "founder@example.com",
        "--from-name": "Ann Founder",
        "--smtp-host": "127.0.0.1",
        "--smtp-port": "2525",
        "--smtp-security": "none",
        "--username": SMTP_USER,
    }
    options.update(overrides)
    args = ["account", "add"]
    for key, value in options.items():
        if value is not None:
            args += [key, value]
    return args


def workspace_bytes(workspace_dir: Path) -> dict[str, bytes]:
    """The database (with its WAL/journal) and the log files of a workspace."""
    files = [*workspace_dir.glob("fluenzr.db*"), *(workspace_dir / "logs").glob("*")]
    return {path.name: path.read_bytes() for path in files if path.is_file()}


def assert_no_password(password: str, *texts: str | bytes) -> None:
    encoded = password.encode()
    for text in texts:
        data = text if isinstance(text, bytes) else text.encode()
        assert encoded not in data


def test_add_with_password_stdin_then_list(cli, stdin, os_keyring, workspace_dir):
    stdin(PASSWORD + "\n")
    added = cli(*add_args(), "--password-stdin", "--daily-cap", "40", "--json")
    assert added.code == 0, added.stderr
    assert added.json == {"id": 1}
    assert PASSWORD in os_keyring.entries.values()

    listed = cli("account", "list", "--json")
    assert listed.code == 0, listed.stderr
    [account] = listed.json
    assert account["id"] == 1
    assert account["email"] == "founder@example.com"
    assert account["from_name"] == "Ann Founder"
    assert account["smtp"] == {"host": "127.0.0.1", "port": 2525, "security": "none"}
    assert account["imap"] == {"host": None, "port": None, "security": None}
    assert account["daily_cap"] == 40
    assert not any("password" in key for key in account)

    text = cli("account", "list")
    assert text.code == 0
    assert "founder@example.com" in text.stdout and "127.0.0.1:2525" in text.stdout

    assert_no_password(
        PASSWORD,
        added.stdout,
        added.stderr,
        listed.stdout,
        text.stdout,
        *workspace_bytes(workspace_dir).values(),
    )


def test_add_with_password_env_and_text_output(cli, monkeypatch, os_keyring, workspace_dir):
    monkeypatch.setenv("SMTP_PASS_FOR_TEST", PASSWORD)
    added = cli(*add_args(), "--password-env", "SMTP_PASS_FOR_TEST")
    assert added.code == 0, added.stderr
    assert added.stdout.strip() == "account 1 added"
    assert list(os_keyring.entries.values()) == [PASSWORD]
    assert_no_password(PASSWORD, added.stdout, added.stderr)
    assert_no_password(PASSWORD, *workspace_bytes(workspace_dir).values())


def test_the_password_never_reaches_the_database_even_before_checkpoint(
    cli, stdin, workspace_dir, workspace
):
    """With a workspace held open elsewhere, the WAL keeps the writes: still no password."""
    stdin(PASSWORD + "\n")
    added = cli(*add_args(), "--password-stdin", "--json")
    assert added.code == 0, added.stderr
    files = workspace_bytes(workspace_dir)
    assert "fluenzr.db" in files
    assert_no_password(PASSWORD, *files.values())


def test_signature_file_becomes_the_account_signature(cli, stdin, tmp_path):
    signature = tmp_path / "signature.txt"
    signature.write_text("--\nAnn Founder · Acme\nhttps://acme.example\n", encoding="utf-8")
    stdin(PASSWORD + "\n")
    added = cli(*add_args(), "--password-stdin", "--signature-file", signature, "--json")
    assert added.code == 0, added.stderr
    [account] = cli("account", "list", "--json").json
    assert account["signature"] == "--\nAnn Founder · Acme\nhttps://acme.example\n"


def test_imap_settings_and_append_to_sent_are_kept(cli, stdin):
    stdin(PASSWORD + "\n")
    args = add_args(
        **{"--imap-host": "127.0.0.1", "--imap-port": "1143", "--imap-security": "none"}
    )
    added = cli(*args, "--password-stdin", "--append-to-sent", "--timezone", "Europe/Paris")
    assert added.code == 0, added.stderr
    [account] = cli("account", "list", "--json").json
    assert account["imap"] == {"host": "127.0.0.1", "port": 1143, "security": "none"}
    assert account["append_to_sent"] is True
    assert account["timezone"] == "Europe/Paris"


@pytest.mark.parametrize(
    ("overrides", "extra", "blamed"),
    [
        ({"--email": "not-an-address"}, [], "--email"),
        ({"--email": "founder@"}, [], "--email"),
        ({"--smtp-port": "0"}, [], "--smtp-port"),
        ({"--smtp-port": "70000"}, [], "--smtp-port"),
        ({"--imap-host": "imap.example.com"}, [], "--imap"),
        (
            {"--imap-host": "imap.example.com", "--imap-port": "0", "--imap-security": "ssl"},
            [],
            "--imap-port",
        ),
        ({}, ["--daily-cap", "0"], "--daily-cap"),
        ({}, ["--timezone", "Mars/Olympus_Mons"], "--timezone"),
        ({}, ["--signature-file", "/no/such/signature.txt"], "signature.txt"),
    ],
)
@pytest.mark.parametrize("json_mode", [False, True])
def test_bad_input_is_refused_in_one_line_and_adds_nothing(
    cli, stdin, os_keyring, overrides, extra, blamed, json_mode
):
    stdin(PASSWORD + "\n")
    flags = ["--json"] if json_mode else []
    result = cli(*add_args(**overrides), "--password-stdin", *extra, *flags)
    error = assert_refused(result, json_mode=json_mode)
    assert blamed in error
    assert_no_password(PASSWORD, result.stdout, result.stderr)
    assert cli("account", "list", "--json").json == []
    assert os_keyring.entries == {}


def test_empty_password_on_stdin_is_refused(cli, stdin):
    stdin("\n")
    error = assert_refused(cli(*add_args(), "--password-stdin"))
    assert "--password-stdin" in error
    assert cli("account", "list", "--json").json == []


def test_unset_password_variable_is_refused(cli, monkeypatch):
    monkeypatch.delenv("NO_SUCH_PASSWORD_VARIABLE", raising=False)
    error = assert_refused(cli(*add_args(), "--password-env", "NO_SUCH_PASSWORD_VARIABLE"))
    assert "NO_SUCH_PASSWORD_VARIABLE" in error
    assert cli("account", "list", "--json").json == []


@pytest.mark.parametrize(
    "args",
    [
        [*add_args(**{"--smtp-security": "tls"}), "--password-env", "X"],
        [*add_args(**{"--smtp-port": "smtp"}), "--password-env", "X"],
        [*add_args(), "--password-stdin", "--password-env", "X"],
        add_args(**{"--name": None}),
    ],
)
def test_malformed_command_line_exits_2(cli, args):
    result = cli(*args)
    assert_refused(result, code=2)
    assert cli("account", "list", "--json").json == []


def test_a_username_without_a_password_is_refused(cli, os_keyring):
    error = assert_refused(cli(*add_args()))  # neither --password-stdin nor --password-env
    assert error.startswith("fluenzr: error: --username:")
    assert "--password-stdin" in error and "--password-env" in error
    assert cli("account", "list", "--json").json == []


def test_test_unknown_account_is_refused(cli):
    assert "no account with id 9" in assert_refused(cli("account", "test", "9"))
    assert "number" in assert_refused(cli("account", "test", "first"))


def test_no_os_keyring_and_no_master_password_adds_nothing(cli, stdin):
    keyring.set_keyring(fail.Keyring())  # restored by the memory_keyring fixture
    stdin(PASSWORD + "\n")  # not a terminal: no prompt possible
    error = assert_refused(cli(*add_args(), "--password-stdin"))
    assert "FLUENZR_MASTER_PASSWORD" in error
    assert cli("account", "list", "--json").json == []


def test_no_os_keyring_falls_back_to_the_encrypted_file_with_a_note(
    cli, stdin, monkeypatch, workspace_dir
):
    from keyrings.cryptfile.cryptfile import CryptFileKeyring

    monkeypatch.setattr(CryptFileKeyring, "memory_cost", 256)  # a cheap Argon2 for the test
    monkeypatch.setattr(CryptFileKeyring, "time_cost", 1)
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", MASTER)
    stdin(PASSWORD + "\n")
    added = cli(*add_args(), "--password-stdin")
    assert added.code == 0, added.stderr
    assert "no OS keyring" in added.stderr and "secrets.cfg" in added.stderr
    secrets_file = workspace_dir / "secrets.cfg"
    assert secrets_file.is_file()
    assert_no_password(PASSWORD, secrets_file.read_bytes(), added.stdout, added.stderr)
    assert_no_password(MASTER, secrets_file.read_bytes())
    assert_no_password(PASSWORD, *workspace_bytes(workspace_dir).values())


# -- account test against a real SMTP server


def _add_for(cli, stdin, server, password: str, *extra: str) -> int:
    stdin(password + "\n")
    added = cli(
        *add_args(**{"--smtp-port": str(server.port)}), "--password-stdin", *extra, "--json"
    )
    assert added.code == 0, added.stderr
    return added.json["id"]


def test_account_test_logs_in_with_the_right_password(cli, stdin, smtp_auth_server):  # noqa: F811
    account_id = _add_for(cli, stdin, smtp_auth_server, SMTP_PASSWORD)
    result = cli("account", "test", account_id, "--json")
    assert result.code == 0, result.stderr
    assert result.json["smtp"]["ok"] is True
    assert "235" in result.json["smtp"]["answer"]
    # No IMAP server configured: skipped, not failed.
    assert result.json["imap"]["ok"] is None

    text = cli("account", "test", account_id)
    assert text.code == 0
    assert "SMTP: ok" in text.stdout and "IMAP: skipped" in text.stdout
    assert_no_password(SMTP_PASSWORD, result.stdout, result.stderr, text.stdout, text.stderr)


def test_account_test_with_a_wrong_password_fails(cli, stdin, smtp_auth_server, workspace_dir):  # noqa: F811
    wrong = "wrong-Passw0rd-xyz"
    account_id = _add_for(cli, stdin, smtp_auth_server, wrong)
    result = cli("account", "test", account_id, "--json")
    assert result.code == 1
    assert result.json["smtp"]["ok"] is False
    assert "535" in result.json["smtp"]["answer"]
    text = cli("account", "test", account_id)
    assert text.code == 1
    assert "SMTP: FAILED" in text.stdout
    auth_plain = base64.b64encode(f"\0{SMTP_USER}\0{wrong}".encode()).decode()
    for leaked in (wrong, auth_plain):
        assert_no_password(
            leaked,
            result.stdout,
            result.stderr,
            text.stdout,
            text.stderr,
            *workspace_bytes(workspace_dir).values(),
        )


def test_account_test_with_an_unreachable_imap_server_fails(cli, stdin, smtp_auth_server):  # noqa: F811
    imap = {"--imap-host": "127.0.0.1", "--imap-port": "1", "--imap-security": "none"}
    stdin(SMTP_PASSWORD + "\n")
    args = add_args(**{"--smtp-port": str(smtp_auth_server.port), **imap})
    added = cli(*args, "--password-stdin", "--json")
    assert added.code == 0, added.stderr
    result = cli("account", "test", added.json["id"], "--json")
    assert result.code == 1
    assert result.json["smtp"]["ok"] is True
    assert result.json["imap"]["ok"] is False
    assert result.json["imap"]["answer"]


# -- the real console script, encrypted file keyring


def test_console_script_with_the_encrypted_file(tmp_path, smtp_auth_server):  # noqa: F811
    workspace = tmp_path / "ws"
    env = {"FLUENZR_KEYRING": "file", "FLUENZR_MASTER_PASSWORD": MASTER}
    args = add_args(**{"--smtp-port": str(smtp_auth_server.port)})
    added = run_fluenzr(
        *args, "--password-stdin", "--workspace", workspace, "--json",
        env=env, stdin=SMTP_PASSWORD + "\n",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    assert added.json == {"id": 1}
    secrets_file = workspace / "secrets.cfg"
    assert secrets_file.is_file()
    assert_no_password(SMTP_PASSWORD, secrets_file.read_bytes())

    tested = run_fluenzr("account", "test", "1", "--workspace", workspace, "--json", env=env)
    assert tested.code == 0, tested.stderr
    assert tested.json["smtp"]["ok"] is True and "235" in tested.json["smtp"]["answer"]

    locked = run_fluenzr(
        "account", "test", "1", "--workspace", workspace,
        env={**env, "FLUENZR_MASTER_PASSWORD": "not the master"},
    )  # fmt: skip
    assert_refused(locked)
    assert "wrong master password" in locked.stderr

    for result in (added, tested, locked):
        assert_no_password(SMTP_PASSWORD, result.stdout, result.stderr)
    assert_no_password(SMTP_PASSWORD, *workspace_bytes(workspace).values())


def test_account_test_without_a_stored_password_fails(cli, stdin, os_keyring, smtp_auth_server):  # noqa: F811
    """A keyring that lost the entry (reset, another machine): not "ok" without a login."""
    account_id = _add_for(cli, stdin, smtp_auth_server, SMTP_PASSWORD)
    os_keyring.entries.clear()
    result = cli("account", "test", account_id, "--json")
    assert result.code == 1
    assert result.json["smtp"]["ok"] is False
    assert "no password" in result.json["smtp"]["answer"]


# -- accounts without a login (local relays, test servers)


@pytest.fixture
def no_secret_store(monkeypatch, stdin):
    """No OS keyring and no master password: any use of the password store fails."""
    keyring.set_keyring(fail.Keyring())  # restored by the memory_keyring fixture
    stdin("")  # not a terminal: no prompt either


def test_add_without_username_needs_no_password_and_no_password_store(cli, no_secret_store):
    added = cli(*add_args(**{"--username": None}), "--json")
    assert added.code == 0, added.stderr
    assert added.json == {"id": 1}
    [account] = cli("account", "list", "--json").json
    assert account["username"] is None
    assert cli(*add_args(**{"--username": None, "--email": "b@example.com"})).stdout == (
        "account 2 added\n"
    )


@pytest.mark.parametrize("option", [["--password-stdin"], ["--password-env", "SMTP_PASS_X"]])
@pytest.mark.parametrize("username", [None, "", "  "])
def test_a_password_without_a_username_is_refused(
    cli, stdin, monkeypatch, os_keyring, option, username
):
    stdin(PASSWORD + "\n")
    monkeypatch.setenv("SMTP_PASS_X", PASSWORD)
    result = cli(*add_args(**{"--username": username}), *option)
    error = assert_refused(result)
    assert f"{option[0]}: a password goes with --username" in error
    assert_no_password(PASSWORD, result.stdout, result.stderr)
    assert cli("account", "list", "--json").json == []
    assert os_keyring.entries == {}


def test_reading_the_inbox_needs_a_username(cli, no_secret_store):
    imap = {"--imap-host": "127.0.0.1", "--imap-port": "1143", "--imap-security": "none"}
    error = assert_refused(cli(*add_args(**{"--username": None, **imap})))
    assert (
        error == "fluenzr: error: --imap-host: reading the inbox needs --username (an IMAP login)"
    )
    assert cli("account", "list", "--json").json == []


def test_account_test_without_username_connects_without_login(cli, no_secret_store, smtp_server):  # noqa: F811
    added = cli(*add_args(**{"--username": None, "--smtp-port": str(smtp_server.port)}))
    assert added.code == 0, added.stderr

    result = cli("account", "test", "1", "--json")
    assert result.code == 0, result.stderr
    smtp = result.json["smtp"]
    assert smtp["ok"] is True and smtp["login"] is False
    assert smtp["answer"].startswith(
        f"127.0.0.1:{smtp_server.port}: connected, no login (sending without AUTH) ; 220 "
    )
    assert "235" not in smtp["answer"]
    assert result.json["imap"]["ok"] is None

    text = cli("account", "test", "1")
    assert text.code == 0, text.stderr
    first = text.stdout.splitlines()[0]
    assert first.startswith("SMTP: ok — 127.0.0.1:")
    assert "connected, no login (sending without AUTH)" in first
    assert smtp_server.messages == []  # the sender was only tried, nothing sent


def test_account_test_without_username_on_a_server_wanting_a_login_fails(
    cli,
    no_secret_store,
    smtp_auth_server,  # noqa: F811
):
    port = str(smtp_auth_server.port)
    assert cli(*add_args(**{"--username": None, "--smtp-port": port})).code == 0
    result = cli("account", "test", "1", "--json")
    assert result.code == 1
    smtp = result.json["smtp"]
    assert smtp["ok"] is False and smtp["login"] is False
    assert "530" in smtp["answer"] and "wants a login" in smtp["answer"]


# -- account update


def _list_one(cli) -> dict:
    [account] = cli("account", "list", "--json").json
    return account


def test_update_changes_only_the_given_fields_and_the_password(
    cli, stdin, monkeypatch, os_keyring, workspace_dir
):
    stdin(PASSWORD + "\n")
    assert cli(*add_args(), "--password-stdin", "--daily-cap", "40").code == 0
    before = _list_one(cli)

    new_password = "N3w-unique-app-password-0815"
    monkeypatch.setenv("NEW_SMTP_PASS", new_password)
    updated = cli(
        "account", "update", "1", "--name", "Renamed", "--smtp-port", "2626",
        "--smtp-security", "starttls", "--password-env", "NEW_SMTP_PASS", "--json",
    )  # fmt: skip
    assert updated.code == 0, updated.stderr
    after = _list_one(cli)
    assert updated.json == after
    assert after == {
        **before,
        "name": "Renamed",
        "smtp": {"host": "127.0.0.1", "port": 2626, "security": "starttls"},
    }
    assert list(os_keyring.entries.values()) == [new_password]

    text = cli("account", "update", "1", "--from-name", "Ann F.", "--daily-cap", "")
    assert text.code == 0, text.stderr
    assert text.stdout == "account 1 updated\n"
    assert _list_one(cli)["from_name"] == "Ann F." and _list_one(cli)["daily_cap"] is None
    assert list(os_keyring.entries.values()) == [new_password]  # kept when not given

    for secret in (PASSWORD, new_password):
        assert_no_password(
            secret,
            updated.stdout,
            updated.stderr,
            text.stdout,
            text.stderr,
            *workspace_bytes(workspace_dir).values(),
        )


def test_update_clears_optional_fields(cli, stdin, tmp_path):
    signature = tmp_path / "signature.txt"
    signature.write_text("-- \nAnn\n", encoding="utf-8")
    stdin(PASSWORD + "\n")
    imap = {"--imap-host": "127.0.0.1", "--imap-port": "1143", "--imap-security": "none"}
    added = cli(
        *add_args(**{"--reply-to": "replies@example.com", **imap}), "--password-stdin",
        "--timezone", "Europe/Paris", "--signature-file", signature, "--append-to-sent",
    )  # fmt: skip
    assert added.code == 0, added.stderr
    account = _list_one(cli)
    assert account["reply_to"] == "replies@example.com" and account["signature"] == "-- \nAnn\n"

    other = tmp_path / "other.txt"
    other.write_text("Cheers", encoding="utf-8")
    assert cli("account", "update", "1", "--signature-file", other).code == 0
    assert _list_one(cli)["signature"] == "Cheers"

    result = cli(
        "account", "update", "1", "--reply-to", "", "--from-name", "", "--timezone", "",
        "--signature-file", "", "--imap-host", "", "--no-append-to-sent", "--json",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.json == {
        **account,
        "from_name": None,
        "reply_to": None,
        "timezone": None,
        "signature": None,
        "imap": {"host": None, "port": None, "security": None},
        "append_to_sent": False,
    }
    assert cli("account", "update", "1", "--append-to-sent").code == 0
    assert _list_one(cli)["append_to_sent"] is True


@pytest.mark.parametrize(
    ("args", "blamed"),
    [
        (["--smtp-port", "0"], "--smtp-port"),
        (["--email", "founder@"], "--email"),
        (["--name", ""], "--name"),
        (["--smtp-host", ""], "--smtp-host"),
        (["--reply-to", "not-an-address"], "--reply-to"),
        (["--daily-cap", "0"], "--daily-cap"),
        (["--timezone", "Mars/Olympus_Mons"], "--timezone"),
        (["--imap-host", "imap.example.com"], "--imap-host, --imap-port and --imap-security"),
        (["--imap-host", "", "--imap-port", "993"], "--imap-port"),
        (["--no-username"], "--password-stdin: a password goes with --username"),
        (["--username", ""], "--password-stdin: a password goes with --username"),
        (["--signature-file", "/no/such/signature.txt"], "signature.txt"),
    ],
)
@pytest.mark.parametrize("json_mode", [False, True])
def test_update_with_a_bad_value_is_refused_and_changes_nothing(
    cli, stdin, os_keyring, workspace_dir, args, blamed, json_mode
):
    stdin(PASSWORD + "\n")
    assert cli(*add_args(), "--password-stdin", "--from-name", "Ann").code == 0
    before, entries = _list_one(cli), dict(os_keyring.entries)

    new_password = "N3w-unique-app-password-0815"
    stdin(new_password + "\n")
    flags = ["--json"] if json_mode else []
    result = cli("account", "update", "1", "--name", "Changed", *args, "--password-stdin", *flags)
    error = assert_refused(result, json_mode=json_mode)
    assert blamed in error
    assert _list_one(cli) == before
    assert os_keyring.entries == entries  # the old password, not the new one
    assert_no_password(new_password, result.stdout, result.stderr)
    assert_no_password(new_password, *workspace_bytes(workspace_dir).values())


def test_update_refuses_a_login_without_a_password_and_nothing_to_change(cli, no_secret_store):
    assert cli(*add_args(**{"--username": None})).code == 0
    before = _list_one(cli)
    error = assert_refused(cli("account", "update", "1", "--username", "founder"))
    assert error.startswith("fluenzr: error: --username: a login needs a password")
    imap = ["--imap-host", "imap.example.com", "--imap-port", "993", "--imap-security", "ssl"]
    assert "--imap-host: reading the inbox needs --username" in assert_refused(
        cli("account", "update", "1", *imap)
    )
    assert "nothing to change" in assert_refused(cli("account", "update", "1"))
    assert "no account with id 7" in assert_refused(cli("account", "update", "7", "--name", "X"))
    assert _list_one(cli) == before


@pytest.mark.parametrize(
    "args",
    [
        ["--username", "u", "--no-username"],
        ["--append-to-sent", "--no-append-to-sent"],
        ["--daily-cap", "many"],
        ["--smtp-security", "tls"],
        ["--password-stdin", "--password-env", "X"],
    ],
)
def test_update_malformed_command_line_exits_2(cli, no_secret_store, args):
    assert cli(*add_args(**{"--username": None})).code == 0
    assert_refused(cli("account", "update", "1", *args), code=2)


def test_update_no_username_deletes_the_password_then_a_login_can_come_back(
    cli,
    stdin,
    os_keyring,
    smtp_auth_server,  # noqa: F811
):
    account_id = _add_for(cli, stdin, smtp_auth_server, SMTP_PASSWORD)
    assert len(os_keyring.entries) == 1
    result = cli("account", "update", account_id, "--no-username", "--json")
    assert result.code == 0, result.stderr
    assert result.json["username"] is None
    assert os_keyring.entries == {}
    tested = cli("account", "test", account_id, "--json")
    assert tested.json["smtp"]["login"] is False and "530" in tested.json["smtp"]["answer"]

    stdin(SMTP_PASSWORD + "\n")
    again = cli("account", "update", account_id, "--username", SMTP_USER, "--password-stdin")
    assert again.code == 0, again.stderr
    tested = cli("account", "test", account_id, "--json")
    assert tested.code == 0, tested.stderr
    assert tested.json["smtp"]["login"] is True and "235" in tested.json["smtp"]["answer"]
    assert_no_password(SMTP_PASSWORD, again.stdout, again.stderr, tested.stdout, tested.stderr)


def _folders(workspace) -> int:
    with workspace.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(inbox_folders)).scalar()


def _remember_folders(workspace, account_id: int = 1) -> None:
    with workspace.engine.begin() as connection:
        connection.execute(inbox_folders.delete())
        for folder in ("INBOX", "Junk"):
            connection.execute(
                insert(inbox_folders).values(
                    account_id=account_id, folder=folder, uidvalidity=7, last_uid=42
                )
            )


@pytest.mark.parametrize(
    ("args", "forgotten"),
    [
        (["--daily-cap", "9", "--smtp-host", "smtp.example.com"], False),
        (["--imap-security", "ssl"], False),
        (["--imap-host", "imap.other.example"], True),
        (["--imap-port", "993"], True),
        (["--username", "someone-else"], True),
        (["--imap-host", ""], True),
    ],
)
def test_update_forgets_the_inbox_state_when_the_mailbox_changes(
    cli, stdin, workspace, args, forgotten
):
    stdin(PASSWORD + "\n")
    imap = {"--imap-host": "127.0.0.1", "--imap-port": "1143", "--imap-security": "none"}
    assert cli(*add_args(**imap), "--password-stdin").code == 0
    _remember_folders(workspace)
    result = cli("account", "update", "1", *args)
    assert result.code == 0, result.stderr
    assert _folders(workspace) == (0 if forgotten else 2)


# -- account delete


@pytest.fixture
def sample_file(tmp_path) -> Path:
    return write_json(tmp_path / "sample.json", sample_document())


def _campaign(cli, sample_file, account_id, *verbs: str) -> int:
    created = cli("campaign", "create", "--name", "Q3", "--from-file", sample_file,
                  "--account", str(account_id), "--json")  # fmt: skip
    assert created.code == 0, created.stderr
    campaign_id = created.json["id"]
    for verb in verbs:
        changed = cli("campaign", verb, campaign_id)
        assert changed.code == 0, (verb, changed.stderr)
    return campaign_id


def test_delete_needs_yes(cli, no_secret_store):
    assert cli(*add_args(**{"--username": None})).code == 0
    error = assert_refused(cli("account", "delete", "1"))
    assert "--yes" in error
    assert len(cli("account", "list", "--json").json) == 1
    assert "no account with id 5" in assert_refused(cli("account", "delete", "5", "--yes"))


@pytest.mark.parametrize("verbs", [["activate"], ["activate", "pause"]])
def test_delete_is_refused_while_an_active_or_paused_campaign_uses_the_account(
    cli, stdin, os_keyring, sample_file, verbs
):
    stdin(PASSWORD + "\n")
    assert cli(*add_args(), "--password-stdin").code == 0
    running = _campaign(cli, sample_file, 1, *verbs)
    _campaign(cli, sample_file, 1)  # a draft does not hold the account
    for flags in ([], ["--json"]):
        result = cli("account", "delete", "1", "--yes", *flags)
        error = assert_refused(result, json_mode=bool(flags))
        status = "active" if verbs == ["activate"] else "paused"
        assert f"account 1 is used by campaign {running} ({status})" in error
        assert "archive" in error and "fluenzr campaign update ID --account N" in error
    assert len(cli("account", "list", "--json").json) == 1
    assert list(os_keyring.entries.values()) == [PASSWORD]

    # Once the campaign is put away, the account may go.
    if verbs == ["activate"]:
        assert cli("campaign", "pause", running).code == 0
    assert cli("campaign", "archive", running).code == 0
    assert cli("account", "delete", "1", "--yes").code == 0


def test_delete_removes_the_account_its_password_and_its_inbox_state(
    cli, stdin, os_keyring, workspace, sample_file
):
    stdin(PASSWORD + "\n")
    assert cli(*add_args(), "--password-stdin").code == 0
    stdin("other-password\n")
    assert cli(*add_args(**{"--email": "two@example.com"}), "--password-stdin").code == 0
    draft = _campaign(cli, sample_file, 1)
    archived = _campaign(cli, sample_file, 1, "archive")
    _remember_folders(workspace, account_id=1)

    result = cli("account", "delete", "1", "--yes")
    assert result.code == 0, result.stderr
    assert result.stdout == "account 1 deleted\n"
    assert [a["id"] for a in cli("account", "list", "--json").json] == [2]
    assert list(os_keyring.entries.values()) == ["other-password"]
    assert _folders(workspace) == 0
    for campaign_id in (draft, archived):
        shown = cli("campaign", "show", campaign_id, "--json").json
        assert shown["account"] is None
        exported = json.loads(cli("campaign", "export", campaign_id).stdout)
        assert exported["settings"]["account"] is None
    # The draft keeps working: it can be given another account.
    moved = cli("campaign", "update", draft, "--account", "2")
    assert moved.code == 0, moved.stderr

    as_json = cli("account", "delete", "2", "--yes", "--json")
    assert as_json.code == 0, as_json.stderr
    assert as_json.json == {"id": 2, "deleted": True}
    assert os_keyring.entries == {}
    assert_no_password(PASSWORD, result.stdout, result.stderr, as_json.stdout)


def test_delete_an_account_without_login_needs_no_password_store(cli, no_secret_store):
    assert cli(*add_args(**{"--username": None})).code == 0
    result = cli("account", "delete", "1", "--yes")
    assert result.code == 0, result.stderr
    assert cli("account", "list", "--json").json == []


def test_the_security_choices_are_the_stores():
    from fluenzr_desktop.cli.accounts import SECURITY_MODES
    from fluenzr_desktop.store.accounts import SECURITY_MODES as stored

    assert stored == SECURITY_MODES
