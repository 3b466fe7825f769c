"""The questions asked before a status change: archive for good, start despite missing values.

Each opens a window-modal box with `open()` (no nested event loop) and calls back with
the answer; the list and the campaign screen ask the same archive question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.preflight import MissingValue


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def ask_archive(parent: QWidget, name: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask whether to archive the campaign `name` (archived campaigns never reopen)."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CampaignView", "Archive campaign"),
        QCoreApplication.translate(
            "CampaignView", "Archive “%1”? An archived campaign cannot be reopened."
        ).replace("%1", name),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    yes = box.button(QMessageBox.StandardButton.Yes)
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box


def ask_missing_values(
    parent: QWidget,
    verb: str,
    total: int,
    lacking: Sequence[MissingValue],
    on_go: Callable[[], None],
    on_cancel: Callable[[], None],
) -> QMessageBox:
    """Say which values some contacts lack; `on_go` only if the user starts anyway."""
    lines = [
        QCoreApplication.translate("CampaignView", "• %1: missing for %2 of %3 contact(s), e.g. %4")
        .replace("%1", entry.variable)
        .replace("%2", str(entry.missing))
        .replace("%3", str(total))
        .replace("%4", ", ".join(entry.examples))
        for entry in lacking
    ]
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("CampaignView", "Missing values"),
        QCoreApplication.translate(
            "CampaignView",
            "Some contacts have no value for a field the emails print without a default. "
            "They will not get those emails and will move to Error; you can fill the "
            "values and retry them later.",
        ),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    box.setInformativeText("\n".join(lines))
    go_on = box.addButton(
        QCoreApplication.translate("CampaignView", "Activate anyway")
        if verb == "activate"
        else QCoreApplication.translate("CampaignView", "Resume anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.buttonClicked.connect(lambda button: on_go() if button is go_on else on_cancel())
    box.open()
    return box
