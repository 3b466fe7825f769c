"""Campaign and enrollment state machines: every legal move passes, illegal ones say why."""

from __future__ import annotations

import itertools

import pytest

from fluenzr_desktop.domain.errors import FluenzrError, IllegalTransition
from fluenzr_desktop.domain.states import (
    ACTIVE_ENROLLMENT_STATES,
    CAMPAIGN_VERBS,
    CampaignStatus,
    EnrollmentState,
    allowed_campaign_targets,
    allowed_enrollment_targets,
    campaign_transition,
    campaign_verb_target,
    enrollment_transition,
    is_terminal,
)

C = CampaignStatus
E = EnrollmentState

LEGAL_CAMPAIGN = {
    (C.DRAFT, C.ACTIVE),
    (C.ACTIVE, C.PAUSED),
    (C.PAUSED, C.ACTIVE),
    (C.ACTIVE, C.COMPLETED),
    (C.PAUSED, C.COMPLETED),
    (C.DRAFT, C.ARCHIVED),
    (C.PAUSED, C.ARCHIVED),
    (C.COMPLETED, C.ARCHIVED),
}

LEGAL_ENROLLMENT = {
    (E.ADDED, E.IN_PROGRESS),
    (E.ADDED, E.REPLIED),
    (E.ADDED, E.UNSUBSCRIBED),
    (E.ADDED, E.ERROR),
    (E.IN_PROGRESS, E.REPLIED),
    (E.IN_PROGRESS, E.COMPLETED),
    (E.IN_PROGRESS, E.UNSUBSCRIBED),
    (E.IN_PROGRESS, E.ERROR),
}


def test_status_values_are_the_stored_strings():
    assert [s.value for s in C] == ["draft", "active", "paused", "completed", "archived"]
    assert [s.value for s in E] == [
        "added",
        "in_progress",
        "replied",
        "completed",
        "unsubscribed",
        "error",
    ]
    assert C("paused") is C.PAUSED
    assert str(E.IN_PROGRESS) == "in_progress"


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL_CAMPAIGN))
def test_every_legal_campaign_transition_passes(current, target):
    assert campaign_transition(current, target) is target
    assert campaign_transition(current.value, target.value) is target
    assert target in allowed_campaign_targets(current)


@pytest.mark.parametrize(
    ("current", "target"),
    sorted((a, b) for a, b in itertools.product(C, C) if (a, b) not in LEGAL_CAMPAIGN and a != b),
)
def test_every_illegal_campaign_transition_raises_naming_both_states(current, target):
    with pytest.raises(IllegalTransition) as caught:
        campaign_transition(current, target)
    message = str(caught.value)
    assert current.value in message and target.value in message
    assert "\n" not in message
    assert target not in allowed_campaign_targets(current)


def test_illegal_campaign_transition_message_is_readable():
    with pytest.raises(IllegalTransition, match=r"^a campaign cannot go from archived to active$"):
        campaign_transition(C.ARCHIVED, C.ACTIVE)
    with pytest.raises(IllegalTransition, match="pause it first"):
        campaign_transition(C.ACTIVE, C.ARCHIVED)


def test_moving_a_campaign_to_its_own_status_is_refused():
    with pytest.raises(IllegalTransition, match="already active"):
        campaign_transition(C.ACTIVE, C.ACTIVE)


def test_unknown_campaign_status_is_a_user_error():
    with pytest.raises(IllegalTransition, match="unknown campaign status 'running'"):
        campaign_transition("running", C.ACTIVE)
    assert issubclass(IllegalTransition, FluenzrError)


def test_allowed_campaign_targets_are_exactly_the_legal_pairs():
    for status in C:
        expected = {target for source, target in LEGAL_CAMPAIGN if source is status}
        assert allowed_campaign_targets(status) == expected
    assert allowed_campaign_targets(C.ARCHIVED) == set()


def test_campaign_verbs_map_to_statuses():
    assert CAMPAIGN_VERBS == {
        "activate": C.ACTIVE,
        "pause": C.PAUSED,
        "resume": C.ACTIVE,
        "archive": C.ARCHIVED,
    }


@pytest.mark.parametrize(
    ("current", "verb", "expected"),
    [
        (C.DRAFT, "activate", C.ACTIVE),
        (C.ACTIVE, "pause", C.PAUSED),
        (C.PAUSED, "resume", C.ACTIVE),
        (C.DRAFT, "archive", C.ARCHIVED),
        (C.PAUSED, "archive", C.ARCHIVED),
        (C.COMPLETED, "archive", C.ARCHIVED),
    ],
)
def test_campaign_verbs_from_their_starting_points(current, verb, expected):
    assert campaign_verb_target(current, verb) is expected


@pytest.mark.parametrize(
    ("current", "verb", "message"),
    [
        (C.PAUSED, "activate", "campaign is paused: use resume"),
        (C.DRAFT, "resume", "campaign is draft: use activate"),
        (C.ACTIVE, "resume", "already active"),
        (C.ACTIVE, "activate", "already active"),
        (C.DRAFT, "pause", "cannot go from draft to paused"),
        (C.ARCHIVED, "activate", "cannot go from archived to active"),
        (C.COMPLETED, "resume", "cannot go from completed to active"),
        (C.ACTIVE, "archive", "cannot go from active to archived"),
        (C.ACTIVE, "delete", "unknown campaign action 'delete'"),
    ],
)
def test_campaign_verbs_refused_with_a_clear_message(current, verb, message):
    with pytest.raises(IllegalTransition, match=message):
        campaign_verb_target(current, verb)


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL_ENROLLMENT))
def test_every_legal_enrollment_transition_passes(current, target):
    assert enrollment_transition(current, target) is target
    assert enrollment_transition(current.value, target.value) is target
    assert target in allowed_enrollment_targets(current)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (E.IN_PROGRESS, E.ADDED),
        (E.ADDED, E.COMPLETED),
        (E.REPLIED, E.IN_PROGRESS),
        (E.COMPLETED, E.REPLIED),
        (E.UNSUBSCRIBED, E.ADDED),
        (E.ERROR, E.IN_PROGRESS),
        (E.IN_PROGRESS, E.IN_PROGRESS),
    ],
)
def test_illegal_enrollment_transitions_raise_naming_both_states(current, target):
    with pytest.raises(IllegalTransition) as caught:
        enrollment_transition(current, target)
    message = str(caught.value)
    assert f"from {current.value} to {target.value}" in message


def test_terminal_enrollment_states_have_no_exit():
    terminal = {E.REPLIED, E.COMPLETED, E.UNSUBSCRIBED, E.ERROR}
    for state in E:
        assert is_terminal(state) is (state in terminal)
        assert is_terminal(state.value) is (state in terminal)
    for state, target in itertools.product(terminal, E):
        with pytest.raises(IllegalTransition, match="finished"):
            enrollment_transition(state, target)
        assert allowed_enrollment_targets(state) == set()


def test_active_enrollment_states_are_the_non_terminal_ones():
    assert {E.ADDED, E.IN_PROGRESS} == ACTIVE_ENROLLMENT_STATES
    assert all(not is_terminal(state) for state in ACTIVE_ENROLLMENT_STATES)


def test_unknown_enrollment_state_is_a_user_error():
    with pytest.raises(IllegalTransition, match="unknown enrollment state 'sent'"):
        enrollment_transition("sent", E.COMPLETED)
