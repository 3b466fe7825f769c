"""The look of the Settings page's rows: a titled field line with its help below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

ERROR_STYLE = "color: #b3261e;"
HELP_STYLE = "color: palette(placeholder-text);"


def add_row(group: QGroupBox, title: str, line: QHBoxLayout, help_text: str) -> QLabel:
    """One labelled row of a group: its field line, the help below; returns the title label."""
    help_label = QLabel(help_text)
    help_label.setWordWrap(True)
    help_label.setStyleSheet(HELP_STYLE)
    cell = QVBoxLayout()
    cell.setSpacing(2)
    cell.addLayout(line)
    cell.addWidget(help_label)
    form = group.layout()
    assert isinstance(form, QFormLayout)
    label = QLabel(title)
    form.addRow(label, cell)
    return label


def new_group(group: QGroupBox) -> QGroupBox:
    """Give a group the page's form layout: labels on the left, fields growing to the right."""
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return group


def one_line(message: str) -> str:
    """The first line of a message (errors are one line; never show a traceback)."""
    return message.splitlines()[0] if message else ""
