"""The settings use cases against a real workspace: list, get, set, and what a write says."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.settings import get_setting, list_settings, set_setting


def test_set_then_get_and_list_show_the_new_value(workspace):
    assert get_setting(workspace, "plan_daily_cap") == 50
    changed = set_setting(workspace, "plan_daily_cap", "80")
    assert (changed.key, changed.value) == ("plan_daily_cap", 80)
    assert changed.changes == Changes(settings=True)
    assert get_setting(workspace, "plan_daily_cap") == 80
    assert list_settings(workspace)["plan_daily_cap"] == 80


def test_a_bad_value_or_an_unknown_key_is_refused_and_changes_nothing(workspace):
    before = list_settings(workspace)
    with pytest.raises(FluenzrError):
        set_setting(workspace, "plan_daily_cap", "many")
    with pytest.raises(FluenzrError, match="no_such_setting"):
        set_setting(workspace, "no_such_setting", "1")
    with pytest.raises(FluenzrError, match="no_such_setting"):
        get_setting(workspace, "no_such_setting")
    assert list_settings(workspace) == before
