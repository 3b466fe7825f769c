"""A 10,000-message mailbox: the first sync reads headers, and bodies only of what matters."""

from __future__ import annotations

from datetime import UTC, timedelta
from email.utils import format_datetime

import pytest
from imapclient import IMAPClient

from .conftest import delay, email, linear
from .inbox_world import reply


@pytest.mark.heavy
def test_first_sync_of_a_10000_message_mailbox_finds_the_replies(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts([f"p{i}@client{i}.com,P{i},Client" for i in range(50)])
    world.new_campaign(linear(email(), delay(3, "days"), email("", "Again")))
    world.tick()
    world.clock.advance(timedelta(hours=1))
    start = world.clock.now().replace(tzinfo=UTC)
    with IMAPClient(room.dovecot.host, room.dovecot.port, ssl=False) as client:
        client.login(room.user, "s3cret!")
        batch = []
        for index in range(10_000):
            if index % 400 == 0:
                text = reply(sender=f"p{index // 400}@client{index // 400}.com",
                             subject="Re: Hello", body="Interested, call me.")  # fmt: skip
            else:
                text = (f"From: digest{index % 13}@news.example\r\nSubject: Digest {index}\r\n"
                        f"Date: {format_datetime(start)}\r\nMessage-ID: <d{index}@news.example>"
                        "\r\n\r\n" + "Lorem ipsum. " * 30 + "\r\n")  # fmt: skip
            batch.append({"msg": text.encode(), "date": start + timedelta(seconds=index)})
            if len(batch) == 1000:
                client.multiappend("INBOX", batch)
                batch = []

    report = room.sync().to_dict()

    assert report == {"replies": 25, "auto_replies": 0, "bounces": 0, "unsubscribes": 0,
                      "ignored": 9975}  # fmt: skip
    replied = [i for i in range(50) if world.enrollment(f"p{i}@client{i}.com").state == "replied"]
    assert replied == list(range(25))
    assert set(room.sync().to_dict().values()) == {0}  # and nothing twice
