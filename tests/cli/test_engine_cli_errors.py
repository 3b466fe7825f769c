"""`fluenzr engine run`: malformed instants and option mix-ups are refused in one line."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_refused


@pytest.mark.parametrize("instant", ["tomorrow", "2026-13-01T09:00", "12/01/2026 09:00"])
@pytest.mark.parametrize("json_mode", [False, True])
def test_a_bad_now_is_refused(cli, instant, json_mode):
    flags = ["--json"] if json_mode else []
    result = cli("engine", "run", "--once", "--now", instant, *flags)
    assert "--now" in assert_refused(result, json_mode=json_mode)


def test_now_without_once_is_refused(cli):
    result = cli("engine", "run", "--now", "2026-01-12T09:00:00Z")
    error = assert_refused(result)
    assert "--now" in error and "--once" in error


@pytest.mark.parametrize(
    "instant", ["2026-01-12T09:00:00Z", "2026-01-12T10:00:00+01:00", "2026-01-12T09:00"]
)
def test_once_on_an_empty_workspace_reports_nothing_to_do(cli, instant):
    result = cli("engine", "run", "--once", "--now", instant, "--json")
    assert result.code == 0, result.stderr
    assert result.json == {
        "sent": 0, "failed": 0, "waiting": 0, "completed": 0, "paused": [],
        "waiting_by": {"delay": 0, "window": 0, "cap": 0, "pacing": 0, "retry": 0, "held": 0, "relay": 0},
    }  # fmt: skip
    text = cli("engine", "run", "--once", "--now", instant)
    assert text.stdout.strip() == "0 sent, 0 failed, 0 waiting, 0 completed"
