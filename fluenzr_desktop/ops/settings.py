"""Workspace settings: list, read and change them (typed and checked by `domain.settings`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
