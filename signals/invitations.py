"""Accounts an administrator runs: invitations and reset links (one-time, expiring), forced password
changes, editing, deactivating and reactivating users. Every change writes an audit event.

Nobody ever sees another person's password: an invitation or a reset sends a link by e-mail (through
the outbox of ``signals.notifications``); the link's token is stored only as its SHA-256 hash, works
once, and expires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload
from werkzeug.security import check_password_hash, generate_password_hash

from signals import accounts, notifications, permissions
from signals.audit import record_event
from signals.errors import N_, FieldErrors, Message, PermissionDenied
from signals.models import ApiToken, Ministry, OneTimeLink, Organisation, User, utcnow
from signals.notifications import queue_notification
from signals.vocabulary import ROLES

INVITE_HOURS = 72
RESET_HOURS = 24
LINK_PATH = "/auth/wachtwoord-kiezen/"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _as_utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def _expires_text(when: dt.datetime) -> str:
    """'3 december 2026 14:05' in Dutch time, for the mail."""
    from zoneinfo import ZoneInfo

    local = when.astimezone(ZoneInfo("Europe/Amsterdam"))
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year} {local:%H:%M}"


def issue_link(session: Session, user: User, purpose: str, actor: User | None, base_url: str | None = None,
               now: dt.datetime | None = None) -> tuple[OneTimeLink, str]:
    """A new one-time link for ``user`` (earlier unused links stop working); returns the link and its URL."""
    now = now or utcnow()
    hours = INVITE_HOURS if purpose == "invite" else RESET_HOURS
    session.execute(
        update(OneTimeLink)
        .where(OneTimeLink.user_id == user.id, OneTimeLink.used_at.is_(None))
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(32)
    link = OneTimeLink(user_id=user.id, token_hash=_hash(token), purpose=purpose, created_at=now,
                       expires_at=now + dt.timedelta(hours=hours))
    session.add(link)
    session.flush()
    record_event(session, "user", user.id, f"{purpose}_link", actor=actor, data={"expires_at": link.expires_at.isoformat()})
    root = base_url or session.info.get("base_url") or notifications.DEFAULT_BASE_URL
    url = f"{root.rstrip('/')}{LINK_PATH}{token}"
    return link, url


def _mail_link(session: Session, user: User, link: OneTimeLink, url: str) -> None:
    organisation = session.get(Organisation, user.organisation_code)
    queue_notification(
        session,
        "invitation" if link.purpose == "invite" else "password_reset",
        f"{link.purpose}:{link.id}",
        [user.email],
        {
            "name": user.name or user.email,
            "role": ROLES.get(user.role, user.role).lower(),
            "organisation": organisation.name if organisation else user.organisation_code,
            "url": url,
            "expires": _expires_text(_as_utc(link.expires_at)),
        },
    )


def invite_user(session: Session, email: str, role: str, organisation_code: str, name: str, actor: User,
                base_url: str | None = None) -> tuple[User, OneTimeLink]:
    """Create a user without a usable password and mail them a link to choose one."""
    check_organisation_is_current(session, organisation_code)
    user, _unknown_password = accounts.create_user(session, email, role, organisation_code, name=name, actor=actor)
    user.password_hash = "!"  # no password matches until the invitation is used
    link, url = issue_link(session, user, "invite", actor, base_url)
    _mail_link(session, user, link, url)
    return user, link


def send_reset_link(session: Session, user: User, actor: User, base_url: str | None = None) -> OneTimeLink:
    """Mail ``user`` a new link to choose a password; the old password stops working at once."""
    user.password_hash = "!"
    link, url = issue_link(session, user, "reset", actor, base_url)
    _mail_link(session, user, link, url)
    return link


def find_link(session: Session, token: str, now: dt.datetime | None = None) -> OneTimeLink | None:
    """The usable link for ``token``: unused, not expired, of an active user; else None."""
    if not token or len(token) > 200:
        return None
    link = session.scalars(select(OneTimeLink).where(OneTimeLink.token_hash == _hash(token))).first()
    now = now or utcnow()
    if link is None or link.used_at is not None or _as_utc(link.expires_at) <= now or not link.user.is_active:
        return None
    return link


def _check_new_password(password: str, repeat: str, errors: FieldErrors, email: str) -> None:
    if len(password or "") < accounts.MIN_PASSWORD_LENGTH:
        errors.add("password", N_("Het wachtwoord moet minstens 8 tekens lang zijn."))
    elif (password or "").strip().lower() == (email or "").lower():
        errors.add("password", N_("Kies een wachtwoord dat niet gelijk is aan uw e-mailadres."))
    if password != repeat:
        errors.add("repeat", N_("De twee wachtwoorden zijn niet gelijk."))


def use_link(session: Session, token: str, password: str, repeat: str, now: dt.datetime | None = None) -> User:
    """Set the password chosen through a one-time link; the link is then spent."""
    now = now or utcnow()
    link = find_link(session, token, now)
    errors = FieldErrors()
    if link is None:
        errors.add("password", N_("Deze link werkt niet meer: hij is al gebruikt of verlopen. Vraag de beheerder om een nieuwe."))
        errors.raise_if_any()
    _check_new_password(password, repeat, errors, link.user.email)
    errors.raise_if_any()
    user = link.user
    user.password_hash = generate_password_hash(password, method=accounts.PASSWORD_METHOD)
    user.must_change_password = False
    link.used_at = now
    record_event(session, "user", user.id, "password_set", actor=user, data={"purpose": link.purpose})
    session.flush()
    return user


def change_password(session: Session, user: User, current: str, password: str, repeat: str) -> None:
    """The user's own change (forced after an admin set the password); the current one must be right."""
    errors = FieldErrors()
    if not check_password_hash(user.password_hash, current or ""):
        errors.add("current", N_("Dit is niet uw huidige wachtwoord."))
    _check_new_password(password, repeat, errors, user.email)
    if not errors.fields and password == current:
        errors.add("password", N_("Kies een ander wachtwoord dan het huidige."))
    errors.raise_if_any()
    user.password_hash = generate_password_hash(password, method=accounts.PASSWORD_METHOD)
    user.must_change_password = False
    record_event(session, "user", user.id, "password_changed", actor=user)
    session.flush()


