"""Whatever happens to the laptop, nobody gets a duplicate and nobody is silently skipped.

A real `fluenzr engine run` process is killed with SIGKILL in the middle of a batch of
320 contacts, then started again. The SMTP server files every accepted message into
the account's IMAP Sent folder (as Gmail or Outlook do), which is how the engine tells,
after the crash, whether the message in flight left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.clock import SystemClock
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import change_status, create_campaign, enroll
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.models import Contact, Enrollment, OutboxMessage
from fluenzr_desktop.store.settings import set_setting
from fluenzr_desktop.workspace import open_workspace
from tests.fixtures.dovecot import serve
from tests.fixtures.processes import fluenzr_command as fluenzr
from tests.fixtures.smtp_server import SMTP_PASSWORD, SMTP_USER, RecordingHandler, SmtpServer

from .conftest import delay, email, linear

CONTACTS = 320
# The held-for-the-user tests kill after 40 sends: fewer contacts cover the rest as well.
HELD_CONTACTS = 100
MASTER = "correct horse battery staple"


class FilingHandler(RecordingHandler):
    """Accepts like a provider: the message is filed in the sender's Sent folder first."""

    def __init__(self, dovecot, user: str | None) -> None:
        super().__init__()
        self.dovecot = dovecot
        self.user = user

    async def handle_DATA(self, server, session, envelope):
        time.sleep(0.002)  # a little latency, like a real server: crashes land mid-exchange
        raw = envelope.original_content or envelope.content
        if self.user is not None:
            self.dovecot.append(self.user, "Sent", raw)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture(scope="module")
def dovecot_for_crash():
    yield from serve()


@pytest.fixture
def engine_env(monkeypatch, grant_plan):
    """The engine runs in its own process: passwords in the encrypted file, the test's
    licence key trusted (a Pro workspace: no plan cap)."""
    monkeypatch.setenv("FLUENZR_KEYRING", "file")
    monkeypatch.setenv("FLUENZR_MASTER_PASSWORD", MASTER)
    return {**os.environ}


def build_workspace(
    root: Path, server: SmtpServer, dovecot, with_imap: bool, grant, contacts: int = CONTACTS
) -> int:
    """A workspace of `contacts` contacts in an active two-step campaign of one account."""
    with open_workspace(root) as workspace:
        rows = "\n".join(f"c{i:03d}@client{i % 7}.com,C{i}" for i in range(contacts))
        source = root / "contacts.csv"
        source.write_text("email,first name\n" + rows + "\n", encoding="utf-8")
        import_contacts(workspace.engine, source)
        grant(workspace, "pro")
        with workspace.session() as session:
            set_setting(session, "plan_daily_cap", "100000")
            account = add_account(
                session,
                name="Founder",
                email="founder@startup.io",
                smtp_host=server.host,
                smtp_port=server.port,
                smtp_security="none",
                imap_host=dovecot.host if with_imap else None,
                imap_port=dovecot.port if with_imap else None,
                imap_security="none" if with_imap else None,
                username=SMTP_USER,
            )
            account_id = account.id
        workspace.secret_store().set_password(account_id, SMTP_PASSWORD)
        document = linear(email("Step one {{firstName}}", "One"), delay(1, "minutes"),
                          email("Step two", "Two"), daily_cap=10000)  # fmt: skip
        with workspace.session() as session:
            campaign = create_campaign(session, "Crash", document, account_id)
            enroll(session, campaign, list(session.scalars(select(Contact))))
            change_status(session, campaign, "activate")
            return campaign.id


