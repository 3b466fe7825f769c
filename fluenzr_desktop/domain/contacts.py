"""Contact rules: address normalisation and syntax, spreadsheet header mapping, tags."""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from .errors import FluenzrError

# Standard contact fields, in the order exports write them.
STANDARD_FIELDS: tuple[str, ...] = (
    "email",
    "first_name",
    "last_name",
    "company",
    "title",
    "phone",
    "timezone",
)
TAGS_FIELD = "tags"
IGNORE = "ignore"

# Normalised header (see `normalise_header`) → field, English and French exports.
_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "email": (
        "email", "emails", "mail", "emailaddress", "courriel", "adressemail", "adresseemail",
        "adressecourriel", "adresseelectronique", "workemail", "businessemail", "emailpro",
        "mailpro", "emailprofessionnel", "primaryemail",
    ),
    "first_name": ("firstname", "first", "givenname", "forename", "prenom", "prenoms"),
    "last_name": (
        "lastname", "last", "surname", "familyname", "nom", "nomdefamille", "nomdenaissance",
    ),
    "company": (
        "company", "companyname", "organization", "organisation", "org", "employer", "account",
        "accountname", "entreprise", "societe", "nomdelentreprise", "nomdelasociete",
        "raisonsociale", "structure",
    ),
    "title": (
        "title", "jobtitle", "position", "role", "job", "poste", "fonction", "intitule",
        "intituledeposte", "titre",
    ),
    "phone": (
        "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cellphone",
        "portable", "numerodetelephone", "numero", "telephoneportable",
    ),
    "timezone": ("timezone", "tz", "fuseauhoraire", "fuseau"),
    TAGS_FIELD: ("tags", "tag", "labels", "label", "etiquettes", "etiquette"),
}  # fmt: skip
HEADER_FIELDS: dict[str, str] = {
    synonym: field for field, synonyms in _HEADER_SYNONYMS.items() for synonym in synonyms
}
# Names a user may give after `--map COLUMN=` besides the synonyms above.
_TARGET_NAMES = {IGNORE: IGNORE, "skip": IGNORE, "-": IGNORE, "none": IGNORE}
_CUSTOM_PREFIX = "custom:"

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_TAG_SEPARATORS = re.compile(r"[,;|]")

# A conservative fast path for the common ASCII address: everything it accepts,
# email-validator accepts too (checked by a test), so the slow, exact validator
# only runs on the unusual ones. It cuts an import of 100,000 rows by ~2 s.
_ATOM = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_COMMON_ADDRESS = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+([a-z]{{2,63}})")
_SPECIAL_USE = frozenset(SPECIAL_USE_DOMAIN_NAMES)


def normalise_email(address: str) -> str:
    """The form under which an address is unique in a workspace: trimmed, lower-case."""
    return address.strip().lower()


@dataclass(frozen=True)
class AddressIssue:
    """Why an address is refused: a code and its parameters for a window to word, and the
    English sentence the command line prints (email-validator's own explanation in it).

    Codes: missing, no_at_sign, nothing_before_at, nothing_after_at, two_periods,
    misplaced_mark (params: mark, "." or "-"), domain_needs_period, bad_top_level_domain,
    special_use_domain, bad_characters_before_at / bad_characters_after_at (params:
    characters, as email-validator names them: "SPACE", "'('"), too_long, invalid.
    """

    code: str
    params: Mapping[str, object]
    message: str


# email-validator's explanations (its English, version 2) → our codes, first match wins.
_VALIDATOR_CODES: tuple[tuple[str, str], ...] = (
    ("must have an @-sign", "no_at_sign"),
    ("instead of a regular at-sign", "no_at_sign"),
    ("something before the @-sign", "nothing_before_at"),
    ("something after the @-sign", "nothing_after_at"),
    ("two periods in a row", "two_periods"),
    ("It should have a period", "domain_needs_period"),
    ("valid top-level domain", "bad_top_level_domain"),
    ("special-use or reserved", "special_use_domain"),
    ("too long", "too_long"),
    ("separated by so many characters", "too_long"),
    ("invalid characters before the @-sign", "bad_characters_before_at"),
    ("after the @-sign contains invalid characters", "bad_characters_after_at"),
    ("before the @-sign", "bad_characters_before_at"),
    ("after the @-sign", "bad_characters_after_at"),
)
_MISPLACED_MARK = re.compile(r"cannot (?:start|end|have) (?:with )?an? (period|hyphen)")
_LISTED_CHARACTERS = re.compile(r": (.+)\.$")


