"""`fluenzr settings list|get|set`, end to end."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_refused

DEFAULTS = {
    "api_enabled": False,
    "api_port": 8787,
    "campaign_days": "mon,tue,wed,thu,fri",
    "campaign_hours": "09:00-18:00",
    "campaign_timezone": "Europe/Paris",
    "interface_language": "system",
    "plan_daily_cap": 50,
    "tracking_relay_url": "",
}


def test_list_shows_every_setting_with_its_default(cli):
    as_json = cli("settings", "list", "--json")
    as_text = cli("settings", "list")

    assert as_json.code == 0 and as_json.json == DEFAULTS
    assert as_text.code == 0 and as_text.stdout.splitlines() == [
        f"{key} = {value}" for key, value in DEFAULTS.items()
    ]


def test_plan_daily_cap_defaults_to_50(cli):
    assert cli("settings", "get", "plan_daily_cap", "--json").json == {"plan_daily_cap": 50}
    assert cli("settings", "get", "plan_daily_cap").stdout.strip() == "50"


def test_set_then_get_in_later_commands(cli):
    result = cli("settings", "set", "plan_daily_cap", "20", "--json")

    assert result.code == 0, result.stderr
    assert result.json == {"plan_daily_cap": 20}
    assert cli("settings", "get", "plan_daily_cap", "--json").json == {"plan_daily_cap": 20}
    assert cli("settings", "get", "plan_daily_cap").stdout.strip() == "20"
    assert cli("settings", "list", "--json").json == {**DEFAULTS, "plan_daily_cap": 20}


def test_set_twice_keeps_the_last_value_and_text_output(cli):
    cli("settings", "set", "plan_daily_cap", "20")

    result = cli("settings", "set", "plan_daily_cap", " 0 ")

    assert result.code == 0
    assert result.stdout.strip() == "plan_daily_cap = 0"
    assert cli("settings", "get", "plan_daily_cap", "--json").json == {"plan_daily_cap": 0}


def test_settings_belong_to_their_workspace(cli, tmp_path):
    cli("settings", "set", "plan_daily_cap", "20")

    other = cli("settings", "get", "plan_daily_cap", "--json", workspace=tmp_path / "other")

    assert other.json == {"plan_daily_cap": 50}


@pytest.mark.parametrize("value", ["twenty", "-1", "", "2.5"])
@pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])
def test_a_bad_value_is_refused_and_nothing_changes(cli, value, json_mode):
    cli("settings", "set", "plan_daily_cap", "20")

    result = cli("settings", "set", "plan_daily_cap", value, *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode)
    assert "plan_daily_cap" in message
    assert cli("settings", "get", "plan_daily_cap", "--json").json == {"plan_daily_cap": 20}


@pytest.mark.parametrize("verb", [["get", "no_such_key"], ["set", "no_such_key", "3"]])
@pytest.mark.parametrize("json_mode", [False, True], ids=["text", "json"])
def test_an_unknown_key_is_refused_naming_it(cli, verb, json_mode):
    result = cli("settings", *verb, *(["--json"] if json_mode else []))

    message = assert_refused(result, json_mode=json_mode)
    assert "no_such_key" in message
    assert cli("settings", "list", "--json").json == DEFAULTS


def test_new_campaign_defaults_and_the_language_are_set_like_any_setting(cli):
    assert cli("settings", "set", "campaign_hours", "08:00-12:00").stdout.strip() == (
        "campaign_hours = 08:00-12:00"
    )
    assert cli("settings", "set", "interface_language", "en", "--json").json == {
        "interface_language": "en"
    }
    refused = cli("settings", "set", "campaign_timezone", "Mars/Olympus")
    assert "unknown time zone" in assert_refused(refused, json_mode=False)
    listed = cli("settings", "list", "--json").json
    assert listed == {**DEFAULTS, "campaign_hours": "08:00-12:00", "interface_language": "en"}
