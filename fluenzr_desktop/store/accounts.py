"""Sending accounts: create, list, read (the password is handled by `secrets`, never here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.contacts import address_problem, normalise_email
from ..domain.errors import FluenzrError
from ..domain.schedule import zone
from .models import Account

SECURITY_MODES = ("ssl", "starttls", "none")


def _check_port(value: int | None, field: str) -> None:
    if value is not None and not 0 < value < 65536:
        raise FluenzrError(f"{field}: a port is between 1 and 65535, got {value}")


def validate_account_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise the fields of an account; raises FluenzrError naming the field."""
    cleaned = dict(fields)
    if not str(cleaned.get("name") or "").strip():
        raise FluenzrError("--name: an account needs a name")
    email = normalise_email(str(cleaned.get("email") or ""))
    problem = address_problem(email)
    if problem:
        raise FluenzrError(f"--email: {problem}")
    cleaned["email"] = email
    if cleaned.get("reply_to"):
        reply_to = normalise_email(cleaned["reply_to"])
        if address_problem(reply_to):
            raise FluenzrError(f"--reply-to: {address_problem(reply_to)}")
        cleaned["reply_to"] = reply_to
    for prefix in ("smtp", "imap"):
        security = cleaned.get(f"{prefix}_security")
        if security is not None and security not in SECURITY_MODES:
            raise FluenzrError(f"--{prefix}-security: expected ssl, starttls or none")
        _check_port(cleaned.get(f"{prefix}_port"), f"--{prefix}-port")
    if not cleaned.get("smtp_host"):
        raise FluenzrError("--smtp-host: an account needs an SMTP server to send")
    cap = cleaned.get("daily_cap")
    if cap is not None and cap < 1:
        raise FluenzrError(f"--daily-cap: must be at least 1, got {cap}")
    timezone = cleaned.get("timezone")
    if timezone and zone(timezone, fallback="").key != timezone:
        raise FluenzrError(f"--timezone: unknown time zone {timezone!r}")
    return cleaned


def add_account(session: Session, **fields: Any) -> Account:
    """Create an account from validated fields."""
    cleaned = validate_account_fields(fields)
    account = Account(options=cleaned.pop("options", None) or {}, **cleaned)
    session.add(account)
    session.flush()
    return account


def get_account(session: Session, account_id: int | str) -> Account:
    """The account with this id, or a FluenzrError naming it."""
    try:
        key = int(account_id)
    except (TypeError, ValueError):
        raise FluenzrError(f"account id must be a number, got {account_id!r}") from None
    account = session.get(Account, key)
    if account is None:
        raise FluenzrError(f"no account with id {key}")
    return account


def list_accounts(session: Session) -> list[Account]:
    """Every account, oldest first."""
    return list(session.scalars(select(Account).order_by(Account.id)))


def account_dict(account: Account) -> dict[str, Any]:
    """An account as plain data, for listings: never the password."""
    return {
        "id": account.id,
        "name": account.name,
        "email": account.email,
        "from_name": account.from_name,
        "reply_to": account.reply_to,
        "smtp": {
            "host": account.smtp_host,
            "port": account.smtp_port,
            "security": account.smtp_security,
        },
        "imap": {
            "host": account.imap_host,
            "port": account.imap_port,
            "security": account.imap_security,
        },
        "username": account.username,
        "daily_cap": account.daily_cap,
        "timezone": account.timezone,
        "signature": account.signature,
        "append_to_sent": bool((account.options or {}).get("append_to_sent")),
    }
