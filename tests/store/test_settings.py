"""Workspace settings: defaults, stored values that survive reopening, refused input."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.store.settings import all_settings, get_setting, set_setting
from fluenzr_desktop.workspace import open_workspace


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
        assert all_settings(session) == {"plan_daily_cap": 0}


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
        assert all_settings(session) == {"plan_daily_cap": 50}
