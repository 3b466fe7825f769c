"""Unsubscribe tokens: round trip, forgery refused, found inside a reply's subject."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.unsubscribe import make_token, read_token

SECRET = b"\x01" * 32
OTHER_SECRET = b"\x02" * 32


@pytest.mark.parametrize("enrollment_id", [1, 2, 42, 987654321])
def test_round_trip(enrollment_id):
    token = make_token(SECRET, enrollment_id)
    assert read_token(SECRET, f"unsubscribe-{token}") == enrollment_id


def test_token_is_mailto_safe():
    token = make_token(SECRET, 2)
    assert token.startswith("2-")
    assert all(ch.isalnum() or ch in "-_" for ch in token)


def test_a_token_altered_to_name_another_enrollment_is_refused():
    token = make_token(SECRET, 2)
    tag = token.split("-", 1)[1]
    assert read_token(SECRET, f"unsubscribe-3-{tag}") is None
    assert read_token(SECRET, f"unsubscribe-22-{tag}") is None


def test_a_token_with_a_tampered_tag_is_refused():
    token = make_token(SECRET, 2)
    last = "A" if token[-1] != "A" else "B"
    assert read_token(SECRET, f"unsubscribe-{token[:-1]}{last}") is None


def test_a_token_made_with_another_secret_is_refused():
    token = make_token(OTHER_SECRET, 2)
    assert read_token(SECRET, f"unsubscribe-{token}") is None
    assert make_token(OTHER_SECRET, 2) != make_token(SECRET, 2)


@pytest.mark.parametrize(
    "template",
    ["Re: unsubscribe-{token}", "RE: Fwd: unsubscribe-{token} please", "unsubscribe-{token}"],
)
def test_found_inside_a_subject(template):
    token = make_token(SECRET, 7)
    assert read_token(SECRET, template.format(token=token)) == 7


@pytest.mark.parametrize("text", ["", "Re: hello", "unsubscribe", "unsubscribe-7-short"])
def test_no_token_in_text(text):
    assert read_token(SECRET, text) is None
