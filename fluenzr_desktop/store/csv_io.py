"""Reading spreadsheet exports (CSV) into contacts, and writing contacts back out.

Guarantees:
- an import runs in one transaction: a fatal error (unreadable file, broken quoting,
  missing email column) leaves the workspace exactly as it was;
- a bad row never aborts the import: it is reported with its line number and reason;
- every data row is counted once: imported + updated + skipped + len(errors);
- empty cells never erase what a contact already has.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import operator
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii as _quote
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update

from ..domain.contacts import (
    SEARCHED_FIELDS,
    STANDARD_FIELDS,
    AddressIssue,
    ColumnTarget,
    DuplicateColumns,
    address_issue,
    auto_map,
    clean_tag,
    contact_search_text,
    normalise_email,
    split_tags,
    target_for_name,
)
from ..domain.errors import FluenzrError
from .db import database_path, translate_error
from .schema import contact_tags, contacts, now_of

DELIMITERS = (",", ";", "\t")
DUPLICATE_POLICIES = ("update", "skip")
# SQLite's default limit on bound parameters is 32,766 on recent versions but 999 on
# old ones; chunks of 500 stay portable.
_CHUNK = 500
_MAX_FIELD = 1_000_000


@dataclass
class RowError:
    """A rejected row: its line in the file (1 = header) and why, in English (`reason`) and
    as data a window words in its language: the address issue, or the two field counts."""

    line: int
    reason: str
    issue: AddressIssue | None = None
    address: str = ""
    field_counts: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason}


@dataclass
class ImportReport:
    """What an import did; `errors` lists the rejected rows."""

    imported: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [error.to_dict() for error in self.errors],
        }


@dataclass
class CsvTable:
    """A decoded CSV file: its headers and an iterator of (line number, cells)."""

    path: Path
    encoding: str
    delimiter: str
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]


def decode_bytes(raw: bytes, path: Path) -> tuple[str, str]:
    """The text of a file and the encoding used: UTF-16/UTF-8 by BOM, UTF-8, else Windows-1252."""
    if raw.startswith(b"PK\x03\x04"):
        raise FluenzrError(f"{path}: this is a workbook (.xlsx?), not CSV; save it as CSV first")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export.
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise FluenzrError(f"{path}: broken UTF-16 text ({error.reason})") from None
    if b"\x00" in raw:
        raise FluenzrError(f"{path}: binary data, not a CSV text file")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise FluenzrError(
                f"{path}: starts as UTF-8 but byte {error.start} is not UTF-8"
            ) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise FluenzrError(
            f"{path}: neither UTF-8 nor Windows-1252 text (byte 0x{raw[error.start]:02x} "
            f"at offset {error.start})"
        ) from None


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a file from its header line: the most frequent of , ; and tab."""
    counts = {delimiter: 0 for delimiter in DELIMITERS}
    in_quotes = False
    for character in first_line:
        if character == '"':
            in_quotes = not in_quotes
        elif not in_quotes and character in counts:
            counts[character] += 1
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def open_table(path: str | os.PathLike[str], *, delimiter: str | None = None) -> CsvTable:
    """Decode a CSV file, find its delimiter and header; rows are parsed lazily."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FluenzrError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FluenzrError(f"{path}: is a folder, not a CSV file") from None
    except OSError as error:
        raise FluenzrError(f"{path}: cannot read ({error.strerror})") from None
    text, encoding = decode_bytes(raw, path)
    first_line_number = 1
    if text[:4].lower() == "sep=" and "\n" in text[:8]:
        # Excel writes `sep=;` on the first line to announce the delimiter.
        hint, _, text = text.partition("\n")
        delimiter = delimiter or (hint[4:].strip("\r") or ",")
        first_line_number = 2
    if not text.strip():
        raise FluenzrError(f"{path}: the file is empty")
    chosen = delimiter or sniff_delimiter(text.split("\n", 1)[0])
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=chosen, strict=True)
    offset = first_line_number - 1
    try:
        headers = next(reader)
    except csv.Error as error:
        raise FluenzrError(f"{path} line {first_line_number}: {error}") from None
    headers = [header.strip() for header in headers]
    if not any(headers):
        raise FluenzrError(f"{path} line {first_line_number}: the header row is empty")

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise FluenzrError(f"{path} line {line + offset}: {error}") from None
            # Blank lines (and rows of bare delimiters) are not data.
            if cells and (cells[0].strip() or any(cell.strip() for cell in cells)):
                yield line + offset, cells
            line = reader.line_num + 1

    return CsvTable(path, encoding, chosen, headers, rows())


@dataclass(slots=True)
class _Record:
    """One contact's values gathered from one or more rows of the file."""

    line: int
    values: list[str | None]  # indexed like STANDARD_FIELDS; values[0] is the email
    custom: dict[str, str]
    tags: list[str]

    def merge(self, other: _Record) -> None:
        self.values = [
            new if new is not None else old
            for old, new in zip(self.values, other.values, strict=True)
        ]
        if other.custom:
            self.custom = {**self.custom, **other.custom}
        if other.tags:
            self.tags = [*self.tags, *(tag for tag in other.tags if tag not in self.tags)]


