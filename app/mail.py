"""The mail adapter the app uses, chosen by MAIL_BACKEND, and commit-then-deliver."""

from __future__ import annotations

import atexit
import logging
import os
import threading

from flask import Flask, appcontext_pushed, current_app, has_request_context

from app.extensions import db
from signals import notifications
from signals.notifications import LogMailer, MemoryMailer, SmtpMailer, deliver_committed

log = logging.getLogger(__name__)


def init_mail(app: Flask) -> None:
    """Pick the mailer: smtp in production, log in development, memory in tests."""
    backend = app.config["MAIL_BACKEND"]
    if backend == "smtp":
        mailer = SmtpMailer(
            host=app.config["SMTP_HOST"],
            port=app.config["SMTP_PORT"],
            sender=app.config["MAIL_SENDER"],
            username=app.config["SMTP_USERNAME"],
            password=app.config["SMTP_PASSWORD"],
            use_tls=app.config["SMTP_TLS"],
        )
    elif backend == "memory":
        mailer = MemoryMailer()
    else:
        mailer = LogMailer()
    app.extensions["knelpunt_mailer"] = mailer
    delay = float(app.config.get("MAIL_MARK_DELAY") or 0)
    if delay > 0:
        app.extensions["knelpunt_sent_marks"] = SentMarks(app, delay)

    def pass_settings(sender, **_extra):
        notifications.configure_session(db.session, sender.config["BASE_URL"])

    appcontext_pushed.connect(pass_settings, app, weak=False)

    @app.before_request
    def settings_for_this_session():
        notifications.configure_session(db.session, app.config["BASE_URL"])


def commit_and_deliver() -> None:
    """Commit the request's work, then send the mail it queued (failures stay queued for cron).

    In an API call with an Idempotency-Key the commit waits for the answer, which is stored with the change.
    """
    from app.api.idempotency import defer_commit

    if has_request_context() and defer_commit():
        return
    db.session.commit()
    deliver_after_commit()


def deliver_after_commit() -> None:
    """Send the mail this request queued and has just committed, then mark it sent.

    Only its own: four workers each sending every pending row would send them four times over.
    Older rows and failures are sent by ``deadlines check`` (signals.notifications.deliver_pending).
    In a request with MAIL_MARK_DELAY > 0 the mark is not a second write transaction of the request:
    this process marks what it sent in the last moment in one UPDATE, from a thread (SentMarks).
    """
    mailer = current_app.extensions["knelpunt_mailer"]
    marks = current_app.extensions.get("knelpunt_sent_marks")
    if marks is None or not has_request_context():
        if deliver_committed(db.session, mailer):
            db.session.commit()
        return
    marks.add(deliver_committed(db.session, mailer, mark=False))


class SentMarks:
    """Ids of mail this process sent, marked sent together after ``delay`` seconds by a daemon thread.

    Under load every request used to end with a write transaction of its own for that one UPDATE
    (on SQLite a wait for the write lock and a sync to disk). The mail itself still goes out right
    after the commit; only the mark waits. If the process dies before it marks, ``deadlines check``
    sends those mails again, as it would had the process died between sending and marking before.
    ``flush`` marks at once (at exit, and in tests).
    """

    def __init__(self, app: Flask, delay: float):
        self.app, self.delay = app, delay
        self._ids: list[int] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None

    def add(self, ids: list[int]) -> None:
        if not ids:
            return
        with self._lock:
            self._ids.extend(ids)
            if self._pid != os.getpid():  # first use in this process (a forked worker starts its own thread)
                self._pid, self._thread = os.getpid(), None
                atexit.register(self.flush)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="knelpunt-sent-marks", daemon=True)
                self._thread.start()

    def flush(self) -> int:
        with self._lock:
            ids, self._ids = self._ids, []
        if not ids:
            return 0
        try:
            with self.app.app_context(), db.engine.begin() as connection:
                notifications.mark_sent(connection, ids)
        except Exception:  # the database away for a moment: keep them for the next round
            log.warning("Verzonden mail (%d) nog niet als verzonden gemarkeerd; volgende keer opnieuw.", len(ids))
            with self._lock:
                self._ids[:0] = ids
            return 0
        return len(ids)

    def _run(self) -> None:
        while True:
            self._wake.wait(self.delay)
            self.flush()
