"""Real-shaped mail through a real IMAP server: replies as each client writes them, with and
without threading headers; out-of-office mail; malformed mail never stops the watcher."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import compat32
from pathlib import Path

import pytest
from sqlalchemy import select

from fluenzr_desktop.store.models import Event

from .conftest import delay, email, linear

SAMPLES = Path(__file__).resolve().parents[1] / "mail" / "samples"
REPLIES = ["gmail_reply", "gmail_reply_fr", "outlook_desktop_reply", "outlook_web_reply",
           "outlook_reply_fr", "apple_mail_reply", "thunderbird_reply", "thunderbird_bottom_post",
           "html_only_reply_gmail", "html_only_reply_apple"]  # fmt: skip
OUT_OF_OFFICE = ["ooo_en_outlook", "ooo_en_gmail_vacation", "ooo_fr", "ooo_de", "ooo_es",
                 "ooo_it", "ooo_nl", "ooo_lotus_auto"]  # fmt: skip
MALFORMED = ["malformed_broken_boundary", "malformed_invalid_utf8", "malformed_unknown_charset"]


def as_if_from(sample: str, contact: str, our_id: str | None) -> bytes:
    """The sample re-addressed: sent by our contact, threaded to our email (or not)."""
    message = message_from_bytes((SAMPLES / f"{sample}.eml").read_bytes(), policy=compat32)
    del message["From"]
    message["From"] = contact
    for header in ("In-Reply-To", "References"):
        del message[header]
        if our_id:
            message[header] = our_id
    return message.as_bytes()


def start(room):
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email("Quick question"), delay(2, "days"), email("", "Again")))
    world.tick()
    return world, str(world.received_by("ann@acme.io")[0]["Message-ID"])


@pytest.mark.parametrize("threaded", [True, False], ids=["threaded", "unthreaded"])
@pytest.mark.parametrize("sample", REPLIES)
def test_client_replies_stop_the_sequence_and_keep_only_the_new_text(mailroom, sample, threaded):
    room = mailroom()
    world, our_id = start(room)
    room.deliver(as_if_from(sample, "Ann <ann@acme.io>", our_id if threaded else None))

    assert room.sync().replies == 1
    assert world.enrollment("ann@acme.io").state == "replied"
    with world.workspace.sessions() as session:
        text = session.scalars(select(Event).where(Event.kind == "replied")).one().detail["text"]
    assert text.strip()
    assert "Quick question" not in text and ">" not in text.strip()[:1]


@pytest.mark.parametrize("sample", OUT_OF_OFFICE)
def test_out_of_office_mail_is_an_auto_reply_and_the_sequence_goes_on(mailroom, sample):
    room = mailroom()
    world, our_id = start(room)
    room.deliver(as_if_from(sample, "ann@acme.io", our_id))
    assert room.sync().auto_replies == 1
    assert world.enrollment("ann@acme.io").state == "in_progress"


def test_malformed_mail_is_skipped_or_read_and_the_watcher_goes_on(mailroom):
    room = mailroom()
    _world, our_id = start(room)
    for sample in MALFORMED:
        room.deliver(as_if_from(sample, "ann@acme.io", our_id))
    room.deliver(b"\x00\xff garbage without headers\r\n")
    report = room.sync()
    assert sum(report.to_dict().values()) == 4
    # Nothing is stuck: a later sync starts after them and counts nothing again.
    assert set(room.sync().to_dict().values()) == {0}
