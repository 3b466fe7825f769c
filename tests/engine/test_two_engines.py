"""One engine per workspace: two engines started together never email anyone twice.

Real `fluenzr engine run` processes against a real SMTP server (aiosmtpd).
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.campaigns import change_status, create_campaign, enroll
from fluenzr_desktop.store.csv_io import import_contacts
from fluenzr_desktop.store.models import Contact
from fluenzr_desktop.store.settings import set_setting
from fluenzr_desktop.workspace import open_workspace
from tests.fixtures.processes import fluenzr_command as fluenzr
from tests.fixtures.smtp_server import RecordingHandler, SmtpServer

from .conftest import email, linear

# Long, and independent of the date: run once per `make test`, not on the moved dates.
pytestmark = pytest.mark.heavy

CONTACTS = 200
BUSY = re.compile(r"sending is handled by another FluenzR process: (.+) \(PID (\d+)\)")


class SlowHandler(RecordingHandler):
    """Takes a moment per message, like a real server: the two engines overlap."""

    async def handle_DATA(self, server, session, envelope):
        time.sleep(0.003)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def server():
    running = SmtpServer(handler=SlowHandler()).start()
    yield running
    running.stop()


def build_workspace(root: Path, server: SmtpServer, grant) -> None:
    """CONTACTS contacts due now in an active one-email campaign (a relay without login)."""
    with open_workspace(root) as workspace:
        rows = "\n".join(f"p{i:03d}@client{i % 9}.com,P{i}" for i in range(CONTACTS))
        source = root / "contacts.csv"
        source.write_text("email,first name\n" + rows + "\n", encoding="utf-8")
        import_contacts(workspace.engine, source)
        grant(workspace, "pro")  # no plan cap
        with workspace.session() as session:
            set_setting(session, "plan_daily_cap", "100000")
            account = add_account(session, name="Relay", email="founder@startup.io",
                                  smtp_host=server.host, smtp_port=server.port,
                                  smtp_security="none")  # fmt: skip
            campaign = create_campaign(session, "Twice?", linear(email("Hello {{firstName}}"),
                                       daily_cap=10000), account.id)  # fmt: skip
            enroll(session, campaign, list(session.scalars(select(Contact))))
            change_status(session, campaign, "activate")


def copies(server: SmtpServer) -> Counter:
    return Counter(message.rcpt_tos[0] for message in server.messages)


def test_two_engines_started_together_send_each_email_once(tmp_path, server, grant_plan, processes):
    root = tmp_path / "ws"
    build_workspace(root, server, grant_plan)

    engines = [
        processes.popen(fluenzr("engine", "run", "--once", "--workspace", str(root), "--json"),
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    outcomes = [engine.communicate(timeout=120) for engine in engines]

    received = copies(server)
    assert len(received) == CONTACTS
    assert set(received.values()) == {1}, [a for a, n in received.items() if n > 1]
    sent = 0
    for engine, (stdout, stderr) in zip(engines, outcomes, strict=True):
        if engine.returncode == 0:
            sent += json.loads(stdout)["sent"]
        else:
            # The second one names the first, in one line, and sends nothing.
            assert engine.returncode == 1, stderr
            holder = BUSY.search(stderr)
            assert holder is not None, stderr
            assert holder.group(1) == "fluenzr engine run --once"
            assert int(holder.group(2)) in {other.pid for other in engines if other is not engine}
            assert len(stderr.strip().splitlines()) == 1
    assert sent == CONTACTS


def test_a_second_long_running_engine_is_refused_and_the_first_goes_on(tmp_path, server, grant_plan,
                                                                        processes):  # fmt: skip
    root = tmp_path / "ws"
    build_workspace(root, server, grant_plan)
    first = processes.popen(fluenzr("engine", "run", "--workspace", str(root)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    server.wait_for(5, timeout=60)

    second = subprocess.run(fluenzr("engine", "run", "--workspace", str(root)),
                            capture_output=True, text=True, timeout=60)  # fmt: skip

    assert second.returncode == 1
    assert second.stderr.strip() == (
        "fluenzr: error: sending is handled by another FluenzR process: "
        f"fluenzr engine run (PID {first.pid})"
    )
    server.wait_for(CONTACTS, timeout=120)
    first.send_signal(signal.SIGTERM)
    _out, errors = first.communicate(timeout=30)
    assert first.returncode == 0, errors
    assert set(copies(server).values()) == {1} and len(copies(server)) == CONTACTS
    # Once the first has stopped, the lock is free again.
    again = subprocess.run(fluenzr("engine", "run", "--once", "--workspace", str(root)),
                           capture_output=True, text=True, timeout=60)  # fmt: skip
    assert again.returncode == 0, again.stderr


def test_a_killed_engine_leaves_no_lock_behind(tmp_path, server, grant_plan, processes):
    root = tmp_path / "ws"
    build_workspace(root, server, grant_plan)
    first = processes.popen(fluenzr("engine", "run", "--workspace", str(root)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    server.wait_for(1, timeout=60)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    again = subprocess.run(fluenzr("engine", "run", "--once", "--workspace", str(root), "--json"),
                           capture_output=True, text=True, timeout=120)  # fmt: skip

    assert again.returncode == 0, again.stderr
    assert set(copies(server).values()) == {1}


def test_without_the_lock_the_database_claim_still_sends_each_email_once(
    tmp_path, server, grant_plan
):
    """Two engines that skip the lock (a shared server database one day) race on the rows."""
    import random
    import threading

    from fluenzr_desktop.engine.connections import Connections
    from fluenzr_desktop.engine.service import EngineService

    root = tmp_path / "ws"
    build_workspace(root, server, grant_plan)
    workspaces = [open_workspace(root) for _ in range(2)]
    engines = [
        EngineService(workspace, connections=Connections(workspace.secret_store()),
                      rng=random.Random(index), watch_inbox=False)
        for index, workspace in enumerate(workspaces)
    ]  # fmt: skip
    for engine in engines:
        engine.runner.batch_size = 20  # small batches: the two interleave all along
    reports = [None, None]
    start = threading.Barrier(2)

    def run(index: int) -> None:
        start.wait()
        reports[index] = engines[index].tick()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        for engine, workspace in zip(engines, workspaces, strict=True):
            engine.stop()
            workspace.close()

    received = copies(server)
    assert len(received) == CONTACTS
    assert set(received.values()) == {1}, [a for a, n in received.items() if n > 1]
    assert reports[0].sent + reports[1].sent == CONTACTS
    assert min(reports[0].sent, reports[1].sent) > 0  # both really worked at once
