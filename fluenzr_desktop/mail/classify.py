"""What came back: a bounce, a complaint, an unsubscribe, an auto-reply or a human reply.

Rules (the first that applies wins); docs/inbox.md tells users the same with examples:

1. bounce: a delivery report (multipart/report; report-type=delivery-status) listing a
   failed or delayed recipient (a recipient block without Action is read from its
   Status); else flufl.bounce's detectors, whoever sent the message, when they find
   failed addresses in a report that lists none or in an MTA's own notice; else a notice
   with bounce-like headers (a daemon, postmaster, MDaemon or imss sender, an empty
   From, X-Failed-Recipients, a delivery-failure subject in English, French, German,
   Spanish, Italian, Dutch, Japanese or Russian). A reply or forward quoting a bounce
   stays a reply. `final` when delivery was given up (not a "delayed" warning); `hard`
   when the address itself is bad (5.1.x, 5.2.1, 5.4.1, or "user unknown" in words), unless
   the server's words name another cause (size, quota, a policy, a loop).
2. feedback: an ARF abuse report, or Outlook.com's own complaint format (JMRP).
3. unsubscribe: our token in the subject or the new text; or a human message whose new
   text (quotes stripped) asks to be removed, in EN/FR/DE/ES/IT/NL, whole words only,
   not after a negation in the same clause ("don't stop emailing me" is not a request).
4. auto_reply: Auto-Submitted other than "no", X-Autoreply/X-Autorespond, Precedence
   auto_reply/bulk/junk, an out-of-office subject (anchored at its start, so that
   "Re: Absence management" stays a reply), or a body that opens like an out-of-office
   notice in the six languages, quotes nothing and asks nothing.
5. reply: everything else.

Nothing here raises: every header and body access is guarded, and a message that cannot
be understood is a "reply" with whatever text could be read.

The rules live one module each: `bounces` (with `dsn`), `complaints`, `unsubscribes`,
`auto_replies`; `parsing` reads messages without raising. This module orders them.
"""

from __future__ import annotations

import logging
from datetime import datetime
from email.message import Message

from fluenzr_desktop.domain.unsubscribe import TOKEN_PATTERN

from .auto_replies import is_automatic, out_of_office_text
from .bounces import bounce_verdict
from .complaints import complaint_verdict
from .parsing import MAX_TEXT, REPLY_PREFIX, first_text, header_value, parse_bytes, part_type
from .quoting import new_text
from .return_date import return_date
from .unsubscribes import asks_to_unsubscribe
from .verdict import Classification

# The inbox imports these from here: one door for classifying what came back.
__all__ = [
    "Classification",
    "asks_to_unsubscribe",
    "classify",
    "parse_bytes",
]

log = logging.getLogger(__name__)


def classify(message: Message, *, now: datetime) -> Classification:
    """The verdict on one inbound message; never raises. `now` dates "back on Monday"."""
    try:
        return _classify(message, now)
    except Exception:  # a last resort: the watcher must never stop on one message
        log.warning("could not classify a message; treating it as a reply", exc_info=True)
        try:
            text = new_text(message)[:MAX_TEXT]
        except Exception:
            text = ""
        return Classification(kind="reply", text=text)


def _classify(message: Message, now: datetime) -> Classification:
    bounce = bounce_verdict(message)
    if bounce is not None:
        return bounce
    feedback = complaint_verdict(message)
    if feedback is not None:
        return feedback
    subject = header_value(message, "Subject")
    text = new_text(message)[:MAX_TEXT]
    token = TOKEN_PATTERN.search(subject) or TOKEN_PATTERN.search(text)
    if token is not None:
        return Classification(kind="unsubscribe", unsubscribe_token=token.group(0), text=text)
    automatic = (
        is_automatic(message)
        or part_type(message) == "multipart/report"
        or out_of_office_text(text, first_text(message, MAX_TEXT * 4))
    )
    if not automatic:
        # A fresh message titled "Unsubscribe" counts; a "Re:" subject is ours, not theirs.
        own_subject = "" if REPLY_PREFIX.match(subject) else subject
        if asks_to_unsubscribe(text) or (own_subject and asks_to_unsubscribe(own_subject)):
            return Classification(kind="unsubscribe", text=text)
        return Classification(kind="reply", text=text)
    back = return_date(f"{subject}\n\n{text}", now)
    return Classification(kind="auto_reply", return_date=back, text=text)
