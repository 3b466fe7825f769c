"""The engine sends through the account's own server: delivery, headers, threading, safety."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pytest

from fluenzr_desktop.domain.unsubscribe import read_token

from .conftest import delay, linear
from .conftest import email as email_step

PEOPLE = ["ann@acme.io,Ann,Acme", "bob@globex.com,Bob,Globex", "chloé@exemple.fr,Chloé,Société"]


@pytest.mark.parametrize("security", ["none", "starttls"])
def test_first_email_reaches_every_contact_with_the_expected_headers(make_world, security):
    world = make_world(security=security, auth=True)
    world.add_contacts(PEOPLE[:2])
    world.new_campaign(linear(email_step("Quick question, {{firstName}}", "Hi {{firstName}}")))

    report = world.tick()

    counts = {key: report.to_dict()[key] for key in ("sent", "failed", "waiting", "completed")}
    assert counts == {"sent": 2, "failed": 0, "waiting": 0, "completed": 2}
    assert report.to_dict()["paused"] == []
    (ann,) = world.received_by("ann@acme.io")
    parsed = email.message_from_bytes(ann.raw, policy=email.policy.default)
    assert parsed["Subject"] == "Quick question, Ann"
    assert parsed["From"].addresses[0].display_name == "Zoë Founder"
    assert parsed["From"].addresses[0].addr_spec == "founder@startup.io"
    assert parsed["To"].addresses[0].addr_spec == "ann@acme.io"
    assert parsed["Date"] is not None
    assert parsed["Message-ID"].endswith("@startup.io>")
    assert parsed.get_content_type() == "multipart/alternative"
    kinds = [part.get_content_type() for part in parsed.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert parsed.get_body(("plain",)).get_content().startswith("Hi Ann")
    unsubscribe = str(parsed["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<mailto:founder@startup.io?subject=unsubscribe-")
    enrollment = world.enrollment("ann@acme.io")
    assert read_token(world.workspace.unsubscribe_secret, unsubscribe) == enrollment.id
    assert ann.mail_from == "founder@startup.io"
    # The Message-ID was generated before sending and is the one stored.
    assert {m.message_id for m in world.outbox()} == {
        m["Message-ID"] for m in world.server.messages
    }


def test_follow_up_is_threaded_with_re_subject(make_world):
    world = make_world()
    world.add_contacts(PEOPLE[:1])
    world.new_campaign(
        linear(
            email_step("Quick question, {{firstName}}"),
            delay(2, "days"),
            email_step("", "Bumping this up"),
            delay(1, "days"),
            email_step("Last one", "Closing the loop"),
        )
    )
    world.tick()
    world.clock.advance(timedelta(days=2, minutes=1))
    world.tick()
    world.clock.advance(timedelta(days=1, minutes=1))
    world.tick()

    first, second, third = world.received_by("ann@acme.io")
    assert second["Subject"] == "Re: Quick question, Ann"
    assert second["In-Reply-To"] == first["Message-ID"]
    assert second["References"] == first["Message-ID"]
    assert third["Subject"] == "Last one"
    assert third["In-Reply-To"] == second["Message-ID"]
    assert third["References"].split() == [first["Message-ID"], second["Message-ID"]]
    assert world.enrollment("ann@acme.io").state == "completed"


def test_html_body_gets_a_text_part_and_signature_renders(make_world):
    world = make_world()
    world.add_contacts(PEOPLE[:1])
    world.new_campaign(
        linear(email_step("Hi", "<p>Hello <b>{{firstName}}</b>,</p><p>{{signature}}</p>"))
    )
    world.tick()
    (message,) = world.received_by("ann@acme.io")
    parsed = email.message_from_bytes(message.raw, policy=email.policy.default)
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert "Hello Ann," in text and "<b>" not in text
    assert "<b>Ann</b>" in html
    assert "Zoë, Startup" in text


def test_contact_data_cannot_inject_headers_or_template_code(make_world):
    world = make_world()
    world.add_contacts(['mallory@evil.io,"Eve\r\nBcc: victim@else.io","{{ 7*7 }}"'])
    world.new_campaign(linear(email_step("Hello {{firstName}}", "At {{company}}")))
    world.tick()

    (message,) = world.server.messages
    assert message.rcpt_tos == ("mallory@evil.io",)
    parsed = email.message_from_bytes(message.raw, policy=email.policy.default)
    assert parsed["Bcc"] is None
    assert "\n" not in parsed["Subject"] and "Bcc" in parsed["Subject"]
    assert "At {{ 7*7 }}" in parsed.get_body(("plain",)).get_content()


def test_a_template_failing_for_one_contact_does_not_stop_the_others(make_world):
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,4", "bob@globex.com,Bob,0"])
    world.new_campaign(linear(email_step("Hi", "Ratio: {{ 100 / (company | int) }}")))

    report = world.tick()

    assert report.sent == 1 and report.failed == 1
    assert len(world.received_by("ann@acme.io")) == 1
    bob = world.enrollment("bob@globex.com")
    assert bob.state == "error"
    assert "body" in bob.last_error and "division by zero" in bob.last_error


def test_one_connection_is_reused_for_a_batch(make_world):
    world = make_world()
    world.add_contacts([f"p{i}@acme.io,P{i},Acme" for i in range(30)])
    world.new_campaign(linear(email_step()))
    assert world.tick().sent == 30
    assert world.server.sessions == 1


def test_an_address_suppressed_after_enrollment_is_never_mailed(make_world):
    from fluenzr_desktop.store.models import Suppression

    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@blocked.io,Bob,Blocked", "cy@acme.io,Cy,A"])
    world.new_campaign(linear(email_step()))
    with world.workspace.session() as session:
        session.add(Suppression(value="ann@acme.io", kind="address", reason="asked"))
        session.add(Suppression(value="blocked.io", kind="domain", reason="competitor"))
        session.add(Suppression(value="acme.io", kind="address"))  # not a domain entry

    assert world.tick().sent == 1
    assert [m.rcpt_tos for m in world.server.messages] == [("cy@acme.io",)]
    ann = world.enrollment("ann@acme.io")
    assert ann.state == "unsubscribed" and "asked" in ann.last_error
    assert "competitor" in world.enrollment("bob@blocked.io").last_error
