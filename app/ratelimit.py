"""Rate-limit storage shared by every worker: Redis when configured, otherwise the database.

Flask-Limiter keeps its counters in a `limits` storage named by RATELIMIT_STORAGE_URI. Memory storage
would give each gunicorn worker its own counters (four workers, four times the limit), so production
uses ``redis://…`` (RATELIMIT_STORAGE_URI or REDIS_URL; one round trip per hit, no database
statement) or, without Redis, ``database://``: the table rate_limit_counter through signals.counters,
one atomic upsert per hit in a transaction of its own.
"""

from __future__ import annotations

import hashlib
import time

from flask import has_request_context, request
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits.storage import RedisStorage as LimitsRedisStorage
from limits.storage import Storage
from sqlalchemy.exc import SQLAlchemyError

from signals import counters


class DatabaseStorage(Storage):
    """A `limits` storage on the app's own database (fixed-window counters)."""

    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    @staticmethod
    def _engine():
        from app.extensions import db

        return db.engine

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        # its own short transaction: a counted hit stays counted whatever the request does next
        with self._engine().begin() as connection:
            count, expires_at = counters.increment_window(connection, key, expiry, amount)
        _seen_in_request()[key] = (count, expires_at)
        return count

    def get(self, key: str) -> int:
        seen = _seen_in_request().get(key)
        if seen is not None:  # the rate-limit headers of the request that just counted: no second query
            return seen[0]
        with self._engine().connect() as connection:
            return counters.current(connection, key)[0]

    def get_expiry(self, key: str) -> float:
        seen = _seen_in_request().get(key)
        if seen is not None:
            return seen[1]
        with self._engine().connect() as connection:
            return counters.current(connection, key)[1]

    def check(self) -> bool:
        try:
            with self._engine().connect() as connection:
                counters.current(connection, "health")
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with self._engine().begin() as connection:
            return counters.clear_all(connection)

    def clear(self, key: str) -> None:
        with self._engine().begin() as connection:
            counters.clear(connection, key)


class RedisStorage(LimitsRedisStorage):
    """`limits`' Redis storage (in its place for ``redis://`` URIs) with one round trip per hit.

    The hit's script hands back the window's end with its count, and the rate-limit headers of the
    same request are answered from that, as the database storage does; `limits`' own storage asked
    Redis twice more per request for them (GET and TTL).
    """

    STORAGE_SCHEME = ["redis", "rediss", "redis+unix"]

    #: limits' incr_expire.lua, returning the key's time to live as well
    SCRIPT_INCR_EXPIRE_TTL = """
local amount = tonumber(ARGV[2])
local current = redis.call("incrby", KEYS[1], amount)
if tonumber(current) == amount then
    redis.call("expire", KEYS[1], ARGV[1])
end
return {current, redis.call("ttl", KEYS[1])}
"""

    def __init__(self, uri: str, **options) -> None:
        super().__init__(uri, **options)
        self.lua_incr_expire_ttl = self.get_connection().register_script(self.SCRIPT_INCR_EXPIRE_TTL)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        count, ttl = self.lua_incr_expire_ttl([self.prefixed_key(key)], [expiry, amount])
        _seen_in_request()[key] = (int(count), time.time() + max(int(ttl), 0))
        return int(count)

    def get(self, key: str) -> int:
        seen = _seen_in_request().get(key)
        return seen[0] if seen is not None else super().get(key)

    def get_expiry(self, key: str) -> float:
        seen = _seen_in_request().get(key)
        return seen[1] if seen is not None else super().get_expiry(key)


def _seen_in_request() -> dict:
    """Counts this request has itself made (key -> (count, window end)); empty outside a request."""
    if not has_request_context():
        return {}
    return request.environ.setdefault("knelpunt.ratelimit_seen", {})


def storage_uri(environ: dict) -> str:
    """RATELIMIT_STORAGE_URI, else REDIS_URL, else the database."""
    return environ.get("RATELIMIT_STORAGE_URI") or environ.get("REDIS_URL") or "database://"


def api_client_key() -> str:
    """Who an API call counts against: its token (hashed), else its session user, else its address."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "token:" + hashlib.sha256(token.strip().encode("utf-8")).hexdigest()[:32]
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return "addr:" + (get_remote_address() or "unknown")
