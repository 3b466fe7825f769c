"""Open/click tracking and one-click unsubscribe on the message side (issue 14).

The relay's URLs carry signed tokens (`fluenzr_relay.tokens`, the contract shared with
the relay); this module rewrites a message's links to them, adds the pixel and one
honeypot link, and gives the unsubscribe line and headers. The body is data: it is
parsed to find tags, never evaluated.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from fluenzr_relay.tokens import RelayKeys, make_token

from ..domain.errors import FluenzrError
from .text import bare_url_spans

__all__ = [
    "UNSUBSCRIBE_SENTENCE",
    "TrackingLinks",
    "append_to_body",
    "instrument_html",
    "instrument_text",
    "list_unsubscribe_values",
    "send_id_of",
    "unsubscribe_line",
]

# The default unsubscribe line (English; the GUI shows its translation as the default).
UNSUBSCRIBE_SENTENCE = "Unsubscribe from these emails"
ONE_CLICK = "List-Unsubscribe=One-Click"

_SEND_ID = re.compile(r"[0-9a-f]{32}")
_MESSAGE_ID_LOCAL = re.compile(r"<?([0-9a-fA-F]{32})@")
# A relay base URL: http(s), no whitespace, controls, quotes or angle brackets
# (it goes into a header between <> and into HTML attributes).
_RELAY_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"'`\\]+", re.I)
# A destination worth tracking: http(s) with a host, nothing a redirect header could choke on.
_DESTINATION = re.compile(r"(https?)(://[^\s\x00-\x1f\x7f]+)", re.I)
# Bare URLs in plain text, as text.py's autolinker finds them (`>` and quotes end a URL).
# The relay refuses tokens and paths over 4096 characters: a longer destination
# is left as it is (untracked) rather than sent as a dead link.
_MAX_TOKEN = 4000
# One attribute inside a raw start tag: name, then an optional = and a value.
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")
_LINKING_TAGS = frozenset({"a", "area"})

_PIXEL = (
    '<img src="{src}" width="1" height="1" alt="" '
    'style="display:block;border:0;width:1px;height:1px">'
)
_HONEYPOT = (
    '<a href="{href}" style="display:none;font-size:0;line-height:0;max-height:0;'
    'overflow:hidden;mso-hide:all" aria-hidden="true" tabindex="-1"></a>'
)
_UNSUBSCRIBE_HTML = (
    '<p style="font-size:12px;color:#777777">'
    '<a href="{href}" style="color:#777777">{sentence}</a></p>'
)


def send_id_of(message_id: str) -> str:
    """The send id of a message: the 32 hex characters of its Message-ID's local part."""
    match = _MESSAGE_ID_LOCAL.match(message_id.strip())
    if not match:
        raise FluenzrError(f"Message-ID {message_id!r} has no 32-hex local part to track")
    return match.group(1).lower()


@dataclass(frozen=True)
class TrackingLinks:
    """The relay URLs of one message: pixel, clicks, honeypot and one-click unsubscribe."""

    relay_url: str
    keys: RelayKeys
    send_id: str
    track_opens: bool = False
    track_clicks: bool = False

    def __post_init__(self) -> None:
        base = self.relay_url.strip().rstrip("/")
        if not _RELAY_URL.fullmatch(base) or base.lower().endswith("://"):
            raise FluenzrError(f"invalid relay URL {self.relay_url!r}: expected http(s)://host")
        if not _SEND_ID.fullmatch(self.send_id):
            raise FluenzrError(f"invalid send id {self.send_id!r}: expected 32 lowercase hex")
        scheme, rest = base.split("://", 1)
        object.__setattr__(self, "relay_url", f"{scheme.lower()}://{rest}")

    def pixel_url(self) -> str:
        """The 1×1 open pixel of this message."""
        return f"{self.relay_url}/o/{make_token(self.keys, {'k': 'o', 's': self.send_id})}.gif"

    def click_url(self, index: int, destination: str) -> str:
        """The relay URL that records a click on link `index` and redirects to `destination`."""
        fields = {"k": "c", "s": self.send_id, "l": index, "u": destination}
        return f"{self.relay_url}/c/{make_token(self.keys, fields)}"

    def honeypot_url(self) -> str:
        """The hidden link only machines follow: a hit on it marks a link scanner."""
        return f"{self.relay_url}/c/{make_token(self.keys, {'k': 'c', 's': self.send_id, 'h': 1})}"

    def unsubscribe_url(self) -> str:
        """The one-click unsubscribe page of this message (GET shows it, POST unsubscribes)."""
        return f"{self.relay_url}/u/{make_token(self.keys, {'k': 'u', 's': self.send_id})}"

    def is_relay_url(self, url: str) -> bool:
        """True for the relay's own pixel, click and unsubscribe URLs: never rewritten."""
        return url.startswith(tuple(f"{self.relay_url}/{kind}/" for kind in "ocu"))


def _destination(href: str | None) -> str | None:
    """The http(s) URL a link leads to (scheme lower-cased), or None when it is not one."""
    if not href:
        return None
    match = _DESTINATION.fullmatch(href.strip())
    if not match or match.group(2) == "://":
        return None
    return match.group(1).lower() + match.group(2)


def _index_in(destination: str, known: list[str]) -> int:
    """The link index of a destination: its place in `known`, or the next one when new."""
    return known.index(destination) if destination in known else len(known)


def _trackable(links: TrackingLinks, destination: str, index: int) -> str | None:
    """The click URL for a destination, or None when no token can carry it (too long, no host).

    Such a link is left as it is: untracked, but never a dead link.
    """
    try:
        url = links.click_url(index, destination)
    except ValueError:
        return None
    return url if len(url) - len(links.relay_url) - 3 <= _MAX_TOKEN else None


