"""The progress page of a background job (/brieven/taak/<id>): it follows the job with and without JavaScript."""

from __future__ import annotations

import secrets

import pytest

from app.extensions import db
from signals.models import BackgroundJob, utcnow
from tests.browser.helpers import expect

pytestmark = pytest.mark.browser


def _job(live_server, status: str = "running", progress: int = 40) -> str:
    """A letter-file job of the coordinator, as a worker leaves it halfway."""
    with live_server.app.app_context():
        job = BackgroundJob(
            id=secrets.token_hex(16),
            kind="letter_file",
            params={"period": "2026-Q3", "ministry": None, "format": "csv"},
            status=status,
            progress=progress,
            user_id=live_server.user("coordinator").id,
        )
        db.session.add(job)
        db.session.commit()
        return job.id


def _finish(live_server, job_id: str) -> None:
    """What the worker does at the end: the file and the state, committed."""
    with live_server.app.app_context():
        job = db.session.get(BackgroundJob, job_id)
        job.status, job.progress, job.finished_at = "done", 100, utcnow()
        job.content, job.file_name, job.media_type = b"kenmerk;titel\n", "knelpuntenbrief-2026-Q3.csv", "text/csv"
        db.session.commit()


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_the_progress_page_follows_the_job_until_its_file_can_be_downloaded(
    browser, live_server, login_as, check_a11y, javascript
):
    """Does a coordinator waiting for a letter file see how far it is, and then get the file, with or without scripts?"""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript, locale="nl-NL")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login_as(page, "coordinator")
        job_id = _job(live_server)
        page.goto(f"/brieven/taak/{job_id}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Bestand maken")
        expect(page.get_by_role("status")).to_have_text("Bezig…")
        expect(page.get_by_label("Voortgang")).to_have_attribute("value", "40")
        expect(page.get_by_text("Deze pagina ververst zichzelf")).to_be_visible()
        if javascript:  # without scripts the page reloads every 3 s, which would pull it away under axe
            check_a11y(page, "job in progress")

        _finish(live_server, job_id)
        # the script polls the state and reloads; without it the page refreshes itself (<noscript> meta refresh)
        expect(page.get_by_role("status")).to_have_text("Klaar.", timeout=15_000)
        link = page.get_by_role("link", name="Bestand downloaden")
        expect(link).to_be_visible()
        expect(page.get_by_label("Voortgang")).to_have_attribute("value", "100")
        if javascript:  # without scripts the page reloads itself every 3 s; axe run across a reload never returned
            check_a11y(page, "job done")
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200 and response.body().startswith(b"kenmerk")
    finally:
        context.close()


def test_a_failed_job_says_what_went_wrong(page, live_server, login_as, check_a11y):
    """Does the coordinator learn that the file could not be made, instead of waiting forever?"""
    login_as(page, "coordinator")
    job_id = _job(live_server, status="failed", progress=5)
    with live_server.app.app_context():
        job = db.session.get(BackgroundJob, job_id)
        job.message = "De periode bevat geen signalen."
        db.session.commit()
    page.goto(f"/brieven/taak/{job_id}")
    expect(page.get_by_role("status")).to_contain_text("Mislukt: De periode bevat geen signalen.")
    expect(page.get_by_text("Deze pagina ververst zichzelf")).to_have_count(0)
    check_a11y(page, "job failed")
