"""MIME building: structure, headers, encodings, threading and header injection."""

from __future__ import annotations

import csv
import email
import email.policy
import re
from datetime import UTC, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.mail.message import (
    Sender,
    build_message,
    message_bytes,
    new_message_id,
    unsubscribe_mailto,
    validate_address,
)
from fluenzr_desktop.mail.smtp import SmtpTransport
from fluenzr_desktop.mail.text import html_to_text, text_to_html
from fluenzr_desktop.store.csv_io import import_contacts

SENDER = Sender("zoe@startup.io", "Zoë Café", "replies@startup.io")
HTML_BODY = (
    "<p>Hello <b>Bob</b> &amp; team,</p>"
    '<p>See <a href="https://startup.io/demo?a=1&amp;b=2">our demo</a>.<br>Thanks</p>'
    "<style>p { color: red }</style><script>alert('x')</script>"
)
TEXT_BODY = "Hello Bob & team,\n\nSee https://startup.io/demo?a=1&b=2.\nThanks <3"


def build(**overrides) -> EmailMessage:
    fields = {
        "sender": SENDER,
        "to_address": "bob@example.com",
        "to_name": "Bob Martin",
        "subject": "Quick question",
        "body": TEXT_BODY,
        "message_id": new_message_id(SENDER.address),
        "date": datetime.now(UTC),
    }
    fields.update(overrides)
    return build_message(**fields)


def reparse(message: EmailMessage) -> EmailMessage:
    """The message as a receiving client sees it."""
    return email.message_from_bytes(message_bytes(message), policy=email.policy.default)


def content(part) -> str:
    """A part's decoded text with LF line ends (Python's parser keeps the wire's CRLF)."""
    return part.get_content().replace("\r\n", "\n")


def header_names(raw: bytes) -> list[str]:
    """Names of the top-level header lines, exactly as on the wire."""
    head = raw.split(b"\r\n\r\n", 1)[0]
    return [
        line.split(b":", 1)[0].decode()
        for line in head.split(b"\r\n")
        if line and not line[:1].isspace()
    ]


def test_plain_body_gives_text_then_html_alternative():
    parsed = reparse(build())
    assert parsed.get_content_type() == "multipart/alternative"
    parts = list(parsed.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in parts)
    assert content(parts[0]).rstrip("\n") == TEXT_BODY
    html = content(parts[1])
    assert "<p>Hello Bob &amp; team,</p>" in html
    assert '<a href="https://startup.io/demo?a=1&amp;b=2">' in html
    assert "Thanks &lt;3" in html and "<br>" in html


def test_html_body_gives_derived_text_part():
    parsed = reparse(build(body=HTML_BODY))
    plain = content(parsed.get_body(("plain",)))
    html = content(parsed.get_body(("html",)))
    assert plain.strip() == (
        "Hello Bob & team,\n\nSee our demo (https://startup.io/demo?a=1&b=2).\nThanks"
    )
    assert "color: red" not in plain and "alert" not in plain
    assert '<a href="https://startup.io/demo?a=1&amp;b=2">our demo</a>' in html


