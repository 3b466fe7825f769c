"""The workspace settings a user may read and change, with their types and defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import FluenzrError


@dataclass(frozen=True)
class SettingSpec:
    """One known setting: its type, default and the smallest value it accepts."""

    key: str
    kind: type
    default: Any
    description: str
    minimum: int | None = None


SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "plan_daily_cap",
            int,
            50,
            "Emails per day allowed by the plan, across all accounts (Free: 50).",
            minimum=0,
        ),
    )
}


def setting_spec(key: str) -> SettingSpec:
    """The spec of a known setting, or a FluenzrError listing the known keys."""
    try:
        return SETTINGS[key]
    except KeyError:
        known = ", ".join(sorted(SETTINGS))
        raise FluenzrError(f"unknown setting {key!r} (known: {known})") from None


def parse_setting(key: str, text: str) -> Any:
    """Turn the text a user typed into the setting's typed value, or explain why not."""
    spec = setting_spec(key)
    if spec.kind is int:
        try:
            value = int(text.strip())
        except ValueError:
            raise FluenzrError(f"{key}: expected a whole number, got {text!r}") from None
        if spec.minimum is not None and value < spec.minimum:
            raise FluenzrError(f"{key}: must be at least {spec.minimum}, got {value}")
        return value
    if spec.kind is bool:
        lowered = text.strip().lower()
        if lowered in {"true", "yes", "1", "on"}:
            return True
        if lowered in {"false", "no", "0", "off"}:
            return False
        raise FluenzrError(f"{key}: expected true or false, got {text!r}")
    return text
