"""No follow-up to anyone whose address failed, who replied or who opted out: the whole corpus.

Every real sample of `tests/mail/corpus/` that should stop a contact (a final bounce, a
reply, an unsubscribe request, a complaint) is delivered to the account's real IMAP inbox
after the first email went out; at the next step, the SMTP server must receive nothing for
those contacts, while a contact who said nothing gets the follow-up.
"""

from __future__ import annotations

from datetime import timedelta
from email.utils import parseaddr

from sqlalchemy import select

from fluenzr_desktop.mail.classify import parse_bytes
from fluenzr_desktop.store.models import Contact, Suppression
from tests.mail.test_corpus import CORPUS, manifest, recipients

from .conftest import delay, email, linear

TWO_STEPS = linear(email("Quick question", "Hi"), delay(2, "days"), email("", "Following up"))
SILENT = "silent@control.example.com"
STOPPING = {"bounce", "reply", "unsubscribe", "feedback"}


def _address_stopped_by(entry: dict[str, str]) -> list[str]:
    """The contact(s) this sample is about: the failed recipients, else its sender."""
    if entry["kind"] in ("bounce", "feedback"):
        return recipients(entry)
    message = parse_bytes((CORPUS / entry["path"]).read_bytes())
    sender = parseaddr(str(message.get("From", "")))[1].lower()
    return [sender] if sender else []


def test_no_follow_up_reaches_a_contact_the_corpus_stops(mailroom):
    room = mailroom()
    world = room.world
    samples = [e for e in manifest() if e["kind"] in STOPPING]
    stopped = sorted({a for e in samples for a in _address_stopped_by(e)})
    delayed = [e for e in manifest() if e["kind"] == "delayed"]
    waiting = sorted({a for e in delayed for a in recipients(e)} - set(stopped))
    everyone = [*stopped, *waiting, SILENT]
    world.add_contacts([f"{address},Someone,Example" for address in everyone])
    with world.workspace.sessions() as session:
        imported = set(session.scalars(select(Contact.email)))
    # Addresses email-validator refuses (a@b.c) cannot be contacts: nobody to protect there.
    contacts = [a for a in stopped if a in imported]
    assert len(contacts) >= 40, len(contacts)
    world.new_campaign(TWO_STEPS)
    assert world.tick().sent == len(contacts) + len(waiting) + 1

    for entry in samples + delayed:
        room.deliver((CORPUS / entry["path"]).read_bytes())
    room.sync()
    world.clock.advance(timedelta(days=2, minutes=1))
    world.tick()

    followed_up = [a for a in contacts if len(world.received_by(a)) > 1]
    assert followed_up == []
    assert len(world.received_by(SILENT)) == 2  # the sequence goes on for the others
    # A "delayed" warning changes nothing: the server still tries, the sequence goes on.
    assert waiting and all(len(world.received_by(a)) == 2 for a in waiting)
    # Only a bad address is suppressed for good; a full mailbox stops this campaign only.
    with world.workspace.sessions() as session:
        suppressed = set(session.scalars(select(Suppression.value)))
    hard: dict[str, bool] = {}
    for entry in (e for e in samples if e["kind"] == "bounce"):
        for address in (a for a in recipients(entry) if a in contacts):
            hard[address] = hard.get(address, False) or entry["hard"] == "yes"
    assert True in hard.values() and False in hard.values()
    for address, bad in hard.items():
        assert (address in suppressed) is bad, address
        assert world.enrollment(address).state == "error", address
