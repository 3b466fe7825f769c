"""The webhook rules (domain/webhooks.py): Standard Webhooks signatures, retries, reasons."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.webhooks import (
    DISABLED_BY_USER,
    GONE_REASON,
    MAX_ATTEMPTS,
    RETRY_SCHEDULE,
    disabled_reason_parts,
    gave_up_reason,
    headers,
    new_secret,
    next_attempt,
    retry_after,
    sign,
    validate_event_types,
    webhook_type,
)

# The specification's published test vector (Standard Webhooks 1.0, reference libraries).
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = 1614265330
VECTOR_BODY = '{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_specifications_test_vector_is_signed_exactly():
    assert sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY) == VECTOR_SIGNATURE


def test_during_a_rotation_both_secrets_sign_space_separated():
    other = new_secret()
    sent = headers([VECTOR_SECRET, other], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)

    assert sent["webhook-id"] == VECTOR_ID
    assert sent["webhook-timestamp"] == str(VECTOR_TIMESTAMP)
    first, second = sent["webhook-signature"].split(" ")
    assert first == VECTOR_SIGNATURE
    assert second == sign(other, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY) != first
    assert other.startswith("whsec_") and new_secret() != other
    with pytest.raises(FluenzrError, match="no signing secret"):
        headers([], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)


def test_retries_follow_the_schedule_with_jitter_then_give_up():
    now = datetime(2026, 1, 1, 12, 0)  # any instant: only differences are checked
    rng = random.Random(7)
    waits = [next_attempt(n, 500, None, now, rng) - now for n in range(1, MAX_ATTEMPTS)]

    assert len(waits) == 9 == len(RETRY_SCHEDULE)
    for wait, planned in zip(waits, RETRY_SCHEDULE, strict=True):
        assert planned * 0.9 <= wait <= planned * 1.1
    assert RETRY_SCHEDULE[0] == timedelta(seconds=5) and RETRY_SCHEDULE[-1] == timedelta(hours=24)
    assert next_attempt(MAX_ATTEMPTS, 500, None, now, rng) is None


def test_retry_after_is_honoured_on_429_and_503_only_and_capped_at_a_day():
    now = datetime(2026, 1, 1, 12, 0)

    assert next_attempt(1, 429, "120", now) == now + timedelta(seconds=120)
    assert next_attempt(1, 503, "Thu, 01 Jan 2026 12:10:00 GMT", now) == now + timedelta(minutes=10)
    assert next_attempt(1, 500, "120", now) - now < timedelta(seconds=6)  # not honoured
    assert retry_after("999999", now) == timedelta(hours=24)
    assert retry_after("soon", now) is None
    assert retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now) == timedelta(0)


def test_disabled_reasons_are_read_back_for_the_window():
    assert disabled_reason_parts(DISABLED_BY_USER) == ("by_user", {})
    assert disabled_reason_parts(GONE_REASON) == ("gone", {})
    assert disabled_reason_parts(gave_up_reason(10, "HTTP 500")) == (
        "gave_up",
        {"attempts": "10", "answer": "HTTP 500"},
    )
    assert disabled_reason_parts("something new") == ("other", {"text": "something new"})


def test_event_kinds_map_to_webhook_types_and_subscriptions_are_checked():
    assert webhook_type("replied") == webhook_type("auto_replied") == "reply.received"
    assert webhook_type("open_machine") == "email.opened"
    assert webhook_type("bounced", {"final": True}) == "email.bounced"
    assert webhook_type("bounced", {"final": False}) is None  # only "delayed": not yet
    assert webhook_type("skipped") is None
    assert validate_event_types(["email.sent", "email.sent"]) == ("email.sent",)
    with pytest.raises(FluenzrError, match=r"unknown webhook event type 'email\.nope'"):
        validate_event_types(["email.nope"])
