"""Campaign statuses as the window names them, and which verbs apply to one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.errors import FluenzrError
from ...domain.states import CampaignStatus, EnrollmentState, campaign_verb_target

# A campaign over: the contacts still on their way get no more emails.
OVER = (CampaignStatus.ARCHIVED, CampaignStatus.COMPLETED)
# The enrollment states that stop with the campaign (display only: the rows keep them).
UNFINISHED = (EnrollmentState.ADDED, EnrollmentState.IN_PROGRESS)


def stopped(campaign_status: str, enrollment_state: str) -> bool:
    """Whether a contact stands still because its campaign is over (shown as Stopped)."""
    return campaign_status in OVER and enrollment_state in UNFINISHED


def campaign_status_text(status: str) -> str:
    """The translated name of a campaign status (the list and the campaign view share it)."""
    names = {
        CampaignStatus.DRAFT: QCoreApplication.translate("CampaignsList", "Draft"),
        CampaignStatus.ACTIVE: QCoreApplication.translate("CampaignsList", "Active"),
        CampaignStatus.PAUSED: QCoreApplication.translate("CampaignsList", "Paused"),
        CampaignStatus.COMPLETED: QCoreApplication.translate("CampaignsList", "Completed"),
        CampaignStatus.ARCHIVED: QCoreApplication.translate("CampaignsList", "Archived"),
    }
    return names.get(status, status)


def enrollment_state_text(state: str, campaign_status: str = "") -> str:
    """The translated name of an enrollment state (Stopped once its campaign is over); the
    campaign's Contacts tab and the contact panel share it."""
    if stopped(campaign_status, state):
        return QCoreApplication.translate("ContactsTab", "Stopped")
    names = {
        EnrollmentState.ADDED: QCoreApplication.translate("ContactsTab", "Waiting to start"),
        EnrollmentState.IN_PROGRESS: QCoreApplication.translate("ContactsTab", "In progress"),
        EnrollmentState.REPLIED: QCoreApplication.translate("ContactsTab", "Replied"),
        EnrollmentState.COMPLETED: QCoreApplication.translate("ContactsTab", "Completed"),
        EnrollmentState.UNSUBSCRIBED: QCoreApplication.translate("ContactsTab", "Unsubscribed"),
        EnrollmentState.ERROR: QCoreApplication.translate("ContactsTab", "Error"),
    }
    return names.get(state, state)


def verb_allowed(status: str, verb: str) -> bool:
    """Whether the state machine lets `verb` (activate, pause, resume, archive) apply now."""
    try:
        campaign_verb_target(status, verb)
    except FluenzrError:
        return False
    return True
