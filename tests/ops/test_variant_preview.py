"""Previewing A/B variants: the variant asked for, else the one the contact gets, and its thread."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.variants import assign_variant, variants_of
from fluenzr_desktop.domain.workflow import parse_document
from fluenzr_desktop.ops.campaigns import create_campaign, preview_emails
from fluenzr_desktop.ops.enrollments import enroll_contacts
from fluenzr_desktop.store.models import Contact, Enrollment
from tests.cli.helpers import sample_document


def variant_document() -> dict:
    """e1 tested A (the node's texts) / B (own subject) / C (own body), then a bare follow-up."""
    document = sample_document()
    document["nodes"] = [
        {"id": "start", "type": "start"},
        {
            "id": "e1",
            "type": "email",
            "subject": "Quick question, {{ firstName }}",
            "body": "Hi {{ firstName }}, plain.",
            "variants": [
                {"id": "A", "weight": 1},
                {"id": "B", "subject": "{{ company }} and cold email", "weight": 1},
                {"id": "C", "body": "Hello {{ firstName }}, C's body.", "weight": 2},
            ],
        },
        {"id": "d1", "type": "delay", "amount": 2, "unit": "days"},
        {"id": "e2", "type": "email", "subject": "", "body": "Bumping this."},
        {"id": "end", "type": "end"},
    ]
    document["edges"] = [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "d1"},
        {"from": "d1", "to": "e2"},
        {"from": "e2", "to": "end"},
    ]
    return document


def _campaign(workspace, document: dict, *emails: str) -> int:
    with workspace.session() as session:
        session.add_all(
            Contact(email=email, first_name=email.split("@")[0].title(), company="Acme",
                    custom_fields={})
            for email in emails
        )  # fmt: skip
    return create_campaign(workspace, "A/B", document).id


def test_a_chosen_variant_is_rendered_and_its_follow_up_replies_to_its_subject(workspace):
    campaign_id = _campaign(workspace, variant_document(), "ann@acme.io")

    address, (first, follow_up) = preview_emails(workspace, campaign_id, "ann@acme.io", "B")

    assert address == "ann@acme.io"
    assert (first["node"], first["variant"]) == ("e1", "B")
    assert first["subject"] == "Acme and cold email"
    assert first["body"] == "Hi Ann, plain."  # B takes the node's body
    assert (follow_up["variant"], follow_up["subject"]) == (None, "Re: Acme and cold email")
    assert "subjects" not in follow_up  # one thread: one subject, not every variant's

    _address, (first, follow_up) = preview_emails(workspace, campaign_id, "ann@acme.io", "C")
    assert (first["subject"], first["body"]) == ("Quick question, Ann", "Hello Ann, C's body.")
    assert follow_up["subject"] == "Re: Quick question, Ann"


def test_without_a_variant_a_contact_not_enrolled_sees_the_first(workspace):
    campaign_id = _campaign(workspace, variant_document(), "ann@acme.io")

    _address, (first, _follow_up) = preview_emails(workspace, campaign_id, "ann@acme.io")

    assert (first["variant"], first["subject"]) == ("A", "Quick question, Ann")


def test_without_a_variant_an_enrolled_contact_sees_the_one_it_is_sent(workspace):
    emails = [f"p{number}@acme.io" for number in range(12)]
    campaign_id = _campaign(workspace, variant_document(), *emails)
    enroll_contacts(workspace, campaign_id, everyone=True)
    node = parse_document(variant_document()).node("e1")
    with workspace.session() as session:
        enrollment_ids = {
            row.contact.email: row.id
            for row in session.query(Enrollment).filter_by(campaign_id=campaign_id)
        }

    shown = {email: preview_emails(workspace, campaign_id, email)[1][0]["variant"]
             for email in emails}  # fmt: skip

    expected = {
        email: assign_variant(enrollment_ids[email], "e1", variants_of(node)) for email in emails
    }
    assert shown == expected
    assert len(set(shown.values())) > 1  # the split shows, not one variant for everyone


def test_a_stored_choice_wins_over_the_hash(workspace):
    campaign_id = _campaign(workspace, variant_document(), "ann@acme.io")
    enroll_contacts(workspace, campaign_id, everyone=True)
    node = parse_document(variant_document()).node("e1")
    with workspace.session() as session:
        enrollment = session.query(Enrollment).filter_by(campaign_id=campaign_id).one()
        hashed = assign_variant(enrollment.id, "e1", variants_of(node))
        stored = "B" if hashed != "B" else "C"
        enrollment.variants = {"e1": stored}

    _address, (first, _follow_up) = preview_emails(workspace, campaign_id, "ann@acme.io")

    assert first["variant"] == stored


def test_a_variant_only_some_emails_have_leaves_the_others_on_the_contact_s_own(workspace):
    document = variant_document()
    document["nodes"][3]["variants"] = [{"id": "A"}, {"id": "B", "body": "B bump."}]
    campaign_id = _campaign(workspace, document, "ann@acme.io")

    _address, (first, follow_up) = preview_emails(workspace, campaign_id, "ann@acme.io", "C")

    assert first["variant"] == "C"
    assert (follow_up["variant"], follow_up["body"]) == ("A", "Bumping this.")
    assert follow_up["subject"] == "Re: Quick question, Ann"


def test_an_unknown_variant_is_refused_naming_the_variants_there_are(workspace):
    campaign_id = _campaign(workspace, variant_document(), "ann@acme.io")
    plain = _campaign(workspace, sample_document())

    with pytest.raises(FluenzrError) as refused:
        preview_emails(workspace, campaign_id, "ann@acme.io", "Z")
    assert str(refused.value) == "no email of this campaign has variant 'Z' (variants: A, B, C)"

    with pytest.raises(FluenzrError) as refused:
        preview_emails(workspace, plain, "ann@acme.io", "B")
    assert str(refused.value) == "no email of this campaign has variant 'B' (it has no variants)"
