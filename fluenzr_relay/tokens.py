"""Signed tracking tokens and the shared key file (stdlib only: imported by the relay and the app).

A key file holds one `KID:SECRET` per line; the first key signs, every key verifies (rotation).
A token is `KID.PAYLOAD.SIG`: PAYLOAD is base64url compact JSON of opaque ids (send id, link
index, destination), SIG the first 22 characters of base64url HMAC-SHA256 over `KID.PAYLOAD`.
Reading a token never raises: anything but a well-formed, well-signed token of the asked kind
gives None. The contract is fixed by issue 14 (the app and its relay share it).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

KID_PATTERN = re.compile(r"[A-Za-z0-9]{1,16}")
BASE64URL_PATTERN = re.compile(r"[A-Za-z0-9_-]*")
SEND_ID_PATTERN = re.compile(r"[0-9a-f]{32}")
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
MIN_SECRET_BYTES = 32
MAX_TOKEN_LENGTH = 4096
SIGNATURE_LENGTH = 22
TOKEN_KINDS = ("o", "c", "u")
EVENTS_BEARER_MESSAGE = b"fluenzr-relay events v1"
_CLICK_FIELDS = frozenset({"k", "s", "l", "h", "u"})
_OTHER_FIELDS = frozenset({"k", "s"})


class KeyFileError(ValueError):
    """A key file that cannot be used; the message is one line naming the file and line."""


def _b64encode(data: bytes) -> str:
    """base64url without padding, as every part of a token and a key is written."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes | None:
    """Strict base64url without padding; None when the text is not exactly that."""
    if len(text) % 4 == 1 or not BASE64URL_PATTERN.fullmatch(text):
        return None
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None


class RelayKeys:
    """The ordered keys shared by a workspace and its relay: the first signs, all verify."""

    __slots__ = ("_by_kid", "_keys")

    def __init__(self, keys: Iterable[tuple[str, bytes]]) -> None:
        ordered = tuple(keys)
        if not ordered:
            raise ValueError("a key set needs at least one key")
        by_kid: dict[str, bytes] = {}
        for kid, secret in ordered:
            if not KID_PATTERN.fullmatch(kid):
                raise ValueError(f"key id {kid!r} is not 1 to 16 letters or digits")
            if len(secret) < MIN_SECRET_BYTES:
                raise ValueError(f"key {kid}: the secret is shorter than {MIN_SECRET_BYTES} bytes")
            if kid in by_kid:
                raise ValueError(f"key id {kid} is listed twice")
            by_kid[kid] = secret
        self._keys = ordered
        self._by_kid = by_kid

    @classmethod
    def parse(cls, text: str, source: str = "<key file>") -> RelayKeys:
        """Keys from the text of a key file; KeyFileError names `source` and the bad line."""
        keys: list[tuple[str, bytes]] = []
        seen: set[str] = set()
        for number, raw_line in enumerate(text.splitlines(), start=1):
            line = raw_line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{source}, line {number}"
            kid, colon, encoded = line.partition(":")
            if not colon:
                raise KeyFileError(f"{where}: expected KID:SECRET")
            if not KID_PATTERN.fullmatch(kid):
                raise KeyFileError(f"{where}: the key id must be 1 to 16 letters or digits")
            if kid in seen:
                raise KeyFileError(f"{where}: key id {kid} is listed twice")
            secret = _b64decode(encoded)
            if secret is None:
                raise KeyFileError(f"{where}: the secret is not base64url without padding")
            if len(secret) < MIN_SECRET_BYTES:
                raise KeyFileError(
                    f"{where}: the secret is {len(secret)} bytes, at least {MIN_SECRET_BYTES} needed"
                )
            seen.add(kid)
            keys.append((kid, secret))
        if not keys:
            raise KeyFileError(f"{source}: no key in the file")
        return cls(keys)

    @classmethod
    def load(cls, path: str | Path) -> RelayKeys:
        """Keys from a key file on disk; KeyFileError when it is missing, unreadable or bad."""
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise KeyFileError(f"{path}: cannot read the key file ({error.strerror})") from None
        for number, raw_line in enumerate(data.split(b"\n"), start=1):
            try:
                raw_line.decode("utf-8")
            except UnicodeDecodeError:
                raise KeyFileError(f"{path}, line {number}: not UTF-8 text") from None
        return cls.parse(data.decode("utf-8"), source=str(path))

    @classmethod
    def generate(cls, kid: str) -> RelayKeys:
        """A new key set holding one fresh random key named `kid`."""
        return cls([(kid, secrets.token_bytes(MIN_SECRET_BYTES))])

    def followed_by(self, older: RelayKeys) -> RelayKeys:
        """These keys first (they sign), then `older`'s (they still verify): a rotation."""
        return RelayKeys([*self._keys, *older._keys])

    def to_text(self) -> str:
        """The key file text for these keys, signing key first."""
        return "".join(f"{kid}:{_b64encode(secret)}\n" for kid, secret in self._keys)

    @property
    def signing_kid(self) -> str:
        """The id of the key that signs new tokens (the first)."""
        return self._keys[0][0]

    @property
    def kids(self) -> tuple[str, ...]:
        """Every key id, signing key first."""
        return tuple(kid for kid, _ in self._keys)

    def secret(self, kid: str) -> bytes | None:
        """The secret of `kid`, or None when no such key is listed."""
        return self._by_kid.get(kid)

    def __repr__(self) -> str:  # never show a secret
        return f"RelayKeys(kids={self.kids!r})"


