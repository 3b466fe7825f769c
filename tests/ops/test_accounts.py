"""The account use cases against a real workspace, keyring and SMTP server: what the window
and the command line share."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.accounts import (
    account_fields,
    add_account,
    check_connection,
    check_deletable,
    check_fields,
    delete_account,
    get_account,
    inbox_accounts,
    list_accounts,
    update_account,
)
from fluenzr_desktop.store.models import Campaign
from tests.cli.helpers import sample_document
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401
from tests.fixtures.smtp_server import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    smtp_auth_server,
    smtp_certificate,
    smtp_server_factory,
)

RELAY = {
    "name": "Relay",
    "email": "Founder@Startup.io",
    "smtp_host": "127.0.0.1",
    "smtp_port": 2525,
    "smtp_security": "none",
}
GMAIL = {
    **RELAY,
    "name": "Gmail",
    "smtp_host": "smtp.gmail.com",
    "smtp_port": 587,
    "smtp_security": "starttls",
    "imap_host": "imap.gmail.com",
    "imap_port": 993,
    "imap_security": "ssl",
    "username": "founder@startup.io",
}


def _passwords(keyring) -> list[str]:
    return list(keyring.entries.values())


def test_adding_a_login_stores_its_password_in_the_keyring_and_says_accounts_changed(
    workspace,
    memory_keyring,  # noqa: F811
):
    saved = add_account(workspace, GMAIL, password="Tr0ub4dor&3")
    assert saved.changes == Changes(accounts=True)
    assert saved.account["email"] == "founder@startup.io"  # normalised
    assert _passwords(memory_keyring) == ["Tr0ub4dor&3"]
    assert [a["id"] for a in list_accounts(workspace)] == [saved.id]
    assert get_account(workspace, saved.id)["imap"]["host"] == "imap.gmail.com"
    assert "password" not in str(get_account(workspace, saved.id)).lower()


def test_a_login_without_a_password_and_a_password_without_a_login_are_refused(
    workspace,
    memory_keyring,  # noqa: F811
):
    with pytest.raises(FluenzrError, match="a login needs a password"):
        add_account(workspace, GMAIL)
    with pytest.raises(FluenzrError, match="a password goes with --username"):
        add_account(workspace, RELAY, password="secret")
    relay = add_account(workspace, RELAY)
    with pytest.raises(FluenzrError, match="a login needs a password"):
        update_account(workspace, relay.id, {"username": "founder"})
    assert list_accounts(workspace) == [relay.account]
    assert memory_keyring.entries == {}


def test_an_account_without_login_never_opens_the_password_store(workspace, monkeypatch):
    def no_store(*_args, **_kwargs):
        raise AssertionError("the password store was opened")

    monkeypatch.setattr(type(workspace), "secret_store", no_store)
    relay = add_account(workspace, RELAY)
    update_account(workspace, relay.id, {"daily_cap": 40, "username": None})
    assert account_fields(workspace, relay.id)["daily_cap"] == 40
    assert delete_account(workspace, relay.id).changes == Changes(accounts=True)
    assert list_accounts(workspace) == []


def test_clearing_the_username_forgets_the_password(
    workspace,
    memory_keyring,  # noqa: F811
):
    saved = add_account(workspace, {**GMAIL, "imap_host": None}, password="Tr0ub4dor&3")
    changed = update_account(workspace, saved.id, {"username": ""})
    assert changed.account["username"] is None
    assert memory_keyring.entries == {}


def test_a_refused_update_changes_nothing(
    workspace,
    memory_keyring,  # noqa: F811
):
    saved = add_account(workspace, GMAIL, password="Tr0ub4dor&3")
    with pytest.raises(FluenzrError, match="--email"):
        update_account(workspace, saved.id, {"email": "founder@"}, password="N3w")
    assert get_account(workspace, saved.id) == saved.account
    assert _passwords(memory_keyring) == ["Tr0ub4dor&3"]


def test_deleting_is_refused_while_an_active_campaign_sends_from_the_account(
    workspace,
    memory_keyring,  # noqa: F811
):
    saved = add_account(workspace, GMAIL, password="Tr0ub4dor&3")
    with workspace.session() as session:
        campaign = Campaign(
            name="Launch", status="active", account_id=saved.id, document=sample_document()
        )
        session.add(campaign)
        session.flush()
        campaign_id = campaign.id
    for refused in (check_deletable, delete_account):
        with pytest.raises(FluenzrError, match=f"used by campaign {campaign_id} \\(active\\)"):
            refused(workspace, saved.id)
    assert _passwords(memory_keyring) == ["Tr0ub4dor&3"]

    with workspace.session() as session:
        session.get(Campaign, campaign_id).status = "archived"
    deleted = delete_account(workspace, saved.id)
    assert (deleted.id, deleted.changes) == (saved.id, Changes(accounts=True))
    assert memory_keyring.entries == {}
    with pytest.raises(FluenzrError, match=f"no account with id {saved.id}"):
        get_account(workspace, saved.id)


def test_inbox_accounts_are_those_with_an_imap_server(
    workspace,
    memory_keyring,  # noqa: F811
):
    relay = add_account(workspace, RELAY)
    gmail = add_account(workspace, GMAIL, password="Tr0ub4dor&3")
    assert [a.id for a in inbox_accounts(workspace)] == [gmail.id]
    assert [a.id for a in inbox_accounts(workspace, str(gmail.id))] == [gmail.id]
    with pytest.raises(FluenzrError, match=f"account {relay.id} has no IMAP server to read"):
        inbox_accounts(workspace, relay.id)


def _at(server) -> dict:
    return {**RELAY, "smtp_host": server.host, "smtp_port": server.port}


def test_the_connection_test_logs_in_with_the_stored_password(
    workspace,
    memory_keyring,  # noqa: F811
    smtp_auth_server,  # noqa: F811
):
    saved = add_account(
        workspace, {**_at(smtp_auth_server), "username": SMTP_USER}, password=SMTP_PASSWORD
    )
    results = check_connection(workspace, saved.id)
    assert results["smtp"]["ok"] is True and "235" in str(results["smtp"]["answer"])
    assert results["imap"]["ok"] is None  # no IMAP server: skipped

    # A form not saved yet: its typed password wins over the stored one.
    form = {**_at(smtp_auth_server), "username": SMTP_USER}
    refused = check_connection(workspace, saved.id, fields=form, password="wrong")
    assert refused["smtp"]["ok"] is False and "535" in str(refused["smtp"]["answer"])

    memory_keyring.entries.clear()
    missing = check_connection(workspace, saved.id)
    assert missing["smtp"] == {
        "ok": False,
        "login": True,
        "answer": f"no password stored for account {saved.id} in the password store",
    }


def test_the_connection_test_without_login_only_connects(
    workspace,
    smtp_server_factory,  # noqa: F811
):
    server = smtp_server_factory()
    results = check_connection(workspace, fields=check_fields(_at(server)))
    assert results["smtp"]["ok"] is True
    assert "connected, no login (sending without AUTH)" in str(results["smtp"]["answer"])
