"""Benchmark: the engine's sending rate next to a bare smtplib loop and mailmerge.

One loopback aiosmtpd sink. In the same run:
  - the engine sends one email step to N enrolled contacts (gap 0, no cap, the durable
    outbox protocol on), as a whole `fluenzr engine run --once` process;
  - a bare smtplib loop sends N equivalent messages over one connection;
  - mailmerge (from PyPI) sends the same N messages, as its own process.
Prints messages/second of each and the ratios (target: engine ≥ 0.5× mailmerge).

Usage: .venv/bin/python bench/send_throughput.py [--contacts 2000]
(mailmerge comes with `pip install -e '.[bench]'`.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from fluenzr_desktop.domain.workflow import MAX_DAILY_CAP

ROOT = Path(__file__).resolve().parents[1]

BODY = "Hi {name},\n\nAre you the right person to talk to about outbound at {company}?\n\nZoë"


class Sink:
    """Counts what arrives; the content is thrown away."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def accept_any(server, session, envelope, mechanism, auth_data) -> AuthResult:
    return AuthResult(success=True)


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def run(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"{command[0]} failed: {completed.stderr.strip()[-500:]}")
    return elapsed, completed.stdout


def bench_licence(root: Path, env: dict) -> Path:
    """A Pro licence signed by a key made for this run, which the source checkout's
    `fluenzr` trusts through FLUENZR_LICENCE_PUBLIC_KEY (set in `env`)."""
    import base64
    import importlib.util
    from datetime import date

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fluenzr_desktop.domain.plans import PRO, Licence, plan_features

    spec = importlib.util.spec_from_file_location("mint", ROOT / "packaging/licences/mint.py")
    mint = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mint)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    env["FLUENZR_LICENCE_PUBLIC_KEY"] = base64.b64encode(public).decode()
    licence = Licence(
        PRO, "Bench", "bench@startup.io", date.today(), None, tuple(sorted(plan_features(PRO)))
    )
    path = root / "licence.json"
    path.write_text(mint.mint(key, licence), encoding="utf-8")
    return path


