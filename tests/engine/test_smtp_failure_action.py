"""The SMTP failure policy on its own: the facts of one failed send → what the engine does."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fluenzr_desktop.engine.smtp_failures import (
    BACKOFF_MAX,
    MAX_ATTEMPTS,
    REJECTION_STREAK,
    Fail,
    Hold,
    Pause,
    RecordSent,
    Retry,
    smtp_failure_action,
)

NOW = datetime(2026, 1, 14, 9, 0)


def decide(kind: str, **facts):
    defaults = {"reason": f"SMTP {kind} failure", "hard": False, "maybe_sent": False,
                "found_in_sent": None, "attempts": 1, "rejections_in_a_row": 0, "now": NOW}  # fmt: skip
    return smtp_failure_action(kind=kind, **{**defaults, **facts})


@pytest.mark.parametrize("kind", ["temporary", "connection"])
def test_a_passing_failure_is_retried_with_a_doubling_back_off(kind):
    waits = [decide(kind, attempts=attempt).at - NOW for attempt in (1, 2, 3)]
    assert waits == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert decide(kind, reason="SMTP 451 Greylisted") == Retry(
        NOW + timedelta(minutes=1), "SMTP 451 Greylisted"
    )


def test_the_back_off_never_passes_its_ceiling():
    waits = [decide("temporary", attempts=n).at - NOW for n in range(1, MAX_ATTEMPTS)]
    assert waits == sorted(waits) and max(waits) <= BACKOFF_MAX


def test_after_the_last_try_the_contact_fails_saying_how_many_tries():
    action = decide("temporary", attempts=MAX_ATTEMPTS, reason="SMTP 451 busy")
    assert action == Fail(f"gave up after {MAX_ATTEMPTS} tries: SMTP 451 busy")


@pytest.mark.parametrize(
    ("kind", "label"), [("auth", "authentication"), ("sender", "sender address")]
)
def test_a_refused_login_or_sender_pauses_the_account(kind, label):
    action = decide(kind, reason="SMTP 535 bad credentials")
    assert action == Pause(f"SMTP {label} refused: SMTP 535 bad credentials")
    assert not action.give_back


def test_an_unknown_address_fails_the_contact_and_is_suppressed():
    assert decide("recipient", hard=True, reason="SMTP 550 User unknown") == Fail(
        "SMTP 550 User unknown", suppress=True
    )


def test_a_soft_recipient_refusal_fails_without_suppressing():
    assert decide("recipient", hard=False, reason="SMTP 552 Mailbox full") == Fail(
        "SMTP 552 Mailbox full"
    )


def test_a_refused_message_fails_its_contact_and_counts_toward_the_streak():
    action = decide("rejected", rejections_in_a_row=REJECTION_STREAK - 2)
    assert isinstance(action, Fail) and action.rejection and not action.suppress


def test_the_refusal_that_completes_the_streak_pauses_and_gives_the_contacts_back():
    action = decide("rejected", rejections_in_a_row=REJECTION_STREAK - 1, reason="SMTP 554 no")
    assert action == Pause(
        f"the server refused the last {REJECTION_STREAK} messages: SMTP 554 no", give_back=True
    )


def test_a_message_that_may_have_left_is_held_when_the_sent_folder_cannot_tell():
    action = decide("connection", maybe_sent=True, found_in_sent=None, reason="lost")
    assert action == Hold("held: the server may have accepted it (lost)")


def test_a_message_that_may_have_left_and_is_in_sent_is_recorded_as_sent():
    assert decide("connection", maybe_sent=True, found_in_sent=True) == RecordSent()


def test_a_message_that_may_have_left_but_is_not_in_sent_follows_its_kind():
    action = decide("connection", maybe_sent=True, found_in_sent=False, attempts=2)
    assert action == Retry(NOW + timedelta(minutes=2), "SMTP connection failure")


def test_the_sent_folder_is_not_consulted_for_a_failure_before_the_message_went_out():
    # found_in_sent means nothing unless the message may have left.
    assert isinstance(decide("temporary", maybe_sent=False, found_in_sent=True), Retry)
