"""Classification of real-shaped inbound mail: replies, bounces, complaints, unsubscribes, OOO."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.message import Message
from pathlib import Path

import pytest

from fluenzr_desktop.mail.classify import Classification, asks_to_unsubscribe, classify, parse_bytes

SAMPLES = Path(__file__).parent / "samples"
NOW = datetime(2026, 12, 1, 9, 0)
OUR_FIRST = "<5f1c2a9e0b7d4c3e8a6f1d2b3c4e5f60@acme-outreach.io>"


def load(name: str) -> Message:
    return parse_bytes((SAMPLES / name).read_bytes())


def without_threading(message: Message) -> Message:
    """The same message as a client that drops In-Reply-To/References would send it."""
    del message["In-Reply-To"]
    del message["References"]
    return message


# ----------------------------------------------------------------------------- replies

REPLIES = {
    "gmail_reply.eml": (
        "Hi Camille,\n\nThanks for reaching out. We're actually reviewing onboarding tools this\n"
        "quarter, so the timing is good. Could you send me a few slots for a call\n"
        "next week?\n\nBest,\nZoë"
    ),
    "outlook_desktop_reply.eml": (
        "Hello Camille,\n\nNot the right moment for us, we signed with another provider in "
        "October.\nFeel free to check back in Q3.\n\nKind regards\nJonas Hartmann\n"
        "Head of Customer Success | Example GmbH"
    ),
    "outlook_web_reply.eml": "Sure, Thursday at 3pm works. Send an invite to this address.\n\nPriya",
    "apple_mail_reply.eml": (
        "Interesting. Looping in Lena who owns onboarding – Lena, can you take a look?"
    ),
    "thunderbird_reply.eml": (
        "Hi Camille,\n\nwe use a homegrown tool today. What does your pricing look like for a\n"
        "team of 12?\n\nThanks,\nAlessandro"
    ),
    "thunderbird_bottom_post.eml": (
        "Mostly spreadsheets, to be honest.\n\nYes, Tuesday morning works for me.\n\nKarol"
    ),
    "gmail_reply_fr.eml": (
        "Bonjour Camille,\n\nMerci pour votre message. Pouvez-vous m'envoyer une présentation de "
        "votre offre ? Je la transmettrai à l'équipe.\n\nBien cordialement,\nHélène"
    ),
    "outlook_reply_fr.eml": (
        "Bonjour,\n\nC'est déjà géré en interne, merci.\n\nFrançois Lévesque\n"
        "Directeur des opérations"
    ),
    "html_only_reply_gmail.eml": (
        "Hola Camille,\n\nYes, please send the case study you mentioned.\n\nMarta"
    ),
    "html_only_reply_apple.eml": "Bonjour Camille,\n\nOui, appelez-moi jeudi après 14h.\n\nJulien",
}


@pytest.mark.parametrize("threaded", [True, False], ids=["threaded", "no-threading-headers"])
@pytest.mark.parametrize("name", sorted(REPLIES))
def test_replies_keep_only_the_new_text(name, threaded):
    message = load(name) if threaded else without_threading(load(name))
    verdict = classify(message, now=NOW)
    assert verdict == Classification(kind="reply", text=REPLIES[name])


def test_a_quoted_unsubscribe_footer_does_not_make_a_reply_an_unsubscribe():
    # gmail_reply.eml quotes our footer (token and "reply stop") below Zoë's answer.
    message = load("gmail_reply.eml")
    assert b"unsubscribe-42-" in (SAMPLES / "gmail_reply.eml").read_bytes()
    assert classify(message, now=NOW).kind == "reply"


def test_threading_headers_are_left_for_the_caller():
    message = load("gmail_reply.eml")
    classify(message, now=NOW)
    assert message["In-Reply-To"] == OUR_FIRST


# ----------------------------------------------------------------------------- bounces

BOUNCES = {
    # name: (hard, failed recipients, original Message-IDs, diagnostic starts with)
    "postfix_dsn_550.eml": (
        True,
        ("nobody.here@example.com",),
        ("<9a8b7c6d5e4f30211a2b3c4d5e6f7a8b@acme-outreach.io>",),
        "550 5.1.1 <nobody.here@example.com>: Recipient address rejected: User unknown",
    ),
    "postfix_dsn_delayed.eml": (
        False,
        ("slow.inbox@example.net",),
        ("<1b2c3d4e5f60718293a4b5c6d7e8f901@acme-outreach.io>",),
        "451 4.7.1 Service unavailable",
    ),
    # 552 5.2.2 is "permanent" in RFC 3463, but a full mailbox empties: we call it soft.
    "postfix_dsn_552_mailbox_full.eml": (
        False,
        ("full.box@example.org",),
        ("<2c3d4e5f60718293a4b5c6d7e8f9a0b1@acme-outreach.io>",),
        "552 5.2.2 <full.box@example.org>: Mailbox full",
    ),
    "exim_failed.eml": (
        True,
        ("gone.away@example.com",),
        ("<3d4e5f60718293a4b5c6d7e8f9a0b1c2@acme-outreach.io>",),
        "550 5.1.1 <gone.away@example.com>: Recipient address rejected: User unknown",
    ),
    "exim_delay_warning.eml": (
        False,
        ("busy.server@example.net",),
        (),
        "451 4.3.0 Temporary local problem",
    ),
    "exchange_o365_dsn.eml": (
        True,
        ("m.schulz@example.de",),
        ("<4e5f60718293a4b5c6d7e8f9a0b1c2d3@acme-outreach.io>",),
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound",
    ),
    "gmail_dsn_failure.eml": (
        True,
        ("typo.address@example.com",),
        ("<CADm9x0Qw7Ej2kL5pN8rT1vY4zB6cF9hJ3mP0sU2wX5aZ8bD1eG@mail.gmail.com>",),
        "550 5.1.1 The email account that you tried to reach does not exist.",
    ),
    "qmail_failure.eml": (
        True,
        ("old.employee@example.org",),
        ("<5e6f708192a3b4c5d6e7f8091a2b3c4d@acme-outreach.io>",),
        "550 5.1.1 <old.employee@example.org>... User unknown",
    ),
}


@pytest.mark.parametrize("name", sorted(BOUNCES))
def test_bounces_name_the_failed_recipient_and_our_message(name):
    hard, recipients, ids, diagnostic = BOUNCES[name]
    verdict = classify(load(name), now=NOW)
    assert verdict.kind == "bounce"
    assert verdict.hard is hard
    assert verdict.failed_recipients == recipients
    assert verdict.original_message_ids == ids
    assert verdict.diagnostic.startswith(diagnostic)
    assert "\n" not in verdict.diagnostic


def test_a_dsn_reports_the_original_recipient_lower_cased():
    # Original-Recipient says "Nobody.Here@…": addresses are compared lower-cased.
    verdict = classify(load("postfix_dsn_550.eml"), now=NOW)
    assert verdict.failed_recipients == ("nobody.here@example.com",)


def test_a_bounce_of_a_message_carrying_our_token_is_still_a_bounce():
    # The returned original carries List-Unsubscribe with a token; bounce wins.
    verdict = classify(load("postfix_dsn_550.eml"), now=NOW)
    assert verdict.kind == "bounce"
    assert verdict.unsubscribe_token is None


def test_a_success_dsn_is_automatic_mail_not_a_bounce():
    raw = (SAMPLES / "postfix_dsn_550.eml").read_bytes()
    raw = raw.replace(b"Action: failed", b"Action: delivered").replace(
        b"Status: 5.1.1", b"Status: 2.0.0"
    )
    verdict = classify(parse_bytes(raw), now=NOW)
    assert verdict.kind == "auto_reply"


def test_a_human_reply_mentioning_undeliverable_mail_is_not_a_bounce():
    raw = (
        b"From: Zoe <zoe.martin@example.com>\r\nTo: camille@acme-outreach.io\r\n"
        b"Subject: Re: Quick question\r\nContent-Type: text/plain\r\n\r\n"
        b"Your last email said: 550 5.1.1 user unknown. Weird, I am here!\r\n"
    )
    assert classify(parse_bytes(raw), now=NOW).kind == "reply"


def test_a_reply_forwarding_a_bounce_stays_a_reply():
    bounce = (SAMPLES / "postfix_dsn_550.eml").read_bytes()
    raw = (
        b"From: Zoe <zoe.martin@example.com>\r\nTo: camille@acme-outreach.io\r\n"
        b"Subject: Re: Quick question\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="outer"\r\n\r\n'
        b"--outer\r\nContent-Type: text/plain\r\n\r\nMy colleague's address bounced, see below."
        b"\r\n--outer\r\nContent-Type: message/rfc822\r\n\r\n" + bounce + b"\r\n--outer--\r\n"
    )
    verdict = classify(parse_bytes(raw), now=NOW)
    assert verdict == Classification(
        kind="reply", text="My colleague's address bounced, see below."
    )


# ----------------------------------------------------------------------------- feedback


def test_an_arf_abuse_report_names_the_complaining_recipient():
    verdict = classify(load("arf_abuse_report.eml"), now=NOW)
    assert verdict == Classification(
        kind="feedback",
        failed_recipients=("angry.reader@example.net",),
        original_message_ids=("<6f708192a3b4c5d6e7f8091a2b3c4d5e@acme-outreach.io>",),
        diagnostic="abuse",
    )


def test_an_arf_report_without_original_rcpt_to_falls_back_on_the_attached_to():
    raw = (SAMPLES / "arf_abuse_report.eml").read_bytes()
    raw = raw.replace(b"Original-Rcpt-To: <angry.reader@example.net>\n", b"")
    verdict = classify(parse_bytes(raw), now=NOW)
    assert verdict.failed_recipients == ("angry.reader@example.net",)


# ----------------------------------------------------------------------------- unsubscribe


def test_the_list_unsubscribe_mailto_carries_our_token():
    verdict = classify(load("list_unsubscribe_mailto.eml"), now=NOW)
    assert verdict.kind == "unsubscribe"
    assert verdict.unsubscribe_token == "unsubscribe-42-AbCdEfGhIjKlMnOp"


def _reply(text: str, subject: str = "Re: Quick question about your onboarding") -> Message:
    quoted = (
        "\n\nOn Tue, 1 Dec 2026 at 09:30, Camille Laurent <camille@acme-outreach.io> wrote:\n"
        "> Hi, how do you onboard new customers today?\n"
        "> Not interested? Just reply stop and I will not write again.\n"
    )
    raw = (
        "From: Someone <someone@example.com>\nTo: camille@acme-outreach.io\n"
        f"Subject: {subject}\nIn-Reply-To: {OUR_FIRST}\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        f"{text}{quoted}"
    )
    return parse_bytes(raw.encode("utf-8"))


UNSUBSCRIBE_REQUESTS = [
    "Please unsubscribe me.",
    "unsubscribe",
    "STOP",
    "Stop.\n\nSent from my iPhone",
    "Please remove me from your list.",
    "Take me off your mailing list, thanks.",
    "Stop emailing me.",
    "Please stop sending me these emails",
    "Don't email me again.",
    "No, remove me.",
    "How do I unsubscribe?",
    "Merci de me désinscrire.",
    "Désinscrivez-moi svp",
    "Je souhaite me désabonner de vos envois.",
    "Je ne souhaite plus recevoir vos emails.",
    "Retirez-moi de votre liste, merci.",
    "Bitte abmelden.",
    "Bitte melden Sie mich von diesem Verteiler ab.",
    "Por favor, darme de baja.",
    "Cancellami dalla lista, grazie.",
    "Graag afmelden.",
]


@pytest.mark.parametrize("text", UNSUBSCRIBE_REQUESTS)
def test_replies_asking_to_be_removed_are_unsubscribes(text):
    verdict = classify(_reply(text), now=NOW)
    assert verdict.kind == "unsubscribe"
    assert verdict.unsubscribe_token is None
    assert verdict.text == text.replace("\n\nSent from my iPhone", "")


NOT_REQUESTS = [
    "Let's not stop here, send me the pricing.",
    "We unsubscribed from that vendor last year.",
    "Don't stop emailing me, this is useful!",
    "I don't want to unsubscribe, just pause for a month.",
    "What's your typical unsubscribe rate?",
    "Feel free to stop by our booth at the fair.",
    "Ich kann mich nicht abmelden, das ist aber egal.",
    "Je ne veux pas me désabonner, juste changer d'adresse.",
    "We removed meetings from Fridays, so Thursday works.",
    "Sounds good!",  # the quoted "reply stop" below must not count
]


@pytest.mark.parametrize("text", NOT_REQUESTS)
def test_replies_that_only_mention_stopping_stay_replies(text):
    assert classify(_reply(text), now=NOW).kind == "reply"


def test_a_fresh_message_titled_unsubscribe_counts_but_a_re_subject_does_not():
    assert classify(_reply("", subject="Unsubscribe"), now=NOW).kind == "unsubscribe"
    assert classify(_reply("Thanks!", subject="Re: Stop sending me reports"), now=NOW).kind == (
        "reply"
    )


def test_an_auto_reply_mentioning_unsubscribe_is_an_auto_reply():
    raw = (
        b"From: a@example.com\nSubject: Out of office\nAuto-Submitted: auto-replied\n\n"
        b"I am away. To unsubscribe from our newsletter, click the link.\n"
    )
    assert classify(parse_bytes(raw), now=NOW).kind == "auto_reply"


def test_asks_to_unsubscribe_matches_whole_words_only():
    assert asks_to_unsubscribe("unsubscribe")
    assert not asks_to_unsubscribe("unsubscribed")
    assert not asks_to_unsubscribe("the stopwatch feature")
    assert not asks_to_unsubscribe("remove mentions of pricing")


# ----------------------------------------------------------------------------- auto-replies

OUT_OF_OFFICE = {
    "ooo_en_outlook.eml": date(2026, 12, 14),
    "ooo_en_gmail_vacation.eml": date(2026, 12, 18),
    "ooo_fr.eml": date(2026, 12, 12),
    "ooo_de.eml": date(2026, 12, 14),
    "ooo_es.eml": date(2026, 12, 8),
    "ooo_it.eml": date(2026, 12, 11),
    "ooo_nl.eml": date(2026, 12, 7),
    "ooo_lotus_auto.eml": date(2026, 12, 21),
}


@pytest.mark.parametrize("name", sorted(OUT_OF_OFFICE))
def test_out_of_office_replies_give_their_return_date(name):
    verdict = classify(load(name), now=NOW)
    assert verdict.kind == "auto_reply"
    assert verdict.return_date == OUT_OF_OFFICE[name]
    assert verdict.text


@pytest.mark.parametrize(
    ("headers", "subject"),
    [
        ("Auto-Submitted: auto-generated\n", "Re: Hello"),
        ("X-Autoreply: yes\n", "Re: Hello"),
        ("X-Autorespond: Thank you\n", "Re: Hello"),
        ("Precedence: junk\n", "Re: Hello"),
        ("Precedence: auto_reply\n", "Re: Hello"),
        ("X-Auto-Response-Suppress: All\n", "Out of Office: Hello"),
        ("", "Automatic reply: Hello"),
        ("", "Auto: Jane is out of the office"),
        ("", "Réponse automatique : Hello"),
        ("", "Absent du bureau"),
        ("", "Abwesenheitsnotiz: Hello"),
        ("", "Automatische Antwort: Hello"),
        ("", "Fuera de la oficina"),
        ("", "Respuesta automática: Hello"),
        ("", "Risposta automatica: Hello"),
        ("", "Fuori ufficio"),
        ("", "Afwezigheidsbericht"),
        ("", "Automatisch antwoord: Hello"),
    ],
)
def test_auto_reply_headers_and_subjects(headers, subject):
    raw = f"From: a@example.com\n{headers}Subject: {subject}\n\nAway.\n".encode()
    assert classify(parse_bytes(raw), now=NOW).kind == "auto_reply"


@pytest.mark.parametrize(
    ("headers", "subject"),
    [
        ("Auto-Submitted: no\n", "Re: Hello"),
        ("Precedence: list\n", "Re: Hello"),
        ("", "Re: Absence management for your team"),
        ("", "Re: Out of office tools"),
    ],
)
def test_human_replies_are_not_auto_replies(headers, subject):
    raw = f"From: a@example.com\n{headers}Subject: {subject}\n\nTell me more.\n".encode()
    assert classify(parse_bytes(raw), now=NOW).kind == "reply"


# ----------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"no headers at all, just text",
        b"\xff\xfe\x00\x01garbage\r\n\r\n\x00\x02\x03",
        b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--\r\n",
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n"
        b"--x\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n--x--\r\n",
        b"Content-Type: multipart/report; report-type=feedback-report\r\n\r\n",
        b"Content-Type: message/rfc822\r\n\r\nnot a message",
        b"Content-Type: text/plain; charset=zlib\r\n\r\nhello",
        b'Content-Type: text/plain; charset="\xff"\r\n\r\nhello',
        b"Subject: =?utf-8?B?!!!?= =?bogus?Q?x?=\r\nFrom: <<<@@@>>>\r\n\r\nhi",
        b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64====",
        b"From: MAILER-DAEMON@x\r\nX-Failed-Recipients: \xff\xfe@\r\n\r\n\xff" * 3,
        b"Content-Type: multipart/mixed; boundary=a\r\n\r\n" + b"--a\r\n" * 2000,
    ],
    ids=lambda raw: repr(raw[:30]),
)
def test_malformed_input_never_raises(raw):
    verdict = classify(parse_bytes(raw), now=NOW)
    assert isinstance(verdict, Classification)
    assert verdict.kind in ("bounce", "feedback", "unsubscribe", "auto_reply", "reply")


def test_a_declared_boundary_that_never_occurs_still_yields_the_text():
    verdict = classify(load("malformed_broken_boundary.eml"), now=NOW)
    assert verdict == Classification(kind="reply", text="Sounds good, talk soon.")


def test_an_unknown_charset_falls_back_safely():
    verdict = classify(load("malformed_unknown_charset.eml"), now=NOW)
    assert verdict == Classification(kind="reply", text="Yes, happy to chat. Café on Friday?")


def test_bytes_that_are_not_utf8_are_read_as_cp1252():
    verdict = classify(load("malformed_invalid_utf8.eml"), now=NOW)
    assert verdict.kind == "reply"
    assert verdict.text.startswith("Bien reçu, merci")
    assert verdict.text.endswith("à bientôt.")


def test_a_reply_with_a_5_mb_attachment_is_classified_quickly():
    attachment = ("QUJD" * 19 + "\r\n") * 65_000  # ~5 MB of base64
    raw = (
        "From: Zoe <zoe.martin@example.com>\r\nTo: camille@acme-outreach.io\r\n"
        "Subject: Re: Quick question\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDeck attached.\r\n"
        "--b1\r\nContent-Type: application/pdf; name=deck.pdf\r\n"
        "Content-Disposition: attachment; filename=deck.pdf\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{attachment}--b1--\r\n"
    ).encode()
    assert len(raw) > 5_000_000
    started = time.perf_counter()
    verdict = classify(parse_bytes(raw), now=NOW)
    elapsed = time.perf_counter() - started
    assert verdict == Classification(kind="reply", text="Deck attached.")
    assert elapsed < 10  # a sanity bound against quadratic behaviour, not a benchmark


def test_a_huge_text_body_is_truncated_not_choked_on():
    body = "Yes let's talk.\n" + ("x" * 200 + "\n") * 100_000  # 20 MB
    raw = f"From: a@example.com\r\nSubject: Re: hi\r\n\r\n{body}".encode()
    verdict = classify(parse_bytes(raw), now=NOW)
    assert verdict.kind == "reply"
    assert verdict.text.startswith("Yes let's talk.")
    assert len(verdict.text) <= 4000


def test_parse_bytes_accepts_anything():
    assert isinstance(parse_bytes(b"\x00" * 10), Message)
    assert isinstance(parse_bytes(b""), Message)


def test_asking_to_leave_a_cc_or_a_thread_is_not_an_unsubscribe():
    from fluenzr_desktop.mail.classify import asks_to_unsubscribe

    assert not asks_to_unsubscribe("Can you remove me from the CC and add my colleague instead?")
    assert not asks_to_unsubscribe("Remove me from this thread please, Paul handles it.")
    assert asks_to_unsubscribe("Please remove me from your list.")
    assert asks_to_unsubscribe("remove my email address from your database")


# ----------------------------------------------------------------- out-of-office in the body

OOO_BODY = (
    "From: Janis Ozols <j.ozols@example.lv>\r\nTo: camille@acme-outreach.io\r\n"
    "Subject: =?utf-8?q?Pr=C4=93mbr=C4=ABv=C4=93_atbilde=3A_Quick_question?=\r\n"
    "Message-ID: <ooo@example.lv>\r\nIn-Reply-To: {original}\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for your email. I am out of office and will be back on Tuesday 8 December.",
        "Je suis actuellement absente du bureau et serai de retour le 8 décembre.",
        "Vielen Dank. Ich bin bis 8. Dezember nicht im Büro.",
        "Gracias. Estoy fuera de la oficina hasta el 8 de diciembre.",
        "Grazie, sono fuori ufficio fino all'8 dicembre.",
        "Bedankt. Ik ben afwezig tot 8 december.",
    ],
)
def test_an_out_of_office_in_the_body_under_any_subject_is_an_auto_reply(body):
    raw = OOO_BODY.format(original=OUR_FIRST, body=body).encode()
    verdict = classify(parse_bytes(raw), now=NOW)
    assert verdict.kind == "auto_reply"
    assert verdict.return_date == date(2026, 12, 8)


@pytest.mark.parametrize(
    "body",
    [
        "I'm out of the office tomorrow, can we talk on Monday instead?",
        "I am out of office this week but yes, I'm interested.\r\n\r\n"
        "On Mon, Camille wrote:\r\n> Hi Janis, would onboarding tools be a priority this quarter?"
        "\r\n> We help small teams book their first meetings.",
    ],
)
def test_a_person_who_is_away_but_answers_is_a_reply(body):
    raw = OOO_BODY.format(original=OUR_FIRST, body=body).replace("Pr=C4=93mbr", "Re").encode()
    assert classify(parse_bytes(raw), now=NOW).kind == "reply"


# ------------------------------------------------- misses of the real-world corpus, one by one

CORPUS = Path(__file__).parent / "corpus"


def corpus(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_a_report_listing_no_failed_recipient_falls_back_to_the_mta_detectors():
    # A real Sendmail report whose delivery-status part lost its per-recipient fields (as
    # some MTAs send it): it used to be taken as a success report.
    raw = re.sub(
        rb"(?mi)^(Action|Final-Recipient|Original-Recipient|Status|Diagnostic-Code|Remote-MTA"
        rb"|Last-Attempt-Date|X-[A-Za-z-]+):.*\r?\n",
        b"",
        corpus("bounce/email-sendmail-01.eml"),
    )
    verdict = classify(parse_bytes(raw), now=NOW)
    assert (verdict.kind, verdict.final, verdict.hard) == ("bounce", True, True)
    assert verdict.failed_recipients == ("userunknown@bouncehammer.jp",)


def test_a_recipient_block_without_action_is_read_from_its_status():
    raw = re.sub(rb"(?mi)^Action:.*\r?\n", b"", corpus("bounce/email-sendmail-01.eml"))
    verdict = classify(parse_bytes(raw), now=NOW)
    assert (verdict.kind, verdict.final, verdict.hard) == ("bounce", True, True)


@pytest.mark.parametrize(
    ("name", "recipient"),
    [
        ("bounce/bp-warning-5.eml", "sarah.darlington@cfs.coop"),  # an empty From, no subject
        ("bounce/msp-jp-kddi-01.eml", "kijitora@x0000000000000.dion.ne.jp"),  # no-reply@, 日本語
        ("bounce/fluenzr-mdaemon-permanent.eml", "k.nowak@example.pl"),  # MDaemon@
        ("bounce/fluenzr-imss-undeliverable.eml", "j.becker@corp.example.de"),  # imss@
        ("bounce/fluenzr-exchange-non-delivery.eml", "s.lee@corp.example.com"),  # Non-Delivery:
        ("bounce/fluenzr-french-non-recense.eml", "pierre.moreau@ademe.example.fr"),
    ],
)
def test_bounces_from_senders_that_do_not_look_like_a_daemon(name, recipient):
    verdict = classify(parse_bytes(corpus(name)), now=NOW)
    assert verdict.kind == "bounce" and verdict.final
    assert recipient in verdict.failed_recipients


@pytest.mark.parametrize(
    "name",
    [
        "bounce/bp-quota-2.eml",  # Action: failed, Status 4.0.0 (given up)
        "bounce/us-outlook-01.eml",  # 5.2.2 mailbox full
        "bounce/bp-quota-4.eml",  # "5.1.1" but the server says: message size exceeded
        "bounce/email-exchange2007-04.eml",  # 5.7.1 delivery restricted: a policy
    ],
)
def test_a_final_failure_that_is_not_about_the_address_stops_without_suppressing(name):
    verdict = classify(parse_bytes(corpus(name)), now=NOW)
    assert (verdict.kind, verdict.final, verdict.hard) == ("bounce", True, False)


@pytest.mark.parametrize("name", sorted(p.name for p in (CORPUS / "delayed").glob("*.eml")))
def test_a_delay_warning_is_not_a_final_failure(name):
    verdict = classify(parse_bytes(corpus(f"delayed/{name}")), now=NOW)
    assert (verdict.kind, verdict.final, verdict.hard) == ("bounce", False, False)


def test_an_out_of_office_under_a_latvian_subject_is_an_auto_reply():
    verdict = classify(parse_bytes(corpus("auto_reply/fluenzr-ooo-body-latvian-subject.eml")),
                       now=NOW)  # fmt: skip
    assert verdict.kind == "auto_reply"
    assert verdict.return_date == date(2026, 12, 8)