def check_organisation_is_current(session: Session, organisation_code: str | None, field: str = "organisation") -> None:
    """A retired ministry (AENM, VRO, KGG, EZ) takes no new users."""
    ministry = session.get(Ministry, (organisation_code or "").strip().upper())
    if ministry is not None and ministry.valid_until is not None:
        errors = FieldErrors()
        errors.add(field, Message(N_("%(code)s bestaat niet meer; kies %(successor)s."), code=ministry.code,
                                  successor=ministry.successor_code or ""))
        errors.raise_if_any()


def current_organisations(session: Session) -> list[Organisation]:
    """Organisations for pickers: retired ministries left out."""
    retired = select(Ministry.code).where(Ministry.valid_until.is_not(None))
    return list(
        session.scalars(
            select(Organisation)
            .where(Organisation.code.not_in(retired))
            .options(selectinload(Organisation.office))  # pickers group offices under their agency
            .order_by(Organisation.name)
        )
    )


def update_user(session: Session, user: User, actor: User, name: str, role: str, organisation_code: str) -> list[str]:
    """Change name, role and organisation; returns the fields that changed (audit event lists them)."""
    errors = FieldErrors()
    if role not in ROLES:
        errors.add("role", N_("Onbekende rol."))
    organisation = session.get(Organisation, (organisation_code or "").strip().upper())
    if organisation is None:
        errors.add("organisation", N_("Onbekende organisatie."))
    elif permissions.role_must_be_ministry(role) and not organisation.is_ministry:
        errors.add("organisation", N_("Een beleidsmedewerker hoort bij een ministerie."))
    if user.id == actor.id and role != user.role:
        errors.add("role", N_("U kunt uw eigen rol niet wijzigen."))
    errors.raise_if_any()
    if organisation.code != user.organisation_code:
        check_organisation_is_current(session, organisation.code)
    changed = []
    for field, value in (("name", (name or "").strip()), ("role", role), ("organisation_code", organisation.code)):
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    if changed:
        record_event(session, "user", user.id, "updated", actor=actor, data={"fields": changed})
    session.flush()
    return changed


def set_active(session: Session, user: User, actor: User, active: bool) -> None:
    """Deactivate (log-in and API tokens stop working) or reactivate a user."""
    if user.id == actor.id and not active:
        raise PermissionDenied(N_("U kunt uzelf niet uitschakelen."))
    if user.is_active == active:
        return
    user.is_active = active
    if not active:
        session.execute(
            update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)).values(revoked_at=utcnow())
        )
    record_event(session, "user", user.id, "reactivated" if active else "deactivated", actor=actor)
    session.flush()


def search_users(session: Session, q: str | None = None, role: str | None = None, active: str | None = None) -> list[User]:
    """Users by name, e-mail or organisation (words all must match), optionally one role or state."""
    stmt = select(User).join(Organisation, Organisation.code == User.organisation_code)
    for word in (q or "").split()[:6]:
        pattern = f"%{word.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(User.name).like(pattern),
                func.lower(User.email).like(pattern),
                func.lower(User.organisation_code).like(pattern),
                func.lower(Organisation.name).like(pattern),
            )
        )
    if role in ROLES:
        stmt = stmt.where(permissions.role_is(User.role, role))
    if active == "active":
        stmt = stmt.where(User.is_active.is_(True))
    elif active == "inactive":
        stmt = stmt.where(User.is_active.is_(False))
    return list(session.scalars(stmt.order_by(func.lower(User.name), User.email)))
