"""What an SMTP refusal means for the contact, the message and the campaign.

4xx and lost connections: retried with back-off under the same Message-ID. A refused
recipient: that contact in Error (a bad address suppressed). Authentication or sender
refused, or every message refused in a row: the account's campaigns pause, nothing lost.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.states import CampaignStatus, EnrollmentState, campaign_transition
from ..mail.smtp import SmtpFailure
from ..store.models import Account, Campaign, Enrollment, OutboxMessage
from ..store.suppressions import suppress
from .report import TickReport
from .steps import Stop

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_START = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=2)
# This many messages of one account refused in a row at DATA: the sender is the problem.
REJECTION_STREAK = 3


class SmtpFailurePolicy:
    """The Runner's answer to SMTP failures (a mixin: it uses the Runner's clock and bus)."""

    def _smtp_failed(
        self,
        session: Session,
        enrollment: Enrollment,
        campaign: Campaign,
        account: Account,
        outbox: OutboxMessage,
        failure: SmtpFailure,
        report: TickReport,
    ) -> None:
        now = self.clock.now()
        reason = str(failure)
        outbox.last_error = reason
        if failure.maybe_sent:
            # The connection died after the whole message went out: it may be queued at
            # the server. Ask the Sent folder rather than risk a duplicate.
            found = self._look_in_sent(account, outbox.message_id)
            if found is None:
                held = f"held: the server may have accepted it ({reason})"
                self.settle_in_doubt(session, enrollment, outbox, None, held)
                report.wait(enrollment.id, "held")
                raise Stop
            if found:
                outbox.sent_at = now
                self.settle_in_doubt(session, enrollment, outbox, True, "")
                report.sent += 1
                raise Stop
        if failure.kind in ("temporary", "connection"):
            if outbox.attempts >= MAX_ATTEMPTS:
                outbox.state = "failed"
                outbox.sent_at = None
                self._fail(
                    session, enrollment, f"gave up after {outbox.attempts} tries: {reason}", report
                )
            backoff = min(BACKOFF_START * (2 ** (outbox.attempts - 1)), BACKOFF_MAX)
            outbox.state = "queued"
            outbox.sent_at = None
            outbox.next_attempt_at = now + backoff
            enrollment.last_error = f"will retry: {reason}"
            self._wait(enrollment, outbox.next_attempt_at, report, "retry")
        if failure.kind in ("auth", "sender"):
            # Nothing was sent and nothing is lost: the message waits, queued, for resume.
            outbox.state = "queued"
            outbox.sent_at = None
            outbox.next_attempt_at = None
            enrollment.last_error = reason
            label = "authentication" if failure.kind == "auth" else "sender address"
            self._pause_account(session, account, f"SMTP {label} refused: {reason}", report)
            raise Stop
        if failure.kind == "rejected":
            streak = self._rejections.setdefault(account.id, [])
            streak.append((enrollment.id, outbox.id))
            if len(streak) >= REJECTION_STREAK:
                # The server refuses every message, whoever the recipient: the sender or
                # the content is the problem, not the contacts. Pause, and give back their
                # place to the contacts that failed this way.
                self._give_back(session, streak)
                self._rejections.pop(account.id, None)
                label = f"the server refused the last {REJECTION_STREAK} messages: {reason}"
                self._pause_account(session, account, label, report)
                raise Stop
        outbox.state = "failed"
        outbox.sent_at = None
        if failure.kind == "recipient" and failure.hard:
            self._suppress(session, enrollment.contact.email, f"hard bounce at send: {reason}")
        self._fail(session, enrollment, reason, report)

    def _give_back(self, session: Session, streak: list[tuple[int, int]]) -> None:
        """Undo the Error of contacts whose message the server refused for everyone."""
        for enrollment_id, outbox_id in streak:
            enrollment = session.get(Enrollment, enrollment_id)
            outbox = session.get(OutboxMessage, outbox_id)
            if outbox is not None:
                outbox.state = "queued"
                outbox.sent_at = None
                outbox.next_attempt_at = None
            if enrollment is not None and enrollment.state == EnrollmentState.ERROR.value:
                # Not a transition of the lifecycle: the Error recorded moments ago was
                # the server's fault, not the contact's, so it is taken back.
                enrollment.state = EnrollmentState.IN_PROGRESS.value
                enrollment.next_action_at = self.clock.now()
                enrollment.last_error = "waiting: the server refused every message"

    def _suppress(self, session: Session, address: str, reason: str) -> None:
        self._suppressed[address] = reason
        suppress(session, address, reason)

    def _pause(self, session: Session, campaign: Campaign, reason: str, report: TickReport) -> None:
        """Pause a campaign the engine cannot run (always for an error the user must fix)."""
        campaign.status = campaign_transition(campaign.status, CampaignStatus.PAUSED).value
        campaign.status_reason = reason
        session.commit()
        log.warning("campaign %s paused: %s", campaign.id, reason)
        report.paused.append({"campaign": campaign.id, "name": campaign.name, "reason": reason})
        self.bus.publish("paused", campaign=campaign.id, name=campaign.name, reason=reason)

    def _pause_account(
        self, session: Session, account: Account, reason: str, report: TickReport
    ) -> None:
        for campaign in session.scalars(
            select(Campaign).where(
                Campaign.account_id == account.id,
                Campaign.status == CampaignStatus.ACTIVE.value,
            )
        ):
            self._pause(session, campaign, reason, report)
