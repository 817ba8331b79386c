"""Reads for the daily work screens: what needs the frontline, open questions, merged signals.

Reads only; changes go through ``signals.workflow`` and friends. Everything is scoped
through ``signals.access.visible_signals`` so a list never shows what its reader may not see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, false, func, select, true
from sqlalchemy.orm import Session, selectinload

from signals import deadlines, permissions
from signals.access import routed_to, visible_signals
from signals.models import AuditEvent, Knelpunt, KnelpuntRegulation, Signal, SignalMinistry, SignalRegulation, User
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


def _question_from(signal: Signal, event: AuditEvent | None) -> OpenQuestion | None:
    if event is None:
        return None
    asked = deadlines.as_utc(event.created_at)
    reply_by = deadlines.add_working_days(asked.astimezone(deadlines.TZ).date(), INFO_REPLY_WORKING_DAYS)
    return OpenQuestion(event.note, asked, reply_by, signal.lead_ministry_code)


def open_question(session: Session, signal: Signal) -> OpenQuestion | None:
    """The question the frontline has still to answer (None unless the signal waits for information)."""
    if signal.status != deadlines.PAUSED_STATUS:
        return None
    event = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.signal_id == signal.id, AuditEvent.action == "request_info")
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    ).first()
    return _question_from(signal, event)


def _acts_on(user: User):
    """SQL for ``permissions.may_act`` (and, for the frontline, ``may_rate``) on the signals ``user``
    sees: an agency sees its offices' questions and answers, but the office that logged a signal
    answers and rates them."""
    if permissions.sees_signals_of_organisation(user):
        return Signal.organisation_code == user.organisation_code
    if permissions.sees_signals_of_ministry(user):
        return routed_to(user.organisation_code, lead_only=True)
    return true() if permissions.may_act_on_every_signal(user) else false()


def _waiting_for_information(user: User, mine_only: bool, session: Session | None = None):
    stmt = visible_signals(user, session).where(
        Signal.status == deadlines.PAUSED_STATUS,
        _acts_on(user),
        exists().where(AuditEvent.signal_id == Signal.id, AuditEvent.action == "request_info"),
    )
    return stmt.where(Signal.submitter_id == user.id) if mine_only else stmt


def _answered_unrated(user: User, mine_only: bool, session: Session | None = None):
    """Answered, not rated, logged by the user's own organisation (``permissions.may_rate``: the
    office that logged a signal rates it, not the agency above it)."""
    if not permissions.may_rate_answers(user):
        return visible_signals(user).where(false())
    stmt = visible_signals(user, session).where(
        Signal.status == "answered", Signal.feedback_at.is_(None), _acts_on(user)
    )
    return stmt.where(Signal.submitter_id == user.id) if mine_only else stmt


def open_questions_for(
    session: Session, user: User, mine_only: bool = False, limit: int | None = None
) -> list[tuple[Signal, OpenQuestion]]:
    """Signals of the user's scope that wait for the frontline's information, the longest waiting first
    (at most ``limit``; ``count_waiting_for`` counts them all).

    Two queries whatever the number: the signals, then their latest questions.
    """
    stmt = (
        _waiting_for_information(user, mine_only, session)
        .options(selectinload(Signal.ministry_links))
        .order_by(Signal.needs_info_since, Signal.id)
    )
    signals = list(session.scalars(stmt.limit(limit) if limit is not None else stmt))
    latest: dict[int, AuditEvent] = {}
    for start in range(0, len(signals), 500):
        ids = [signal.id for signal in signals[start : start + 500]]
        for event in session.scalars(
            select(AuditEvent)
            .where(AuditEvent.signal_id.in_(ids), AuditEvent.action == "request_info")
            .order_by(AuditEvent.created_at, AuditEvent.id)
        ):
            latest[event.signal_id] = event  # the last one wins
    result = []
    for signal in signals:
        question = _question_from(signal, latest.get(signal.id))
        if question is not None:
            result.append((signal, question))
    result.sort(key=lambda pair: pair[1].asked_at)
    return result


def answers_to_rate(session: Session, user: User, mine_only: bool = False, limit: int | None = None) -> list[Signal]:
    """Answered signals nobody of the organisation has rated yet, the oldest answer first (at most ``limit``)."""
    stmt = (
        _answered_unrated(user, mine_only, session)
        .options(selectinload(Signal.ministry_links))
        .order_by(Signal.answered_at, Signal.id)
    )
    return list(session.scalars(stmt.limit(limit) if limit is not None else stmt))


@dataclass
class WaitingCounts:
    """How much waits for the frontline: questions to answer and answers to rate (each exact up to COUNT_CAP)."""

    questions: int
    to_rate: int
    #: True when either count stopped at COUNT_CAP
    capped: bool = False

    @property
    def total(self) -> int:
        return self.questions + self.to_rate


def count_waiting_for(session: Session, user: User, mine_only: bool = False) -> WaitingCounts:
    """Counts of ``open_questions_for`` and ``answers_to_rate``, without loading a signal."""
    from signals.access import capped_count

    questions, capped_q = capped_count(session, _waiting_for_information(user, mine_only, session))
    to_rate, capped_r = capped_count(session, _answered_unrated(user, mine_only, session))
    return WaitingCounts(questions, to_rate, capped_q or capped_r)


def merged_into(session: Session, user: User, signal: Signal) -> list[Signal]:
    """The signals ``user`` may see that were merged into ``signal``."""
    stmt = visible_signals(user).where(Signal.merged_into_id == signal.id).order_by(Signal.id)
    return list(session.scalars(stmt))


def count_merged_into(session: Session, signal: Signal) -> int:
    """How many signals (visible or not) follow ``signal``."""
    return session.scalar(select(func.count()).select_from(Signal).where(Signal.merged_into_id == signal.id)) or 0


#: knelpunten still being worked on, to which a signal can be added
LINKABLE_KNELPUNT_STATUSES = ("open", "in_study", "solution_underway")


#: knelpunten a signal's page offers to link it to (the most fitting first); the rest through the knelpunt's own page
LINK_CHOICES = 50


@dataclass
class LinkChoices:
    """The knelpunten a signal's page offers, and how many ``user`` could link it to in all."""

    rows: list
    total: int

    @property
    def more(self) -> bool:
        return self.total > len(self.rows)


