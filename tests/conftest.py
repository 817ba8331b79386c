"""Fixtures: the app on SQLite or PostgreSQL (TEST_DATABASE_URL), a client, and factories."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from flask import current_app, g, has_app_context
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import event

from app import create_app
from app.extensions import db as _db
from config import TestConfig
from signals import accounts
from signals.accounts import create_token, create_user
from signals.intake import SignalDraft, submit_signal
from signals.models import (
    Signal,
    User,
)
from signals.reference import load_reference_data
from signals.search import drop_fulltext, install_fulltext
from signals.workflow import transition_signal

PASSWORD = "correct-horse-battery"

#: KNELPUNT_TEST_NOW=2026-01-15T23:30:00+00:00 runs the suite as if it started at that moment (the clock
#: then ticks on): CI runs the time-sensitive tests at 23:30 and 00:30 UTC, winter and summer, under TZ=Europe/Amsterdam
TEST_NOW = os.environ.get("KNELPUNT_TEST_NOW")
#: sentence embeddings for proposals cost ~90 ms CPU per signal: off in the suite, switched on by the
#: tests of proposals themselves (which ship the corpus's vectors)
os.environ.setdefault("KNELPUNT_PROPOSAL_EMBEDDINGS", "off")


def _database_of_this_worker() -> None:
    """Under pytest-xdist (``-n 2``) each worker process gets a PostgreSQL database of its own,
    ``<TEST_DATABASE_URL's database>_gw0`` and so on, created when missing: the session fixture drops
    and creates every table, so two workers on one database would pull it from under each other.
    Set in the environment, so what a test starts (servers, workers) uses the same database.
    SQLite needs nothing: the suite's database lives in the worker's memory."""
    worker, url = os.environ.get("PYTEST_XDIST_WORKER"), os.environ.get("TEST_DATABASE_URL", "")
    if not worker or not url.startswith("postgresql"):
        return
    from sqlalchemy import create_engine, make_url, text

    base = make_url(url)
    name = f"{base.database}_{worker}"
    server = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    os.environ["TEST_DATABASE_URL"] = base.set(database=name).render_as_string(hide_password=False)


_database_of_this_worker()


@pytest.fixture(scope="session", autouse=True)
def _clock():
    if not TEST_NOW:
        yield None
        return
    import time_machine

    with time_machine.travel(dt.datetime.fromisoformat(TEST_NOW), tick=True) as traveller:
        yield traveller

#: reference tables filled once per session; committed tests (below) keep them, every other table is emptied
REFERENCE_TABLES = frozenset({"ministry", "organisation", "channel", "regulation", "regulation_term"})


def _sqlite_savepoints(engine) -> None:
    """pysqlite begins transactions itself and breaks SAVEPOINT; let SQLAlchemy emit BEGIN instead
    (the workaround documented in SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL")."""

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")


@pytest.fixture(scope="session")
def app():
    accounts.PASSWORD_METHOD = "pbkdf2:sha256:1000"  # fast hashes: tests create many users
    app = create_app(TestConfig())

    @app.before_request
    def forget_cached_user():
        # The test keeps one app context for all requests, so Flask-Login's per-request
        # cache in `g` would outlive a request; production has a fresh context each time.
        g.pop("_login_user", None)
        g.pop("_flask_babel", None)  # likewise Flask-Babel's locale, or one test's language leaks into the next

    with app.app_context():
        if _db.engine.dialect.name == "sqlite":
            _sqlite_savepoints(_db.engine)
        with _db.engine.begin() as connection:
            drop_fulltext(connection)
        _db.drop_all()
        _db.create_all()
        with _db.engine.begin() as connection:
            install_fulltext(connection)
        load_reference_data(_db.session)
        _db.session.commit()
        yield app
        _db.session.remove()


@pytest.fixture
def db(app, request):
    """The database session of one test, isolated by a transaction that is rolled back afterwards.

    Every session of the test app is bound to one connection whose outer transaction the test
    never commits: ``session.commit()`` (in tests and in views) releases a SAVEPOINT instead
    (SQLAlchemy 2's "joining a session into an external transaction"). So nothing needs to be
    cleaned up by hand, reference-data edits included.

    A test that needs its data visible to other connections or processes (a server in a
    subprocess) is marked ``@pytest.mark.committed``: it commits for real and every table but the
    reference data is emptied afterwards.
    """
    if request.node.get_closest_marker("committed"):
        yield _db
        _db.session.rollback()
        _empty_all_but_reference()
        _db.session.remove()
        return
    _db.session.remove()
    connection = _db.engine.connect()
    outer = connection.begin()
    factory = _db.session.session_factory
    saved_class, saved_kw = factory.class_, dict(factory.kw)
    factory.class_ = _TestSession  # every session of the test app binds to this connection ...
    factory.kw.update(join_transaction_mode="create_savepoint")  # ... and commits to savepoints
    _BOUND.update(app=app, connection=connection)
    try:
        yield _db
    finally:
        _db.session.remove()
        _BOUND.clear()
        factory.class_ = saved_class
        factory.kw.clear()
        factory.kw.update(saved_kw)
        if outer.is_active:
            outer.rollback()
        connection.close()


#: the test app and the connection its sessions use during one test (other apps a test creates keep their own)
_BOUND: dict = {}


class _TestSession(FlaskSession):
    """Flask-SQLAlchemy's session, bound to the test's connection while in the test app."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if bind is None and _BOUND and has_app_context() and current_app._get_current_object() is _BOUND["app"]:
            return _BOUND["connection"]
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


def _empty_all_but_reference() -> None:
    """Delete every row a committed test left, table by table in dependency order."""
    signal = _db.metadata.tables["signal"]
    _db.session.execute(signal.update().values(merged_into_id=None))
    for table in reversed(_db.metadata.sorted_tables):
        if table.name not in REFERENCE_TABLES:
            _db.session.execute(table.delete())
    _db.session.commit()


@pytest.fixture
def client(app, db):
    return app.test_client()


@pytest.fixture
def runner(app, db):
    return app.test_cli_runner()


@pytest.fixture
def make_user(db):
    """make_user("triage", "SZW") -> a committed user with PASSWORD."""
    counter = {"n": 0}

    def make(role: str = "frontline", org: str = "GEM", email: str | None = None) -> User:
        counter["n"] += 1
        email = email or f"{role}-{org.lower()}-{counter['n']}@example.org"
        user, _ = create_user(db.session, email, role, org, password=PASSWORD)
        db.session.commit()
        return user

    return make


@pytest.fixture
def make_token(db):
    def make(user: User) -> str:
        _token, plain = create_token(db.session, user)
        db.session.commit()
        return plain

    return make


@pytest.fixture
def make_signal(db, make_user):
    """make_signal(regulations=["BWBR0015703"], status="in_progress") -> a signal walked to that status."""
    submitters: dict[str, User] = {}
    actors: dict[str, User] = {}

    def actor(role: str, org: str) -> User:
        key = f"{role}:{org}"
        if key not in actors:
            actors[key] = make_user(role, org)
        return actors[key]

    def make(
        regulations: list[str] | None = None,
        status: str = "routed",
        org: str = "GEM",
        title: str = "Gift van familie leidt tot terugvordering",
        description: str = "Een cliënt kreeg geld van zijn zus en moet nu de uitkering terugbetalen.",
        channel: str = "GEM-BL",
    ) -> Signal:
        if org not in submitters:
            submitters[org] = make_user("frontline", org)
        draft = SignalDraft(
            channel=channel,
            title=title,
            description=description,
            regulations=["BWBR0015703"] if regulations is None else regulations,
        )
        signal, _ = submit_signal(db.session, submitters[org], draft)
        if status == "received" and signal.status == "routed":
            raise AssertionError("routed although asked for received; pass regulations=[] and vague text")
        path = {
            "routed": [],
            "in_progress": [("in_progress", {})],
            "needs_info": [("in_progress", {}), ("needs_info", {"note": "Welke maand?"})],
            "answered": [("in_progress", {}), ("answered", {"outcome": "taken_up", "response": "We passen de regel aan."})],
            "closed": [
                ("in_progress", {}),
                ("answered", {"outcome": "taken_up", "response": "We passen de regel aan."}),
                ("closed", {}),
            ],
        }.get(status, [])
        for to, kwargs in path:
            transition_signal(db.session, signal, to, actor("triage", signal.lead_ministry_code), **kwargs)
        db.session.commit()
        return signal

    return make


def login(client, user: User) -> None:
    """Log ``user`` in through the real login form."""
    response = client.post("/auth/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
