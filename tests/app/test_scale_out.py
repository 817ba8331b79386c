"""Scale-out: two app server processes on one database see each other's changes at once.

Each server is its own gunicorn process with its own engine and connection pool, as two
machines behind a load balancer would be. On PostgreSQL (TEST_DATABASE_URL) they share the test
database; on SQLite they share a database file.
"""

from __future__ import annotations

import http.client
import json
import os

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from bench.run import gunicorn
from signals import accounts
from signals.accounts import create_token, create_user
from signals.models import Base, Channel
from signals.reference import load_reference_data
from signals.search import install_fulltext


def _call(port: int, method: str, path: str, token: str, body: dict | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    payload = json.loads(response.read() or b"{}")
    connection.close()
    return response.status, payload


@pytest.fixture
def shared_database(request, tmp_path):
    """A database URL both servers use, with reference data, and tokens for a frontline and a triage user."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url and not url.startswith("sqlite"):
        request.getfixturevalue("db")  # the suite's database: emptied again after the test
    else:
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        install_fulltext(connection)
    accounts.PASSWORD_METHOD = "pbkdf2:sha256:1000"
    with Session(engine) as session:
        load_reference_data(session)
        frontline, _ = create_user(session, "scale-frontline@example.org", "frontline", "GEM", password="scale-password")
        triage, _ = create_user(session, "scale-triage@example.org", "triage", "SZW", password="scale-password")
        session.flush()
        reader, _ = create_user(session, "scale-reader@example.org", "coordinator", "BZK", password="scale-password")
        session.flush()
        tokens = {
            "frontline": create_token(session, frontline)[1],
            "triage": create_token(session, triage)[1],
            "reader": create_token(session, reader)[1],
        }
        session.commit()
    engine.dispose()
    return url, tokens


@pytest.mark.committed  # the server processes read what the test commits
def test_two_servers_see_each_others_changes_at_once(shared_database):
    url, tokens = shared_database
    limited = {"RATELIMIT_API": f"{API_LIMIT} per minute"}  # counted in the shared database (no Redis here)
    with gunicorn("bench.wsgi:knelpunt()", url, 1, limited) as port_a, gunicorn("bench.wsgi:knelpunt()", url, 1, limited) as port_b:
        status, created = _call(
            port_a, "POST", "/api/v1/signals", tokens["frontline"],
            {"channel": "GEM-BL", "title": "Gift", "description": "Bijstand teruggevorderd na een gift.",
             "regulations": ["BWBR0015703"], "external_id": "SCALE-1"},
        )  # fmt: skip
        assert status == 201 and created["status"] == "routed"
        # the other server sees the new signal on its very next request
        status, seen = _call(port_b, "GET", f"/api/v1/signals/{created['id']}", tokens["triage"])
        assert status == 200 and seen["reference"] == created["reference"]
        # a step taken on B is what A shows next
        status, _ = _call(port_b, "POST", f"/api/v1/signals/{created['id']}/transitions", tokens["triage"], {"to": "in_progress"})
        assert status == 200
        status, again = _call(port_a, "GET", f"/api/v1/signals/{created['id']}", tokens["frontline"])
        assert again["status"] == "in_progress"
        # and the channel's retry through the other server finds the stored signal instead of a copy
        status, repeat = _call(
            port_b, "POST", "/api/v1/signals", tokens["frontline"],
            {"channel": "GEM-BL", "title": "Gift", "description": "Bijstand teruggevorderd na een gift.", "external_id": "SCALE-1"},
        )  # fmt: skip
        assert status == 200 and repeat["id"] == created["id"]

        # reference data: a channel switched off through a third process is refused by both at once,
        # although each had it in its cache from the signals above
        engine = create_engine(url)
        try:
            _set_channel_active(engine, "GEM-BL", False)
            for port in (port_a, port_b):
                status, refused = _call(
                    port, "POST", "/api/v1/signals", tokens["frontline"],
                    {"channel": "GEM-BL", "title": "Nog een", "description": "Tekst."},
                )  # fmt: skip
                assert status == 422 and "channel" in refused["error"]["fields"]
        finally:
            _set_channel_active(engine, "GEM-BL", True)
            engine.dispose()

        # rate limits: one token's calls count together, whichever server answers them
        for port in (port_a, port_b, port_a, port_b, port_a):
            assert _call(port, "GET", "/api/v1/signals", tokens["reader"])[0] == 200
        assert _call(port_b, "GET", "/api/v1/signals", tokens["reader"])[0] == 429


#: calls per token per minute in the scale-out test (the frontline token makes five)
API_LIMIT = 5


def _set_channel_active(engine, code: str, active: bool) -> None:
    with Session(engine) as session:
        session.get(Channel, code).is_active = active
        session.commit()
