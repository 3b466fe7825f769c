"""What came back: a bounce, a complaint, an unsubscribe, an auto-reply or a human reply.

Rules (the first that applies wins):

1. bounce: a DSN (multipart/report; report-type=delivery-status), or a non-standard
   bounce recognised by flufl.bounce behind bounce-like headers (MAILER-DAEMON or
   postmaster sender, X-Failed-Recipients, a delivery-failure subject). Hard when the
   status is permanent (5.x.x), except 5.2.2 (mailbox full) and 5.3.4 (message too big):
   the address itself is good, so those are soft, like every 4.x.x and "delayed".
2. feedback: an ARF abuse report (multipart/report; report-type=feedback-report).
3. unsubscribe: our token in the subject or the new text; or a human message whose new
   text (quotes stripped) asks to be removed, in EN/FR/DE/ES/IT/NL, whole words only,
   not after a negation in the same clause ("don't stop emailing me" is not a request).
4. auto_reply: Auto-Submitted other than "no", X-Autoreply/X-Autorespond, Precedence
   auto_reply/bulk/junk, or an out-of-office subject (anchored at its start, so that
   "Re: Absence management" stays a reply).
5. reply: everything else.

Nothing here raises: every header and body access is guarded, and a message that cannot
be understood is a "reply" with whatever text could be read.
"""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser, HeaderParser

from flufl.bounce import all_failures

from fluenzr_desktop.domain.unsubscribe import TOKEN_PATTERN

from .quoting import decode_part, html_as_quoted_text, new_text
from .return_date import return_date

__all__ = ["Classification", "classify", "parse_bytes"]

log = logging.getLogger(__name__)

