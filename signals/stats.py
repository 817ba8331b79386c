"""Small counts the screens show; the full aggregation for letters lives in reports/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from signals.access import visible_signals
from signals.deadlines import as_utc, is_very_late
from signals.models import Ministry, Signal, SignalMinistry, utcnow
from signals.vocabulary import OPEN_STATUSES, STATUSES


@dataclass
class MinistryCounts:
    """Work of one ministry as lead: signals per state group."""

    code: str
    name: str
    awaiting_acceptance: int
    in_progress: int
    needs_info: int
    answered: int
    total: int
    late: int = 0
    very_late: int = 0

    @property
    def open(self) -> int:
        return self.awaiting_acceptance + self.in_progress + self.needs_info


def open_counts_per_ministry(session: Session, now: dt.datetime | None = None) -> list[MinistryCounts]:
    """Per current ministry, its lead signals by state and how many are past their deadline, computed in the database."""
    now = now or utcnow()
    def count_status(status: str):
        return func.sum(case((Signal.status == status, 1), else_=0))

    rows = session.execute(
        select(
            SignalMinistry.ministry_code,
            count_status("routed"),
            count_status("in_progress"),
            count_status("needs_info"),
            count_status("answered"),
            func.count(Signal.id),
        )
        .join(Signal, Signal.id == SignalMinistry.signal_id)
        .where(SignalMinistry.is_lead.is_(True))
        .group_by(SignalMinistry.ministry_code)
    ).all()
    by_code = {row[0]: row for row in rows}
    late_rows = session.execute(
        select(SignalMinistry.ministry_code, Signal.due_at, Signal.deadline_started_at)
        .join(Signal, Signal.id == SignalMinistry.signal_id)
        .where(SignalMinistry.is_lead.is_(True), Signal.status.in_(("routed", "in_progress")), Signal.due_at < now)
    ).all()
    late: dict[str, list[int]] = {}
    for code, due, started in late_rows:
        counts = late.setdefault(code, [0, 0])
        counts[0] += 1
        if started is not None and is_very_late(as_utc(started), as_utc(due), now):
            counts[1] += 1
    result = []
    for ministry in session.scalars(select(Ministry).where(Ministry.valid_until.is_(None)).order_by(Ministry.code)):
        row = by_code.get(ministry.code, (ministry.code, 0, 0, 0, 0, 0))
        late_count, very_late_count = late.get(ministry.code, [0, 0])
        result.append(MinistryCounts(ministry.code, ministry.name, *(int(v or 0) for v in row[1:]), late_count, very_late_count))
    return result


def status_counts(session: Session, user) -> dict[str, int]:
    """How many of the signals ``user`` may see are in each state, counted in the database."""
    visible = visible_signals(user).subquery()
    rows = session.execute(select(visible.c.status, func.count()).group_by(visible.c.status)).all()
    counts = dict.fromkeys(STATUSES, 0)
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
