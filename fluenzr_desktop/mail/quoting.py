"""The new text of a reply: the best body part, decoded, without the quoted history."""

from __future__ import annotations

import codecs
import re
from email import message_from_string, policy
from email.message import Message

from .text import html_to_text

__all__ = ["decode_part", "new_text", "strip_quoted"]

# A reply's own words sit at the top; past these sizes only history and attachments remain,
# and the regexes below must never chew on a 20 MB body.
MAX_TEXT_BYTES = 256_000
MAX_HTML_BYTES = 1_000_000

# Private-use characters mark where an HTML <blockquote> starts and ends, so that the
# text conversion (which knows nothing of quoting) keeps the information for us.
_QUOTE_OPEN = "\ue000"
_QUOTE_CLOSE = "\ue001"
_BLOCKQUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>", re.I)
_BLOCKQUOTE_CLOSE = re.compile(r"</blockquote\s*>", re.I)

# "On Mon, 2 Dec 2026 at 10:00, Zoë <z@x> wrote:" and its translations: the attribution
# line of Gmail, Apple Mail, Thunderbird, Yahoo and most others, possibly wrapped.
_ATTRIBUTION = re.compile(
    r"""^\s*(?:
        (?:On|Le|Am|El|Il|Op|Em|W\sdniu)\b.{0,300}?
        | .{0,300}?
    )
    (?:wrote|a\sécrit|schrieb|escribió|ha\sscritto|schreef|escreveu|napisał)
    \b[^:\n]{0,200}?\s*:\s*$""",
    re.I | re.S | re.X,
)
# A line that opens an attribution; lets a wrapped attribution be joined before matching.
_ATTRIBUTION_START = re.compile(r"^\s*(On|Le|Am|El|Il|Op)\s", re.I)
# Outlook and friends: a separator line after which everything is the original message.
_SEPARATORS = re.compile(
    r"""^\s*(?:
        -{2,}\s*(?:Original\sMessage|Message\sd'origine|Ursprüngliche\sNachricht|
            Mensaje\soriginal|Messaggio\soriginale|Oorspronkelijk\sbericht|
            Forwarded\smessage|Message\stransféré|Weitergeleitete\sNachricht|
            Mensaje\sreenviado|Messaggio\sinoltrato|Doorgestuurd\sbericht)\s*-{2,}
        | _{20,}
        | Begin\sforwarded\smessage:
        | Début\sdu\smessage\sréexpédié\s:
    )\s*$""",
    re.I | re.X,
)
# The header block Outlook writes above the original ("From: … Sent: … To: … Subject: …"),
# in the six languages, possibly bolded ("*From:*") by an HTML-to-text conversion.
_HEADER_FROM = re.compile(r"^\s*\*?(From|De|Von|Da|Van|Od)\s?\*?\s?:\s?\*?\s*\S", re.I)
_HEADER_SENT = re.compile(
    r"^\s*\*?(Sent|Date|Envoyé|Gesendet|Datum|Enviado(?:\sel)?|Fecha|Inviato|Data|Verzonden|"
    r"Verstuurd)\s?\*?\s?:",
    re.I,
)
_HEADER_SUBJECT = re.compile(
    r"^\s*\*?(Subject|Objet|Betreff|Asunto|Oggetto|Onderwerp)\s?\*?\s?:", re.I
)
_SIGNATURE = re.compile(r"^--\s?$")
# What phones append below the text; not the person's words.
_MOBILE_FOOTER = re.compile(
    r"""^\s*(?:
        Sent\sfrom\smy\s\S.{0,40}
        | Sent\sfrom\s(?:Outlook|Mail|Yahoo\sMail).{0,40}
        | Get\s(?:Outlook|BlueMail).{0,40}
        | Envoyé\sde\smon\s.{0,40}
        | Envoyé\sdepuis\s.{0,40}
        | Von\smeinem\s.{0,40}gesendet
        | Gesendet\svon\s.{0,40}
        | Enviado\sdesde\smi\s.{0,40}
        | Inviato\sda\s.{0,40}
        | Verzonden\svanaf\s.{0,40}
        | Verstuurd\svanaf\s.{0,40}
    )\s*$""",
    re.I | re.X,
)
_BLANK_RUNS = re.compile(r"\n{3,}")
_RULE = re.compile(r"^\s*[-_=*]{3,}\s*$")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BOUNDARY_LINE = re.compile(r"^--([^\s-][^\s]{0,69}?)(?:--)?\s*$", re.M)


