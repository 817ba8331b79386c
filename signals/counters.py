"""Fixed-window counters in the database (table rate_limit_counter), shared by every worker and server.

One atomic INSERT … ON CONFLICT DO UPDATE per hit, on PostgreSQL and SQLite alike, so concurrent hits
from several processes are all counted. Used for the log-in lock-out per account and, when no Redis
is configured, as the storage of the web layer's rate limits.
"""

from __future__ import annotations

import time

from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

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


def increment_window(db, key: str, expiry: float, amount: int = 1, now: float | None = None) -> tuple[int, float]:
    """As ``increment``, returning (new count, window end) from the same statement."""
    now = time.time() if now is None else now
    insert = pg_insert if _dialect(db) == "postgresql" else sqlite_insert
    expired = _TABLE.c.expires_at <= now
    stmt = insert(_TABLE).values(key=key, count=amount, expires_at=now + expiry)
    stmt = stmt.on_conflict_do_update(
        index_elements=[_TABLE.c.key],
        set_={
            "count": case((expired, amount), else_=_TABLE.c.count + amount),
            "expires_at": case((expired, now + expiry), else_=_TABLE.c.expires_at),
        },
    ).returning(_TABLE.c.count, _TABLE.c.expires_at)
    count, expires_at = db.execute(stmt).one()
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
