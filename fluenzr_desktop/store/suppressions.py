"""The suppression list: addresses and whole domains that no campaign may mail."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Suppression

# Bound parameters per query: SQLite's limit is 999 on older builds.
_CHUNK = 500


def suppression_reasons(session: Session, addresses: Iterable[str]) -> dict[str, str]:
    """address → why it may not be mailed, for those suppressed (by address or domain).

    An address entry only ever matches itself; a domain entry matches every address
    of that domain.
    """
    wanted = set(addresses)
    values = sorted(wanted | {address.rpartition("@")[2] for address in wanted})
    entries: dict[str, tuple[str, str | None]] = {}
    for start in range(0, len(values), _CHUNK):
        for value, kind, reason in session.execute(
            select(Suppression.value, Suppression.kind, Suppression.reason).where(
                Suppression.value.in_(values[start : start + _CHUNK])
            )
        ):
            entries[value] = (kind, reason)
    found: dict[str, str] = {}
    for address in wanted:
        domain = address.rpartition("@")[2]
        if address in entries:
            found[address] = "suppressed address" + _because(entries[address][1])
        elif entries.get(domain, ("",))[0] == "domain":
            found[address] = f"suppressed domain {domain}" + _because(entries[domain][1])
    return found


def suppression_of(session: Session, address: str) -> Suppression | None:
    """The entry that keeps this address from being mailed (itself, else its domain)."""
    domain = address.rpartition("@")[2]
    entries = {
        entry.value: entry
        for entry in session.scalars(
            select(Suppression).where(Suppression.value.in_([address, domain]))
        )
    }
    if address in entries:
        return entries[address]
    entry = entries.get(domain)
    return entry if entry is not None and entry.kind == "domain" else None


def cause_of(reason: str) -> str:
    """A skipped address's reason in one word, to count them: unsubscribed, bounced…"""
    for cause in ("unsubscribed", "complained", "bounce"):
        if cause in reason:
            return "bounced" if cause == "bounce" else cause
    return "suppressed" if "suppressed" in reason else reason


def _because(reason: str | None) -> str:
    return f" ({reason})" if reason else ""


def suppress(session: Session, address: str, reason: str) -> None:
    """Put an address on the list (once; the first reason is kept)."""
    if session.scalar(select(Suppression.id).where(Suppression.value == address)) is None:
        session.add(Suppression(value=address, kind="address", reason=reason))
