"""Delivery status: enhanced status codes (RFC 3463) and delivery reports (RFC 3464).

What a status code and the server's words say about an address (only a bad address is
suppressed for good), and the failed or delayed recipients a standard report lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import HeaderParser

from .parsing import first_address, header_value, header_values, one_line, part_type, parts_of
from .quoting import decode_part

# RFC 3463 permanent codes that say the address itself is bad (besides every 5.1.x):
# mailbox disabled, and Exchange's "recipient address rejected".
ADDRESS_FAILURES = frozenset({"5.2.1", "5.4.1"})
# Words of a failure about the address, where no enhanced status code says it.
_ADDRESS_FAILURE_TEXT = re.compile(
    r"user\s+unknown|unknown\s+(?:user|recipient|address|mailbox)|no\s+such\s+(?:user|mailbox"
    r"|recipient|address)|(?:user|mailbox|address|recipient|account)\s+(?:does\s+not|doesn't)"
    r"\s+exist|(?:invalid|unknown|bad)\s+(?:recipient|address|mailbox)|recipient\s+address"
    r"\s+rejected|mailbox\s+(?:not\s+found|unavailable|disabled)|not\s+a\s+valid\s+mailbox"
    r"|addressee\s+unknown|account\s+(?:has\s+been\s+)?disabled|user\s+not\s+found"
    r"|destinataire\s+inconnu|utilisateur\s+(?:inconnu|non\s+recens)|adresse\s+inconnue"
    r"|unbekannt|existiert\s+nicht|no\s+existe|inesistente|onbekend"
    r"|not\s+listed\s+in|no\s+(?:mailbox|account)\s+(?:here\s+)?by\s+that\s+name"
    r"|recipient\s+rejected|(?:e-?mail\s+)?account\s+(?:that\s+you\s+tried\s+to\s+reach\s+)?does"
    r"\s+not\s+exist|address\s+(?:is\s+)?(?:invalid|unknown|not\s+valid)|no\s+longer\s+(?:valid|active)"
    r"|not\s+a\s+valid\s+(?:user|recipient|address)",
    re.I,
)
# An enhanced status code: class.subject.detail ("5.1.1").
STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")


def status_of(status_field: str, diagnostic: str) -> str:
    """The enhanced status code: the Status field, refined by the diagnostic when it is x.0.0."""
    field = STATUS.search(status_field)
    from_diagnostic = STATUS.search(diagnostic)
    if field and (field.group(2, 3) != ("0", "0") or not from_diagnostic):
        return field.group(0)
    if from_diagnostic:
        return from_diagnostic.group(0)
    return field.group(0) if field else ""


# A failure's cause named in words that is not the address: size, quota, spam, a loop…
_NOT_ADDRESS_TEXT = re.compile(
    r"message\s+size|size\s+(?:limit|exceeded)|too\s+(?:large|big)|quota|mailbox\s+(?:is\s+)?full"
    r"|over\s+(?:its\s+)?(?:storage|limit)|hop\s+count|mail\s+loop|rate\s+limit|too\s+many"
    r"|spam|blacklist|blocklist|block(?:ed)?\s+(?:by|for|due)|policy|virus",
    re.I,
)


def is_address_failure(status: str, diagnostic: str) -> bool:
    """Whether a failure says the address itself is bad (only that suppresses it for good).

    The server's own words win over a code that contradicts them: "550 5.1.1 max message
    size exceeded" says nothing against the address.
    """
    if _NOT_ADDRESS_TEXT.search(diagnostic):
        return False
    if status.startswith("5.1.") or status in ADDRESS_FAILURES:
        return True
    if status and status not in ("5.0.0", "5.5.0"):
        return False  # a precise code about something else: a full mailbox, a policy…
    return bool(_ADDRESS_FAILURE_TEXT.search(diagnostic))


def _dsn_blocks(part: Message) -> list[Message]:
    """The field blocks of a message/delivery-status part, however the parser left them."""
    try:
        payload = part.get_payload()
    except Exception:
        return []
    if isinstance(payload, list):
        return [block for block in payload if isinstance(block, Message)]
    text = decode_part(part) if isinstance(payload, str) else ""
    blocks = []
    for chunk in re.split(r"\r?\n[ \t]*\r?\n", text):
        if chunk.strip():
            try:
                blocks.append(HeaderParser(policy=policy.compat32).parsestr(chunk.strip() + "\n"))
            except Exception:
                continue
    return blocks


@dataclass
class Failure:
    """One failed or delayed recipient (or several, when a block names more than one)."""

    address: list[str]
    hard: bool
    diagnostic: str
    final: bool = True


def delivery_report(message: Message) -> tuple[bool, list[Failure]]:
    """(is a delivery report, the failed or delayed recipients it lists)."""
    status_parts = [p for p in parts_of(message) if part_type(p) == "message/delivery-status"]
    if not status_parts:
        return False, []
    failures: list[Failure] = []
    for part in status_parts:
        for block in _dsn_blocks(part):
            action = header_value(block, "Action").lower()
            recipients = [
                first_address(value.rsplit(";", 1)[-1])
                for name in ("Original-Recipient", "Final-Recipient", "X-Actual-Recipient")
                for value in header_values(block, name)
            ]
            diagnostic = header_value(block, "Diagnostic-Code")
            diagnostic = diagnostic.split(";", 1)[1] if ";" in diagnostic else diagnostic
            status = status_of(header_value(block, "Status"), diagnostic)
            if not action:
                if not any(recipients):
                    continue  # the per-message block (Reporting-MTA, Arrival-Date)
                # A recipient block without Action (some MTAs): its status says what happened.
                action = {"5": "failed", "4": "delayed"}.get(status[:1], "")
            if action.startswith("delayed"):
                hard, final = False, False
            elif action.startswith(("fail", "error")):
                hard, final = is_address_failure(status, diagnostic), True
            else:
                continue  # delivered, relayed, expanded: good news
            text = one_line(diagnostic) or (f"{action} ({status})" if status else action)
            failures.append(Failure(recipients, hard, text, final))
    return True, failures
