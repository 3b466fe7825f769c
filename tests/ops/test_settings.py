"""The settings use cases against a real workspace: list, get, set, and what a write says."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.ops import Changes
from fluenzr_desktop.ops.settings import (
    campaign_defaults,
    get_setting,
    interface_language,
    list_settings,
    password_storage,
    set_setting,
)
from tests.fixtures.memory_keyring import memory_keyring  # noqa: F401


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


def test_the_interface_language_follows_the_system_until_chosen(workspace):
    assert interface_language(workspace) is None
    assert set_setting(workspace, "interface_language", "fr").changes == Changes(settings=True)
    assert interface_language(workspace) == "fr"
    set_setting(workspace, "interface_language", "system")
    assert interface_language(workspace) is None


def test_campaign_defaults_follow_the_settings_and_pass_the_campaign_check(workspace):
    from fluenzr_desktop.domain.validation import settings_problems
    from fluenzr_desktop.domain.workflow import default_settings

    assert campaign_defaults(workspace) == {
        "timezone": default_settings()["timezone"],
        "window": default_settings()["window"],
    }
    set_setting(workspace, "campaign_timezone", "America/New_York")
    set_setting(workspace, "campaign_days", "tue,thu")
    set_setting(workspace, "campaign_hours", "10:00-16:30")
    defaults = campaign_defaults(workspace)
    assert defaults == {
        "timezone": "America/New_York",
        "window": {"days": ["tue", "thu"], "start": "10:00", "end": "16:30"},
    }
    assert list(settings_problems(defaults)) == []


def test_password_storage_names_the_keyring_or_the_encrypted_file_without_asking(
    workspace,
    memory_keyring,  # noqa: F811
    monkeypatch,
):
    found = password_storage(workspace)
    assert found.kind == "keyring"
    monkeypatch.setenv("FLUENZR_KEYRING", "file")
    monkeypatch.delenv("FLUENZR_MASTER_PASSWORD", raising=False)
    found = password_storage(workspace)  # no master password needed to say where
    assert (found.kind, found.path) == ("file", workspace.root / "secrets.cfg")
    assert not found.path.exists()
