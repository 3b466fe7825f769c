"""Complaints: an ARF abuse report (RFC 5965), or Outlook.com's own format (JMRP).

The complaining address is suppressed for good, like an unsubscribe.
"""

from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import HeaderParser

from .parsing import (
    attached_headers,
    first_address,
    header_value,
    header_values,
    one_line,
    original_ids,
    original_recipients,
    part_type,
    parts_of,
    type_param,
    unique,
)
from .quoting import decode_part
from .verdict import Classification


def complaint_verdict(message: Message) -> Classification | None:
    """An ARF complaint verdict, or None."""
    is_arf = part_type(message) == "multipart/report" and (
        type_param(message, "report-type") == "feedback-report"
    )
    reports = [p for p in parts_of(message) if part_type(p) == "message/feedback-report"]
    if not is_arf and not reports:
        return _hotmail_complaint(message)
    fields: list[Message] = []
    for part in reports:
        try:
            payload = part.get_payload()
        except Exception:
            continue
        if isinstance(payload, list):
            fields += [block for block in payload if isinstance(block, Message)]
        else:
            try:
                fields.append(HeaderParser(policy=policy.compat32).parsestr(decode_part(part)))
            except Exception:
                continue
    recipients = [
        first_address(value)
        for block in fields
        for name in ("Original-Rcpt-To", "Removal-Recipient")
        for value in header_values(block, name)
    ]
    if not any(recipients):
        recipients = original_recipients(message)
    kind = next(
        (header_value(b, "Feedback-Type") for b in fields if header_value(b, "Feedback-Type")), ""
    )
    return Classification(
        kind="feedback",
        failed_recipients=unique(recipients),
        original_message_ids=original_ids(message, ""),
        diagnostic=one_line(kind or "abuse"),
    )


def _hotmail_complaint(message: Message) -> Classification | None:
    """A complaint in Microsoft's own format (JMRP): the original attached, stamped by Outlook.com.

    Not ARF: the attached original carries the complaining address in
    X-HmXmrOriginalRecipient.
    """
    for headers in attached_headers(message):
        recipient = first_address(header_value(headers, "X-HmXmrOriginalRecipient"))
        if recipient:
            return Classification(
                kind="feedback",
                failed_recipients=(recipient,),
                original_message_ids=original_ids(message, ""),
                diagnostic="abuse (Outlook.com complaint)",
            )
    return None
