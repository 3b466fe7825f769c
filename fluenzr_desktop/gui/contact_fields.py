"""The names a user reads for the contact fields: table headers, dialog and wizard labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_titles() -> dict[str, str]:
    """Field (and "tags") → its translated name, e.g. "first_name" → "First name"."""
    # Translated in the context of the contacts table, where these names were first shown
    # (spelt out in each call: lupdate reads only literal arguments).
    return {
        "email": QCoreApplication.translate("ContactsModel", "Email"),
        "first_name": QCoreApplication.translate("ContactsModel", "First name"),
        "last_name": QCoreApplication.translate("ContactsModel", "Last name"),
        "company": QCoreApplication.translate("ContactsModel", "Company"),
        "title": QCoreApplication.translate("ContactsModel", "Title"),
        "phone": QCoreApplication.translate("ContactsModel", "Phone"),
        "tags": QCoreApplication.translate("ContactsModel", "Tags"),
    }