def _records(
    table: CsvTable, targets: list[ColumnTarget], extra_tags: list[str], report: ImportReport
) -> Iterator[_Record]:
    email_index = next(i for i, t in enumerate(targets) if t.kind == "field" and t.name == "email")
    width = len(table.headers)
    fields = [
        (STANDARD_FIELDS.index(t.name), i)
        for i, t in enumerate(targets)
        if t.kind == "field" and i != email_index
    ]
    blank: list[str | None] = [None] * (len(STANDARD_FIELDS) - 1)
    customs = [(i, t.name) for i, t in enumerate(targets) if t.kind == "custom"]
    tag_columns = [i for i, t in enumerate(targets) if t.kind == "tags"]
    no_tags: list[str] = []
    for line, cells in table.rows:
        count = len(cells)
        if count != width:
            if count > width and any(cell.strip() for cell in cells[width:]):
                reason = f"{count} fields but the header has {width}"
                report.errors.append(RowError(line, reason, field_counts=(count, width)))
                continue
            # Spreadsheets drop trailing empty cells; missing cells are empty.
            cells = cells[:width] + [""] * (width - count)
        email = normalise_email(cells[email_index])
        issue = address_issue(email)
        if issue is not None:
            report.errors.append(RowError(line, issue.message, issue=issue, address=email))
            continue
        values: list[str | None] = [email, *blank]
        for position, i in fields:
            value = cells[i].strip()
            if value:
                values[position] = value
        custom = {name: value for i, name in customs if (value := cells[i].strip())}
        tags = no_tags
        if extra_tags or tag_columns:
            tags = list(extra_tags)
            for i in tag_columns:
                for tag in split_tags(cells[i]):
                    if tag[:100] not in tags:
                        tags.append(tag[:100])
        yield _Record(line, values, custom, tags)