class _TagFinder(HTMLParser):
    """Collect where each <a>/<area> href and the last </body> sit in an HTML source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[tuple[tuple[int, int], str, str]] = []
        self.body_end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _LINKING_TAGS:
            return
        href = next((value for name, value in attrs if name == "href"), None)
        raw = self.get_starttag_text()
        if href is not None and raw:
            self.hrefs.append((self.getpos(), raw, href))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self.body_end = self.getpos()


def _offsets(source: str) -> list[int]:
    """The offset of each line's first character (HTMLParser counts lines by \\n)."""
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", source))
    return starts


def _href_span(raw_tag: str, href: str) -> tuple[int, int] | None:
    """Where the first href's value (quotes included) sits in a raw start tag, if it reads as `href`."""
    name = _TAG_NAME.match(raw_tag)
    if not name:
        return None
    for attribute in _ATTRIBUTE.finditer(raw_tag, name.end()):
        if attribute.group(1).lower() != "href":
            continue
        value = attribute.group(3)
        if value is None:
            return None
        unquoted = value[1:-1] if value[:1] in ("'", '"') else value
        # Cross-check with the parser's own reading; on any doubt the link is left alone.
        if html.unescape(unquoted) != href:
            return None
        return attribute.start(3), attribute.end(3)
    return None


def _body_end(source: str, finder: _TagFinder) -> int:
    """Where content appended to the body goes: before the last </body>, else at the end."""
    if finder.body_end is None:
        return len(source)
    line, column = finder.body_end
    return _offsets(source)[line - 1] + column


def _find_tags(source: str) -> _TagFinder:
    finder = _TagFinder()
    finder.feed(source)
    finder.close()
    return finder


def append_to_body(source: str, fragment: str) -> str:
    """The HTML with `fragment` inserted just before its last </body> (else at the end)."""
    position = _body_end(source, _find_tags(source))
    return f"{source[:position]}{fragment}\n{source[position:]}"


def instrument_html(source: str, links: TrackingLinks) -> tuple[str, list[str]]:
    """The HTML with its links tracked, honeypot and pixel added, and the link destinations.

    Every <a>/<area> href that is an http(s) URL becomes a relay click URL, except the
    relay's own URLs (the unsubscribe link). Indexes are one per distinct destination,
    in order of first appearance: a logo and a button leading to the same page count
    as one link in the per-link figures, and the plain-text part, which cannot tell
    them apart, maps to the same index. URLs in text, comments, scripts and
    mailto:/tel: links are left as they are. Without `track_clicks` only the pixel is added.
    """
    finder = _find_tags(source)
    offsets = _offsets(source)
    known: list[str] = []
    pieces: list[str] = []
    position = 0
    if links.track_clicks:
        for (line, column), raw, href in finder.hrefs:
            destination = _destination(href)
            span = _href_span(raw, href)
            if destination is None or span is None or links.is_relay_url(destination):
                continue
            index = _index_in(destination, known)
            url = _trackable(links, destination, index)
            if url is None:
                continue
            if index == len(known):
                known.append(destination)
            tag_start = offsets[line - 1] + column
            pieces.append(source[position : tag_start + span[0]])
            pieces.append('"' + html.escape(url, quote=True) + '"')
            position = tag_start + span[1]
    end = _body_end(source, finder)
    pieces.append(source[position:end])
    if links.track_clicks:
        pieces.append(_HONEYPOT.format(href=html.escape(links.honeypot_url(), quote=True)))
    if links.track_opens:
        pieces.append(_PIXEL.format(src=html.escape(links.pixel_url(), quote=True)))
    if links.track_clicks or links.track_opens:
        pieces.append("\n")
    pieces.append(source[end:])
    return "".join(pieces), known


def instrument_text(text: str, links: TrackingLinks, known: list[str]) -> tuple[str, list[str]]:
    """The plain-text part with its bare http(s) URLs tracked, and the extended destinations.

    A destination already in `known` (the HTML part's list) keeps its index, so a click
    in either part counts for the same link; a new one is appended (the list returned is
    a copy). The relay's own URLs (the unsubscribe line) are left as they are.
    """
    destinations = list(known)
    if not links.track_clicks:
        return text, destinations
    pieces: list[str] = []
    position = 0
    for start, end in bare_url_spans(text):
        destination = _destination(text[start:end])
        if destination is None or links.is_relay_url(destination):
            continue
        index = _index_in(destination, destinations)
        url = _trackable(links, destination, index)
        if url is None:
            continue
        if index == len(destinations):
            destinations.append(destination)
        pieces.append(text[position:start])
        pieces.append(url)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), destinations


def list_unsubscribe_values(https_url: str, mailto: str | None) -> tuple[str, str]:
    """The List-Unsubscribe and List-Unsubscribe-Post values (RFC 2369, RFC 8058 one-click).

    The HTTPS URL comes first: RFC 8058 one-click applies to it, and Gmail and Yahoo
    require it of bulk senders; the mailto stays as the fallback of RFC 2369.
    """
    targets = [https_url] + ([mailto] if mailto else [])
    return ", ".join(f"<{target}>" for target in targets), ONE_CLICK


def unsubscribe_line(sentence: str, url: str) -> tuple[str, str]:
    """The body's unsubscribe line: an HTML paragraph linking the sentence, and `sentence: url`."""
    shown = " ".join(sentence.split()) or UNSUBSCRIBE_SENTENCE
    paragraph = _UNSUBSCRIBE_HTML.format(
        href=html.escape(url, quote=True), sentence=html.escape(shown, quote=False)
    )
    return paragraph, f"{shown.rstrip(' :')}: {url}"
