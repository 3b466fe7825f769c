"""Sending accounts: list, read, add, change, delete and test them, for the window and the CLI.

Passwords go to the workspace's secret store (OS keyring or encrypted file), never to the
database: each write that stores or forgets one does it before its transaction commits,
so a refusing keyring leaves nothing half-saved. An account without a username sends
without login (a local relay, a test server) and never touches the secret store.

`secrets`: the store to use (the window passes its own, unlocked on the GUI thread where
a dialog can ask for the master password); None opens the workspace's only when a
password is stored, read or forgotten.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from typing import Any

from ..domain.errors import FluenzrError
from ..engine.connections import check_account
from ..store import accounts as store
from ..store.models import Account
from ..store.secrets import SecretStore
from ..workspace import Workspace
from . import Changes

ACCOUNTS = Changes(accounts=True)
SECURITY_MODES = store.SECURITY_MODES


@dataclass(frozen=True)
class AccountSaved:
    """An account just added or changed, as listed, and the password store's notice."""

    account: dict[str, Any]
    notice: str | None = None  # why the encrypted password file is used, for the user
    changes: Changes = ACCOUNTS

    @property
    def id(self) -> int:
        """The account's id."""
        return int(self.account["id"])


@dataclass(frozen=True)
class AccountDeleted:
    """The id of an account just deleted, and the password store's notice."""

    id: int
    notice: str | None = None
    changes: Changes = ACCOUNTS


def list_accounts(workspace: Workspace) -> list[dict[str, Any]]:
    """Every account as plain data (never its password), oldest first."""
    with workspace.sessions() as session:
        return [store.account_dict(account) for account in store.list_accounts(session)]


def get_account(workspace: Workspace, account_id: int | str) -> dict[str, Any]:
    """One account as plain data, or a FluenzrError naming the missing id."""
    with workspace.sessions() as session:
        return store.account_dict(store.get_account(session, account_id))


def account_fields(workspace: Workspace, account_id: int | str) -> dict[str, Any]:
    """One account's fields as `add_account` takes them (what a form shows)."""
    with workspace.sessions() as session:
        return store.account_fields(store.get_account(session, account_id))


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields checked and normalised as a save stores them; FluenzrError names the field."""
    return store.validate_account_fields(fields)


def inbox_accounts(workspace: Workspace, account_id: int | str | None = None) -> list[Account]:
    """The accounts whose inbox can be read: all with an IMAP server, or the one asked for."""
    with workspace.sessions() as session:
        if account_id is None:
            return store.inbox_accounts(session)
        account = store.get_account(session, account_id)
    if not account.imap_host:
        raise FluenzrError(f"account {account.id} has no IMAP server to read")
    return [account]


def _password_goes_with_a_login(username: str | None, password: str | None) -> None:
    if password and not username:
        raise FluenzrError(
            "--password: a password goes with --username "
            "(without one the account sends without login)"
        )


def add_account(
    workspace: Workspace,
    fields: dict[str, Any],
    *,
    password: str | None = None,
    secrets: SecretStore | None = None,
) -> AccountSaved:
    """Create an account (and store its password): a login needs one, no login has none."""
    cleaned = check_fields(fields)
    _password_goes_with_a_login(cleaned.get("username"), password)
    if cleaned.get("username") and not password:
        raise FluenzrError("--username: a login needs a password")
    if password and secrets is None:
        secrets = workspace.secret_store()  # made before the write: it may record an id
    with workspace.session() as session:
        account = store.add_account(session, **cleaned)
        if password and secrets is not None:
            secrets.set_password(account.id, password)
        result = store.account_dict(account)
    return AccountSaved(result, _notice(secrets))


def update_account(
    workspace: Workspace,
    account_id: int | str,
    changes: dict[str, Any],
    *,
    password: str | None = None,
    secrets: SecretStore | None = None,
) -> AccountSaved:
    """Change some fields (and the password); a cleared username forgets the stored password.

    A new login needs a password; a changed IMAP mailbox forgets where the watcher stood.
    """
    with workspace.sessions() as session:
        had_login = bool(store.get_account(session, account_id).username)
    clears_login = (
        had_login and "username" in changes and not str(changes["username"] or "").strip()
    )
    if (password or clears_login) and secrets is None:
        # Made before the write (it may record the workspace's id); the keyring itself
        # is reached only if a password is stored or deleted.
        secrets = workspace.secret_store()
    with workspace.session() as session:
        account = store.get_account(session, account_id)
        had_login = bool(account.username)
        store.update_account(session, account, **changes)
        _password_goes_with_a_login(account.username, password)
        if account.username and not password and not had_login:
            raise FluenzrError("--username: a login needs a password")
        if password and secrets is not None:
            secrets.set_password(account.id, password)
        elif had_login and not account.username and secrets is not None:
            secrets.delete_password(account.id)
        result = store.account_dict(account)
    return AccountSaved(result, _notice(secrets))


def check_deletable(workspace: Workspace, account_id: int | str) -> None:
    """Refuse (one line) an unknown account, or one an active or paused campaign sends from."""
    with workspace.sessions() as session:
        store.check_deletable(session, store.get_account(session, account_id))


def delete_account(
    workspace: Workspace, account_id: int | str, *, secrets: SecretStore | None = None
) -> AccountDeleted:
    """Delete an account no running campaign uses, and its password.

    Its other campaigns keep their history and lose their account.
    """
    with workspace.sessions() as session:
        account = store.get_account(session, account_id)
        store.check_deletable(session, account)
        deleted_id, login = account.id, bool(account.username)
    if login and secrets is None:
        secrets = workspace.secret_store()
    with workspace.session() as session:
        store.delete_account(session, store.get_account(session, deleted_id))
        # Before the commit: if the keyring refuses, the account stays.
        if login and secrets is not None:
            secrets.delete_password(deleted_id)
    return AccountDeleted(deleted_id, _notice(secrets) if login else None)


def check_connection(
    workspace: Workspace,
    account_id: int | str | None = None,
    *,
    fields: dict[str, Any] | None = None,
    password: str | None = None,
    secrets: SecretStore | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> dict[str, dict[str, object]]:
    """Log in to an account's SMTP and IMAP servers; per server: ok (None: skipped), answer.

    `fields` (a form not saved yet) replace the stored account's; without a typed
    `password`, a login uses the stored one.
    """
    if fields is None:
        with workspace.sessions() as session:
            account = store.get_account(session, account_id)
    else:
        account = Account(**{name: value for name, value in fields.items() if name != "options"})
        account.id = None if account_id is None else int(account_id)
    if password is None and account.username and account.id is not None:
        password = (secrets or workspace.secret_store()).get_password(account.id)
    results = check_account(account, password or None, ssl_context)
    if not password and account.username and account.id is not None:
        # Without a password check_account only greets the server: not a login test.
        results["smtp"] = {
            "ok": False,
            "login": True,
            "answer": f"no password stored for account {account.id} in the password store",
        }
    return results


def _notice(secrets: SecretStore | None) -> str | None:
    return secrets.notice if secrets is not None else None
