"""The one prompt for the master password of the encrypted password file (no OS keyring)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..domain.errors import FluenzrError


def ask_master_password(parent: QWidget | None, refusal: str) -> str:
    """The password typed, or a FluenzrError saying `refusal` when the user gives none.

    Runs on the GUI thread (a dialog): the password store asks before any worker needs it.
    """
    text, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("MasterPassword", "Password store"),
        QCoreApplication.translate(
            "MasterPassword",
            "No system keyring was found. Master password of the encrypted password file:",
        ),
        QLineEdit.EchoMode.Password,
    )
    if not accepted or not text:
        raise FluenzrError(refusal)
    return text
