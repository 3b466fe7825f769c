"""What an SMTP refusal means for the contact, the message and the campaign.

4xx and lost connections: retried with back-off under the same Message-ID. A refused
recipient: that contact in Error (a bad address suppressed). Authentication or sender
refused, or every message refused in a row: the account's campaigns pause, nothing lost.
A message that may have reached the server before the connection died: settled by the
Sent folder, or held for the user, never sent twice blindly.

`smtp_failure_action` decides (a pure function of the facts, like `limits.check_caps`);
`SmtpFailurePolicy._smtp_failed` applies what it decided.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.states import CampaignStatus, EnrollmentState, campaign_transition, enrollment_retry
from ..mail.smtp import SmtpFailure
from ..store.models import Account, Campaign, Enrollment, OutboxMessage
from ..store.suppressions import suppress
from .events import Paused
from .report import TickReport
from .steps import Stop, requeue

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_START = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=2)
# This many messages of one account refused in a row at DATA: the sender is the problem.
REJECTION_STREAK = 3


# ------------------------------------------------------------------------- the decision


@dataclass(frozen=True)
class Retry:
    """Queue the message again under its Message-ID; the contact waits until `at`."""

    at: datetime
    reason: str


@dataclass(frozen=True)
class Hold:
    """The message may have reached the server and the Sent folder cannot tell: hold it."""

    reason: str


@dataclass(frozen=True)
class RecordSent:
    """The message that may have left is in the Sent folder: record it as sent."""


@dataclass(frozen=True)
class Pause:
    """Pause every active campaign of the account; the message waits, queued, for resume.

    `give_back`: the server refused every message in a row; the contacts put in Error
    for it moments ago get their place back.
    """

    reason: str
    give_back: bool = False


@dataclass(frozen=True)
class Fail:
    """This contact goes to Error with `reason`; the message is failed.

    `suppress`: the address does not exist and goes on the suppression list.
    `rejection`: a refusal of the message at DATA, counted toward REJECTION_STREAK.
    """

    reason: str
    suppress: bool = False
    rejection: bool = False


SmtpAction = Retry | Hold | RecordSent | Pause | Fail


def smtp_failure_action(
    *,
    kind: str,
    reason: str,
    hard: bool,
    maybe_sent: bool,
    found_in_sent: bool | None,
    attempts: int,
    rejections_in_a_row: int,
    now: datetime,
) -> SmtpAction:
    """What to do about one failed send, from the facts.

    `kind`, `hard`, `maybe_sent` and `reason` come from the SmtpFailure; `found_in_sent`
    is what the Sent folder said of the message (None: cannot be told; only asked when
    `maybe_sent`); `attempts` counts this one; `rejections_in_a_row` counts the account's
    messages refused at DATA just before this one.
    """
    if maybe_sent and found_in_sent is None:
        # The connection died after the whole message went out: it may be queued at the
        # server. Ask the user rather than risk a duplicate.
        return Hold(f"held: the server may have accepted it ({reason})")
    if maybe_sent and found_in_sent:
        return RecordSent()
    if kind in ("temporary", "connection"):
        if attempts >= MAX_ATTEMPTS:
            return Fail(f"gave up after {attempts} tries: {reason}")
        backoff = min(BACKOFF_START * (2 ** (attempts - 1)), BACKOFF_MAX)
        return Retry(now + backoff, reason)
    if kind in ("auth", "sender"):
        label = "authentication" if kind == "auth" else "sender address"
        return Pause(f"SMTP {label} refused: {reason}")
    if kind == "rejected":
        if rejections_in_a_row + 1 >= REJECTION_STREAK:
            # The server refuses every message, whoever the recipient: the sender or the
            # content is the problem, not the contacts.
            label = f"the server refused the last {REJECTION_STREAK} messages: {reason}"
            return Pause(label, give_back=True)
        return Fail(reason, rejection=True)
    return Fail(reason, suppress=kind == "recipient" and hard)


# ------------------------------------------------------------------------ the effects


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
    ) -> NoReturn:
        """Apply `smtp_failure_action` to this message, contact and account; ends the visit."""
        now = self.clock.now()
        reason = str(failure)
        outbox.last_error = reason
        found = self._look_in_sent(account, outbox.message_id) if failure.maybe_sent else None
        streak = self._rejections.setdefault(account.id, [])
        action = smtp_failure_action(
            kind=failure.kind,
            reason=reason,
            hard=failure.hard,
            maybe_sent=failure.maybe_sent,
            found_in_sent=found,
            attempts=outbox.attempts,
            rejections_in_a_row=len(streak),
            now=now,
        )
        if isinstance(action, Hold):
            self.settle_in_doubt(session, enrollment, outbox, None, action.reason)
            report.wait(enrollment.id, "held")
            raise Stop
        if isinstance(action, RecordSent):
            outbox.sent_at = now
            self.settle_in_doubt(session, enrollment, outbox, True, "")
            report.sent += 1
            raise Stop
        if isinstance(action, Retry):
            requeue(outbox, action.at)
            enrollment.last_error = f"will retry: {action.reason}"
            self._wait(enrollment, action.at, report, "retry")
        if isinstance(action, Pause):
            if action.give_back:
                # Give back their place to the contacts that failed this way.
                streak.append((enrollment.id, outbox.id))
                self._give_back(session, streak)
                self._rejections.pop(account.id, None)
            else:
                # Nothing was sent and nothing is lost: the message waits, queued, for resume.
                requeue(outbox)
                enrollment.last_error = reason
            self._pause_account(session, account, action.reason, report)
            raise Stop
        if action.rejection:
            streak.append((enrollment.id, outbox.id))
        outbox.state = "failed"
        outbox.sent_at = None
        if action.suppress:
            self._suppress(session, enrollment.contact.email, f"hard bounce at send: {reason}")
        self._fail(session, enrollment, action.reason, report)

    def _give_back(self, session: Session, streak: list[tuple[int, int]]) -> None:
        """Undo the Error of contacts whose message the server refused for everyone."""
        for enrollment_id, outbox_id in streak:
            enrollment = session.get(Enrollment, enrollment_id)
            outbox = session.get(OutboxMessage, outbox_id)
            if outbox is not None:
                requeue(outbox)
            if enrollment is not None and enrollment.state == EnrollmentState.ERROR.value:
                # The Error recorded moments ago was the server's fault, not the contact's:
                # the contact goes back where it stood, as a retry would put it (it had
                # started: it was at an email step).
                enrollment.state = enrollment_retry(enrollment.state, started=True).value
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
        self.bus.publish(
            Paused(campaign_id=campaign.id, campaign_name=campaign.name, reason=reason)
        )

    def _pause_account(
        self, session: Session, account: Account, reason: str, report: TickReport
    ) -> None:
        """Pause every active campaign that sends from this account."""
        for campaign in session.scalars(
            select(Campaign).where(
                Campaign.account_id == account.id,
                Campaign.status == CampaignStatus.ACTIVE.value,
            )
        ):
            self._pause(session, campaign, reason, report)
