"""Contacts a page at a time in id order, for clients that walk them with a cursor (the API)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..store.contact_pages import contacts_after, contacts_by_ids
from ..workspace import Workspace


def contacts_page(
    workspace: Workspace,
    after_id: int,
    limit: int,
    tag: str | None = None,
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit` contacts after id `after_id` with the tag / matching the search, by id.

    Each is plain data: id, the standard fields, timezone, custom_fields, sorted tags,
    created_at and updated_at (naive UTC). Search and tag filters are the contacts
    table's (`store.contacts.search_clause`, `tag_clause`).
    """
    return contacts_after(workspace.engine, after_id, limit, tag, search)


def contact_by_id(workspace: Workspace, contact_id: int) -> dict[str, Any] | None:
    """One contact as a page shows it, or None when there is none with this id."""
    found = contacts_by_ids(workspace.engine, [contact_id])
    return found[0] if found else None


def contacts_with_ids(workspace: Workspace, ids: Sequence[int]) -> list[dict[str, Any]]:
    """These contacts (those that exist) as a page shows them, by id."""
    return contacts_by_ids(workspace.engine, ids)
