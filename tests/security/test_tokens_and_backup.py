"""API tokens managed by admins (page and CLI) and the SQLite backup round trip."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from sqlalchemy import func, select

from app import create_app
from app.extensions import db as _db
from config import TestConfig as _TestConfig
from signals.accounts import create_user
from signals.intake import SignalDraft, submit_signal
from signals.models import ApiToken, AuditEvent, Signal, utcnow
from signals.reference import load_reference_data
from signals.search import install_fulltext
from tests.conftest import PASSWORD, login


def _api(client, token):
    return client.get("/api/v1/knelpunten", headers={"Authorization": f"Bearer {token}"})


def test_admin_creates_sees_and_revokes_tokens(client, db, make_user):
    admin = make_user("admin", "BZK")
    owner = make_user("liaison", "BZK")
    login(client, admin)
    page = client.post("/beheer/sleutels", data={"user": str(owner.id), "name": "Dashboard SZW", "expires_in_days": "30"})
    assert page.status_code == 200
    plain = re.search(r'<code id="new-token">(kp_[^<]+)</code>', page.get_data(as_text=True)).group(1)
    token = db.session.scalars(select(ApiToken).where(ApiToken.user_id == owner.id)).one()
    assert dt.timedelta(days=29) < (token.expires_at.replace(tzinfo=dt.UTC) if token.expires_at.tzinfo is None else token.expires_at) - utcnow() <= dt.timedelta(days=30)
    # shown once: the list shows only the first characters
    listing = client.get("/beheer/sleutels").get_data(as_text=True)
    assert plain not in listing and token.prefix in listing and "nooit" in listing
    assert _api(client.application.test_client(), plain).status_code == 200
    assert "nooit" not in client.get("/beheer/sleutels").get_data(as_text=True).split(token.prefix)[1].split("</tr>")[0]
    assert client.post(f"/beheer/sleutels/{token.id}/intrekken").status_code == 302
    assert _api(client.application.test_client(), plain).status_code == 401
    assert "ingetrokken" in client.get("/beheer/sleutels").get_data(as_text=True)
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.entity_type == "token")).all()
    assert sorted(actions) == ["created", "revoked"]


def test_token_page_refuses_bad_input_on_the_field(client, make_user):
    login(client, make_user("admin", "BZK"))
    response = client.post("/beheer/sleutels", data={"user": "", "expires_in_days": "-1"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "Kies een gebruiker." in text and "Kies 0 tot en met 3650 dagen." in text


def test_an_expired_token_no_longer_works(client, db, make_user, make_token):
    plain = make_token(make_user("liaison", "BZK"))
    assert _api(client, plain).status_code == 200
    token = db.session.scalars(select(ApiToken)).one()
    token.expires_at = utcnow() - dt.timedelta(minutes=1)
    db.session.commit()
    assert _api(client, plain).status_code == 401


def test_cli_creates_lists_and_revokes(runner, client, db, make_user):
    user = make_user("liaison", "BZK")
    created = runner.invoke(args=["token", "create", user.email, "--name", "koppeling", "--expires-days", "7"])
    assert created.exit_code == 0, created.output
    plain = created.output.strip().splitlines()[-1]
    assert _api(client, plain).status_code == 200
    listed = runner.invoke(args=["token", "list"])
    assert plain[:10] in listed.output and "koppeling" in listed.output and plain not in listed.output
    revoked = runner.invoke(args=["token", "revoke", plain[:10]])
    assert revoked.exit_code == 0, revoked.output
    assert _api(client, plain).status_code == 401
    assert plain[:10] not in runner.invoke(args=["token", "list"]).output
    assert "ingetrokken" in runner.invoke(args=["token", "list", "--all"]).output or "revoked" in runner.invoke(args=["token", "list", "--all"]).output
    assert runner.invoke(args=["token", "revoke", "kp_nothing"]).exit_code == 1


def _file_app(path):
    config = _TestConfig()
    config.SQLALCHEMY_DATABASE_URI = f"sqlite:///{path}"
    config.SQLALCHEMY_ENGINE_OPTIONS = {}
    return create_app(config)


def _titles(app):
    with app.app_context():
        titles = sorted(_db.session.scalars(select(Signal.title)))
        _db.session.remove()
        return titles


def test_backup_and_restore_round_trip(tmp_path):
    app = _file_app(tmp_path / "knelpunt.db")
    with app.app_context():
        _db.create_all()
        with _db.engine.begin() as connection:
            install_fulltext(connection)
            connection.exec_driver_sql("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        load_reference_data(_db.session)
        user, _pw = create_user(_db.session, "frontlijn@example.org", "frontline", "GEM", password=PASSWORD)
        for title in ("Gift telt als inkomen", "Kostendelersnorm raakt mantelzorg"):
            draft = SignalDraft(channel="GEM-BL", title=title, description="Een cliënt moet de bijstand terugbetalen na een gift.", regulations=["BWBR0015703"])
            submit_signal(_db.session, user, draft)
        _db.session.commit()
        _db.session.remove()
    before = _titles(app)
    cli = app.test_cli_runner()

    class runner:  # noqa: N801 - the file app's context, not the session app's, for each command
        @staticmethod
        def invoke(args):
            with app.app_context():
                return cli.invoke(args=args)

    backup = tmp_path / "backup.db"
    result = runner.invoke(args=["backup", str(backup)])
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(backup).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert runner.invoke(args=["backup", str(backup)]).exit_code == 1  # never overwrites

    with app.app_context():  # after the backup, a signal changes
        signal = _db.session.scalars(select(Signal)).first()
        signal.title = "Gewijzigd na de back-up"
        _db.session.commit()
        _db.session.remove()
    assert _titles(app) != before

    not_a_backup = tmp_path / "other.db"
    sqlite3.connect(not_a_backup).execute("CREATE TABLE x (y)").connection.commit()
    refused = runner.invoke(args=["restore", str(not_a_backup), "--yes"])
    assert refused.exit_code == 1 and "geen Knelpunt-database" in refused.output
    restored = runner.invoke(args=["restore", str(backup), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert _titles(app) == before
    with app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Signal)) == 2
        _db.engine.dispose()


def test_backup_on_postgresql_points_to_pg_dump(app, runner):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        result = runner.invoke(args=["backup", "/tmp/never-written.db"])
        assert result.exit_code == 2 and "geheugen" in result.output
        return
    result = runner.invoke(args=["backup", "/tmp/never-written.db"])
    assert result.exit_code == 2 and "pg_dump" in result.output
