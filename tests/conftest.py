"""Fixtures: the app on SQLite or PostgreSQL (TEST_DATABASE_URL), a client, and factories."""

from __future__ import annotations

import pytest
from flask import g
from sqlalchemy import delete

from app import create_app
from app.extensions import db as _db
from config import TestConfig
from signals import accounts
from signals.accounts import create_token, create_user
from signals.intake import SignalDraft, submit_signal
from signals.models import (
    ApiToken,
    AuditEvent,
    Knelpunt,
    KnelpuntRegulation,
    LetterFile,
    MailTemplate,
    Notification,
    Proposal,
    PublishedLetter,
    SavedFilter,
    Signal,
    SignalContact,
    SignalFeatures,
    SignalMinistry,
    SignalRegulation,
    User,
)
from signals.reference import load_reference_data
from signals.search import drop_fulltext, install_fulltext
from signals.workflow import transition_signal

PASSWORD = "correct-horse-battery"

#: tables emptied after each test; reference data stays for the whole session
PER_TEST_TABLES = (Proposal, SignalFeatures, SignalContact, Notification, SignalMinistry, SignalRegulation, AuditEvent, ApiToken, SavedFilter, LetterFile, PublishedLetter)


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
def db(app):
    """The database session; everything but the reference data is removed afterwards."""
    yield _db
    _db.session.rollback()
    for model in PER_TEST_TABLES:
        _db.session.execute(delete(model))
    _db.session.execute(Signal.__table__.update().values(merged_into_id=None))
    _db.session.execute(delete(Signal))
    _db.session.execute(delete(KnelpuntRegulation))
    _db.session.execute(delete(Knelpunt))
    _db.session.execute(delete(MailTemplate))
    _db.session.execute(delete(User))
    _db.session.commit()
    _db.session.remove()


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
