"""`fluenzr account add/list/test`: the password goes to the keyring, never anywhere else."""

from __future__ import annotations

import base64
import io
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from tests.cli.helpers import assert_refused
from tests.conftest import run_fluenzr
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_auth_server,
    smtp_certificate,
    smtp_server_factory,
)

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
        add_args(),  # neither --password-stdin nor --password-env
        [*add_args(), "--password-stdin", "--password-env", "X"],
    ],
)
def test_malformed_command_line_exits_2(cli, args):
    result = cli(*args)
    assert_refused(result, code=2)
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
