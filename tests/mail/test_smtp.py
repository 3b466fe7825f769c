"""SmtpTransport against real aiosmtpd servers: plain, AUTH, STARTTLS, SMTPS and refusals."""

from __future__ import annotations

import socket
import ssl
import threading
from datetime import UTC, datetime

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.mail.message import Sender, build_message, new_message_id
from fluenzr_desktop.mail.smtp import SmtpFailure, SmtpSettings, SmtpTransport
from tests.fixtures.smtp_server import SMTP_PASSWORD, SmtpServer

FROM = "zoe@startup.io"
SENDER = Sender(FROM, "Zoë Café")


def message(to: str = "bob@example.com", body: str = "Hello Bob,\n\nA short note.", **kw):
    return build_message(
        sender=SENDER,
        to_address=to,
        to_name=kw.pop("to_name", "Bob"),
        subject=kw.pop("subject", "Quick question"),
        body=body,
        message_id=new_message_id(FROM),
        date=kw.pop("date", datetime.now(UTC)),
        **kw,
    )


def send(transport: SmtpTransport, to: str = "bob@example.com", **kw) -> str:
    return transport.send(message(to, **kw), FROM, to)


def failure(call, *args) -> SmtpFailure:
    with pytest.raises(SmtpFailure) as caught:
        call(*args)
    return caught.value


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- plain sending


