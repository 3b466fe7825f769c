"""Which inbound mail is worth reading, from a few header fields fetched over IMAP.

A sync fetches only these fields for every new message and downloads a body only when
`worth_reading` says so: a reply to one of our Message-IDs, mail from a contact, an
unsubscribe request, or what looks like a bounce or a report (the classifier's own
header rule, `bounce_like_headers`). The full verdict is `classify`'s, on the body.
"""

from __future__ import annotations

import email.utils
import re

from ..domain.unsubscribe import TOKEN_PATTERN
from .bounces import bounce_like_headers
from .parsing import MESSAGE_ID, decode_header_value


def header_ids(value: str | None) -> list[str]:
    """The <message-ids> named in a Message-ID, In-Reply-To or References value."""
    return MESSAGE_ID.findall(value or "")


class HeaderFields(dict):
    """Header name (any case) → first value, unfolded; what triage needs of a message."""

    def get(self, name: str, default: object = None) -> object:  # type: ignore[override]
        return super().get(name.lower(), default)


def header_fields(raw: bytes) -> HeaderFields:
    """The few header fields fetched for triage, unfolded (RFC 5322 §2.2.3).

    The email package's parser costs ~30 µs a message, half the IMAP fetch itself on a
    first sync; a fetched header block is simple enough to read directly. Bodies and
    everything that is acted on still go through the email package.
    """
    fields = HeaderFields()
    name = None
    for line in raw.decode("utf-8", "replace").splitlines():
        if line[:1] in (" ", "\t") and name is not None:
            fields[name] += " " + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            name = key.strip().lower()
            if name in fields:
                name = None  # keep the first occurrence only
                continue
            fields[name] = value.strip()
        else:
            name = None
    return fields


_ANGLE_ADDRESS = re.compile(r"<([^<>\s@]+@[^<>\s@]+)>\s*$")
_BARE_ADDRESS = re.compile(r"\s*([^<>\s@\",;]+@[^<>\s@\",;]+)\s*$")


def from_address(value: str | None) -> str:
    """The address of a From-like header, lower-cased ('' when there is none)."""
    text = str(value or "")
    # The two shapes nearly every mail has, without the full RFC 5322 parser.
    match = _ANGLE_ADDRESS.search(text) or _BARE_ADDRESS.match(text)
    if match:
        return match.group(1).lower()
    return email.utils.parseaddr(text)[1].strip().lower()


def worth_reading(headers: HeaderFields, sender: str, ours: set[str], contacts: set[str]) -> bool:
    """Whether a message's body must be read: it may concern one of our enrollments."""
    referenced = header_ids(str(headers.get("In-Reply-To", ""))) + header_ids(
        str(headers.get("References", ""))
    )
    if any(message_id in ours for message_id in referenced) or sender in contacts:
        return True
    subject = decode_header_value(headers.get("Subject", ""))
    if TOKEN_PATTERN.search(subject):
        return True
    # Bounces and complaints rarely name our Message-ID in their headers.
    return bounce_like_headers(
        decode_header_value(headers.get("From", "")),
        subject,
        bool(headers.get("X-Failed-Recipients")),
        content_type=str(headers.get("Content-Type", "")),
    )
