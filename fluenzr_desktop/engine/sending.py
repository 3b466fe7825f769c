"""The email step of a visit: claim, compose, the send protocol, and settling doubtful sends.

Guarantees (docs/reliability.md): a message is committed `sending` (with the contact's
claim) before any byte goes to the server; the server's acceptance is committed on its
own at once; a message that may have left is never sent again blindly.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..domain.errors import FluenzrError, TemplateError
from ..domain.schedule import pick_gap, zone
from ..domain.states import ACTIVE_STATE_VALUES, EnrollmentState
from ..domain.workflow import Node, Workflow
from ..mail.message import message_bytes, new_message_id
from ..mail.smtp import SmtpFailure
from ..store.models import Account, Campaign, Enrollment, OutboxMessage
from ..store.schema import enrollments as enrollments_table
from ..store.schema import outbox_messages as outbox_table
from ..store.suppressions import suppression_reasons
from .compose import compose
from .events import Held, Sent
from .limits import CapCounter, check_caps
from .report import TickReport
from .sent_proof import proof_ids, provider_files_copies
from .steps import Stop, move_to, requeue

log = logging.getLogger(__name__)

# A message `sending` for longer than this was interrupted (its sender died or failed),
# not in flight: it is settled by the Sent folder instead of waited for.
IN_FLIGHT_TIMEOUT = timedelta(minutes=10)
INTERRUPTED_REASON = (
    "held: the sending of this email was interrupted after it may have reached the server, "
    "and the Sent folder could not tell; look in your Sent folder, then run "
    "`fluenzr outbox resolve MESSAGE_ID --sent` or `--resend`"
)
_PENDING_OUTBOX = select(outbox_table.c.id, outbox_table.c.state, outbox_table.c.sent_at).where(
    outbox_table.c.enrollment_id == bindparam("enrollment_id"),
    outbox_table.c.node_id == bindparam("node_id"),
    outbox_table.c.state.in_(("queued", "sending")),
)


class SendingStep:
    """The Runner's email step (a mixin: it uses the Runner's clock, caches and hooks)."""

    def _email(
        self,
        session: Session,
        counter: CapCounter,
        enrollment: Enrollment,
        workflow: Workflow,
        node: Node,
        campaign: Campaign,
        report: TickReport,
    ) -> None:
        now = self.clock.now()
        contact = enrollment.contact
        settings = self.settings_for(campaign)
        account = self._account(session, campaign.account_id)
        if account is None:
            self._pause(session, campaign, "no sending account is set for this campaign", report)
            raise Stop
        window = self._window(campaign, contact)
        if not window.contains(now):
            self._wait(enrollment, window.next_open(now), report, "window")
        if account.next_send_at is not None and account.next_send_at > now:
            # Queue behind the account's next free slot, one minimum gap apart, so a
            # backlog drains at the normal pace and each tick touches few rows.
            slot = self._pacing_slots.get(account.id, account.next_send_at)
            minimum_gap = timedelta(seconds=max(float((settings.get("gap_seconds") or [1])[0]), 1))
            self._pacing_slots[account.id] = slot + minimum_gap
            self._wait(enrollment, window.next_open(slot), report, "pacing")
        campaign_zone = zone(settings.get("timezone"))
        caps = check_caps(
            counter,
            now,
            plan_cap=self._plan_cap,
            account_id=account.id,
            account_cap=account.daily_cap,
            account_zone=zone(account.timezone, campaign_zone.key),
            campaign_id=campaign.id,
            campaign_cap=settings.get("daily_cap"),
            campaign_zone=campaign_zone,
        )
        if not caps.allowed:
            enrollment.last_error = None
            self._wait(enrollment, window.next_open(caps.until), report, "cap")
        if enrollment.thread_message_id and self.reply_check is not None:
            # The inbox sync writes through its own sessions: release our write lock first.
            session.commit()
            self._uncommitted = 0
            self.reply_check(account)
            session.refresh(enrollment)
            if enrollment.state not in ACTIVE_STATE_VALUES:
                raise Stop
            # The inbox may have just suppressed this address (an unsubscribe).
            self._suppressed.update(suppression_reasons(session, {contact.email}))
        suppressed = self._suppression_of(contact.email)
        if suppressed is not None:
            # Unsubscribed or bounced elsewhere since this contact was enrolled.
            move_to(enrollment, EnrollmentState.UNSUBSCRIBED)
            enrollment.next_action_at = None
            enrollment.last_error = f"on the suppression list: {suppressed}"
            self._event(session, "skipped", enrollment, node.id, detail={"reason": suppressed})
            raise Stop

        # A message queued earlier (a retry) keeps its Message-ID; look it up without
        # an autoflush, since nothing pending can change the answer. One still `sending`
        # may have reached the server: it is never sent again blindly.
        pending = {
            state: (row_id, since)
            for row_id, state, since in session.connection().execute(
                _PENDING_OUTBOX, {"enrollment_id": enrollment.id, "node_id": node.id}
            )
        }
        if "sending" in pending:
            row_id, since = pending["sending"]
            if since is not None and now - since < IN_FLIGHT_TIMEOUT:
                # Another engine is sending it right now: never a second copy.
                self._wait(enrollment, since + IN_FLIGHT_TIMEOUT, report, "held")
            pending["queued"] = (self._interrupted(session, enrollment, row_id, report), None)
        queued_id = pending.get("queued", (None, None))[0]
        outbox = session.get(OutboxMessage, queued_id) if queued_id is not None else None
        if outbox is not None and outbox.next_attempt_at and outbox.next_attempt_at > now:
            self._wait(enrollment, outbox.next_attempt_at, report, "retry")
        history = self._thread_history(session, enrollment) if enrollment.thread_message_id else []
        message_id = outbox.message_id if outbox is not None else new_message_id(account.email)
        track_opens = settings.get("track_opens") is True
        track_clicks = settings.get("track_clicks") is True
        relay = self.relay
        if relay is None and (track_opens or track_clicks):
            reason = self.relay_problem or (
                "opens and clicks are tracked through a tracking relay, and none is set"
            )
            self._pause(session, campaign, reason, report)
            raise Stop
        tracking = (
            relay.links(message_id, track_opens=track_opens, track_clicks=track_clicks)
            if relay is not None
            else None
        )
        try:
            variant = self.allocation.variant_for(session, enrollment, campaign, workflow, node)
            composed = compose(
                variant=variant,
                node=node,
                contact=contact,
                account=account,
                enrollment_id=enrollment.id,
                message_id=message_id,
                previous_subject=history[-1][1] if history else None,
                references=[mid for mid, _subject in history],
                unsubscribe_secret=self.unsubscribe_secret,
                date=now,
                tracking=tracking,
                unsubscribe_sentence=str(settings.get("unsubscribe_text") or "") or None,
            )
        except (TemplateError, FluenzrError) as error:
            if outbox is not None:
                outbox.state = "failed"
                outbox.last_error = str(error)
            self._fail(session, enrollment, str(error), report)
        if outbox is None:
            outbox = OutboxMessage(
                enrollment_id=enrollment.id,
                campaign_id=campaign.id,
                account_id=account.id,
                node_id=node.id,
                message_id=message_id,
                to_address=contact.email,
                subject=composed.subject,
                attempts=0,
                created_at=now,
            )
            session.add(outbox)
        outbox.state = "sending"
        outbox.subject = composed.subject
        outbox.variant = variant
        outbox.track_opens = tracking is not None and track_opens
        outbox.tracked_links = (
            len(composed.links) if tracking is not None and track_clicks else None
        )
        outbox.attempts += 1
        outbox.sent_at = now  # counts against today's caps while in flight
        if not self._claim(session, enrollment, node.id):
            # Another engine took this contact since we read it: it sends, we don't.
            session.rollback()
            self._uncommitted = 0
            raise Stop
        session.commit()  # durable before any byte goes to the server
        self._uncommitted = 0

        try:
            transport = self.transports(account)
            answer = transport.send(composed.message, account.email, contact.email)
        except SmtpFailure as failure:
            self._smtp_failed(session, enrollment, campaign, account, outbox, failure, report)
        sent_at = self.clock.now()
        # The server accepted it: that fact (sent, its event, the thread, the next step)
        # is committed on its own, at once, before anything else runs. Whatever fails
        # later in this visit rolls back to here and never undoes the send; a crash
        # before this commit leaves a `sending` row that is never sent again blindly.
        self.record_sent(session, enrollment, outbox, node, workflow, sent_at, answer)
        gap = pick_gap(settings.get("gap_seconds") or [0, 0], self.rng)
        if gap or account.next_send_at is not None:
            account.next_send_at = sent_at + gap
        session.commit()
        self._uncommitted = 0
        self._rejections.pop(account.id, None)
        counter.bump(list(caps.scopes))
        report.sent += 1
        self.bus.publish(
            Sent(
                campaign_id=campaign.id,
                enrollment_id=enrollment.id,
                node_id=node.id,
                contact_email=contact.email,
                message_id=outbox.message_id,
            )
        )
        if self.sent_copy is not None and (account.options or {}).get("append_to_sent"):
            try:
                self.sent_copy(account, message_bytes(composed.message))
            except Exception as error:  # the email is sent; a missing copy is only logged
                log.warning("copy to Sent failed for %s: %s", outbox.message_id, error)
        if enrollment.state == EnrollmentState.ERROR.value:
            raise Stop  # sent, but the sequence cannot go on (recorded with the send)

    def record_sent(
        self,
        session: Session,
        enrollment: Enrollment,
        outbox: OutboxMessage,
        node: Node,
        workflow: Workflow,
        sent_at: datetime,
        answer: str,
    ) -> None:
        """Mark a message sent, remember the thread and point the contact at the next step.

        Never raises for a sequence that leads nowhere: the send is a fact and is
        recorded; the contact goes to Error with the reason instead of moving on. Also
        used by crash reconciliation, for a message found in the Sent folder.
        """
        outbox.state = "sent"
        outbox.sent_at = sent_at
        outbox.last_error = None
        outbox.next_attempt_at = None
        enrollment.thread_message_id = enrollment.thread_message_id or outbox.message_id
        enrollment.last_message_id = outbox.message_id
        enrollment.last_error = None
        self._event(
            session,
            "sent",
            enrollment,
            node.id,
            message_id=outbox.message_id,
            detail={"subject": outbox.subject, "answer": answer[:500]},
            at=sent_at,
        )
        following = workflow.next_node_id(node.id)
        if following is not None:
            enrollment.current_node = following
            return
        reason = f"node {node.id} leads nowhere: the sequence stopped after this email"
        move_to(enrollment, EnrollmentState.ERROR)
        enrollment.last_error = reason
        enrollment.next_action_at = None
        self._event(session, "error", enrollment, node.id, detail={"reason": reason}, at=sent_at)

    def _claim(self, session: Session, enrollment: Enrollment, node_id: str) -> bool:
        """Take this contact for one send: one conditional UPDATE on the version it read.

        Of two engines that read the same contact, the first UPDATE wins and the other
        matches no row (SQLite serialises writers; a server database locks the row), so
        only one of them sends. It also fails if the contact moved on or stopped
        (a reply) since it was read.
        """
        seen = enrollment.version
        claimed = session.execute(
            update(enrollments_table)
            .where(
                enrollments_table.c.id == enrollment.id,
                enrollments_table.c.version == seen,
                enrollments_table.c.current_node == node_id,
                enrollments_table.c.state.in_(ACTIVE_STATE_VALUES),
            )
            .values(version=seen + 1)
        ).rowcount
        if claimed != 1:
            log.info("enrollment %s was claimed by another engine; skipped", enrollment.id)
            return False
        set_committed_value(enrollment, "version", seen + 1)
        return True

    def _interrupted(
        self, session: Session, enrollment: Enrollment, outbox_id: int, report: TickReport
    ) -> int:
        """A message of this step is still `sending`: its sending was cut after it may have left.

        Settled by the Sent folder (`settle_in_doubt`); returns the message's id when it is
        queued again under the same Message-ID, otherwise this visit stops here.
        """
        outbox = session.get(OutboxMessage, outbox_id)
        account = self._account(session, outbox.account_id)
        found = self._look_in_sent(account, outbox.message_id) if account is not None else None
        outcome = self.settle_in_doubt(session, enrollment, outbox, found, INTERRUPTED_REASON)
        if outcome == "queued":
            return outbox.id
        if outcome == "held":
            report.wait(enrollment.id, "held")
        raise Stop

    def settle_in_doubt(
        self,
        session: Session,
        enrollment: Enrollment | None,
        outbox: OutboxMessage,
        found: bool | None,
        held_reason: str,
    ) -> str:
        """Settle a message that may have reached the server, by what its Sent folder said.

        `found` True: recorded as sent, committed at once. False (absent where the
        provider is seen to file every send): queued again under the same Message-ID.
        None (cannot be told): held for `fluenzr outbox resolve`, the contact waiting.
        Returns "sent", "queued" or "held". Never sends anything itself. Used mid-tick,
        by crash reconciliation and by the user's own decision.
        """
        now = self.clock.now()
        if found:
            node = None
            if enrollment is not None:
                workflow = self.workflow_for(enrollment.campaign)
                node = workflow.node(outbox.node_id)
            if node is None:
                outbox.state = "sent"  # its contact or step is gone: only the fact stays
            else:
                sent_at = outbox.sent_at or now
                self.record_sent(
                    session, enrollment, outbox, node, workflow, sent_at, "found in Sent"
                )
                if enrollment.state in ACTIVE_STATE_VALUES:
                    enrollment.next_action_at = now
            session.commit()
            self._uncommitted = 0
            return "sent"
        if found is False:
            requeue(outbox)
            outbox.last_error = "not in the Sent folder: sent again under the same Message-ID"
            if enrollment is not None:
                enrollment.next_action_at = now
                enrollment.last_error = None
            return "queued"
        outbox.state = "held"
        outbox.last_error = held_reason
        if enrollment is not None:
            enrollment.next_action_at = None
            enrollment.last_error = held_reason
            self._event(session, "held", enrollment, outbox.node_id, message_id=outbox.message_id)
        self.bus.publish(
            Held(
                campaign_id=outbox.campaign_id,
                enrollment_id=outbox.enrollment_id,
                message_id=outbox.message_id,
            )
        )
        return "held"

    def _thread_history(self, session: Session, enrollment: Enrollment) -> list[tuple[str, str]]:
        """(Message-ID, subject) of this contact's sent emails in this campaign, oldest first."""
        rows = session.connection().execute(
            select(outbox_table.c.message_id, outbox_table.c.subject)
            .where(
                outbox_table.c.enrollment_id == enrollment.id,
                outbox_table.c.state == "sent",
            )
            .order_by(outbox_table.c.sent_at, outbox_table.c.id)
        )
        return [(message_id, subject) for message_id, subject in rows]

    def _look_in_sent(self, account: Account, message_id: str) -> bool | None:
        """Whether a message is in the account's Sent folder; None when that cannot be told.

        Only a provider that files sent mail itself answers "no" with authority; where
        we append the copies ourselves, a missing copy proves nothing.
        """
        if self.sent_lookup is None or not account.imap_host:
            return None
        try:
            with self.sessions() as session:
                proofs = proof_ids(session, account.id)
            found = self.sent_lookup(account, [message_id, *proofs])
            if message_id in found:
                return True
            return False if provider_files_copies(account, proofs, found) else None
        except Exception as error:  # no answer is not a "no"
            log.warning("cannot check the Sent folder for %s: %s", message_id, error)
            return None

    def _suppression_of(self, address: str) -> str | None:
        """Why this address may not be mailed (from the batch's suppression lookup), else None."""
        return self._suppressed.get(address)
