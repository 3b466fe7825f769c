"""Outgoing webhooks, the rules: event types, Standard Webhooks 1.0 signatures, retries.

Signature (Standard Webhooks 1.0): the receiver gets `webhook-id`, `webhook-timestamp`
(integer seconds) and `webhook-signature` = `v1,<base64 HMAC-SHA256(key, "id.ts.body")>`,
one per secret, space-separated while a secret is being rotated. A secret is `whsec_` +
base64 of its random key bytes. `tests/domain/test_webhook_rules.py` checks the
specification's published test vector.

Retries follow the specification's schedule: after a failed attempt, wait 5 s, 5 min,
30 min, 2 h, 5 h, 10 h, 14 h, 20 h, then 24 h (±10 % jitter, so many endpoints failing
together do not retry in step); a 429 or 503 with `Retry-After` waits what it asks
instead (at most a day). After the last retry the delivery fails and its endpoint is
disabled. 410 Gone disables the endpoint at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from .errors import FluenzrError

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 24
PING = "test.ping"
# Every type a user can subscribe to, in the order the window lists them.
EVENT_TYPES = (
    "email.sent",
    "email.bounced",
    "email.opened",
    "email.clicked",
    "reply.received",
    "lead.unsubscribed",
    "lead.status_changed",
    "sequence.completed",
    "campaign.status_changed",
    "mailbox.error",
)
# Event kind → the webhook type it is delivered as; other kinds are not webhooks.
WEBHOOK_TYPE_OF_KIND: dict[str, str] = {
    "sent": "email.sent",
    "bounced": "email.bounced",
    "opened": "email.opened",
    "open_proxied": "email.opened",
    "open_machine": "email.opened",
    "clicked": "email.clicked",
    "click_machine": "email.clicked",
    "replied": "reply.received",
    "auto_replied": "reply.received",
    "unsubscribed": "lead.unsubscribed",
    "complained": "lead.unsubscribed",
    "lead_status": "lead.status_changed",
    "completed": "sequence.completed",
    "campaign_status": "campaign.status_changed",
    "mailbox_error": "mailbox.error",
}
# The wait after the 1st, 2nd, … failed attempt; one more failure after the last gives up.
RETRY_SCHEDULE = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=14),
    timedelta(hours=20),
    timedelta(hours=24),
)
MAX_ATTEMPTS = len(RETRY_SCHEDULE) + 1
JITTER = 0.1
RETRY_AFTER_STATUSES = (429, 503)
MAX_RETRY_AFTER = timedelta(hours=24)
GONE = 410
TIMEOUT_SECONDS = 15.0


def new_secret() -> str:
    """A fresh signing secret, `whsec_` + base64 of 24 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _key(secret: str) -> bytes:
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded, validate=True)
    except ValueError:
        raise FluenzrError(f"not a webhook secret (whsec_ + base64): {secret[:10]}…") from None


def sign(secret: str, webhook_id: str, timestamp: int, body: str | bytes) -> str:
    """One signature, `v1,<base64>`, of `webhook_id.timestamp.body` with `secret`."""
    payload = body.encode() if isinstance(body, str) else body
    signed = f"{webhook_id}.{int(timestamp)}.".encode() + payload
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(
    secrets_in_force: Sequence[str], webhook_id: str, timestamp: int, body: str | bytes
) -> dict[str, str]:
    """The three Standard Webhooks headers; one signature per secret (rotation)."""
    if not secrets_in_force:
        raise FluenzrError("this webhook has no signing secret")
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(int(timestamp)),
        "webhook-signature": " ".join(
            sign(secret, webhook_id, timestamp, body) for secret in secrets_in_force
        ),
    }


def is_success(status: int) -> bool:
    """A 2xx answer: delivered."""
    return 200 <= status < 300


def retry_delay(failed_attempts: int, rng: random.Random | None = None) -> timedelta | None:
    """How long to wait after `failed_attempts` failures (1 = the first); None: give up."""
    if failed_attempts < 1 or failed_attempts > len(RETRY_SCHEDULE):
        return None
    base = RETRY_SCHEDULE[failed_attempts - 1]
    factor = 1 + (rng or random).uniform(-JITTER, JITTER)
    return base * factor


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """A `Retry-After` header (seconds or an HTTP date) as a wait; None when absent or bad.

    `now` is naive UTC. Capped at a day, never negative.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        wait = timedelta(seconds=int(value))
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        wait = when.astimezone(UTC).replace(tzinfo=None) - now
    return max(timedelta(0), min(wait, MAX_RETRY_AFTER))


def next_attempt(
    failed_attempts: int,
    status: int | None,
    retry_after_header: str | None,
    now: datetime,
    rng: random.Random | None = None,
) -> datetime | None:
    """When to try again after a failed attempt; None when the delivery has failed for good."""
    delay = retry_delay(failed_attempts, rng)
    if delay is None:
        return None
    if status in RETRY_AFTER_STATUSES:
        asked = retry_after(retry_after_header, now)
        if asked is not None:
            delay = asked
    return now + delay


def webhook_type(kind: str, detail: object = None) -> str | None:
    """The webhook type an `events` row of `kind` is delivered as; None when it is none.

    A bounce that is only a "delayed" warning (the server still tries) is not a bounce yet.
    """
    if kind == "bounced" and isinstance(detail, dict) and detail.get("final") is False:
        return None
    return WEBHOOK_TYPE_OF_KIND.get(kind)


# Why an endpoint is off, as stored (English, for the CLI and logs); `disabled_reason_parts`
# reads one back so the window can say it in the user's language.
DISABLED_BY_USER = "switched off by you"
SETTING_UP = "being set up: its signing secret was not stored"
GONE_REASON = "the receiver answered 410 Gone: it no longer takes these webhooks"
_GAVE_UP = re.compile(r"gave up after (\d+) attempts; last answer: (.*)", re.DOTALL)


def gave_up_reason(attempts: int, last_answer: str) -> str:
    """Why an endpoint was turned off after its last retry failed."""
    return f"gave up after {attempts} attempts; last answer: {last_answer}"


def disabled_reason_parts(reason: str | None) -> tuple[str, dict[str, str]]:
    """A stored reason as (code, params): by_user, setting_up, gone, gave_up or other."""
    text = reason or ""
    if text == DISABLED_BY_USER:
        return "by_user", {}
    if text == SETTING_UP:
        return "setting_up", {}
    if text == GONE_REASON:
        return "gone", {}
    if matched := _GAVE_UP.fullmatch(text):
        return "gave_up", {"attempts": matched.group(1), "answer": matched.group(2)}
    return "other", {"text": text}


def validate_event_types(names: Sequence[str]) -> tuple[str, ...]:
    """The subscribed types, checked; FluenzrError naming an unknown one and the list."""
    unknown = [name for name in names if name not in EVENT_TYPES]
    if unknown:
        raise FluenzrError(
            f"unknown webhook event type {unknown[0]!r}; choose from: {', '.join(EVENT_TYPES)}"
        )
    return tuple(dict.fromkeys(names))
