"""The forecast (`campaign simulate`) and the engine's commands, end to end."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, timedelta

from fluenzr_desktop.engine.simulate import simulate
from fluenzr_desktop.mail.imap import ImapMailbox
from fluenzr_desktop.store.models import Account
from tests.timing import SATURDAY, WEDNESDAY, next_weekday_at

from .conftest import delay, linear
from .conftest import email as email_step


def test_forecast_follows_caps_and_delays_and_sends_nothing(make_world):
    world = make_world(daily_cap=50, timezone="UTC")
    world.add_contacts([f"p{i}@acme.io,P{i},Acme" for i in range(120)])
    document = linear(
        email_step(id="e1"), delay(3, "days"), email_step("", "Again", id="e2"), timezone="UTC"
    )
    campaign_id = world.new_campaign(document, activate=False)
    start = next_weekday_at(WEDNESDAY, 9, zone=UTC)

    forecast = simulate(str(world.workspace.database_path), campaign_id, 7, start)

    emails_per_day = [day["emails"] for day in forecast["days"]]
    assert forecast["days"][0]["date"] == start.date().isoformat()
    assert emails_per_day[:3] == [{"e1": 50, "e2": 0}, {"e1": 50, "e2": 0}, {"e1": 20, "e2": 0}]
    # Follow-ups become due three days later and go first, under the same cap.
    assert emails_per_day[3:6] == [{"e1": 0, "e2": 50}, {"e1": 0, "e2": 50}, {"e1": 0, "e2": 20}]
    assert forecast["total"] == 240
    assert world.server.messages == []
    assert world.campaign(campaign_id).status == "draft"  # the workspace is untouched


def test_forecast_respects_the_window(make_world):
    world = make_world()
    world.add_contacts([f"p{i}@acme.io,P{i},Acme" for i in range(3)])
    window = {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
    campaign_id = world.new_campaign(
        linear(email_step(id="e1"), window=window, timezone="Europe/Paris"), activate=False
    )
    # Saturday: nothing until Monday.
    forecast = simulate(str(world.workspace.database_path), campaign_id, 3,
                        next_weekday_at(SATURDAY, 11))  # fmt: skip
    assert [day["total"] for day in forecast["days"]] == [0, 0, 3]


def test_simulate_and_contacts_commands(make_world, cli):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex"])
    campaign_id = world.new_campaign(linear(email_step(id="e1"), delay(1, "days"),
                                            email_step("", "Again", id="e2")))  # fmt: skip
    world.tick()

    listing = cli("campaign", "contacts", str(campaign_id), "--json",
                  workspace=world.workspace.root)  # fmt: skip
    assert listing.code == 0
    rows = {row["email"]: row for row in listing.json}
    assert rows["ann@acme.io"]["state"] == "in_progress"
    assert rows["ann@acme.io"]["current_node"] == "s2"
    assert rows["ann@acme.io"]["next_action_at"].endswith("Z")

    result = cli("campaign", "simulate", str(campaign_id), "--days", "3", "--from",
                 (world.clock.now() + timedelta(hours=1)).isoformat(), "--json",
                 workspace=world.workspace.root)  # fmt: skip
    assert result.code == 0, result.stderr
    assert result.json["total"] == 2
    text = cli("campaign", "simulate", str(campaign_id), "--days", "2",
               workspace=world.workspace.root)  # fmt: skip
    assert "DATE" in text.stdout and "e2" in text.stdout


def test_a_copy_goes_to_the_sent_folder_when_the_account_asks(make_world, dovecot):
    # The account's one login works on both servers: SMTP (founder / s3cret!) and IMAP.
    dovecot.add_user("founder", "s3cret!")
    world = make_world()
    with world.workspace.session() as session:
        account = session.get(Account, world.account_id)
        account.imap_host, account.imap_port, account.imap_security = (
            dovecot.host, dovecot.port, "none")  # fmt: skip
        account.options = {"append_to_sent": True}
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email_step("Copy me")))

    assert world.tick().sent == 1

    message_id = world.outbox()[0].message_id
    with ImapMailbox(dovecot.settings("founder", "s3cret!")) as mailbox:
        assert mailbox.find_message_id(message_id)
    raw = world.server.messages[0].raw
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == "Copy me"


def test_engine_run_now_drives_the_date_header_and_every_record(make_world, cli):
    from email.utils import parsedate_to_datetime

    from sqlalchemy import select

    from fluenzr_desktop.store.models import Enrollment, Event, OutboxMessage

    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email_step("Hello", "Hi", id="e1")))
    # Far from both the real time and the world's clock.
    when = (world.clock.now() + timedelta(days=41, hours=3, minutes=7)).replace(microsecond=0)

    result = cli("engine", "run", "--once", "--now", when.isoformat() + "Z", "--json",
                 workspace=world.workspace.root)  # fmt: skip

    assert result.code == 0, result.stderr
    assert result.json["sent"] == 1
    sent = world.server.messages[0]
    assert parsedate_to_datetime(sent["Date"]) == when.replace(tzinfo=UTC)
    with world.workspace.sessions() as session:
        assert session.scalar(select(OutboxMessage.sent_at)) == when
        # Every event of the run (the activation before it is the world's own, at its clock).
        run = select(Event.occurred_at).where(Event.kind != "campaign_status")
        assert set(session.scalars(run)) == {when}
        assert session.scalar(select(Enrollment.updated_at)) == when
