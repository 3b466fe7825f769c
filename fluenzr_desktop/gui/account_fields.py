"""The account form's small parts: its message lines, field conversions, and the wording of
`ops.accounts` errors (written for the command line) turned into field names."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b7f3b;"


class MessageLabel(QLabel):
    """A message under the form that takes no room while it says nothing (more form shows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()

    def setText(self, text: str) -> None:
        """Show the message; an empty one hides the label."""
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        """Empty and hide the label."""
        super().clear()
        self.hide()


def text_or_none(value: str) -> str | None:
    """A form text as stored: trimmed, None when empty."""
    return value.strip() or None


def shown_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The part of an account's fields the form shows (to tell whether a fresh read differs)."""
    shown = {name: value for name, value in values.items() if name != "options"}
    shown["append_to_sent"] = bool((values.get("options") or {}).get("append_to_sent"))
    return shown


def user_message(message: str) -> str:
    """One line for the user: CLI option names become plain field names ("--email:" → "Email:")."""
    line = " ".join(message.split())
    if line.startswith("--"):
        option, separator, rest = line[2:].partition(":")
        if separator:
            # Other options named in the message become field names too.
            rest = re.sub(r"--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", " "), rest)
            line = f"{option.replace('-', ' ').capitalize()}:{rest}"
    return line


def left_aligned(widget: QWidget) -> QHBoxLayout:
    """A short field kept at its own width rather than stretched across the form."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def time_zones() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(zone for zone in available_timezones() if "/" in zone or zone == "UTC")


def server_row(host: QLineEdit, port: QSpinBox, security: QComboBox) -> QHBoxLayout:
    """A server's host, port and security on one line, the host taking the room."""
    row = QHBoxLayout()
    row.addWidget(host, 1)
    row.addWidget(port)
    row.addWidget(security)
    return row


def set_security(combo: QComboBox, value: str) -> None:
    """Choose a security in its combo box (the first one for an unknown value)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))
