"""Reading and writing workspace settings (typed by `domain.settings`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.settings import SETTINGS, parse_setting, setting_spec
from .models import Setting


def get_setting(session: Session, key: str) -> Any:
    """The value of a known setting, its default when never set."""
    spec = setting_spec(key)
    row = session.get(Setting, key)
    return spec.default if row is None else row.value


def set_setting(session: Session, key: str, text: str) -> Any:
    """Parse and store a setting typed by the user; returns the stored value."""
    value = parse_setting(key, text)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    return value


def all_settings(session: Session) -> dict[str, Any]:
    """Every known setting with its current value (defaults included)."""
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return {key: stored.get(key, spec.default) for key, spec in sorted(SETTINGS.items())}
