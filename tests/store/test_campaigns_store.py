"""Campaign operations on a real workspace: create, enroll, status changes, preview, counts."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import ActivationRefused, FluenzrError, IllegalTransition
from fluenzr_desktop.domain.states import EnrollmentState
from fluenzr_desktop.store.campaigns import (
    change_status,
    create_campaign,
    enroll,
    get_campaign,
    state_counts,
)
from fluenzr_desktop.store.contacts import find_contact
from fluenzr_desktop.store.models import Account, Contact, Enrollment, Suppression
from fluenzr_desktop.store.previews import preview

DOCUMENT = {
    "version": 1,
    "settings": {
        "account": None,
        "timezone": "Europe/Paris",
        "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
        "gap_seconds": [60, 180],
        "daily_cap": 50,
        "stop_on_reply": True,
        "stop_on_auto_reply": False,
    },
    "nodes": [
        {"id": "start", "type": "start", "position": [0, 0]},
        {
            "id": "e1",
            "type": "email",
            "subject": "Quick question, {{firstName}}",
            "body": "Hi {{ firstName | default('there') }}, how is {{ company }} in {{ Ville }}?",
            "position": [0, 120],
        },
        {"id": "d1", "type": "delay", "amount": 3, "unit": "days"},
        {"id": "e2", "type": "email", "subject": "", "body": "Just bumping this up."},
        {"id": "end", "type": "end"},
    ],
    "edges": [
        {"from": "start", "to": "e1"},
        {"from": "e1", "to": "d1"},
        {"from": "d1", "to": "e2"},
        {"from": "e2", "to": "end"},
    ],
}


def _add_contacts(session, *emails: str, **fields) -> list[Contact]:
    contacts = [Contact(email=email, custom_fields={}, **fields) for email in emails]
    session.add_all(contacts)
    session.flush()
    return contacts


def _runnable_campaign(session):
    """A draft of DOCUMENT that can be activated: an account, and `Ville` is a known field."""
    account = Account(name="Main", email="me@example.com", smtp_host="localhost", options={})
    session.add(account)
    session.add(Contact(email="known@example.com", custom_fields={"Ville": "Lyon"}))
    session.flush()
    return create_campaign(session, "C", DOCUMENT, account_id=account.id)


def _enrollments(workspace, campaign_id: int) -> dict[str, Enrollment]:
    with workspace.session() as session:
        rows = session.execute(
            select(Contact.email, Enrollment)
            .join(Enrollment, Enrollment.contact_id == Contact.id)
            .where(Enrollment.campaign_id == campaign_id)
        )
        return {email: enrollment for email, enrollment in rows}


# --- create ------------------------------------------------------------------------------------


def test_create_stores_a_draft_and_keeps_fields_the_app_does_not_know(workspace):
    document = copy.deepcopy(DOCUMENT)
    document["canvas"] = {"zoom": 1.5, "grid": True}
    document["settings"]["x_future"] = {"warmup": [1, 2]}
    document["nodes"][1]["color"] = "#ff8800"
    document["edges"][0]["label"] = "go"
    with workspace.session() as session:
        campaign_id = create_campaign(session, "  Printemps 2025 ", document).id

    with workspace.session() as session:
        stored = get_campaign(session, campaign_id)
        assert stored.name == "Printemps 2025"
        assert stored.status == "draft"
        assert stored.document == document


def test_create_refuses_an_empty_name_and_an_unknown_account(workspace):
    with workspace.session() as session, pytest.raises(FluenzrError, match="name"):
        create_campaign(session, "   ", DOCUMENT)
    document = copy.deepcopy(DOCUMENT)
    document["settings"]["account"] = 99
    with workspace.session() as session, pytest.raises(FluenzrError, match="99"):
        create_campaign(session, "C", document)
    with workspace.session() as session:
        assert session.scalars(select(Enrollment)).all() == []
        with pytest.raises(FluenzrError, match="no campaign"):
            get_campaign(session, 1)


# --- enroll ------------------------------------------------------------------------------------


def test_enroll_skips_suppressed_addresses_domains_and_contacts_already_in(workspace):
    with workspace.session() as session:
        campaign = create_campaign(session, "C", DOCUMENT)
        contacts = _add_contacts(
            session,
            "anne@example.com",
            "blocked@example.com",
            "ceo@competitor.com",
            "dora@example.com",
        )
        session.add_all(
            [
                Suppression(value="blocked@example.com", kind="address", reason="asked"),
                Suppression(value="competitor.com", kind="domain"),
            ]
        )
        session.flush()
        enrolled, skipped = enroll(session, campaign, contacts)
        campaign_id = campaign.id

    assert enrolled == 2
    reasons = {entry["email"]: entry["reason"] for entry in skipped}
    assert set(reasons) == {"blocked@example.com", "ceo@competitor.com"}
    assert "suppressed address" in reasons["blocked@example.com"]
    assert "asked" in reasons["blocked@example.com"]
    assert "suppressed domain competitor.com" in reasons["ceo@competitor.com"]
    assert set(_enrollments(workspace, campaign_id)) == {"anne@example.com", "dora@example.com"}

    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        anne = find_contact(session, "anne@example.com")
        erin = _add_contacts(session, "erin@example.com")[0]
        enrolled, skipped = enroll(session, campaign, [anne, erin, anne])

    assert enrolled == 1
    assert skipped == [
        {"email": "anne@example.com", "reason": "already in this campaign"},
        {"email": "anne@example.com", "reason": "already in this campaign"},
    ]
    assert len(_enrollments(workspace, campaign_id)) == 3


def test_a_domain_entry_stored_as_an_address_does_not_block_the_whole_domain(workspace):
    with workspace.session() as session:
        campaign = create_campaign(session, "C", DOCUMENT)
        contacts = _add_contacts(session, "someone@example.com")
        session.add(Suppression(value="example.com", kind="address"))
        session.flush()
        assert enroll(session, campaign, contacts) == (1, [])


def test_draft_enrollments_wait_until_activation_sets_their_next_action(workspace):
    with workspace.session() as session:
        campaign = _runnable_campaign(session)
        enroll(session, campaign, _add_contacts(session, "anne@example.com", "bob@example.com"))
        campaign_id = campaign.id

    assert all(e.next_action_at is None for e in _enrollments(workspace, campaign_id).values())

    # The workspace's clock, not the wall clock, stamps activation and enrolment.
    workspace.clock = ManualClock(datetime.now(UTC) + timedelta(days=400))
    activated_at = workspace.clock.now()
    with workspace.session() as session:
        change_status(session, get_campaign(session, campaign_id), "activate")

    enrollments = _enrollments(workspace, campaign_id)
    assert len(enrollments) == 2
    for enrollment in enrollments.values():
        assert enrollment.state == "added"
        assert enrollment.next_action_at == activated_at

    # A contact added to an active campaign is due at once.
    enrolled_at = workspace.clock.advance(timedelta(hours=3))
    with workspace.session() as session:
        enroll(session, get_campaign(session, campaign_id), _add_contacts(session, "c@example.com"))
    late = _enrollments(workspace, campaign_id)["c@example.com"]
    assert late.next_action_at == enrolled_at
    assert late.created_at == enrolled_at


def test_an_archived_campaign_takes_no_new_contacts(workspace):
    with workspace.session() as session:
        campaign = create_campaign(session, "C", DOCUMENT)
        change_status(session, campaign, "archive")
        with pytest.raises(FluenzrError, match="archived"):
            enroll(session, campaign, _add_contacts(session, "anne@example.com"))


# --- status ------------------------------------------------------------------------------------


def test_status_changes_follow_the_state_machine(workspace):
    with workspace.session() as session:
        campaign = _runnable_campaign(session)
        campaign_id = campaign.id
        for verb, expected in (
            ("activate", "active"),
            ("pause", "paused"),
            ("resume", "active"),
            ("pause", "paused"),
            ("archive", "archived"),
        ):
            assert change_status(session, campaign, verb) == expected
            assert campaign.status == expected
    with workspace.session() as session:
        assert get_campaign(session, campaign_id).status == "archived"


@pytest.mark.parametrize(
    ("path", "verb"),
    [
        ((), "resume"),
        ((), "pause"),
        (("activate",), "archive"),
        (("activate",), "activate"),
        (("activate", "pause"), "activate"),
        (("archive",), "activate"),
    ],
)
def test_illegal_status_changes_are_refused_and_change_nothing(workspace, path, verb):
    with workspace.session() as session:
        campaign = _runnable_campaign(session)
        for step in path:
            change_status(session, campaign, step)
        status = campaign.status
        campaign_id = campaign.id
    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        with pytest.raises(IllegalTransition):
            change_status(session, campaign, verb)
        assert campaign.status == status


def test_activating_a_document_with_problems_is_refused_with_the_list(workspace):
    document = copy.deepcopy(DOCUMENT)
    document["nodes"][1]["subject"] = ""  # the first email needs a subject
    document["nodes"][2]["amount"] = 0
    with workspace.session() as session:
        campaign = create_campaign(session, "C", document)
        enroll(session, campaign, _add_contacts(session, "anne@example.com"))
        campaign_id = campaign.id

    with workspace.session() as session:
        campaign = get_campaign(session, campaign_id)
        with pytest.raises(ActivationRefused) as caught:
            change_status(session, campaign, "activate")
        assert campaign.status == "draft"

    problem_nodes = {problem.node_id for problem in caught.value.problems}
    assert {"e1", "d1"} <= problem_nodes
    assert "problem" in str(caught.value)
    with workspace.session() as session:
        assert get_campaign(session, campaign_id).status == "draft"
    assert _enrollments(workspace, campaign_id)["anne@example.com"].next_action_at is None


# --- preview -----------------------------------------------------------------------------------


def test_preview_renders_each_email_for_the_contact_and_lists_missing_variables(workspace):
    with workspace.session() as session:
        campaign = create_campaign(session, "C", DOCUMENT)
        contact = _add_contacts(session, "anne@example.com", first_name="Anne")[0]
        contact.company = "{{ 7*7 }}"
        session.flush()
        result = preview(session, campaign, contact)

    assert [entry["node"] for entry in result] == ["e1", "e2"]
    first, follow_up = result
    assert first["subject"] == "Quick question, Anne"
    assert first["body"] == "Hi Anne, how is {{ 7*7 }} in ?"
    assert "49" not in first["body"]
    assert first["missing"] == ["Ville"]
    assert follow_up["subject"] == "Re: Quick question, Anne"
    assert follow_up["body"] == "Just bumping this up."
    assert follow_up["missing"] == []


def test_preview_uses_custom_fields_fallbacks_and_the_account_signature(workspace):
    document = copy.deepcopy(DOCUMENT)
    document["nodes"][3]["body"] = "Cheers\n{{ signature }}"
    with workspace.session() as session:
        account = Account(name="Main", email="me@example.com", signature="-- Max", options={})
        session.add(account)
        session.flush()
        campaign = create_campaign(session, "C", document, account_id=account.id)
        contact = Contact(email="bob@example.com", custom_fields={"Ville": "Lyon"})
        session.add(contact)
        session.flush()
        first, follow_up = preview(session, campaign, contact)

    assert first["subject"] == "Quick question,"
    assert first["body"].startswith("Hi there, how is")
    assert first["body"].endswith("in Lyon?")
    assert first["missing"] == ["company", "firstName"]
    assert follow_up["body"] == "Cheers\n-- Max"


# --- counts ------------------------------------------------------------------------------------


def test_state_counts_list_every_state_with_zeros(workspace):
    with workspace.session() as session:
        busy = create_campaign(session, "Busy", DOCUMENT)
        empty = create_campaign(session, "Empty", DOCUMENT)
        enroll(session, busy, _add_contacts(session, "a@example.com", "b@example.com"))
        session.flush()
        replied = session.scalars(select(Enrollment).where(Enrollment.campaign_id == busy.id))
        replied.first().state = EnrollmentState.REPLIED.value
        session.flush()
        counts = state_counts(session, [busy.id, empty.id])

    every_state = {state.value for state in EnrollmentState}
    assert set(counts[busy.id]) == every_state
    assert counts[busy.id]["added"] == 1
    assert counts[busy.id]["replied"] == 1
    assert sum(counts[busy.id].values()) == 2
    assert counts[empty.id] == dict.fromkeys(every_state, 0)


def test_enrolling_twenty_thousand_contacts_checks_suppressions_in_chunks(workspace, tmp_path):
    """More addresses than SQLite takes in one query: all enrolled, the suppressed skipped."""
    from fluenzr_desktop.domain.workflow import new_document
    from fluenzr_desktop.store.campaigns import contacts_for_enrollment
    from fluenzr_desktop.store.csv_io import import_contacts

    source = tmp_path / "many.csv"
    source.write_text(
        "email\n" + "\n".join(f"p{i}@d{i % 900}.com" for i in range(20_000)) + "\n",
        encoding="utf-8",
    )
    import_contacts(workspace.engine, source)
    with workspace.session() as session:
        session.add(Suppression(value="d7.com", kind="domain", reason="competitor"))
        campaign = create_campaign(session, "Big", new_document())
        contacts, unknown = contacts_for_enrollment(session, everyone=True)
        enrolled, skipped = enroll(session, campaign, contacts)
    assert unknown == [] and len(contacts) == 20_000
    assert len(skipped) == len([i for i in range(20_000) if i % 900 == 7])
    assert enrolled == 20_000 - len(skipped)
    assert {s["reason"] for s in skipped} == {"suppressed domain d7.com (competitor)"}
