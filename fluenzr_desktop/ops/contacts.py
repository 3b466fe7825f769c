"""Contacts use cases: search and list, add or edit one, delete, tag, import, export, show.

The window's contacts table and `fluenzr contacts` both come here; the SQL is in
`store.contacts` (one search for both) and `store.csv_io`. Writes return (or carry as
`.changes`) `Changes(contacts=True)`, so every open screen showing contacts reloads.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.contacts import AddressIssue, address_issue, clean_tag, normalise_email
from ..domain.errors import FluenzrError
from ..store import contacts as store
from ..store.contacts import TABLE_FIELDS as TABLE_FIELDS
from ..store.contacts import ContactColumn as ContactColumn
from ..store.contacts import ContactQuery as ContactQuery
from ..store.contacts import Report, ignore_progress
from ..store.contacts import Row as Row
from ..store.csv_io import ImportReport, import_contacts
from ..store.suppressions import suppression_of
from ..workspace import Workspace
from . import Changes

# TABLE_FIELDS, ContactColumn, ContactQuery and Row (plain data the window's table builds
# and reads) are re-exported above, so front ends need nothing from the store.
CONTACTS_CHANGED = Changes(contacts=True)


@dataclass(frozen=True)
class SavedContact:
    """The id of the contact added or edited."""

    id: int
    changes: Changes = CONTACTS_CHANGED


@dataclass(frozen=True)
class Counted:
    """How many contacts a bulk write touched (deleted, or newly given a tag)."""

    count: int
    changes: Changes = CONTACTS_CHANGED


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did (counts and rejected lines)."""

    report: ImportReport
    changes: Changes = CONTACTS_CHANGED


# -- reading: the table and the list ----------------------------------------------


def find_ids(workspace: Workspace, query: ContactQuery) -> array:
    """The ids of the contacts a table query shows, in display order (a compact array)."""
    return store.query_ids(workspace.engine, query)


def table_rows(workspace: Workspace, ids: Sequence[int]) -> dict[int, Row]:
    """id → (TABLE_FIELDS values..., custom fields, sorted tags) for one page of ids."""
    return store.table_rows(workspace.engine, ids)


def table_metadata(workspace: Workspace) -> tuple[list[str], list[str]]:
    """(custom field names in use, in order of first appearance; every tag, sorted)."""
    return store.scan_metadata(workspace.engine)


def count_contacts(workspace: Workspace) -> int:
    """How many contacts the workspace holds."""
    with workspace.sessions() as session:
        return store.count_contacts(session)


def list_contacts(
    workspace: Workspace, tag: str | None = None, search: str | None = None
) -> list[dict[str, Any]]:
    """Contacts with `tag` and/or matching `search`, oldest first, as plain data."""
    with workspace.sessions() as session:
        return [store.contact_dict(c) for c in store.list_contacts(session, tag, search)]


def contact_card(workspace: Workspace, email: str, latest_events: int = 20) -> dict[str, Any]:
    """One contact, its opt-out, campaigns and latest events (times as stored, naive UTC).

    A deleted contact whose address is still suppressed gives `contact: None` and the
    opt-out; an address that is neither is a FluenzrError.
    """
    address = normalise_email(email)
    with workspace.sessions() as session:
        entry = suppression_of(session, address)
        suppressed = (
            None
            if entry is None
            else {"since": entry.created_at, "reason": entry.reason, "value": entry.value}
        )
        try:
            contact = store.find_contact(session, address)
        except FluenzrError:
            if suppressed is None:
                raise
            return {"email": address, "contact": None, "suppressed": suppressed}
        card = store.contact_dict(contact)
        card["suppressed"] = suppressed
        card["enrollments"] = store.enrollments_of(session, contact.id)
        card["events"] = store.latest_events(session, contact.id, latest_events)
        return card


# -- one contact ----------------------------------------------------------------------


def contact_issue(values: Mapping[str, Any]) -> AddressIssue | None:
    """Why these fields cannot be saved as a contact (the address, as a code), or None."""
    return address_issue(normalise_email(values.get("email") or ""))


def contact_problem(values: Mapping[str, Any]) -> str | None:
    """Why these fields cannot be saved as a contact (the address, in English), or None."""
    issue = contact_issue(values)
    return None if issue is None else issue.message


def load_contact(workspace: Workspace, contact_id: int) -> tuple[dict[str, Any], list[str]] | None:
    """A contact's TABLE_FIELDS values and sorted tags, or None if it no longer exists."""
    return store.load_contact(workspace.engine, contact_id)


def save_contact(
    workspace: Workspace,
    contact_id: int | None,
    values: Mapping[str, Any],
    tags: Iterable[str],
) -> SavedContact:
    """Add (contact_id None) or edit one contact: TABLE_FIELDS values and its whole tag list.

    The address is normalised and checked, blank fields are stored as None, tags are
    cleaned and kept once; an address another contact has is refused with one line.
    """
    problem = contact_problem(values)
    if problem:
        raise FluenzrError(problem)
    cleaned = {name: (str(values.get(name) or "").strip() or None) for name in TABLE_FIELDS}
    cleaned["email"] = normalise_email(values["email"])
    kept = list(dict.fromkeys(clean_tag(tag) for tag in tags))
    return SavedContact(store.save_contact(workspace.engine, contact_id, cleaned, kept))


# -- many contacts ------------------------------------------------------------------------


def delete_contacts(
    workspace: Workspace, ids: Sequence[int], report: Report = ignore_progress
) -> Counted:
    """Delete these contacts with their tags, enrollments and history, in one transaction."""
    return Counted(store.delete_contacts(workspace.engine, ids, report))


def tag_contacts(
    workspace: Workspace, ids: Sequence[int], tag: str, report: Report = ignore_progress
) -> Counted:
    """Give a (checked) tag to these contacts; `count` says how many did not have it."""
    cleaned = clean_tag(tag)
    return Counted(store.tag_contacts(workspace.engine, ids, cleaned, report))


def import_csv(
    workspace: Workspace,
    path: str | os.PathLike[str],
    *,
    overrides: Mapping[str | int, str] | None = None,
    on_duplicate: str = "update",
    tags: Iterable[str] = (),
    delimiter: str | None = None,
) -> ImportOutcome:
    """Import a CSV file in one transaction (see `store.csv_io.import_contacts`)."""
    report = import_contacts(
        workspace.engine,
        path,
        overrides=overrides,
        on_duplicate=on_duplicate,
        tags=list(tags),
        delimiter=delimiter,
    )
    return ImportOutcome(report)


def export_selection(
    workspace: Workspace,
    ids: Sequence[int],
    path: str | os.PathLike[str],
    report: Report = ignore_progress,
) -> int:
    """Write these contacts, in this order, to a CSV file (every field, tag, custom field)."""
    return store.export_ids(workspace.engine, ids, path, report)


def export_csv(workspace: Workspace, path: str | os.PathLike[str], tag: str | None = None) -> int:
    """Write every contact (or one tag's), oldest first, to a CSV file; how many."""
    with workspace.sessions() as session:
        return store.export_to_csv(session, path, tag)
