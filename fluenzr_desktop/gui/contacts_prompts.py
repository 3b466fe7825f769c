"""The questions the contacts screen asks about a selection: delete?, which tag, which campaign.

Each returns a dialog not yet shown: the screen connects its answer and calls `open()`
(window-modal, no nested event loop).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QInputDialog, QMessageBox, QWidget

# The texts are translated in the context of the screen that asks them, "ContactsView"
# (spelt out in each call: lupdate reads only literal arguments). Texts with a count are
# given by the screen: lupdate finds plural forms only in `self.tr(text, "", n)`.


def delete_question(parent: QWidget, question: str) -> tuple[QMessageBox, QAbstractButton]:
    """Ask `question` (delete the selection?), Cancel by default; also its Delete button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ContactsView", "Delete contacts"))
    box.setText(question)
    confirm = box.addButton(
        QCoreApplication.translate("ContactsView", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box, confirm


def tag_question(parent: QWidget, label: str) -> QInputDialog:
    """Ask for the tag to give to the selection, under `label` (typed text, `textValue()`)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ContactsView", "Tag contacts"))
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setComboBoxEditable(True)
    return dialog


def campaign_label(campaign_id: int, name: str) -> str:
    """How a campaign is listed: its name and id, as two campaigns may share a name."""
    return f"{name} (#{campaign_id})"


def campaign_question(
    parent: QWidget, label: str, campaigns: list[tuple[int, str]]
) -> QInputDialog:
    """Ask, under `label`, which of `campaigns` ((id, name)) takes the selection."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ContactsView", "Enroll in campaign"))
    dialog.setLabelText(label)
    dialog.setComboBoxItems([campaign_label(*campaign) for campaign in campaigns])
    dialog.setComboBoxEditable(False)
    return dialog


def chosen_campaign(dialog: QInputDialog, campaigns: list[tuple[int, str]]) -> int:
    """The id of the campaign chosen in a `campaign_question` dialog."""
    labels = [campaign_label(*campaign) for campaign in campaigns]
    return campaigns[labels.index(dialog.textValue())][0]
