"""Cursor pagination shared by every list endpoint: opaque cursors over row ids."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Generic, TypeVar

from fastapi import Path, Query
from pydantic import BaseModel, Field

from .problems import ApiProblem

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_PREFIX = "id:"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT}).")]
Cursor = Annotated[
    str | None,
    Query(description="The `next_cursor` of the previous page; absent for the first page."),
]


class Page(BaseModel, Generic[T]):
    """One page of a list: its items and the cursor of the next page (null on the last)."""

    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null when this page is the last."
    )


def encode_cursor(last_id: int) -> str:
    """The opaque cursor that resumes a list after the row with `last_id`."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{last_id}".encode()).decode().rstrip("=")


def decode_cursor(text: str | None) -> int:
    """The last row id a cursor stands for (0 for none); a 400 problem for a cursor we never made."""
    if text is None or text == "":
        return 0
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    number = raw[len(_PREFIX) :] if raw.startswith(_PREFIX) else ""
    if not number.isdigit() or len(number) > 18:
        raise ApiProblem(
            400,
            "invalid_cursor",
            "Invalid cursor",
            "the cursor is not one this API gave: pass a page's next_cursor unchanged",
        )
    return int(number)


def page_of(items: list[T], ids: list[int], limit: int) -> Page[T]:
    """A page from up to `limit + 1` fetched items: the extra one only says another page exists."""
    if len(items) > limit:
        return Page(items=items[:limit], next_cursor=encode_cursor(ids[limit - 1]))
    return Page(items=items, next_cursor=None)


# SQLite's integer range: a bigger id in a path or query is a 422, never an overflow (500).
MAX_ROW_ID = 2**63 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="The item's id.")]
