"""While the engine runs, the inbox is watched (IDLE): a reply is noticed within seconds,
also after the IMAP server restarted; and the commands that show it."""

from __future__ import annotations

import time

from .conftest import delay, email, linear
from .inbox_world import reply

TWO_STEPS = linear(email("Quick question"), delay(2, "days"), email("", "Following up"))


def wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_idle_notices_a_reply_within_seconds_and_survives_a_server_restart(mailroom):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    service = world.service
    service.tick_seconds = 3600  # only the watcher matters here
    service.start()
    try:
        assert wait_for(lambda: service.inbox.last_sync(world.account_id) is not None)
        time.sleep(0.3)  # the watcher is now in IDLE
        room.deliver(reply(sender="ann@acme.io", subject="Re: Quick question", body="Yes!"))
        started = time.monotonic()
        assert wait_for(lambda: world.enrollment("ann@acme.io").state == "replied")
        assert time.monotonic() - started < 5

        room.dovecot.restart()
        room.deliver(reply(sender="bob@globex.com", subject="Re: Quick question", body="No"))
        assert wait_for(lambda: world.enrollment("bob@globex.com").state == "replied", 20)
    finally:
        service.stop()


def test_inbox_sync_and_contacts_show_commands(mailroom, cli, memory_keyring):
    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    room.deliver(reply(sender="ann@acme.io", subject="Re: Quick question",
                       body="Happy to chat.\n\n> Quick question"))  # fmt: skip

    result = cli("inbox", "sync", "--json", workspace=world.workspace.root)
    assert result.code == 0, result.stderr
    assert result.json == {"replies": 1, "auto_replies": 0, "bounces": 0, "unsubscribes": 0,
                           "ignored": 0}  # fmt: skip
    shown = cli("contacts", "show", "ANN@acme.io", "--json", workspace=world.workspace.root)
    assert shown.code == 0
    assert shown.json["enrollments"][0]["state"] == "replied"
    kinds = [event["kind"] for event in shown.json["events"]]
    assert kinds[0] == "replied" and "sent" in kinds
    assert shown.json["events"][0]["detail"]["text"].strip() == "Happy to chat."
    text = cli("contacts", "show", "ann@acme.io", workspace=world.workspace.root).stdout
    assert "replied" in text and "Happy to chat." in text
    missing = cli("inbox", "sync", "--account", "99", workspace=world.workspace.root)
    assert missing.code == 1 and "no account with id 99" in missing.stderr


def test_one_refused_account_does_not_hide_the_others(mailroom, cli, memory_keyring):
    from fluenzr_desktop.store.accounts import add_account

    room = mailroom()
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(TWO_STEPS)
    world.tick()
    room.deliver(reply(sender="ann@acme.io", subject="Re: Quick question", body="Yes"))
    with world.workspace.session() as session:
        broken = add_account(
            session, name="Old", email="old@startup.io", smtp_host="127.0.0.1", smtp_port=25,
            smtp_security="none", imap_host=room.dovecot.host, imap_port=room.dovecot.port,
            imap_security="none", username=room.user,
        )  # fmt: skip
        broken_id = broken.id
    world.workspace.secret_store().set_password(broken_id, "wrong password")

    result = cli("inbox", "sync", "--json", workspace=world.workspace.root)

    assert result.code == 1
    assert result.json["replies"] == 1
    assert [error["account"] for error in result.json["errors"]] == [broken_id]
    assert "wrong password" not in result.stdout + result.stderr
    assert world.enrollment("ann@acme.io").state == "replied"
