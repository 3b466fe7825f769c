"""Bounces: whether a message is one, and what failed (standard reports and MTAs' own notices).

A delivery report listing failed or delayed recipients is a bounce (see `dsn`); else
flufl.bounce's detectors, whoever sent the message, when they find failed addresses; else
a notice with bounce-like headers (`bounce_like_headers`, which the inbox's triage also
uses on fetched headers alone). A reply or forward quoting a bounce stays a reply.
"""

from __future__ import annotations

import logging
import re
from email.message import Message

from flufl.bounce import all_failures

from .dsn import STATUS, delivery_report, is_address_failure, status_of
from .parsing import (
    ADDRESS,
    REPLY_PREFIX,
    first_address,
    first_text,
    header_value,
    header_values,
    one_line,
    original_ids,
    original_recipients,
    unique,
)
from .verdict import Classification

log = logging.getLogger(__name__)

# "550 5.1.1 <x@y>: …", "550-5.1.1 …", or a bare "550 …" where no enhanced code is given.
_SMTP_REPLY = re.compile(r"\b([245]\d\d)(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?[ -]\S.*")
_DAEMON = re.compile(
    r"^(mailer[-_]?daemon|mail[-_]daemon|postmaster|mail\.?delivery\.?subsystem|"
    r"microsoftexchange[0-9a-f]*|bounce[sd]?|mdaemon|imss|mailer|mail\.?router|"
    r"mail\.?administrator|mailadmin|smtp\.?gateway|nobody)@",
    re.I,
)
_DAEMON_NAME = re.compile(r"mail delivery (subsystem|system)|mailer.?daemon|postmaster", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"""^\s*(?:
        undeliver(?:able|ed)\b | undelivered\smail | mail\sdelivery\sfail | delivery\sfailure
        | delivery\sstatus\snotification | delivery\snotification | returned\smail
        | failure\snotice | message\snot\sdelivered | delivery\shas\sfailed | mail\sfailure
        | warning:\s.{0,80}delayed | delayed\smail | delivery\sdelayed | non[\s-]remis
        | échec\sde\s(?:la\s)?(?:remise|distribution) | unzustellbar | nicht\szustellbar
        | no\sse\spuede\sentregar | non\srecapitabile | onbestelbaar
        | mail\scould\snot\sbe\sdelivered | (?:message|e-?mail)\scould\snot\sbe\sdelivered
        | permanent\sdelivery\sfailure | non[\s-]?delivery | nondeliverable
        | returned\sto\ssender | delivery\sreport | delivery\sproblem
        | utilisateur\snon\srecens | impossible\sde\sremettre | rapport\sde\snon-remise
        | fehlgeschlagen | nicht\sausgeliefert | error\sal\senviar
        | メールエラー | 配信エラー | 送信エラー | 配送エラー | 配信不能 | 配送不能 | エラーメール
        | недоставленн | не\sдоставлен | ошибка\sдоставки
    )""",
    re.I | re.X,
)
_DELAY_SUBJECT = re.compile(r"delay|warning|retard|verzögert|retrasad|ritard|vertraagd", re.I)


def _smtp_diagnostic(text: str) -> str:
    """The remote server's answer quoted in a non-standard bounce, as one line."""
    best = ""
    for line in text.splitlines()[:400]:
        match = _SMTP_REPLY.search(line)
        if match and match.group(1)[0] in "45":
            candidate = one_line(match.group(0))
            if match.group(2):
                return candidate  # an enhanced code is the most precise thing there is
            best = best or candidate
    return best


def bounce_like_headers(
    sender: str, subject: str, failed_recipients: bool, content_type: str = ""
) -> bool:
    """Whether headers alone make a message look like a bounce (the inbox's triage uses it).

    A daemon-like or empty sender, a delivery-failure subject, X-Failed-Recipients, or a
    multipart/report (a delivery or complaint report: worth reading whoever sent it).
    """
    address = first_address(sender)
    return bool(
        failed_recipients
        or "multipart/report" in content_type.lower()
        or not address
        or _DAEMON.match(address)
        or _DAEMON_NAME.search(sender)
        or _BOUNCE_SUBJECT.match(subject)
    )


def _looks_like_bounce(message: Message) -> bool:
    return bounce_like_headers(
        header_value(message, "From"),
        header_value(message, "Subject"),
        bool(header_values(message, "X-Failed-Recipients")),
    )


def _written_by_a_person(message: Message) -> bool:
    """A reply or a forward (a person quoting a bounce is still a person)."""
    subject = header_value(message, "Subject")
    return bool(REPLY_PREFIX.match(subject) or header_value(message, "In-Reply-To"))


def _flufl(message: Message) -> tuple[set[str], set[str]]:
    """(temporary, permanent) failed addresses according to flufl.bounce's detectors."""
    try:
        temporary, permanent = all_failures(message)
    except Exception:  # its heuristic detectors trip over broken MIME; ours go on
        log.debug("flufl.bounce failed on a message", exc_info=True)
        return set(), set()

    def decoded(values: frozenset[bytes]) -> set[str]:
        return {
            first_address(v.decode("ascii", "replace") if isinstance(v, bytes) else str(v))
            for v in values
        } - {""}

    return decoded(temporary), decoded(permanent)


