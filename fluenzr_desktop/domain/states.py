"""Lifecycle state machines of a campaign and of one contact's enrollment in it."""

from __future__ import annotations

from enum import StrEnum

from .errors import IllegalTransition


class CampaignStatus(StrEnum):
    """Where a campaign is in its life: drafted, sending, paused, done, put away."""

    DRAFT = "draft"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ARCHIVED = "archived"


CAMPAIGN_TRANSITIONS: dict[CampaignStatus, frozenset[CampaignStatus]] = {
    CampaignStatus.DRAFT: frozenset({CampaignStatus.ACTIVE, CampaignStatus.ARCHIVED}),
    CampaignStatus.ACTIVE: frozenset({CampaignStatus.PAUSED, CampaignStatus.COMPLETED}),
    CampaignStatus.PAUSED: frozenset(
        {CampaignStatus.ACTIVE, CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED}
    ),
    CampaignStatus.COMPLETED: frozenset({CampaignStatus.ARCHIVED}),
    CampaignStatus.ARCHIVED: frozenset(),
}

# The sequence (nodes and links) changes only while nothing runs it: a contact on its way
# must not find its next step gone or moved. Settings (window, caps) may change any time.
SEQUENCE_EDITABLE: frozenset[CampaignStatus] = frozenset(
    {CampaignStatus.DRAFT, CampaignStatus.PAUSED}
)
# Only a campaign that never sent, or is put away, may be deleted with its history.
DELETABLE: frozenset[CampaignStatus] = frozenset({CampaignStatus.DRAFT, CampaignStatus.ARCHIVED})

# What the user says (CLI verbs, toolbar buttons) → the status it leads to.
CAMPAIGN_VERBS: dict[str, CampaignStatus] = {
    "activate": CampaignStatus.ACTIVE,
    "pause": CampaignStatus.PAUSED,
    "resume": CampaignStatus.ACTIVE,
    "archive": CampaignStatus.ARCHIVED,
}


def _campaign_status(value: object) -> CampaignStatus:
    try:
        return CampaignStatus(value)
    except ValueError:
        raise IllegalTransition(f"unknown campaign status {value!r}") from None


def allowed_campaign_targets(current: CampaignStatus | str) -> set[CampaignStatus]:
    """The statuses a campaign in `current` may move to."""
    return set(CAMPAIGN_TRANSITIONS[_campaign_status(current)])


def campaign_transition(
    current: CampaignStatus | str, target: CampaignStatus | str
) -> CampaignStatus:
    """The new status if the move is allowed; IllegalTransition (one line) otherwise."""
    source, destination = _campaign_status(current), _campaign_status(target)
    if destination == source:
        raise IllegalTransition(f"the campaign is already {source}")
    if destination not in CAMPAIGN_TRANSITIONS[source]:
        hint = ""
        if source is CampaignStatus.ACTIVE and destination is CampaignStatus.ARCHIVED:
            hint = " (pause it first)"
        raise IllegalTransition(f"a campaign cannot go from {source} to {destination}{hint}")
    return destination


def campaign_verb_target(current: CampaignStatus | str, verb: str) -> CampaignStatus:
    """The status a user's verb (activate, pause, resume, archive) leads to from `current`."""
    if verb not in CAMPAIGN_VERBS:
        raise IllegalTransition(
            f"unknown campaign action {verb!r} (expected {', '.join(CAMPAIGN_VERBS)})"
        )
    source = _campaign_status(current)
    # activate and resume lead to the same status; each is meant for one starting point, so
    # the wrong one gets pointed at the right one instead of silently doing it.
    if verb == "activate" and source is CampaignStatus.PAUSED:
        raise IllegalTransition("campaign is paused: use resume")
    if verb == "resume" and source is CampaignStatus.DRAFT:
        raise IllegalTransition("campaign is draft: use activate")
    return campaign_transition(source, CAMPAIGN_VERBS[verb])


class EnrollmentState(StrEnum):
    """Where one contact is in one campaign's sequence."""

    ADDED = "added"
    IN_PROGRESS = "in_progress"
    REPLIED = "replied"
    COMPLETED = "completed"
    UNSUBSCRIBED = "unsubscribed"
    ERROR = "error"


