"""The workspace settings a user may read and change, with their types, defaults and checks.

The defaults a new campaign starts with (time zone, sending days and hours) are checked
by the campaigns' one check of settings, `validation.settings_problems`, so a value the
Settings screen accepts is one a campaign accepts too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .errors import FluenzrError
from .problems import Problem
from .validation import settings_problems
from .workflow import WEEKDAYS, default_settings

# The local REST API's default port (`fluenzr api serve`, Settings → API).
API_DEFAULT_PORT = 8787
API_PORT_RANGE = (1024, 65535)

# "system" follows the machine's locale; the others name a catalogue that ships.
INTERFACE_LANGUAGES = ("system", "fr", "en")


class SettingRefused(FluenzrError):
    """A value a setting does not accept; `problems` holds the campaign problems behind it."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class SettingSpec:
    """One known setting: its type, default and what it accepts."""

    key: str
    kind: type
    default: Any
    description: str
    minimum: int | None = None
    choices: tuple[str, ...] | None = None
    # Text → stored value for text settings that need more than a list of choices.
    parse: Callable[[str, str], Any] | None = None


def _campaign_problems(key: str, settings: dict[str, Any]) -> None:
    """Refuse a default that the campaigns' check of settings would refuse."""
    problems = list(settings_problems(settings))
    if problems:
        raise SettingRefused(f"{key}: {problems[0].message}", problems)


def _parse_port(key: str, text: str) -> int:
    """A TCP port a user may bind without privileges: a whole number from 1024 to 65535."""
    low, high = API_PORT_RANGE
    try:
        port = int(text.strip())
    except ValueError:
        raise SettingRefused(f"{key}: expected a port number, got {text!r}") from None
    if not low <= port <= high:
        raise SettingRefused(f"{key}: the port must be from {low} to {high}, got {port}")
    return port


def _parse_time_zone(key: str, text: str) -> str:
    name = text.strip()
    _campaign_problems(key, {"timezone": name})
    return name


def _parse_days(key: str, text: str) -> str:
    days = [day for day in re.split(r"[\s,]+", text.strip().lower()) if day]
    _campaign_problems(key, {"window": {**default_settings()["window"], "days": days}})
    return ",".join(day for day in WEEKDAYS if day in days)


def _parse_hours(key: str, text: str) -> str:
    start, separator, end = text.partition("-")
    if not separator:
        raise SettingRefused(f"{key}: expected START-END like 09:00-18:00, got {text!r}")
    window = {**default_settings()["window"], "start": start.strip(), "end": end.strip()}
    _campaign_problems(key, {"window": window})
    return f"{window['start']}-{window['end']}"


# Hosts a relay may be reached on over plain http: this machine only (tests, an SSH tunnel).
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _parse_relay_url(key: str, text: str) -> str:
    """A tracking relay's base URL: https (http only on this machine), no path tricks."""
    url = text.strip().rstrip("/")
    if not url:
        return ""  # no relay: tracking off
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise SettingRefused(f"{key}: not a URL: {text!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingRefused(f"{key}: expected https://HOST[:PORT][/PATH], got {text!r}")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise SettingRefused(
            f"{key}: the relay must use https (plain http only for localhost), got {text!r}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SettingRefused(f"{key}: no query, fragment or user name in a relay URL: {text!r}")
    if port == 0:
        raise SettingRefused(f"{key}: port 0 is not a port: {text!r}")
    return url


_CAMPAIGN_DEFAULTS = default_settings()

SETTINGS: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "plan_daily_cap",
            int,
            50,
            "Emails per day across all accounts (0 sends nothing); the Free plan allows 50 at most.",
            minimum=0,
        ),
        SettingSpec(
            "interface_language",
            str,
            "system",
            "Language of the window: system, fr or en (applies at next start).",
            choices=INTERFACE_LANGUAGES,
        ),
        SettingSpec(
            "campaign_timezone",
            str,
            _CAMPAIGN_DEFAULTS["timezone"],
            "Time zone of new campaigns' sending windows (an IANA name, e.g. Europe/Paris).",
            parse=_parse_time_zone,
        ),
        SettingSpec(
            "campaign_days",
            str,
            ",".join(_CAMPAIGN_DEFAULTS["window"]["days"]),
            "Days new campaigns send on, e.g. mon,tue,wed,thu,fri.",
            parse=_parse_days,
        ),
        SettingSpec(
            "campaign_hours",
            str,
            "{start}-{end}".format(**_CAMPAIGN_DEFAULTS["window"]),
            "Hours new campaigns send between, in their time zone, e.g. 09:00-18:00.",
            parse=_parse_hours,
        ),
        SettingSpec(
            "tracking_relay_url",
            str,
            "",
            "Base URL of your tracking relay (opens, clicks, one-click unsubscribe); "
            "set it with `fluenzr tracking set-relay`. Empty: no relay.",
            parse=_parse_relay_url,
        ),
        SettingSpec(
            "api_enabled",
            bool,
            False,
            "Serve the local REST API (Pro plan) on 127.0.0.1 while the window is open.",
        ),
        SettingSpec(
            "api_port",
            int,
            API_DEFAULT_PORT,
            "Port of the local REST API on 127.0.0.1 (1024–65535).",
            parse=_parse_port,
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
    if spec.kind is int and spec.parse is not None:
        return spec.parse(key, text)
    if spec.kind is int:
        try:
            value = int(text.strip())
        except ValueError:
            raise SettingRefused(f"{key}: expected a whole number, got {text!r}") from None
        if spec.minimum is not None and value < spec.minimum:
            raise SettingRefused(f"{key}: must be at least {spec.minimum}, got {value}")
        return value
    if spec.kind is bool:
        lowered = text.strip().lower()
        if lowered in {"true", "yes", "1", "on"}:
            return True
        if lowered in {"false", "no", "0", "off"}:
            return False
        raise SettingRefused(f"{key}: expected true or false, got {text!r}")
    if spec.choices is not None:
        value = text.strip().lower()
        if value not in spec.choices:
            expected = ", ".join(spec.choices)
            raise SettingRefused(f"{key}: expected one of {expected}, got {text!r}")
        return value
    if spec.parse is not None:
        return spec.parse(key, text)
    return text


def campaign_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """The settings a new campaign starts with, from the workspace's settings (by key).

    A stored value that no longer passes (e.g. a time zone this machine lost) falls back
    to the built-in default rather than making new campaigns fail.
    """
    settings = default_settings()
    for key in ("campaign_timezone", "campaign_days", "campaign_hours"):
        try:
            values = {**values, key: parse_setting(key, str(values.get(key, "")))}
        except FluenzrError:
            values = {**values, key: SETTINGS[key].default}
    settings["timezone"] = values["campaign_timezone"]
    settings["window"]["days"] = values["campaign_days"].split(",")
    start, _, end = values["campaign_hours"].partition("-")
    settings["window"]["start"], settings["window"]["end"] = start, end
    return {"timezone": settings["timezone"], "window": settings["window"]}