def validator_issue_code(explanation: str) -> tuple[str, dict[str, object]]:
    """email-validator's English explanation → (our code, its parameters)."""
    misplaced = _MISPLACED_MARK.search(explanation)
    if misplaced is not None:
        return "misplaced_mark", {"mark": "." if misplaced.group(1) == "period" else "-"}
    for phrase, code in _VALIDATOR_CODES:
        if phrase in explanation:
            if code.startswith("bad_characters"):
                listed = _LISTED_CHARACTERS.search(explanation)
                if listed is None:  # e.g. "not valid IDNA (…)": nothing precise to say
                    return "invalid", {}
                return code, {"characters": listed.group(1).split(", ")}
            return code, {}
    return "invalid", {}


def address_issue(address: str) -> AddressIssue | None:
    """None when `address` (already normalised) is a syntactically valid address, else why not."""
    if not address:
        return AddressIssue("missing", {}, "no email address")
    match = _COMMON_ADDRESS.fullmatch(address)
    if (
        match is not None
        and len(address) <= 254
        and address.index("@") <= 64
        and match.group(1) not in _SPECIAL_USE
    ):
        return None
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        code, params = validator_issue_code(str(error))
        return AddressIssue(code, params, f"invalid email address {address!r}: {error}")
    return None


def address_problem(address: str) -> str | None:
    """None when `address` (already normalised) is valid, else why not, in English."""
    issue = address_issue(address)
    return None if issue is None else issue.message


