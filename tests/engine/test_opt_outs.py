"""An opt-out holds forever: after the sequence ended, and after the contact was deleted."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from fluenzr_desktop.store.campaigns import contacts_for_enrollment, enroll, get_campaign
from fluenzr_desktop.store.models import Contact, Suppression

from .conftest import email, linear
from .inbox_world import reply

ONE_EMAIL = linear(email("Quick question, {{firstName}}", "Hi"))


def _finished_contact(room):
    """Ann got the one email of a campaign and her sequence is over."""
    world = room.world
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(ONE_EMAIL)
    world.tick()
    assert world.enrollment("ann@acme.io").state == "completed"
    return world


def _unsubscribe_subject(world) -> str:
    target = str(world.received_by("ann@acme.io")[0]["List-Unsubscribe"]).strip()
    return target.split("subject=")[1].rstrip(">")


def _enroll_everyone_in_a_new_campaign(world) -> tuple[int, list[dict[str, str]]]:
    campaign_id = world.new_campaign(ONE_EMAIL, emails=[], activate=False)
    with world.workspace.session() as session:
        rows, _unknown = contacts_for_enrollment(session, everyone=True)
        return enroll(session, get_campaign(session, campaign_id), rows)


def test_a_reply_asking_to_unsubscribe_after_the_sequence_ended_suppresses_the_address(
    mailroom, cli
):
    room = mailroom()
    world = _finished_contact(room)
    # A week later, from another mail client: no threading headers.
    world.clock.advance(timedelta(days=7))
    room.deliver(reply(sender="Ann <ann@acme.io>", subject="Stop",
                       body="Please unsubscribe me from your mailing list."))  # fmt: skip

    assert room.sync().unsubscribes == 1

    with world.workspace.sessions() as session:
        entry = session.scalars(select(Suppression)).one()
    assert (entry.value, entry.created_at) == ("ann@acme.io", world.clock.now())
    assert entry.reason == "unsubscribed by reply (Stop)"
    enrolled, skipped = _enroll_everyone_in_a_new_campaign(world)
    assert enrolled == 0
    assert skipped[0]["email"] == "ann@acme.io" and "unsubscribed" in skipped[0]["reason"]

    shown = cli("contacts", "show", "ann@acme.io", workspace=world.workspace.root)
    since = world.clock.now().isoformat() + "Z"
    assert f"  never mailed again since {since}: unsubscribed by reply (Stop)" in shown.stdout
    listed = cli("campaign", "enroll", "2", "--all", workspace=world.workspace.root)
    assert listed.stdout.splitlines()[0] == "0 enrolled, 1 skipped: 1 unsubscribed"


def test_the_unsubscribe_link_works_after_the_sequence_ended(mailroom):
    room = mailroom()
    world = _finished_contact(room)
    room.deliver(reply(sender="ann@acme.io", subject=_unsubscribe_subject(world), body=""))

    assert room.sync().unsubscribes == 1
    with world.workspace.sessions() as session:
        entry = session.scalars(select(Suppression)).one()
    assert (entry.value, entry.reason) == ("ann@acme.io", "unsubscribed with the unsubscribe link")
    assert _enroll_everyone_in_a_new_campaign(world)[0] == 0


def test_the_opt_out_holds_when_no_contact_has_the_address_any_more(mailroom, cli):
    room = mailroom()
    world = _finished_contact(room)
    subject = _unsubscribe_subject(world)
    room.sync()  # the watcher reads the inbox all along
    with world.workspace.session() as session:
        session.delete(session.scalars(select(Contact)).one())
    room.deliver(reply(sender="ann@acme.io", subject=subject, body=""))

    assert room.sync().unsubscribes == 1
    with world.workspace.sessions() as session:
        assert session.scalar(select(Suppression.value)) == "ann@acme.io"
    # Imported again later (an old spreadsheet), she is still never mailed.
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    assert _enroll_everyone_in_a_new_campaign(world)[0] == 0
    shown = cli("contacts", "show", "ann@acme.io", "--json", workspace=world.workspace.root)
    assert shown.json["suppressed"]["reason"] == "unsubscribed with the unsubscribe link"


def test_contacts_show_names_an_opt_out_whose_contact_is_gone(mailroom, cli):
    room = mailroom()
    world = _finished_contact(room)
    subject = _unsubscribe_subject(world)
    room.sync()
    with world.workspace.session() as session:
        session.delete(session.scalars(select(Contact)).one())
    room.deliver(reply(sender="ann@acme.io", subject=subject, body=""))
    room.sync()

    shown = cli("contacts", "show", "ann@acme.io", workspace=world.workspace.root)
    assert shown.code == 0, shown.stderr
    assert shown.stdout.startswith("ann@acme.io: no contact; never mailed again since ")
