"""What a portfolio move would take along, shown on the confirmation page before anything moves."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from signals.models import Knelpunt, Ministry, Regulation, Signal, SignalMinistry, User
from signals.portfolio import MOVING_STATUSES


@dataclass
class RetirementPreview:
    """Everything that goes to the successor when ``ministry`` is retired."""

    regulations: list[Regulation]
    open_signals: int
    open_knelpunten: int
    users: int


def retirement_preview(session: Session, ministry: Ministry) -> RetirementPreview:
    """Regulations, open signals (as lead), open knelpunten and users of ``ministry``, counted now."""
    regulations = list(
        session.scalars(select(Regulation).where(Regulation.ministry_code == ministry.code).order_by(Regulation.title))
    )
    open_signals = session.scalar(
        select(func.count(Signal.id))
        .join(SignalMinistry, SignalMinistry.signal_id == Signal.id)
        .where(SignalMinistry.ministry_code == ministry.code, SignalMinistry.is_lead.is_(True), Signal.status.in_(MOVING_STATUSES))
    )
    open_knelpunten = session.scalar(
        select(func.count(Knelpunt.id)).where(
            Knelpunt.ministry_code == ministry.code, Knelpunt.status.not_in(("addressed", "rejected"))
        )
    )
    users = session.scalar(select(func.count(User.id)).where(User.organisation_code == ministry.code, User.is_active.is_(True)))
    return RetirementPreview(regulations, int(open_signals or 0), int(open_knelpunten or 0), int(users or 0))
