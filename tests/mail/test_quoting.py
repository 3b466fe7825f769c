"""Quoted history is cut the way each client writes it; the new text stays intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from fluenzr_desktop.mail.classify import parse_bytes
from fluenzr_desktop.mail.quoting import decode_bytes, html_as_quoted_text, new_text, strip_quoted

SAMPLES = Path(__file__).parent / "samples"
NEW = "Thanks, Thursday works.\n\nZoë"


@pytest.mark.parametrize(
    "history",
    [
        # Gmail, attribution wrapped over two lines
        "On Mon, Dec 2, 2026 at 10:00 AM Camille Laurent <camille@acme-outreach.io>\n"
        "wrote:\n\n> Hi Zoë,\n> How about Thursday?\n",
        # Gmail (EU locale)
        "On Mon, 2 Dec 2026 at 10:00, Camille <c@x.io> wrote:\n> Hi\n",
        # Apple Mail
        "On 2 Dec 2026, at 10:00, Camille Laurent <camille@acme-outreach.io> wrote:\n\n> Hi\n",
        # Thunderbird
        "On 02/12/2026 10:00, Camille Laurent wrote:\n> Hi\n",
        # Outlook desktop
        "From: Camille Laurent <camille@acme-outreach.io>\nSent: Monday, December 2, 2026 10:00"
        " AM\nTo: Zoë Martin <zoe@example.com>\nSubject: Quick question\n\nHi Zoë,\n",
        # Outlook web
        "________________________________\nFrom: Camille Laurent <camille@acme-outreach.io>\n"
        "Sent: Monday, December 2, 2026 10:00 AM\nTo: Zoë\nSubject: Quick question\n\nHi\n",
        # Outlook plain-text, older
        "-----Original Message-----\nFrom: Camille\nSent: Monday\nTo: Zoë\nSubject: Hi\n\nHi\n",
        # Outlook HTML converted by another client: bold labels
        "*From:* Camille Laurent <camille@acme-outreach.io>\n*Sent:* Monday, December 2, 2026\n"
        "*To:* Zoë\n*Subject:* Quick question\n\nHi\n",
        # French Gmail, with its non-breaking spaces
        "Le lun. 2 déc. 2026 à 10:00, Camille Laurent <camille@acme-outreach.io> a\nécrit :\n"
        "\n> Bonjour\n",
        # French Outlook
        "De : Camille Laurent <camille@acme-outreach.io>\nEnvoyé : lundi 2 décembre 2026 10:00\n"
        "À : Zoë\nObjet : Question rapide\n\nBonjour\n",
        "-----Message d'origine-----\nDe : Camille\nEnvoyé : lundi\nÀ : Zoë\nObjet : Q\n",
        # German
        "Am Mo., 2. Dez. 2026 um 10:00 Uhr schrieb Camille Laurent <camille@acme-outreach.io>:\n"
        "> Hallo\n",
        "Am 02.12.2026 um 10:00 schrieb Camille Laurent:\n> Hallo\n",
        "Von: Camille Laurent <camille@acme-outreach.io>\nGesendet: Montag, 2. Dezember 2026\n"
        "An: Zoë\nBetreff: Kurze Frage\n\nHallo\n",
        "-----Ursprüngliche Nachricht-----\nVon: Camille\n",
        # Spanish
        "El lun, 2 dic 2026 a las 10:00, Camille Laurent (<camille@acme-outreach.io>) "
        "escribió:\n> Hola\n",
        "De: Camille Laurent <camille@acme-outreach.io>\nEnviado el: lunes, 2 de diciembre\n"
        "Para: Zoë\nAsunto: Pregunta\n\nHola\n",
        # Italian and Dutch
        "Il giorno lun 2 dic 2026 alle ore 10:00 Camille <c@x.io> ha scritto:\n> Ciao\n",
        "Op ma 2 dec. 2026 om 10:00 schreef Camille Laurent <camille@acme-outreach.io>:\n> Hoi\n",
        "Van: Camille Laurent\nVerzonden: maandag 2 december 2026 10:00\nAan: Zoë\n"
        "Onderwerp: Vraag\n\nHoi\n",
        # Forwarded block and bare ">" quoting
        "---------- Forwarded message ---------\nFrom: Camille\n",
        "> Hi Zoë,\n> How about Thursday?\n",
    ],
)
def test_quoted_history_is_removed(history):
    assert strip_quoted(f"{NEW}\n\n{history}") == NEW
    assert strip_quoted(f"{NEW}\r\n\r\n{history}".replace("\n", "\r\n")) == NEW


def test_signature_after_dash_dash_space_is_removed():
    assert strip_quoted(f"{NEW}\n\n-- \nZoë Martin\nCEO, Example") == NEW


def test_mobile_footers_are_removed():
    for footer in ("Sent from my iPhone", "Envoyé de mon iPhone", "Von meinem iPhone gesendet"):
        assert strip_quoted(f"{NEW}\n\n{footer}\n\n> quoted") == NEW


def test_bottom_and_inline_posting_keep_the_unquoted_lines():
    text = (
        "On 02/12/2026 10:00, Camille wrote:\n> Question one?\n\nAnswer one.\n\n"
        "> Question two?\n\nAnswer two.\n"
    )
    assert strip_quoted(text) == "Answer one.\n\nAnswer two."


def test_new_text_without_any_quote_is_kept_intact():
    text = "Hello,\n\nI wrote: this is fine, see below.\n\nFrom now on, call me.\nBest"
    assert strip_quoted(text) == text


def test_an_empty_text_stays_empty():
    assert strip_quoted("") == ""
    assert strip_quoted("> only a quote") == ""


def test_html_blockquotes_become_quoted_lines():
    html = (
        "<div>Yes!</div><div class=gmail_quote>On Mon, Camille wrote:<br>"
        "<blockquote>Question?<blockquote>Older</blockquote></blockquote></div><div>After</div>"
    )
    text = html_as_quoted_text(html)
    assert "> Question?" in text
    assert "> > Older" in text
    assert strip_quoted(text) == "Yes!\nAfter"


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("outlook_desktop_reply.eml", "Hello Camille,"),
        ("outlook_web_reply.eml", "Sure, Thursday at 3pm works."),
        ("gmail_reply.eml", "Hi Camille,"),
    ],
)
def test_the_html_part_alone_gives_the_same_new_text(name, first_line):
    message = parse_bytes((SAMPLES / name).read_bytes())
    html_part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    html = html_part.get_content()
    from_html = strip_quoted(html_as_quoted_text(html))
    assert from_html.startswith(first_line)
    assert "Camille Laurent" not in from_html
    assert "onboard new customers" not in from_html
    assert " ".join(from_html.split()) == " ".join(new_text(message).split())


def test_attached_messages_are_not_the_reply_text():
    raw = (
        b"From: a@example.com\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nInner text\r\n"
        b"--b\r\nContent-Type: text/plain\r\n\r\nOuter text\r\n--b--\r\n"
    )
    assert new_text(parse_bytes(raw)) == "Outer text"


def test_decode_bytes_falls_back_safely():
    assert decode_bytes("é".encode(), "x-unknown") == "é"
    assert decode_bytes("é".encode("cp1252"), "utf-8") == "é"
    assert decode_bytes(b"caf\xc3\xa9 \xff", "utf-8") == "café \ufffd"
    assert decode_bytes(b"hello", "zlib") == "hello"
    assert decode_bytes("Grüße".encode("iso-8859-15"), "iso-8859-15") == "Grüße"
