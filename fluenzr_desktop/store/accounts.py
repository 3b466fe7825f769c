"""Sending accounts: create, change, delete, list, read (the password is handled by
`secrets`, never here)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.contacts import address_problem, normalise_email
from ..domain.errors import FluenzrError
from ..domain.schedule import zone
from ..domain.states import CampaignStatus
from .lookup import get_by_id
from .models import Account, Campaign
from .schema import inbox_folders

SECURITY_MODES = ("ssl", "starttls", "none")
# The fields of an account a user sets (add, update, the GUI's form).
ACCOUNT_FIELDS = (
    "name", "email", "from_name", "reply_to", "smtp_host", "smtp_port", "smtp_security",
    "imap_host", "imap_port", "imap_security", "username", "daily_cap", "timezone",
    "signature", "options",
)  # fmt: skip
# Together they name the IMAP mailbox the watcher reads: the UIDs it keeps belong to it.
MAILBOX_FIELDS = ("imap_host", "imap_port", "username")
# A campaign in one of these states sends (or will again) from its account.
USING_STATES = (CampaignStatus.ACTIVE, CampaignStatus.PAUSED)


def _check_port(value: int | None, field: str) -> None:
    if value is not None and not 0 < value < 65536:
        raise FluenzrError(f"{field}: a port is between 1 and 65535, got {value}")


def validate_account_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Check and normalise the fields of an account; raises FluenzrError naming the field.

    Without a username the account sends without SMTP AUTH (a local relay, a test
    server) and has no password; reading an inbox always needs a login.
    """
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
    if "username" in cleaned:
        cleaned["username"] = str(cleaned["username"] or "").strip() or None
    for prefix in ("smtp", "imap"):
        security = cleaned.get(f"{prefix}_security")
        if security is not None and security not in SECURITY_MODES:
            raise FluenzrError(f"--{prefix}-security: expected ssl, starttls or none")
        _check_port(cleaned.get(f"{prefix}_port"), f"--{prefix}-port")
    if not cleaned.get("smtp_host"):
        raise FluenzrError("--smtp-host: an account needs an SMTP server to send")
    if cleaned.get("imap_host"):
        if not cleaned.get("username"):
            raise FluenzrError("--imap-host: reading the inbox needs --username (an IMAP login)")
    elif "imap_host" in cleaned:
        # No IMAP server: nothing of one is kept.
        cleaned.update(imap_host=None, imap_port=None, imap_security=None)
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


def account_fields(account: Account) -> dict[str, Any]:
    """The fields of a stored account, as `add_account` takes them."""
    fields = {name: getattr(account, name) for name in ACCOUNT_FIELDS}
    fields["options"] = dict(account.options or {})
    return fields


def update_account(session: Session, account: Account, **changes: Any) -> list[str]:
    """Change some fields; the result is checked whole, as `add_account` checks a new one.

    `options` are merged into the stored ones. When the IMAP mailbox changes (server,
    port or login), where the inbox watcher stood in the old one is forgotten.
    Returns the names of the fields that changed.
    """
    unknown = sorted(set(changes) - set(ACCOUNT_FIELDS))
    if unknown:
        raise TypeError(f"not account fields: {', '.join(unknown)}")
    merged = account_fields(account)
    options = {**merged["options"], **(changes.pop("options", None) or {})}
    merged.update(changes, options=options)
    cleaned = validate_account_fields(merged)
    before = account_fields(account)
    changed = [name for name in ACCOUNT_FIELDS if cleaned[name] != before[name]]
    for name in changed:
        setattr(account, name, cleaned[name])  # options: a new dict, the JSON column sees it
    if any(name in MAILBOX_FIELDS for name in changed):
        session.execute(delete(inbox_folders).where(inbox_folders.c.account_id == account.id))
    session.flush()
    return changed


def check_deletable(session: Session, account: Account) -> None:
    """Refuse (one line) while an active or paused campaign sends from this account."""
    using = list(
        session.scalars(
            select(Campaign)
            .where(
                Campaign.account_id == account.id,
                Campaign.status.in_([state.value for state in USING_STATES]),
            )
            .order_by(Campaign.id)
        )
    )
    if not using:
        return
    listing = ", ".join(f"{campaign.id} ({campaign.status})" for campaign in using)
    noun, them = ("campaign", "it") if len(using) == 1 else ("campaigns", "them")
    raise FluenzrError(
        f"account {account.id} is used by {noun} {listing}: pause and archive {them}, "
        f"or switch {them} to another account with "
        "`fluenzr campaign update ID --account N` (paused first)"
    )


def delete_account(session: Session, account: Account) -> None:
    """Delete an account no active or paused campaign uses (its password is the caller's).

    Other campaigns of the account keep their history and lose their account (the
    document's `settings.account` too, so a later save does not name a missing one);
    the database's foreign keys clear the messages' account and drop the inbox state.
    """
    check_deletable(session, account)
    using = session.scalars(select(Campaign).where(Campaign.account_id == account.id)).all()
    for campaign in using:
        document = campaign.document
        settings = document.get("settings") if isinstance(document, dict) else None
        if isinstance(settings, dict) and settings.get("account") == account.id:
            document = copy.deepcopy(document)
            document["settings"]["account"] = None
            campaign.document = document
            campaign.document_revision += 1
        campaign.account_id = None
    session.flush()
    session.execute(delete(Account).where(Account.id == account.id))
    session.expunge(account)


def get_account(session: Session, account_id: int | str) -> Account:
    """The account with this id, or a FluenzrError naming it."""
    return get_by_id(session, Account, account_id, "account")


def list_accounts(session: Session) -> list[Account]:
    """Every account, oldest first."""
    return list(session.scalars(select(Account).order_by(Account.id)))


def inbox_accounts(session: Session) -> list[Account]:
    """The accounts with an IMAP server (an inbox to read), oldest first."""
    return list(
        session.scalars(select(Account).where(Account.imap_host.is_not(None)).order_by(Account.id))
    )


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
