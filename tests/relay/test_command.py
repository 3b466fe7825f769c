"""The `fluenzr-relay` command: key files, clear errors, and a package that runs without the app."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
from pathlib import Path

from fluenzr_relay.tokens import RelayKeys, make_token, read_token
from tests.fixtures.relay_server import relay_command

PACKAGE = Path(__file__).resolve().parents[2] / "fluenzr_relay"


def relay_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fluenzr_relay", *args], capture_output=True, text=True, timeout=60
    )


def test_keygen_creates_a_private_key_file_then_rotates_it(tmp_path):
    key_file = tmp_path / "relay.key"
    created = relay_cli("keygen", "--key-file", str(key_file))
    assert created.returncode == 0, created.stderr
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    first = RelayKeys.load(key_file)
    assert first.kids == ("k1",)
    assert first.to_text().split(":")[1].strip() not in created.stdout  # the secret is not shown
    token = make_token(first, {"k": "o", "s": "a" * 32})

    rotated = relay_cli("keygen", "--key-file", str(key_file), "--kid", "2027a")
    assert rotated.returncode == 0, rotated.stderr
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    keys = RelayKeys.load(key_file)
    assert keys.kids == ("2027a", "k1") and keys.signing_kid == "2027a"
    assert read_token(keys, token, "o") is not None  # mails already sent keep working

    again = relay_cli("keygen", "--key-file", str(key_file), "--kid", "k1")
    assert again.returncode == 2 and "already" in again.stderr
    assert RelayKeys.load(key_file).kids == ("2027a", "k1")


def test_a_bad_key_file_or_database_is_one_line_and_exit_2(tmp_path):
    good_keys = tmp_path / "good.key"
    good_keys.write_text(RelayKeys.generate("k1").to_text())
    bad_keys = tmp_path / "bad.key"
    bad_keys.write_text("# relay keys\nk1:short\n")
    not_a_database = tmp_path / "hits.db"
    not_a_database.write_text("this is not SQLite " * 100)
    cases = [
        (relay_command(tmp_path / "x.db", tmp_path / "missing.key"), "missing.key"),
        (relay_command(tmp_path / "x.db", bad_keys), "bad.key, line 2"),
        (relay_command(tmp_path / "no" / "such" / "x.db", good_keys), "x.db"),
        (relay_command(not_a_database, good_keys), "hits.db"),
    ]
    for command, named in cases:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and named in lines[0] and lines[0].startswith("fluenzr-relay: ")
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_the_relay_imports_without_qt_sqlalchemy_or_jinja():
    """On a server there is no Qt: the relay must not even try to import it."""
    script = (
        "import sys\n"
        "for name in ('PySide6', 'sqlalchemy', 'jinja2', 'fluenzr_desktop'):\n"
        "    sys.modules[name] = None\n"
        "import fluenzr_relay, fluenzr_relay.tokens, fluenzr_relay.store, fluenzr_relay.app\n"
        "import fluenzr_relay.cli, fluenzr_relay.__main__\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_no_relay_module_imports_the_app():
    offenders = []
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{module.name}: {n}" for n in names if n.split(".")[0] == "fluenzr_desktop"
            ]
    assert offenders == []
    assert len(list(PACKAGE.rglob("*.py"))) >= 6  # the walk did see the package
