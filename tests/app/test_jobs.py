"""Letter files and publishing off the request: inline without Redis, as RQ jobs with it (db 2)."""

import csv
import io

import pytest
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import delete

from app import jobs
from signals.models import BackgroundJob
from tests.conftest import login
from tests.reports.factories import cleanup_letters, make_dataset

REDIS_URL = "redis://127.0.0.1:6379/2"


@pytest.fixture(autouse=True)
def _clean(db):
    yield
    db.session.rollback()
    db.session.execute(delete(BackgroundJob))
    db.session.commit()
    cleanup_letters(db)


@pytest.fixture
def rq_queue(app, monkeypatch):
    """REDIS_URL set for the app; an empty queue on our own Redis database."""
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    connection = Redis.from_url(REDIS_URL)
    queue = Queue(jobs.QUEUE, connection=connection)
    queue.empty()
    yield queue
    queue.empty()


def _annex_rows(content: bytes) -> int:
    return sum(1 for row in csv.reader(io.StringIO(content.decode("utf-8"))) if row[0] == "annex" and row[2] == "Kenmerk")


def test_inline_job_is_done_at_once_and_only_its_owner_sees_it(client, db, make_signal, make_user):
    make_dataset(db, make_signal)
    owner = make_user("coordinator", "BZK")
    job = jobs.submit("letter_file", {"period": "2026-Q3", "ministry": None, "format": "csv"}, owner)
    assert job.status == "done" and job.progress == 100
    login(client, owner)
    page = client.get(f"/brieven/taak/{job.id}").get_data(as_text=True)
    assert "Klaar." in page and 'http-equiv="refresh"' not in page
    download = client.get(f"/brieven/taak/{job.id}/bestand")
    assert download.status_code == 200 and _annex_rows(download.data) == 6
    client.post("/auth/logout")
    login(client, make_user("liaison", "BZK"))
    assert client.get(f"/brieven/taak/{job.id}").status_code == 404
    assert client.get(f"/brieven/taak/{job.id}/bestand").status_code == 404


def test_without_redis_the_download_is_served_directly(client, db, make_signal, make_user):
    make_dataset(db, make_signal)
    login(client, make_user("coordinator", "BZK"))
    response = client.get("/brieven/download", query_string={"period": "2026-Q3", "ministry": "ALL", "format": "csv"})
    assert response.status_code == 200 and _annex_rows(response.data) == 6


def test_with_redis_a_worker_makes_the_file_and_the_page_shows_progress(client, db, make_signal, make_user, rq_queue):
    make_dataset(db, make_signal)
    login(client, make_user("coordinator", "BZK"))
    response = client.get("/brieven/download", query_string={"period": "2026-Q3", "ministry": "ALL", "format": "csv"})
    assert response.status_code == 302
    job_page = response.headers["Location"]
    page = client.get(job_page).get_data(as_text=True)
    assert "In de wachtrij." in page and 'http-equiv="refresh"' in page and "js/job.js" in page
    status_url = job_page + "/status"
    assert client.get(status_url).get_json()["status"] == "queued"
    assert rq_queue.count == 1

    SimpleWorker([rq_queue], connection=rq_queue.connection).work(burst=True)

    state = client.get(status_url).get_json()
    assert state["status"] == "done" and state["progress"] == 100
    page = client.get(job_page).get_data(as_text=True)
    assert "Klaar." in page and "Bestand downloaden" in page
    assert _annex_rows(client.get(state["result_url"]).data) == 6


def test_with_redis_publishing_runs_as_a_job(client, db, make_signal, make_user, rq_queue):
    make_dataset(db, make_signal)
    login(client, make_user("liaison", "BZK"))
    response = client.post("/brieven/publiceren", data={"period": "2026-Q3", "ministry": "ALL"})
    assert response.status_code == 302 and "/brieven/taak/" in response.headers["Location"]
    SimpleWorker([rq_queue], connection=rq_queue.connection).work(burst=True)
    state = client.get(response.headers["Location"] + "/status").get_json()
    assert state["status"] == "done"
    published = client.get(state["result_url"])
    page = published.get_data(as_text=True)
    assert published.status_code == 200 and "Knelpuntenbrief" in page and "2026-Q3" in page and "SHA-256" in page
