"""Helpers of the store tests: reading contacts back as plain data."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from fluenzr_desktop.store.contacts import contact_dict, list_contacts
from fluenzr_desktop.store.models import Contact
from fluenzr_desktop.workspace import Workspace


def contacts_by_email(workspace: Workspace) -> dict[str, dict[str, Any]]:
    """Every contact of a workspace as {email: {standard fields, custom_fields, tags}}."""
    with workspace.session() as session:
        return {contact.email: contact_dict(contact) for contact in list_contacts(session)}


def contact_count(workspace: Workspace) -> int:
    with workspace.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(Contact)).scalar_one()


@pytest.fixture
def contacts_of():
    return contacts_by_email
