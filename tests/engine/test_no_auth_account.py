"""An account without a username sends without SMTP AUTH (a local relay, Mailpit, a test
server): the password store, and so the master password, is never asked for it."""

from __future__ import annotations

import io
import random
import sys

import keyring
import pytest
from keyring.backends import fail

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.engine.connections import Connections, check_account
from fluenzr_desktop.engine.service import EngineService
from fluenzr_desktop.mail.imap import ImapFailure
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.models import Account
from tests.cli.helpers import write_json
from tests.timing import WEDNESDAY, next_weekday_at

from .conftest import World, linear
from .conftest import email as email_step


class NoPasswordStore:
    """A password store that fails the test if anything asks it."""

    def __getattr__(self, name: str):
        raise AssertionError(f"the password store was asked ({name})")


@pytest.fixture
def no_keyring(memory_keyring, monkeypatch):
    """No OS keyring, no master password, no terminal: the real store cannot be used."""
    keyring.set_keyring(fail.Keyring())  # restored by the memory_keyring fixture
    monkeypatch.delenv("FLUENZR_KEYRING", raising=False)
    monkeypatch.delenv("FLUENZR_MASTER_PASSWORD", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_cli_add_without_username_then_engine_run_delivers(cli, smtp_server, no_keyring, tmp_path):
    def ok(*args):
        result = cli(*args, "--json")
        assert result.code == 0, (args, result.stderr)
        return result.json

    account = ok(
        "account", "add", "--name", "Mailpit", "--email", "founder@startup.io",
        "--from-name", "Zoë Founder", "--smtp-host", smtp_server.host,
        "--smtp-port", str(smtp_server.port), "--smtp-security", "none",
    )  # fmt: skip
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("email,first name\nann@acme.io,Ann\nbob@globex.com,Bob\n", "utf-8")
    ok("contacts", "import", contacts)
    document = write_json(
        tmp_path / "sequence.json",
        linear(email_step("Quick question, {{firstName}}", "Hi {{firstName}}")),
    )
    campaign = ok("campaign", "create", "--name", "Local", "--from-file", document,
                  "--account", str(account["id"]))  # fmt: skip
    ok("campaign", "enroll", campaign["id"], "--all")
    ok("campaign", "activate", campaign["id"])

    report = ok("engine", "run", "--once", "--now", next_weekday_at(WEDNESDAY, 10).isoformat())

    assert (report["sent"], report["failed"]) == (2, 0)
    received = {m.rcpt_tos[0]: m for m in smtp_server.messages}
    assert set(received) == {"ann@acme.io", "bob@globex.com"}
    assert received["ann@acme.io"].mail_from == "founder@startup.io"
    assert received["ann@acme.io"]["Subject"] == "Quick question, Ann"


@pytest.fixture
def relay_world(workspace, smtp_server_factory):
    """`relay_world(auth=False)`: an account without username, the engine, no password store."""
    worlds: list[World] = []

    def build(*, auth: bool) -> World:
        server = smtp_server_factory(auth=auth)
        clock = ManualClock(next_weekday_at(WEDNESDAY, 10))
        workspace.clock = clock
        with workspace.session() as session:
            account_id = add_account(
                session, name="Relay", email="founder@startup.io", smtp_host=server.host,
                smtp_port=server.port, smtp_security="none",
            ).id  # fmt: skip
        service = EngineService(
            workspace, connections=Connections(NoPasswordStore()), rng=random.Random(7)
        )
        world = World(workspace, server, clock, service, account_id)
        worlds.append(world)
        return world

    yield build
    for world in worlds:
        world.service.stop()


def test_the_engine_sends_without_login_and_without_the_password_store(relay_world):
    world = relay_world(auth=False)
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email_step()))

    report = world.tick()

    assert (report.sent, report.failed) == (1, 0)
    (received,) = world.received_by("ann@acme.io")
    assert received.mail_from == "founder@startup.io"


def test_a_server_that_wants_a_login_pauses_the_campaign_and_loses_nothing(relay_world):
    world = relay_world(auth=True)
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    world.new_campaign(linear(email_step()))

    report = world.tick()

    assert report.sent == 0 and world.server.messages == []
    campaign = world.campaign()
    assert campaign.status == "paused"
    assert "authentication" in campaign.status_reason and "530" in campaign.status_reason
    assert world.enrollment("ann@acme.io").state in {"added", "in_progress"}


def test_reading_an_inbox_without_username_is_refused_without_the_password_store():
    # A row from before the rule (IMAP without username): refused, never a guessed login.
    account = Account(
        id=3, name="Old", email="founder@startup.io", smtp_host="127.0.0.1", smtp_port=1,
        smtp_security="none", imap_host="127.0.0.1", imap_port=1, imap_security="none",
        options={},
    )  # fmt: skip
    connections = Connections(NoPasswordStore())
    with pytest.raises(ImapFailure, match="needs a username"):
        connections.mailbox(account)
    assert connections.password(account) is None
    results = check_account(account, None)
    assert results["smtp"]["ok"] is False and results["smtp"]["login"] is False
    assert results["imap"] == {
        "ok": False,
        "answer": "reading the inbox needs a username (an IMAP login)",
    }