def linkable_knelpunten(session: Session, user: User, signal: Signal | None = None, limit: int | None = None) -> LinkChoices:
    """Knelpunten ``user`` may add signals to, as rows of id, reference and title: with ``signal``
    first those about one of its regulations, then those its lead ministry leads, then the newest;
    at most ``limit`` of them (LINK_CHOICES when not given); ``total`` counts them all.

    At a million signals thousands are open (1,852 options, 218 KB for one signal page on the bench
    database), more than anyone can choose from: the page shows the fitting ones and says how many
    there are. No Knelpunt is loaded, and ``may_edit_knelpunt`` is asked once per ministry.
    """
    from signals.knelpunten import visible_knelpunten

    limit = LINK_CHOICES if limit is None else limit
    open_ones = visible_knelpunten(user).where(Knelpunt.status.in_(LINKABLE_KNELPUNT_STATUSES))
    ministries = session.scalars(open_ones.with_only_columns(Knelpunt.ministry_code).distinct()).all()
    editable = [code for code in ministries if may_edit_knelpunt(user, code)]
    if not editable:
        return LinkChoices([], 0)
    mine = open_ones.where(Knelpunt.ministry_code.in_(editable))
    ordering = []
    if signal is not None:
        shares_regulation = exists().where(
            KnelpuntRegulation.knelpunt_id == Knelpunt.id,
            KnelpuntRegulation.regulation_id.in_(
                select(SignalRegulation.regulation_id).where(SignalRegulation.signal_id == signal.id)
            ),
        )
        lead = select(SignalMinistry.ministry_code).where(SignalMinistry.signal_id == signal.id, SignalMinistry.is_lead.is_(True))
        ordering = [shares_regulation.desc(), Knelpunt.ministry_code.in_(lead).desc()]
    stmt = mine.with_only_columns(Knelpunt.id, Knelpunt.reference, Knelpunt.title).order_by(
        *ordering, Knelpunt.created_at.desc(), Knelpunt.id.desc()
    )
    rows = list(session.execute(stmt.limit(limit)))
    total = len(rows) if len(rows) < limit else session.scalar(select(func.count()).select_from(mine.subquery())) or 0
    return LinkChoices(rows, total)


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