def bounce_verdict(message: Message) -> Classification | None:
    """A bounce verdict, or None when the message is not one."""
    is_report, failures = delivery_report(message)
    if failures:
        final = [f for f in failures if f.final]
        chosen = final or failures
        hard = any(f.hard for f in chosen)
        if hard:
            chosen = [f for f in chosen if f.hard]
        recipients = [a for f in chosen for a in f.address]
        body = first_text(message)
        if not recipients:
            recipients = original_recipients(message) or _notice_addresses(message, body)
        return Classification(
            kind="bounce",
            hard=hard,
            final=bool(final),
            failed_recipients=unique(recipients),
            original_message_ids=original_ids(message, body),
            diagnostic=chosen[0].diagnostic,
        )
    # Not a standard report with failures (a report that lists none, or a bounce in the
    # MTA's own words): flufl.bounce's detectors know the formats of many MTAs. When they
    # find failed addresses it is a bounce, whoever sent it.
    bounce_like = _looks_like_bounce(message)
    if not bounce_like and not is_report and _written_by_a_person(message):
        return None
    temporary, permanent = _flufl(message)
    if not (temporary or permanent) and (is_report or not bounce_like):
        return None  # a success report, or not a bounce at all
    body = first_text(message)
    diagnostic = _smtp_diagnostic(body)
    status = status_of("", diagnostic)
    if not status and (code := STATUS.search(body[:20_000])):
        status = code.group(0)  # qmail's "(#5.1.1)", Exchange's "<host #5.1.1>"
    subject = header_value(message, "Subject")
    delayed = bool(_DELAY_SUBJECT.search(subject)) or (temporary and not permanent)
    evidence = f"{diagnostic} {subject} {body[:4000]}"
    if permanent:
        final = True
        recipients = sorted(permanent)
    elif temporary:
        final = not _DELAY_SUBJECT.search(subject) and _final_in_words(body)
        recipients = sorted(temporary)
    else:
        final = not delayed
        recipients = [
            a.lower()
            for a in ADDRESS.findall(" ".join(header_values(message, "X-Failed-Recipients")))
        ]
        if not recipients and diagnostic:
            recipients = [a.lower() for a in ADDRESS.findall(diagnostic)]
    if not recipients:
        # What we sent to (the returned original's To), and what the notice names (a
        # forwarding address may fail further on): both stand for the contact.
        recipients = original_recipients(message) + _notice_addresses(message, body)
    hard = final and is_address_failure(status, evidence)
    if not diagnostic:
        diagnostic = one_line(subject) or ("permanent failure" if final else "delivery delayed")
    return Classification(
        kind="bounce",
        hard=hard,
        final=final,
        failed_recipients=unique(recipients),
        original_message_ids=original_ids(message, body),
        diagnostic=diagnostic,
    )


# Where a bounce's own notice ends and the returned message (or its headers) begins.
_ORIGINAL_STARTS = re.compile(
    r"^\s*(?:-{2,}.*(?:original|copy|returned|below).*|.*(?:below\s+is\s+a\s+copy|original"
    r"\s+message|returned\s+message|message\s+header|headers\s+of\s+the\s+message|this\s+is\s+a"
    r"\s+copy|message\s+d'origine|urspr[üu]ngliche\s+nachricht|mensaje\s+original"
    r"|messaggio\s+originale).*)$|^(?:received|return-path|message-id):\s.*$",
    re.I | re.M,
)
# At most this many addresses in a notice are taken as its failed recipients.
_NOTICE_ADDRESSES = 5


def _notice_addresses(message: Message, body: str) -> list[str]:
    """Addresses a plain-text notice names, before the returned original: its recipients.

    The bounce's own sender and addressee (us) are not among them; a notice naming more
    than a handful is too vague to act on.
    """
    start = _ORIGINAL_STARTS.search(body[:20_000])
    notice = body[: start.start() if start else 20_000]
    own = {first_address(v) for name in ("From", "To", "Reply-To", "Return-Path", "Sender")
           for v in header_values(message, name)}  # fmt: skip
    found = [a.lower() for a in ADDRESS.findall(notice)]
    candidates = list(dict.fromkeys(a for a in found if a not in own and not _DAEMON.match(a)))
    return candidates if 0 < len(candidates) <= _NOTICE_ADDRESSES else []


_GAVE_UP = re.compile(
    r"could\s+not\s+be\s+delivered|permanent(?:ly)?|gave\s+up|giving\s+up|has\s+been\s+returned"
    r"|undeliverable|failed\s+permanently|n'a\s+pas\s+pu\s+[êe]tre\s+(?:remis|distribu)"
    r"|konnte\s+nicht\s+zugestellt",
    re.I,
)


def _final_in_words(text: str) -> bool:
    """Whether a notice flufl.bounce calls temporary says delivery was given up."""
    return bool(_GAVE_UP.search(text[:4000]))
