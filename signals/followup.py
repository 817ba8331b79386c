"""Follow-up that holds ministries to account: feedback, split, escalation and auto-close."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals import deadlines
from signals.audit import record_event
from signals.errors import N_, FieldErrors, PermissionDenied, TransitionNotAllowed
from signals.intake import SignalDraft, assign_reference, validate_draft
from signals.models import Signal, SignalContact, User, utcnow
from signals.notifications import queue_notification, signal_context, team_emails
from signals.permissions import COORDINATOR, TRIAGE, may_rate, may_see_contact, may_split
from signals.privacy import mask_fields, mask_texts
from signals.vocabulary import OPEN_STATUSES
from signals.workflow import SYSTEM, route_signal, set_regulations, transition_signal


def give_feedback(session: Session, signal: Signal, actor: User, useful: bool | None, comment: str = "") -> None:
    """The frontline rates an answer: useful closes the loop, not useful asks the ministry to reopen."""
    if not may_rate(actor, signal):
        raise PermissionDenied(N_("Alleen de organisatie die het signaal meldde, beoordeelt het antwoord."))
    errors = FieldErrors()
    if not isinstance(useful, bool):
        errors.add("useful", N_("Geef aan of het antwoord bruikbaar is (true of false)."))
    comment = (comment or "").strip() if isinstance(comment, str) else ""
    if useful is False and not comment:
        errors.add("comment", N_("Vertel kort waarom het antwoord niet bruikbaar is."))
    errors.raise_if_any()
    if signal.status != "answered":
        raise TransitionNotAllowed(N_("Alleen een beantwoord signaal kan worden beoordeeld."), {"useful": [N_("Het signaal is nog niet beantwoord.")]})
    (comment,), removed = mask_texts(comment)
    signal.removed_personal_data = removed
    now = utcnow()
    signal.feedback_useful, signal.feedback_comment, signal.feedback_at = useful, comment, now
    record_event(
        session, "signal", signal.id, "feedback", actor=actor, note=comment, data={"useful": useful, **({"masked": list(removed)} if removed else {})}, signal_id=signal.id
    )
    if useful:
        transition_signal(session, signal, "closed", actor, note="Antwoord bruikbaar.")
    else:
        signal.reopen_requested_at = now
        queue_notification(
            session,
            "reopen_requested",
            f"reopen_requested:{signal.id}:{now.isoformat()}",
            team_emails(session, signal.lead_ministry_code, TRIAGE),
            signal_context(signal, note=comment),
            signal,
        )
    session.flush()


def split_signal(session: Session, signal: Signal, actor: User, title: str, description: str, regulations: list[str] | None = None) -> Signal:
    """Split a second problem off ``signal`` into a new signal with its own history."""
    if not may_split(actor, signal):
        raise PermissionDenied(N_("Alleen het eerstverantwoordelijke ministerie of de coördinator splitst een signaal."))
    if signal.status not in OPEN_STATUSES:
        raise TransitionNotAllowed(N_("Alleen een open signaal kan worden gesplitst."))
    draft = SignalDraft(channel=signal.channel_code, title=title, description=description, regulations=regulations or [])
    validated = validate_draft(session, draft)
    fields, masked = mask_fields({"title": title.strip(), "description": description.strip()})
    now = utcnow()
    part = Signal(
        status="received",
        channel_code=signal.channel_code,
        organisation_code=signal.organisation_code,
        submitter_id=signal.submitter_id,
        observed_on=signal.observed_on,
        people_affected=signal.people_affected,
        themes=list(signal.themes or []),
        masked=list(masked),
        routing_method="manual",
        routing_explanation=f"Afgesplitst van {signal.reference}.",
        created_at=now,
        updated_at=now,
        **fields,
    )
    session.add(part)
    session.flush()
    assign_reference(part, now)
    set_regulations(session, part, [r.code for r in validated] or [r.code for r in signal.regulations])
    part.removed_personal_data = masked
    split_from = record_event(session, "signal", part.id, "split_from", actor=actor, to_state="received", note=f"Afgesplitst van {signal.reference}.", data={"source": signal.id, "masked": list(masked)}, signal_id=part.id)
    split_from.created_at = now
    ministry = validated[0].ministry_code if validated else signal.lead_ministry_code
    if ministry:
        # a regulation named for the part decides; otherwise it stays with the source's lead ministry
        method = "regulation" if validated else "inherited"
        route_signal(
            session, part, ministry, [], actor, method, note=f"Afgesplitst van {signal.reference}.", action="route", at=now
        )
    record_event(session, "signal", signal.id, "split", actor=actor, note=f"Tweede probleem afgesplitst als {part.reference}.", data={"part": part.id}, signal_id=signal.id)
    session.flush()
    return part


@dataclass
class DeadlineRun:
    """What one run of the deadline check did."""

    escalated: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    contacts_purged: int = 0


def check_deadlines(
    session: Session, now: dt.datetime | None = None, auto_close_days: int = 30, contact_retention_days: int = 90
) -> DeadlineRun:
    """Escalate missed deadlines to the coordinators and close answered signals left without reaction.

    Idempotent: an escalation is keyed on signal, phase, deadline and lateness, so
    running again sends nothing new; closed signals are no longer answered.
    """
    now = now or utcnow()
    run = DeadlineRun()
    coordinators = team_emails(session, None, COORDINATOR)
    overdue = session.scalars(
        select(Signal).where(Signal.status.in_(deadlines.CLOCK_RUNNING_STATUSES), deadlines.late_condition(now))
    ).all()
    for signal in overdue:
        state = deadlines.deadline_state(signal, now)
        phase = "geaccepteerd" if signal.status == deadlines.AWAITING_ACCEPTANCE else "beantwoord"
        due = signal.due_at
        key = f"overdue:{signal.id}:{signal.status}:{deadlines.local_date(due).isoformat()}:{state}"
        made = queue_notification(
            session,
            "overdue",
            key,
            coordinators,
            signal_context(
                signal,
                due=deadlines.format_local_date(due),
                phase=phase,
                lateness="meer dan drie keer over de termijn" if state == deadlines.VERY_LATE else "over de termijn",
            ),
            signal,
        )
        if made:
            run.escalated.append(signal.reference)
    cutoff = now - dt.timedelta(days=auto_close_days)
    stale = session.scalars(
        select(Signal).where(
            Signal.status == "answered",
            Signal.answered_at.is_not(None),
            Signal.answered_at < cutoff,
            Signal.reopen_requested_at.is_(None),
            Signal.feedback_at.is_(None),
        )
    ).all()
    for signal in stale:
        transition_signal(session, signal, "closed", SYSTEM, note=f"Automatisch afgesloten: geen reactie binnen {auto_close_days} dagen.", at=now)
        run.closed.append(signal.reference)
    run.contacts_purged = purge_contacts(session, now - dt.timedelta(days=contact_retention_days))
    session.flush()
    return run


def purge_contacts(session: Session, closed_before: dt.datetime) -> int:
    """Remove submitters' contact details of signals closed (or merged) before ``closed_before``."""
    stale = session.scalars(
        select(SignalContact)
        .join(Signal, Signal.id == SignalContact.signal_id)
        .where(
            ((Signal.status == "closed") & (Signal.closed_at < closed_before))
            | ((Signal.status == "merged") & (Signal.updated_at < closed_before))
        )
    ).all()
    for contact in stale:
        record_event(session, "signal", contact.signal_id, "contact_purged", actor=None, note="Contactgegevens verwijderd na de bewaartermijn.", signal_id=contact.signal_id)
        session.delete(contact)
    return len(stale)


def get_contact_for(session: Session, user: User, signal: Signal) -> str | None:
    """The submitter's contact details, for the people who work the signal; None for everyone else."""
    if not may_see_contact(user, signal):
        return None
    contact = session.scalars(select(SignalContact).where(SignalContact.signal_id == signal.id)).first()
    return contact.contact if contact else None
