"""`campaign create`/`validate` report templates and values past their limits, never crash."""

from __future__ import annotations

import pytest

from .helpers import sample_document, write_json


def _create(cli, tmp_path, document: dict, account_id: int) -> int:
    document["settings"]["account"] = account_id
    path = write_json(tmp_path / "doc.json", document)
    result = cli("campaign", "create", "--name", "Limits", "--from-file", path, "--json")
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.json["id"]


def _problems(cli, campaign_id: int) -> list[dict]:
    result = cli("campaign", "validate", str(campaign_id), "--json")
    assert "Traceback" not in result.stderr
    assert result.code == (1 if result.json["problems"] else 0)
    return result.json["problems"]


@pytest.mark.parametrize(
    ("field", "template", "message", "code", "params"),
    [
        (
            "body",
            "Hi {{ '%*s'|format(50000000,'x') }}",
            "the body pads text too widely (a width over 1,000)",
            "template_too_wide",
            {"what": "body", "max": 1000},
        ),
        (
            "subject",
            "{{ 'ab' * 30000000 }}",
            "the subject repeats text too many times (over 1,000,000 characters)",
            "template_repeats",
            {"what": "subject", "max": 1_000_000},
        ),
        (
            "body",
            "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}"
            "{% endfor %}",
            "the body asks for a range of over 10,000 items",
            "template_big_range",
            {"what": "body", "max": 10_000},
        ),
        (
            "subject",
            "{{ " + "(" * 5000 + "firstName" + ")" * 5000 + " }}",
            "the subject does not compile: line 1: nested too deeply (over 20 levels)",
            "template_syntax",
            {"what": "subject", "detail": "line 1: nested too deeply (over 20 levels)"},
        ),
    ],
)
def test_the_templates_of_the_issue_are_problems_before_activation(
    cli, tmp_path, account_id, field, template, message, code, params
):
    document = sample_document()
    document["nodes"][1][field] = template
    campaign_id = _create(cli, tmp_path, document, account_id)
    assert _problems(cli, campaign_id) == [
        {"node": "e1", "field": field, "message": message, "code": code, "params": params}
    ]
    refused = cli("campaign", "activate", str(campaign_id))
    assert refused.code != 0 and "Traceback" not in refused.stderr


def test_out_of_range_delays_and_settings_are_problems_not_crashes(cli, tmp_path, account_id):
    document = sample_document()
    document["nodes"][2]["amount"] = 10**30
    document["settings"].update(daily_cap=10**9, gap_seconds=[0, 10**12])
    campaign_id = _create(cli, tmp_path, document, account_id)
    assert _problems(cli, campaign_id) == [
        {
            "node": "d1",
            "field": "amount",
            "message": "the delay must be at most one year (365 days)",
            "code": "delay_amount_too_large",
            "params": {"max": 365, "unit": "days"},
        },
        {
            "node": None,
            "field": "settings.gap_seconds",
            "message": "the gap must be [min, max] whole seconds from 0 to 86,400 (one day)",
            "code": "gap_invalid",
            "params": {"max": 86_400},
        },
        {
            "node": None,
            "field": "settings.daily_cap",
            "message": "the daily cap must be a whole number from 1 to 10,000",
            "code": "daily_cap_invalid",
            "params": {"max": 10_000},
        },
    ]


def test_a_sample_within_the_limits_still_validates(cli, tmp_path, account_id):
    campaign_id = _create(cli, tmp_path, sample_document(), account_id)
    assert _problems(cli, campaign_id) == []
