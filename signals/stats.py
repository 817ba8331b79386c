"""Small counts the screens show; the full aggregation for letters lives in reports/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from signals import deadlines
from signals.access import visible_signals
from signals.models import Ministry, Signal, SignalMinistry, utcnow
from signals.vocabulary import OPEN_STATUSES, STATUSES


@dataclass
class MinistryCounts:
    """The backlog of one ministry as lead, now: open signals per state and how many are late now.

    Lateness follows ``signals.deadlines`` (a signal waiting for the frontline counts as late
    when it was already past its deadline when the question was asked).
    """

    code: str
    name: str
    awaiting_acceptance: int
    in_progress: int
    needs_info: int
    late: int = 0
    very_late: int = 0

    @property
    def open(self) -> int:
        return self.awaiting_acceptance + self.in_progress + self.needs_info


def open_counts_per_ministry(session: Session, now: dt.datetime | None = None) -> list[MinistryCounts]:
    """Per current ministry, its open lead signals by state and how many are late or very late now, in one GROUP BY."""
    now = now or utcnow()
    from signals import tallies

    awaiting, handling = deadlines.CLOCK_RUNNING_STATUSES
    tally = tallies.T
    backlog = tally.status.in_(deadlines.BACKLOG_STATUSES)
    # the backlog per state and late now from the summary table ...
    counted = session.execute(
        select(
            tally.ministry_code,
            tallies.total(tally.status == awaiting),
            tallies.total(tally.status == handling),
            tallies.total(tally.status.in_(deadlines.PAUSED_STATUSES)),
            tallies.total(backlog & deadlines.tally_late_sql(tally, now)),
            tallies.total(backlog & (tally.lateness == deadlines.TALLY_VERY_LATE)),
        )
        .where(tally.ministry_code != "", backlog)
        .group_by(tally.ministry_code)
    ).all()
    # ... and very late now among the running clocks: by the day each becomes very late, the
    # clocks of today checked one by one (few: only those due on the dates these rows name)
    running_very_late = tallies.running_very_late_per_ministry(session, now, deadlines.BACKLOG_STATUSES)
    rows = [(code, a, h, p, late, vl + running_very_late.get(code, 0)) for code, a, h, p, late, vl in counted]
    by_code = {row[0]: row for row in rows}
    result = []
    for ministry in session.scalars(select(Ministry).where(Ministry.valid_until.is_(None)).order_by(Ministry.code)):
        row = by_code.get(ministry.code, (ministry.code, 0, 0, 0, 0, 0))
        result.append(MinistryCounts(ministry.code, ministry.name, *(int(v or 0) for v in row[1:])))
    return result


def status_counts(session: Session, user) -> dict[str, int]:
    """How many of the signals ``user`` may see are in each state, counted in the database.

    A frontline user's organisation (and its offices) from the summary table: a GROUP BY over its
    signals read 400,000 rows for the largest at a million.
    """
    from signals import permissions, tallies
    from signals.access import organisation_codes

    counts = dict.fromkeys(STATUSES, 0)
    if permissions.sees_signals_of_organisation(user) and not permissions.sees_all_signals(user):
        counts.update(tallies.status_counts_of_organisations(session, organisation_codes(session, user.organisation_code)))
        return counts
    visible = visible_signals(user).with_only_columns(Signal.status).subquery()  # the one column it counts
    rows = session.execute(select(visible.c.status, func.count()).group_by(visible.c.status)).all()
    counts.update({status: n for status, n in rows})
    return counts


def lead_totals_per_ministry(session: Session) -> list[tuple[str, int, int]]:
    """Per ministry that ever led a signal: signals in total and still open (aggregates only, no text)."""
    rows = session.execute(
        select(
            SignalMinistry.ministry_code,
            func.count(Signal.id),
            func.sum(case((Signal.status.in_(OPEN_STATUSES), 1), else_=0)),
        )
        .join(Signal, Signal.id == SignalMinistry.signal_id)
        .where(SignalMinistry.is_lead.is_(True))
        .group_by(SignalMinistry.ministry_code)
        .order_by(SignalMinistry.ministry_code)
    ).all()
    return [(code, total, int(open_ or 0)) for code, total, open_ in rows]


@dataclass
class PeriodRecord:
    """The record of one ministry as lead over a period: what came in and how it was handled, by the one lateness rule."""

    code: str
    name: str
    #: signals received (created) in the period
    received: int
    #: of those, late (answered late, or still open past the deadline; see signals.deadlines)
    received_late: int
    #: signals answered in the period
    answered: int
    #: of those, answered within the deadline
    answered_on_time: int

    @property
    def pct_answered_on_time(self) -> float | None:
        return round(100.0 * self.answered_on_time / self.answered, 1) if self.answered else None


def period_record_per_ministry(
    session: Session, start: dt.datetime, end: dt.datetime, now: dt.datetime | None = None
) -> list[PeriodRecord]:
    """Per current ministry as lead: received in [start, end) and how many of those are late; answered in [start, end) and how many on time."""
    now = now or utcnow()
    if _whole_months(start, end):  # reporting periods are: read the summary table
        from signals import tallies

        tally = tallies.T
        first, last = start.strftime("%Y-%m"), end.strftime("%Y-%m")
        received = (tally.month >= first) & (tally.month < last)
        answered = (tally.answered_month >= first) & (tally.answered_month < last)
        rows = session.execute(
            select(
                tally.ministry_code,
                tallies.total(received),
                tallies.total(received & deadlines.tally_late_sql(tally, now)),
                tallies.total(answered),
                tallies.total(answered & deadlines.tally_on_time_sql(tally, now)),
            )
            .where(tally.ministry_code != "", received | answered)
            .group_by(tally.ministry_code)
        ).all()
    else:
        rows = _period_record_live(session, start, end, now)
    by_code = {row[0]: row for row in rows}
    result = []
    for ministry in session.scalars(select(Ministry).where(Ministry.valid_until.is_(None)).order_by(Ministry.code)):
        row = by_code.get(ministry.code, (ministry.code, 0, 0, 0, 0))
        result.append(PeriodRecord(ministry.code, ministry.name, *(int(v or 0) for v in row[1:])))
    return result


def _whole_months(start: dt.datetime, end: dt.datetime) -> bool:
    """Whether [start, end) runs from the first of a month to the first of a month, midnight UTC."""
    return all(
        moment.utcoffset() == dt.timedelta(0) and (moment.day, moment.hour, moment.minute, moment.second, moment.microsecond) == (1, 0, 0, 0, 0)
        for moment in (start, end)
    )


def _period_record_live(session: Session, start: dt.datetime, end: dt.datetime, now: dt.datetime):
    def count_if(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    received = (Signal.created_at >= start) & (Signal.created_at < end)
    answered = Signal.answered_at.is_not(None) & (Signal.answered_at >= start) & (Signal.answered_at < end)
    return session.execute(
        select(
            SignalMinistry.ministry_code,
            count_if(received),
            count_if(received & deadlines.late_condition(now)),
            count_if(answered),
            count_if(answered & deadlines.on_time_condition(now)),
        )
        .join(Signal, Signal.id == SignalMinistry.signal_id)
        .where(SignalMinistry.is_lead.is_(True))
        .group_by(SignalMinistry.ministry_code)
    ).all()
