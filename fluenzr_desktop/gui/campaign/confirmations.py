"""The questions asked before a status change: archive for good, activate (who, when, how
fast, which values are missing), resume despite missing values.

Each opens a window-modal box with `open()` (no nested event loop) and calls back with
the answer; the list and the campaign screen ask the same archive question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.preflight import MissingValue
from ...ops.campaigns import ActivationSummary
from ..time_text import zoned_time_text


class CountedText(QObject):
    """The questions' sentences with a count, in Qt's plural forms ("1 contact", "5 contacts").

    A class of its own because lupdate records plural forms only for `self.tr(text, "", n)`.
    """

    def emails_a_day(self, count: int) -> str:
        return self.tr("At most %n email(s) a day.", "", count)

    def will_email(self, name: str, count: int) -> str:
        return self.tr("Activate “%1”? It will email %n contact(s).", "", count).replace("%1", name)

    def missing_for(self, variable: str, missing: int, total: int, examples: str) -> str:
        return (
            self.tr("• %1: missing for %2 of %n contact(s), e.g. %3", "", total)
            .replace("%1", variable)
            .replace("%2", str(missing))
            .replace("%3", examples)
        )


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _offer(
    box: QMessageBox, go_text: str, on_go: Callable[[], None], on_cancel: Callable[[], None]
) -> QMessageBox:
    """Add the button that goes ahead beside Cancel (the default), then open the box."""
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    go_on = box.addButton(go_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.buttonClicked.connect(lambda button: on_go() if button is go_on else on_cancel())
    box.open()
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
    lines = missing_lines(total, lacking)
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
    box.setInformativeText("\n".join(lines))
    go_text = (
        QCoreApplication.translate("CampaignView", "Activate anyway")
        if verb == "activate"
        else QCoreApplication.translate("CampaignView", "Resume anyway")
    )
    return _offer(box, go_text, on_go, on_cancel)


def missing_lines(total: int, lacking: Sequence[MissingValue]) -> list[str]:
    """One line per value some contacts lack: how many of them, and a few examples."""
    counted = CountedText()
    return [
        counted.missing_for(entry.variable, entry.missing, total, ", ".join(entry.examples))
        for entry in lacking
    ]


def ask_activation(
    parent: QWidget,
    summary: ActivationSummary,
    on_go: Callable[[], None],
    on_enroll: Callable[[], None],
    on_cancel: Callable[[], None],
) -> QMessageBox:
    """The one question before a campaign starts sending: who, when, how fast, what lacks.

    Without contacts nothing can start: the box says so and offers to enroll instead.
    """
    # Plain names for the counts: lupdate does not read an attribute as the count.
    contacts, daily_cap = summary.contacts, summary.daily_cap
    if contacts == 0:
        box = _box(
            parent,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CampaignView", "Activate campaign"),
            QCoreApplication.translate(
                "CampaignView", "“%1” has no contacts yet: activating it would send nothing."
            ).replace("%1", summary.name),
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "CampaignView", "Enroll contacts first, then activate the campaign."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        go_on = box.addButton(
            QCoreApplication.translate("CampaignView", "Enroll contacts…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(go_on)
        box.buttonClicked.connect(lambda button: on_enroll() if button is go_on else on_cancel())
        box.open()
        return box
    facts = [
        QCoreApplication.translate("CampaignView", "First email: %1").replace(
            "%1", zoned_time_text(summary.first_send, summary.timezone)
        ),
        CountedText().emails_a_day(daily_cap),
    ]
    if summary.lacking:
        facts += [
            "",
            QCoreApplication.translate(
                "CampaignView",
                "Some contacts have no value for a field the emails print without a default: "
                "they will not get those emails and will move to Error.",
            ),
            *missing_lines(summary.total, summary.lacking),
        ]
    box = _box(
        parent,
        QMessageBox.Icon.Warning if summary.lacking else QMessageBox.Icon.Question,
        QCoreApplication.translate("CampaignView", "Activate campaign"),
        CountedText().will_email(summary.name, contacts),
    )
    box.setInformativeText("\n".join(facts))
    go_text = (
        QCoreApplication.translate("CampaignView", "Activate anyway")
        if summary.lacking
        else QCoreApplication.translate("CampaignView", "Activate")
    )
    return _offer(box, go_text, on_go, on_cancel)