def test_plain_send_delivers_with_envelope_and_headers(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport:
        sent = message(subject="Zoë à Paris")
        answer = transport.send(sent, FROM, "bob@example.com")
    assert answer.startswith("250 2.0.0 OK queued as ")
    (received,) = smtp_server.messages
    assert received.mail_from == FROM
    assert received.rcpt_tos == ("bob@example.com",)
    assert received.queue_id in answer
    parsed = received.message
    assert parsed.get_content_type() == "multipart/alternative"
    assert parsed["Subject"] == "Zoë à Paris"
    assert parsed["Message-ID"] == sent["Message-ID"]
    for header in ("From", "To", "Date", "MIME-Version"):
        assert parsed[header]
    assert parsed["From"].addresses[0].display_name == "Zoë Café"


def test_envelope_recipient_is_the_one_given(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport:
        transport.send(message("bob@example.com"), "bounces@startup.io", "seed@example.net")
    (received,) = smtp_server.messages
    assert received.mail_from == "bounces@startup.io"
    assert received.rcpt_tos == ("seed@example.net",)
    assert received["To"].addresses[0].addr_spec == "bob@example.com"


def test_lines_starting_with_a_dot_survive(smtp_server):
    body = ".\n..leading dots\n.\nend"
    with SmtpTransport(smtp_server.settings()) as transport:
        send(transport, body=body)
    plain = smtp_server.messages[0].message.get_body(("plain",)).get_content()
    assert plain.replace("\r\n", "\n").rstrip("\n") == body


def test_check_summarises_the_server_answers(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport:
        summary = transport.check()
        assert summary.startswith("220 ")
        assert " ; 250 " in summary
        send(transport)  # the checked connection is reused
    assert smtp_server.sessions == 1


def test_envelope_addresses_with_line_breaks_are_refused(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport, pytest.raises(FluenzrError):
        transport.send(message(), FROM, "bob@example.com\r\nRCPT TO:<evil@x.com>")
    assert smtp_server.messages == []


# -- authentication


def test_auth_success(smtp_auth_server):
    with SmtpTransport(smtp_auth_server.settings()) as transport:
        summary = transport.check()
        assert summary.endswith("235 2.7.0 Authentication successful")
        send(transport)
    assert len(smtp_auth_server.messages) == 1


@pytest.mark.parametrize("action", ["check", "send"])
def test_wrong_password_is_an_auth_failure_without_the_password(smtp_auth_server, action):
    settings = smtp_auth_server.settings(password="wrong-Pa55word")
    transport = SmtpTransport(settings)
    error = failure(transport.check) if action == "check" else failure(send, transport)
    assert error.kind == "auth"
    assert error.code == 535
    assert "\n" not in str(error) and str(error).startswith("SMTP 535 ")
    for text in (str(error), repr(error), error.response, repr(error.args), repr(settings)):
        assert "wrong-Pa55word" not in text
    assert "wrong-Pa55word" not in repr(transport)
    assert smtp_auth_server.messages == []


def test_no_credentials_on_an_auth_server_is_an_auth_failure(smtp_auth_server):
    with SmtpTransport(smtp_auth_server.settings(username=None, password=None)) as transport:
        error = failure(send, transport)
    assert (error.kind, error.code) == ("auth", 530)


def test_auth_on_a_server_without_auth_is_an_auth_failure(smtp_server):
    transport = SmtpTransport(smtp_server.settings(username="founder", password=SMTP_PASSWORD))
    error = failure(transport.check)
    assert error.kind == "auth" and error.code is None
    assert "AUTH" in str(error) and SMTP_PASSWORD not in str(error)


# -- without a login (local relays, test servers)


@pytest.mark.parametrize("security", ["none", "starttls", "ssl"])
def test_without_username_the_transport_never_logs_in(smtp_server_factory, security):
    server: SmtpServer = smtp_server_factory(security=security)
    # A password without a username is ignored: there is no one to log in as.
    settings = server.settings(username=None, password="left-over-Pa55word")
    with SmtpTransport(settings) as transport:
        assert not transport.logs_in
        summary = transport.check(sender=FROM)
        assert "235" not in summary
        # The sender was tried (MAIL FROM, then RSET) on the connection sending reuses.
        assert summary.endswith("250 2.1.0 OK")
        send(transport)
    assert server.sessions == 1
    (received,) = server.messages
    assert received.mail_from == FROM


def test_check_with_a_sender_on_a_server_wanting_a_login_is_an_auth_failure(smtp_auth_server):
    transport = SmtpTransport(smtp_auth_server.settings(username=None, password=None))
    error = failure(transport.check, FROM)
    assert (error.kind, error.code) == ("auth", 530)
    assert smtp_auth_server.messages == []


def test_check_with_a_refused_sender_is_a_sender_failure(smtp_server):
    smtp_server.reject_sender("553 5.7.1 Sender address rejected", times=1)
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(transport.check, FROM)
        assert (error.kind, error.code) == ("sender", 553)
        send(transport)  # the session was reset: the next message goes
    assert len(smtp_server.messages) == 1


def test_check_refuses_a_sender_with_line_breaks(smtp_server):
    with pytest.raises(FluenzrError):
        SmtpTransport(smtp_server.settings()).check("zoe@startup.io\r\nRCPT TO:<x@y.z>")
    assert smtp_server.sessions == 0


def test_settings_repr_hides_the_password():
    settings = SmtpSettings("smtp.example.com", 587, "starttls", "founder", "hunter2!")
    assert "hunter2!" not in repr(settings) and "***" in repr(settings)
    assert "hunter2!" not in str(settings)


def test_unknown_security_is_refused():
    with pytest.raises(FluenzrError, match="security"):
        SmtpSettings("smtp.example.com", 587, "tls")


# -- TLS


def test_starttls_with_the_test_certificate(smtp_starttls_server):
    with SmtpTransport(smtp_starttls_server.settings()) as transport:
        summary = transport.check()
        assert "220 Ready to start TLS" in summary
        send(transport)
    assert len(smtp_starttls_server.messages) == 1


def test_starttls_with_a_default_context_fails_on_the_certificate(smtp_starttls_server):
    transport = SmtpTransport(smtp_starttls_server.settings(ssl_context=None))
    error = failure(send, transport)
    assert error.kind == "connection" and error.code is None
    assert "certificate" in str(error).lower()
    assert smtp_starttls_server.messages == []


def test_starttls_asked_but_not_offered_never_falls_back(smtp_server):
    transport = SmtpTransport(smtp_server.settings(security="starttls"))
    error = failure(transport.check)
    assert error.kind == "connection" and "STARTTLS" in str(error)


def test_starttls_then_auth(smtp_server_factory):
    server: SmtpServer = smtp_server_factory(security="starttls", auth=True, require_starttls=True)
    with SmtpTransport(server.settings()) as transport:
        summary = transport.check()
        assert "220 Ready to start TLS" in summary and summary.endswith(
            "235 2.7.0 Authentication successful"
        )
        send(transport)
    assert len(server.messages) == 1


def test_implicit_tls(smtp_ssl_server):
    with SmtpTransport(smtp_ssl_server.settings()) as transport:
        assert transport.check().startswith("220 ")
        send(transport)
    assert len(smtp_ssl_server.messages) == 1


def test_implicit_tls_with_a_default_context_fails(smtp_ssl_server):
    error = failure(SmtpTransport(smtp_ssl_server.settings(ssl_context=None)).check)
    assert error.kind == "connection"


def test_tls_client_context_really_verifies(smtp_starttls_server):
    context = smtp_starttls_server.client_context
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


# -- refusals


def test_temporary_recipient_failure_keeps_the_connection_usable(smtp_server):
    smtp_server.reject_recipient("busy@example.com", "451 4.3.0 Mailbox busy, try later")
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport, "busy@example.com")
        assert (error.kind, error.code, error.hard) == ("temporary", 451, False)
        assert str(error) == "SMTP 451 4.3.0 Mailbox busy, try later"
        send(transport, "bob@example.com")
    assert [m.rcpt_tos for m in smtp_server.messages] == [("bob@example.com",)]
    assert smtp_server.sessions == 1


def test_temporary_failure_once_then_the_retry_goes_through(smtp_server):
    smtp_server.reject_recipient("busy@example.com", "450 4.2.1 Slow down", times=1)
    with SmtpTransport(smtp_server.settings()) as transport:
        assert failure(send, transport, "busy@example.com").kind == "temporary"
        send(transport, "busy@example.com")
    assert [m.rcpt_tos for m in smtp_server.messages] == [("busy@example.com",)]


@pytest.mark.parametrize(
    ("reply", "hard"),
    [
        ("550 5.1.1 <unknown@example.com>: Recipient address rejected: User unknown", True),
        ("550 No such user here", True),
        ("551 User not local", True),
        ("553 5.1.3 Bad recipient address syntax", True),
        ("552 5.2.2 Mailbox full", False),
        ("554 5.7.1 Relay access denied", False),
        ("550 5.7.1 Message refused by policy", False),
    ],
)
def test_recipient_refusals(smtp_server, reply, hard):
    smtp_server.reject_recipient("unknown@example.com", reply)
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport, "unknown@example.com")
        assert error.kind == "recipient"
        assert error.code == int(reply[:3])
        assert error.hard is hard
        assert str(error) == f"SMTP {reply}"
        send(transport, "bob@example.com")
    assert len(smtp_server.messages) == 1 and smtp_server.sessions == 1


def test_sender_refused(smtp_server):
    smtp_server.reject_sender("553 5.7.1 <zoe@startup.io>: Sender address rejected")
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport)
    assert (error.kind, error.code, error.hard) == ("sender", 553, False)
    assert "Sender address rejected" in error.response


def test_sender_temporarily_refused_then_accepted(smtp_server):
    smtp_server.reject_sender("451 4.7.1 Greylisted", times=1)
    with SmtpTransport(smtp_server.settings()) as transport:
        assert failure(send, transport).kind == "temporary"
        send(transport)
    assert len(smtp_server.messages) == 1


def test_data_refused(smtp_server):
    smtp_server.reject_data("554 5.6.0 Message rejected as spam", times=1)
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport)
        assert (error.kind, error.code) == ("rejected", 554)
        send(transport)
    assert len(smtp_server.messages) == 1


