"""Finding one row by the id a user typed: one rule and one wording for every table."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ..domain.errors import FluenzrError, NotFound

Row = TypeVar("Row")


def get_by_id(session: Session, model: type[Row], value: int | str, what: str) -> Row:
    """The `what` ("account", "campaign") with this id, or a FluenzrError naming the id."""
    try:
        key = int(value)
    except (TypeError, ValueError):
        raise FluenzrError(f"{what} id must be a number, got {value!r}") from None
    row = session.get(model, key)
    if row is None:
        raise NotFound(f"no {what} with id {key}")
    return row
