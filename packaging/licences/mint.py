"""Make a signed FluenzR licence file from the private key (kept outside the repository).

    python packaging/licences/mint.py --private-key KEY.pem --plan free|starter|pro \
        --to NAME --email E [--expires YYYY-MM-DD] -o FILE

The file's format and the bytes signed are those `fluenzr_desktop/ops/licence.py`
verifies (`domain.plans.canonical_licence_bytes`, the one definition of both sides).
`--issued` defaults to today; `--expires` is the day the licence stops working.
Errors are one line on stderr, exit status 1.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from a checkout

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fluenzr_desktop.domain.plans import (
    PLANS,
    Licence,
    LicenceInvalid,
    canonical_licence_bytes,
    plan_features,
)


class MintError(Exception):
    """A refusal of this script, shown as one line."""


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The Ed25519 private key of a PEM file (PKCS#8, unencrypted)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as error:
        raise MintError(f"{path}: cannot read ({error.strerror})") from None
    except (ValueError, TypeError) as error:
        raise MintError(f"{path}: not an unencrypted PEM private key ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise MintError(f"{path}: not an Ed25519 private key")
    return key


def mint(key: Ed25519PrivateKey, licence: Licence) -> str:
    """The text of a licence file for `licence`, signed with `key`."""
    body = licence.to_dict()
    signature = key.sign(canonical_licence_bytes(body))
    document = {"licence": body, "signature": base64.b64encode(signature).decode("ascii")}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MintError(f"{option}: expected a date YYYY-MM-DD, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, sign, write the file; 0 on success, 1 on a refusal."""
    parser = argparse.ArgumentParser(description="Make a signed FluenzR licence file.")
    parser.add_argument("--private-key", required=True, type=Path, metavar="KEY.pem")
    parser.add_argument("--plan", required=True, choices=PLANS)
    parser.add_argument("--to", required=True, metavar="NAME", help="the licensee")
    parser.add_argument("--email", required=True, metavar="E")
    parser.add_argument("--expires", metavar="YYYY-MM-DD", help="default: never")
    parser.add_argument("--issued", metavar="YYYY-MM-DD", help="default: today (UTC)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    try:
        issued = _day(args.issued, "--issued") if args.issued else datetime.now(UTC).date()
        expires = _day(args.expires, "--expires") if args.expires else None
        if expires is not None and expires <= issued:
            raise MintError(f"--expires: {expires} is not after the issue date {issued}")
        features = tuple(sorted(plan_features(args.plan)))
        licence = Licence.from_dict(
            Licence(args.plan, args.to, args.email, issued, expires, features).to_dict()
        )
        text = mint(load_private_key(args.private_key), licence)
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise MintError(f"{args.output}: cannot write ({error.strerror})") from None
    except (MintError, LicenceInvalid) as error:
        print(f"mint: error: {error}", file=sys.stderr)
        return 1
    print(f"{args.output}: {args.plan} licence for {args.to} <{args.email}>")
    return 0


if __name__ == "__main__":
    sys.exit(main())
