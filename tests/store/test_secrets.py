"""Account passwords: the OS keyring when there is one, else an encrypted file in the workspace."""

from __future__ import annotations

import io
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringLocked

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.secrets import SECRETS_FILE
from fluenzr_desktop.workspace import open_workspace
from tests.fixtures.memory_keyring import MemoryKeyring, memory_keyring  # noqa: F401

PASSWORD = "app-Pa55word-7d1f"
MASTER = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    """A cheap Argon2 for the encrypted file (the real cost, 64 MB, takes ~0.3 s a call)."""
    from keyrings.cryptfile.cryptfile import CryptFileKeyring

    monkeypatch.setattr(CryptFileKeyring, "memory_cost", 256)
    monkeypatch.setattr(CryptFileKeyring, "time_cost", 1)


@pytest.fixture
def no_os_keyring(monkeypatch):
    """A machine without an OS keyring (headless Linux), file backend not forced."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    monkeypatch.delenv("FLUENZR_MASTER_PASSWORD", raising=False)
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def master_password(monkeypatch, no_os_keyring):
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", MASTER)
    return MASTER


@pytest.fixture
def no_tty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def unregister(backend_class: type[KeyringBackend]) -> None:
    """keyring registers every subclass as a candidate backend: keep test doubles out."""
    KeyringBackend._classes.discard(backend_class)


# -- with an OS keyring


def test_os_keyring_round_trip(workspace, memory_keyring, monkeypatch):  # noqa: F811
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    store = workspace.secret_store()
    assert store.get_password(1) is None
    store.set_password(1, PASSWORD)
    assert store.get_password(1) == PASSWORD
    assert not store.uses_file
    assert store.notice is None
    assert PASSWORD in memory_keyring.entries.values()
    # A fresh store of the same workspace (a new process) finds it.
    assert workspace.secret_store().get_password(1) == PASSWORD
    store.delete_password(1)
    assert store.get_password(1) is None
    store.delete_password(1)  # deleting twice is not an error
    assert not (workspace.root / SECRETS_FILE).exists()


def test_two_workspaces_with_the_same_account_id_do_not_collide(
    tmp_path,
    memory_keyring,  # noqa: F811
    monkeypatch,
):
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    with open_workspace(tmp_path / "one") as one, open_workspace(tmp_path / "two") as two:
        one.secret_store().set_password(1, "password-of-one")
        two.secret_store().set_password(1, "password-of-two")
        assert one.secret_store().get_password(1) == "password-of-one"
        assert two.secret_store().get_password(1) == "password-of-two"
        two.secret_store().delete_password(1)
        assert one.secret_store().get_password(1) == "password-of-one"
        assert two.secret_store().get_password(1) is None
    assert len(memory_keyring.entries) == 1


def test_the_workspace_key_survives_reopening(workspace_dir, memory_keyring, monkeypatch):  # noqa: F811
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    with open_workspace(workspace_dir) as first:
        first.secret_store().set_password(3, PASSWORD)
    with open_workspace(workspace_dir) as again:
        assert again.secret_store().get_password(3) == PASSWORD


def test_file_keyrings_do_not_count_as_an_os_keyring(workspace, master_password, no_tty):
    """keyring's chainer made only of keyrings.* file backends: the workspace file is used."""
    from keyrings.cryptfile.cryptfile import CryptFileKeyring
    from keyrings.cryptfile.file import PlaintextKeyring

    class FileOnlyChainer(chainer.ChainerBackend):
        backends = [CryptFileKeyring(), PlaintextKeyring()]  # type: ignore[assignment]

    unregister(FileOnlyChainer)
    keyring.set_keyring(FileOnlyChainer())
    store = workspace.secret_store()
    store.set_password(1, PASSWORD)
    assert store.uses_file
    assert (workspace.root / SECRETS_FILE).exists()
    assert store.notice and "no OS keyring" in store.notice


def test_a_refusing_os_keyring_falls_back_to_the_encrypted_file(
    workspace, monkeypatch, master_password
):
    class LockedKeyring(MemoryKeyring):
        def set_password(self, service, username, password):
            raise KeyringLocked("the keyring is locked")

        def get_password(self, service, username):
            raise KeyringLocked("the keyring is locked")

    unregister(LockedKeyring)
    keyring.set_keyring(LockedKeyring())
    store = workspace.secret_store()
    store.set_password(1, PASSWORD)
    assert store.notice and "OS keyring failed" in store.notice
    assert PASSWORD.encode() not in (workspace.root / SECRETS_FILE).read_bytes()
    assert workspace.secret_store().get_password(1) == PASSWORD


# -- without an OS keyring: the encrypted file


def test_fallback_stores_the_password_encrypted_in_the_workspace(workspace, master_password):
    store = workspace.secret_store()
    store.set_password(1, PASSWORD)
    secrets_file = workspace.root / SECRETS_FILE
    assert secrets_file.exists()
    content = secrets_file.read_bytes()
    assert PASSWORD.encode() not in content
    assert MASTER.encode() not in content
    assert store.uses_file
    # The notice tells the user why and where, and how it is unlocked.
    assert store.notice is not None
    assert "no OS keyring" in store.notice
    assert str(secrets_file) in store.notice
    assert "FLUENZR_MASTER_PASSWORD" in store.notice
    # A new store (a new process) with the same master password reads it back.
    assert workspace.secret_store().get_password(1) == PASSWORD
    assert workspace.secret_store().get_password(2) is None
    store.delete_password(1)
    store.delete_password(1)  # deleting twice is not an error
    assert workspace.secret_store().get_password(1) is None


def test_fallback_wrong_master_password_is_refused(workspace, master_password, monkeypatch):
    workspace.secret_store().set_password(1, PASSWORD)
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", "not the master password")
    with pytest.raises(FluenzrError, match="wrong master password"):
        workspace.secret_store().get_password(1)


def test_fallback_without_master_password_nor_tty_names_the_variable(
    workspace, no_os_keyring, no_tty
):
    with pytest.raises(FluenzrError, match="FLUENZR_MASTER_PASSWORD"):
        workspace.secret_store().set_password(1, PASSWORD)
    assert not (workspace.root / SECRETS_FILE).exists()


def test_fallback_master_password_from_the_prompt(workspace, no_os_keyring, no_tty):
    asked: list[str] = []

    def prompt(question: str) -> str:
        asked.append(question)
        return MASTER

    workspace.secret_store(prompt=prompt).set_password(1, PASSWORD)
    assert asked and "master password" in asked[0]
    assert workspace.secret_store(prompt=lambda _: MASTER).get_password(1) == PASSWORD


def test_forced_file_backend_ignores_an_os_keyring(
    workspace,
    memory_keyring,  # noqa: F811
    monkeypatch,
):
    monkeypatch.setenv("FLUENZR_KEYRING", "file")
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", MASTER)
    store = workspace.secret_store()
    store.set_password(1, PASSWORD)
    assert memory_keyring.entries == {}
    assert store.uses_file
    assert PASSWORD.encode() not in (workspace.root / SECRETS_FILE).read_bytes()
    assert workspace.secret_store().get_password(1) == PASSWORD
