"""Following a knelpunt: an e-mail to every follower on each status change, through the outbox."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from signals import notifications
from signals.audit import record_event
from signals.errors import N_, PermissionDenied
from signals.knelpunten import KNELPUNT_STATUSES
from signals.models import AuditEvent, Knelpunt, KnelpuntSubscription, User
from signals.permissions import may_follow_knelpunten


def is_following(session: Session, user: User, knelpunt: Knelpunt) -> bool:
    """Whether ``user`` follows ``knelpunt``."""
    return session.scalar(
        select(KnelpuntSubscription.id).where(
            KnelpuntSubscription.knelpunt_id == knelpunt.id, KnelpuntSubscription.user_id == user.id
        )
    ) is not None


def follow(session: Session, user: User, knelpunt: Knelpunt) -> bool:
    """Follow ``knelpunt`` (the caller loaded it through visible_knelpunten); False if already following."""
    if not may_follow_knelpunten(user):
        raise PermissionDenied(N_("Uw rol kan geen knelpunten volgen."))
    if is_following(session, user, knelpunt):
        return False
    session.add(KnelpuntSubscription(knelpunt_id=knelpunt.id, user_id=user.id))
    record_event(session, "knelpunt", knelpunt.id, "followed", actor=user)
    session.flush()
    return True


def unfollow(session: Session, user: User, knelpunt: Knelpunt) -> bool:
    """Stop following; False if the user did not follow it."""
    result = session.execute(
        delete(KnelpuntSubscription).where(
            KnelpuntSubscription.knelpunt_id == knelpunt.id, KnelpuntSubscription.user_id == user.id
        )
    )
    if not result.rowcount:
        return False
    record_event(session, "knelpunt", knelpunt.id, "unfollowed", actor=user)
    session.flush()
    return True


def notify_followers(session: Session, knelpunt: Knelpunt, event: AuditEvent) -> int:
    """Queue one mail per active follower (not the person who made the change) for a status change."""
    recipients = list(
        session.scalars(
            select(User.email)
            .join(KnelpuntSubscription, KnelpuntSubscription.user_id == User.id)
            .where(
                KnelpuntSubscription.knelpunt_id == knelpunt.id,
                User.is_active.is_(True),
                User.id != (event.actor_id or 0),
            )
            .order_by(User.email)
        )
    )
    if not recipients:
        return 0
    made = notifications.queue_notification(
        session,
        "knelpunt_status",
        f"knelpunt_status:{event.id}",
        recipients,
        {
            "reference": knelpunt.reference or f"KNP-{knelpunt.id}",
            "title": knelpunt.title,
            "status": KNELPUNT_STATUSES.get(event.to_state or "", event.to_state or ""),
            "previous": KNELPUNT_STATUSES.get(event.from_state or "", event.from_state or ""),
            "note": f"Toelichting: {event.note}" if event.note else "",
            "url": f"{(session.info.get('base_url') or notifications.DEFAULT_BASE_URL).rstrip('/')}/knelpunten/{knelpunt.id}",
        },
    )
    return len(made)
