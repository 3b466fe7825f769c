"""The contact fields an email may insert: the standard ones with their translated names,
then the custom ones the contacts carry, as they are."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from ...domain.templating import FIELD_VARIABLES, STANDARD_VARIABLES
from ..contact_fields import field_titles

PreviewContact = tuple[str, Mapping[str, str]]


def custom_field_names(contacts: Sequence[PreviewContact]) -> list[str]:
    """The non-standard variable names the contacts carry, sorted, each once."""
    names = {name for _label, variables in contacts for name in variables}
    return sorted(names - set(STANDARD_VARIABLES), key=str.casefold)


def variable_titles() -> dict[str, str]:
    """Standard variable → the name a user reads ("firstName" → "First name"), translated."""
    titles = field_titles()  # the contacts table's names, one translation for both
    found = {variable: titles[field] for field, variable in FIELD_VARIABLES.items()}
    found["signature"] = QCoreApplication.translate("NodeInspector", "Signature")
    return {name: found.get(name, name) for name in STANDARD_VARIABLES}


def field_menu_entries(
    contacts: Sequence[PreviewContact],
) -> tuple[list[tuple[str, str]], list[str]]:
    """(menu text, variable) for the standard fields, then the custom names a template can spell.

    A custom column with spaces is also offered under its identifier alias (Deal_size);
    only names a template can write between braces are listed.
    """
    standard = [(f"{title}\t{{{{{name}}}}}", name) for name, title in variable_titles().items()]
    custom = [name for name in custom_field_names(contacts) if name.isidentifier()]
    return standard, custom
