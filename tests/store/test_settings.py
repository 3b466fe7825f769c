"""Workspace settings: defaults, stored values that survive reopening, refused input."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.settings import SETTINGS
from fluenzr_desktop.store.settings import all_settings, get_setting, set_setting
from fluenzr_desktop.workspace import open_workspace

# The values themselves are pinned by tests/cli/test_settings_cli.py.
DEFAULTS = {key: spec.default for key, spec in SETTINGS.items()}


def test_the_plan_daily_cap_defaults_to_50(workspace):
    with workspace.session() as session:
        assert get_setting(session, "plan_daily_cap") == 50
        assert all_settings(session)["plan_daily_cap"] == 50


def test_a_setting_set_is_read_back_after_reopening(workspace_dir):
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        assert set_setting(session, "plan_daily_cap", " 120 ") == 120
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        assert get_setting(session, "plan_daily_cap") == 120
        set_setting(session, "plan_daily_cap", "0")
    with open_workspace(workspace_dir) as workspace, workspace.session() as session:
        assert get_setting(session, "plan_daily_cap") == 0
        assert all_settings(session) == {**DEFAULTS, "plan_daily_cap": 0}


@pytest.mark.parametrize("text", ["fifty", "", "12.5", "-1", "1e3"])
def test_bad_values_are_refused_and_the_old_value_kept(workspace, text):
    with workspace.session() as session:
        set_setting(session, "plan_daily_cap", "70")
    with workspace.session() as session, pytest.raises(FluenzrError, match="plan_daily_cap"):
        set_setting(session, "plan_daily_cap", text)
    with workspace.session() as session:
        assert get_setting(session, "plan_daily_cap") == 70


def test_unknown_keys_are_refused_naming_the_known_ones(workspace):
    with workspace.session() as session:
        with pytest.raises(FluenzrError, match="plan_daily_cap") as caught:
            set_setting(session, "daily_cap_plan", "10")
        assert "daily_cap_plan" in str(caught.value)
        with pytest.raises(FluenzrError, match="unknown setting"):
            get_setting(session, "theme")
        assert all_settings(session) == DEFAULTS


@pytest.mark.parametrize(
    ("key", "text", "stored"),
    [
        ("interface_language", " FR ", "fr"),
        ("campaign_timezone", " America/New_York ", "America/New_York"),
        ("campaign_days", "Fri, mon tue", "mon,tue,fri"),
        ("campaign_hours", "08:30-17:00", "08:30-17:00"),
    ],
)
def test_new_settings_are_parsed_into_one_spelling(workspace, key, text, stored):
    with workspace.session() as session:
        assert set_setting(session, key, text) == stored
    with workspace.session() as session:
        assert get_setting(session, key) == stored


@pytest.mark.parametrize(
    ("key", "text", "reason"),
    [
        ("interface_language", "de", "expected one of system, fr, en"),
        ("campaign_timezone", "Mars/Olympus", "unknown time zone"),
        ("campaign_days", "", "choose at least one sending day"),
        ("campaign_days", "mon,funday", "sending days must be among"),
        ("campaign_hours", "18:00-09:00", "must end after it starts"),
        ("campaign_hours", "9", "expected START-END"),
        ("campaign_hours", "9:00-25:00", "must be a time like 09:00"),
    ],
)
def test_new_settings_refuse_what_campaigns_would_refuse(workspace, key, text, reason):
    with workspace.session() as session, pytest.raises(FluenzrError, match=reason) as caught:
        set_setting(session, key, text)
    assert str(caught.value).startswith(f"{key}: ")
    with workspace.session() as session:
        assert all_settings(session) == DEFAULTS
