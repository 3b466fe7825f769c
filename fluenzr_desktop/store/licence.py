"""The licence in force: verify a signed licence text, read the installed one, the plan.

The format, the keys and where the installed licence is kept are described in
`ops/licence.py` (installing a file is an operation; reading the plan in force is what
the engine, ops and the front ends all need, so it lives here, below the engine).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from ..domain.errors import FluenzrError
from ..domain.plans import (
    FREE,
    Licence,
    LicenceInvalid,
    canonical_licence_bytes,
    effective_plan,
    granted_features,
)
from .models import Setting

# The public half of FluenzR's licence key pair (the private half is never in the repo).
SHIPPED_PUBLIC_KEY = "qnNjY8Ng2hE21zXbhSbcvLbXgNdVKsMu6Y7kbL9Mq8o="
PUBLIC_KEY_VARIABLE = "FLUENZR_LICENCE_PUBLIC_KEY"
# Where the installed licence's text is kept (a settings row outside the known settings).
LICENCE_SETTING = "licence"
# A licence is a few hundred bytes: anything much bigger is another file chosen by mistake.
LICENCE_FILE_MAX_BYTES = 64 * 1024


class LicenceRefused(FluenzrError):
    """A licence file that is not a valid FluenzR licence; the message names the file."""


@dataclass(frozen=True)
class PlanStatus:
    """The plan in force and why: the installed licence (if any), whether it has expired.

    `features` are the features in force; `problem` is one line when an installed licence
    no longer verifies (the plan is then Free, and the line says so).
    """

    plan: str
    licence: Licence | None
    expired: bool
    features: frozenset[str]
    problem: str | None = None


def trusted_public_keys() -> list[Ed25519PublicKey]:
    """The keys a licence may be signed with: the shipped one, plus the env key when not frozen."""
    keys = [_public_key(SHIPPED_PUBLIC_KEY, "the shipped licence key")]
    extra = os.environ.get(PUBLIC_KEY_VARIABLE, "").strip()
    if extra and not getattr(sys, "frozen", False):
        keys.append(_public_key(extra, PUBLIC_KEY_VARIABLE))
    return keys


def _public_key(text: str, source: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise FluenzrError(
            f"{source}: not the base64 of a raw 32-byte Ed25519 public key"
        ) from None


def verify_licence(text: str, source: str) -> Licence:
    """The licence in a licence file's text, or LicenceRefused naming `source` and why."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise LicenceRefused(
            f"{source}: not a FluenzR licence (not JSON: {error.msg} at line {error.lineno})"
        ) from None
    if not isinstance(document, dict):
        raise LicenceRefused(f"{source}: not a FluenzR licence (expected a JSON object)")
    body, signature_text = document.get("licence"), document.get("signature")
    if not isinstance(body, dict) or not isinstance(signature_text, str):
        raise LicenceRefused(
            f'{source}: not a FluenzR licence (it needs a "licence" object and a "signature")'
        )
    try:
        signature = base64.b64decode(signature_text, validate=True)
        signed = canonical_licence_bytes(body)
    except (binascii.Error, ValueError):
        signature, signed = b"", b""
    if not signed or not _signed_by_a_trusted_key(signature, signed):
        raise LicenceRefused(
            f"{source}: the signature does not match — this file was altered "
            "or not issued for FluenzR"
        )
    try:
        return Licence.from_dict(body)
    except LicenceInvalid as error:
        raise LicenceRefused(f"{source}: {error}") from None


def _signed_by_a_trusted_key(signature: bytes, signed: bytes) -> bool:
    for key in trusted_public_keys():
        try:
            key.verify(signature, signed)
        except InvalidSignature:
            continue
        return True
    return False


def stored_licence(session: Session) -> Licence | None:
    """The installed licence, None when there is none; LicenceRefused if it no longer verifies."""
    row = session.get(Setting, LICENCE_SETTING)
    text = None if row is None else row.value
    if not isinstance(text, str):
        return None
    return verify_licence(text, "the installed licence")


def plan_in_force(session: Session, today: date) -> PlanStatus:
    """The plan in force on `today`, and why (never raises for a stored licence that no
    longer verifies: the plan is then Free and `problem` says why)."""
    try:
        licence = stored_licence(session)
    except FluenzrError as error:
        return PlanStatus(FREE, None, False, granted_features(None, today), str(error))
    expired = licence is not None and licence.expired(today)
    return PlanStatus(
        effective_plan(licence, today), licence, expired, granted_features(licence, today)
    )
