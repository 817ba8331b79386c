"""Small counts the screens show; the full aggregation for letters lives in reports/."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from signals.models import Ministry, Signal, SignalMinistry


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

    @property
    def open(self) -> int:
        return self.awaiting_acceptance + self.in_progress + self.needs_info


def open_counts_per_ministry(session: Session) -> list[MinistryCounts]:
    """Per current ministry, its lead signals by state, computed in the database."""
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
    result = []
    for ministry in session.scalars(select(Ministry).where(Ministry.valid_until.is_(None)).order_by(Ministry.code)):
        row = by_code.get(ministry.code, (ministry.code, 0, 0, 0, 0, 0))
        result.append(MinistryCounts(ministry.code, ministry.name, *(int(v or 0) for v in row[1:])))
    return result
