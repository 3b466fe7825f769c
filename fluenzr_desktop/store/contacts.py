"""Contact queries: list, search, tag filter, and conversion to plain dicts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain.contacts import STANDARD_FIELDS, normalise_email, search_variants
from ..domain.errors import FluenzrError
from ..domain.templating import contact_variables
from .csv_io import export_contacts
from .models import Contact, ContactTag


def contact_dict(contact: Contact) -> dict[str, Any]:
    """A contact as plain data: standard fields, custom fields and tags."""
    values: dict[str, Any] = {name: getattr(contact, name) for name in STANDARD_FIELDS}
    values["custom_fields"] = dict(contact.custom_fields or {})
    values["tags"] = contact.tag_names
    return values


def template_variables(contact: Contact, signature: str | None = None) -> dict[str, str]:
    """The variables a template sees for this contact (and the sending account's signature)."""
    return contact_variables(
        email=contact.email,
        first_name=contact.first_name,
        last_name=contact.last_name,
        company=contact.company,
        title=contact.title,
        phone=contact.phone,
        custom_fields=contact.custom_fields,
        signature=signature,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contacts_query(tag: str | None = None, search: str | None = None) -> Select[tuple[Contact]]:
    """The select of contacts with a tag and/or matching a search in email, names or company."""
    # Tags are shown with every listed contact: load them in one query per batch.
    statement = select(Contact).options(selectinload(Contact.tags))
    if tag:
        statement = statement.where(
            Contact.id.in_(select(ContactTag.contact_id).where(ContactTag.tag == tag))
        )
    if search and search.strip():
        # ILIKE is portable (SQLite renders lower() LIKE lower()); SQLite folds ASCII only,
        # hence the spellings of a non-ASCII term ("éloïse" must find "Éloïse").
        patterns = [f"%{_escape_like(variant)}%" for variant in search_variants(search)]
        statement = statement.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        Contact.email,
                        Contact.first_name,
                        Contact.last_name,
                        Contact.company,
                    )
                    for pattern in patterns
                )
            )
        )
    return statement.order_by(Contact.id)


def list_contacts(
    session: Session, tag: str | None = None, search: str | None = None
) -> list[Contact]:
    """Contacts matching the filters, oldest first."""
    return list(session.scalars(contacts_query(tag, search)))


def count_contacts(session: Session) -> int:
    """How many contacts the workspace holds."""
    return session.scalar(select(func.count(Contact.id))) or 0


def find_contact(session: Session, email: str) -> Contact:
    """The contact with this address (any case), or a FluenzrError naming it."""
    contact = session.scalar(select(Contact).where(Contact.email == normalise_email(email)))
    if contact is None:
        raise FluenzrError(f"no contact with email {email!r}")
    return contact


def custom_columns(session: Session) -> list[str]:
    """Every custom field name in use, in order of first appearance."""
    seen: dict[str, None] = {}
    for (custom,) in session.execute(select(Contact.custom_fields).order_by(Contact.id)):
        for key in custom or {}:
            seen.setdefault(key, None)
    return list(seen)


def _export_rows(session: Session, tag: str | None) -> Iterator[tuple[dict[str, Any], list[str]]]:
    statement = contacts_query(tag).execution_options(yield_per=2000)
    for contact in session.scalars(statement):
        yield contact_dict(contact), contact.tag_names


def export_to_csv(session: Session, path: str | os.PathLike[str], tag: str | None = None) -> int:
    """Export (all or one tag's) contacts with every field and tag; returns how many."""
    return export_contacts(_export_rows(session, tag), custom_columns(session), path)
