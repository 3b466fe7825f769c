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

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_MESSAGE_ID = re.compile(r"<[^<>\s]{3,998}>")
_STATUS = re.compile(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b")
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
# An out-of-office written in the body, whatever the subject's language: the notice's own
# opening words, in the six languages (a person who is away but answers asks or says more).
_OUT_OF_OFFICE_TEXT = re.compile(
    r"""(?:
        \bi\s*(?:am|'m|will\s+be)\s+(?:currently\s+|now\s+)?(?:out\s+of\s+(?:the\s+)?office
            |away\s+(?:from\s+(?:the\s+)?office|until|till|on)|on\s+(?:annual\s+|parental\s+|sick\s+)?
            (?:leave|vacation|holiday|holidays)|travel+ing\s+(?:until|till|with\s+limited))
        | \bout\s+of\s+(?:the\s+)?office\s+(?:until|till|from|and|with)
        | \bthis\s+is\s+an\s+automatic\s+(?:reply|response)
        | \bje\s+suis\s+(?:actuellement\s+)?(?:absente?|en\s+cong[ée]s?|en\s+d[ée]placement)
        | \bje\s+serai\s+(?:absente?|de\s+retour)
        | \bich\s+bin\s+(?:\S+\s+){0,4}?(?:nicht\s+im\s+b[üu]ro|abwesend|im\s+urlaub|au[ßs]er\s+haus)
        | \bestoy\s+(?:\S+\s+){0,3}?(?:fuera\s+de\s+la\s+oficina|de\s+vacaciones|ausente)
        | \bestar[ée]\s+(?:fuera|ausente)
        | \bsono\s+(?:\S+\s+){0,3}?(?:fuori\s+(?:dall'\s*)?ufficio|in\s+ferie|assente)
        | \bsar[òo]\s+assente
        | \bik\s+ben\s+(?:\S+\s+){0,3}?(?:afwezig|niet\s+op\s+kantoor|met\s+vakantie)
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
    # Bounces: `final` when delivery was given up (Action: failed, a failure notice), not a
    # "delayed" warning; `hard` when the address itself is bad (5.1.x user unknown…), which
    # alone puts it on the suppression list. A final failure stops the contact's campaign.
    hard: bool = False
    final: bool = False
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


# A failure's cause named in words that is not the address: size, quota, spam, a loop…
_NOT_ADDRESS_TEXT = re.compile(
    r"message\s+size|size\s+(?:limit|exceeded)|too\s+(?:large|big)|quota|mailbox\s+(?:is\s+)?full"
    r"|over\s+(?:its\s+)?(?:storage|limit)|hop\s+count|mail\s+loop|rate\s+limit|too\s+many"
    r"|spam|blacklist|blocklist|block(?:ed)?\s+(?:by|for|due)|policy|virus",
    re.I,
)


def _is_address_failure(status: str, diagnostic: str) -> bool:
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
class _Failure:
    address: list[str]
    hard: bool
    diagnostic: str
    final: bool = True


def _dsn(message: Message) -> tuple[bool, list[_Failure]]:
    """(is a delivery report, the failed or delayed recipients it lists)."""
    status_parts = [p for p in _walk(message) if _content_type(p) == "message/delivery-status"]
    if not status_parts:
        return False, []
    failures: list[_Failure] = []
    for part in status_parts:
        for block in _dsn_blocks(part):
            action = _header(block, "Action").lower()
            recipients = [
                _address(value.rsplit(";", 1)[-1])
                for name in ("Original-Recipient", "Final-Recipient", "X-Actual-Recipient")
                for value in _headers(block, name)
            ]
            diagnostic = _header(block, "Diagnostic-Code")
            diagnostic = diagnostic.split(";", 1)[1] if ";" in diagnostic else diagnostic
            status = _status_of(_header(block, "Status"), diagnostic)
            if not action:
                if not any(recipients):
                    continue  # the per-message block (Reporting-MTA, Arrival-Date)
                # A recipient block without Action (some MTAs): its status says what happened.
                action = {"5": "failed", "4": "delayed"}.get(status[:1], "")
            if action.startswith("delayed"):
                hard, final = False, False
            elif action.startswith(("fail", "error")):
                hard, final = _is_address_failure(status, diagnostic), True
            else:
                continue  # delivered, relayed, expanded: good news
            text = _one_line(diagnostic) or (f"{action} ({status})" if status else action)
            failures.append(_Failure(recipients, hard, text, final))
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


def bounce_like_headers(sender: str, subject: str, failed_recipients: bool) -> bool:
    """Whether headers alone make a message look like a bounce (the inbox's triage uses it).

    A daemon-like or empty sender, a delivery-failure subject, X-Failed-Recipients.
    """
    address = _address(sender)
    return bool(
        failed_recipients
        or not address
        or _DAEMON.match(address)
        or _DAEMON_NAME.search(sender)
        or _BOUNCE_SUBJECT.match(subject)
    )


def _looks_like_bounce(message: Message) -> bool:
    return bounce_like_headers(
        _header(message, "From"),
        _header(message, "Subject"),
        bool(_headers(message, "X-Failed-Recipients")),
    )


def _written_by_a_person(message: Message) -> bool:
    """A reply or a forward (a person quoting a bounce is still a person)."""
    subject = _header(message, "Subject")
    return bool(_REPLY_PREFIX.match(subject) or _header(message, "In-Reply-To"))


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
    if failures:
        final = [f for f in failures if f.final]
        chosen = final or failures
        hard = any(f.hard for f in chosen)
        if hard:
            chosen = [f for f in chosen if f.hard]
        recipients = [a for f in chosen for a in f.address]
        body = _first_text(message)
        if not recipients:
            recipients = _original_recipients(message) or _notice_addresses(message, body)
        return Classification(
            kind="bounce",
            hard=hard,
            final=bool(final),
            failed_recipients=_unique(recipients),
            original_message_ids=_original_ids(message, body),
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
    body = _first_text(message)
    diagnostic = _smtp_diagnostic(body)
    status = _status_of("", diagnostic)
    if not status and (code := _STATUS.search(body[:20_000])):
        status = code.group(0)  # qmail's "(#5.1.1)", Exchange's "<host #5.1.1>"
    subject = _header(message, "Subject")
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
            a.lower() for a in _ADDRESS.findall(" ".join(_headers(message, "X-Failed-Recipients")))
        ]
        if not recipients and diagnostic:
            recipients = [a.lower() for a in _ADDRESS.findall(diagnostic)]
    if not recipients:
        # What we sent to (the returned original's To), and what the notice names (a
        # forwarding address may fail further on): both stand for the contact.
        recipients = _original_recipients(message) + _notice_addresses(message, body)
    hard = final and _is_address_failure(status, evidence)
    if not diagnostic:
        diagnostic = _one_line(subject) or ("permanent failure" if final else "delivery delayed")
    return Classification(
        kind="bounce",
        hard=hard,
        final=final,
        failed_recipients=_unique(recipients),
        original_message_ids=_original_ids(message, body),
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
    own = {_address(v) for name in ("From", "To", "Reply-To", "Return-Path", "Sender")
           for v in _headers(message, name)}  # fmt: skip
    found = [a.lower() for a in _ADDRESS.findall(notice)]
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


# ----------------------------------------------------------------------------- feedback


def _feedback(message: Message) -> Classification | None:
    """An ARF complaint verdict, or None."""
    is_arf = _content_type(message) == "multipart/report" and (
        _param(message, "report-type") == "feedback-report"
    )
    reports = [p for p in _walk(message) if _content_type(p) == "message/feedback-report"]
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


def _hotmail_complaint(message: Message) -> Classification | None:
    """A complaint in Microsoft's own format (JMRP): the original attached, stamped by Outlook.com.

    Not ARF: the attached original carries the complaining address in
    X-HmXmrOriginalRecipient.
    """
    for headers in _attached_headers(message):
        recipient = _address(_header(headers, "X-HmXmrOriginalRecipient"))
        if recipient:
            return Classification(
                kind="feedback",
                failed_recipients=(recipient,),
                original_message_ids=_original_ids(message, ""),
                diagnostic="abuse (Outlook.com complaint)",
            )
    return None


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


def _out_of_office_text(text: str, whole: str) -> bool:
    """Whether a message's own text opens like an out-of-office notice.

    A notice quotes nothing and asks nothing: a person who is away but answers ("I'm out
    of the office tomorrow, can we talk Monday?") quotes our email or asks something, and
    stays a reply.
    """
    opening = text.replace("’", "'")[:400]
    if not _OUT_OF_OFFICE_TEXT.search(opening) or "?" in text[:MAX_TEXT]:
        return False
    quoted = len(" ".join(whole.split())) - len(" ".join(text.split()))
    return quoted < 40


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
    automatic = (
        _is_automatic(message)
        or _content_type(message) == "multipart/report"
        or _out_of_office_text(text, _first_text(message, MAX_TEXT * 4))
    )
    if not automatic:
        # A fresh message titled "Unsubscribe" counts; a "Re:" subject is ours, not theirs.
        own_subject = "" if _REPLY_PREFIX.match(subject) else subject
        if asks_to_unsubscribe(text) or (own_subject and asks_to_unsubscribe(own_subject)):
            return Classification(kind="unsubscribe", text=text)
        return Classification(kind="reply", text=text)
    back = return_date(f"{subject}\n\n{text}", now)
    return Classification(kind="auto_reply", return_date=back, text=text)
