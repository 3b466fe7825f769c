"""Contacts read a page at a time in id order (the API's list), filtered like the table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, select

from .contacts import TABLE_FIELDS, search_clause, tag_clause
from .schema import contact_tags, contacts

_SHOWN = (
    contacts.c.id,
    *(contacts.c[name] for name in TABLE_FIELDS),
    contacts.c.timezone,
    contacts.c.custom_fields,
    contacts.c.created_at,
    contacts.c.updated_at,
)


def contacts_after(
    engine: Engine,
    after_id: int,
    limit: int,
    tag: str | None = None,
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit` contacts with an id above `after_id` (and the tag / search), by id."""
    statement = select(*_SHOWN).where(contacts.c.id > after_id)
    for clause in (tag_clause(tag), search_clause(search)):
        if clause is not None:
            statement = statement.where(clause)
    statement = statement.order_by(contacts.c.id).limit(limit)
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(statement)]
        _attach_tags(connection, rows)
    return rows


def contacts_by_ids(engine: Engine, ids: Sequence[int]) -> list[dict[str, Any]]:
    """These contacts (those that exist), by id, with the same fields as a page."""
    with engine.connect() as connection:
        rows = [
            dict(row._mapping)
            for row in connection.execute(
                select(*_SHOWN).where(contacts.c.id.in_(list(ids))).order_by(contacts.c.id)
            )
        ]
        _attach_tags(connection, rows)
    return rows


def _attach_tags(connection: Any, rows: list[dict[str, Any]]) -> None:
    """Give each row its sorted `tags`, read in one statement."""
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["custom_fields"] = dict(row["custom_fields"] or {})
        row["tags"] = []
    if not by_id:
        return
    for contact_id, tag in connection.execute(
        select(contact_tags.c.contact_id, contact_tags.c.tag)
        .where(contact_tags.c.contact_id.in_(list(by_id)))
        .order_by(contact_tags.c.contact_id, contact_tags.c.tag)
    ):
        by_id[contact_id]["tags"].append(tag)