def prepare_engine(root: Path, contacts: Path, port: int, count: int, env: dict) -> Path:
    if count > MAX_DAILY_CAP:
        sys.exit(f"--count: at most {MAX_DAILY_CAP:,} (a campaign's highest daily cap)")
    fluenzr = str(Path(sys.executable).with_name("fluenzr"))
    workspace = root / "workspace"
    document = {
        "version": 1,
        "settings": {
            "timezone": "UTC",
            "window": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                       "start": "00:00", "end": "23:59"},
            "gap_seconds": [0, 0],
            # The highest cap a campaign may have; one run sends at most this many.
            "daily_cap": MAX_DAILY_CAP,
        },
        "nodes": [
            {"id": "start", "type": "start"},
            {"id": "e1", "type": "email", "subject": "Quick question, {{firstName}}",
             "body": BODY.replace("{name}", "{{firstName}}").replace("{company}", "{{company}}")},
            {"id": "end", "type": "end"},
        ],
        "edges": [{"from": "start", "to": "e1"}, {"from": "e1", "to": "end"}],
    }  # fmt: skip
    (root / "sequence.json").write_text(json.dumps(document), encoding="utf-8")
    base = [fluenzr, "--workspace", str(workspace)]
    steps = [
        [*base, "contacts", "import", str(contacts)],
        # The Free plan sends 50 a day: the bench runs on a Pro licence of its own key.
        [*base, "licence", "install", str(bench_licence(root, env))],
        [*base, "settings", "set", "plan_daily_cap", str(count * 10)],
        [*base, "account", "add", "--name", "Bench", "--email", "founder@startup.io",
         "--from-name", "Zoë Founder", "--smtp-host", "127.0.0.1", "--smtp-port", str(port),
         "--smtp-security", "none", "--username", "founder", "--password-env", "BENCH_PASSWORD"],
        [*base, "campaign", "create", "--name", "Bench", "--from-file",
         str(root / "sequence.json"), "--account", "1"],
        [*base, "campaign", "enroll", "1", "--all"],
        [*base, "campaign", "activate", "1"],
    ]  # fmt: skip
    for step in steps:
        run(step, env)
    return workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=2000)
    args = parser.parse_args()
    count = args.contacts
    mailmerge = shutil.which("mailmerge", path=str(Path(sys.executable).parent))
    if mailmerge is None:
        sys.exit("mailmerge not found: pip install -e '.[bench]'")

    sink = Sink()
    with socket.socket() as probe:  # a free port (aiosmtpd's controller cannot use 0)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        sink, hostname="127.0.0.1", port=port, authenticator=accept_any, auth_require_tls=False
    )
    controller.start()
    env = {
        **os.environ,
        "FLUENZR_KEYRING": "file",
        "FLUENZR_MASTER_PASSWORD": "bench master password",
        "BENCH_PASSWORD": "not-checked",
    }
    try:
        with tempfile.TemporaryDirectory(prefix="fluenzr-send-") as folder:
            root = Path(folder)
            contacts = root / "contacts.csv"
            rows = [f"c{i}@client{i % 50}.com,C{i},Company {i % 50}" for i in range(count)]
            contacts.write_text("email,first name,company\n" + "\n".join(rows) + "\n")

            # 1. the engine, as a whole process
            workspace = prepare_engine(root, contacts, port, count, env)
            sink.count = 0
            fluenzr = str(Path(sys.executable).with_name("fluenzr"))
            engine_seconds, stdout = run(
                [fluenzr, "--workspace", str(workspace), "engine", "run", "--once", "--json"], env
            )
            engine_sent = json.loads(stdout)["sent"]
            assert sink.count == engine_sent == count, (sink.count, stdout)

            # 2. a bare smtplib loop over one connection
            sink.count = 0
            started = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                for i in range(count):
                    message = EmailMessage()
                    message["From"] = "Zoë Founder <founder@startup.io>"
                    message["To"] = f"c{i}@client{i % 50}.com"
                    message["Subject"] = f"Quick question, C{i}"
                    message.set_content(BODY.format(name=f"C{i}", company=f"Company {i % 50}"))
                    smtp.send_message(message)
            smtplib_seconds = time.perf_counter() - started
            assert sink.count == count

            # 3. mailmerge, as a whole process
            (root / "template.txt").write_text(
                "TO: {{email}}\nSUBJECT: Quick question, {{first_name}}\n"
                "FROM: Zoë Founder <founder@startup.io>\n\n"
                + BODY.replace("{name}", "{{first_name}}").replace("{company}", "{{company}}")
                + "\n",
                encoding="utf-8",
            )
            (root / "database.csv").write_text(
                "email,first_name,company\n" + "\n".join(rows) + "\n", encoding="utf-8"
            )
            (root / "server.conf").write_text(
                f"[smtp_server]\nhost = 127.0.0.1\nport = {port}\n", encoding="utf-8"
            )
            sink.count = 0
            mailmerge_seconds, _ = run(
                [mailmerge, "--no-dry-run", "--no-limit", "--output-format", "raw",
                 "--template", str(root / "template.txt"),
                 "--database", str(root / "database.csv"),
                 "--config", str(root / "server.conf")],
                env,
            )  # fmt: skip
            assert sink.count == count, sink.count
    finally:
        controller.stop()

    engine_rate = rate(count, engine_seconds)
    smtplib_rate = rate(count, smtplib_seconds)
    mailmerge_rate = rate(count, mailmerge_seconds)
    print(f"{count:,} messages to a loopback aiosmtpd sink")
    print(f"{'sender':<42}{'seconds':>9}{'msg/s':>9}")
    print(f"{'fluenzr engine run --once (process)':<42}{engine_seconds:>9.2f}{engine_rate:>9.0f}")
    print(f"{'bare smtplib loop, one connection':<42}{smtplib_seconds:>9.2f}{smtplib_rate:>9.0f}")
    print(f"{'mailmerge (process)':<42}{mailmerge_seconds:>9.2f}{mailmerge_rate:>9.0f}")
    print(f"engine / mailmerge: {engine_rate / mailmerge_rate:.2f} (target ≥ 0.5)")
    print(f"engine / bare smtplib: {engine_rate / smtplib_rate:.2f}")


if __name__ == "__main__":
    main()
