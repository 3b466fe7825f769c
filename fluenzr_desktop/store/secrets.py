"""Account passwords: kept in the OS keyring, never in the database, a log or any output.

Where no OS keyring exists (headless Linux, a server), passwords go to an encrypted
file in the workspace (`secrets.cfg`, keyrings.cryptfile: AES-GCM with an Argon2
key) unlocked by a master password from $FLUENZR_MASTER_PASSWORD or a prompt. Never
plaintext.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, select

from ..domain.errors import FluenzrError
from .schema import settings as settings_table

SERVICE = "FluenzR Desktop"
MASTER_PASSWORD_VARIABLE = "FLUENZR_MASTER_PASSWORD"
# Force the encrypted file even where an OS keyring exists ("file"), e.g. on a server.
BACKEND_VARIABLE = "FLUENZR_KEYRING"
SECRETS_FILE = "secrets.cfg"
WORKSPACE_ID_KEY = "workspace_id"

log = logging.getLogger(__name__)


def workspace_id(connection: Connection) -> str:
    """A random id of this workspace, made once: keyring entries of two workspaces never mix."""
    row = connection.execute(
        select(settings_table.c.value).where(settings_table.c.key == WORKSPACE_ID_KEY)
    ).first()
    if row is not None:
        return str(row[0])
    value = uuid.uuid4().hex
    connection.execute(settings_table.insert().values(key=WORKSPACE_ID_KEY, value=value))
    return value


def _is_os_backend(backend) -> bool:
    # keyrings.cryptfile (our fallback) registers itself as a backend too; it must
    # not count as an OS keyring, or keyring would prompt for its password itself.
    from keyring.backends import fail

    module = type(backend).__module__
    return not isinstance(backend, fail.Keyring) and not module.startswith("keyrings.")


def os_keyring_usable(backend) -> bool:
    """Whether a keyring backend is a real OS keyring (not "fail", not the encrypted file)."""
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_os_backend(member) for member in backend.backends)
    return _is_os_backend(backend)


class SecretStore:
    """Reads and writes one workspace's passwords in the OS keyring or the encrypted file."""

    def __init__(
        self,
        workspace_root: Path,
        workspace_key: str,
        prompt: Callable[[str], str] | None = None,
    ) -> None:
        self.workspace_root = workspace_root
        self.workspace_key = workspace_key
        self._prompt = prompt
        self._backend = None
        self.notice: str | None = None  # why the encrypted file is used, for the user

    def _entry(self, account_id: int) -> str:
        return f"{self.workspace_key}:account:{account_id}"

    @property
    def uses_file(self) -> bool:
        """Whether passwords go to the encrypted file rather than the OS keyring."""
        return self._resolve() is not None and not os_keyring_usable(self._resolve())

    def _resolve(self):
        if self._backend is not None:
            return self._backend
        import keyring

        if os.environ.get(BACKEND_VARIABLE, "").lower() != "file":
            backend = keyring.get_keyring()
            if os_keyring_usable(backend):
                self._backend = backend
                return backend
            self.notice = (
                "no OS keyring found: passwords are kept encrypted in "
                f"{self.workspace_root / SECRETS_FILE}, unlocked by your master password "
                f"(${MASTER_PASSWORD_VARIABLE} or a prompt)"
            )
        self._backend = self._file_backend()
        return self._backend

    def _master_password(self) -> str:
        from_environment = os.environ.get(MASTER_PASSWORD_VARIABLE)
        if from_environment:
            return from_environment
        if self._prompt is not None:
            return self._prompt("FluenzR master password: ")
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass("FluenzR master password: ")
        raise FluenzrError(
            f"no OS keyring and no master password: set {MASTER_PASSWORD_VARIABLE} "
            "to unlock the encrypted password file"
        )

    def _file_backend(self):
        from keyrings.cryptfile.cryptfile import CryptFileKeyring

        backend = CryptFileKeyring()
        path = self.workspace_root / SECRETS_FILE
        backend.file_path = str(path)
        password = self._master_password()
        if path.exists():
            # Each decryption derives its key with Argon2 (~0.7 s); the setter would
            # spend one on a reference entry just to check the password. The first
            # real read checks it instead (see `_call`).
            backend._keyring_key = password
            backend._fluenzr_unverified = True
            return backend
        try:
            backend.keyring_key = password  # creates the file and its reference entry
        except ValueError:
            raise FluenzrError(f"wrong master password for {path}") from None
        return backend

    def _call(self, operation: str, *args):
        from keyring.errors import KeyringError, PasswordDeleteError

        backend = self._resolve()
        if operation != "get_password" and getattr(backend, "_fluenzr_unverified", False):
            # Never write with an unchecked master password: entries encrypted with a
            # mistyped one could not be read back with the right one.
            try:
                backend.keyring_key = backend._keyring_key
            except ValueError:
                raise FluenzrError(f"wrong master password for {backend.file_path}") from None
            backend._fluenzr_unverified = False
        try:
            return getattr(backend, operation)(SERVICE, *args)
        except ValueError as error:  # keyrings.cryptfile: "MAC check failed"
            raise FluenzrError(
                f"wrong master password for {getattr(backend, 'file_path', 'the password file')}"
            ) from error
        except PasswordDeleteError:
            raise  # "no such password": the keyring works, the caller decides
        except KeyringError as error:
            # A keyring that exists but refuses (locked, no D-Bus session…): say so once
            # and fall back to the encrypted file rather than fail.
            if os_keyring_usable(backend):
                log.warning("OS keyring unusable (%s); using the encrypted file", error)
                self.notice = f"the OS keyring failed ({error}); using the encrypted file"
                self._backend = self._file_backend()
                return getattr(self._backend, operation)(SERVICE, *args)
            raise FluenzrError(f"cannot use the password store: {error}") from None

    def set_password(self, account_id: int, password: str) -> None:
        """Store an account's password."""
        self._call("set_password", self._entry(account_id), password)

    def get_password(self, account_id: int) -> str | None:
        """An account's password, None when none was stored."""
        return self._call("get_password", self._entry(account_id))

    def delete_password(self, account_id: int) -> None:
        """Forget an account's password (no error when there was none)."""
        self.delete_secret(f"account:{account_id}")

    # Other secrets of the workspace (a webhook's signing secret "webhook:<id>", the local
    # API's token "api_token"), kept exactly like passwords.
    def set_secret(self, name: str, value: str) -> None:
        """Store the secret `name` (e.g. "webhook:3")."""
        self._call("set_password", f"{self.workspace_key}:{name}", value)

    def get_secret(self, name: str) -> str | None:
        """The secret `name`, None when none was stored."""
        return self._call("get_password", f"{self.workspace_key}:{name}")

    def delete_secret(self, name: str) -> None:
        """Forget the secret `name` (no error when there was none)."""
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            self._call("delete_password", f"{self.workspace_key}:{name}")
