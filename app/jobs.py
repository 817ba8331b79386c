"""Heavy work off the request: letter files and publishing run as RQ jobs when REDIS_URL is set,
inline otherwise. A job's state, progress and result live in the database (``BackgroundJob``),
so any app server can show them and serve the file.

Workers: ``rq worker knelpunt --url $REDIS_URL`` with the app's environment (DATABASE_URL, …).
"""

from __future__ import annotations

import secrets

from flask import current_app, has_app_context

from app.extensions import db
from signals.models import BackgroundJob, User, utcnow

QUEUE = "knelpunt"
JOB_TIMEOUT = 30 * 60


def redis_url() -> str | None:
    return current_app.config.get("REDIS_URL") or None


def submit(kind: str, params: dict, user: User) -> BackgroundJob:
    """Record a job and queue it (RQ) or run it now (no REDIS_URL); the job is committed."""
    job = BackgroundJob(id=secrets.token_hex(16), kind=kind, params=params, user_id=user.id, status="queued")
    db.session.add(job)
    db.session.commit()
    url = redis_url()
    if url:
        from redis import Redis
        from rq import Queue

        Queue(QUEUE, connection=Redis.from_url(url)).enqueue(run_job, job.id, job_timeout=JOB_TIMEOUT)
    else:
        execute(job.id)
    return db.session.get(BackgroundJob, job.id)


def run_job(job_id: str) -> None:
    """The RQ entry point: in the caller's app context if there is one, else in an app built from the environment."""
    if has_app_context():
        execute(job_id)
        return
    from app import create_app

    with create_app().app_context():
        execute(job_id)


def _progress(job: BackgroundJob, percent: int, message: str = "") -> None:
    job.progress = percent
    job.message = message
    db.session.commit()


def execute(job_id: str) -> None:
    """Do the job's work and store its result; a failure is recorded on the job, not raised."""
    job = db.session.get(BackgroundJob, job_id)
    if job is None or job.status in ("done", "failed"):
        return
    job.status = "running"
    _progress(job, 5)
    try:
        WORK[job.kind](job)
    except Exception as error:  # the job page must say what happened, whatever it was
        db.session.rollback()
        job = db.session.get(BackgroundJob, job_id)
        job.status = "failed"
        job.message = str(error)[:500]
        job.finished_at = utcnow()
        db.session.commit()
        current_app.logger.exception("job %s failed", job_id)
        return
    job.status = "done"
    job.progress = 100
    job.finished_at = utcnow()
    db.session.commit()


def _letter_file(job: BackgroundJob) -> None:
    from reports import export, render
    from reports.letter import ALL, build_bottleneck_letter
    from reports.periods import parse_period
    from reports.publish import file_name

    params = job.params
    period = parse_period(params["period"])
    ministry = params.get("ministry") or None
    letter = build_bottleneck_letter(db.session, period, ministry)
    _progress(job, 40)
    fmt = params["format"]
    if fmt in export.WRITERS:
        content = export.export_bytes(db.session, letter, fmt)
    else:
        content = render.render(letter, fmt)
    job.content = content
    job.file_name = file_name(period.code, ministry or ALL, fmt)
    job.media_type = render.FORMATS[fmt]


def _publish_letter(job: BackgroundJob) -> None:
    from reports.periods import parse_period
    from reports.publish import publish_letter

    user = db.session.get(User, job.user_id)
    params = job.params
    letter = publish_letter(db.session, user, parse_period(params["period"]), params.get("ministry") or None)
    db.session.flush()
    job.params = {**params, "letter_id": letter.id}
    job.message = letter.title


WORK = {"letter_file": _letter_file, "publish_letter": _publish_letter}
