"""The names a user reads for the contact fields, and why an address is refused, in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.contacts import AddressIssue


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


def _characters(names: object) -> str:
    """email-validator's list of characters ("SPACE", "'('") as a user reads them."""
    shown = []
    for name in names if isinstance(names, list) else []:
        text = str(name)
        if text == "SPACE":
            shown.append(QCoreApplication.translate("AddressIssue", "space"))
        elif len(text) >= 3 and text[0] == text[-1] and text[0] in "'\"":
            shown.append(f"“{text[1:-1]}”")
        else:  # another named character (e.g. "TAB"), kept as the validator names it
            shown.append(text)
    return ", ".join(shown)


def address_issue_text(issue: AddressIssue) -> str:
    """One translated sentence saying why an address is refused (`domain.contacts` codes)."""
    # Context "AddressIssue"; each text spelt out for lupdate.
    texts = {
        "missing": QCoreApplication.translate("AddressIssue", "Enter an email address."),
        "no_at_sign": QCoreApplication.translate(
            "AddressIssue", "An email address needs an @, as in name@example.com."
        ),
        "nothing_before_at": QCoreApplication.translate(
            "AddressIssue", "Something must come before the @."
        ),
        "nothing_after_at": QCoreApplication.translate(
            "AddressIssue", "A domain must come after the @, as in name@example.com."
        ),
        "two_periods": QCoreApplication.translate(
            "AddressIssue", "An email address cannot have two periods in a row."
        ),
        "misplaced_mark": QCoreApplication.translate(
            "AddressIssue", "“%1” cannot start or end the address, nor touch the @."
        ),
        "domain_needs_period": QCoreApplication.translate(
            "AddressIssue", "The domain after the @ needs a period, as in example.com."
        ),
        "bad_top_level_domain": QCoreApplication.translate(
            "AddressIssue", "The domain after the @ does not end with a valid extension."
        ),
        "special_use_domain": QCoreApplication.translate(
            "AddressIssue", "The domain after the @ is reserved and cannot receive email."
        ),
        "bad_characters_before_at": QCoreApplication.translate(
            "AddressIssue", "Characters not allowed before the @: %1."
        ),
        "bad_characters_after_at": QCoreApplication.translate(
            "AddressIssue", "Characters not allowed after the @: %1."
        ),
        "too_long": QCoreApplication.translate("AddressIssue", "This email address is too long."),
    }
    text = texts.get(issue.code)
    if text is None:
        return QCoreApplication.translate("AddressIssue", "This email address is not valid.")
    if issue.code == "misplaced_mark":
        return text.replace("%1", str(issue.params.get("mark", "")))
    if issue.code.startswith("bad_characters"):
        return text.replace("%1", _characters(issue.params.get("characters")))
    return text