def test_headers_present_and_well_formed():
    when = datetime(2025, 3, 30, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    message_id = new_message_id(SENDER.address)
    parsed = reparse(
        build(
            message_id=message_id,
            date=when,
            list_unsubscribe=unsubscribe_mailto(SENDER.address, "abc123"),
        )
    )
    assert parsed["From"].addresses[0].display_name == "Zoë Café"
    assert parsed["From"].addresses[0].addr_spec == "zoe@startup.io"
    assert parsed["To"].addresses[0].display_name == "Bob Martin"
    assert parsed["To"].addresses[0].addr_spec == "bob@example.com"
    assert parsed["Reply-To"].addresses[0].addr_spec == "replies@startup.io"
    assert parsed["Subject"] == "Quick question"
    assert parsedate_to_datetime(parsed["Date"]) == when
    assert parsed["Message-ID"] == message_id
    assert parsed["MIME-Version"] == "1.0"
    assert parsed["List-Unsubscribe"] == "<mailto:zoe@startup.io?subject=unsubscribe-abc123>"
    assert parsed["List-Unsubscribe-Post"] is None
    assert parsed["In-Reply-To"] is None and parsed["References"] is None


def test_message_id_is_unique_on_sender_domain():
    ids = {new_message_id("Zoe@Startup.io") for _ in range(1000)}
    assert len(ids) == 1000
    assert all(re.fullmatch(r"<[0-9a-f]{32}@Startup\.io>", i) for i in ids)


def test_date_defaults_to_now_in_utc():
    parsed = reparse(build())
    sent = parsedate_to_datetime(parsed["Date"])
    assert abs(sent - datetime.now(UTC)) < timedelta(minutes=1)


def test_optional_headers_absent_when_not_given():
    parsed = reparse(build(sender=Sender("zoe@startup.io"), to_name=None))
    assert parsed["Reply-To"] is None and parsed["List-Unsubscribe"] is None
    assert str(parsed["From"]) == "zoe@startup.io"
    assert str(parsed["To"]) == "bob@example.com"


@pytest.mark.parametrize(
    "subject",
    [
        "Zoë, êtes-vous disponible cette semaine pour un café à Paris ? C'est rapide — promis",
        "日本語の件名はとても長くなることがありますので注意が必要です、よろしくお願いいたします",
        "Ça va ? " * 12,
        "Plain ASCII subject that is long enough to be folded over two lines by the policy ok",
    ],
)
def test_utf8_subject_and_names_round_trip(subject):
    name = "Zoë Café de la Compagnie Générale, Paris"
    message = build(
        subject=subject, to_name="Ærøskøbing Ñandú 日本", sender=Sender(SENDER.address, name)
    )
    raw = message_bytes(message)
    assert raw.isascii()
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    parsed = reparse(message)
    assert parsed["Subject"] == subject.strip()
    assert parsed["From"].addresses[0].display_name == name
    assert parsed["To"].addresses[0].display_name == "Ærøskøbing Ñandú 日本"


def test_utf8_body_round_trips_and_lines_stay_short():
    body = "Bonjour Zoë,\n\n" + "Très long paragraphe sans retour à la ligne. " * 60
    message = build(body=body)
    raw = message_bytes(message)
    assert raw.isascii()  # quoted-printable: no 8BITMIME needed
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    parsed = reparse(message)
    assert content(parsed.get_body(("plain",))).rstrip("\n") == body
    assert "Très long paragraphe" in content(parsed.get_body(("html",)))


def test_crlf_line_endings_only():
    raw = message_bytes(build(body=HTML_BODY))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    assert raw.endswith(b"\r\n")


def test_follow_up_threads_on_the_first_message():
    first_id = new_message_id(SENDER.address)
    first = reparse(build(message_id=first_id))
    second_id = new_message_id(SENDER.address)
    second = reparse(
        build(
            subject="Re: Quick question",
            message_id=second_id,
            in_reply_to=first["Message-ID"],
            references=[first["Message-ID"]],
        )
    )
    assert second["In-Reply-To"] == first_id
    assert second["References"] == first_id
    third = reparse(
        build(
            message_id=new_message_id(SENDER.address),
            in_reply_to=second_id,
            references=[first_id, second_id],
        )
    )
    assert third["References"].split() == [first_id, second_id]
    assert third["In-Reply-To"] == second_id


def test_references_end_with_the_parent_even_if_omitted():
    parsed = reparse(build(in_reply_to="<b@startup.io>", references=["<a@startup.io>"]))
    assert parsed["References"].split() == ["<a@startup.io>", "<b@startup.io>"]


INJECTIONS = [
    "Hi\r\nBcc: evil@x.com",
    "Hi\nBcc: evil@x.com",
    "Hi\rBcc: evil@x.com",
    "Hi\r\n\r\nBcc: evil@x.com",
    "Hi\x85Bcc: evil@x.com",
    "Hi\u2028Bcc: evil@x.com",
    "Hi\x00\x0bBcc: evil@x.com",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_subject_is_inert(payload):
    message = build(subject=payload)
    raw = message_bytes(message)
    assert header_names(raw).count("Subject") == 1
    assert "Bcc" not in header_names(raw)
    parsed = reparse(message)
    assert parsed["Bcc"] is None
    assert parsed["Subject"] == "Hi Bcc: evil@x.com"
    assert parsed.get_content_type() == "multipart/alternative"


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_names_and_unsubscribe_is_inert(payload):
    message = build(
        to_name=payload,
        sender=Sender(SENDER.address, payload),
        list_unsubscribe=f"mailto:zoe@startup.io?subject={payload}",
    )
    raw = message_bytes(message)
    names = header_names(raw)
    assert "Bcc" not in names
    for header in ("From", "To", "List-Unsubscribe", "Subject"):
        assert names.count(header) == 1
    parsed = reparse(message)
    assert parsed["To"].addresses[0].display_name == "Hi Bcc: evil@x.com"
    assert parsed["To"].addresses[0].addr_spec == "bob@example.com"
    assert len(parsed["To"].addresses) == 1
    assert parsed["From"].addresses[0].addr_spec == "zoe@startup.io"


@pytest.mark.parametrize(
    "address",
    [
        "bob@example.com\r\nBcc: evil@x.com",
        "bob@example.com\nBcc: evil@x.com",
        "bob@example.com, evil@x.com",
        "bob@example.com evil@x.com",
        "Bob <bob@example.com>",
        "<bob@example.com>",
        "bob",
        "bob@",
        "@example.com",
        "bob@exa mple.com",
        '"bob"@example.com',
        "bob@-example.com",
        "",
    ],
)
def test_invalid_recipient_address_is_refused(address):
    with pytest.raises(FluenzrError, match="invalid recipient address"):
        build(to_address=address)


@pytest.mark.parametrize("field", ["address", "reply_to"])
def test_invalid_sender_addresses_are_refused(field):
    values = {"address": SENDER.address, "reply_to": None, field: "zoe@startup.io\r\nBcc: x@y.z"}
    with pytest.raises(FluenzrError, match="invalid"):
        build(sender=Sender(**values))


def test_idn_domain_goes_out_as_punycode():
    parsed = reparse(build(to_address="bob@café.fr"))
    assert parsed["To"].addresses[0].addr_spec == "bob@xn--caf-dma.fr"
    # A non-ASCII local part would need SMTPUTF8, which most providers refuse.
    with pytest.raises(FluenzrError):
        validate_address("zoë@cafe.fr")


# Tricky addresses: a quoted local part, an IDN domain, a trailing dot, spaces, no dot in
# the domain, a special-use domain, a domain literal, and plain ones in odd case. (A
# non-ASCII local part is the one known difference: imported, but refused for sending.)
TRICKY_ADDRESSES = [
    '"bob"@example.com',
    '"bob smith"@example.com',
    "bob@café.fr",
    "bob@example.com.",
    "bob.@example.com",
    "bob smith@example.com",
    "bob@exa mple.com",
    "  Bob.Martin+tag@Example.COM  ",
    "bob@acme",
    "bob@acme.test",
    "bob@[192.0.2.1]",
    "o'brien@example.ie",
]


def test_message_building_accepts_exactly_the_addresses_the_contact_import_accepts(
    tmp_path, workspace
):
    path = tmp_path / "contacts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email"])
        writer.writerows([address] for address in TRICKY_ADDRESSES)
    report = import_contacts(workspace.engine, path)
    refused_lines = {error.line for error in report.errors}
    imported = {
        address for line, address in enumerate(TRICKY_ADDRESSES, 2) if line not in refused_lines
    }
    assert "bob@café.fr" in imported and '"bob"@example.com' not in imported

    built = set()
    for address in TRICKY_ADDRESSES:
        try:
            build(to_address=address)
        except FluenzrError as error:
            assert str(error).startswith("invalid recipient address")
        else:
            built.add(address)
    assert built == imported