# -- connections


def test_connection_refused_on_a_closed_port():
    transport = SmtpTransport(SmtpSettings("127.0.0.1", closed_port(), "none", timeout=2))
    error = failure(send, transport)
    assert error.kind == "connection" and error.code is None
    assert "refused" in str(error).lower()


def test_silent_server_times_out():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts TCP but never greets
        port = listener.getsockname()[1]
        transport = SmtpTransport(SmtpSettings("127.0.0.1", port, "none", timeout=0.3))
        error = failure(transport.check)
    assert error.kind == "connection"


def test_server_gone_between_two_sends_is_a_connection_failure(smtp_server):
    transport = SmtpTransport(smtp_server.settings())
    send(transport)
    smtp_server.stop()
    error = failure(send, transport)
    assert error.kind == "connection" and not error.maybe_sent
    transport.close()


def test_server_restarted_between_two_sends_reconnects(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport:
        send(transport, "first@example.com")
        smtp_server.stop()
        smtp_server.start()  # same port
        send(transport, "second@example.com")
    assert [m.rcpt_tos for m in smtp_server.messages] == [
        ("first@example.com",),
        ("second@example.com",),
    ]
    assert smtp_server.sessions == 2


def test_connection_lost_after_the_body_is_not_retried(smtp_server):
    """A drop after the final dot may mean the server queued it: no automatic resend."""
    original = smtp_server.handler.handle_DATA

    async def accept_then_hang_up(server, session, envelope):
        await original(server, session, envelope)
        server.transport.close()
        return "250 never heard"

    smtp_server.handler.handle_DATA = accept_then_hang_up
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport)
        assert error.kind == "connection" and error.maybe_sent
        smtp_server.handler.handle_DATA = original
        send(transport, "next@example.com")
    assert [m.rcpt_tos for m in smtp_server.messages] == [
        ("bob@example.com",),
        ("next@example.com",),
    ]


def test_two_hundred_sends_reuse_one_connection(smtp_server):
    with SmtpTransport(smtp_server.settings()) as transport:
        for number in range(200):
            send(transport, f"contact{number}@example.com")
        assert transport.connections == 1
    messages = smtp_server.messages
    assert len(messages) == 200
    assert smtp_server.sessions == 1
    assert {m.session for m in messages} == {1}
    assert len({m["Message-ID"] for m in messages}) == 200


def test_transport_is_safe_to_share_between_threads(smtp_server):
    transport = SmtpTransport(smtp_server.settings())
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        try:
            for number in range(20):
                send(transport, f"t{offset}-{number}@example.com")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    transport.close()
    assert errors == []
    assert len(smtp_server.messages) == 80 and smtp_server.sessions == 1


def test_server_closing_the_session_is_retried_once_then_temporary(smtp_server):
    smtp_server.reject_sender("421 4.7.0 Too many connections, closing")
    with SmtpTransport(smtp_server.settings()) as transport:
        error = failure(send, transport)
    assert (error.kind, error.code) == ("temporary", 421)
    assert smtp_server.sessions == 2  # one reconnect, no more


def test_server_closing_the_session_once_is_transparent(smtp_server):
    smtp_server.reject_sender("421 4.4.2 Idle timeout", times=1)
    with SmtpTransport(smtp_server.settings()) as transport:
        send(transport)
    assert len(smtp_server.messages) == 1 and smtp_server.sessions == 2
