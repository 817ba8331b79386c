"""Fixed-window counters in the database (table rate_limit_counter), shared by every worker and server.

One atomic INSERT … ON CONFLICT DO UPDATE per hit, on PostgreSQL and SQLite alike, so concurrent hits
from several processes are all counted. Used for the log-in lock-out per account and, when no Redis
is configured, as the storage of the web layer's rate limits.
"""

from __future__ import annotations

import time

from sqlalchemy import Float, Integer, String, bindparam, delete, select, text

from signals.models import RateLimitCounter

_TABLE = RateLimitCounter.__table__


def _dialect(db) -> str:
    dialect = getattr(db, "dialect", None) or db.get_bind().dialect
    return dialect.name


def increment(db, key: str, expiry: float, amount: int = 1, now: float | None = None) -> int:
    """Add ``amount`` to the counter ``key`` (a new window of ``expiry`` seconds when none is running); the new count.

    ``db`` is a Session or a Connection; the caller commits.
    """
    return increment_window(db, key, expiry, amount, now)[0]


#: the same SQL on PostgreSQL and SQLite, as text: the dialects' ``on_conflict_do_update`` has no cache
#: key, so it was compiled again at every hit (every API call); ~1 ms CPU
_INCREMENT = text(
    "INSERT INTO rate_limit_counter (key, count, expires_at) VALUES (:key, :amount, :until) "
    "ON CONFLICT (key) DO UPDATE SET "
    "count = CASE WHEN rate_limit_counter.expires_at <= :now THEN :amount ELSE rate_limit_counter.count + :amount END, "
    "expires_at = CASE WHEN rate_limit_counter.expires_at <= :now THEN :until ELSE rate_limit_counter.expires_at END "
    "RETURNING count, expires_at"
).bindparams(
    bindparam("key", type_=String()),
    bindparam("amount", type_=Integer()),
    bindparam("until", type_=Float()),
    bindparam("now", type_=Float()),
)


def increment_window(db, key: str, expiry: float, amount: int = 1, now: float | None = None) -> tuple[int, float]:
    """As ``increment``, returning (new count, window end) from the same statement."""
    now = time.time() if now is None else now
    count, expires_at = db.execute(_INCREMENT, {"key": key, "amount": amount, "until": now + expiry, "now": now}).one()
    return int(count), float(expires_at)


def current(db, key: str, now: float | None = None) -> tuple[int, float]:
    """(count, window end) of ``key``; (0, now) when no window is running."""
    now = time.time() if now is None else now
    row = db.execute(select(_TABLE.c.count, _TABLE.c.expires_at).where(_TABLE.c.key == key)).first()
    if row is None or row.expires_at <= now:
        return 0, now
    return int(row.count), float(row.expires_at)


def clear(db, key: str) -> None:
    db.execute(delete(_TABLE).where(_TABLE.c.key == key))


def clear_all(db) -> int:
    return db.execute(delete(_TABLE)).rowcount or 0


def purge_expired(db, now: float | None = None) -> int:
    """Remove finished windows (housekeeping)."""
    now = time.time() if now is None else now
    return db.execute(delete(_TABLE).where(_TABLE.c.expires_at <= now)).rowcount or 0