def run_and_kill(processes, root: Path, server: SmtpServer, env: dict, after: int) -> None:
    process = processes.popen(
        fluenzr("engine", "run", "--workspace", str(root)),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(server.messages) < after:
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the engine sent too little"
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def run_once(root: Path, env: dict, minutes_ahead: int) -> None:
    when = (SystemClock().now() + timedelta(minutes=minutes_ahead)).isoformat() + "Z"
    completed = subprocess.run(
        fluenzr("engine", "run", "--once", "--now", when, "--workspace", str(root), "--json"),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr


def outbox_states(root: Path) -> Counter:
    with open_workspace(root) as workspace, workspace.sessions() as session:
        return Counter(session.scalars(select(OutboxMessage.state)))


def copies_per_recipient_and_step(server: SmtpServer) -> Counter:
    return Counter((m.rcpt_tos[0], str(m["Subject"]).split()[1]) for m in server.messages)


@pytest.mark.heavy
def test_kill_9_mid_batch_then_restart_gives_exactly_one_copy_of_each_step(
    tmp_path, dovecot_for_crash, engine_env, processes, grant_plan
):
    # This module's own Dovecot: the account logs in to IMAP with its SMTP credentials.
    dovecot_for_crash.add_user(SMTP_USER, SMTP_PASSWORD)
    server = SmtpServer(auth=True, handler=FilingHandler(dovecot_for_crash, SMTP_USER)).start()
    try:
        root = tmp_path / "ws"
        build_workspace(root, server, dovecot_for_crash, with_imap=True, grant=grant_plan)

        run_and_kill(processes, root, server, engine_env, after=CONTACTS // 3)
        assert len(server.messages) < CONTACTS  # the kill landed in the middle of the batch
        in_flight = outbox_states(root)["sending"]

        run_once(root, engine_env, minutes_ahead=2)
        run_once(root, engine_env, minutes_ahead=4)

        copies = copies_per_recipient_and_step(server)
        expected = {(f"c{i:03d}@client{i % 7}.com", step) for i in range(CONTACTS)
                    for step in ("one", "two")}  # fmt: skip
        assert set(copies) == expected
        assert set(copies.values()) == {1}, [k for k, v in copies.items() if v > 1]
        assert outbox_states(root) == Counter({"sent": 2 * CONTACTS}), in_flight
        with open_workspace(root) as workspace, workspace.sessions() as session:
            assert set(session.scalars(select(Enrollment.state))) == {"completed"}
    finally:
        server.stop()


@pytest.mark.heavy
@pytest.mark.parametrize(
    "with_imap", [False, True], ids=["no-imap", "imap-but-the-server-files-no-copies"]
)
def test_when_sent_cannot_be_told_the_message_in_flight_is_held_for_the_user(
    tmp_path, engine_env, dovecot_for_crash, with_imap, processes, grant_plan
):
    # With IMAP, but a server that never files what it sends (many relays and self-hosted
    # servers): a missing copy in Sent proves nothing, so nothing is sent again blindly.
    dovecot_for_crash.add_user(SMTP_USER, SMTP_PASSWORD)
    server = SmtpServer(auth=True, handler=FilingHandler(None, None)).start()
    try:
        root = tmp_path / "ws"
        build_workspace(
            root, server, dovecot_for_crash, with_imap=with_imap, grant=grant_plan,
            contacts=HELD_CONTACTS,
        )  # fmt: skip
        run_and_kill(processes, root, server, engine_env, after=40)
        in_flight = outbox_states(root)["sending"]

        run_once(root, engine_env, minutes_ahead=0)

        copies = copies_per_recipient_and_step(server)
        assert max(copies.values()) == 1  # never a duplicate, even unsure
        held = outbox_states(root)["held"]
        assert held == in_flight
        with open_workspace(root) as workspace, workspace.sessions() as session:
            held_rows = list(
                session.scalars(select(OutboxMessage).where(OutboxMessage.state == "held"))
            )
        for row in held_rows:
            was_sent = any(m["Message-ID"] == row.message_id for m in server.messages)
            completed = subprocess.run(
                fluenzr("outbox", "resolve", row.message_id,
                        "--sent" if was_sent else "--resend", "--workspace", str(root)),
                env=engine_env, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert completed.returncode == 0, completed.stderr
        run_once(root, engine_env, minutes_ahead=2)
        run_once(root, engine_env, minutes_ahead=4)
        copies = copies_per_recipient_and_step(server)
        assert len(copies) == 2 * HELD_CONTACTS and set(copies.values()) == {1}
    finally:
        server.stop()


@pytest.mark.heavy
def test_sigterm_stops_after_the_message_in_flight(tmp_path, engine_env, processes, grant_plan):
    server = SmtpServer(auth=True, handler=FilingHandler(None, None)).start()
    try:
        root = tmp_path / "ws"
        build_workspace(root, server, None, with_imap=False, grant=grant_plan)
        process = processes.popen(
            fluenzr("engine", "run", "--workspace", str(root), "--json"),
            env=engine_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        server.wait_for(30, timeout=60)
        process.send_signal(signal.SIGTERM)
        _stdout, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
        states = outbox_states(root)
        assert states["sending"] == 0 and states["held"] == 0
        assert states["sent"] == len(server.messages) < CONTACTS
    finally:
        server.stop()
