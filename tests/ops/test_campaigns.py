"""The campaign and outbox use cases, against a real workspace: what the window and CLI share."""

from __future__ import annotations

from datetime import datetime

import pytest

from fluenzr_desktop.domain.clock import ManualClock
from fluenzr_desktop.domain.errors import ActivationRefused, FluenzrError, IllegalTransition
from fluenzr_desktop.ops import NOTHING, Changes
from fluenzr_desktop.ops.campaigns import (
    activation_summary,
    campaign_details,
    campaign_document,
    campaign_summaries,
    change_campaign_status,
    create_campaign,
    delete_campaign,
    duplicate_campaign,
    list_enrollments,
    preview_contacts,
    retry_contacts,
    save_sequence,
    save_settings,
    starter_document,
    update_campaign,
)
from fluenzr_desktop.ops.enrollments import enroll_contacts
from fluenzr_desktop.ops.outbox import list_outbox
from fluenzr_desktop.store.accounts import add_account
from fluenzr_desktop.store.models import Contact, Enrollment, OutboxMessage
from tests.cli.helpers import sample_document

# Condition nodes need the Pro plan: these tests are about the sequence, not the plan.
pytestmark = pytest.mark.usefixtures("pro_workspace")


def _account(workspace) -> int:
    """A sending account (a local relay without login)."""
    with workspace.session() as session:
        return add_account(
            session, name="Relay", email="founder@startup.io", smtp_host="127.0.0.1",
            smtp_port=2525, smtp_security="none",
        ).id  # fmt: skip


def _contacts(workspace, *people: tuple[str, str | None]) -> None:
    """Contacts as (email, company)."""
    with workspace.session() as session:
        session.add_all(Contact(email=email, company=company, custom_fields={})
                        for email, company in people)  # fmt: skip


def _company_campaign(workspace) -> int:
    """A campaign whose first subject prints the company, without a default."""
    document = sample_document()
    document["nodes"][1]["subject"] = "Question for {{ company }}"
    campaign = create_campaign(workspace, "Launch", document, _account(workspace))
    _contacts(workspace, ("ann@acme.io", "Acme"), ("bob@solo.io", None))
    enroll_contacts(workspace, campaign.id, everyone=True)
    return campaign.id


def test_activating_without_an_account_is_refused_with_the_line_the_cli_prints(workspace, cli):
    created = create_campaign(workspace, "Launch", sample_document())
    assert [p.field for p in created.errors] == ["settings.account"]

    with pytest.raises(ActivationRefused) as refused:
        change_campaign_status(workspace, created.id, "activate")

    printed = cli("campaign", "activate", created.id)
    assert printed.code == 1
    assert printed.stderr.splitlines()[0] == f"fluenzr: error: {refused.value}"
    assert "no sending account" in str(refused.value)
    assert [p.field for p in refused.value.problems] == ["settings.account"]
    assert campaign_summaries(workspace)[0]["status"] == "draft"


def test_a_verb_the_state_machine_forbids_is_refused_before_any_problem(workspace):
    created = create_campaign(workspace, "Launch", sample_document())  # no account: a problem

    with pytest.raises(IllegalTransition):
        change_campaign_status(workspace, created.id, "resume")


def test_activation_with_contacts_lacking_a_value_needs_confirmation(workspace):
    campaign_id = _company_campaign(workspace)

    asked = change_campaign_status(workspace, campaign_id, "activate")

    assert asked.needs_confirmation
    assert asked.status == "draft" and asked.changes == NOTHING
    assert [(m.variable, m.missing, m.examples) for m in asked.lacking] == [
        ("company", 1, ["bob@solo.io"])
    ]
    assert asked.total == 2
    assert campaign_summaries(workspace)[0]["status"] == "draft"

    done = change_campaign_status(workspace, campaign_id, "activate", confirmed=True)

    assert not done.needs_confirmation
    assert done.status == "active"
    assert done.changes == Changes(campaigns=True, enrollments=True)
    assert [m.variable for m in done.lacking] == ["company"]  # still said, for the record
    assert campaign_summaries(workspace)[0]["status"] == "active"