def decode_part(part: Message, limit: int = MAX_TEXT_BYTES) -> str:
    """A leaf part's text, decoded with its declared charset, never raising."""
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        try:
            raw = part.get_payload()
        except Exception:
            return ""
        if not isinstance(raw, str):
            return ""
        payload = raw.encode("utf-8", "surrogateescape")
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload[:limit], _charset(part))


def decode_bytes(payload: bytes, charset: str | None) -> str:
    """Bytes as text: the declared charset if it is a real text codec, else UTF-8 or cp1252."""
    if charset:
        try:
            name = codecs.lookup(charset).name
            return payload.decode(name, errors="strict" if name == "utf-8" else "replace")
        except Exception:  # unknown names ("x-unknown"), bytes-only codecs ("zlib"), bad UTF-8
            pass
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = payload.decode("utf-8", errors="replace")
    if any(ord(char) > 0x7F and char != "\ufffd" for char in text):
        return text  # real UTF-8 with a few broken bytes: keep what decodes
    # cp1252 is what mislabelled or undeclared 8-bit mail nearly always is.
    return payload.decode("cp1252", errors="replace")


def _charset(part: Message) -> str | None:
    try:
        charset = part.get_content_charset()
    except Exception:
        return None
    if not charset:
        return None
    # Outlook and others say "utf8" or quote oddly; codecs knows most aliases.
    return charset.strip().strip("\"'") or None


def _is_attachment(part: Message) -> bool:
    try:
        disposition = part.get_content_disposition()
    except Exception:
        return False
    return disposition == "attachment"


def _body_parts(message: Message) -> tuple[Message | None, Message | None]:
    """The first inline text/plain and text/html parts, not looking inside attached messages."""
    plain: Message | None = None
    html: Message | None = None
    stack: list[Message] = [message]
    seen = 0
    while stack and seen < 500:  # a bound against pathological nesting
        part = stack.pop(0)
        seen += 1
        try:
            content_type = part.get_content_type()
        except Exception:
            continue
        if part.is_multipart():
            if content_type.startswith("message/"):
                continue  # an attached or forwarded message is not the reply's text
            payload = part.get_payload()
            if isinstance(payload, list):
                stack[0:0] = [p for p in payload if isinstance(p, Message)]
            continue
        if _is_attachment(part):
            continue
        if content_type == "text/plain" and plain is None:
            plain = part
        elif content_type == "text/html" and html is None:
            html = part
    return plain, html


def _reparsed(message: Message) -> Message | None:
    """A multipart whose declared boundary never occurs, split again on the one it uses."""
    try:
        payload = message.get_payload()
        if not isinstance(payload, str) or message.get_content_maintype() != "multipart":
            return None
        found = _BOUNDARY_LINE.search(payload[:MAX_HTML_BYTES])
        if found is None:
            return None
        content_type = message.get_content_type()
        source = f'Content-Type: {content_type}; boundary="{found.group(1)}"\n\n{payload}'
        return message_from_string(source[:MAX_HTML_BYTES], policy=policy.compat32)
    except Exception:
        return None


def _raw_body(message: Message) -> str:
    """Whatever text a message carries when no text part can be found."""
    try:
        payload = message.get_payload()
    except Exception:
        return ""
    if not isinstance(payload, str):
        return ""
    text = _unsurrogate(payload[:MAX_TEXT_BYTES])
    return html_as_quoted_text(text) if re.search(r"<(html|body|div|p|br)\b", text, re.I) else text


def _unsurrogate(text: str) -> str:
    return decode_bytes(text.encode("utf-8", "surrogateescape"), None)


