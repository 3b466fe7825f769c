"""A recorded event as the window tells it: one translated line from its kind and detail.

The engine writes events by kind (`sent`, `replied`, `open_proxied`, …) with a JSON detail;
`fluenzr contacts show` prints them raw, the window prints this, in the user's language.
Every kind the engine writes has an entry (a test checks it), and so has every reason the
tracking rules give for a machine's hit. Contact data (a subject, a reply, a URL) is only
ever substituted into the text, in one pass, and is shown as plain text by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt

CONTEXT = "EventText"

# Characters of a reply or an error kept on the line (the rest is on the next event's way).
EXCERPT_CHARS = 90

# Event kind → its sentence (%1 is filled by `_argument`, when the sentence has it).
TEXTS: dict[str, str] = {
    "sent": QT_TRANSLATE_NOOP("EventText", "Sent “%1”"),
    "completed": QT_TRANSLATE_NOOP("EventText", "Finished the sequence"),
    "skipped": QT_TRANSLATE_NOOP("EventText", "Not mailed, on the suppression list: %1"),
    "held": QT_TRANSLATE_NOOP(
        "EventText", "Held: the email may already have gone out, so it is not sent again"
    ),
    "error": QT_TRANSLATE_NOOP("EventText", "Error: %1"),
    "relay_unreachable": QT_TRANSLATE_NOOP(
        "EventText",
        "Tracking relay unreachable: the condition went on the opens and clicks known (%1)",
    ),
    "opened": QT_TRANSLATE_NOOP("EventText", "Opened"),
    "open_proxied": QT_TRANSLATE_NOOP(
        "EventText", "Opened (Apple Mail Privacy Protection: not counted as a human open)"
    ),
    "open_machine": QT_TRANSLATE_NOOP("EventText", "Machine open (%1)"),
    "clicked": QT_TRANSLATE_NOOP("EventText", "Clicked %1"),
    "click_machine": QT_TRANSLATE_NOOP("EventText", "Machine click (%1): %2"),
    "replied": QT_TRANSLATE_NOOP("EventText", "Replied: %1"),
    "auto_replied": QT_TRANSLATE_NOOP("EventText", "Auto-reply"),
    "bounced": QT_TRANSLATE_NOOP("EventText", "Bounced (hard)"),
    "unsubscribed": QT_TRANSLATE_NOOP("EventText", "Unsubscribed"),
    "complained": QT_TRANSLATE_NOOP("EventText", "Marked the email as spam"),
}

# Variants of a kind that its detail selects.
SOFT_BOUNCE = QT_TRANSLATE_NOOP("EventText", "Bounced (soft)")
DELAYED = QT_TRANSLATE_NOOP("EventText", "Delivery delayed (the server keeps trying)")
AUTO_REPLY_BACK = QT_TRANSLATE_NOOP("EventText", "Auto-reply (back on %1)")
NO_SUBJECT = QT_TRANSLATE_NOOP("EventText", "(no subject)")

# Why a hit was judged a machine's (`domain.tracking_verdicts.Reason`, and the engine's
# `unknown_message` for a hit of a message this workspace no longer has).
REASONS: dict[str, str] = {
    "apple_mpp": QT_TRANSLATE_NOOP("EventText", "Apple Mail Privacy Protection"),
    "gmail_prefetch": QT_TRANSLATE_NOOP("EventText", "Gmail image prefetch"),
    "head_or_prefetch_header": QT_TRANSLATE_NOOP("EventText", "prefetch"),
    "empty_user_agent": QT_TRANSLATE_NOOP("EventText", "no browser named"),
    "scanner_user_agent": QT_TRANSLATE_NOOP("EventText", "link scanner"),
    "honeypot": QT_TRANSLATE_NOOP("EventText", "hidden link followed: link scanner"),
    "too_soon_after_send": QT_TRANSLATE_NOOP("EventText", "link scanner: too soon after sending"),
    "all_links_within_seconds": QT_TRANSLATE_NOOP(
        "EventText", "link scanner: every link within seconds"
    ),
    "unknown_message": QT_TRANSLATE_NOOP("EventText", "for an email no longer here"),
}
MACHINE = QT_TRANSLATE_NOOP("EventText", "machine")

_PLACE = re.compile(r"%(\d)")


def event_text(kind: str, detail: Mapping[str, Any] | None) -> str:
    """What happened, on one line in the interface's language (an unknown kind as itself)."""
    detail = detail or {}
    source = TEXTS.get(kind)
    if source is None:  # a kind newer than this window: shown, never hidden
        return kind
    if kind == "bounced":
        if detail.get("final") is False:
            source = DELAYED
        elif detail.get("hard") is False:
            source = SOFT_BOUNCE
    if kind == "auto_replied" and detail.get("return_date"):
        source = AUTO_REPLY_BACK
    return fill_places(_translated(source), _arguments(kind, detail))


def _arguments(kind: str, detail: Mapping[str, Any]) -> list[str]:
    """The values of %1, %2… for this kind, as one-line text."""
    if kind == "sent":
        return [_line(detail.get("subject")) or _translated(NO_SUBJECT)]
    if kind in ("skipped", "error"):
        return [_excerpt(detail.get("reason"))]
    if kind == "relay_unreachable":
        return [_excerpt(detail.get("error"))]
    if kind == "replied":
        return [_excerpt(detail.get("text"))]
    if kind == "auto_replied":
        return [_date_text(detail.get("return_date"))]
    if kind == "clicked":
        return [_line(detail.get("url"))]
    if kind == "open_machine":
        return [_reason(detail.get("reason"))]
    if kind == "click_machine":
        return [_reason(detail.get("reason")), _line(detail.get("url"))]
    return []


def _date_text(value: Any) -> str:
    """An ISO date ("2026-12-10…") in the locale's short words; as stored if it is none."""
    shown = QDate.fromString(_line(value)[:10], Qt.DateFormat.ISODate)
    return QLocale().toString(shown, "ddd d MMM yyyy") if shown.isValid() else _line(value)


def _reason(reason: Any) -> str:
    source = REASONS.get(str(reason or ""), MACHINE)
    return _translated(source)


def _translated(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _line(value: Any) -> str:
    """A value as one line: whitespace runs (new lines among them) become one space."""
    return " ".join(str(value or "").split())


def _excerpt(value: Any) -> str:
    """The first words of a text, on one line, cut with an ellipsis."""
    line = _line(value)
    return line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1].rstrip() + "…"


def fill_places(text: str, values: list[str]) -> str:
    """`text` with %1, %2… replaced by `values`, in one pass (a value's own "%2" stays)."""

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return _PLACE.sub(fill, text)