def _signature(secret: bytes, signed_part: str) -> str:
    digest = hmac.digest(secret, signed_part.encode("ascii"), "sha256")
    return _b64encode(digest)[:SIGNATURE_LENGTH]


def _is_index(value: Any) -> bool:
    return type(value) is int and value >= 0


def _is_destination(value: Any) -> bool:
    """An absolute http(s) URL with a host and no control characters (it becomes a header)."""
    if not isinstance(value, str) or not value or CONTROL_CHARACTER.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def fields_problem(fields: Any) -> str | None:
    """Why these token fields break the contract's shape, or None when they are right."""
    if not isinstance(fields, dict):
        return "the fields are not an object"
    kind = fields.get("k")
    if kind not in TOKEN_KINDS:
        return 'the kind "k" must be "o", "c" or "u"'
    send_id = fields.get("s")
    if not isinstance(send_id, str) or not SEND_ID_PATTERN.fullmatch(send_id):
        return 'the send id "s" must be 32 lowercase hex characters'
    allowed = _CLICK_FIELDS if kind == "c" else _OTHER_FIELDS
    extra = set(fields) - allowed
    if extra:
        return f"unexpected field(s) {', '.join(sorted(extra))} for kind {kind}"
    if kind != "c":
        return None
    if "h" in fields:
        if type(fields["h"]) is not int or fields["h"] != 1:
            return 'the honeypot flag "h" must be 1'
        if "u" in fields or "l" in fields:
            return 'the honeypot link has no "u" and no "l"'
        return None
    if "l" in fields and not _is_index(fields["l"]):
        return 'the link index "l" must be an integer >= 0'
    if not _is_destination(fields.get("u")):
        return 'a click needs an http or https destination "u"'
    return None


def make_token(keys: RelayKeys, fields: dict) -> str:
    """A token for `fields`, signed with the signing key; ValueError if the fields are wrong."""
    problem = fields_problem(fields)
    if problem:
        raise ValueError(problem)
    payload = _b64encode(json.dumps(fields, separators=(",", ":"), sort_keys=True).encode("ascii"))
    kid = keys.signing_kid
    signed_part = f"{kid}.{payload}"
    token = f"{signed_part}.{_signature(keys.secret(kid), signed_part)}"
    if len(token) > MAX_TOKEN_LENGTH:
        raise ValueError(f"the token would be {len(token)} characters, at most {MAX_TOKEN_LENGTH}")
    return token


def read_token(keys: RelayKeys, token: str, kind: str) -> dict | None:
    """The fields of a genuine token of `kind`, else None (forged, truncated, other kind, …)."""
    verified = verify_token(keys, token, kind)
    return verified[0] if verified else None


def verify_token(keys: RelayKeys, token: str, kind: str) -> tuple[dict, str, str] | None:
    """(fields, their signed JSON text, key id) of a genuine token of `kind`, else None."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        return None
    parts = token.split(".")
    if len(parts) != 3:
        return None
    kid, payload, signature = parts
    secret = keys.secret(kid)
    if secret is None or len(signature) != SIGNATURE_LENGTH:
        return None
    if not hmac.compare_digest(signature, _signature(secret, f"{kid}.{payload}")):
        return None
    raw = _b64decode(payload)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
        fields = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if fields_problem(fields) is not None or fields["k"] != kind:
        return None
    return fields, text, kid


def events_bearer(keys: RelayKeys) -> str:
    """The bearer token the app sends to `GET /v1/events`, derived from the signing key."""
    return _bearer(keys.secret(keys.signing_kid))


def accepted_bearers(keys: RelayKeys) -> tuple[str, ...]:
    """The bearer of every listed key: the relay accepts any (the app may still sign with an old one)."""
    return tuple(_bearer(keys.secret(kid)) for kid in keys.kids)


def _bearer(secret: bytes) -> str:
    return _b64encode(hmac.digest(secret, EVENTS_BEARER_MESSAGE, "sha256"))