MAX_TEXT = 4000
# RFC 3463 permanent codes that say nothing bad about the address itself.
SOFT_PERMANENT = frozenset({"5.2.2", "5.3.4"})

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_MESSAGE_ID = re.compile(r"<[^<>\s]{3,998}>")
_STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
# "550 5.1.1 <x@y>: …", "550-5.1.1 …", or a bare "550 …" where no enhanced code is given.
_SMTP_REPLY = re.compile(r"\b([245]\d\d)(?:[ -]([245]\.\d{1,3}\.\d{1,3}))?[ -]\S.*")
_DAEMON = re.compile(
    r"^(mailer[-_]?daemon|mail[-_]daemon|postmaster|mail\.?delivery\.?subsystem|"
    r"microsoftexchange[0-9a-f]*|bounce[sd]?)@",
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
    )""",
    re.I | re.X,
)
_DELAY_SUBJECT = re.compile(r"delay|warning|retard|verzögert|retrasad|ritard|vertraagd", re.I)
_OUT_OF_OFFICE = re.compile(
    r"""^\s*(?:
        out\sof\s(?:the\s)?office | automatic\sreply | auto(?:matic)?[\s-]?reply | auto(?:matic)?
        [\s-]?response | autoreply | auto\s?: | away\sfrom\s(?:the\s)?office | on\s(?:vacation|leave|holiday)
        | i\s(?:am|'m)\s(?:out|away) | vacation\s(?:reply|response|notice) | absence\b | absent\b
        | réponse\sautomatique | reponse\sautomatique | absent(?:e)?\sdu\sbureau | message\sd'absence
        | en\scongés? | abwesenheit | automatische\s(?:antwort|rückantwort) | nicht\sim\sbüro
        | außer\s(?:haus|büro) | fuera\sde\s(?:la\s)?oficina | respuesta\sautom[áa]tica
        | ausente\b | risposta\sautomatica | fuori\s(?:ufficio|sede) | assente\b
        | afwezig | automatisch\s(?:antwoord|bericht) | niet\s(?:aanwezig|op\skantoor)
    )""",
    re.I | re.X,
)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|rif|r|rv|wg|fw|fwd|tr)\s*(?:\[\d+\])?\s*:", re.I)

# Removal requests; whole words, each checked against a negation in its own clause.
_REMOVAL = re.compile(
    r"""(?<![\w-])(?:
        unsubscribe(?:\s+me)?(?!\w)(?!\s+(?:rates?|links?|buttons?|pages?|process|flow|options?
            |footers?|requests?|emails?\sfrom\s(?:them|that|those)))
        | remove\s+(?:me|us|my\s+(?:e-?mail|address|name|details|contact)\w*)
            (?!\s+(?:from\s+)?(?:the\s+|this\s+|that\s+)?
                (?:cc|bcc|copy|thread|call|meeting|invite|invitation|chat|group|channel
                  |conversation|loop|distribution)\b)
        | take\s+(?:me|us|my\s+(?:e-?mail|address|name))\s+off
        | opt\s+(?:me|us)\s+out
        | stop\s+(?:e-?mailing|sending|contacting|mailing|messaging|writing|spamming|bothering)
        | (?:do\s+not|don't|never)\s+(?:e-?mail|contact|write\s+to|message|spam)\s+(?:me|us)
        | no\s+more\s+e-?mails
        | (?:me\s+)?d[ée]sinscri(?:re|vez(?:-moi)?|s|t|ption)
        | (?:me\s+)?d[ée]sabonn(?:er|ez(?:-moi)?|e|ement)
        | ne\s+(?:(?:souhaite|veux|voudrais|désire|desire)\s+)?plus\s+(?:recevoir|[êe]tre\s+contact[ée]e?s?
            |me\s+contacter|m'(?:[ée]crire|envoyer|contacter))
        | (?:retirez|supprimez|enlevez|rayez)[\s-]moi
        | arr[êe]t(?:ez|e|er)\s+de\s+m(?:'|e\s+)(?:[ée]crire|envoyer|contacter|spammer|solliciter)
        | abmelden | austragen | (?:melden|tragen|nehmen)\s+sie\s+mich\s+(?:\w+\s+){0,6}?(?:ab|aus|raus)
        | keine\s+(?:weiteren\s+)?(?:e-?mails|nachrichten)\s+mehr
        | (?:darme|dar|denme|deme)\s+de\s+baja | b[óo]rr(?:ame|enme|arme)
        | elim[íi]n(?:ame|enme|arme) | no\s+(?:quiero|deseo)\s+recibir\s+m[áa]s
        | cancellami | cancellatemi | disiscriv\w+ | rimuovetemi | rimuovermi | toglietemi
        | non\s+(?:voglio|desidero)\s+più\s+ricevere
        | afmelden | uitschrijven | meld\s+(?:me|mij)\s+(?:\w+\s+){0,4}?af | schrijf\s+(?:me|mij)\s+uit
        | verwijder\s+(?:me|mij|mijn\s+(?:e-?mail|adres)\w*)
    )(?![\w-])""",
    re.I | re.X,
)
_NEGATION = re.compile(
    r"\b(?:not|don't|dont|do\s+not|doesn't|didn't|won't|never|no\s+need|pas|nicht|kein\w*|no|non"
    r"|niet|geen|nunca|mai)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# A message that is nothing but "STOP" (with politeness around it) is a removal request.
_STOP_WORDS = frozenset({"stop", "stopp", "arrêtez", "arretez", "basta", "unsubscribe", "remove"})
_POLITE = frozenset(
    [
        "please",
        "pls",
        "plz",
        "now",
        "thanks",
        "thank",
        "you",
        "merci",
        "svp",
        "bitte",
        "por",
        "favor",
        "grazie",
        "alstublieft",
        "aub",
        "danke",
        "gracias",
        "me",
        "it",
    ]
)


@dataclass(frozen=True)
class Classification:
    """The verdict on one inbound message, with what the caller needs to act on it."""

    kind: str  # "bounce" | "feedback" | "unsubscribe" | "auto_reply" | "reply"
    hard: bool = False
    failed_recipients: tuple[str, ...] = ()
    original_message_ids: tuple[str, ...] = ()
    diagnostic: str = ""
    unsubscribe_token: str | None = None
    return_date: date | None = None
    text: str = ""


# ----------------------------------------------------------------------------- parsing


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


def _decode_header_value(value: object) -> str:
    """One header's value as text: RFC 2047 decoded where possible, unfolded."""
    text = _unsurrogate(str(value))
    if "=?" in text:
        # An unknown charset or a broken encoded word keeps the raw text.
        with suppress(Exception):
            text = str(make_header(decode_header(text)))
    return " ".join(text.split())


def _headers(message: Message, name: str) -> list[str]:
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
                values.append(_decode_header_value(value))
        except Exception:
            continue
    return values


def _header(message: Message, name: str) -> str:
    values = _headers(message, name)
    return values[0] if values else ""


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "text/plain"


def _param(part: Message, name: str) -> str:
    try:
        value = part.get_param(name)
    except Exception:
        return ""
    if isinstance(value, tuple):  # RFC 2231 (charset, language, value)
        value = value[2]
    return str(value or "").lower().strip()


def _walk(message: Message, limit: int = 300) -> list[Message]:
    """The parts of a message, not descending into attached messages (their parts are theirs).

    A forwarded bounce inside a person's reply must not make the reply a bounce; the
    attached message/rfc822 part itself is listed, so its headers can still be read.
    """
    parts: list[Message] = []
    stack: list[Message] = [message]
    while stack and len(parts) < limit:
        part = stack.pop(0)
        parts.append(part)
        content_type = _content_type(part)
        if content_type.startswith("message/") and part is not message:
            continue
        try:
            payload = part.get_payload() if part.is_multipart() else None
        except Exception:
            continue
        if isinstance(payload, list) and not content_type.startswith("message/"):
            stack[0:0] = [p for p in payload if isinstance(p, Message)]
    return parts


def _address(value: str) -> str:
    match = _ADDRESS.search(value)
    return match.group(0).lower() if match else ""


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _one_line(text: str, limit: int = 300) -> str:
    return " ".join(text.split())[:limit]


# ----------------------------------------------------------------------------- bounces


def _attached_headers(message: Message) -> list[Message]:
    """The header blocks of the original message(s) a bounce or report carries."""
    found: list[Message] = []
    for part in _walk(message):
        content_type = _content_type(part)
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


def _original_ids(message: Message, body: str) -> tuple[str, ...]:
    """Message-IDs of the original message: from attached headers, else from the bounce text."""
    ids: list[str] = []
    for headers in _attached_headers(message):
        ids += _MESSAGE_ID.findall(_header(headers, "Message-ID"))
    if not ids and body:
        # Exim and qmail paste the original below the notice rather than attaching it.
        own = _MESSAGE_ID.findall(_header(message, "Message-ID"))
        for match in re.finditer(r"^[ \t>]*Message-ID:[ \t]*(<[^<>\s]+>)", body, re.I | re.M):
            if match.group(1) not in own:
                ids.append(match.group(1))
    return _unique(ids)


def _original_recipients(message: Message) -> list[str]:
    """The To of the attached original: our messages go to one contact each."""
    addresses: list[str] = []
    for headers in _attached_headers(message):
        for value in _headers(headers, "To"):
            addresses += [a.lower() for a in _ADDRESS.findall(value)]
    return addresses


def _status_of(status_field: str, diagnostic: str) -> str:
    """The enhanced status code: the Status field, refined by the diagnostic when it is x.0.0."""
    field = _STATUS.search(status_field)
    from_diagnostic = _STATUS.search(diagnostic)
    if field and (field.group(2, 3) != ("0", "0") or not from_diagnostic):
        return field.group(0)
    if from_diagnostic:
        return from_diagnostic.group(0)
    return field.group(0) if field else ""


def _is_hard(status: str, default: bool) -> bool:
    if not status:
        return default
    if status in SOFT_PERMANENT:
        return False
    return status.startswith("5")


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
class _Failure:
    address: list[str]
    hard: bool
    diagnostic: str


def _dsn(message: Message) -> tuple[bool, list[_Failure]]:
    """(is a delivery report, the failed or delayed recipients it lists)."""
    status_parts = [p for p in _walk(message) if _content_type(p) == "message/delivery-status"]
    if not status_parts:
        return False, []
    failures: list[_Failure] = []
    for part in status_parts:
        for block in _dsn_blocks(part):
            action = _header(block, "Action").lower()
            if not action:
                continue  # the per-message block (Reporting-MTA, Arrival-Date)
            recipients = [
                _address(value.rsplit(";", 1)[-1])
                for name in ("Original-Recipient", "Final-Recipient", "X-Actual-Recipient")
                for value in _headers(block, name)
            ]
            diagnostic = _header(block, "Diagnostic-Code")
            diagnostic = diagnostic.split(";", 1)[1] if ";" in diagnostic else diagnostic
            status = _status_of(_header(block, "Status"), diagnostic)
            if action.startswith("delayed"):
                hard = False
            elif action.startswith(("fail", "error")):
                hard = _is_hard(status, default=True)
            else:
                continue  # delivered, relayed, expanded: good news
            text = _one_line(diagnostic) or (f"{action} ({status})" if status else action)
            failures.append(_Failure(recipients, hard, text))
    return True, failures


def _first_text(message: Message, limit: int = 200_000) -> str:
    """The bounce's human-readable notice: its first inline text part."""
    for part in _walk(message):
        if _content_type(part) == "text/plain" and not part.is_multipart():
            try:
                if part.get_content_disposition() == "attachment":
                    continue
            except Exception:
                pass
            return decode_part(part, limit)
    for part in _walk(message):
        if _content_type(part) == "text/html" and not part.is_multipart():
            return html_as_quoted_text(decode_part(part, limit))
    return ""


def _smtp_diagnostic(text: str) -> str:
    """The remote server's answer quoted in a non-standard bounce, as one line."""
    best = ""
    for line in text.splitlines()[:400]:
        match = _SMTP_REPLY.search(line)
        if match and match.group(1)[0] in "45":
            candidate = _one_line(match.group(0))
            if match.group(2):
                return candidate  # an enhanced code is the most precise thing there is
            best = best or candidate
    return best


def _looks_like_bounce(message: Message) -> bool:
    sender = _header(message, "From")
    subject = _header(message, "Subject")
    return bool(
        _headers(message, "X-Failed-Recipients")
        or _DAEMON.match(_address(sender))
        or _DAEMON_NAME.search(sender)
        or _BOUNCE_SUBJECT.match(subject)
    )


def _flufl(message: Message) -> tuple[set[str], set[str]]:
    """(temporary, permanent) failed addresses according to flufl.bounce's detectors."""
    try:
        temporary, permanent = all_failures(message)
    except Exception:  # its heuristic detectors trip over broken MIME; ours go on
        log.debug("flufl.bounce failed on a message", exc_info=True)
        return set(), set()

    def decoded(values: frozenset[bytes]) -> set[str]:
        return {
            _address(v.decode("ascii", "replace") if isinstance(v, bytes) else str(v))
            for v in values
        } - {""}

    return decoded(temporary), decoded(permanent)


def _bounce(message: Message) -> Classification | None:
    """A bounce verdict, or None when the message is not one."""
    is_report, failures = _dsn(message)
    body = ""
    if failures:
        hard = any(f.hard for f in failures)
        chosen = [f for f in failures if f.hard == hard]
        recipients = [a for f in chosen for a in f.address]
        if not recipients:
            recipients = _original_recipients(message)
        body = _first_text(message)
        return Classification(
            kind="bounce",
            hard=hard,
            failed_recipients=_unique(recipients),
            original_message_ids=_original_ids(message, body),
            diagnostic=chosen[0].diagnostic,
        )
    if is_report:
        return None  # a success DSN: not a bounce (it is handled as automatic mail)
    if not _looks_like_bounce(message):
        return None
    body = _first_text(message)
    temporary, permanent = _flufl(message)
    diagnostic = _smtp_diagnostic(body)
    status = _status_of("", diagnostic)
    subject = _header(message, "Subject")
    if permanent:
        hard = _is_hard(status, default=True) if status else True
        recipients = sorted(permanent) if hard else sorted(permanent | temporary)
    elif temporary:
        hard = False
        recipients = sorted(temporary)
    else:
        code = re.match(r"\d", diagnostic)
        if status:
            hard = _is_hard(status, default=False)
        elif code:
            hard = diagnostic.startswith("5") and not diagnostic.startswith("552")
        else:
            hard = not _DELAY_SUBJECT.search(subject)
        recipients = [
            a.lower() for a in _ADDRESS.findall(" ".join(_headers(message, "X-Failed-Recipients")))
        ]
        recipients = recipients or _original_recipients(message)
        if not recipients and diagnostic:
            recipients = [a.lower() for a in _ADDRESS.findall(diagnostic)]
    if not diagnostic:
        diagnostic = _one_line(subject) or ("permanent failure" if hard else "delivery delayed")
    return Classification(
        kind="bounce",
        hard=hard,
        failed_recipients=_unique(recipients),
        original_message_ids=_original_ids(message, body),
        diagnostic=diagnostic,
    )


# ----------------------------------------------------------------------------- feedback


def _feedback(message: Message) -> Classification | None:
    """An ARF complaint verdict, or None."""
    is_arf = _content_type(message) == "multipart/report" and (
        _param(message, "report-type") == "feedback-report"
    )
    reports = [p for p in _walk(message) if _content_type(p) == "message/feedback-report"]
    if not is_arf and not reports:
        return None
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
        _address(value)
        for block in fields
        for name in ("Original-Rcpt-To", "Removal-Recipient")
        for value in _headers(block, name)
    ]
    if not any(recipients):
        recipients = _original_recipients(message)
    kind = next((_header(b, "Feedback-Type") for b in fields if _header(b, "Feedback-Type")), "")
    return Classification(
        kind="feedback",
        failed_recipients=_unique(recipients),
        original_message_ids=_original_ids(message, ""),
        diagnostic=_one_line(kind or "abuse"),
    )


# ----------------------------------------------------------------------------- people


def _is_automatic(message: Message) -> bool:
    """Whether headers or subject say a machine wrote this answer."""
    auto_submitted = _header(message, "Auto-Submitted").split(";")[0].strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    for name in ("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Autogenerated"):
        value = _header(message, name).strip().lower()
        if value and value not in ("no", "false", "0"):
            return True
    if _header(message, "Precedence").strip().lower() in ("auto_reply", "bulk", "junk"):
        return True
    return bool(_OUT_OF_OFFICE.match(_header(message, "Subject")))


def asks_to_unsubscribe(text: str) -> bool:
    """Whether a person's own words ask to be taken off the list."""
    text = text.replace("’", "'").replace("\u2011", "-")[:MAX_TEXT]
    words = re.findall(r"[^\W\d_]+", text.lower())
    if (
        words
        and len(words) <= 6
        and any(w in _STOP_WORDS for w in words)
        and all(w in _STOP_WORDS or w in _POLITE for w in words)
    ):
        return True
    for match in _REMOVAL.finditer(text):
        clause_start = max(
            (m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0
        )
        clause = text[max(clause_start, match.start() - 60) : match.start()]
        if not _NEGATION.search(clause):
            return True
    return False


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
    bounce = _bounce(message)
    if bounce is not None:
        return bounce
    feedback = _feedback(message)
    if feedback is not None:
        return feedback
    subject = _header(message, "Subject")
    text = new_text(message)[:MAX_TEXT]
    token = TOKEN_PATTERN.search(subject) or TOKEN_PATTERN.search(text)
    if token is not None:
        return Classification(kind="unsubscribe", unsubscribe_token=token.group(0), text=text)
    automatic = _is_automatic(message) or _content_type(message) == "multipart/report"
    if not automatic:
        # A fresh message titled "Unsubscribe" counts; a "Re:" subject is ours, not theirs.
        own_subject = "" if _REPLY_PREFIX.match(subject) else subject
        if asks_to_unsubscribe(text) or (own_subject and asks_to_unsubscribe(own_subject)):
            return Classification(kind="unsubscribe", text=text)
        return Classification(kind="reply", text=text)
    back = return_date(f"{subject}\n\n{text}", now)
    return Classification(kind="auto_reply", return_date=back, text=text)
