"""Workspace settings: list, read and change them (typed and checked by `domain.settings`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain import settings as rules
from ..store import settings as store
from ..workspace import Workspace
from . import Changes

SETTINGS = Changes(settings=True)


@dataclass(frozen=True)
class SettingChanged:
    """A setting just changed, with the value as stored (parsed from the text given)."""

    key: str
    value: Any
    changes: Changes = SETTINGS


@dataclass(frozen=True)
class PasswordStorage:
    """Where this workspace's account passwords are kept, found without asking anything.

    `kind` is "keyring" (the OS keyring, `backend` names it) or "file" (the encrypted
    file at `path`, unlocked by a master password).
    """

    kind: str
    backend: str
    path: Path


def list_settings(workspace: Workspace) -> dict[str, Any]:
    """Every known setting with its current value (defaults included), by key."""
    with workspace.sessions() as session:
        return store.all_settings(session)


def get_setting(workspace: Workspace, key: str) -> Any:
    """A known setting's value (its default when never set); FluenzrError for an unknown key."""
    with workspace.sessions() as session:
        return store.get_setting(session, key)


def set_setting(workspace: Workspace, key: str, text: str) -> SettingChanged:
    """Parse and store a setting typed by the user; contacts held by a new cap wake at once."""
    with workspace.session() as session:
        value = store.set_setting(session, key, text)
    return SettingChanged(key, value)


def interface_language(workspace: Workspace) -> str | None:
    """The language chosen for the window ("fr", "en"), None to follow the system."""
    language = get_setting(workspace, "interface_language")
    return None if language == "system" else language


def campaign_defaults(workspace: Workspace) -> dict[str, Any]:
    """The settings a new campaign starts with: time zone and sending window (days, hours)."""
    return rules.campaign_defaults(list_settings(workspace))


def password_storage(workspace: Workspace) -> PasswordStorage:
    """Where passwords are kept, decided as `SecretStore` decides it, but never prompting.

    Asks the keyring library which backend it would use (no password is read, so no
    keyring or master password is asked for). The first ask in a process loads keyring's
    plugins and probes every backend (D-Bus for the Secret Service: seconds when D-Bus
    lookups time out); keyring keeps its answer, so later asks, and the store's own, are
    instant. Call it off the GUI thread, as a job that may block on the system.
    """
    import keyring

    # The store's own rule of what counts as an OS keyring (cryptfile does not).
    from ..store.secrets import BACKEND_VARIABLE, SECRETS_FILE, os_keyring_usable

    path = workspace.root / SECRETS_FILE
    if os.environ.get(BACKEND_VARIABLE, "").lower() != "file":
        backend = keyring.get_keyring()
        if os_keyring_usable(backend):
            return PasswordStorage(
                "keyring", getattr(backend, "name", type(backend).__name__), path
            )
    return PasswordStorage("file", "keyrings.cryptfile", path)