def normalise_header(text: str) -> str:
    """A header reduced to ASCII letters and digits: 'Prénom ' → 'prenom', 'E-mail' → 'email'."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub("", ascii_only)


@dataclass(frozen=True)
class ColumnTarget:
    """Where one CSV column goes: a standard field, tags, a custom field, or nowhere."""

    kind: str  # "field", "tags", "custom" or "ignore"
    name: str = ""


def target_for_name(name: str) -> ColumnTarget:
    """The target a user means by `name` in `--map COLUMN=name` (or a header means by itself)."""
    stripped = name.strip()
    if stripped.lower().startswith(_CUSTOM_PREFIX):
        custom = stripped[len(_CUSTOM_PREFIX) :].strip()
        if not custom:
            raise FluenzrError(f"--map: empty custom field name in {name!r}")
        return ColumnTarget("custom", custom)
    if stripped.lower() in _TARGET_NAMES:
        return ColumnTarget(IGNORE)
    field = HEADER_FIELDS.get(normalise_header(stripped))
    if field == TAGS_FIELD:
        return ColumnTarget("tags", TAGS_FIELD)
    if field is not None:
        return ColumnTarget("field", field)
    return ColumnTarget("custom", stripped)


class DuplicateColumns(FluenzrError):
    """Two columns of a file would fill the same field: one value would be lost."""


def auto_map(
    headers: Sequence[str],
    overrides: Mapping[str | int, str] | None = None,
    *,
    allow_duplicates: bool = False,
) -> list[ColumnTarget]:
    """One target per column: overrides first, then header synonyms, else a custom field.

    An override names its column by header (exact, else case-blind) or by position
    (an int, 0 for the first column). Two columns going to the same standard field,
    or to the same custom field, are refused with `DuplicateColumns` naming both
    (`Email` and `E-mail` are both the email field): one of the two values would be
    lost. `allow_duplicates=True` returns such a mapping as it is, for a front end that
    shows the clash and lets the user choose. Several tags columns are fine (their
    tags add up). Raises FluenzrError naming a column an override refers to that the
    file lacks.
    """
    resolved_overrides: dict[int, ColumnTarget] = {}
    for column, target_name in (overrides or {}).items():
        index = _column_index(headers, column)
        resolved_overrides[index] = target_for_name(target_name)

    targets: list[ColumnTarget] = []
    for index, header in enumerate(headers):
        if index in resolved_overrides:
            targets.append(resolved_overrides[index])
            continue
        if not header.strip():
            targets.append(ColumnTarget(IGNORE))
            continue
        target = target_for_name(header)
        if target.kind == IGNORE:
            target = ColumnTarget("custom", header.strip())
        targets.append(target)
    if not allow_duplicates:
        clash = duplicate_columns(targets)
        if clash is not None:
            raise DuplicateColumns(_duplicate_message(headers, targets, clash, resolved_overrides))
    return targets


def duplicate_columns(targets: Sequence[ColumnTarget]) -> tuple[int, int] | None:
    """The first two columns (positions) going to the same field or custom field, else None."""
    seen: dict[ColumnTarget, int] = {}
    for index, target in enumerate(targets):
        if target.kind not in ("field", "custom"):
            continue
        if target in seen:
            return seen[target], index
        seen[target] = index
    return None


def _duplicate_message(
    headers: Sequence[str],
    targets: Sequence[ColumnTarget],
    clash: tuple[int, int],
    explicit: Mapping[int, ColumnTarget],
) -> str:
    first, second = clash
    target = targets[first]
    what = (
        f"the {target.name} field"
        if target.kind == "field"
        else f"the custom field {target.name!r}"
    )
    # Suggest ignoring the column the user did not map himself, the later one by default.
    suggested = next((i for i in (second, first) if i not in explicit), second)
    option = f"{headers[suggested]}={IGNORE}"
    quoted = f"'{option}'" if "'" not in option else shlex.quote(option)
    return (
        f"columns {first + 1} and {second + 1} ({headers[first]!r}, {headers[second]!r}) "
        f"are both {what}: keep one, or map one with --map {quoted}"
    )


def _column_index(headers: Sequence[str], column: str | int) -> int:
    if isinstance(column, int):
        if 0 <= column < len(headers):
            return column
        raise FluenzrError(f"--map: no column {column + 1} (the file has {len(headers)})")
    return _find_column(headers, column)


def _find_column(headers: Sequence[str], column: str) -> int:
    for index, header in enumerate(headers):
        if header == column:
            return index
    wanted = column.strip().casefold()
    for index, header in enumerate(headers):
        if header.strip().casefold() == wanted:
            return index
    listed = ", ".join(repr(h) for h in headers)
    raise FluenzrError(f"--map: no column named {column!r} (columns: {listed})")


def parse_map_option(text: str) -> tuple[str, str]:
    """Split one `--map COLUMN=FIELD` value at its last '=' (field names never hold one)."""
    column, separator, field = text.rpartition("=")
    if not separator or not column.strip() or not field.strip():
        raise FluenzrError(f"--map: expected COLUMN=FIELD, got {text!r}")
    return column, field


def split_tags(cell: str) -> list[str]:
    """Tags written in one cell, separated by commas, semicolons or bars; blanks dropped."""
    return [tag.strip() for tag in _TAG_SEPARATORS.split(cell) if tag.strip()]


def clean_tag(tag: str) -> str:
    """A tag as stored: trimmed; refuses empty and over-long tags."""
    cleaned = tag.strip()
    if not cleaned:
        raise FluenzrError("a tag cannot be empty")
    if len(cleaned) > 100:
        raise FluenzrError(f"tag too long (over 100 characters): {cleaned[:20]!r}…")
    return cleaned


# The combining marks of Latin accents (é = e + U+0301): removed in one regex pass.
_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def fold_for_search(text: str) -> str:
    """`text` as searches compare it: case folded, accents dropped ("Éloïse" → "eloise").

    Case folding comes first so a letter that folds to a base letter plus a mark
    ("İ" → "i̇") loses the mark too; NFKD then splits "é" into "e" + a combining mark.
    """
    if text.isascii():  # most names and every plain address: no Unicode work needed
        return text.lower()
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    if decomposed.isascii():  # a Latin name: every mark is gone (4x faster on an import)
        return decomposed
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# The fields a contact search looks in, in the order of STANDARD_FIELDS (its first four).
SEARCHED_FIELDS: tuple[str, ...] = ("email", "first_name", "last_name", "company")

# Between two fields of a contact's search text: a term never matches across two fields.
SEARCH_FIELD_SEPARATOR = "\x1f"


def contact_search_text(
    email: str | None, first_name: str | None, last_name: str | None, company: str | None
) -> str:
    """What a contact search looks in: the folded address, names and company, apart."""
    # One fold of the joined text (the separator folds to itself): one call per contact
    # keeps a big import fast.
    return fold_for_search(
        SEARCH_FIELD_SEPARATOR.join((email or "", first_name or "", last_name or "", company or ""))
    )


def search_text_of(values: Mapping[str, Any]) -> str:
    """The search text of a contact given as field → value (missing fields are empty)."""
    return contact_search_text(*(values.get(name) for name in SEARCHED_FIELDS))


def fold_search_term(text: str) -> str:
    """A typed search term folded as contacts' search texts are; "" means no search."""
    # A pasted separator character would let a term match across two fields.
    return fold_for_search(text.replace(SEARCH_FIELD_SEPARATOR, "").strip())