def test_unsubscribe_mailto_quotes_the_token():
    assert unsubscribe_mailto("zoe@startup.io", "e42.x_Y-z") == (
        "mailto:zoe@startup.io?subject=unsubscribe-e42.x_Y-z"
    )
    assert unsubscribe_mailto("zoe@startup.io", "a/b+c&d") == (
        "mailto:zoe@startup.io?subject=unsubscribe-a%2Fb%2Bc%26d"
    )


def test_html_to_text_keeps_structure():
    html = (
        "<html><head><title>x</title></head><body><h1>Title</h1><p>One&nbsp;two &eacute;"
        " <a href='mailto:a@b.c'>a@b.c</a></p><ul><li>first</li><li>second</li></ul>"
        "<ol><li>a</li><li>b</li></ol><p>Line<br>break</p></body></html>"
    )
    assert html_to_text(html) == (
        "Title\n\nOne two é a@b.c\n\n- first\n- second\n\n1. a\n2. b\n\nLine\nbreak"
    )


def test_text_to_html_escapes_and_links():
    html = text_to_html("a < b & c\nnext\n\nhttps://x.io/p?q=1&r=2, then (https://y.io).")
    assert "<p>a &lt; b &amp; c<br>\nnext</p>" in html
    assert '<a href="https://x.io/p?q=1&amp;r=2">https://x.io/p?q=1&amp;r=2</a>,' in html
    assert '(<a href="https://y.io">https://y.io</a>).' in html


def test_message_goes_through_a_real_server_intact(smtp_server):
    message = build(body=HTML_BODY, subject="Zoë says hi\r\nBcc: evil@x.com")
    with SmtpTransport(smtp_server.settings()) as transport:
        transport.send(message, SENDER.address, "bob@example.com")
    (received,) = smtp_server.messages
    assert received.rcpt_tos == ("bob@example.com",)
    assert received.message["Subject"] == "Zoë says hi Bcc: evil@x.com"
    assert received.message["Bcc"] is None
    assert received.message["Message-ID"] == message["Message-ID"]
    assert received.raw.rstrip(b"\r\n") == message_bytes(message).rstrip(b"\r\n")
