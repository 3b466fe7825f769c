"""Campaign templates: every one, in both languages, is a campaign ready to activate."""

from __future__ import annotations

import re

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.templating import required_variables
from fluenzr_desktop.ops.accounts import add_account
from fluenzr_desktop.ops.campaigns import campaign_document, check_campaign, preview_emails
from fluenzr_desktop.ops.contacts import save_contact
from fluenzr_desktop.ops.settings import set_setting
from fluenzr_desktop.ops.templates import (
    create_from_template,
    list_templates,
    template_outline,
)

LANGUAGES = ("en", "fr")
TEMPLATE_IDS = [template.id for template in list_templates("en")]
CASES = [(template_id, language) for template_id in TEMPLATE_IDS for language in LANGUAGES]
# What a contact without a first name or a company is greeted with.
GREETING = {"en": "Hi there,", "fr": "Bonjour à vous,"}
RELAY = {"name": "Relay", "email": "founder@startup.io", "smtp_host": "127.0.0.1",
         "smtp_port": 2525, "smtp_security": "none"}  # fmt: skip


def _account(workspace, **fields) -> int:
    return add_account(workspace, {**RELAY, **fields}).account["id"]


def _emails(document: dict) -> list[dict]:
    return [node for node in document["nodes"] if node["type"] == "email"]


def test_the_gallery_offers_the_three_sequences_in_both_languages():
    english = list_templates("en")
    french = list_templates("fr")

    assert [t.name for t in english][:3] == [
        "3-step cold outreach", "Meeting follow-up", "Re-engage old leads",
    ]  # fmt: skip
    assert [t.id for t in french] == [t.id for t in english]
    for en, fr in zip(english, french, strict=True):
        assert fr.name != en.name and fr.description != en.description
        assert en.steps == fr.steps >= 2
    assert list_templates("de_DE") == english  # a language without templates: English
    assert [t.name for t in list_templates("fr_CA")] == [t.name for t in french]


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_a_campaign_from_a_template_passes_validation_without_a_warning(
    workspace, template_id, language
):
    account = _account(workspace)

    created = create_from_template(workspace, template_id, "", None, language)

    assert created.account == account  # the workspace's only account
    assert check_campaign(workspace, created.id).problems == []
    document = campaign_document(workspace, created.id)
    kinds = [node["type"] for node in document["nodes"]]
    assert kinds[0] == "start" and kinds[-1] == "end"
    assert kinds[1:-1:2] == ["email"] * len(kinds[1:-1:2]) and "delay" in kinds
    settings = document["settings"]
    assert settings["window"] == {
        "days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00",
    }  # fmt: skip
    assert 0 < settings["gap_seconds"][0] < settings["gap_seconds"][1]


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_every_email_greets_by_first_name_and_names_the_company_with_fallbacks(
    template_id, language, workspace
):
    document = campaign_document(
        workspace, create_from_template(workspace, template_id, "x", None, language).id
    )
    emails = _emails(document)

    assert emails[0]["subject"].strip()
    assert [email["subject"] for email in emails[1:]] == [""] * (len(emails) - 1)  # replies
    texts = " ".join(email["subject"] + email["body"] for email in emails)
    for variable in ("firstName", "company"):
        uses = re.findall(r"\{\{\s*" + variable + r"\b[^}]*\}\}", texts)
        assert uses and all("default('" in use for use in uses), uses
    for email in emails:
        assert required_variables(email["subject"]) == required_variables(email["body"]) == set()


@pytest.mark.parametrize(("template_id", "language"), CASES)
def test_a_contact_without_first_name_or_company_reads_whole_sentences(
    workspace, template_id, language
):
    _account(workspace)
    save_contact(workspace, None, {"email": "nobody@example.org"}, [])
    campaign = create_from_template(workspace, template_id, "x", None, language)

    _address, emails = preview_emails(workspace, campaign.id, "nobody@example.org")

    first_subject = emails[0]["subject"]
    for email in emails:
        assert email["missing"] == [] and "error" not in email
        assert email["body"].startswith(GREETING[language] + "\n")
        assert not re.search(r"\s[,.]|\{|\}|  ", email["body"]), email["body"]
    assert [email["subject"] for email in emails[1:]] == [f"Re: {first_subject}"] * (
        len(emails) - 1
    )
    outline = [step.subject for step in template_outline(template_id, language) if step.subject]
    assert outline == [email["subject"] for email in emails]  # the gallery shows what is sent


def test_a_contact_with_data_is_greeted_by_name(workspace):
    _account(workspace)
    save_contact(
        workspace, None, {"email": "zoe@acme.fr", "first_name": "Zoé", "company": "Acme"}, []
    )
    campaign = create_from_template(workspace, "cold-outreach", "x", None, "fr")

    _address, emails = preview_emails(workspace, campaign.id, "zoe@acme.fr")

    assert emails[0]["subject"] == "Une idée pour Acme"
    assert emails[0]["body"].startswith("Bonjour Zoé,\n")
    assert "Acme" in emails[0]["body"]


def test_the_window_follows_the_accounts_zone_else_the_workspace_default(workspace):
    set_setting(workspace, "campaign_timezone", "America/Montreal")
    set_setting(workspace, "campaign_hours", "08:00-20:00")
    plain = _account(workspace)
    tokyo = _account(workspace, name="Tokyo", email="jp@startup.io", timezone="Asia/Tokyo")

    by_default = create_from_template(workspace, "re-engage", "a", plain, "en")
    by_account = create_from_template(workspace, "re-engage", "b", tokyo, "en")

    default_settings = campaign_document(workspace, by_default.id)["settings"]
    assert default_settings["timezone"] == "America/Montreal"
    assert default_settings["window"]["start"] == "09:00"  # the template's working hours
    assert campaign_document(workspace, by_account.id)["settings"]["timezone"] == "Asia/Tokyo"


def test_a_blank_name_takes_the_templates_name_in_that_language(workspace):
    created = create_from_template(workspace, "meeting-follow-up", "  ", None, "fr")
    named = create_from_template(workspace, "meeting-follow-up", "Après le salon", None, "fr")

    from fluenzr_desktop.ops.campaigns import campaign_summaries

    names = {row["id"]: row["name"] for row in campaign_summaries(workspace)}
    assert names[created.id] == "Suivi après un rendez-vous"
    assert names[named.id] == "Après le salon"


def test_an_unknown_template_is_refused_naming_the_known_ones(workspace):
    with pytest.raises(FluenzrError) as refused:
        create_from_template(workspace, "cold", "x", None, "en")

    message = str(refused.value)
    assert "\n" not in message and "'cold'" in message
    assert all(template_id in message for template_id in TEMPLATE_IDS)