def import_contacts(
    engine: Engine,
    path: str | os.PathLike[str],
    *,
    overrides: Mapping[str | int, str] | None = None,
    on_duplicate: str = "update",
    tags: Iterable[str] = (),
    delimiter: str | None = None,
) -> ImportReport:
    """Import a CSV file of contacts in one transaction; see the module's guarantees.

    `overrides`: column (header, or position from 0) → field, as `auto_map` reads them.
    A file whose columns would fill the same field twice is refused (naming both).
    """
    if on_duplicate not in DUPLICATE_POLICIES:
        raise FluenzrError(f"--on-duplicate: expected update or skip, got {on_duplicate!r}")
    extra_tags = [clean_tag(tag) for tag in tags]
    table = open_table(path, delimiter=delimiter)
    try:
        targets = auto_map(table.headers, overrides)
    except DuplicateColumns as clash:
        raise DuplicateColumns(f"{table.path}: {clash}") from None
    if not any(t.kind == "field" and t.name == "email" for t in targets):
        listed = ", ".join(repr(h) for h in table.headers)
        raise FluenzrError(
            f"{table.path}: no email column found (columns: {listed}); "
            "name one with --map COLUMN=email"
        )

    with _collector_paused():
        return _import_table(engine, table, targets, on_duplicate, extra_tags)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building many acyclic objects.

    An import allocates a few objects per row and frees none; every ~700 allocations
    the collector would rescan them all (~20 % of the import's time at 100,000 rows).
    Nothing built here forms a reference cycle, so nothing is left uncollected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The fields a contact search looks in: the first of STANDARD_FIELDS (the domain checks).
_SEARCHED = slice(0, len(SEARCHED_FIELDS))
_Existing = tuple[int, dict[str, Any], tuple[str | None, ...]]


def _existing_contacts(connection, emails: list[str]) -> dict[str, _Existing]:
    """email → (id, custom fields, searched fields) for the addresses already stored."""
    existing: dict[str, _Existing] = {}
    searched = [contacts.c[name] for name in STANDARD_FIELDS[_SEARCHED]]
    for start in range(0, len(emails), _CHUNK):
        rows = connection.execute(
            select(contacts.c.id, contacts.c.custom_fields, *searched).where(
                contacts.c.email.in_(emails[start : start + _CHUNK])
            )
        )
        for contact_id, custom, *fields in rows:
            existing[fields[0]] = (contact_id, custom or {}, tuple(fields))
    return existing


def _import_table(
    engine: Engine,
    table: CsvTable,
    targets: list[ColumnTarget],
    on_duplicate: str,
    extra_tags: list[str],
) -> ImportReport:
    # The whole file is parsed before the first write: merging duplicates in memory is
    # cheaper than rewriting rows, and a broken file is found before the database is
    # touched. (Writing batches while parsing, on this thread or another, was measured
    # slower: both need the GIL.)
    report = ImportReport()
    records: dict[str, _Record] = {}
    for record in _records(table, targets, extra_tags, report):
        email = record.values[0]
        seen = records.get(email)
        if seen is None:
            records[email] = record
        elif on_duplicate == "update":
            seen.merge(record)
            report.updated += 1
        else:
            report.skipped += 1

    now = now_of(engine)
    with engine.begin() as connection:
        # A first import into an empty workspace has nothing to look up.
        has_contacts = connection.execute(select(contacts.c.id).limit(1)).first() is not None
        existing = _existing_contacts(connection, list(records)) if has_contacts else {}
        fresh: list[_Record] = []
        updates: list[dict[str, Any]] = []
        tag_rows: list[tuple[str, str]] = []
        if not existing:  # every record is new: no per-record decision to make
            fresh = list(records.values())
            report.imported = len(fresh)
            tag_rows = [(r.values[0], tag) for r in fresh if r.tags for tag in r.tags]
        for email, record in records.items() if existing else ():
            if email in existing:
                if on_duplicate == "skip":
                    report.skipped += 1
                    continue
                report.updated += 1
                if any(v is not None for v in record.values[1:]) or record.custom:
                    updates.append(_update_row(existing[email], record, now))
            else:
                report.imported += 1
                fresh.append(record)
            if record.tags:
                tag_rows.extend((email, tag) for tag in record.tags)
        if fresh:
            _bulk_insert_contacts(connection, fresh, now)
        _apply_updates(connection, updates)
        if tag_rows:
            _insert_tags(connection, tag_rows)
    report.errors.sort(key=lambda error: error.line)
    return report


def _insert_row(record: _Record, now: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict(zip(STANDARD_FIELDS, record.values, strict=True))
    row["custom_fields"] = record.custom
    row["created_at"] = now
    row["updated_at"] = now  # search_folded: the column's default computes it
    return row


def _bulk_insert_contacts(connection, records: list[_Record], now: Any) -> None:
    """Insert many new contacts through the driver's executemany.

    SQLAlchemy's per-row parameter handling costs ~15 µs a row; here the statement is
    still compiled by SQLAlchemy for the connection's dialect (portable) and each
    column's own bind processor runs, but rows go to the driver as plain tuples.
    """
    table = contacts
    dialect = connection.dialect
    columns = [*STANDARD_FIELDS, "custom_fields", "created_at", "updated_at", "search_folded"]
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    keys = list(compiled.positiontup or [])
    if sorted(keys) != sorted(columns):  # a dialect with named parameters: the slow path
        connection.execute(insert(table), [_insert_row(record, now) for record in records])
        return

    def processor(key: str):
        return table.c[key].type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)

    stamp = processor("created_at")(now)
    to_json = _json_of_strings if _default_json(dialect) else processor("custom_fields")
    # Rows are built in `columns` order by C-level map() calls, then put in the order
    # of the compiled statement's placeholders.
    reorder = operator.itemgetter(*(columns.index(key) for key in keys))
    rows = [
        reorder(
            (
                *record.values,
                to_json(record.custom),
                stamp,
                stamp,
                contact_search_text(*record.values[_SEARCHED]),
            )
        )
        for record in records
    ]
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.executemany(str(compiled), rows)
    except Exception as error:  # the driver's own error: SQLAlchemy's hook did not see it
        translated = translate_error(error, database_path(connection))
        if translated is None:
            raise
        raise translated from None
    finally:
        cursor.close()


def _default_json(dialect) -> bool:
    """Whether the dialect writes JSON with the stdlib's json.dumps (no custom serializer)."""
    return getattr(dialect, "_json_serializer", None) in (None, json.dumps)


def _json_of_strings(values: dict[str, str]) -> str:
    """`json.dumps(values)` for a dict of strings, in half the time (C escaping only).

    Custom fields read from a CSV are always strings; a test checks the output is
    byte-identical to json.dumps.
    """
    return "{" + ", ".join([_quote(k) + ": " + _quote(v) for k, v in values.items()]) + "}"


def _update_row(existing: _Existing, record: _Record, now: Any) -> dict[str, Any]:
    contact_id, custom, searched = existing
    row: dict[str, Any] = {"contact_id": contact_id, "updated_at": now}
    for name, value in zip(STANDARD_FIELDS[1:], record.values[1:], strict=True):
        if value is not None:
            row[name] = value
    if record.custom:
        row["custom_fields"] = {**custom, **record.custom}
    new = record.values[_SEARCHED]
    if any(value is not None for value in new[1:]):  # a searched field changes
        merged = [old if value is None else value for old, value in zip(searched, new, strict=True)]
        row["search_folded"] = contact_search_text(*merged)
    return row


def _apply_updates(connection, updates: list[dict[str, Any]]) -> None:
    """Run the updates as one executemany per set of changed columns."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in updates:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for keys, rows in groups.items():
        columns = [key for key in keys if key != "contact_id"]
        # Bind names must differ from column names in an UPDATE's SET clause.
        statement = (
            update(contacts)
            .where(contacts.c.id == bindparam("b_contact_id"))
            .values({key: bindparam(f"b_{key}") for key in columns})
        )
        connection.execute(statement, [{f"b_{k}": v for k, v in row.items()} for row in rows])


def _insert_tags(connection, tag_rows: list[tuple[str, str]]) -> None:
    emails = list({email for email, _ in tag_rows})
    ids: dict[str, int] = {}
    for start in range(0, len(emails), _CHUNK):
        chunk = emails[start : start + _CHUNK]
        for contact_id, email in connection.execute(
            select(contacts.c.id, contacts.c.email).where(contacts.c.email.in_(chunk))
        ):
            ids[email] = contact_id
    wanted = {(ids[email], tag) for email, tag in tag_rows}
    contact_ids = sorted({contact_id for contact_id, _ in wanted})
    present: set[tuple[int, str]] = set()
    for start in range(0, len(contact_ids), _CHUNK):
        chunk = contact_ids[start : start + _CHUNK]
        present.update(
            (contact_id, tag)
            for contact_id, tag in connection.execute(
                select(contact_tags.c.contact_id, contact_tags.c.tag).where(
                    contact_tags.c.contact_id.in_(chunk)
                )
            )
        )
    missing = [{"contact_id": cid, "tag": tag} for cid, tag in sorted(wanted - present)]
    if missing:
        connection.execute(insert(contact_tags), missing)


EXPORT_HEADERS: tuple[str, ...] = (*STANDARD_FIELDS, "tags")


def export_contacts(
    rows: Iterable[tuple[dict[str, Any], list[str]]],
    custom_columns: list[str],
    path: str | os.PathLike[str],
) -> int:
    """Write contacts (standard values, tags) to a UTF-8 CSV atomically; returns the row count.

    `rows` yields (contact as a dict with the standard fields and `custom_fields`, tags).
    The file appears complete or not at all: it is written beside the target and renamed.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FluenzrError(f"{target}: folder {folder} does not exist")
    if target.is_dir():
        raise FluenzrError(f"{target}: is a folder; name the CSV file to write")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=folder)
    except OSError as error:
        raise FluenzrError(f"{target}: cannot write in {folder} ({error.strerror})") from None
    count = 0
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([*EXPORT_HEADERS, *map(_custom_header, custom_columns)])
            for contact, tags in rows:
                custom = contact.get("custom_fields") or {}
                writer.writerow(
                    [
                        *(contact.get(name) or "" for name in STANDARD_FIELDS),
                        "; ".join(tags),
                        *(_cell(custom.get(column)) for column in custom_columns),
                    ]
                )
                count += 1
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _custom_header(column: str) -> str:
    """A custom field's export header; `custom:` marks names an import would read otherwise."""
    if target_for_name(column) == ColumnTarget("custom", column.strip()):
        return column
    return f"custom:{column}"


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