def test_save_sequence_stores_the_graph_keeps_the_settings_and_lists_activation_errors(workspace):
    created = create_campaign(workspace, "Launch", sample_document())
    save_settings(workspace, created.id, {**sample_document()["settings"], "daily_cap": 7})
    canvas = sample_document()
    canvas["nodes"][1]["subject"] = "A new subject"
    del canvas["settings"]

    saved = save_sequence(workspace, created.id, canvas)

    assert saved.changes == Changes(campaigns=True)
    stored = campaign_document(workspace, created.id)
    assert stored["nodes"][1]["subject"] == "A new subject"
    assert stored["settings"]["daily_cap"] == 7
    # What activation will check, the workspace's problems included (no account here).
    assert [p.field for p in saved.errors] == ["settings.account"]


def test_save_sequence_is_refused_while_the_campaign_runs(workspace):
    created = create_campaign(workspace, "Launch", sample_document(), _account(workspace))
    change_campaign_status(workspace, created.id, "activate")

    with pytest.raises(FluenzrError, match="active"):
        save_sequence(workspace, created.id, sample_document())


def test_save_settings_keeps_the_graph_and_unknown_keys(workspace):
    document = sample_document()
    document["settings"]["house_rule"] = "keep me"
    created = create_campaign(workspace, "Launch", document)
    settings = {**document["settings"], "timezone": "America/New_York"}

    saved = save_settings(workspace, created.id, settings)

    assert saved.changes == Changes(campaigns=True)
    assert saved.settings["timezone"] == "America/New_York"
    assert saved.settings["house_rule"] == "keep me"
    assert campaign_document(workspace, created.id)["nodes"] == document["nodes"]


def test_create_duplicate_rename_and_delete(workspace):
    created = create_campaign(workspace, "Launch")
    assert created.changes == Changes(campaigns=True)
    copy = duplicate_campaign(workspace, created.id, "Launch (copy)")
    assert campaign_document(workspace, copy.id) == campaign_document(workspace, created.id)

    renamed = update_campaign(workspace, copy.id, name="  Autumn ")

    assert renamed.changes == Changes(campaigns=True)
    assert [c["name"] for c in campaign_summaries(workspace)] == ["Launch", "Autumn"]
    assert delete_campaign(workspace, copy.id).campaigns
    assert [c["name"] for c in campaign_summaries(workspace)] == ["Launch"]
    with pytest.raises(FluenzrError, match="no campaign with id"):
        delete_campaign(workspace, copy.id)


def test_list_enrollments_by_state_and_retry_the_errors(workspace):
    campaign_id = _company_campaign(workspace)
    change_campaign_status(workspace, campaign_id, "activate", confirmed=True)
    with workspace.session() as session:
        failed = session.query(Enrollment).filter_by(campaign_id=campaign_id).first()
        failed.state, failed.current_node, failed.last_error = "error", "e1", "550 unknown"

    errors = list_enrollments(workspace, campaign_id, "error")

    assert [(row.email, row.state, row.last_error) for row in errors] == [
        ("ann@acme.io", "error", "550 unknown")
    ]
    assert len(list_enrollments(workspace, campaign_id)) == 2
    retried = retry_contacts(workspace, campaign_id, all_errors=True)
    assert retried.retried == ["ann@acme.io"] and retried.skipped == []
    assert retried.changes == Changes(campaigns=True, enrollments=True)
    assert list_enrollments(workspace, campaign_id, "error") == []
    with pytest.raises(FluenzrError):
        list_enrollments(workspace, 99)


def test_preview_contacts_prefer_the_campaign_s_own(workspace):
    campaign_id = _company_campaign(workspace)
    _contacts(workspace, ("zed@else.io", None))  # in the workspace, not in the campaign

    previewed = preview_contacts(workspace, campaign_id)

    assert [email for email, _variables in previewed] == ["ann@acme.io", "bob@solo.io"]
    assert previewed[0][1]["company"] == "Acme"


def test_list_outbox_by_state(workspace):
    campaign_id = _company_campaign(workspace)
    with workspace.session() as session:
        enrollment = session.query(Enrollment).filter_by(campaign_id=campaign_id).first()
        session.add(OutboxMessage(
            enrollment_id=enrollment.id, node_id="e1", message_id="<1@startup.io>",
            state="held", to_address="ann@acme.io", subject="Question for Acme", attempts=1,
            campaign_id=campaign_id, sent_at=datetime(2025, 3, 3, 9, 0),
        ))  # fmt: skip

    held = list_outbox(workspace, "held")

    assert held == [{
        "message_id": "<1@startup.io>", "state": "held", "to": "ann@acme.io",
        "subject": "Question for Acme", "campaign": campaign_id, "node": "e1", "attempts": 1,
        "sent_at": datetime(2025, 3, 3, 9, 0), "last_error": None,
    }]  # fmt: skip
    assert list_outbox(workspace, "queued") == []