ENROLLMENT_TRANSITIONS: dict[EnrollmentState, frozenset[EnrollmentState]] = {
    # A contact can leave before their first step: they replied to another campaign, asked to be
    # removed, or their address bounced / is suppressed, all before the engine reached them.
    EnrollmentState.ADDED: frozenset(
        {
            EnrollmentState.IN_PROGRESS,
            EnrollmentState.REPLIED,
            EnrollmentState.UNSUBSCRIBED,
            EnrollmentState.ERROR,
        }
    ),
    EnrollmentState.IN_PROGRESS: frozenset(
        {
            EnrollmentState.REPLIED,
            EnrollmentState.COMPLETED,
            EnrollmentState.UNSUBSCRIBED,
            EnrollmentState.ERROR,
        }
    ),
    EnrollmentState.REPLIED: frozenset(),
    EnrollmentState.COMPLETED: frozenset(),
    EnrollmentState.UNSUBSCRIBED: frozenset(),
    EnrollmentState.ERROR: frozenset(),
}

# States in which the engine still has something to do for the contact.
ACTIVE_ENROLLMENT_STATES: frozenset[EnrollmentState] = frozenset(
    {EnrollmentState.ADDED, EnrollmentState.IN_PROGRESS}
)
# The same, as stored (sorted): what queries filter enrollments on.
ACTIVE_STATE_VALUES: tuple[str, ...] = tuple(
    sorted(state.value for state in ACTIVE_ENROLLMENT_STATES)
)
TERMINAL_ENROLLMENT_STATES: frozenset[EnrollmentState] = frozenset(
    state for state, targets in ENROLLMENT_TRANSITIONS.items() if not targets
)


def _enrollment_state(value: object) -> EnrollmentState:
    try:
        return EnrollmentState(value)
    except ValueError:
        raise IllegalTransition(f"unknown enrollment state {value!r}") from None


def is_terminal(state: EnrollmentState | str) -> bool:
    """Whether an enrollment in this state is finished for good."""
    return _enrollment_state(state) in TERMINAL_ENROLLMENT_STATES


def allowed_enrollment_targets(current: EnrollmentState | str) -> set[EnrollmentState]:
    """The states an enrollment in `current` may move to."""
    return set(ENROLLMENT_TRANSITIONS[_enrollment_state(current)])


def enrollment_transition(
    current: EnrollmentState | str, target: EnrollmentState | str
) -> EnrollmentState:
    """The new state if the move is allowed; IllegalTransition (one line) otherwise."""
    source, destination = _enrollment_state(current), _enrollment_state(target)
    if destination not in ENROLLMENT_TRANSITIONS[source]:
        reason = " (it is finished)" if source in TERMINAL_ENROLLMENT_STATES else ""
        raise IllegalTransition(f"an enrollment cannot go from {source} to {destination}{reason}")
    return destination


# -- retrying contacts in Error ----------------------------------------------------------------
# Error is final for the engine. A user who fixed the cause (filled a missing value, corrected
# an address) may put the contact back where it stood: an explicit act, not an engine move.


def enrollment_retry(current: EnrollmentState | str, started: bool) -> EnrollmentState:
    """The state a contact in Error goes back to: In progress, or Added if it never started."""
    source = _enrollment_state(current)
    if source is not EnrollmentState.ERROR:
        raise IllegalTransition(f"only a contact in error can be retried (this one is {source})")
    return EnrollmentState.IN_PROGRESS if started else EnrollmentState.ADDED


def campaign_after_retry(current: CampaignStatus | str) -> CampaignStatus:
    """A campaign's status once some of its contacts are retried: a completed one reopens."""
    source = _campaign_status(current)
    if source is CampaignStatus.ARCHIVED:
        raise IllegalTransition("the campaign is archived: its contacts cannot be retried")
    if source is CampaignStatus.DRAFT:
        raise IllegalTransition("the campaign is a draft: none of its contacts has failed yet")
    return CampaignStatus.ACTIVE if source is CampaignStatus.COMPLETED else source