def new_text(message: Message) -> str:
    """The reply's own text: text/plain preferred, else HTML as text; quotes and signature cut."""
    plain, html = _body_parts(message)
    if plain is None and html is None:
        reparsed = _reparsed(message)
        if reparsed is not None:
            plain, html = _body_parts(reparsed)
    if plain is None and html is None:
        return strip_quoted(_CONTROLS.sub("", _raw_body(message)))
    text = ""
    if plain is not None:
        text = decode_part(plain)
    if not text.strip() and html is not None:
        text = html_as_quoted_text(decode_part(html, MAX_HTML_BYTES))
    return strip_quoted(_CONTROLS.sub("", text))


def html_as_quoted_text(source: str) -> str:
    """HTML converted to text, with <blockquote> content prefixed by "> " like a plain reply."""
    source = source.replace(_QUOTE_OPEN, "").replace(_QUOTE_CLOSE, "")
    source = _BLOCKQUOTE_OPEN.sub(lambda m: f"<div>{_QUOTE_OPEN}</div>{m.group(0)}", source)
    source = _BLOCKQUOTE_CLOSE.sub(lambda m: f"{m.group(0)}<div>{_QUOTE_CLOSE}</div>", source)
    try:
        text = html_to_text(source)
    except Exception:  # HTMLParser is lenient, but a reply must never be lost to it
        text = re.sub(r"<[^>]*>", " ", source)
    lines: list[str] = []
    depth = 0
    for line in text.split("\n"):
        opened = line.count(_QUOTE_OPEN)
        closed = line.count(_QUOTE_CLOSE)
        content = line.replace(_QUOTE_OPEN, "").replace(_QUOTE_CLOSE, "")
        depth += opened
        if content.strip() or not (opened or closed):
            lines.append(("> " * depth + content) if depth > 0 else content)
        depth = max(0, depth - closed)
    return "\n".join(lines)


def _attribution_at(lines: list[str], index: int) -> int:
    """How many lines (1-3) form an attribution starting at `index`, or 0."""
    first = lines[index]
    if not first.strip() or first.lstrip().startswith(">") or len(first) > 400:
        return 0
    if _ATTRIBUTION.match(first):
        return 1
    # Gmail and Outlook wrap a long attribution; join it back, but only from a line that
    # plainly starts one, so an ordinary sentence is not glued to a later "wrote:".
    if _ATTRIBUTION_START.match(first):
        joined = first
        for extra in range(1, 3):
            if index + extra >= len(lines) or not lines[index + extra].strip():
                break
            joined += " " + lines[index + extra].strip()
            if _ATTRIBUTION.match(joined):
                return extra + 1
    return 0


def _header_block_at(lines: list[str], index: int) -> bool:
    """Whether an Outlook "From:/Sent:/To:/Subject:" block starts at `index`."""
    if not _HEADER_FROM.match(lines[index]):
        return False
    window = lines[index + 1 : index + 8]
    return any(_HEADER_SENT.match(line) for line in window) and any(
        _HEADER_SUBJECT.match(line) for line in window
    )


def strip_quoted(text: str) -> str:
    """The new text of a reply: quoted history, attribution lines and signature removed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _SIGNATURE.match(line):
            break  # "-- " opens the signature; only history can follow it
        if _SEPARATORS.match(line) or _header_block_at(lines, index):
            break  # Outlook top-posts: everything below is the original
        span = _attribution_at(lines, index)
        if span:
            rest = lines[index + span :]
            following = next((r for r in rest if r.strip()), "")
            if not following.lstrip().startswith(">"):
                break  # quoted without ">" (HTML converted, Outlook-style): the rest is history
            index += span
            continue  # bottom or inline posting: drop the attribution, keep unquoted lines
        if line.lstrip().startswith(">"):
            index += 1
            continue
        kept.append(line.rstrip())
        index += 1
    # A rule drawn above the history (an HTML <hr>, "-----") belongs to the history.
    while kept and (not kept[-1].strip() or _RULE.match(kept[-1])):
        kept.pop()
    if kept and _MOBILE_FOOTER.match(kept[-1]):
        kept.pop()
    result = "\n".join(kept).strip("\n")
    return _BLANK_RUNS.sub("\n\n", result).strip()
