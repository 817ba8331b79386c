"""Log-in security without Flask: lock-out per account, the audit trail of log-ins, and the TOTP second factor.

The lock-out counts failed log-ins per e-mail address, whether or not an account has it, so the answer
never tells whether an address is known. Counters live in the database (signals.counters), shared by
every worker.
"""

from __future__ import annotations

import hashlib
import time

import pyotp
from sqlalchemy.orm import Session

from signals import counters
from signals.accounts import normalise_email
from signals.audit import record_event
from signals.models import User, UserSecurity, utcnow

ISSUER = "Knelpunt"
#: accept the previous and next 30-second step too (clock drift)
TOTP_WINDOW = 1


def _account_key(email: str) -> str:
    return "login-account:" + hashlib.sha256(normalise_email(email).encode("utf-8")).hexdigest()


def lockout_remaining(session: Session, email: str, threshold: int, now: float | None = None) -> int:
    """Seconds this address stays locked (0: not locked)."""
    now = time.time() if now is None else now
    count, until = counters.current(session, _account_key(email), now)
    return max(0, int(until - now) + 1) if count >= threshold else 0


def register_failure(session: Session, email: str, user: User | None, threshold: int, minutes: int, address: str = "") -> bool:
    """Count a failed log-in on ``email``, with an audit event; True when this failure locks the account."""
    count = counters.increment(session, _account_key(email), minutes * 60)
    entity, entity_id = ("user", user.id) if user is not None else ("login", "unknown")
    record_event(session, entity, entity_id, "login_failed", data={"failures": count, "address": address})
    locked = count == threshold
    if locked:
        record_event(session, entity, entity_id, "locked", data={"failures": count, "minutes": minutes, "address": address})
    return locked


def register_success(session: Session, user: User, address: str = "", method: str = "password") -> None:
    """A completed log-in: clear the failures, remember when, write the audit event."""
    counters.clear(session, _account_key(user.email))
    security_of(session, user).last_login_at = utcnow()
    record_event(session, "user", user.id, "login", actor=user, data={"address": address, "method": method})


def security_of(session: Session, user: User) -> UserSecurity:
    security = session.get(UserSecurity, user.id)
    if security is None:
        security = UserSecurity(user_id=user.id)
        session.add(security)
    return security


def has_second_factor(session: Session, user: User) -> bool:
    security = session.get(UserSecurity, user.id)
    return security is not None and security.totp_enabled_at is not None


def start_enrolment(session: Session, user: User) -> str:
    """A new (unconfirmed) TOTP secret for ``user``; an enrolled user keeps theirs until they confirm a new one."""
    security = security_of(session, user)
    if security.totp_enabled_at is not None:
        return security.totp_secret
    if not security.totp_secret:
        security.totp_secret = pyotp.random_base32()
    return security.totp_secret


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def _accept(security: UserSecurity, code: str, now: float | None = None) -> bool:
    """Whether ``code`` is valid now and not used before (each step's code works once)."""
    code = "".join((code or "").split())
    if not security.totp_secret or not code.isdigit() or len(code) != 6:
        return False
    now = time.time() if now is None else now
    totp = pyotp.TOTP(security.totp_secret)
    step_now = int(now) // totp.interval
    for step in range(step_now - TOTP_WINDOW, step_now + TOTP_WINDOW + 1):
        if pyotp.utils.strings_equal(totp.at(step * totp.interval), code):
            if security.totp_last_step is not None and step <= security.totp_last_step:
                return False
            security.totp_last_step = step
            return True
    return False


def confirm_enrolment(session: Session, user: User, code: str, now: float | None = None) -> bool:
    """Switch the second factor on with a first valid code."""
    security = security_of(session, user)
    if not _accept(security, code, now):
        return False
    security.totp_enabled_at = utcnow()
    record_event(session, "user", user.id, "totp_enabled", actor=user)
    return True


def verify_second_factor(session: Session, user: User, code: str, now: float | None = None) -> bool:
    security = session.get(UserSecurity, user.id)
    return security is not None and security.totp_enabled_at is not None and _accept(security, code, now)


def reset_second_factor(session: Session, user: User, actor: User | None = None) -> None:
    """Remove the second factor (lost phone); the user enrols again at the next log-in if it is required."""
    security = security_of(session, user)
    security.totp_secret = None
    security.totp_enabled_at = None
    security.totp_last_step = None
    record_event(session, "user", user.id, "totp_reset", actor=actor)
