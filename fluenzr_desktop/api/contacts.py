"""`/v1/contacts`: list and search (cursor pages), get, create, update, delete, import CSV."""

from __future__ import annotations

import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ..domain.errors import FluenzrError
from ..ops import contact_pages
from ..ops import contacts as ops
from .deps import WorkspaceDep
from .models import Contact, ContactIn, ContactPatch, ImportResult
from .pages import DEFAULT_LIMIT, Cursor, Limit, Page, RowId, decode_cursor, page_of
from .problems import PROBLEM_RESPONSES, ApiProblem

router = APIRouter(prefix="/v1", tags=["contacts"], responses=PROBLEM_RESPONSES)

# A CSV body larger than this is refused (413) rather than written to disk.
MAX_CSV_BYTES = 50 * 1024 * 1024


def _not_found(contact_id: int) -> ApiProblem:
    return ApiProblem(404, "not_found", "Not found", f"no contact with id {contact_id}")


def _contact(workspace, contact_id: int) -> Contact:
    row = contact_pages.contact_by_id(workspace, contact_id)
    if row is None:
        raise _not_found(contact_id)
    return Contact.of(row)


@router.get("/contacts", summary="List or search contacts, oldest first")
def list_contacts(
    workspace: WorkspaceDep,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
    q: Annotated[
        str | None,
        Query(
            max_length=200, description="Text in the email, names or company (any case, accents)."
        ),
    ] = None,
    tag: Annotated[
        str | None, Query(max_length=200, description="Only contacts with this tag.")
    ] = None,
) -> Page[Contact]:
    """A page of contacts in id order, filtered like the window's contacts table."""
    rows = contact_pages.contacts_page(workspace, decode_cursor(cursor), limit + 1, tag, q)
    # Plain dicts (times already ISO text): FastAPI validates them once against
    # Page[Contact] (models built here would be validated a second time).
    return page_of(rows, [row["id"] for row in rows], limit)


@router.get("/contacts/{contact_id}", summary="Get a contact")
def get_contact(workspace: WorkspaceDep, contact_id: RowId) -> Contact:
    """One contact by id."""
    return _contact(workspace, contact_id)


@router.post("/contacts", status_code=201, summary="Create a contact")
def create_contact(workspace: WorkspaceDep, contact: ContactIn) -> Contact:
    """Add a contact; an address that is invalid or already taken is refused (400)."""
    values = contact.model_dump(exclude={"tags"})
    saved = ops.save_contact(workspace, None, values, contact.tags)
    return _contact(workspace, saved.id)


@router.patch("/contacts/{contact_id}", summary="Update a contact")
def update_contact(workspace: WorkspaceDep, contact_id: RowId, patch: ContactPatch) -> Contact:
    """Change the fields given (null clears one; `tags` replaces the list)."""
    loaded = ops.load_contact(workspace, contact_id)
    if loaded is None:
        raise _not_found(contact_id)
    values, tags = loaded
    given = patch.model_dump(exclude_unset=True)
    if "email" in given and given["email"] is None:
        raise ApiProblem(
            422, "invalid_request", "Invalid request", "email: a contact needs an address"
        )
    values = {name: given.get(name, values[name]) for name in ops.TABLE_FIELDS}
    if given.get("tags") is not None:
        tags = given["tags"]
    ops.save_contact(workspace, contact_id, values, tags)
    return _contact(workspace, contact_id)


@router.delete(
    "/contacts/{contact_id}", status_code=204, summary="Delete a contact", response_class=Response
)
def delete_contact(workspace: WorkspaceDep, contact_id: RowId) -> Response:
    """Delete a contact with its tags, enrollments and history."""
    if ops.delete_contacts(workspace, [contact_id]).count == 0:
        raise _not_found(contact_id)
    return Response(status_code=204)


@router.post(
    "/contacts/import",
    summary="Import contacts from CSV",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    },
)
async def import_contacts(
    workspace: WorkspaceDep,
    request: Request,
    on_duplicate: Annotated[
        Literal["update", "skip"],
        Query(description="What to do with an address already in the workspace."),
    ] = "update",
    tag: Annotated[
        list[str] | None, Query(max_length=20, description="Tags every imported contact gets.")
    ] = None,
) -> ImportResult:
    """Import the CSV body (`Content-Type: text/csv`) as `fluenzr contacts import` does.

    Columns are mapped by their headers (an `email` column is required); the whole file
    is one transaction; refused lines are listed in `errors`.
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "text/csv":
        raise ApiProblem(
            415,
            "unsupported_media_type",
            "Unsupported media type",
            "send the CSV file as the body with Content-Type: text/csv",
        )
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_CSV_BYTES:
            raise ApiProblem(
                413,
                "too_large",
                "Request too large",
                f"a CSV body is at most {MAX_CSV_BYTES:,} bytes",
            )
    return await run_in_threadpool(_import, workspace, bytes(body), on_duplicate, tag or [])


def _import(workspace, body: bytes, on_duplicate: str, tags: list[str]) -> ImportResult:
    """Write the body to a private temporary file and import it through ops."""
    handle, name = tempfile.mkstemp(suffix=".csv", prefix="fluenzr-api-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(body)
        outcome = ops.import_csv(workspace, name, on_duplicate=on_duplicate, tags=tags)
    except FluenzrError as error:
        # The message names the file: name the body instead of a temporary path.
        raise FluenzrError(str(error).replace(name, "the CSV body")) from None
    finally:
        os.unlink(name)
    return ImportResult(**outcome.report.to_dict())
