"""Durability: nothing acknowledged is lost, nothing retried is stored twice, across a SIGKILL of the server.

The app runs under gunicorn (two workers) on the suite's database kind: a SQLite file in WAL mode, or
PostgreSQL when TEST_DATABASE_URL names one (CI runs the suite on both). Several client processes
submit signals through the API, each with its own Idempotency-Key, and retry on any failure. Midway the
whole server (master and workers) is killed with SIGKILL and started again. Afterwards every submission
must be stored exactly once, under the id its 2xx answer gave.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import create_app
from app.extensions import db as _db
from config import TestConfig as _TestConfig
from signals.accounts import create_token, create_user
from signals.reference import load_reference_data
from signals.search import install_fulltext
from tests.conftest import PASSWORD
from tests.security import SUMMARY
from tests.security.durability_client import DEADLINE, PER_CLIENT, submit_all

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 4
#: kill the server once this share of the submissions has been acknowledged
KILL_AT = 0.4


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(url: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "durability-test-only",
        "KNELPUNT_ENV": "production",
        "MAIL_BACKEND": "memory",
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_API": "100000 per minute",
    }
    env.pop("TEST_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--preload", "--no-control-socket", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "app:create_app()"],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: SIGKILL reaches master and workers at once
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise AssertionError("gunicorn stopped: " + process.stderr.read().decode(errors="replace")[-2000:])
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    _kill(process)
    raise AssertionError("gunicorn did not answer within 60 s")


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=10)


@pytest.fixture
def durable_database(app, db, tmp_path):
    """(url, token) on the suite's database kind: a fresh SQLite file (WAL), or the PostgreSQL test database."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("postgresql"):
        user, _pw = create_user(db.session, "duurzaam@example.org", "frontline", "GEM", password=PASSWORD)
        _token, token = create_token(db.session, user)
        db.session.commit()
        yield url, token
        return
    url = f"sqlite:///{tmp_path / 'durability.db'}"
    config = _TestConfig()
    config.SQLALCHEMY_DATABASE_URI = url
    config.SQLALCHEMY_ENGINE_OPTIONS = {}
    setup = create_app(config)
    with setup.app_context():
        _db.create_all()
        with _db.engine.begin() as connection:
            install_fulltext(connection)
        load_reference_data(_db.session)
        user, _pw = create_user(_db.session, "duurzaam@example.org", "frontline", "GEM", password=PASSWORD)
        _token, token = create_token(_db.session, user)
        _db.session.commit()
        _db.engine.dispose()
    yield url, token


@pytest.mark.committed  # the server processes read what the test commits
def test_acknowledged_submissions_survive_a_sigkill_exactly_once(durable_database):
    url, token = durable_database
    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite (WAL)"
    port = _free_port()
    run = uuid.uuid4().hex[:8]
    server = _start_server(url, port)
    # spawned, not forked: a fork copies the test process with its threads (xdist, the pool), and a child
    # that inherits a lock another thread held hangs (seen twice under load); the children import only
    # the client's module (the suite's conftest would make a database of its own in each)
    context = multiprocessing.get_context("spawn")
    acknowledged = context.Value("i", 0)
    results = context.Queue()
    clients = [context.Process(target=submit_all, args=(i, port, token, run, acknowledged, results)) for i in range(CLIENTS)]
    total = CLIENTS * PER_CLIENT
    try:
        for process in clients:
            process.start()
        deadline = time.time() + DEADLINE
        while acknowledged.value < total * KILL_AT and time.time() < deadline:
            time.sleep(0.01)
        acknowledged_before_kill = acknowledged.value
        _kill(server)  # SIGKILL, midway: requests in flight get no answer
        server = _start_server(url, port)
        outcomes = [item for _ in clients for item in results.get(timeout=DEADLINE + 30)]
        for process in clients:
            process.join(timeout=30)
    finally:
        _kill(server)
        for process in clients:
            if process.is_alive():
                process.kill()

    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, title FROM signal WHERE title LIKE :prefix"), {"prefix": f"Duurzaamheid {run} %"}
        ).all()
    engine.dispose()
    stored: dict[str, list[int]] = {}
    for signal_id, title in rows:
        stored.setdefault(title, []).append(signal_id)

    acked = [o for o in outcomes if o["status"] is not None and 200 <= o["status"] < 300]
    interrupted = [o for o in outcomes if o["interrupted"]]
    replayed = [o for o in outcomes if o["replayed"]]
    SUMMARY.append(
        f"durability on {kind}: {total} submissions sent, {len(acked)} acknowledged (2xx), {len(rows)} stored; "
        f"SIGKILL after {acknowledged_before_kill} acknowledgements, {len(interrupted)} retried after no answer, "
        f"{len(replayed)} answered by replay, 0 duplicates allowed"
    )
    assert len(outcomes) == total
    assert [o for o in outcomes if o not in acked] == [], "some submissions were never acknowledged"
    assert 0 < acknowledged_before_kill < total, "the kill did not happen midway"
    assert interrupted, "no request met the dead server; the kill proved nothing"
    duplicates = {title: ids for title, ids in stored.items() if len(ids) > 1}
    assert duplicates == {}, f"stored twice: {duplicates}"
    for outcome in acked:
        assert stored.get(outcome["title"]) == [outcome["id"]], f"{outcome['key']} acknowledged as {outcome['id']} but stored as {stored.get(outcome['title'])}"
    assert len(rows) == total
