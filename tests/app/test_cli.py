"""The CLI commands of DESIGN §8, through the real runner."""

from __future__ import annotations

from signals.accounts import user_for_token
from signals.models import Signal, User


def test_user_create_and_token_create(runner, db):
    result = runner.invoke(args=["user", "create", "beleid@example.org", "--role", "triage", "--org", "SZW", "--password", "lang-genoeg-wachtwoord"])
    assert result.exit_code == 0, result.output
    assert db.session.query(User).filter_by(email="beleid@example.org").one().organisation_code == "SZW"
    result = runner.invoke(args=["token", "create", "beleid@example.org"])
    assert result.exit_code == 0
    token = result.output.strip().splitlines()[-1]
    assert user_for_token(db.session, token).email == "beleid@example.org"


def test_user_create_refuses_unknown_org_and_short_password(runner, db):
    result = runner.invoke(args=["user", "create", "x@example.org", "--role", "frontline", "--org", "NOPE"])
    assert result.exit_code == 1 and "organisation" in result.output
    result = runner.invoke(args=["user", "create", "y@example.org", "--role", "frontline", "--org", "UWV", "--password", "kort"])
    assert result.exit_code == 1
    assert db.session.query(User).count() == 0


def test_token_for_unknown_user_fails(runner, db):
    assert runner.invoke(args=["token", "create", "niemand@example.org"]).exit_code == 1


def test_reference_load_is_idempotent(runner, db):
    first = runner.invoke(args=["reference", "load"])
    second = runner.invoke(args=["reference", "load"])
    assert first.exit_code == second.exit_code == 0
    assert first.output == second.output


def test_seed_demo_makes_signals_in_every_state(runner, db):
    result = runner.invoke(args=["seed-demo", "--count", "120"])
    assert result.exit_code == 0, result.output
    assert "coordinator@example.org" in result.output
    statuses = {s for (s,) in db.session.query(Signal.status)}
    assert statuses == {"received", "routed", "in_progress", "needs_info", "answered", "closed", "merged"}
    again = runner.invoke(args=["seed-demo"])
    assert "al geladen" in again.output
    assert db.session.query(Signal).count() == 120
