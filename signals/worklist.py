"""Reads for the daily work screens: what needs the frontline, open questions, merged signals.

Reads only; changes go through ``signals.workflow`` and friends. Everything is scoped
through ``signals.access.visible_signals`` so a list never shows what its reader may not see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from signals import deadlines, permissions
from signals.access import visible_signals
from signals.models import AuditEvent, Knelpunt, Signal, User
from signals.permissions import may_edit_knelpunt

#: working days the frontline is asked to answer a request for information in (a courtesy
#: date shown to the frontline; the ministry's own clock stands still meanwhile)
INFO_REPLY_WORKING_DAYS = 10


@dataclass
class OpenQuestion:
    """The ministry's latest request for information on a signal."""

    question: str
    asked_at: dt.datetime
    reply_by: dt.date
    asked_by: str | None


def open_question(session: Session, signal: Signal) -> OpenQuestion | None:
    """The question the frontline has still to answer (None unless the signal waits for information)."""
    if signal.status != deadlines.PAUSED_STATUS:
        return None
    event = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.signal_id == signal.id, AuditEvent.action == "request_info")
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    ).first()
    if event is None:
        return None
    asked = deadlines.as_utc(event.created_at)
    reply_by = deadlines.add_working_days(asked.astimezone(deadlines.TZ).date(), INFO_REPLY_WORKING_DAYS)
    ministry = signal.lead_ministry_code
    return OpenQuestion(event.note, asked, reply_by, ministry)


def open_questions_for(session: Session, user: User, mine_only: bool = False) -> list[tuple[Signal, OpenQuestion]]:
    """Signals of the user's scope that wait for the frontline's information, the longest waiting first."""
    stmt = visible_signals(user).where(Signal.status == deadlines.PAUSED_STATUS)
    if mine_only:
        stmt = stmt.where(Signal.submitter_id == user.id)
    result = []
    for signal in session.scalars(stmt.order_by(Signal.updated_at, Signal.id)):
        if not permissions.may_act(user, signal):  # an agency sees its offices' questions; the office answers
            continue
        question = open_question(session, signal)
        if question is not None:
            result.append((signal, question))
    result.sort(key=lambda pair: pair[1].asked_at)
    return result


def answers_to_rate(session: Session, user: User, mine_only: bool = False) -> list[Signal]:
    """Answered signals nobody of the organisation has rated yet, the oldest answer first."""
    stmt = visible_signals(user).where(Signal.status == "answered", Signal.feedback_at.is_(None))
    if mine_only:
        stmt = stmt.where(Signal.submitter_id == user.id)
    # an agency sees the answers to its offices' signals; the office that logged one rates it
    return [signal for signal in session.scalars(stmt.order_by(Signal.answered_at, Signal.id)) if permissions.may_rate(user, signal)]


def merged_into(session: Session, user: User, signal: Signal) -> list[Signal]:
    """The signals ``user`` may see that were merged into ``signal``."""
    stmt = visible_signals(user).where(Signal.merged_into_id == signal.id).order_by(Signal.id)
    return list(session.scalars(stmt))


def count_merged_into(session: Session, signal: Signal) -> int:
    """How many signals (visible or not) follow ``signal``."""
    return session.scalar(select(func.count()).select_from(Signal).where(Signal.merged_into_id == signal.id)) or 0


#: knelpunten still being worked on, to which a signal can be added
LINKABLE_KNELPUNT_STATUSES = ("open", "in_study", "solution_underway")


def linkable_knelpunten(session: Session, user: User) -> list[Knelpunt]:
    """Knelpunten ``user`` may add signals to, the newest first."""
    from signals.knelpunten import visible_knelpunten

    stmt = visible_knelpunten(user).where(Knelpunt.status.in_(LINKABLE_KNELPUNT_STATUSES))
    return [
        k
        for k in session.scalars(stmt.order_by(Knelpunt.created_at.desc(), Knelpunt.id.desc()))
        if may_edit_knelpunt(user, k.ministry_code)
    ]


def similar_to_draft(session: Session, user: User, title: str, description: str, limit: int = 5):
    """Signals ``user`` may see that resemble a text still being typed (nothing is stored)."""
    from signals.privacy import mask_fields
    from signals.similarity import find_similar

    fields, _kinds = mask_fields({"title": (title or "")[:200], "description": (description or "")[:10_000]})
    draft = Signal(id=-1, title=fields["title"] or "", description=fields["description"] or "")
    try:
        return find_similar(session, user, draft, limit=limit)
    finally:
        session.expunge(draft) if draft in session else None
