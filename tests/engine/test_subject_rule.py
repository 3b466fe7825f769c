"""An empty subject replies to the nearest earlier one: sent, previewed and shown alike."""

from __future__ import annotations

import pytest

from .conftest import delay, email, linear

# Condition nodes need the Pro plan: these tests are about the sequence, not the plan.
pytestmark = pytest.mark.usefixtures("pro_workspace")

CHAIN = linear(
    email("First", "One", id="a"),
    delay(1, "days", id="d1"),
    email("Second", "Two", id="b"),
    delay(1, "days", id="d2"),
    email("", "Three", id="c"),
)


def test_a_three_email_chain_sends_re_second_and_the_preview_agrees(make_world, cli):
    from datetime import timedelta

    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme"])
    campaign_id = world.new_campaign(CHAIN)
    for _ in range(3):
        world.tick()
        world.clock.advance(timedelta(days=1, minutes=1))

    sent = world.received_by("ann@acme.io")
    assert [m["Subject"] for m in sent] == ["First", "Second", "Re: Second"]
    # Threading is unchanged: the last email answers the second and names the whole thread.
    first_id, second_id = sent[0]["Message-ID"], sent[1]["Message-ID"]
    assert sent[2]["In-Reply-To"] == second_id
    assert sent[2]["References"].split() == [first_id, second_id]

    preview = cli("campaign", "preview", str(campaign_id), "--contact", "ann@acme.io", "--json",
                  workspace=world.workspace.root)  # fmt: skip
    assert [e["subject"] for e in preview.json["emails"]] == ["First", "Second", "Re: Second"]


def test_where_paths_merge_the_contact_gets_the_subject_of_its_own_path(make_world, cli):
    from datetime import timedelta

    document = linear(email("Hello {{firstName}}", "One", id="a"), delay(1, "days", id="d"))
    document["nodes"] = [n for n in document["nodes"] if n["id"] != "end"] + [
        {"id": "c", "type": "condition",
         "condition": {"kind": "field", "field": "company", "op": "is_not_empty"}},
        {"id": "b", "type": "email", "subject": "About {{company}}", "body": "Two"},
        {"id": "m", "type": "email", "subject": "", "body": "Three"},
        {"id": "d2", "type": "delay", "amount": 1, "unit": "days"},
        {"id": "end", "type": "end"},
    ]  # fmt: skip
    document["edges"] = [
        {"from": "start", "to": "a"}, {"from": "a", "to": "d"}, {"from": "d", "to": "c"},
        {"from": "c", "port": "yes", "to": "b"}, {"from": "b", "to": "d2"},
        {"from": "d2", "to": "m"}, {"from": "c", "port": "no", "to": "m"},
        {"from": "m", "to": "end"},
    ]  # fmt: skip
    world = make_world()
    world.add_contacts(["ann@acme.io,Ann,Acme", "bob@solo.io,Bob,"])
    campaign_id = world.new_campaign(document)
    for _ in range(4):
        world.tick()
        world.clock.advance(timedelta(days=1, minutes=1))

    assert [m["Subject"] for m in world.received_by("ann@acme.io")] == [
        "Hello Ann", "About Acme", "Re: About Acme"]  # fmt: skip
    assert [m["Subject"] for m in world.received_by("bob@solo.io")] == ["Hello Bob",
                                                                         "Re: Hello Bob"]  # fmt: skip

    preview = cli("campaign", "preview", str(campaign_id), "--contact", "ann@acme.io", "--json",
                  workspace=world.workspace.root)  # fmt: skip
    merged = next(e for e in preview.json["emails"] if e["node"] == "m")
    assert merged["subjects"] == ["Re: About Acme", "Re: Hello Ann"]
    text = cli("campaign", "preview", str(campaign_id), "--contact", "ann@acme.io",
               workspace=world.workspace.root).stdout  # fmt: skip
    assert "Subject, by path:\n  Re: About Acme\n  Re: Hello Ann" in text
