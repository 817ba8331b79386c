"""The audit trail: one immutable event per state change, in the caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from signals.models import AuditEvent, User


def record_event(
    session: Session,
    entity_type: str,
    entity_id: int | str,
    action: str,
    actor: User | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    note: str = "",
    data: dict | None = None,
    signal_id: int | None = None,
) -> AuditEvent:
    """Add an audit event to the session; the caller commits it with the change."""
    event = AuditEvent(
        entity_type=entity_type,
        entity_id=str(entity_id),
        signal_id=signal_id,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note or "",
        data=data or {},
        actor_id=actor.id if actor is not None else None,
    )
    session.add(event)
    return event


def list_signal_history(session: Session, signal_id: int) -> list[AuditEvent]:
    """A signal's events, oldest first."""
    return list(
        session.scalars(
            select(AuditEvent).where(AuditEvent.signal_id == signal_id).order_by(AuditEvent.created_at, AuditEvent.id)
        )
    )
