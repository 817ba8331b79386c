"""Users and API tokens: creation, password checks and token look-up."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from signals.access import MAX_ID
from signals.audit import record_event
from signals.errors import N_, FieldErrors
from signals.models import ApiToken, Organisation, User, utcnow
from signals.permissions import role_must_be_ministry
from signals.vocabulary import ROLES

TOKEN_PREFIX = "kp_"
MIN_PASSWORD_LENGTH = 8
#: werkzeug hashing method; tests lower the cost, production keeps scrypt
PASSWORD_METHOD = "scrypt"


def normalise_email(email: str) -> str:
    """Lower-case, trimmed e-mail address."""
    return (email or "").strip().lower()


def get_user_by_email(session: Session, email: str) -> User | None:
    """The user with this e-mail address, if any."""
    return session.scalars(select(User).where(func.lower(User.email) == normalise_email(email))).first()


def create_user(
    session: Session,
    email: str,
    role: str,
    organisation_code: str,
    password: str | None = None,
    name: str = "",
    actor: User | None = None,
) -> tuple[User, str]:
    """Create a user; returns the user and the password (generated when not given)."""
    errors = FieldErrors()
    email = normalise_email(email)
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        errors.add("email", N_("Vul een geldig e-mailadres in."))
    else:
        if get_user_by_email(session, email):
            errors.add("email", N_("Er bestaat al een gebruiker met dit e-mailadres."))
    if role not in ROLES:
        errors.add("role", N_("Onbekende rol."))
    organisation = session.get(Organisation, (organisation_code or "").strip().upper())
    if organisation is None:
        errors.add("organisation", N_("Onbekende organisatie."))
    elif role_must_be_ministry(role) and not organisation.is_ministry:
        errors.add("organisation", N_("Een beleidsmedewerker hoort bij een ministerie."))
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        errors.add("password", N_("Het wachtwoord moet minstens 8 tekens lang zijn."))
    errors.raise_if_any()
    password = password or secrets.token_urlsafe(12)
    user = User(
        email=email,
        name=name,
        role=role,
        organisation_code=organisation.code,
        password_hash=generate_password_hash(password, method=PASSWORD_METHOD),
    )
    session.add(user)
    session.flush()
    record_event(session, "user", user.id, "created", actor=actor, data={"role": role, "organisation": organisation.code})
    return user, password


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = get_user_by_email(session, email)
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password or ""):
        return None
    return user


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    session: Session, user: User, name: str = "", actor: User | None = None, expires_at: dt.datetime | None = None
) -> tuple[ApiToken, str]:
    """Issue a bearer token for ``user``; the plain token is returned once and never stored."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, token_hash=_hash_token(plain), prefix=plain[:10], name=name, expires_at=expires_at)
    session.add(token)
    session.flush()
    record_event(
        session,
        "token",
        token.id,
        "created",
        actor=actor or user,
        data={"user": user.id, "expires_at": expires_at.isoformat() if expires_at else None},
    )
    return token, plain


def revoke_token(session: Session, token: ApiToken, actor: User) -> None:
    """Revoke a token so it no longer authenticates."""
    token.revoked_at = utcnow()
    record_event(session, "token", token.id, "revoked", actor=actor, data={"user": token.user_id})


#: how precisely a token's last use is kept
TOKEN_USE_RESOLUTION = dt.timedelta(minutes=1)


@functools.cache
def _token_query():
    """A token by its hash, with its user: built once (every API call asks it; building it cost more than running it)."""
    return select(ApiToken).options(joinedload(ApiToken.user)).where(ApiToken.token_hash == bindparam("token_hash"))


def user_for_token(session: Session, plain: str) -> User | None:
    """The active user a non-revoked bearer token belongs to, or None."""
    if not plain or not plain.startswith(TOKEN_PREFIX):
        return None
    token = session.scalars(_token_query(), {"token_hash": _hash_token(plain)}).first()
    if token is None or token.revoked_at is not None or not token.user.is_active or token_expired(token):
        return None
    now = utcnow()
    last = token.last_used_at
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=dt.UTC)
    # shown to the minute: a write per call would only make every API call a write transaction
    if last is None or now - last >= TOKEN_USE_RESOLUTION:
        token.last_used_at = now
    return token.user


def token_expired(token: ApiToken, now: dt.datetime | None = None) -> bool:
    """Whether the token's expiry has passed."""
    if token.expires_at is None:
        return False
    expires = token.expires_at if token.expires_at.tzinfo else token.expires_at.replace(tzinfo=dt.UTC)
    return expires <= (now or utcnow())


def token_state(token: ApiToken, now: dt.datetime | None = None) -> str:
    """active, revoked or expired."""
    if token.revoked_at is not None:
        return "revoked"
    return "expired" if token_expired(token, now) else "active"


def list_tokens(session: Session) -> list[ApiToken]:
    """Every API token, newest first, with its user."""
    return list(session.scalars(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def find_token(session: Session, ref: str) -> ApiToken | None:
    """A token by its number or by the characters it begins with (as lists show them)."""
    ref = (ref or "").strip().rstrip("…")
    if ref.isdigit():
        return session.get(ApiToken, int(ref)) if int(ref) <= MAX_ID else None
    if len(ref) < 6:
        return None
    matches = list(session.scalars(select(ApiToken).where(ApiToken.prefix == ref[:10])))
    return matches[0] if len(matches) == 1 else None
