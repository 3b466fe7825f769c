"""Reading an inbound message without ever raising: parsing, headers, parts, addresses.

The classifiers (bounces, complaints, auto-replies, unsubscribes) read messages that can
be broken in every way a mail server can break them; every access here is guarded, so a
malformed header or part reads as empty rather than raising.
"""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser, HeaderParser

from .quoting import decode_part, html_as_quoted_text

log = logging.getLogger(__name__)

# How much of a person's new text a verdict keeps and the classifiers read.
MAX_TEXT = 4000
# An address inside any text (a header, a notice, a diagnostic).
ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
MESSAGE_ID = re.compile(r"<[^<>\s]{3,998}>")
# A subject a person wrote answering or forwarding: "Re:", "AW:", "Fwd:", "TR:"…
REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|rif|r|rv|wg|fw|fwd|tr)\s*(?:\[\d+\])?\s*:", re.I)


def parse_bytes(raw: bytes) -> Message:
    """Parse raw RFC 5322 bytes tolerantly; never raises (an empty message at worst)."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogateescape")
    try:
        return BytesParser(policy=policy.default).parsebytes(bytes(raw))
    except Exception:
        log.debug("unparseable message with policy.default; trying compat32", exc_info=True)
    try:
        return BytesParser(policy=policy.compat32).parsebytes(bytes(raw))
    except Exception:
        log.warning("unparseable message; treating it as empty", exc_info=True)
        return EmailMessage()


def _unsurrogate(value: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates by the parser) as readable text."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        raw = value.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")


def decode_header_value(value: object) -> str:
    """One header's value as text: RFC 2047 decoded where possible, unfolded."""
    text = _unsurrogate(str(value))
    if "=?" in text:
        # An unknown charset or a broken encoded word keeps the raw text.
        with suppress(Exception):
            text = str(make_header(decode_header(text)))
    return " ".join(text.split())


def header_values(message: Message, name: str) -> list[str]:
    """Every value of a header, read raw so a malformed one cannot raise."""
    wanted = name.lower()
    try:
        items = list(message.raw_items())
    except Exception:
        return []
    values: list[str] = []
    for key, value in items:
        try:
            if str(key).lower() == wanted:
                values.append(decode_header_value(value))
        except Exception:
            continue
    return values


def header_value(message: Message, name: str) -> str:
    """The first value of a header, decoded; '' when there is none."""
    values = header_values(message, name)
    return values[0] if values else ""


def part_type(part: Message) -> str:
    """A part's content type; text/plain when it cannot be read."""
    try:
        return part.get_content_type()
    except Exception:
        return "text/plain"


def type_param(part: Message, name: str) -> str:
    """A parameter of a part's Content-Type, lower-cased; '' when absent or unreadable."""
    try:
        value = part.get_param(name)
    except Exception:
        return ""
    if isinstance(value, tuple):  # RFC 2231 (charset, language, value)
        value = value[2]
    return str(value or "").lower().strip()


def parts_of(message: Message, limit: int = 300) -> list[Message]:
    """The parts of a message, not descending into attached messages (their parts are theirs).

    A forwarded bounce inside a person's reply must not make the reply a bounce; the
    attached message/rfc822 part itself is listed, so its headers can still be read.
    """
    parts: list[Message] = []
    stack: list[Message] = [message]
    while stack and len(parts) < limit:
        part = stack.pop(0)
        parts.append(part)
        content_type = part_type(part)
        if content_type.startswith("message/") and part is not message:
            continue
        try:
            payload = part.get_payload() if part.is_multipart() else None
        except Exception:
            continue
        if isinstance(payload, list) and not content_type.startswith("message/"):
            stack[0:0] = [p for p in payload if isinstance(p, Message)]
    return parts


def first_address(value: str) -> str:
    """The first address in a text, lower-cased; '' when there is none."""
    match = ADDRESS.search(value)
    return match.group(0).lower() if match else ""


def unique(values: list[str]) -> tuple[str, ...]:
    """The non-empty values, each once, in their first order."""
    return tuple(dict.fromkeys(v for v in values if v))


def one_line(text: str, limit: int = 300) -> str:
    """A text on one line, its whitespace collapsed, cut at `limit` characters."""
    return " ".join(text.split())[:limit]


# ------------------------------------------------------------------- the returned original


def attached_headers(message: Message) -> list[Message]:
    """The header blocks of the original message(s) a bounce or report carries."""
    found: list[Message] = []
    for part in parts_of(message):
        content_type = part_type(part)
        try:
            if content_type in ("message/rfc822", "message/global"):
                payload = part.get_payload()
                if isinstance(payload, list) and payload and isinstance(payload[0], Message):
                    found.append(payload[0])
                elif isinstance(payload, str):
                    found.append(HeaderParser(policy=policy.compat32).parsestr(payload))
            elif content_type in ("text/rfc822-headers", "message/global-headers"):
                text = decode_part(part)
                found.append(HeaderParser(policy=policy.compat32).parsestr(text.lstrip()))
        except Exception:
            continue
    return found


def original_ids(message: Message, body: str) -> tuple[str, ...]:
    """Message-IDs of the original message: from attached headers, else from the bounce text."""
    ids: list[str] = []
    for headers in attached_headers(message):
        ids += MESSAGE_ID.findall(header_value(headers, "Message-ID"))
    if not ids and body:
        # Exim and qmail paste the original below the notice rather than attaching it.
        own = MESSAGE_ID.findall(header_value(message, "Message-ID"))
        for match in re.finditer(r"^[ \t>]*Message-ID:[ \t]*(<[^<>\s]+>)", body, re.I | re.M):
            if match.group(1) not in own:
                ids.append(match.group(1))
    return unique(ids)


def original_recipients(message: Message) -> list[str]:
    """The To of the attached original: our messages go to one contact each."""
    addresses: list[str] = []
    for headers in attached_headers(message):
        for value in header_values(headers, "To"):
            addresses += [a.lower() for a in ADDRESS.findall(value)]
    return addresses


def first_text(message: Message, limit: int = 200_000) -> str:
    """The bounce's human-readable notice: its first inline text part."""
    for part in parts_of(message):
        if part_type(part) == "text/plain" and not part.is_multipart():
            try:
                if part.get_content_disposition() == "attachment":
                    continue
            except Exception:
                pass
            return decode_part(part, limit)
    for part in parts_of(message):
        if part_type(part) == "text/html" and not part.is_multipart():
            return html_as_quoted_text(decode_part(part, limit))
    return ""