def test_resending_a_held_message_queues_it_without_a_sent_folder_finding(workspace):
    from fluenzr_desktop.ops.outbox import resolve_held_message

    campaign_id = _company_campaign(workspace)
    with workspace.session() as session:
        enrollment = session.query(Enrollment).filter_by(campaign_id=campaign_id).first()
        session.add(OutboxMessage(
            enrollment_id=enrollment.id, node_id="e1", message_id="<2@startup.io>",
            state="held", to_address="ann@acme.io", subject="Question for Acme", attempts=1,
            campaign_id=campaign_id, last_error="held: the server may have accepted it",
        ))  # fmt: skip

    assert resolve_held_message(workspace, "<2@startup.io>", False).decision == (
        "queued to be sent again"
    )
    (row,) = list_outbox(workspace, "queued")
    assert row["message_id"] == "<2@startup.io>"
    assert row["last_error"] is None  # the user's answer, not "not in the Sent folder"


def test_a_new_campaign_sends_through_the_only_account(workspace):
    document = sample_document()
    document["settings"].pop("account", None)
    assert create_campaign(workspace, "Before", document).account is None  # no account yet
    account = _account(workspace)
    created = create_campaign(workspace, "Launch", sample_document())
    assert created.account == account
    assert campaign_document(workspace, created.id)["settings"]["account"] == account
    assert "settings.account" not in [p.field for p in created.errors]

    with workspace.session() as session:
        add_account(session, name="Other", email="other@startup.io", smtp_host="127.0.0.1",
                    smtp_port=2525, smtp_security="none")  # fmt: skip
    assert create_campaign(workspace, "Two accounts", sample_document()).account is None


def test_starter_document_wires_one_email_between_start_and_end(workspace):
    created = create_campaign(workspace, "Launch", starter_document(workspace))
    nodes = {node["id"]: node["type"] for node in campaign_document(workspace, created.id)["nodes"]}
    edges = campaign_document(workspace, created.id)["edges"]
    assert sorted((nodes[e["from"]], nodes[e["to"]]) for e in edges) == [
        ("email", "end"),
        ("start", "email"),
    ]


def test_activation_summary_says_who_when_how_fast_and_what_lacks(workspace):
    campaign_id = _company_campaign(workspace)
    save_settings(workspace, campaign_id, {
        **campaign_document(workspace, campaign_id)["settings"],
        "timezone": "Europe/Paris", "daily_cap": 30,
        "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
    })  # fmt: skip
    workspace.clock = ManualClock(datetime(2026, 12, 5, 12, 0))  # a Saturday

    summary = activation_summary(workspace, campaign_id)

    assert summary.contacts == 2
    assert summary.first_send.isoformat() == "2026-12-07T09:00:00+01:00"
    assert summary.timezone == "Europe/Paris"
    assert summary.daily_cap == 30
    assert [(m.variable, m.missing) for m in summary.lacking] == [("company", 1)]
    assert campaign_details(workspace, campaign_id)["status"] == "draft"  # nothing moved


def test_activation_summary_refuses_problems_first(workspace):
    document = sample_document()
    document["settings"].pop("account", None)
    campaign_id = create_campaign(workspace, "Launch", document).id
    with pytest.raises(ActivationRefused) as refused:
        activation_summary(workspace, campaign_id)
    assert [p.field for p in refused.value.problems] == ["settings.account"]


def test_a_new_campaign_starts_with_the_workspace_defaults_for_zone_and_window(workspace):
    from fluenzr_desktop.ops.campaigns import campaign_document
    from fluenzr_desktop.ops.settings import set_setting

    set_setting(workspace, "campaign_timezone", "America/New_York")
    set_setting(workspace, "campaign_days", "tue,thu")
    set_setting(workspace, "campaign_hours", "08:30-12:00")

    for document in (None, starter_document(workspace)):
        created = create_campaign(workspace, "Launch", document)
        settings = campaign_document(workspace, created.id)["settings"]
        assert settings["timezone"] == "America/New_York"
        assert settings["window"] == {"days": ["tue", "thu"], "start": "08:30", "end": "12:00"}
