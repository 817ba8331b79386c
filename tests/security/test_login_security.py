"""Log-in security as a user meets it: lock-out per account and per address, the audit trail,
safe redirects, the TOTP second factor, expiry after inactivity, shared rate-limit counters."""

from __future__ import annotations

import time
from contextlib import contextmanager

import pyotp
import pytest
from sqlalchemy import select

from app import create_app
from app.extensions import db as _db
from app.extensions import limiter
from config import TestConfig as _TestConfig
from signals.models import AuditEvent, UserSecurity
from signals.reference import load_reference_data
from tests.conftest import PASSWORD, login

LOCKED = "Te veel mislukte pogingen voor dit account"


def _login_post(client, email, password, next_url=None):
    path = "/auth/login" + (f"?next={next_url}" if next_url else "")
    return client.post(path, data={"email": email, "password": password})


def _events(db, action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_account_locks_after_five_failures_even_for_the_right_password(client, db, make_user):
    user = make_user("triage", "SZW")
    for _ in range(4):
        assert _login_post(client, user.email, "wrong-password").status_code == 400
    fifth = _login_post(client, user.email, "wrong-password")
    assert fifth.status_code == 429 and LOCKED in fifth.get_data(as_text=True)
    right = _login_post(client, user.email, PASSWORD)
    assert right.status_code == 429 and LOCKED in right.get_data(as_text=True)
    assert len(_events(db, "login_failed")) == 5
    locked = _events(db, "locked")
    assert [(e.entity_type, e.entity_id) for e in locked] == [("user", str(user.id))]


def test_unknown_address_gets_the_same_answers_no_enumeration(client, db, make_user):
    known = make_user("triage", "SZW")
    answers = {}
    for email in (known.email, "niemand@example.org"):
        texts = [_login_post(client, email, "wrong-password") for _ in range(6)]
        answers[email] = [(r.status_code, LOCKED in r.get_data(as_text=True)) for r in texts]
    assert answers[known.email] == answers["niemand@example.org"]
    # the unknown address leaves no personal data in the audit trail
    unknown = [e for e in _events(db, "login_failed") if e.entity_type == "login"]
    assert unknown and all("niemand" not in str(e.data) for e in unknown)


def test_a_successful_login_is_audited_and_clears_the_failures(client, db, make_user):
    user = make_user("frontline", "GEM")
    for _ in range(3):
        _login_post(client, user.email, "wrong-password")
    login(client, user)
    assert [e.actor_id for e in _events(db, "login")] == [user.id]
    client.post("/auth/logout")
    assert len(_events(db, "logout")) == 1
    for _ in range(4):  # the count started again: four more failures do not lock
        assert _login_post(client, user.email, "wrong-password").status_code == 400
    login(client, user)


@pytest.mark.parametrize(
    "target,expected",
    [
        ("/signalen/", "/signalen/"),
        ("//evil.example.org/", "/"),
        ("https://evil.example.org/", "/"),
        ("/\\evil.example.org", "/"),
        ("/%09/evil.example.org", "/%09/evil.example.org"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_next_only_leads_to_this_site(client, make_user, target, expected):
    from urllib.parse import quote

    user = make_user("frontline", "GEM")
    response = _login_post(client, user.email, PASSWORD, quote(target, safe=""))
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_language_switch_next_uses_the_same_guard(client, make_user):
    login(client, make_user("frontline", "GEM"))
    response = client.post("/taal/en", data={"next": "//evil.example.org/"})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def _totp(db, user) -> pyotp.TOTP:
    return pyotp.TOTP(db.session.get(UserSecurity, user.id).totp_secret)


def test_second_factor_enrolment_and_login(client, db, make_user):
    user = make_user("coordinator", "BZK")
    login(client, user)
    page = client.get("/auth/tweestapsverificatie")
    assert page.status_code == 200 and b"data:image/svg+xml" in page.data
    db.session.expire_all()
    totp = _totp(db, user)
    assert client.post("/auth/tweestapsverificatie", data={"code": "000000" if totp.now() != "000000" else "111111"}).status_code == 400
    step = int(time.time()) // 30
    assert client.post("/auth/tweestapsverificatie", data={"code": totp.at((step - 1) * 30)}).status_code == 302
    client.post("/auth/logout")

    # the password alone no longer logs in: the second step asks for the code
    response = _login_post(client, user.email, PASSWORD, "/knelpunten/")
    assert response.status_code == 302 and response.headers["Location"].endswith("/auth/tweede-stap")
    assert client.get("/knelpunten/").status_code == 302  # not logged in yet
    assert client.post("/auth/tweede-stap", data={"code": "12345x"}).status_code == 400
    # the code used at enrolment (an earlier step) is not accepted again
    assert client.post("/auth/tweede-stap", data={"code": totp.at((step - 1) * 30)}).status_code == 400
    done = client.post("/auth/tweede-stap", data={"code": totp.at(step * 30)})
    assert done.status_code == 302 and done.headers["Location"] == "/knelpunten/"
    assert client.get("/knelpunten/").status_code == 200
    assert [e.data.get("method") for e in _events(db, "login")][-1] == "totp"
    assert _events(db, "totp_enabled")


def test_required_second_factor_sends_admin_to_enrolment(app, client, db, make_user):
    user = make_user("admin", "BZK")
    app.config["TOTP_REQUIRED_ROLES"] = ("admin", "coordinator")
    try:
        response = _login_post(client, user.email, PASSWORD)
        assert response.headers["Location"].endswith("/auth/tweestapsverificatie")
        assert client.get("/beheer/gebruikers").status_code == 302  # no access before enrolment
        page = client.get("/auth/tweestapsverificatie")
        assert "verplicht" in page.get_data(as_text=True)
        db.session.expire_all()
        done = client.post("/auth/tweestapsverificatie", data={"code": _totp(db, user).now()})
        assert done.status_code == 302
        assert client.get("/beheer/gebruikers").status_code == 200
    finally:
        app.config["TOTP_REQUIRED_ROLES"] = ()


def test_session_expires_after_inactivity(app, client, make_user):
    login(client, make_user("frontline", "GEM"))
    assert client.get("/signalen/").status_code == 200
    with client.session_transaction() as session:
        session["last_seen"] = int(time.time()) - app.config["SESSION_IDLE_MINUTES"] * 60 - 5
    response = client.get("/signalen/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    follow = client.get(response.headers["Location"])
    assert "zonder activiteit" in follow.get_data(as_text=True)
    assert client.get("/signalen/").status_code == 302


@pytest.fixture
def limited_app(tmp_path):
    """A second app with rate limits on, counting in the database (database://)."""
    with _app_with_limits(tmp_path, "database://") as limited:
        yield limited


#: the rate limits' own Redis database for these tests (keys per fresh token: nothing to clean)
REDIS_LIMITS = "redis://127.0.0.1:6379/5"


@contextmanager
def _app_with_limits(tmp_path, storage: str):
    """An app with rate limits on, counted in ``storage``; the extension's global state is put back
    afterwards for the session app."""
    saved = dict(limiter.__dict__)
    config = _TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'limits.db'}"
    config.SQLALCHEMY_ENGINE_OPTIONS = {}
    config.RATELIMIT_ENABLED = True
    config.RATELIMIT_STORAGE_URI = storage
    config.RATELIMIT_LOGIN = "3 per minute"
    config.RATELIMIT_API = "4 per minute"
    try:
        limited = create_app(config)
        with limited.app_context():
            _db.create_all()
            load_reference_data(_db.session)
            _db.session.commit()
        yield limited
    finally:
        with limited.app_context():
            _db.engine.dispose()
        limiter.__dict__.clear()
        limiter.__dict__.update(saved)


def test_login_attempts_per_address_are_limited_in_the_shared_database(limited_app):
    client = limited_app.test_client()
    statuses = [client.post("/auth/login", data={"email": f"x{i}@example.org", "password": "wrong-password"}).status_code for i in range(4)]
    assert statuses == [400, 400, 400, 429]
    # a second app on the same database (another worker) sees the same counter
    other = create_app(_same_config(limited_app))
    assert other.test_client().post("/auth/login", data={"email": "y@example.org", "password": "x"}).status_code == 429


def _same_config(app):
    config = _TestConfig()
    for key in ("SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_ENGINE_OPTIONS", "RATELIMIT_ENABLED", "RATELIMIT_STORAGE_URI", "RATELIMIT_LOGIN", "RATELIMIT_API"):
        setattr(config, key, app.config[key])
    return config


def test_api_calls_are_limited_per_token(limited_app):
    from signals.accounts import create_token, create_user

    with limited_app.app_context():
        user, _pw = create_user(_db.session, "api@example.org", "liaison", "BZK", password=PASSWORD)
        _token, one = create_token(_db.session, user)
        _token, two = create_token(_db.session, user)
        _db.session.commit()
    client = limited_app.test_client()
    statuses = [client.get("/api/v1/knelpunten", headers={"Authorization": f"Bearer {one}"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    refused = client.get("/api/v1/knelpunten", headers={"Authorization": f"Bearer {one}"})
    assert refused.get_json()["error"]["code"] == "too_many_requests" and "Retry-After" in refused.headers
    # another token has its own allowance
    assert client.get("/api/v1/knelpunten", headers={"Authorization": f"Bearer {two}"}).status_code == 200


def test_a_background_preview_does_not_resend_the_session_cookie(app, client, make_user):
    """The intake form's preview runs while the user types. If its answer rewrote the session
    cookie, an answer arriving after the form's own post would put back a cookie without
    "Uw signaal is ontvangen"; within a minute of the last request it leaves the cookie alone."""
    login(client, make_user("frontline", "GEM"))
    form = client.get("/signalen/nieuw")
    assert form.status_code == 200
    preview = client.post(
        "/signalen/nieuw/voorbeeld",
        data={"title": "Termijn te kort", "description": "De termijn voor bezwaar is te kort."},
    )
    assert preview.status_code == 200
    assert "Set-Cookie" not in preview.headers


def test_activity_after_a_minute_keeps_the_session_alive(app, client, make_user):
    """A request more than a minute after the last one moves the idle clock on."""
    login(client, make_user("frontline", "GEM"))
    idle = app.config["SESSION_IDLE_MINUTES"] * 60
    with client.session_transaction() as session:
        session["last_seen"] = int(time.time()) - idle + 30  # 30 s before the limit
    assert client.get("/signalen/").status_code == 200
    with client.session_transaction() as session:
        assert int(time.time()) - session["last_seen"] < 5


def test_api_calls_counted_in_redis_are_limited_across_servers_with_the_right_headers(tmp_path):
    """Is a token's limit, counted in Redis in one round trip per call, shared by a second server, and
    do the headers still say how many calls are left and when the window ends?"""
    from signals.accounts import create_token, create_user

    with _app_with_limits(tmp_path, REDIS_LIMITS) as limited:
        with limited.app_context():
            user, _pw = create_user(_db.session, "api@example.org", "liaison", "BZK", password=PASSWORD)
            _token, plain = create_token(_db.session, user)
            _db.session.commit()
        headers = {"Authorization": f"Bearer {plain}"}
        client = limited.test_client()
        answers = [client.get("/api/v1/knelpunten", headers=headers) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["3", "2", "1"]
        assert time.time() < int(answers[0].headers["X-RateLimit-Reset"]) <= time.time() + 61
        # the fourth call through another server (another process's app on the same Redis)
        other = create_app(_same_config(limited)).test_client()
        assert other.get("/api/v1/knelpunten", headers=headers).status_code == 200
        refused = client.get("/api/v1/knelpunten", headers=headers)
        assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "too_many_requests"
