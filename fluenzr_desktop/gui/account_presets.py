"""Server settings of common mail providers, as they document them, for the account form."""

from __future__ import annotations

from dataclasses import dataclass

OTHER = "other"


@dataclass(frozen=True)
class AccountPreset:
    """One provider's SMTP and IMAP servers; `app_password`: a normal password is refused."""

    key: str
    label: str  # a brand name: not translated
    smtp_host: str
    smtp_port: int
    smtp_security: str
    imap_host: str
    imap_port: int
    imap_security: str
    app_password: bool = False


PRESETS: tuple[AccountPreset, ...] = (
    AccountPreset(
        "gmail", "Gmail / Google Workspace",
        "smtp.gmail.com", 587, "starttls", "imap.gmail.com", 993, "ssl", app_password=True,
    ),
    AccountPreset(
        "outlook", "Outlook / Microsoft 365",
        "smtp.office365.com", 587, "starttls", "outlook.office365.com", 993, "ssl",
    ),
    AccountPreset(
        "yahoo", "Yahoo Mail",
        "smtp.mail.yahoo.com", 465, "ssl", "imap.mail.yahoo.com", 993, "ssl", app_password=True,
    ),
    AccountPreset(
        "icloud", "iCloud Mail",
        "smtp.mail.me.com", 587, "starttls", "imap.mail.me.com", 993, "ssl", app_password=True,
    ),
    AccountPreset("ovh", "OVHcloud", "ssl0.ovh.net", 465, "ssl", "ssl0.ovh.net", 993, "ssl"),
    AccountPreset("gandi", "Gandi", "mail.gandi.net", 465, "ssl", "mail.gandi.net", 993, "ssl"),
)  # fmt: skip

_BY_KEY = {preset.key: preset for preset in PRESETS}


def preset(key: str) -> AccountPreset | None:
    """The preset with this key; None for "other" or an unknown key."""
    return _BY_KEY.get(key)


def preset_for_hosts(smtp_host: str | None, imap_host: str | None = None) -> str:
    """The key of the preset an account's servers match, else "other"."""
    smtp = (smtp_host or "").strip().lower()
    imap = (imap_host or "").strip().lower()
    for candidate in PRESETS:
        if smtp == candidate.smtp_host and imap in ("", candidate.imap_host):
            return candidate.key
    return OTHER
