"""Settings. Everything can be overridden from the environment; nothing happens at import time."""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


#: who sends and signs the knelpuntenbrief; unset ones fall back to reports.letterhead.DEFAULT_LETTERHEAD
LETTER_SETTINGS = (
    "LETTER_SENDER",
    "LETTER_SENDER_UNIT",
    "LETTER_SENDER_ADDRESS",
    "LETTER_SENDER_CONTACT",
    "LETTER_RETURN_ADDRESS",
    "LETTER_ADDRESSEE",
    "LETTER_SALUTATION",
    "LETTER_CLOSING",
    "LETTER_SIGNATORY_TITLE",
    "LETTER_SIGNATORY_NAME",
    "LETTER_PLACE",
    "LETTER_KENMERK_PREFIX",
)


class Config:
    """Production-ready defaults; development falls back to an embedded SQLite database."""

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY")
        self.SQLALCHEMY_DATABASE_URI = os.environ.get(
            "DATABASE_URL", f"sqlite:///{BASE_DIR / 'instance' / 'knelpunt.db'}"
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
        #: PostgreSQL's just-in-time compilation for the app's sessions: "off" unless set to "on"
        #: (app._configure_postgresql says why)
        self.POSTGRESQL_JIT = os.environ.get("POSTGRESQL_JIT", "off")
        #: freeze the objects a process holds after its first requests out of full garbage collections
        #: ("0" leaves the collector as Python sets it; app._configure_gc says why)
        self.GC_FREEZE = os.environ.get("GC_FREEZE", "1") == "1"
        self.BABEL_DEFAULT_LOCALE = os.environ.get("KNELPUNT_LANG", "nl")
        self.BABEL_DEFAULT_TIMEZONE = os.environ.get("KNELPUNT_TIMEZONE", "Europe/Amsterdam")
        self.LANGUAGES = ("nl", "en")
        #: text routing below this confidence leaves a signal for the coordinator
        # unset: the threshold tuned with the routing classifier (flask routing evaluate shows it)
        self.ROUTING_THRESHOLD = _env_float("ROUTING_THRESHOLD", None)
        self.MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 1024 * 1024))
        #: shared by every worker: Redis when configured, else the database (app/ratelimit.py)
        self.RATELIMIT_STORAGE_URI = (
            os.environ.get("RATELIMIT_STORAGE_URI") or os.environ.get("REDIS_URL") or "database://"
        )
        self.RATELIMIT_HEADERS_ENABLED = True
        #: letter files and publishing run as RQ jobs on this Redis when set, inline otherwise
        self.REDIS_URL = os.environ.get("REDIS_URL") or None
        self.RATELIMIT_LOGIN = os.environ.get("RATELIMIT_LOGIN", "10 per minute")
        #: API calls per token (or per session user, or per address without either)
        self.RATELIMIT_API = os.environ.get("RATELIMIT_API", "300 per minute")
        #: failed log-ins on one account (known or not) before it is locked for LOGIN_LOCKOUT_MINUTES
        self.LOGIN_LOCKOUT_THRESHOLD = int(os.environ.get("LOGIN_LOCKOUT_THRESHOLD", 5))
        self.LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", 15))
        #: a session ends after this many minutes without a request
        self.SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", 30))
        self.PERMANENT_SESSION_LIFETIME = self.SESSION_IDLE_MINUTES * 60  # the cookie expires too
        # The cookie is sent again only when the session changes (last_seen is touched once a
        # minute, app/auth/routes.py): a background request re-sending the cookie it read could
        # otherwise overwrite a concurrent post's flash message.
        self.SESSION_REFRESH_EACH_REQUEST = False
        #: roles that must use a second factor (TOTP), comma-separated, e.g. "admin,coordinator"
        self.TOTP_REQUIRED_ROLES = tuple(
            r.strip() for r in os.environ.get("TOTP_REQUIRED_ROLES", "").split(",") if r.strip()
        )
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") == "1"
        self.WTF_CSRF_TIME_LIMIT = None
        #: behind a TLS-terminating proxy: the number of proxies whose X-Forwarded-* headers to trust
        self.PROXY_HOPS = int(os.environ.get("PROXY_HOPS", 0))
        #: "https" when users reach the app over HTTPS (then HSTS is sent on every answer)
        self.PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")
        self.DEVELOPMENT = os.environ.get("KNELPUNT_ENV", "production") == "development"
        #: where links in e-mails point
        self.BASE_URL = os.environ.get("KNELPUNT_BASE_URL", "http://127.0.0.1:5000")
        #: smtp (production), log (development) or memory (tests)
        self.MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp" if os.environ.get("SMTP_HOST") else "log")
        self.SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
        self.SMTP_PORT = int(os.environ.get("SMTP_PORT", 25))
        self.SMTP_USERNAME = os.environ.get("SMTP_USERNAME")
        self.SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
        self.SMTP_TLS = os.environ.get("SMTP_TLS", "0") == "1"
        self.MAIL_SENDER = os.environ.get("MAIL_SENDER", "knelpunt@localhost")
        #: seconds a worker gathers the marks of mail it sent after a request before writing them in one
        #: UPDATE (0: each request marks its own, in a second transaction)
        self.MAIL_MARK_DELAY = float(os.environ.get("MAIL_MARK_DELAY", 0.5))
        #: an answered signal without reaction closes by itself after this many days
        self.AUTO_CLOSE_DAYS = int(os.environ.get("AUTO_CLOSE_DAYS", 30))
        #: the submitter's contact details on a signal are removed this long after it closed
        self.CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", 90))
        #: the knelpuntenbrief's letterhead per deployment (reports/letterhead.py); lists separated by "|"
        for key in LETTER_SETTINGS:
            setattr(self, key, os.environ.get(key))


class DevConfig(Config):
    """Local development: `make run`."""

    def __init__(self) -> None:
        super().__init__()
        self.DEVELOPMENT = True
        self.SECRET_KEY = self.SECRET_KEY or "dev-only-not-secret"
        self.SESSION_COOKIE_SECURE = False


class TestConfig(Config):
    """The test suite: SQLite in memory unless TEST_DATABASE_URL names another database."""

    def __init__(self) -> None:
        super().__init__()
        self.TESTING = True
        self.SECRET_KEY = "test-only-not-secret"
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
        if self.SQLALCHEMY_DATABASE_URI.startswith("sqlite"):
            from sqlalchemy.pool import StaticPool

            # one shared connection, so an in-memory database survives between requests
            self.SQLALCHEMY_ENGINE_OPTIONS = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        self.WTF_CSRF_ENABLED = False
        self.RATELIMIT_ENABLED = False
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.MAIL_BACKEND = "memory"
        self.MAIL_MARK_DELAY = 0  # one shared connection in memory: no thread writing beside the test
        self.SESSION_COOKIE_SECURE = False
        self.DEVELOPMENT = False
        self.GC_FREEZE = False  # the suite builds an app per test; frozen objects would outlive each one


def config_from_env() -> Config:
    """The settings class named by KNELPUNT_ENV (production by default)."""
    env = os.environ.get("KNELPUNT_ENV", "production")
    return {"development": DevConfig, "test": TestConfig}.get(env, Config)()
