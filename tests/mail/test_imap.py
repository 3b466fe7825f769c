"""ImapMailbox against a real private Dovecot on loopback (no mocks)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.mail.imap import ImapFailure, ImapMailbox, ImapSettings
from tests.fixtures.dovecot import (
    DovecotServer,
    dovecot_server,  # noqa: F401
    serve,
)


@pytest.fixture(scope="module")
def plain_dovecot() -> Iterator[DovecotServer]:
    """A second Dovecot whose namespace marks no special-use folder (Sent found by name)."""
    yield from serve(special_use=False)


def message(message_id: str, subject: str = "Hello") -> bytes:
    """A small RFC 5322 message with the given Message-ID."""
    msg = EmailMessage()
    msg["From"] = "Founder <founder@example.com>"
    msg["To"] = "prospect@example.org"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = message_id
    msg.set_content("Hi there,\nA short note.\n")
    return msg.as_bytes()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- connection and login --------------------------------------------------------------------


def test_login_returns_the_servers_answers(dovecot):
    settings = dovecot.new_user()
    with ImapMailbox(settings) as box:
        assert box.connected
        summary = box.connect()
    assert "Dovecot" in summary
    assert "Logged in" in summary
    assert settings.password not in summary
    assert not box.connected


def test_wrong_password_is_an_auth_failure_without_the_password(dovecot):
    settings = dovecot.new_user()
    wrong = dovecot.settings(settings.username, "Wr0ng-Passw0rd-Xyz")
    with pytest.raises(ImapFailure) as caught:
        ImapMailbox(wrong).connect()
    failure = caught.value
    assert failure.kind == "auth"
    assert isinstance(failure, FluenzrError)
    text = str(failure)
    assert "Wr0ng-Passw0rd-Xyz" not in text
    assert settings.password not in text
    assert "\n" not in text
    assert "Authentication failed" in text
    assert "b'" not in text


def test_settings_repr_hides_the_password(dovecot):
    settings = dovecot.new_user()
    assert settings.password not in repr(settings)
    assert settings.username in repr(settings)
    with pytest.raises(ValueError):
        ImapSettings("h", 1, "tls", "u", "p")


def test_closed_port_is_a_connection_failure():
    settings = ImapSettings("127.0.0.1", _closed_port(), "none", "u", "s3cret-pw", timeout=2)
    with pytest.raises(ImapFailure) as caught:
        ImapMailbox(settings).connect()
    assert caught.value.kind == "connection"
    assert "s3cret-pw" not in str(caught.value)


def test_silent_server_times_out_as_a_connection_failure():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        settings = ImapSettings(
            "127.0.0.1", listener.getsockname()[1], "none", "u", "pw", timeout=0.3
        )
        began = time.perf_counter()
        with pytest.raises(ImapFailure) as caught:
            ImapMailbox(settings).connect()
    assert caught.value.kind == "connection"
    assert time.perf_counter() - began < 3


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_against_a_plain_server_is_a_connection_failure(dovecot, security):
    settings = dovecot.new_user()
    tls = dovecot.settings(settings.username, security=security, timeout=3)
    with pytest.raises(ImapFailure) as caught:
        ImapMailbox(tls).connect()
    assert caught.value.kind == "connection"
    assert settings.password not in str(caught.value)


def test_users_added_while_running_can_log_in(dovecot):
    for _ in range(3):
        settings = dovecot.new_user("late")
        with ImapMailbox(settings) as box:
            assert box.connected


# -- folders ---------------------------------------------------------------------------------


def test_delimiter_comes_from_the_server(dovecot):
    settings = dovecot.new_user()
    with dovecot.client(settings.username) as raw:
        listed = raw.list_folders("", "")[0][1].decode()
    with ImapMailbox(settings) as box:
        assert box.delimiter() == listed
    assert listed == "/"


def test_sent_and_junk_found_through_special_use(dovecot):
    settings = dovecot.new_user()
    # A decoy with a common name must lose against the server's own designation.
    dovecot.create_folder(settings.username, "Sent Items")
    with ImapMailbox(settings) as box:
        assert box.folder_for("\\Sent") == "Sent"
        assert box.folder_for("\\Junk") == "Junk"
        assert box.folder_for("Junk") == "Junk"
        # Never assumed: this account has no trash or drafts folder at all.
        assert box.folder_for("\\Trash") is None
        assert box.folder_for("\\Drafts") is None
        assert box.ensure_sent_folder() == "Sent"


@pytest.mark.parametrize(
    ("use", "name"),
    [
        ("\\Sent", "Envoyés"),
        ("\\Sent", "Sent Items"),
        ("\\Sent", "[Gmail]/Sent Mail"),
        ("\\Junk", "Courrier indésirable"),
        ("\\Trash", "Deleted Items"),
    ],
)
def test_special_folder_found_by_name_without_special_use(plain_dovecot, use, name):
    settings = plain_dovecot.new_user()
    plain_dovecot.create_folder(settings.username, "Archive 2023")
    plain_dovecot.create_folder(settings.username, name)
    with ImapMailbox(settings) as box:
        assert box.folder_for(use) == name
        if use == "\\Sent":
            assert box.ensure_sent_folder() == name


def test_ensure_sent_folder_creates_sent_when_absent(plain_dovecot):
    settings = plain_dovecot.new_user()
    with ImapMailbox(settings) as box:
        assert box.folder_for("\\Sent") is None
        assert box.ensure_sent_folder() == "Sent"
        assert box.ensure_sent_folder() == "Sent"
    with plain_dovecot.client(settings.username) as raw:
        names = [name for _, _, name in raw.list_folders()]
        subscribed = [name for _, _, name in raw.list_sub_folders()]
    assert names.count("Sent") == 1
    assert "Sent" in subscribed
    with ImapMailbox(settings) as box:
        assert box.folder_for("\\Sent") == "Sent"


# -- Sent copies and Message-ID lookups --------------------------------------------------------


def test_append_sent_then_find_message_id(dovecot):
    settings = dovecot.new_user()
    mid = "<Ab12.Cd34@Sender.Example.com>"
    with ImapMailbox(settings) as box:
        box.append_sent(message(mid), when=datetime.now(UTC))
        assert box.find_message_id(mid)
        assert box.find_message_id(mid, folder="Sent")
        # Exact: other case, a substring or a superstring of the id is another message.
        assert not box.find_message_id(mid.lower())
        assert not box.find_message_id("<Cd34@Sender.Example.com>")
        assert not box.find_message_id("<xAb12.Cd34@Sender.Example.com>")
        assert not box.find_message_id("<unknown-1@sender.example.com>")
        assert not box.find_message_id(mid, folder="INBOX")
    with dovecot.client(settings.username) as raw:
        raw.select_folder("Sent", readonly=True)
        (uid,) = raw.search(["ALL"])
        assert b"\\Seen" in raw.get_flags([uid])[uid]


def test_append_sent_creates_the_folder_on_a_server_without_one(plain_dovecot):
    settings = plain_dovecot.new_user()
    with ImapMailbox(settings) as box:
        box.append_sent(message("<first@sender.example.com>"))
        assert box.find_message_id("<first@sender.example.com>")
        assert box.find_message_ids(["<first@sender.example.com>", "<other@x.example>"]) == {
            "<first@sender.example.com>"
        }


def test_unknown_folder_is_a_protocol_failure(dovecot):
    settings = dovecot.new_user()
    with ImapMailbox(settings) as box:
        with pytest.raises(ImapFailure) as caught:
            box.find_message_id("<a@x.example>", folder="No Such Folder")
        assert caught.value.kind == "protocol"
        # A refused command leaves the connection usable.
        assert box.connected
        assert not box.find_message_id("<a@x.example>")
        with pytest.raises(ValueError):
            box.find_message_id("<a b@x.example>")


def test_find_message_id_without_sent_folder_is_false(plain_dovecot):
    settings = plain_dovecot.new_user()
    with ImapMailbox(settings) as box:
        assert not box.find_message_id("<nothing@example.com>")
        assert box.find_message_ids(["<a@x.example>"] * 2) == set()
        assert box.folder_for("\\Sent") is None


def test_find_message_ids_on_300_messages(dovecot):
    settings = dovecot.new_user()
    present = [f"<msg-{n}.{n * 7}@Sender.example.com>" for n in range(300)]
    absent = [f"<msg-{n}.{n * 7}@sender.example.com>" for n in range(150)]  # other case
    absent += [f"<never-{n}@sender.example.com>" for n in range(150)]
    with ImapMailbox(settings) as box:
        folder = box.ensure_sent_folder()
        with dovecot.client(settings.username) as raw:
            raw.multiappend(folder, [message(mid) for mid in present])
        began = time.perf_counter()
        found = box.find_message_ids(present + absent)
        elapsed = time.perf_counter() - began
        assert found == set(present)
        assert elapsed < 1.0, f"find_message_ids took {elapsed:.2f} s"
        few = [present[0], present[-1], absent[0]]
        assert box.find_message_ids(few) == {present[0], present[-1]}
        assert box.find_message_ids(iter(present[100:110])) == set(present[100:110])
        assert box.find_message_ids([]) == set()


# -- server restarts ---------------------------------------------------------------------------


def test_restart_then_a_new_connection_works(dovecot):
    settings = dovecot.new_user()
    box = ImapMailbox(settings)
    box.connect()
    box.append_sent(message("<before@restart.example>"))
    dovecot.restart()
    # The old connection is gone: the failure says so instead of hanging.
    with pytest.raises(ImapFailure) as caught:
        box.find_message_id("<before@restart.example>")
    assert caught.value.kind == "connection"
    assert not box.connected
    box.connect()
    try:
        assert box.find_message_id("<before@restart.example>")
    finally:
        box.close()


def test_connection_refused_while_stopped_then_back(dovecot):
    settings = dovecot.new_user()
    dovecot.stop()
    try:
        with pytest.raises(ImapFailure) as caught:
            ImapMailbox(dovecot.settings(settings.username, timeout=2)).connect()
        assert caught.value.kind == "connection"
    finally:
        dovecot.start()
    with ImapMailbox(settings) as box:
        assert box.connected


def test_start_up_is_fast(dovecot):
    assert dovecot.startup_seconds is not None
    assert dovecot.startup_seconds < 2.0


def test_concurrent_mailboxes_do_not_interfere(dovecot):
    settings = [dovecot.new_user("par") for _ in range(4)]
    errors: list[BaseException] = []

    def work(one: ImapSettings) -> None:
        try:
            with ImapMailbox(one) as box:
                mid = f"<{one.username}@sender.example.com>"
                box.append_sent(message(mid))
                assert box.find_message_id(mid)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(one,)) for one in settings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert errors == []
