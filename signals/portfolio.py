"""Cabinet reorganisations: moving a regulation or a whole ministry re-routes open signals (DESIGN §5.4)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.audit import record_event
from signals.errors import N_, FieldErrors
from signals.models import Ministry, Regulation, Signal, SignalMinistry, SignalRegulation
from signals.reference import resolve_lead_and_co_ministries, resolve_ministry
from signals.vocabulary import OPEN_STATUSES
from signals.workflow import route_signal

#: open signals that move with a portfolio; unrouted ones have no ministry yet
MOVING_STATUSES = tuple(s for s in OPEN_STATUSES if s != "received")


def _move_signal(session: Session, signal: Signal, old: str, new: str, actor, reason: str) -> None:
    """Hand one open signal from ``old`` to ``new`` as lead, keeping its state and history.

    Through the one routing function: a signal still awaiting acceptance gives the new
    ministry its own time to accept; one being handled keeps its deadline.
    """
    co = [code for code in signal.co_ministry_codes if code != new]
    route_signal(session, signal, new, co, actor, "portfolio", note=reason, action="portfolio_moved")


def move_regulation(session: Session, regulation: Regulation, ministry_code: str, actor, co_ministries: list[str] | None = None) -> list[Signal]:
    """Give a regulation to another ministry; its open signals follow. Returns the signals moved."""
    errors = FieldErrors()
    new, co = resolve_lead_and_co_ministries(session, ministry_code, co_ministries, errors)
    if new is not None and new.valid_until is not None:
        errors.add("ministry", N_("Kies een bestaand ministerie."))
    errors.raise_if_any()
    old = resolve_ministry(session, regulation.ministry_code).code
    regulation.ministry_code = new.code
    if co_ministries is not None:
        regulation.co_ministry_codes = " ".join(co)
    record_event(
        session, "reference", regulation.code, "portfolio_moved", actor=actor, data={"from_ministry": old, "ministry": new.code, "co_ministries": co}
    )
    moved: list[Signal] = []
    if old != new.code:
        lead_on_regulation = select(SignalRegulation.signal_id).where(
            SignalRegulation.regulation_id == regulation.id, SignalRegulation.position == 0
        )
        led_by_old = select(SignalMinistry.signal_id).where(SignalMinistry.ministry_code == old, SignalMinistry.is_lead.is_(True))
        signals = session.scalars(
            select(Signal).where(Signal.status.in_(MOVING_STATUSES), Signal.id.in_(lead_on_regulation), Signal.id.in_(led_by_old))
        ).all()
        reason = f"{regulation.title} is overgegaan van {old} naar {new.code}."
        for signal in signals:
            _move_signal(session, signal, old, new.code, actor, reason)
            moved.append(signal)
    session.flush()
    return moved


def retire_ministry(session: Session, ministry: Ministry, successor_code: str, valid_until: dt.date, actor) -> list[Signal]:
    """End a ministry; its regulations and open signals go to the successor. Returns the signals moved."""
    errors = FieldErrors()
    successor = session.get(Ministry, (successor_code or "").upper())
    if successor is None or successor.code == ministry.code or successor.valid_until is not None:
        errors.add("successor", N_("Kies een bestaand ander ministerie als opvolger."))
    if not isinstance(valid_until, dt.date):
        errors.add("valid_until", N_("Vul de laatste dag van het ministerie in."))
    errors.raise_if_any()
    ministry.valid_until = valid_until
    ministry.successor_code = successor.code
    record_event(session, "reference", ministry.code, "retired", actor=actor, data={"successor": successor.code, "valid_until": valid_until.isoformat()})
    for regulation in session.scalars(select(Regulation).where(Regulation.ministry_code == ministry.code)):
        regulation.ministry_code = successor.code
    led = select(SignalMinistry.signal_id).where(SignalMinistry.ministry_code == ministry.code, SignalMinistry.is_lead.is_(True))
    signals = session.scalars(select(Signal).where(Signal.status.in_(MOVING_STATUSES), Signal.id.in_(led))).all()
    reason = f"{ministry.name} is opgegaan in {successor.name}."
    for signal in signals:
        _move_signal(session, signal, ministry.code, successor.code, actor, reason)
    # co-responsibility moves too, without a lead change
    for link in session.scalars(select(SignalMinistry).where(SignalMinistry.ministry_code == ministry.code, SignalMinistry.is_lead.is_(False))):
        duplicate = session.scalar(
            select(SignalMinistry.id).where(SignalMinistry.signal_id == link.signal_id, SignalMinistry.ministry_code == successor.code)
        )
        if duplicate:
            session.delete(link)
        else:
            link.ministry_code = successor.code
    session.flush()
    return list(signals)
