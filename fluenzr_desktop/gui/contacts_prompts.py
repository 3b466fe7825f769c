"""The questions the contacts screen asks about a selection: delete?, which tag, which campaign.

Each returns a dialog not yet shown: the screen connects its answer and calls `open()`
(window-modal, no nested event loop).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QInputDialog, QMessageBox, QWidget

# The texts are translated in the context of the screen that asks them, "ContactsView"
# (spelt out in each call: lupdate reads only literal arguments).


def _count(number: int) -> str:
    return f"{number:,}"


def delete_question(parent: QWidget, count: int) -> tuple[QMessageBox, QAbstractButton]:
    """Ask whether to delete `count` contacts (Cancel by default); also its Delete button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ContactsView", "Delete contacts"))
    box.setText(
        QCoreApplication.translate(
            "ContactsView", "Delete %1 contact(s)? Their tags, enrollments and history go too."
        ).replace("%1", _count(count))
    )
    confirm = box.addButton(
        QCoreApplication.translate("ContactsView", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, confirm


def tag_question(parent: QWidget, count: int) -> QInputDialog:
    """Ask for the tag to give to `count` contacts (typed text, `textValue()`)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ContactsView", "Tag contacts"))
    dialog.setLabelText(
        QCoreApplication.translate("ContactsView", "Tag for %1 contact(s):").replace(
            "%1", _count(count)
        )
    )
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setComboBoxEditable(True)
    return dialog


def campaign_label(campaign_id: int, name: str) -> str:
    """How a campaign is listed: its name and id, as two campaigns may share a name."""
    return f"{name} (#{campaign_id})"


def campaign_question(
    parent: QWidget, count: int, campaigns: list[tuple[int, str]]
) -> QInputDialog:
    """Ask which of `campaigns` ((id, name)) takes `count` contacts; see `chosen_campaign`."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ContactsView", "Enroll in campaign"))
    dialog.setLabelText(
        QCoreApplication.translate("ContactsView", "Campaign for %1 contact(s):").replace(
            "%1", _count(count)
        )
    )
    dialog.setComboBoxItems([campaign_label(*campaign) for campaign in campaigns])
    dialog.setComboBoxEditable(False)
    return dialog


def chosen_campaign(dialog: QInputDialog, campaigns: list[tuple[int, str]]) -> int:
    """The id of the campaign chosen in a `campaign_question` dialog."""
    labels = [campaign_label(*campaign) for campaign in campaigns]
    return campaigns[labels.index(dialog.textValue())][0]
