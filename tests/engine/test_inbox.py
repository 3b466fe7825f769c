"""A reply stops the sequence; bounces, auto-replies and unsubscribes are told apart."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select

from fluenzr_desktop.store.models import Event, Suppression

from .conftest import delay, email, linear
from .inbox_world import reply

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
TWO_STEPS = linear(email("Quick question, {{firstName}}", "Hi"), delay(2, "days"),
                   email("", "Following up"))  # fmt: skip


def first_message_id(world, address: str) -> str:
    return str(world.received_by(address)[0]["Message-ID"])


def test_a_threaded_reply_stops_the_sequence_before_the_next_step(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    room.deliver(reply(sender="Ann <Ann@Acme.io>", subject="Re: Quick question, Ann",
                       body="Yes, let's talk on Tuesday.\n\nOn Wed, Zoë wrote:\n> Hi",
                       in_reply_to=first_message_id(world, "ann@acme.io")))  # fmt: skip

    world.clock.advance(timedelta(days=2, minutes=1))
    world.tick()  # the reply check before the follow-up reads the inbox

    assert len(world.received_by("ann@acme.io")) == 1
    assert len(world.received_by("bob@globex.com")) == 2
    ann = world.enrollment("ann@acme.io")
    assert ann.state == "replied" and ann.next_action_at is None
    with world.workspace.sessions() as session:
        event = session.scalars(select(Event).where(Event.kind == "replied")).one()
    assert event.detail["text"].strip() == "Yes, let's talk on Tuesday."


def test_a_reply_without_threading_headers_matches_by_address(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    room.deliver(reply(sender="ANN@ACME.IO", subject="your email", body="Call me."))

    assert room.sync().to_dict() == {"replies": 1, "auto_replies": 0, "bounces": 0,
                                     "unsubscribes": 0, "ignored": 0}  # fmt: skip
    assert world.enrollment("ann@acme.io").state == "replied"


def test_a_second_sync_with_nothing_new_counts_nothing(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    room.deliver(reply(sender="ann@acme.io", subject="Re", body="Yes",
                       in_reply_to=first_message_id(world, "ann@acme.io")))  # fmt: skip
    room.deliver(reply(sender="someone@else.org", subject="Lunch?", body="Unrelated"))
    first = room.sync().to_dict()
    assert first["replies"] == 1 and first["ignored"] == 1
    assert set(room.sync().to_dict().values()) == {0}


def test_reply_stops_other_campaigns_that_ask_for_it(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    keeps_going = linear(email("Newsletter"), delay(1, "days"), email("", "More"),
                         stop_on_reply=False)  # fmt: skip
    other = world.new_campaign(keeps_going)
    world.tick()
    room.deliver(reply(sender="ann@acme.io", subject="Re", body="Interested",
                       in_reply_to=first_message_id(world, "ann@acme.io")))  # fmt: skip
    room.sync()
    states = {e.campaign_id: e.state for e in [world.enrollment("ann@acme.io", c)
                                                for c in world.campaigns]}  # fmt: skip
    assert states[world.campaigns[0]] == "replied"
    assert states[other] == "in_progress"


def test_hard_bounce_errors_the_contact_and_suppresses_the_address(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ghost@acme.io,Ghost,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    original = world.received_by("ghost@acme.io")[0].raw.decode()
    bounce = (
        "From: Mail Delivery System <MAILER-DAEMON@mx.acme.io>\r\n"
        "To: founder@startup.io\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        "Message-ID: <bounce-1@mx.acme.io>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.acme.io\r\n"
        "\r\nFinal-Recipient: rfc822; ghost@acme.io\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <ghost@acme.io>: Recipient address rejected: "
        "User unknown\r\n"
        f"--B\r\nContent-Type: message/rfc822\r\n\r\n{original}\r\n--B--\r\n"
    )
    room.deliver(bounce)

    assert room.sync().bounces == 1
    ghost = world.enrollment("ghost@acme.io")
    assert ghost.state == "error" and "User unknown" in ghost.last_error
    with world.workspace.sessions() as session:
        assert session.scalar(select(Suppression.value)) == "ghost@acme.io"


def test_unsubscribe_mail_with_our_token_unsubscribes_everywhere(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.new_campaign(linear(email("Another"), delay(1, "days"), email("", "Again")))
    world.tick()
    target = str(world.received_by("ann@acme.io")[0]["List-Unsubscribe"]).strip()
    subject = target.split("subject=")[1].rstrip(">")
    room.deliver(reply(sender="ann@acme.io", subject=subject, body=""))

    assert room.sync().unsubscribes == 1
    assert {world.enrollment("ann@acme.io", c).state for c in world.campaigns} == {"unsubscribed"}
    with world.workspace.sessions() as session:
        assert session.scalar(select(Suppression.value)) == "ann@acme.io"
    world.clock.advance(timedelta(days=3))
    world.tick()
    assert len(world.received_by("ann@acme.io")) == 2  # the two first emails, nothing more


def test_a_forged_unsubscribe_token_is_not_obeyed(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    bob = world.enrollment("bob@globex.com")
    room.deliver(reply(sender="mallory@evil.io", subject=f"unsubscribe-{bob.id}-AAAAAAAAAAAAAAAA",
                       body=""))  # fmt: skip
    room.sync()
    assert world.enrollment("bob@globex.com").state == "in_progress"


def test_out_of_office_keeps_the_sequence_and_waits_for_the_return(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()  # a Wednesday, 10:00 in Paris
    back = world.clock.now().date() + timedelta(days=10)  # a Saturday
    room.deliver(reply(sender="ann@acme.io", subject="Automatic reply: Quick question, Ann",
                       body=f"I am out of the office and back on {back.day} {MONTHS[back.month - 1]}.",
                       headers={"Auto-Submitted": "auto-replied"},
                       in_reply_to=first_message_id(world, "ann@acme.io")))  # fmt: skip

    assert room.sync().auto_replies == 1
    ann = world.enrollment("ann@acme.io")
    assert ann.state == "in_progress"
    day_after = datetime.combine(back + timedelta(days=1), time(0))
    assert ann.next_action_at >= day_after
    world.clock.set(day_after - timedelta(days=3))
    assert world.tick().sent == 0
    world.clock.set(day_after + timedelta(hours=9))
    assert world.tick().sent == 1


def test_first_sync_ignores_mail_from_before_the_first_campaign_email(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    old = reply(sender="ann@acme.io", subject="Old thread", body="From last year").replace(
        "Date: ", "X-Old: ", 1
    )
    last_year = world.clock.now() - timedelta(days=330)
    room.dovecot.append(room.user, "INBOX", old.encode(), when=last_year)
    world.new_campaign(TWO_STEPS)
    world.tick()
    assert set(room.sync().to_dict().values()) == {0}
    assert world.enrollment("ann@acme.io").state == "in_progress"


def test_triage_reads_folded_and_repeated_header_fields():
    from fluenzr_desktop.engine.inbox import header_fields

    fields = header_fields(
        b"From: Ann <Ann@Acme.io>\r\nReferences: <a@x>\r\n\t<b@x>\r\n"
        b"Subject: first\r\nsubject: second\r\nX-Broken line without colon\r\n\r\n"
    )
    assert fields.get("FROM") == "Ann <Ann@Acme.io>"
    assert fields.get("References") == "<a@x> <b@x>"
    assert fields.get("Subject") == "first"
    assert fields.get("In-Reply-To") is None
