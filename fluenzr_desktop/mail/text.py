"""HTML ↔ plain text for the two parts of a multipart/alternative email (stdlib only)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements whose content is never shown to the reader.
_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript"})
# Elements that stand apart from what surrounds them by a blank line.
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "table", "hr"}
)
# Elements that start on a line of their own.
_LINES = frozenset(
    {
        "div",
        "tr",
        "li",
        "section",
        "article",
        "header",
        "footer",
        "address",
        "dl",
        "dt",
        "dd",
        "center",
        "form",
        "fieldset",
        "figure",
        "figcaption",
        "main",
        "nav",
        "aside",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.I)
# Trailing punctuation is the sentence's, not the link's ("see https://x.com.").
_URL_TAIL = ".,;:!?)]}'\""


class _TextExtractor(HTMLParser):
    """Collect the readable text of an HTML document, keeping its paragraph structure."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._out: list[str] = []
        self._hidden = 0
        self._pre = 0
        self._links: list[tuple[str | None, int]] = []
        self._lists: list[int | None] = []

    # -- output helpers
    def _tail(self) -> str:
        return "".join(self._out[-3:])

    def _ensure_newlines(self, count: int) -> None:
        if not self._out:
            return
        tail = self._tail()
        present = len(tail) - len(tail.rstrip("\n"))
        if present < count:
            self._out.append("\n" * (count - present))

    def _write(self, text: str) -> None:
        if text:
            self._out.append(text)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            if tag not in _VOID:
                self._hidden += 1
            return
        if self._hidden:
            return
        if tag == "br":
            self._write("\n")
        elif tag in _PARAGRAPHS:
            self._ensure_newlines(2)
            if tag == "hr":
                self._write("----\n\n")
            elif tag == "pre":
                self._pre += 1
            elif tag == "ol":
                self._lists.append(1)
            elif tag == "ul":
                self._lists.append(None)
        elif tag in _LINES:
            self._ensure_newlines(1)
            if tag == "li":
                self._write(self._bullet())
        elif tag == "a":
            self._links.append((dict(attrs).get("href"), len(self._out)))
        elif tag == "img":
            alt = (dict(attrs).get("alt") or "").strip()
            if alt:
                self._write(alt)
        elif tag in ("td", "th"):
            tail = self._tail()
            if tail and not tail.endswith(("\n", " ")):
                self._write(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            return
        if self._hidden:
            return
        if tag in _PARAGRAPHS:
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            elif tag in ("ol", "ul") and self._lists:
                self._lists.pop()
            self._ensure_newlines(2)
        elif tag in _LINES:
            self._ensure_newlines(1)
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            label = "".join(self._out[start:]).strip()
            target = _link_target(href, label)
            if target:
                self._write(f" ({target})" if label else target)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._pre:
            self._write(data)
            return
        text = _SPACES.sub(" ", data)
        tail = self._tail()
        if not tail or tail.endswith(("\n", " ")):
            text = text.lstrip(" ")
        self._write(text)

    def _bullet(self) -> str:
        if not self._lists or self._lists[-1] is None:
            return "- "
        number = self._lists[-1]
        self._lists[-1] = number + 1
        return f"{number}. "

    def text(self) -> str:
        raw = "".join(self._out).replace("\xa0", " ")
        lines = [line.rstrip() for line in raw.split("\n")]
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _link_target(href: str | None, label: str) -> str | None:
    """The URL worth showing after a link's text, or None when it adds nothing."""
    if not href:
        return None
    href = href.strip()
    lowered = href.lower()
    if lowered.startswith(("#", "javascript:")):
        return None
    shown = href[len("mailto:") :] if lowered.startswith("mailto:") else href
    if shown == label or href == label:
        return None
    return shown


def html_to_text(source: str) -> str:
    """Readable plain text of an HTML body: paragraphs kept, links as "text (url)"."""
    parser = _TextExtractor()
    parser.feed(source)
    parser.close()
    return parser.text()


def bare_url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of bare http(s) URLs in plain text, trailing punctuation left out.

    The one rule of where a URL in plain text ends: linking it in the HTML part and
    tracking it in both parts agree.
    """
    spans: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        url = match.group(0)
        trimmed = url.rstrip(_URL_TAIL)
        # Keep a closing parenthesis that belongs to the URL itself (Wikipedia-style links).
        while url[len(trimmed) : len(trimmed) + 1] == ")" and trimmed.count("(") > trimmed.count(
            ")"
        ):
            trimmed += ")"
        if "://" in trimmed and not trimmed.endswith("://"):
            spans.append((match.start(), match.start() + len(trimmed)))
    return spans


def _linked(text: str) -> str:
    """Escape plain text for HTML, turning bare http(s) URLs into links."""
    parts: list[str] = []
    position = 0
    for start, end in bare_url_spans(text):
        url = text[start:end]
        parts.append(html.escape(text[position:start], quote=False))
        parts.append(
            f'<a href="{html.escape(url, quote=True)}">{html.escape(url, quote=False)}</a>'
        )
        position = end
    parts.append(html.escape(text[position:], quote=False))
    return "".join(parts)


def text_to_html(text: str) -> str:
    """An HTML body for plain text: escaped, blank-line paragraphs as <p>, newlines as <br>."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [part.strip("\n") for part in re.split(r"\n[ \t]*\n", normalized)]
    blocks = [
        "<p>" + "<br>\n".join(_linked(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part.strip()
    ]
    return html_document("\n".join(blocks))


def html_document(fragment: str) -> str:
    """Wrap an HTML fragment in a minimal UTF-8 document; a full document is left as it is."""
    if re.search(r"<html[\s>]", fragment, re.I):
        return fragment
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body>\n'
        f"{fragment}\n</body>\n</html>\n"
    )
