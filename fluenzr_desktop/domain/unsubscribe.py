"""Unsubscribe tokens: which enrollment asked, and proof that we issued the token.

The token rides in `List-Unsubscribe: <mailto:SENDER?subject=unsubscribe-TOKEN>`;
an HMAC with the workspace's secret makes it impossible to forge for another
enrollment.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

TOKEN_PATTERN = re.compile(r"unsubscribe-([0-9]+)-([A-Za-z0-9_-]{16})")


def _tag(secret: bytes, enrollment_id: int) -> str:
    digest = hmac.new(secret, f"enrollment:{enrollment_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode().rstrip("=")


def make_token(secret: bytes, enrollment_id: int) -> str:
    """The token of one enrollment: its id and a 16-character HMAC tag."""
    return f"{enrollment_id}-{_tag(secret, enrollment_id)}"


def read_token(secret: bytes, text: str) -> int | None:
    """The enrollment id of a genuine token found in `text` (a subject), else None."""
    match = TOKEN_PATTERN.search(text)
    if match is None:
        return None
    enrollment_id = int(match.group(1))
    if hmac.compare_digest(match.group(2), _tag(secret, enrollment_id)):
        return enrollment_id
    return None
